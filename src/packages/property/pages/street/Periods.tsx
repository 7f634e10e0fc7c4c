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
  return cadence === 'quarterly'
    ? `${year}-Q${Math.floor((month - 1) / 3) + 1}`
    : `${year}-${String(month).padStart(2, '0')}`
}

function Preview({ period }: { period: PeriodView }) {
  const q = useCloud('property', 'list.preview', { periodId: period.id })
  return (
    <QueryState {...q}>
      {(d) => (
        <View id='preview'>
          <Text className='pp-line pp-line--muted'>
            预览（评分规则第 {d.ruleVersion} 版，街道平均满意度 {d.streetMean}）
          </Text>
          {d.entries.map((e) => (
            <EntryCard
              key={e.companyId}
              entry={e}
              estates={d.served.find((s) => s.companyId === e.companyId)?.estates}
            />
          ))}
        </View>
      )}
    </QueryState>
  )
}

/** Companies named per line before "…等 N 家". */
const SHOWN = 6

/**
 * 发布前检查 (property `list.readiness`): what blocks the list now — the window, objections, ratings held
 * for review (with a way to 复核) — and what it would be missing: companies a community has not assessed,
 * companies below the sample. Only the blockers stop 发布; the rest is for the street to weigh.
 */
function Readiness({ period, onReview }: { period: PeriodView; onReview?: () => void }) {
  const q = useCloud('property', 'list.readiness', { periodId: period.id })
  return (
    <QueryState {...q} loadingText='正在检查发布条件…'>
      {(r) => (
        <View className='pp-gap' id={`readiness-${period.key}`}>
          <Text className='pp-line'>发布前检查</Text>
          {r.heldRatings > 0 ? (
            <Notice
              tone='warn'
              id={`held-${period.key}`}
              actionText={onReview ? '去复核' : undefined}
              onAction={onReview}
            >
              <Text>还有 {r.heldRatings} 条评价待复核：新认证住户的评价须先计入或不计入，复核完才能发布本期榜单。</Text>
            </Notice>
          ) : null}
          {r.blocker && r.heldRatings === 0 ? (
            <Text className='pp-line pp-line--alert'>{`暂不能发布：${r.blocker}`}</Text>
          ) : null}
          {!r.blocker ? (
            <Text className='pp-line' id={`ready-${period.key}`}>
              ✓ 可以发布
            </Text>
          ) : null}
          <Text className='pp-line pp-line--muted'>
            {r.pendingObjections ? `✗ 还有 ${r.pendingObjections} 条异议未处理` : '✓ 异议都已处理'}
          </Text>
          {r.missingAssessments.length ? (
            <View id={`missing-${period.key}`}>
              <Text className='pp-line'>{`! 本期还没有社区评价的物业 ${r.missingAssessments.length} 家（按其余两项计分）：`}</Text>
              {r.missingAssessments.slice(0, SHOWN).map((m) => (
                <Text
                  key={m.companyId}
                  className='pp-line pp-line--muted'
                >{`· ${m.companyName}：${m.communities.join('、')}未评`}</Text>
              ))}
              {r.missingAssessments.length > SHOWN ? (
                <Text className='pp-line pp-line--muted'>{`…等 ${r.missingAssessments.length} 家`}</Text>
              ) : null}
            </View>
          ) : (
            <Text className='pp-line pp-line--muted'>✓ 各社区都已评价所服务的物业</Text>
          )}
          {r.belowSample.length ? (
            <View>
              <Text className='pp-line'>{`! 评价不足 ${r.minSample} 户、将列为样本不足的物业 ${r.belowSample.length} 家：`}</Text>
              {r.belowSample.slice(0, SHOWN).map((b) => (
                <Text
                  key={b.companyId}
                  className='pp-line pp-line--muted'
                >{`· ${b.companyName}：${b.households} 户`}</Text>
              ))}
              {r.belowSample.length > SHOWN ? (
                <Text className='pp-line pp-line--muted'>{`…等 ${r.belowSample.length} 家`}</Text>
              ) : null}
            </View>
          ) : null}
        </View>
      )}
    </QueryState>
  )
}

