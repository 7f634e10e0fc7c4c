import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import Empty from '../../../../components/Empty'
import Field from '../../../../components/Field'
import ListItem from '../../../../components/ListItem'
import Notice from '../../../../components/Notice'
import Tag from '../../../../components/Tag'
import QueryState from '../../../../components/QueryState'
import { useCloud } from '../../../../hooks/useCloud'
import { useMe } from '../../../../hooks/useMe'
import type { EventPlaceView } from '../../../../../types/grid'
import EventCard from '../../components/EventCard'
import '../../grid.scss'

type Scope = { communityId: string } | { gridId: string }

const placeId = (p: EventPlaceView) => `${p.estateId ?? 'none'}-${p.buildingId ?? 'estate'}`.replace(/[^\w-]/g, '-')

/**
 * A plotted view of the located places: each building's reported spot (the mean of its reports) inside
 * the box the spots span, north up, with its name and count in words beside it. Not a map to scale —
 * the estates carry no outline — but enough to see where problems gather.
 */
function Plot({ places }: { places: EventPlaceView[] }) {
  const located = places.filter((p) => p.lat !== null && p.lng !== null)
  if (located.length === 0) return null
  const lats = located.map((p) => p.lat!)
  const lngs = located.map((p) => p.lng!)
  const [minLat, maxLat, minLng, maxLng] = [Math.min(...lats), Math.max(...lats), Math.min(...lngs), Math.max(...lngs)]
  // A single spot (or spots in a line) sits in the middle of that side.
  // Labels run to the right of their spot: the spots keep to the left part of the box.
  const x = (lng: number) => (maxLng > minLng ? 6 + ((lng - minLng) / (maxLng - minLng)) * 48 : 30)
  // The top strip is the north arrow's: spots start below it.
  const y = (lat: number) => (maxLat > minLat ? 24 + ((maxLat - lat) / (maxLat - minLat)) * 62 : 52)
  return (
    <View className='gd-plot' id='event-plot'>
      <Text className='gd-plot__north'>北 ↑</Text>
      {located.map((p) => (
        <View key={placeId(p)} className='gd-plot__spot' style={{ left: `${x(p.lng!)}%`, top: `${y(p.lat!)}%` }}>
          <View className={`gd-plot__dot${p.overdue ? ' gd-plot__dot--late' : ''}`} />
          <Text className='gd-plot__label'>{`${p.estateName}${p.buildingName ?? ''} ${p.open} 件`}</Text>
        </View>
      ))}
    </View>
  )
}

/** The open events of one place, on tap. */
function PlaceEvents({ scope, place }: { scope: Scope; place: EventPlaceView }) {
  const q = useCloud('grid', 'event.board', {
    ...scope,
    open: true,
    pageSize: 20,
    ...(place.buildingId ? { buildingId: place.buildingId } : place.estateId ? { estateId: place.estateId } : {}),
  })
  return (
    <QueryState {...q}>
      {(page) => (
        <View>
          {page.items
            .filter((e) => (place.buildingId ? true : !e.buildingId))
            .map((e) => (
              <EventCard key={e.id} e={e} />
            ))}
        </View>
      )}
    </QueryState>
  )
}

/** Open events by place for the secretary (the community) and grid staff (their grid): a plotted view and a list by building. */
export default function MapPage() {
  const me = useMe({})
  const roles = me.data?.roles ?? []
  const scopes = [
    ...roles.filter((g) => g.role === 'secretary').map((g) => ({ value: `c:${g.scopeId}`, label: g.scopeName })),
    ...roles.filter((g) => g.role === 'grid_worker').map((g) => ({ value: `g:${g.scopeId}`, label: g.scopeName })),
  ]
  const [picked, setPicked] = useState<string>()
  const [open, setOpen] = useState<string>()
  const current = picked ?? scopes[0]?.value
  const scope: Scope | null = current
    ? current.startsWith('c:')
      ? { communityId: current.slice(2) }
      : { gridId: current.slice(2) }
    : null
  const q = useCloud('grid', 'event.map', scope, { reloadOnShow: true })
  return (
    <PageShell title='事件分布' intro='还没办结的网格事件，按小区和楼栋汇总。点一栋楼，看那里的事件。'>
      <QueryState {...me}>
        {() =>
          !scope ? (
            <Notice tone='warn'>事件分布供社区书记和网格人员使用</Notice>
          ) : (
            <View>
              {scopes.length > 1 ? (
                <Field
                  kind='picker'
                  label='范围'
                  options={scopes}
                  value={current}
                  onChange={(v) => {
                    setPicked(v)
                    setOpen(undefined)
                  }}
                />
              ) : null}
              <QueryState {...q}>
                {(m) => {
                  if (m.places.length === 0) return <Empty text='没有未办结的事件' hint='上报的事件办结后就不再显示' />
                  const estates = [...new Set(m.places.map((p) => p.estateName))]
                  return (
                    <View>
                      <Text className='gd-text' id='map-total'>{`共 ${m.open} 件未办结`}</Text>
                      {m.places.some((p) => p.lat !== null) ? (
                        <Card title='示意图'>
                          <Plot places={m.places} />
                          <Text className='gd-meta'>
                            按上报时的定位画出，不是比例地图；红点处有超期事件。没有定位的事件只在下面的清单里。
                          </Text>
                        </Card>
                      ) : null}
                      {estates.map((name) => {
                        const places = m.places.filter((p) => p.estateName === name)
                        return (
                          <Card
                            key={name}
                            title={name}
                            extra={<Text className='gd-meta'>{`${places.reduce((n, p) => n + p.open, 0)} 件`}</Text>}
                          >
                            {places.map((p) => (
                              <View key={placeId(p)}>
                                <ListItem
                                  id={`place-${placeId(p)}`}
                                  title={p.buildingName ?? '小区内（未指明楼栋）'}
                                  description={`未办结 ${p.open} 件${p.urgent ? ` · 急 ${p.urgent} 件` : ''}${p.overdue ? ` · 超期 ${p.overdue} 件` : ''}`}
                                  extra={
                                    p.overdue ? (
                                      <Tag tone='red'>超期</Tag>
                                    ) : p.urgent ? (
                                      <Tag tone='gold'>急</Tag>
                                    ) : undefined
                                  }
                                  onClick={() => setOpen(open === placeId(p) ? undefined : placeId(p))}
                                />
                                {open === placeId(p) ? <PlaceEvents scope={scope} place={p} /> : null}
                              </View>
                            ))}
                          </Card>
                        )
                      })}
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
