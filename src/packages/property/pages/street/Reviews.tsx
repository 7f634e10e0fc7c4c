import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Card from '../../../../components/Card'
import Button from '../../../../components/Button'
import Field from '../../../../components/Field'
import Empty from '../../../../components/Empty'
import Notice from '../../../../components/Notice'
import QueryState from '../../../../components/QueryState'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { toast } from '../../../../services/nav'
import { formatTime } from '../../../../services/format'
import RatingStars from '../../components/RatingStars'

/** Ratings held because many newly verified households rated one company: count them or leave them out (a period's list publishes only once its held ratings are decided). */
export default function Reviews({ streetId }: { streetId: string }) {
  const q = useCloud('property', 'review.list', { streetId, pageSize: 30 })
  const decide = useMutation('property', 'review.decide')
  const [reasons, setReasons] = useState<Record<string, string>>({})
  const run = async (ratingId: string, approve: boolean) => {
    const r = await decide.run({ ratingId, approve, reason: reasons[ratingId]?.trim() || undefined })
    if (r) {
      toast(approve ? '已计入' : '已不计入')
      q.reload()
    }
  }
  return (
    <QueryState {...q}>
      {(page) =>
        page.items.length === 0 ? (
          <Empty text='没有待复核的评价' hint='新认证住户在短期内集中评价同一物业时，超出部分会暂缓计入' />
        ) : (
          <View>
            {decide.error ? <Notice tone='error'>{decide.error.message}</Notice> : null}
            {page.items.map((r) => (
              <Card key={r.id} title={r.companyName} id={`review-${r.id}`}>
                <Text className='pp-line'>{r.address}</Text>
                <Text className='pp-line pp-line--muted'>
                  认证于 {formatTime(r.verifiedAt)} · 评价于 {formatTime(r.createdAt)}
                </Text>
                <RatingStars stars={r.stars} />
                {r.comment ? <Text className='pp-line'>{r.comment}</Text> : null}
                <Field
                  kind='text'
                  label='原因（不计入时必填）'
                  value={reasons[r.id] ?? ''}
                  onChange={(v) => setReasons({ ...reasons, [r.id]: v })}
                  maxLength={200}
                />
                <View className='pp-actions'>
                  <Button id={`approve-${r.id}`} size='small' loading={decide.sending} onClick={() => run(r.id, true)}>
                    计入
                  </Button>
                  <Button id={`reject-${r.id}`} size='small' variant='danger' onClick={() => run(r.id, false)}>
                    不计入
                  </Button>
                </View>
              </Card>
            ))}
          </View>
        )
      }
    </QueryState>
  )
}
