import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import PageShell from '../../../../components/PageShell'
import Button from '../../../../components/Button'
import Card from '../../../../components/Card'
import Empty from '../../../../components/Empty'
import Field from '../../../../components/Field'
import Notice from '../../../../components/Notice'
import QueryState from '../../../../components/QueryState'
import { useCloud } from '../../../../hooks/useCloud'
import { useMe } from '../../../../hooks/useMe'
import { go } from '../../../../services/nav'
import EventCard from '../../components/EventCard'
import { GRID } from '../../routes'
import '../../grid.scss'

/**
 * 我的楼栋 (楼栋长): the buildings the person looks after, a report button per building (the report form
 * opens with the building chosen), and the buildings' open events, newest first.
 */
export default function BuildingsPage() {
  const me = useMe({})
  const grids = (me.data?.roles ?? []).filter((g) => g.role === 'building_leader')
  const [gridId, setGridId] = useState<string>()
  const current = gridId ?? grids[0]?.scopeId
  const q = useCloud('grid', 'building.events', current ? { gridId: current, pageSize: 50 } : null, {
    reloadOnShow: true,
  })
  return (
    <PageShell title='我的楼栋' intro='您负责的楼栋：上报问题，看未办结的事件'>
      <QueryState {...me}>
        {() =>
          !current ? (
            <Notice tone='warn'>您还不是楼栋长。社区书记任命后，请在“我的 → 使用邀请码”输入任命码。</Notice>
          ) : (
            <View>
              {grids.length > 1 ? (
                <Field
                  kind='picker'
                  id='grid-picker'
                  label='网格'
                  options={grids.map((g) => ({ value: g.scopeId, label: g.scopeName }))}
                  value={current}
                  onChange={setGridId}
                />
              ) : null}
              <QueryState {...q}>
                {(page) => (
                  <View>
                    <Card title={`${page.gridName} · 我负责的楼栋`} id='my-buildings'>
                      {page.buildings.map((b) => (
                        <View key={b.id} className='gd-step gd-row' id={`my-building-${b.id.replace(/[^\w-]/g, '-')}`}>
                          <Text className='gd-title'>
                            {b.estateName} {b.name}
                          </Text>
                          <Button
                            id={`report-${b.id.replace(/[^\w-]/g, '-')}`}
                            size='small'
                            variant='secondary'
                            onClick={() =>
                              go(`${GRID.report}?gridId=${current}&buildingId=${b.id}&estateId=${b.estateId}`)
                            }
                          >
                            上报本楼问题
                          </Button>
                        </View>
                      ))}
                    </Card>
                    <View className='gd-heading'>未办结的事件（{page.total} 件）</View>
                    {page.items.length === 0 ? (
                      <Empty text='您负责的楼栋目前没有未办结的事件' />
                    ) : (
                      <View>
                        {page.items.map((e) => (
                          <EventCard key={e.id} e={e} />
                        ))}
                      </View>
                    )}
                  </View>
                )}
              </QueryState>
            </View>
          )
        }
      </QueryState>
    </PageShell>
  )
}
