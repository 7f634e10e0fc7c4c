import { lazy, useState } from 'react'
import { Text, View } from '@tarojs/components'
import ChartSlot from '../../../../components/ChartSlot'
import FileReady from '../../../../components/FileReady'
import { useExport } from '../../../../hooks/useExport'
import PageShell from '../../../../components/PageShell'
import Button from '../../../../components/Button'
import Card from '../../../../components/Card'
import Field from '../../../../components/Field'
import Notice from '../../../../components/Notice'
import QueryState from '../../../../components/QueryState'
import { useCloud } from '../../../../hooks/useCloud'
import { useMe } from '../../../../hooks/useMe'
import type { GridStatsView } from '../../../../../types/grid'
import '../../grid.scss'

// H5: the chart's code follows the page (ChartSlot); weapp: it is in this subpackage already.
/* eslint-disable @typescript-eslint/no-require-imports -- the mini-program build cannot load a chunk on demand */
const GridChart: typeof import('../../components/GridChart').default =
  process.env.TARO_ENV === 'h5'
    ? lazy(() => import('../../components/GridChart'))
    : require('../../components/GridChart').default
/* eslint-enable @typescript-eslint/no-require-imports */

const pct = (v: number | null) => (v === null ? '—' : `${v}%`)

function Figures({ s }: { s: GridStatsView }) {
  return (
    <View className='gd-figures'>
      <View className='gd-figure'>
        <Text className='gd-figure__value'>{s.reported}</Text>
        <Text className='gd-figure__label'>上报事件</Text>
      </View>
      <View className='gd-figure'>
        <Text className='gd-figure__value'>{pct(s.onTimeRate)}</Text>
        <Text className='gd-figure__label'>按时办结率</Text>
      </View>
      <View className='gd-figure'>
        <Text className='gd-figure__value'>{s.medianHours === null ? '—' : `${s.medianHours} 小时`}</Text>
        <Text className='gd-figure__label'>处置时长中位数</Text>
      </View>
      <View className='gd-figure'>
        <Text className='gd-figure__value'>{pct(s.reopenRate)}</Text>
        <Text className='gd-figure__label'>重开率</Text>
      </View>
    </View>
  )
}

/** Statistics of a community and its grids, with a chart and an Excel export. */
export default function StatsPage() {
  const me = useMe({})
  const roles = me.data?.roles ?? []
  const isAdmin = roles.some((g) => g.role === 'street_admin')
  const streetId = roles.find((g) => g.role === 'street_admin')?.scopeId
  const communities = useCloud('org', 'community.list', isAdmin && streetId ? { streetId, pageSize: 50 } : null)
  const own =
    roles.find((g) => g.role === 'secretary')?.scopeId ?? roles.find((g) => g.role === 'grid_worker')?.communityId
  const [picked, setPicked] = useState<string>()
  const communityId = picked ?? own ?? communities.data?.items[0]?.id
  const q = useCloud('grid', 'stats.get', communityId ? { communityId } : null)
  const exp = useExport('grid.stats', '网格统计.xlsx')
  const canExport = isAdmin || roles.some((g) => g.role === 'secretary')
  const download = () => (communityId ? exp.run({ communityId }) : undefined)
  return (
    <PageShell title='网格统计' intro='上报数、按时办结率、处置时长中位数、重开率'>
      <QueryState {...me}>
        {() => (
          <View>
            {isAdmin && communities.data ? (
              <Field
                kind='picker'
                label='社区'
                options={communities.data.items.map((c) => ({ value: c.id, label: c.name }))}
                value={communityId}
                onChange={setPicked}
              />
            ) : null}
            {!communityId && !communities.loading ? (
              <Notice tone='warn'>统计供社区书记、网格人员和街道管理员查看</Notice>
            ) : null}
            {exp.error ? <Notice tone='error'>{exp.error.message}</Notice> : null}
            <QueryState {...q}>
              {(s) => (
                <View>
                  <Card title={s.community.scopeName}>
                    <Figures s={s.community} />
                  </Card>
                  <Card title='各网格上报与按时办结'>
                    <ChartSlot>
                      <GridChart grids={s.grids} />
                    </ChartSlot>
                  </Card>
                  {s.grids.map((g) => (
                    <Card key={g.scopeId} id={`stats-${g.scopeId}`} title={g.scopeName}>
                      <Figures s={g} />
                    </Card>
                  ))}
                  {canExport ? (
                    <Button id='export' block variant='secondary' loading={exp.sending} onClick={() => void download()}>
                      导出 Excel
                    </Button>
                  ) : null}
                  {exp.file ? <FileReady file={exp.file} onOpen={exp.open} /> : null}
                </View>
              )}
            </QueryState>
          </View>
        )}
      </QueryState>
    </PageShell>
  )
}
