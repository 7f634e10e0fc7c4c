import { useMemo, useState } from 'react'
import { View } from '@tarojs/components'
import PageShell from '../../../../components/PageShell'
import Empty from '../../../../components/Empty'
import Field from '../../../../components/Field'
import QueryState from '../../../../components/QueryState'
import { useCloud } from '../../../../hooks/useCloud'
import { grantsOf } from '../../../../services/roles'
import ScopeSwitch from '../../components/ScopeSwitch'
import Segmented from '../../components/Segmented'
import { useScopes } from '../../hooks/useScopes'
import CreateInvitation from './CreateInvitation'
import InvitationList from './InvitationList'
import '../../admin.scss'

type Tab = 'create' | 'list'

/** The scopes whose invitations the person may read: their street and its communities, or their communities. */
function ListSection({ streetId, secretaryScopes }: { streetId?: string; secretaryScopes: { id: string; name: string }[] }) {
  const communities = useCloud('org', 'community.list', streetId ? { streetId, page: 1, pageSize: 50 } : null)
  const options = useMemo(() => {
    const out = streetId ? [{ label: '本街道', value: streetId }] : []
    for (const c of communities.data?.items ?? []) out.push({ label: c.name, value: c.id })
    for (const s of secretaryScopes) if (!out.some((o) => o.value === s.id)) out.push({ label: s.name, value: s.id })
    return out
  }, [streetId, communities.data, secretaryScopes])
  const [scopeId, setScopeId] = useState<string>()
  const current = scopeId ?? options[0]?.value
  return (
    <View>
      <Field kind='picker' label='范围' id='invite-scope' options={options} value={current} onChange={setScopeId} />
      {current ? <InvitationList key={current} scopeId={current} /> : null}
    </View>
  )
}

/** Street admin (and secretary, read only): issue one-time invitation codes and see the issued ones. */
export default function InvitationsPage() {
  const { me, options: streets, scopeId: streetId, setScopeId } = useScopes('street_admin')
  const secretaryScopes = useMemo(
    () => grantsOf(me.data?.roles, 'secretary').map((g) => ({ id: g.scopeId, name: g.scopeName })),
    [me.data],
  )
  const [tab, setTab] = useState<Tab>('create')
  return (
    <PageShell title='邀请码'>
      <QueryState {...me}>
        {() => {
          if (streets.length === 0 && secretaryScopes.length === 0) {
            return <Empty text='您没有发放邀请码的权限' hint='街道管理员可以邀请社区书记和街道管理员' />
          }
          if (!streetId) return <ListSection secretaryScopes={secretaryScopes} />
          return (
            <View>
              <ScopeSwitch label='街道' options={streets} value={streetId} onChange={setScopeId} />
              <Segmented<Tab>
                items={[
                  { key: 'create', label: '生成邀请码' },
                  { key: 'list', label: '已发邀请码' },
                ]}
                value={tab}
                onChange={setTab}
              />
              {tab === 'create' ? (
                <CreateInvitation key={streetId} streetId={streetId} />
              ) : (
                <ListSection key={streetId} streetId={streetId} secretaryScopes={secretaryScopes} />
              )}
            </View>
          )
        }}
      </QueryState>
    </PageShell>
  )
}
