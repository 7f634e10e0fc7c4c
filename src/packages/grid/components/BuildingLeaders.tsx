import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Button from '../../../components/Button'
import Card from '../../../components/Card'
import Chips from '../../../components/Chips'
import Field from '../../../components/Field'
import Notice from '../../../components/Notice'
import Tag from '../../../components/Tag'
import { useCloud, useMutation } from '../../../hooks/useCloud'
import { confirm, toast } from '../../../services/nav'
import { formatDate } from '../../../services/time'
import { newRequestId } from '../../../services/requestId'
import type { BuildingLeaderView, BuildingRef, StaffInvitationView } from '../../../../types/grid'

/** e.g. 和谐家园 1号楼、2号楼: buildings grouped under their estate. */
export function buildingsText(buildings: BuildingRef[]): string {
  const byEstate = new Map<string, string[]>()
  for (const b of buildings) byEstate.set(b.estateName, [...(byEstate.get(b.estateName) ?? []), b.name])
  return [...byEstate].map(([estate, names]) => `${estate} ${names.join('、')}`).join('；')
}

export interface BuildingLeadersProps {
  leaders: BuildingLeaderView[]
  /** The caller's home buildings on this grid: their own 楼栋长 is shown first and marked. */
  homeBuildingIds: string[]
  /** The community's secretary: 免去 (org role.end) on each. */
  editable: boolean
  onChanged: () => void
}

/**
 * Below the branch: the grid's 楼栋长, with the 楼道党小组 they lead and whether theirs is a 党员中心户. A
 * resident sees the leader of their own building first, marked 我楼楼栋长.
 */
export default function BuildingLeaders({ leaders, homeBuildingIds, editable, onChanged }: BuildingLeadersProps) {
  const end = useMutation('org', 'role.end')
  const mineFirst = (l: BuildingLeaderView) => (l.buildings.some((b) => homeBuildingIds.includes(b.id)) ? 0 : 1)
  const sorted = [...leaders].sort((a, b) => mineFirst(a) - mineFirst(b))
  const doEnd = async (l: BuildingLeaderView) => {
    if (!l.grantId || !(await confirm('免去楼栋长', `确定免去${l.name}的楼栋长职务吗？任命记录会保留，本人能看到。`)))
      return
    if (await end.run({ grantId: l.grantId, reason: '社区书记免去楼栋长职务' })) {
      toast('已免去')
      onChanged()
    }
  }
  return (
    <Card title='楼栋长与楼道党小组' id='building-leaders'>
      {end.error ? <Notice tone='error'>{end.error.message}</Notice> : null}
      {sorted.length === 0 ? <Text className='gd-meta'>这个网格还没有楼栋长</Text> : null}
      {sorted.map((l) => (
        <View key={l.id} className='gd-step gd-row' id={`leader-${l.id.replace(/[^\w-]/g, '-')}`}>
          <View>
            <Text className='gd-title'>
              {l.name}
              {mineFirst(l) === 0 ? '（我楼楼栋长）' : ''}
            </Text>
            <Text className='gd-meta'>楼栋长 · {buildingsText(l.buildings)}</Text>
            <Text className='gd-meta'>
              {[
                l.groupName ? `${l.groupName}组长` : '',
                l.centralHousehold ? '党员中心户' : '',
                `${formatDate(l.since)} 起`,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </View>
          {editable && l.grantId ? (
            <Button size='small' variant='plain' onClick={() => void doEnd(l)}>
              免去
            </Button>
          ) : (
            <Tag tone={mineFirst(l) === 0 ? 'red' : 'gold'}>楼栋长</Tag>
          )}
        </View>
      ))}
    </Card>
  )
}

/**
 * 任命楼栋长: the secretary picks one or more buildings of the grid (by estate), optionally the 楼道党小组 and
 * 党员中心户, and gets a single-use code to hand over in person (as for grid posts).
 */
export function AppointBuildingLeader({
  gridId,
  communityId,
  onIssued,
}: {
  gridId: string
  communityId: string
  onIssued: (inv: StaffInvitationView) => void
}) {
  const appoint = useMutation('grid', 'building.appoint')
  const [requestId, setRequestId] = useState(newRequestId)
  const estates = useCloud('org', 'estate.list', { communityId })
  const [estateId, setEstateId] = useState<string>()
  const buildings = useCloud('org', 'building.list', estateId ? { estateId } : null)
  const [chosen, setChosen] = useState<string[]>([])
  const [groupName, setGroupName] = useState('')
  const [central, setCentral] = useState<'yes' | 'no'>('no')
  const mine = (buildings.data?.items ?? []).filter((b) => b.gridId === gridId)
  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]))
  const make = async () => {
    const r = await appoint.run({
      requestId,
      gridId,
      buildingIds: chosen,
      groupName: groupName.trim() || undefined,
      centralHousehold: central === 'yes',
    })
    if (r) {
      toast('任命码已生成')
      setChosen([])
      setGroupName('')
      setRequestId(newRequestId())
      onIssued(r)
    }
  }
  return (
    <Card title='任命楼栋长' id='appoint-building'>
      {appoint.error ? <Notice tone='error'>{appoint.error.message}</Notice> : null}
      <Text className='gd-meta'>选择本网格的一栋或几栋楼，生成一次性任命码，当面交给被任命的党员或居民</Text>
      {estates.data ? (
        <Field
          kind='picker'
          id='bl-estate-picker'
          label='小区'
          options={estates.data.items.map((e) => ({ value: e.id, label: e.name }))}
          value={estateId}
          onChange={(v) => (setEstateId(v), setChosen([]))}
          placeholder='请选择小区'
        />
      ) : null}
      {estateId ? (
        mine.length ? (
          <View>
            <View className='gd-meta'>楼栋（可多选）</View>
            <Chips
              idPrefix='bl-building'
              items={mine.map((b) => ({ key: b.id, label: b.name }))}
              values={chosen}
              onChange={toggle}
            />
          </View>
        ) : (
          <Text className='gd-meta'>该小区在本网格内没有楼栋</Text>
        )
      ) : null}
      <Field
        id='bl-group'
        label='楼道党小组'
        optional
        value={groupName}
        onChange={setGroupName}
        placeholder='如：1号楼党小组'
        maxLength={20}
      />
      <View className='gd-meta'>是否党员中心户</View>
      <Chips
        idPrefix='bl-central'
        items={[
          { key: 'no', label: '否' },
          { key: 'yes', label: '是' },
        ]}
        value={central}
        onChange={setCentral}
      />
      <Button
        id='appoint-building-leader'
        block
        loading={appoint.sending}
        disabled={chosen.length === 0}
        onClick={() => void make()}
      >
        生成楼栋长任命码
      </Button>
    </Card>
  )
}
