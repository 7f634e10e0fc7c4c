import { View, Text } from '@tarojs/components'
import Button from '../../../components/Button'

export interface PagerProps {
  page: number
  pageSize: number
  total: number
  onChange: (page: number) => void
}

/** 上一页 / 下一页; hidden when everything fits on one page. */
export default function Pager({ page, pageSize, total, onChange }: PagerProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize))
  if (pages <= 1) return null
  return (
    <View className='cc-row' style={{ justifyContent: 'space-between' }}>
      <Button size='small' variant='plain' disabled={page <= 1} onClick={() => onChange(page - 1)}>上一页</Button>
      <Text className='cc-line--muted'>第 {page} / {pages} 页</Text>
      <Button size='small' variant='plain' disabled={page >= pages} onClick={() => onChange(page + 1)}>下一页</Button>
    </View>
  )
}
