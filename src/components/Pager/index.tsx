import { View, Text } from '@tarojs/components'
import Button from '../Button'
import './index.scss'

export interface PagerProps {
  page: number
  pageSize: number
  total: number
  onChange: (page: number) => void
  /** What is paged, said in the counter (第 1 / 3 页党员); optional. */
  noun?: string
  /** Button ids are `<idPrefix>-prev` and `<idPrefix>-next` (default `pager`). */
  idPrefix?: string
}

/** 上一页 / 下一页 for a paged list; hidden when everything fits on one page. */
export default function Pager({ page, pageSize, total, onChange, noun = '', idPrefix = 'pager' }: PagerProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize))
  if (pages <= 1) return null
  return (
    <View className='tx-pager'>
      <Button
        id={`${idPrefix}-prev`}
        size='small'
        variant='plain'
        disabled={page <= 1}
        onClick={() => onChange(page - 1)}
      >
        上一页
      </Button>
      <Text className='tx-pager__text'>
        第 {page} / {pages} 页{noun}
      </Text>
      <Button
        id={`${idPrefix}-next`}
        size='small'
        variant='plain'
        disabled={page >= pages}
        onClick={() => onChange(page + 1)}
      >
        下一页
      </Button>
    </View>
  )
}
