import { useEffect, useMemo, useState } from 'react'
import { View } from '@tarojs/components'
import type { EndableRole } from '../../../../../types/roles'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import Field from '../../../../components/Field'
import Empty from '../../../../components/Empty'
import QueryState from '../../../../components/QueryState'
import { useCloud } from '../../../../hooks/useCloud'
import { grantsOf } from '../../../../services/roles'
import Segmented from '../../../../components/Segmented'
import ScopeSwitch from '../../components/ScopeSwitch'
import { useScopes } from '../../hooks/useScopes'
import Holders from './Holders'
import '../../admin.scss'

interface Scope {
  id: string
  name: string
}

/** A picker of the scopes a role is held on (communities, companies, units, grids), then its holders. */
function ScopedHolders({
  role,
  label,
  scopes,
  loading,
}: {
  role: EndableRole
  label: string
  scopes: Scope[]
  loading?: boolean
}) {
  const [scopeId, setScopeId] = useState<string>()
  useEffect(() => {
    if (!scopes.some((s) => s.id === scopeId)) setScopeId(scopes[0]?.id)
  }, [scopes, scopeId])
  const scope = scopes.find((s) => s.id === scopeId)
  return (
    <View>
      {scopes.length > 1 ? (
        <Field
          kind='picker'
          id={`people-scope-${role}`}
          label={label}
          options={scopes.map((s) => ({ label: s.name, value: s.id }))}
          value={scopeId}
          onChange={setScopeId}
          disabled={loading}
        />
      ) : null}
      {scope ? (
        <Holders key={`${role}:${scope.id}`} role={role} scopeId={scope.id} scopeName={scope.name} />
      ) : loading ? null : (
        <Empty text={`没有可选的${label}`} />
      )}
    </View>
  )
}

type StreetTab = 'secretary' | 'property_staff' | 'street_admin'

/** Street admin: the secretaries of each community, the staff of each company, the street's admins. */
function StreetPeople({ street }: { street: Scope }) {
  const [tab, setTab] = useState<StreetTab>('secretary')
  const communities = useCloud('org', 'community.list', { streetId: street.id, pageSize: 50 })
  const companies = useCloud('property', 'company.list', { streetId: street.id, pageSize: 50 })
  return (
    <Card>
      <Segmented<StreetTab>
        items={[
          { key: 'secretary', label: '社区书记' },
          { key: 'property_staff', label: '物业人员' },
          { key: 'street_admin', label: '街道管理员' },
        ]}
        value={tab}
        onChange={setTab}
      />
      {tab === 'secretary' ? (
        <QueryState {...communities}>
          {(d) => <ScopedHolders role='secretary' label='社区' scopes={d.items} />}
        </QueryState>
      ) : tab === 'property_staff' ? (
        <QueryState {...companies}>
          {(d) => <ScopedHolders role='property_staff' label='物业公司' scopes={d.items} />}
        </QueryState>
      ) : (
        <Holders role='street_admin' scopeId={street.id} scopeName={street.name} />
      )}
    </Card>
  )
}

type CommunityTab = 'member' | 'unit_liaison' | 'grid_worker' | 'property_staff'

/** Secretary: the community's members (报到), unit liaisons, grid staff, and staff of the companies serving it. */
function CommunityPeople({ community }: { community: Scope }) {
  const [tab, setTab] = useState<CommunityTab>('member')
  const units = useCloud(
    'service',
    'unit.list',
    tab === 'unit_liaison' ? { communityId: community.id, pageSize: 50 } : null,
  )
  const grids = useCloud('org', 'grid.list', tab === 'grid_worker' ? { communityId: community.id } : null)
  const estates = useCloud('org', 'estate.list', tab === 'property_staff' ? { communityId: community.id } : null)
  const companies = useMemo(() => {
    const seen = new Map<string, string>()
    for (const e of estates.data?.items ?? []) if (e.companyId) seen.set(e.companyId, e.companyName ?? '')
    return [...seen].map(([id, name]) => ({ id, name }))
  }, [estates.data])
  return (
    <Card>
      <Segmented<CommunityTab>
        items={[
          { key: 'member', label: '在职党员' },
          { key: 'unit_liaison', label: '联络员' },
          { key: 'grid_worker', label: '网格人员' },
          { key: 'property_staff', label: '物业人员' },
        ]}
        value={tab}
        onChange={setTab}
      />
      {tab === 'member' ? (
        <Holders role='member' scopeId={community.id} scopeName={community.name} />
      ) : tab === 'unit_liaison' ? (
        <QueryState {...units}>
          {(d) => (
            <ScopedHolders role='unit_liaison' label='单位' scopes={d.items.map((u) => ({ id: u.id, name: u.name }))} />
          )}
        </QueryState>
      ) : tab === 'grid_worker' ? (
        <QueryState {...grids}>{(d) => <ScopedHolders role='grid_worker' label='网格' scopes={d.items} />}</QueryState>
      ) : (
        <QueryState {...estates}>
          {() => <ScopedHolders role='property_staff' label='物业公司' scopes={companies} />}
        </QueryState>
      )}
    </Card>
  )
}

/** 人员任免: the level above sees who holds the roles it gives and ends an appointment with a reason. */
export default function PeoplePage() {
  const { me, options: streets, scopeId: streetId, setScopeId } = useScopes('street_admin')
  const communities = useMemo(
    () => grantsOf(me.data?.roles, 'secretary').map((g) => ({ id: g.scopeId, name: g.scopeName })),
    [me.data],
  )
  const [communityId, setCommunityId] = useState<string>()
  const community = communities.find((c) => c.id === communityId) ?? communities[0]
  const street = streets.find((s) => s.id === streetId)
  return (
    <PageShell title='人员任免'>
      <QueryState {...me}>
        {() =>
          street ? (
            <View>
              <ScopeSwitch label='街道' options={streets} value={street.id} onChange={setScopeId} />
              <StreetPeople key={street.id} street={street} />
            </View>
          ) : community ? (
            <View>
              <ScopeSwitch label='社区' options={communities} value={community.id} onChange={setCommunityId} />
              <CommunityPeople key={community.id} community={community} />
            </View>
          ) : (
            <Empty
              text='您不是街道管理员或社区书记'
              hint='任免由上级办理：街道任免书记和物业人员，社区任免党员报到、联络员、网格和物业人员'
            />
          )
        }
      </QueryState>
    </PageShell>
  )
}
