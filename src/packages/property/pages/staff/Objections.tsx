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
import { newRequestId } from '../../../../services/requestId'
import { formatTime } from '../../../../services/format'
import type { ObjectionView, PeriodView } from '../../../../../types/property'

const STATUS_TITLE = { pending: '待街道处理', upheld: '异议成立', rejected: '异议不成立' } as const

/** What the street's decision did, in words. */
const effectText = (o: ObjectionView) =>
  o.effect === 'exclude'
    ? `剔除 ${o.excluded ?? 0} 条评价，不计入本期榜单`
    : o.effect === 'annotate'
      ? '街道在榜单上本公司名下加注说明'
      : ''

/** The window in words: its dates and whether it is open now (by the server's clock). */
function WindowNotice({ period }: { period: PeriodView }) {
  return (
    <Notice tone={period.objectionOpen ? 'info' : 'warn'} title={`${period.label} · 异议期`} id='objection-window'>
      <Text className='pp-line'>
        {formatTime(period.closedAt)} 至 {formatTime(period.objectionUntil)}
      </Text>
      <Text className='pp-line pp-line--muted'>
        {period.objectionOpen
          ? '现在可以对本公司的预计结果提出异议，街道处理后才发布榜单。'
          : '异议期已结束，不能再提出异议。街道处理完已有的异议后发布榜单。'}
      </Text>
    </Notice>
  )
}

/** The box, only while the window is open and the company has no objection waiting: never a box that is refused after typing. */
function ObjectionForm({ period, companyId, onSent }: { period: PeriodView; companyId: string; onSent: () => void }) {
  const submit = useMutation('property', 'objection.submit')
  const [text, setText] = useState('')
  const [requestId, setRequestId] = useState(newRequestId)
  const send = async () => {
    const r = await submit.run({ requestId, periodId: period.id, companyId, text })
    if (r) {
      toast('异议已提交')
      setText('')
      setRequestId(newRequestId())
      onSent()
    }
  }
  return (
    <View id='objection-form'>
      <Field
        id='objection-text'
        kind='textarea'
        label='异议内容'
        value={text}
        onChange={setText}
        maxLength={500}
        placeholder='写明哪项结果有误、为什么，可以指出具体的评价'
        error={submit.error?.message}
      />
      <Button id='send-objection' loading={submit.sending} onClick={send}>
        提交异议
      </Button>
    </View>
  )
}

/** Staff: the objection window of the latest closed period, the company's expected result, its objections and the street's decisions. */
export default function Objections({ companyId, streetId }: { companyId: string; streetId: string }) {
  const periods = useCloud('property', 'period.list', { streetId, pageSize: 5 })
  const rule = useCloud('property', 'rule.current', { streetId })
  const closed = periods.data?.items.find((p) => p.status === 'closed')
  const list = useCloud('property', 'objection.list', closed ? { periodId: closed.id, companyId } : null)
  const preview = useCloud('property', 'list.preview', closed ? { periodId: closed.id } : null)
  const days = rule.data?.rule.objectionDays
  return (
    <QueryState {...periods}>
      {() =>
        !closed ? (
          <Empty
            text='当前不在异议期'
            hint={`每期评价结束后${days ? `的 ${days} 天内` : ''}，可以对本公司的结果提出异议；街道处理后才发布榜单`}
          />
        ) : (
          <View>
            <WindowNotice period={closed} />
            {/* The objection is about this result: without it (loading, failed) the box below would be blind. */}
            <QueryState {...preview} loadingText='正在计算本公司预计结果…'>
              {(d) => {
                const e = d.entries.find((x) => x.companyId === companyId)
                const estates = d.served.find((x) => x.companyId === companyId)?.estates ?? []
                return e ? (
                  <Card title='本公司预计结果' id='staff-preview'>
                    <Text className='pp-line'>{e.score} 分</Text>
                    <Text className='pp-line pp-line--muted'>计入的服务小区：{estates.join('、') || '暂无'}</Text>
                    {e.reasons.map((r, i) => (
                      <Text key={i} className='pp-line pp-line--reason'>
                        {r}
                      </Text>
                    ))}
                  </Card>
                ) : (
                  <Empty text='本期榜单中没有本公司' />
                )
              }}
            </QueryState>
            <QueryState {...list}>
              {(page) => {
                const pending = page.items.some((o) => o.status === 'pending')
                return (
                  <View>
                    {closed.objectionOpen && !pending ? (
                      <ObjectionForm period={closed} companyId={companyId} onSent={list.reload} />
                    ) : null}
                    {closed.objectionOpen && pending ? (
                      <Notice tone='info' id='objection-pending'>
                        <Text>本公司已有一条异议待街道处理，处理后才能再提。</Text>
                      </Notice>
                    ) : null}
                    {page.items.length === 0 ? (
                      <Empty text='本公司本期没有提出异议' />
                    ) : (
                      <View className='pp-gap'>
                        {page.items.map((o) => (
                          <Card key={o.id} title={STATUS_TITLE[o.status]} id={`objection-${o.id}`}>
                            <Text className='pp-line'>{o.text}</Text>
                            <Text className='pp-line pp-line--muted'>
                              {o.byName} · {formatTime(o.at)}
                            </Text>
                            {o.decision ? (
                              <Text className='pp-line pp-line--reason'>
                                街道意见（{o.decidedByName}）：{o.decision}
                              </Text>
                            ) : null}
                            {o.effect ? (
                              <Text className='pp-line pp-line--reason'>处理结果：{effectText(o)}</Text>
                            ) : null}
                          </Card>
                        ))}
                      </View>
                    )}
                  </View>
                )
              }}
            </QueryState>
          </View>
        )
      }
    </QueryState>
  )
}
