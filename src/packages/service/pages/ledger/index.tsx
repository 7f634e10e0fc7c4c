import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { GRADE_LABEL, MEMBER_KIND_LABEL } from '../../../../../types/service'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import Empty from '../../../../components/Empty'
import ListItem from '../../../../components/ListItem'
import QueryState from '../../../../components/QueryState'
import { useCloud } from '../../../../hooks/useCloud'
import { formatTime } from '../../../../services/format'
import Pager from '../../../../components/Pager'
import Stat from '../../components/Stat'
import { minutesText } from '../../components/minutes'
import { YearSwitch } from '../../components/PeriodSwitch'
import { recordYears, thisYear, useCommunity } from '../../hooks/useCommunity'
import '../../service.scss'
import { useParam } from '../../../../services/nav'

function Ranking({ communityId, year }: { communityId: string; year: number }) {
  const q = useCloud('service', 'ledger.ranking', { communityId, year })
  return (
    <Card title='社区服务记录'>
      <QueryState {...q}>
        {(r) => (
          <View>
            <Text className='svc-label' id='ranking-label'>
              {r.label}
            </Text>
            {r.items.length === 0 ? <Empty text={`${year} 年还没有服务记录`} /> : null}
            {r.items.map((x) => (
              <ListItem
                key={x.memberId}
                id={`rank-${x.memberId.replace(/[^\w-]/g, '-')}`}
                title={x.name}
                description={<Text>{x.kind === 'in_service' ? x.unitName : MEMBER_KIND_LABEL[x.kind]}</Text>}
                extra={<Text>{minutesText(x.minutes)}</Text>}
              />
            ))}
          </View>
        )}
      </QueryState>
    </Card>
  )
}

/** 服务台账: my (or, for the secretary, a member's) yearly record of service. */
export default function LedgerPage() {
  const memberId = useParam('memberId')
  const { me, picked, has } = useCommunity(['member', 'secretary'])
  const [page, setPage] = useState(1)
  const [year, setYear] = useState(thisYear)
  // A secretary who is not a member has no ledger of their own: without a member named, they see the ranking only.
  const showLedger = !!memberId || has('member')
  const q = useCloud('service', 'ledger.get', showLedger ? { memberId: memberId || undefined, year, page } : null, {
    reloadOnShow: true,
  })
  return (
    <PageShell title={`${year} 年服务台账`}>
      <QueryState {...me}>
        {() => (
          <View>
            <YearSwitch
              years={recordYears()}
              value={year}
              onChange={(y) => {
                setYear(y)
                setPage(1)
              }}
            />
            {showLedger ? (
              <QueryState {...q} loadingText='正在加载台账…'>
                {(l) => (
                  <View>
                    <Card
                      title={l.name}
                      extra={
                        <Text className='tx-muted'>
                          {l.kind === 'in_service' ? l.unitName : MEMBER_KIND_LABEL[l.kind]}
                        </Text>
                      }
                      id='ledger-card'
                    >
                      <View className='svc-stats'>
                        <Stat id='ledger-minutes' value={l.totals.minutes} label='服务分钟' />
                        <Stat value={l.totals.activities} label='参加活动' />
                        <Stat value={l.totals.wishes} label='完成心愿' />
                        <Stat
                          value={l.totals.ratingAvgTenths ? (l.totals.ratingAvgTenths / 10).toFixed(1) : '—'}
                          label='居民评价'
                        />
                      </View>
                      {l.grade ? (
                        <Text className='svc-line'>
                          年度评议：{GRADE_LABEL[l.grade.grade]}（{l.grade.reason}）
                        </Text>
                      ) : null}
                    </Card>
                    <Card title='服务明细'>
                      {l.entries.length === 0 ? (
                        <Empty text='还没有确认的服务时长' hint='参加活动签到签退、社区确认后计入' />
                      ) : null}
                      {l.entries.map((e) => (
                        <ListItem
                          key={e.id}
                          id={`entry-${e.activityId}`}
                          title={e.activityTitle}
                          description={<Text>{e.signedInAt ? formatTime(e.signedInAt) : '手工补录'}</Text>}
                          extra={<Text>{minutesText(e.minutes)}</Text>}
                        />
                      ))}
                      <Pager page={page} pageSize={20} total={l.entriesTotal} onChange={setPage} />
                    </Card>
                  </View>
                )}
              </QueryState>
            ) : null}
            {picked ? <Ranking communityId={picked.communityId} year={year} /> : null}
          </View>
        )}
      </QueryState>
    </PageShell>
  )
}
