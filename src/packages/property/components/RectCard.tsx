import type { ReactNode } from 'react'
import { Text } from '@tarojs/components'
import Card from '../../../components/Card'
import Tag from '../../../components/Tag'
import { formatTime } from '../../../services/format'
import { DIMENSION_LABEL, RECT_STATUS_LABEL, type RectificationView } from '../../../../types/property'

const KIND: Record<string, string> = {
  opened: '提出',
  answered: '物业答复',
  progress: '整改进展',
  reported: '物业报告已整改',
  confirmed: '居民确认已整改',
  not_fixed: '居民反馈未整改',
}

/** A rectification item with its history (the resident is always shown as 居民). */
export default function RectCard({ r, children }: { r: RectificationView; children?: ReactNode }) {
  return (
    <Card
      title={r.companyName}
      extra={
        <Tag tone={r.status === 'resolved' ? 'green' : r.overdue ? 'red' : 'gold'}>
          {r.overdue ? '逾期未答复' : RECT_STATUS_LABEL[r.status]}
        </Tag>
      }
      id={`rect-${r.id}`}
    >
      <Text className='pp-line'>{r.comment}</Text>
      <Text className='pp-line pp-line--muted'>
        {r.estateName} · 低分项：{r.lowDimensions.map((d) => DIMENSION_LABEL[d]).join('、')} · 整改期限{' '}
        {formatTime(r.dueAt).slice(0, 10)}
      </Text>
      {r.events.map((e, i) => (
        <Text key={i} className='pp-line pp-line--reason'>
          {formatTime(e.at)} {KIND[e.kind] ?? e.kind}（{e.byName}）{e.text ? `：${e.text}` : ''}
        </Text>
      ))}
      {children}
    </Card>
  )
}
