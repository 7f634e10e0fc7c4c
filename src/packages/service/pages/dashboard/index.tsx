import { lazy, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { MEMBER_KIND_LABEL, MEMBER_KINDS } from '../../../../../types/service'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import Button from '../../../../components/Button'
import Empty from '../../../../components/Empty'
import Notice from '../../../../components/Notice'
import QueryState from '../../../../components/QueryState'
import { useCloud } from '../../../../hooks/useCloud'
import { go } from '../../../../services/nav'
import ChartSlot from '../../../../components/ChartSlot'
import Stat from '../../components/Stat'
import FileReady from '../../../../components/FileReady'
import { useExport } from '../../../../hooks/useExport'
import { YearSwitch } from '../../components/PeriodSwitch'
import { recordYears, thisYear, useCommunity } from '../../hooks/useCommunity'
import { SVC } from '../../routes'
import '../../service.scss'

// H5: the chart's code follows the page (ChartSlot); weapp: it is in this subpackage already.
/* eslint-disable @typescript-eslint/no-require-imports -- the mini-program build cannot load a chunk on demand */
const MinutesChart: typeof import('../../components/MinutesChart').default =
  process.env.TARO_ENV === 'h5'
    ? lazy(() => import('../../components/MinutesChart'))
    : require('../../components/MinutesChart').default
/* eslint-enable @typescript-eslint/no-require-imports */

function Board({ communityId }: { communityId: string }) {
  const [year, setYear] = useState(thisYear)
  const q = useCloud('service', 'dashboard', { communityId, year }, { reloadOnShow: true })
  const exp = useExport('service.ledgers')
  return (
    <View>
      <YearSwitch years={recordYears()} value={year} onChange={setYear} />
      <QueryState {...q} loadingText='正在汇总…'>
        {(d) => (
          <View>
            <Card title='报到'>
              <View className='svc-stats'>
                <Stat id='stat-units' value={`${d.units.checkedIn}/${d.units.total}`} label='单位已报到' />
                <Stat value={d.units.pending} label='单位待审核' />
                <Stat id='stat-members' value={d.members.checkedIn} label='党员已报到' />
                <Stat value={d.members.pending} label='党员待审核' />
                <Stat id='stat-overdue' value={d.members.overdue + d.units.overdue} label='逾期未报到' />
                <Stat id='stat-wishes' value={d.wishesFulfilled} label='心愿已实现' />
              </View>
            </Card>
            <Card title={`${year} 年已报到党员（按类别）`} id='members-by-kind'>
              <View className='svc-stats'>
                {MEMBER_KINDS.map((k) => (
                  <Stat key={k} id={`stat-kind-${k}`} value={d.members.byKind[k]} label={MEMBER_KIND_LABEL[k]} />
                ))}
              </View>
            </Card>
            <Card
              title={`${year} 年每月服务时长（小时）`}
              extra={
                <Text className='tx-muted' id='stat-hours'>
                  {Math.round(d.minutesThisYear / 6) / 10} 小时
                </Text>
              }
            >
              <ChartSlot>
                <MinutesChart minutesByMonth={d.minutesByMonth} />
              </ChartSlot>
            </Card>
            <Card title='需求清单'>
              <View className='svc-stats'>
                <Stat value={d.needs.open} label='待对接' />
                <Stat value={d.needs.matched} label='已对接' />
                <Stat value={d.needs.done} label='已完成' />
              </View>
            </Card>
            {exp.error ? (
              <Notice tone='error' title='导出没有成功'>
                <Text>{exp.error.message}</Text>
              </Notice>
            ) : null}
            <Button
              id='export-ledgers'
              variant='secondary'
              loading={exp.sending}
              onClick={() => void exp.run({ communityId, year })}
            >
              导出 {year} 年党员服务台账（Excel）
            </Button>
            {exp.file ? <FileReady file={exp.file} onOpen={exp.open} /> : null}
          </View>
        )}
      </QueryState>
    </View>
  )
}

/** Secretary's 双报到 workbench: counts, hours chart, export, and the entries to each task. */
export default function DashboardPage() {
  const { me, picked } = useCommunity(['secretary'])
  return (
    <PageShell title='双报到工作台'>
      <QueryState {...me}>
        {() =>
          !picked ? (
            <Empty text='您不是社区书记' />
          ) : (
            <View>
              <View className='svc-row' style={{ marginBottom: '20px' }}>
                <Button size='small' id='to-review' onClick={() => go(SVC.review)}>
                  报到审核
                </Button>
                <Button size='small' variant='secondary' id='to-activities' onClick={() => go(SVC.activities)}>
                  服务活动
                </Button>
                <Button size='small' variant='secondary' id='to-lists' onClick={() => go(SVC.lists)}>
                  三张清单
                </Button>
                <Button size='small' variant='secondary' id='to-assess' onClick={() => go(SVC.assess)}>
                  评议与反馈
                </Button>
                <Button size='small' variant='secondary' id='to-wishes' onClick={() => go(SVC.wishes)}>
                  微心愿
                </Button>
              </View>
              <Board communityId={picked.communityId} />
            </View>
          )
        }
      </QueryState>
    </PageShell>
  )
}
