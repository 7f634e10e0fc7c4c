import { View, Text } from '@tarojs/components'
import type { BindingView } from '../../../../types/org'
import Card from '../../../components/Card'
import Button from '../../../components/Button'
import StatusBadge from '../../../components/StatusBadge'
import { ROUTES } from '../../../services/nav'
import { formatTime } from '../../../services/format'
import Taro from '@tarojs/taro'

export interface BindResultProps {
  binding: BindingView
}

/** What happened to the request: verified at once (户码) or waiting for the community. */
export default function BindResult({ binding }: BindResultProps) {
  const verified = binding.status === 'verified'
  return (
    <Card title={verified ? '认证成功' : '申请已提交'} extra={<StatusBadge status={binding.status} />} id='bind-result'>
      <View className='bind-result__rows'>
        <Text className='bind-result__row'>房屋：{binding.address}</Text>
        <Text className='bind-result__row'>社区：{binding.communityName}</Text>
        <Text className='bind-result__row'>提交时间：{formatTime(binding.createdAt)}</Text>
      </View>
      <Text className='bind-result__note'>
        {verified ? '您已是认证住户，可以参与社区议事、投票和物业评价。' : '社区书记审核后，结果会显示在首页。'}
      </Text>
      <Button id='bind-done' onClick={() => void Taro.reLaunch({ url: ROUTES.home })}>
        回到首页
      </Button>
    </Card>
  )
}