/** Open and close periods, preview and publish the list, export a period. */
export default function Periods({ streetId, onReview }: { streetId: string; onReview?: () => void }) {
  const q = useCloud('property', 'period.list', { streetId, pageSize: 12 })
  const open = useMutation('property', 'period.open')
  const close = useMutation('property', 'period.close')
  const publish = useMutation('property', 'list.publish')
  const exporter = useExport('property.period')
  const [requestId, setRequestId] = useState(newRequestId)
  const [showPreview, setShowPreview] = useState<string>()
  const error = open.error ?? close.error ?? publish.error ?? exporter.error

  const doClose = async (p: PeriodView) => {
    if (!(await confirm('结束本期评价', `结束「${p.label}」评价后居民不能再打分或修改，进入异议期。`, '结束评价')))
      return
    if (await close.run({ periodId: p.id })) q.reload()
  }
  const doPublish = async (p: PeriodView) => {
    if (
      !(await confirm('发布红黑榜', `发布「${p.label}」榜单：规则版本和全部输入将被冻结，任何人可复算核对。`, '发布'))
    )
      return
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
            {page.items.some((p) => p.status === 'open') ||
            page.items[0]?.key === thisPeriodKey(page.items[0]?.cadence) ? null : (
              <Button
                id='open-period'
                loading={open.sending}
                onClick={async () => {
                  if (await open.run({ requestId: newRequestId(), streetId })) q.reload()
                }}
              >
                开启本期评价
              </Button>
            )}
            {page.items.length === 0 ? <Empty text='还没有评价周期' /> : null}
            {page.items.map((p) => (
              <Card
                key={p.id}
                title={p.label}
                extra={
                  <Tag tone={p.status === 'open' ? 'green' : p.status === 'closed' ? 'gold' : 'gray'}>
                    {PERIOD_STATUS_LABEL[p.status]}
                  </Tag>
                }
                id={`period-${p.key}`}
              >
                <Text className='pp-line pp-line--muted'>
                  开启于 {formatTime(p.openedAt)}
                  {p.closedAt
                    ? ` · ${p.closedBy === 'timer' ? '到期自动结束于' : '结束于'} ${formatTime(p.closedAt)}`
                    : ''}
                  {p.objectionUntil ? ` · 异议截止 ${formatTime(p.objectionUntil)}` : ''}
                  {p.publishedVersion ? ` · 已发布第 ${p.publishedVersion} 版` : ''}
                </Text>
                <View className='pp-actions'>
                  {p.status === 'open' ? (
                    <Button
                      id={`close-${p.key}`}
                      size='small'
                      variant='danger'
                      loading={close.sending}
                      onClick={() => doClose(p)}
                    >
                      结束评价
                    </Button>
                  ) : null}
                  {(p.status === 'closed' && !p.objectionOpen) ||
                  (p.status === 'published' && p.id === page.items[0]?.id) ? (
                    <Button id={`publish-${p.key}`} size='small' loading={publish.sending} onClick={() => doPublish(p)}>
                      {p.status === 'published' ? '重新发布' : '发布榜单'}
                    </Button>
                  ) : null}
                  {p.status !== 'published' ? (
                    <Button
                      id={`preview-${p.key}`}
                      size='small'
                      variant='secondary'
                      onClick={() => setShowPreview(showPreview === p.id ? undefined : p.id)}
                    >
                      预览
                    </Button>
                  ) : null}
                  <Button
                    id={`export-${p.key}`}
                    size='small'
                    variant='plain'
                    loading={exporter.sending}
                    onClick={() => void exporter.run({ periodId: p.id })}
                  >
                    导出
                  </Button>
                </View>
                {p.objectionOpen ? (
                  <Notice tone='info' id={`window-${p.key}`}>
                    <Text>
                      异议期至 {formatTime(p.objectionUntil)}
                      ：物业可在此前对本期结果提出异议，期满并处理完异议后才能发布榜单。
                    </Text>
                  </Notice>
                ) : null}
                {p.status === 'open' && p.auto ? (
                  <Notice tone='info' id={`auto-${p.key}`}>
                    <Text>{`到 ${formatTime(p.end)} 自动结束评价，进入异议期，并开启下一期；也可以提前结束。`}</Text>
                  </Notice>
                ) : null}
                {p.status === 'closed' || (p.status === 'published' && p.id === page.items[0]?.id) ? (
                  <Readiness period={p} onReview={onReview} />
                ) : null}
                {showPreview === p.id ? <Preview period={p} /> : null}
                {p.status === 'published' ? (
                  <Button size='small' variant='plain' onClick={() => go(PROP.list)}>
                    查看榜单
                  </Button>
                ) : null}
              </Card>
            ))}
          </View>
        )}
      </QueryState>
    </View>
  )
}
