import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import PageShell from '../../../../components/PageShell'
import Button from '../../../../components/Button'
import Card from '../../../../components/Card'
import Empty from '../../../../components/Empty'
import Field from '../../../../components/Field'
import Notice from '../../../../components/Notice'
import QueryState from '../../../../components/QueryState'
import Tag from '../../../../components/Tag'
import QrCode from '../../../../components/QrCode'
import StatusBadge from '../../../../components/StatusBadge'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { useMe } from '../../../../hooks/useMe'
import { confirm, toast } from '../../../../services/nav'
import { formatTime } from '../../../../services/format'
import { newRequestId } from '../../../../services/requestId'
import { STAFF_POSTS, STAFF_POST_LABEL, type StaffInvitationView, type StaffPost } from '../../../../../types/grid'
import Chips from '../../../../components/Chips'
import PartyBranchCard from '../../components/PartyBranchCard'
import BuildingLeaders, { AppointBuildingLeader, buildingsText } from '../../components/BuildingLeaders'
import '../../grid.scss'

/** What a code appoints to: a grid post, or 楼栋长 of its buildings. */
const codeLabel = (c: StaffInvitationView) =>
  c.role === 'building_leader'
    ? `楼栋长 · ${buildingsText(c.buildings ?? [])}${c.groupName ? ` · ${c.groupName}` : ''}`
    : `${STAFF_POST_LABEL[c.post ?? 'worker']}${c.title ? ` · ${c.title}` : ''}`

/** The code just made, shown once whole: the appointee scans the QR or types the code in 使用邀请码. */
function IssuedCode({ inv, onAnother }: { inv: StaffInvitationView; onAnother: () => void }) {
  return (
    <Card title='任命码已生成' id='appoint-issued'>
      <View className='gd-qr'>
        <QrCode text={inv.qrText ?? inv.code} id='appoint-qr' size={220} />
        <Text className='gd-code' id='appoint-code' userSelect>
          {inv.code}
        </Text>
        <Text className='gd-meta'>
          {inv.gridName}
          {codeLabel(inv)} · {formatTime(inv.expiresAt)} 前有效，只能使用一次
        </Text>
      </View>
      <Text className='gd-text'>
        请被任命人当面打开小程序“我的 → 使用邀请码”，扫描二维码或输入任命码，即就任
        {inv.role === 'building_leader' ? '楼栋长' : '并获得网格员身份'}。此码只在这里完整显示一次。
      </Text>
      <Button block variant='secondary' onClick={onAnother}>
        再生成一个任命码
      </Button>
    </Card>
  )
}

/** The grid's codes (masked): still usable, used by whom, or expired. */
function Codes({ items }: { items: StaffInvitationView[] }) {
  if (items.length === 0) return null
  return (
    <Card title='已发出的任命码' id='appoint-codes'>
      {items.map((c) => (
        <View key={c.id} className='gd-step gd-row' id={`code-${c.id.replace(/[^\w-]/g, '-')}`}>
          <View>
            <Text className='gd-title'>{codeLabel(c)}</Text>
            <Text className='gd-meta'>
              {c.code} · {c.status === 'used' ? `${c.usedByName ?? ''} 已就任` : `${formatTime(c.expiresAt)} 前有效`}
            </Text>
          </View>
          <StatusBadge status={c.status} />
        </View>
      ))}
    </Card>
  )
}

/**
 * 任命: the secretary picks the post and gets a single-use code (and QR) to hand to the person in person.
 * Nothing is looked up by phone: the person proves who they are by holding the code.
 */
function Appoint({ gridId, communityId, onTaken }: { gridId: string; communityId: string; onTaken: () => void }) {
  const appoint = useMutation('grid', 'staff.appoint')
  const [requestId, setRequestId] = useState(newRequestId)
  const [post, setPost] = useState<StaffPost>('worker')
  const [title, setTitle] = useState('')
  const [issued, setIssued] = useState<StaffInvitationView>()
  const codes = useCloud('grid', 'staff.invitations', { gridId, page: 1, pageSize: 10 }, { reloadOnShow: true })
  const make = async () => {
    const r = await appoint.run({ requestId, gridId, post, title: title.trim() || undefined })
    if (r) {
      setIssued(r)
      codes.reload()
      toast('任命码已生成')
    }
  }
  const another = () => {
    setIssued(undefined)
    setTitle('')
    setRequestId(newRequestId())
    onTaken()
  }
  return (
    <View>
      {issued ? (
        <IssuedCode inv={issued} onAnother={another} />
      ) : (
        <View>
          <Card title='任命网格人员'>
            {appoint.error ? <Notice tone='error'>{appoint.error.message}</Notice> : null}
            <Text className='gd-meta'>选择岗位，生成一次性任命码，当面交给被任命人使用</Text>
            <Chips
              idPrefix='post'
              items={STAFF_POSTS.map((k) => ({ key: k, label: STAFF_POST_LABEL[k] }))}
              value={post}
              onChange={setPost}
            />
            <Field
              id='appoint-title'
              label='职务说明'
              optional
              value={title}
              onChange={setTitle}
              placeholder='如：社区民警'
              maxLength={20}
            />
            <Button id='appoint' block loading={appoint.sending} onClick={() => void make()}>
              生成任命码
            </Button>
          </Card>
          <AppointBuildingLeader
            gridId={gridId}
            communityId={communityId}
            onIssued={(inv) => (setIssued(inv), codes.reload())}
          />
        </View>
      )}
      <Codes items={codes.data?.items ?? []} />
    </View>
  )
}

