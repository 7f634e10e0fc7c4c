import { View, Text } from '@tarojs/components'
import Button from '../../../../components/Button'
import './index.scss'

export interface PagerProps {
  page: number
  pageSize: number
  total: number
  onChange: (page: number) => void
}

/** 上一页 / 下一页 for a paged list; hidden when everything fits on one page. */
export default function Pager({ page, pageSize, total, onChange }: PagerProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize))
  if (pages <= 1) return null
  return (
    <View className='pager'>
      <Button size='small' variant='plain' disabled={page <= 1} onClick={() => onChange(page - 1)}>
        上一页
      </Button>
      <Text className='pager__text'>
        第 {page} / {pages} 页
      </Text>
      <Button size='small' variant='plain' disabled={page >= pages} onClick={() => onChange(page + 1)}>
        下一页
      </Button>
    </View>
  )
}
