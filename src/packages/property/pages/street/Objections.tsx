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
import { MAX_EXCLUDED, type ObjectionView } from '../../../../../types/property'
import RatingStars from '../../components/RatingStars'

const STATUS = { pending: '待处理', upheld: '成立', rejected: '不成立' } as const

/** The company's counted ratings of the period, to pick the ones an upheld objection excludes (anonymous, as staff see them). */
function RatingPicker({ o, picked, onToggle }: { o: ObjectionView; picked: string[]; onToggle: (id: string) => void }) {
  const q = useCloud('property', 'rating.inbox', { companyId: o.companyId, periodId: o.periodId, pageSize: 50 })
  return (
    <QueryState {...q} loadingText='正在读取该公司本期的评价…'>
      {(page) => {
        const counted = page.items.filter((r) => r.status === 'counted')
        return counted.length === 0 ? (
          <Empty text='该公司本期没有已计入的评价' />
        ) : (
          <View id={`pick-${o.id}`}>
            <Text className='pp-line pp-line--muted'>
              选择要剔除的评价（最多 {MAX_EXCLUDED} 条，已选 {picked.length}{' '}
              条）。剔除的评价保留存档并注明原因，不再计入本期榜单。
            </Text>
            {counted.map((r) => {
              const on = picked.includes(r.id)
              return (
                <View
                  key={r.id}
                  id={`pick-${r.id}`}
                  className={`pp-pick${on ? ' pp-pick--on' : ''}`}
                  onClick={() => onToggle(r.id)}
                >
                  <Text className='pp-pick__check'>
                    {on ? '☑ 剔除' : '☐ 选择'} · {r.estateName}
                  </Text>
                  <RatingStars stars={r.stars} />
                  {r.comment ? <Text className='pp-line'>{r.comment}</Text> : null}
                </View>
              )
            })}
          </View>
        )
      }}
    </QueryState>
  )
}

/** One pending objection: reasons, then 不成立, 成立并加注, or 成立并剔除所选评价. */
function Decide({ o, onDone }: { o: ObjectionView; onDone: () => void }) {
  const decide = useMutation('property', 'objection.decide')
  const [text, setText] = useState('')
  const [excluding, setExcluding] = useState(false)
  const [picked, setPicked] = useState<string[]>([])
  const toggle = (id: string) => setPicked(picked.includes(id) ? picked.filter((x) => x !== id) : [...picked, id])
  const run = async (input: { upheld: boolean; effect?: 'exclude' | 'annotate'; ratingIds?: string[] }) => {
    if (await decide.run({ objectionId: o.id, decision: text, ...input })) {
      toast('已处理')
      onDone()
    }
  }
  return (
    <View>
      <Field
        id={`decision-${o.id}`}
        kind='textarea'
        label='处理意见（会公开在榜单上）'
        value={text}
        onChange={setText}
        maxLength={300}
        error={decide.error?.message}
      />
      {excluding ? (
        <View>
          <RatingPicker o={o} picked={picked} onToggle={toggle} />
          <View className='pp-actions'>
            <Button
              id={`exclude-${o.id}`}
              size='small'
              disabled={picked.length === 0}
              loading={decide.sending}
              onClick={() => void run({ upheld: true, effect: 'exclude', ratingIds: picked })}
            >
              成立，剔除所选 {picked.length} 条
            </Button>
            <Button
              size='small'
              variant='plain'
              onClick={() => {
                setExcluding(false)
                setPicked([])
              }}
            >
              返回
            </Button>
          </View>
        </View>
      ) : (
        <View className='pp-actions'>
          <Button id={`choose-exclude-${o.id}`} size='small' onClick={() => setExcluding(true)}>
            成立：剔除评价…
          </Button>
          <Button
            id={`annotate-${o.id}`}
            size='small'
            variant='secondary'
            loading={decide.sending}
            onClick={() => void run({ upheld: true, effect: 'annotate' })}
          >
            成立：榜单加注
          </Button>
          <Button
            id={`reject-${o.id}`}
            size='small'
            variant='plain'
            loading={decide.sending}
            onClick={() => void run({ upheld: false })}
          >
            不成立
          </Button>
        </View>
      )}
    </View>
  )
}

/** Objections to the latest closed or published period, and the street's recorded decisions with their effect. */
export default function Objections({ streetId }: { streetId: string }) {
  const periods = useCloud('property', 'period.list', { streetId, pageSize: 5 })
  const period = periods.data?.items.find((p) => p.status !== 'open')
  const q = useCloud('property', 'objection.list', period ? { periodId: period.id, pageSize: 30 } : null)
  return (
    <QueryState {...periods}>
      {() =>
        !period ? (
          <Empty text='没有处于异议期或已发布的周期' />
        ) : (
          <QueryState {...q}>
            {(page) => (
              <View>
                <Notice title={`${period.label}的异议`}>
                  {period.objectionUntil ? (
                    <Text>
                      异议期 {formatTime(period.closedAt)} 至 {formatTime(period.objectionUntil)}
                      {period.objectionOpen ? '（进行中）' : '（已结束）'}
                    </Text>
                  ) : null}
                </Notice>
                {page.items.length === 0 ? <Empty text='本期没有异议' /> : null}
                {page.items.map((o) => (
                  <Card
                    key={o.id}
                    title={o.companyName}
                    id={`objection-${o.id}`}
                    extra={<Text className='pp-line pp-line--muted'>{STATUS[o.status]}</Text>}
                  >
                    <Text className='pp-line'>{o.text}</Text>
                    <Text className='pp-line pp-line--muted'>
                      {o.byName} · {formatTime(o.at)}
                    </Text>
                    {o.decision ? (
                      <Text className='pp-line pp-line--reason'>
                        处理意见（{o.decidedByName}，{formatTime(o.decidedAt)}）：{o.decision}
                      </Text>
                    ) : null}
                    {o.effect === 'exclude' ? (
                      <Text className='pp-line pp-line--reason'>已剔除 {o.excluded} 条评价</Text>
                    ) : null}
                    {o.effect === 'annotate' ? <Text className='pp-line pp-line--reason'>已在榜单上加注</Text> : null}
                    {o.status === 'pending' ? <Decide o={o} onDone={q.reload} /> : null}
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