/**
 * The grid page, its org chart on one screen: its Party branch, its 楼栋长 (with their 楼道党小组 and 党员中心户)
 * and its 党支部书记, 网格长, 网格员 and 挂钩干部. Grid workers, residents and
 * members open it on their own grid (grid.mine) and read; the community's secretary names the branch,
 * appoints and removes.
 */
export default function StaffPage() {
  const me = useMe({})
  const roles = me.data?.roles ?? []
  const mine = useCloud('grid', 'grid.mine', me.data ? {} : null)
  const myGrid = mine.data?.items[0]
  const secretaryOf = roles.find((g) => g.role === 'secretary')?.scopeId
  const communityId = secretaryOf ?? myGrid?.communityId ?? roles.find((g) => g.communityId)?.communityId
  const grids = useCloud('org', 'grid.list', communityId ? { communityId } : null)
  const [gridId, setGridId] = useState<string>()
  const current = gridId ?? (secretaryOf ? undefined : myGrid?.gridId) ?? grids.data?.items[0]?.id
  const staff = useCloud('grid', 'staff.list', current ? { gridId: current } : null, { reloadOnShow: true })
  // Only the secretary of the shown grid's community may change anything on it.
  const canEdit = !!staff.data && roles.some((g) => g.role === 'secretary' && g.scopeId === staff.data!.communityId)
  const remove = useMutation('grid', 'staff.remove')
  const doRemove = async (id: string, name: string) => {
    if (!(await confirm('免去职务', `确定免去${name}的网格职务吗？记录会保留。`))) return
    if (await remove.run({ staffId: id })) {
      toast('已免去')
      staff.reload()
    }
  }
  return (
    <PageShell title='网格' intro='网格党支部、楼栋长与网格长、网格员、挂钩干部'>
      <QueryState {...me}>
        {() => (
          <View>
            {!communityId && !mine.loading ? (
              <Notice tone='warn'>认证房屋、报到或任职网格后，可以在这里看到您所在网格的党支部和网格人员</Notice>
            ) : null}
            {grids.data ? (
              <Field
                kind='picker'
                id='grid-picker'
                label='网格'
                options={grids.data.items.map((g) => ({ value: g.id, label: g.name }))}
                value={current}
                onChange={setGridId}
              />
            ) : null}
            {remove.error ? <Notice tone='error'>{remove.error.message}</Notice> : null}
            <QueryState {...staff}>
              {(s) => (
                <View>
                  <PartyBranchCard
                    gridId={s.gridId}
                    branch={s.partyBranch}
                    appointedSecretary={s.items.find((p) => p.post === 'branch_secretary')?.name}
                    editable={canEdit}
                    onSaved={staff.reload}
                  />
                  <BuildingLeaders
                    leaders={s.buildingLeaders}
                    homeBuildingIds={mine.data?.items.find((g) => g.gridId === s.gridId)?.homeBuildingIds ?? []}
                    editable={canEdit}
                    onChanged={staff.reload}
                  />
                  {s.items.length === 0 ? (
                    <Empty text='这个网格还没有任命人员' />
                  ) : (
                    <Card title={`${s.gridName}人员`}>
                      {s.items.map((p) => (
                        <View key={p.id} className='gd-step gd-row' id={`staff-${p.id}`}>
                          <View>
                            <Text className='gd-title'>{p.name}</Text>
                            <Text className='gd-meta'>
                              {STAFF_POST_LABEL[p.post]}
                              {p.title ? ` · ${p.title}` : ''}
                            </Text>
                          </View>
                          {canEdit ? (
                            <Button size='small' variant='plain' onClick={() => void doRemove(p.id, p.name)}>
                              免去
                            </Button>
                          ) : (
                            <Tag tone='red'>{STAFF_POST_LABEL[p.post]}</Tag>
                          )}
                        </View>
                      ))}
                    </Card>
                  )}
                </View>
              )}
            </QueryState>
            {canEdit && current && staff.data ? (
              <Appoint key={current} gridId={current} communityId={staff.data.communityId} onTaken={staff.reload} />
            ) : null}
          </View>
        )}
      </QueryState>
    </PageShell>
  )
}
