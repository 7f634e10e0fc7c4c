import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Card from '../../../../components/Card'
import Button from '../../../../components/Button'
import Empty from '../../../../components/Empty'
import Notice from '../../../../components/Notice'
import Tag from '../../../../components/Tag'
import QueryState from '../../../../components/QueryState'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { confirm, go, toast } from '../../../../services/nav'
import { newRequestId } from '../../../../services/requestId'
import { formatTime } from '../../../../services/format'
import { wallTime } from '../../../../services/time'
import { PERIOD_STATUS_LABEL, type PeriodView } from '../../../../../types/property'
import EntryCard from '../../components/EntryCard'
import FileReady from '../../../../components/FileReady'
import { useExport } from '../../../../hooks/useExport'
import { PROP } from '../../routes'

/** The key of the month (or quarter) containing now in Shanghai time, as the function computes it. */
function thisPeriodKey(cadence: string | undefined): string {
  const { year, month } = wallTime(Date.now())!
  return cadence === 'quarterly' ? `${year}-Q${Math.floor((month - 1) / 3) + 1}` : `${year}-${String(month).padStart(2, '0')}`
}

function Preview({ period }: { period: PeriodView }) {
  const q = useCloud('property', 'list.preview', { periodId: period.id })
  return (
    <QueryState {...q}>
      {(d) => (
        <View id='preview'>
          <Text className='pp-line pp-line--muted'>预览（评分规则第 {d.ruleVersion} 版，街道平均满意度 {d.streetMean}）</Text>
          {d.entries.map((e) => <EntryCard key={e.companyId} entry={e} estates={d.served.find((s) => s.companyId === e.companyId)?.estates} />)}
        </View>
      )}
    </QueryState>
  )
}

/**
 * Ratings of the period still held for review block its publication (the server refuses): say how
 * many before the admin presses 发布, with a way to the review queue. A page of one: its total, whatever the ratings.
 */
function HeldReviews({ streetId, period, onReview }: { streetId: string; period: PeriodView; onReview?: () => void }) {
  const q = useCloud('property', 'review.list', { streetId, periodId: period.id, pageSize: 1 })
  return (
    <QueryState {...q} loadingText='正在核对待复核的评价…'>
      {(page) =>
        page.total > 0 ? (
          <Notice tone='warn' id={`held-${period.key}`} actionText={onReview ? '去复核' : undefined} onAction={onReview}>
            <Text>还有 {page.total} 条评价待复核：新认证住户的评价须先计入或不计入，复核完才能发布本期榜单。</Text>
          </Notice>
        ) : null
      }
    </QueryState>
  )
}

/** Open and close periods, preview and publish the list, export a period. */
export default function Periods({ streetId, onReview }: { streetId: string; onReview?: () => void }) {
  const q = useCloud('property', 'period.list', { streetId, pageSize: 12 })
  const open = useMutation('property', 'period.open')
  const close = useMutation('property', 'period.close')
  const publish = useMutation('property', 'list.publish')
  const exporter = useExport('property', 'export.period')
  const [requestId, setRequestId] = useState(newRequestId)
  const [showPreview, setShowPreview] = useState<string>()
  const error = open.error ?? close.error ?? publish.error ?? exporter.error

  const doClose = async (p: PeriodView) => {
    if (!(await confirm('结束本期评价', `结束「${p.label}」评价后居民不能再打分或修改，进入异议期。`, '结束评价'))) return
    if (await close.run({ periodId: p.id })) q.reload()
  }
  const doPublish = async (p: PeriodView) => {
    if (!(await confirm('发布红黑榜', `发布「${p.label}」榜单：规则版本和全部输入将被冻结，任何人可复算核对。`, '发布'))) return
    const r = await publish.run({ requestId, periodId: p.id })
    if (r) {
      setRequestId(newRequestId())
      // A period older than the current list's joins the history; the current list stays.
      toast(r.current ? '榜单已发布' : '已发布为历史榜单')
      q.reload()
    }
  }
  return (
    <View>
      {error ? <Notice tone='error'>{error.message}</Notice> : null}
      {exporter.file ? <FileReady file={exporter.file} onOpen={exporter.open} id='export-url' /> : null}
      <QueryState {...q}>
        {(page) => (
          <View>
            {page.items.some((p) => p.status === 'open') || page.items[0]?.key === thisPeriodKey(page.items[0]?.cadence) ? null : (
              <Button id='open-period' loading={open.sending} onClick={async () => { if (await open.run({ requestId: newRequestId(), streetId })) q.reload() }}>开启本期评价</Button>
            )}
            {page.items.length === 0 ? <Empty text='还没有评价周期' /> : null}
            {page.items.map((p) => (
              <Card key={p.id} title={p.label} extra={<Tag tone={p.status === 'open' ? 'green' : p.status === 'closed' ? 'gold' : 'gray'}>{PERIOD_STATUS_LABEL[p.status]}</Tag>} id={`period-${p.key}`}>
                <Text className='pp-line pp-line--muted'>
                  开启于 {formatTime(p.openedAt)}{p.closedAt ? ` · 结束于 ${formatTime(p.closedAt)}` : ''}{p.objectionUntil ? ` · 异议截止 ${formatTime(p.objectionUntil)}` : ''}{p.publishedVersion ? ` · 已发布第 ${p.publishedVersion} 版` : ''}
                </Text>
                <View className='pp-actions'>
                  {p.status === 'open' ? <Button id={`close-${p.key}`} size='small' variant='danger' loading={close.sending} onClick={() => doClose(p)}>结束评价</Button> : null}
                  {(p.status === 'closed' && !p.objectionOpen) || (p.status === 'published' && p.id === page.items[0]?.id) ? <Button id={`publish-${p.key}`} size='small' loading={publish.sending} onClick={() => doPublish(p)}>{p.status === 'published' ? '重新发布' : '发布榜单'}</Button> : null}
                  {p.status !== 'published' ? <Button id={`preview-${p.key}`} size='small' variant='secondary' onClick={() => setShowPreview(showPreview === p.id ? undefined : p.id)}>预览</Button> : null}
                  <Button size='small' variant='plain' loading={exporter.sending} onClick={() => void exporter.run({ periodId: p.id })}>导出</Button>
                </View>
                {p.objectionOpen ? (
                  <Notice tone='info' id={`window-${p.key}`}>
                    <Text>异议期至 {formatTime(p.objectionUntil)}：物业可在此前对本期结果提出异议，期满并处理完异议后才能发布榜单。</Text>
                  </Notice>
                ) : null}
                {p.status === 'closed' || (p.status === 'published' && p.id === page.items[0]?.id) ? <HeldReviews streetId={streetId} period={p} onReview={onReview} /> : null}
                {showPreview === p.id ? <Preview period={p} /> : null}
                {p.status === 'published' ? <Button size='small' variant='plain' onClick={() => go(PROP.list)}>查看榜单</Button> : null}
              </Card>
            ))}
          </View>
        )}
      </QueryState>
    </View>
  )
}
