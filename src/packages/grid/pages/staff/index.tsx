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
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { useMe } from '../../../../hooks/useMe'
import { confirm, toast } from '../../../../services/nav'
import { STAFF_POSTS, STAFF_POST_LABEL, type StaffPost } from '../../../../../types/grid'
import Chips from '../../../../components/Chips'
import PartyBranchCard from '../../components/PartyBranchCard'
import '../../grid.scss'

/**
 * The grid page: its Party branch and its 党支部书记, 网格长, 网格员 and 挂钩干部. Grid workers, residents and
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
  const staff = useCloud('grid', 'staff.list', current ? { gridId: current } : null)
  // Only the secretary of the shown grid's community may change anything on it.
  const canEdit = !!staff.data && roles.some((g) => g.role === 'secretary' && g.scopeId === staff.data!.communityId)
  const appoint = useMutation('grid', 'staff.appoint')
  const remove = useMutation('grid', 'staff.remove')
  const [phone, setPhone] = useState('')
  const [post, setPost] = useState<StaffPost>('worker')
  const [title, setTitle] = useState('')
  const doAppoint = async () => {
    if (!current) return
    const r = await appoint.run({ gridId: current, phone: phone.trim(), post, title: title.trim() || undefined })
    if (r) {
      toast('已任命')
      setPhone('')
      setTitle('')
      staff.reload()
    }
  }
  const doRemove = async (id: string, name: string) => {
    if (!(await confirm('免去职务', `确定免去${name}的网格职务吗？记录会保留。`))) return
    if (await remove.run({ staffId: id })) {
      toast('已免去')
      staff.reload()
    }
  }
  return (
    <PageShell title='网格' intro='网格党支部与网格长、网格员、挂钩干部'>
      <QueryState {...me}>
        {() => (
          <View>
            {!communityId && !mine.loading ? <Notice tone='warn'>认证房屋、报到或任职网格后，可以在这里看到您所在网格的党支部和网格人员</Notice> : null}
            {grids.data ? <Field kind='picker' id='grid-picker' label='网格' options={grids.data.items.map((g) => ({ value: g.id, label: g.name }))} value={current} onChange={setGridId} /> : null}
            {remove.error ? <Notice tone='error'>{remove.error.message}</Notice> : null}
            <QueryState {...staff}>
              {(s) => (
                <View>
                  <PartyBranchCard gridId={s.gridId} branch={s.partyBranch} appointedSecretary={s.items.find((p) => p.post === 'branch_secretary')?.name} editable={canEdit} onSaved={staff.reload} />
                  {s.items.length === 0 ? (
                    <Empty text='这个网格还没有任命人员' />
                  ) : (
                    <Card title={`${s.gridName}人员`}>
                      {s.items.map((p) => (
                        <View key={p.id} className='gd-step gd-row' id={`staff-${p.id}`}>
                          <View>
                            <Text className='gd-title'>{p.name}</Text>
                            <Text className='gd-meta'>{STAFF_POST_LABEL[p.post]}{p.title ? ` · ${p.title}` : ''}</Text>
                          </View>
                          {canEdit ? <Button size='small' variant='plain' onClick={() => void doRemove(p.id, p.name)}>免去</Button> : <Tag tone='red'>{STAFF_POST_LABEL[p.post]}</Tag>}
                        </View>
                      ))}
                    </Card>
                  )}
                </View>
              )}
            </QueryState>
            {canEdit && current ? (
              <Card title='任命网格人员'>
                {appoint.error ? <Notice tone='error'>{appoint.error.message}</Notice> : null}
                <Field id='appoint-phone' kind='phone' label='手机号' value={phone} onChange={setPhone} hint='对方须已在小程序登录并填写手机号' maxLength={11} />
                <Chips idPrefix='post' items={STAFF_POSTS.map((k) => ({ key: k, label: STAFF_POST_LABEL[k] }))} value={post} onChange={setPost} />
                <Field id='appoint-title' label='职务说明' optional value={title} onChange={setTitle} placeholder='如：社区民警' maxLength={20} />
                <Button id='appoint' block disabled={phone.trim().length !== 11} loading={appoint.sending} onClick={() => void doAppoint()}>任命</Button>
              </Card>
            ) : null}
          </View>
        )}
      </QueryState>
    </PageShell>
  )
}
