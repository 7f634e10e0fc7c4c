import { useMemo, useState } from 'react'
import { View } from '@tarojs/components'
import PageShell from '../../../../components/PageShell'
import Empty from '../../../../components/Empty'
import Field from '../../../../components/Field'
import QueryState from '../../../../components/QueryState'
import { useCloud } from '../../../../hooks/useCloud'
import { grantsOf } from '../../../../services/roles'
import type { RoleGrant } from '../../../../../types/roles'
import ScopeSwitch from '../../components/ScopeSwitch'
import Segmented from '../../../../components/Segmented'
import { useScopes } from '../../hooks/useScopes'
import CreateInvitation from './CreateInvitation'
import InvitationList from './InvitationList'
import '../../admin.scss'

type Tab = 'create' | 'list'

/** The scopes whose invitations the person may read: their street and its communities, or their communities. */
function ListSection({
  streetId,
  secretaryScopes,
}: {
  streetId?: string
  secretaryScopes: { id: string; name: string }[]
}) {
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

/** Secretary: invite staff of a company serving the community, and see the codes the community issued. */
function SecretarySection({ communities }: { communities: RoleGrant[] }) {
  const [communityId, setCommunityId] = useState(communities[0].scopeId)
  const [tab, setTab] = useState<Tab>('create')
  const grant = communities.find((g) => g.scopeId === communityId) ?? communities[0]
  return (
    <View>
      <ScopeSwitch
        label='社区'
        options={communities.map((g) => ({ id: g.scopeId, name: g.scopeName }))}
        value={grant.scopeId}
        onChange={setCommunityId}
      />
      <Segmented<Tab>
        items={[
          { key: 'create', label: '邀请物业人员' },
          { key: 'list', label: '已发邀请码' },
        ]}
        value={tab}
        onChange={setTab}
      />
      {tab === 'list' ? (
        <InvitationList key={grant.scopeId} scopeId={grant.scopeId} />
      ) : grant.streetId ? (
        <CreateInvitation key={grant.scopeId} streetId={grant.streetId} communityId={grant.scopeId} />
      ) : (
        <Empty text='找不到本社区所属的街道' hint='请联系街道管理员' />
      )}
    </View>
  )
}

/** Street admin: invite secretaries, street admins and property staff. Secretary: invite property staff. */
export default function InvitationsPage() {
  const { me, options: streets, scopeId: streetId, setScopeId } = useScopes('street_admin')
  const secretaryGrants = useMemo(() => grantsOf(me.data?.roles, 'secretary'), [me.data])
  const secretaryScopes = useMemo(
    () => secretaryGrants.map((g) => ({ id: g.scopeId, name: g.scopeName })),
    [secretaryGrants],
  )
  const [tab, setTab] = useState<Tab>('create')
  return (
    <PageShell title='邀请码'>
      <QueryState {...me}>
        {() => {
          if (streets.length === 0 && secretaryGrants.length === 0) {
            return (
              <Empty
                text='您没有发放邀请码的权限'
                hint='街道管理员邀请社区书记、街道管理员和物业人员；社区书记邀请物业人员'
              />
            )
          }
          if (streets.length === 0) return <SecretarySection communities={secretaryGrants} />
          if (!streetId) return null
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
