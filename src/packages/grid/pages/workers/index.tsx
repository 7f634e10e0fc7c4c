import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import Empty from '../../../../components/Empty'
import Field from '../../../../components/Field'
import Notice from '../../../../components/Notice'
import Tag from '../../../../components/Tag'
import QueryState from '../../../../components/QueryState'
import { useCloud } from '../../../../hooks/useCloud'
import { useMe } from '../../../../hooks/useMe'
import { beijingYear } from '../../../../services/time'
import { STAFF_POST_LABEL } from '../../../../../types/grid'
import Segmented from '../../../../components/Segmented'
import '../../grid.scss'

/**
 * The secretary's view of each grid worker's year: what they reported and how it was handled, what
 * they dispatched, and how residents rated the handling on their grid — a record to talk over, shown
 * by grid in the roster's order, never a score or a ranking.
 */
export default function WorkersPage() {
  const me = useMe({})
  const communities = (me.data?.roles ?? [])
    .filter((g) => g.role === 'secretary')
    .map((g) => ({ value: g.scopeId, label: g.scopeName }))
  const [picked, setPicked] = useState<string>()
  const communityId = picked ?? communities[0]?.value
  const thisYear = beijingYear()
  const [year, setYear] = useState(String(thisYear))
  const [grid, setGrid] = useState('')
  const q = useCloud('grid', 'staff.record', communityId ? { communityId, year: Number(year) } : null, {
    reloadOnShow: true,
  })
  return (
    <PageShell
      title='网格员工作记录'
      intro='每位网格人员一年来的上报、办理和居民评价。这是工作记录，供了解情况，不是评分，也不排名。'
    >
      <QueryState {...me}>
        {() =>
          !communityId ? (
            <Notice tone='warn'>工作记录供社区书记查看</Notice>
          ) : (
            <View>
              {communities.length > 1 ? (
                <Field kind='picker' label='社区' options={communities} value={communityId} onChange={setPicked} />
              ) : null}
              <Segmented
                items={[
                  { key: String(thisYear), label: `${thisYear} 年` },
                  { key: String(thisYear - 1), label: `${thisYear - 1} 年` },
                ]}
                value={year}
                onChange={setYear}
              />
              <QueryState {...q}>
                {(r) => {
                  const grids = [...new Map(r.items.map((w) => [w.gridId, w.gridName])).entries()]
                  const shown = r.items.filter((w) => !grid || w.gridId === grid)
                  return r.items.length === 0 ? (
                    <Empty text={`${r.year} 年没有在岗的网格人员`} />
                  ) : (
                    <View>
                      <Field
                        id='worker-grid'
                        kind='picker'
                        label='网格'
                        options={[
                          { value: '', label: '全部网格' },
                          ...grids.map(([value, label]) => ({ value, label })),
                        ]}
                        value={grid}
                        onChange={setGrid}
                      />
                      {shown.map((w, i) => (
                        <View key={w.staffId}>
                          {i === 0 || shown[i - 1].gridId !== w.gridId ? (
                            <Text className='gd-heading'>{w.gridName}</Text>
                          ) : null}
                          <Card
                            title={w.name}
                            extra={
                              <Tag
                                tone={w.active ? 'blue' : 'gray'}
                              >{`${STAFF_POST_LABEL[w.post]}${w.active ? '' : '（已免职）'}`}</Tag>
                            }
                            id={`worker-${w.staffId.replace(/[^\w-]/g, '-')}`}
                          >
                            <Text className='gd-text'>{`上报事件 ${w.reported} 件${w.reported ? `，已办结 ${w.handled} 件（按时 ${w.onTime} 件）` : ''}`}</Text>
                            <Text className='gd-text'>
                              {w.meanHours === null
                                ? '办理用时：暂无办结的事件'
                                : `从上报到办结平均 ${w.meanHours} 小时`}
                            </Text>
                            {w.post === 'leader' || w.dispatched ? (
                              <Text className='gd-text'>{`派单 ${w.dispatched} 件`}</Text>
                            ) : null}
                            <Text className='gd-text'>
                              {w.residentRatings.count
                                ? `居民对本网格办理的评价 ${w.residentRatings.count} 条，平均 ${w.residentRatings.average} 星`
                                : '居民对本网格办理的评价：暂无'}
                            </Text>
                          </Card>
                        </View>
                      ))}
                      <Text className='gd-meta'>
                        上报数、办理用时按事件上报的年份统计；居民评价为居民、党员上报并评价的本网格事件。
                      </Text>
                    </View>
                  )
                }}
              </QueryState>
            </View>
          )
        }
      </QueryState>
    </PageShell>
  )
}
