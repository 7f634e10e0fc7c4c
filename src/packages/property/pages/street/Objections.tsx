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

/** Objections to the latest closed or published period, and the street's recorded decisions. */
export default function Objections({ streetId }: { streetId: string }) {
  const periods = useCloud('property', 'period.list', { streetId, pageSize: 5 })
  const period = periods.data?.items.find((p) => p.status !== 'open')
  const q = useCloud('property', 'objection.list', period ? { periodId: period.id, pageSize: 30 } : null)
  const decide = useMutation('property', 'objection.decide')
  const [texts, setTexts] = useState<Record<string, string>>({})
  const run = async (objectionId: string, upheld: boolean) => {
    const r = await decide.run({ objectionId, upheld, decision: texts[objectionId] ?? '' })
    if (r) {
      toast('已处理')
      q.reload()
    }
  }
  return (
    <QueryState {...periods}>
      {() =>
        !period ? (
          <Empty text='没有处于异议期或已发布的周期' />
        ) : (
          <QueryState {...q}>
            {(page) => (
              <View>
                <Notice title={`${period.label}的异议`}>{period.objectionUntil ? <Text>异议截止 {formatTime(period.objectionUntil)}</Text> : null}</Notice>
                {decide.error ? <Notice tone='error'>{decide.error.message}</Notice> : null}
                {page.items.length === 0 ? <Empty text='本期没有异议' /> : null}
                {page.items.map((o) => (
                  <Card key={o.id} title={o.companyName} extra={<Text className='pp-line pp-line--muted'>{o.status === 'pending' ? '待处理' : o.status === 'upheld' ? '成立' : '不成立'}</Text>}>
                    <Text className='pp-line'>{o.text}</Text>
                    <Text className='pp-line pp-line--muted'>{o.byName} · {formatTime(o.at)}</Text>
                    {o.decision ? <Text className='pp-line pp-line--reason'>处理意见（{o.decidedByName}，{formatTime(o.decidedAt)}）：{o.decision}</Text> : null}
                    {o.status === 'pending' ? (
                      <View>
                        <Field kind='textarea' label='处理意见' value={texts[o.id] ?? ''} onChange={(v) => setTexts({ ...texts, [o.id]: v })} maxLength={300} />
                        <View className='pp-actions'>
                          <Button size='small' loading={decide.sending} onClick={() => run(o.id, true)}>异议成立</Button>
                          <Button size='small' variant='secondary' onClick={() => run(o.id, false)}>不成立</Button>
                        </View>
                      </View>
                    ) : null}
                  </Card>
                ))}
              </View>
            )}
          </QueryState>
        )
      }
    </QueryState>
  )
}
