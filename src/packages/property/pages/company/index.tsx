import { lazy } from 'react'
import { View, Text } from '@tarojs/components'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import Empty from '../../../../components/Empty'
import Tag from '../../../../components/Tag'
import Commitment from '../../../../components/Commitment'
import QueryState from '../../../../components/QueryState'
import { useCloud } from '../../../../hooks/useCloud'
import { PLACEMENT_LABEL } from '../../../../../types/property'
import EntryCard, { PLACEMENT_TONE } from '../../components/EntryCard'
import ChartSlot from '../../../../components/ChartSlot'
import DownloadInputs from '../../components/DownloadInputs'
import Effects from '../../components/Effects'
import RedPropertyCard from '../../components/RedProperty'
import '../../property.scss'
import { useParam } from '../../../../services/nav'

// H5: the chart's code follows the page (ChartSlot); weapp: it is in this subpackage already.
/* eslint-disable @typescript-eslint/no-require-imports -- the mini-program build cannot load a chunk on demand */
const HistoryChart: typeof import('../../components/HistoryChart').default =
  process.env.TARO_ENV === 'h5'
    ? lazy(() => import('../../components/HistoryChart'))
    : require('../../components/HistoryChart').default
/* eslint-enable @typescript-eslint/no-require-imports */

/** A company: where it stands now and why, its score over the published periods, the estates it serves now and served in each period. */
export default function CompanyPage() {
  const id = useParam('id')
  const q = useCloud('property', 'company.get', id ? { companyId: id } : null)
  const last = q.data?.history[q.data.history.length - 1]
  const assessments = useCloud('property', 'assessment.list', last ? { periodId: last.periodId, companyId: id } : null)
  return (
    <PageShell title='物业公司'>
      {!id ? <Empty text='没有指定物业公司' /> : null}
      <QueryState {...q}>
        {(c) => (
          <View id='company-page'>
            <Text className='pp-section'>{c.company.name}</Text>
            <Text className='pp-line pp-line--muted' id='estates-now'>
              现在服务的小区：{c.estates.map((e) => e.name).join('、') || '暂无'}
            </Text>
            {/* The current list's card names the estates served in that period, which may differ from today's. */}
            {c.current ? <EntryCard entry={c.current} estates={last?.estates} /> : <Empty text='尚未上过榜单' />}
            <RedPropertyCard record={c.redProperty} />
            {c.current && c.currentPublicationId && last ? (
              <DownloadInputs publicationId={c.currentPublicationId} label={`${last.periodLabel}榜单`} />
            ) : null}
            {last ? (
              <Card title={`双向评价（${last.periodLabel}）`} id='two-way'>
                {assessments.data?.items.length ? (
                  assessments.data.items.map((a) => (
                    <Text key={a.id} className='pp-line'>
                      {a.direction === 'of_company'
                        ? `${a.communityName}评价本公司`
                        : `本公司评价${a.communityName}的支持`}
                      ：{a.score} 分{a.comment ? `（${a.comment}）` : ''}
                    </Text>
                  ))
                ) : (
                  <Text className='pp-line pp-line--muted'>
                    {assessments.loading
                      ? '加载中…'
                      : assessments.error
                        ? assessments.error.message
                        : '本期暂无双向评价'}
                  </Text>
                )}
              </Card>
            ) : null}
            {c.commitments.length ? (
              <Card title='联席会议认领的事项' id='company-commitments'>
                {c.commitments.map((m) => (
                  <Commitment key={m.id} c={m} showMeeting id={`company-commitment-${m.id.replace(/[^\w-]/g, '-')}`} />
                ))}
              </Card>
            ) : null}
            {c.whistle.summoned > 0 ? (
              <Card title='本季度网格吹哨应答' id='whistle-record'>
                <Text className='pp-line'>
                  被吹哨 {c.whistle.summoned} 次：按时应答 {c.whistle.onTime} 次，迟到 {c.whistle.late} 次，未应答{' '}
                  {c.whistle.silent} 次
                </Text>
              </Card>
            ) : null}
            <Card title='历次榜单'>
              {c.history.length ? (
                <View>
                  <ChartSlot>
                    <HistoryChart points={c.history} />
                  </ChartSlot>
                  {[...c.history].reverse().map((p) => (
                    <View key={p.periodId} className='pp-gap' id={`history-${p.periodId}`}>
                      <View className='pp-entry__row'>
                        <Text className='pp-line'>
                          {p.periodLabel}
                          {p.placement === 'not_ranked' ? '' : ` · ${p.score} 分`}
                          {p.rank ? ` · 第 ${p.rank} 名` : ''}
                        </Text>
                        <Tag tone={PLACEMENT_TONE[p.placement]}>{PLACEMENT_LABEL[p.placement]}</Tag>
                      </View>
                      <Text className='pp-line pp-line--muted'>当期服务小区：{p.estates.join('、') || '暂无'}</Text>
                      <Text className='pp-line pp-line--reason'>{p.reasons[0]}</Text>
                      <Effects effects={p.effects} />
                    </View>
                  ))}
                </View>
              ) : (
                <Empty text='暂无历史榜单' />
              )}
            </Card>
          </View>
        )}
      </QueryState>
    </PageShell>
  )
}
