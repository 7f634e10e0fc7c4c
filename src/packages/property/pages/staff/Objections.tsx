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
import { PERIOD_STATUS_LABEL } from '../../../../../types/property'

const STATUS_TITLE = { pending: '待街道处理', upheld: '异议成立', rejected: '异议不成立' } as const

/** Staff: in the objection window, the company's own expected result, an objection to it, and the street's decisions. */
export default function Objections({ companyId, streetId }: { companyId: string; streetId: string }) {
  const periods = useCloud('property', 'period.list', { streetId, pageSize: 5 })
  const closed = periods.data?.items.find((p) => p.status === 'closed')
  const list = useCloud('property', 'objection.list', closed ? { periodId: closed.id, companyId } : null)
  const preview = useCloud('property', 'list.preview', closed ? { periodId: closed.id } : null)
  const submit = useMutation('property', 'objection.submit')
  const [text, setText] = useState('')
  const [requestId, setRequestId] = useState(newRequestId)
  const send = async () => {
    if (!closed) return
    const r = await submit.run({ requestId, periodId: closed.id, companyId, text })
    if (r) {
      toast('异议已提交')
      setText('')
      setRequestId(newRequestId())
      list.reload()
    }
  }
  return (
    <QueryState {...periods}>
      {() =>
        !closed ? (
          <Empty text='当前不在异议期' hint='每期评价结束后、榜单发布前，可对本公司的结果提出异议' />
        ) : (
          <View>
            <Notice title={`${closed.label} · ${PERIOD_STATUS_LABEL[closed.status]}`}>
              <Text>异议截止：{formatTime(closed.objectionUntil)}</Text>
            </Notice>
            {/* The objection is about this result: without it (loading, failed) the box below would be blind. */}
            <QueryState {...preview} loadingText='正在计算本公司预计结果…'>
              {(d) => {
                const e = d.entries.find((x) => x.companyId === companyId)
                const estates = d.served.find((x) => x.companyId === companyId)?.estates ?? []
                return e ? (
                  <Card title='本公司预计结果' id='staff-preview'>
                    <Text className='pp-line'>{e.score} 分</Text>
                    <Text className='pp-line pp-line--muted'>计入的服务小区：{estates.join('、') || '暂无'}</Text>
                    {e.reasons.map((r, i) => <Text key={i} className='pp-line pp-line--reason'>{r}</Text>)}
                  </Card>
                ) : (
                  <Empty text='本期榜单中没有本公司' />
                )
              }}
            </QueryState>
            <Field kind='textarea' label='异议内容' value={text} onChange={setText} maxLength={500} error={submit.error?.message} />
            <Button loading={submit.sending} onClick={send}>提交异议</Button>
            <QueryState {...list}>
              {(page) =>
                page.items.length === 0 ? (
                  <Empty text='本公司本期还没有提出异议' />
                ) : (
                  <View className='pp-gap'>
                    {page.items.map((o) => (
                      <Card key={o.id} title={STATUS_TITLE[o.status]}>
                        <Text className='pp-line'>{o.text}</Text>
                        <Text className='pp-line pp-line--muted'>{o.byName} · {formatTime(o.at)}</Text>
                        {o.decision ? <Text className='pp-line pp-line--reason'>街道意见（{o.decidedByName}）：{o.decision}</Text> : null}
                      </Card>
                    ))}
                  </View>
                )
              }
            </QueryState>
          </View>
        )
      }
    </QueryState>
  )
}
