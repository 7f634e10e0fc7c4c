import { useEffect, useMemo, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import Button from '../../../../components/Button'
import Empty from '../../../../components/Empty'
import QueryState from '../../../../components/QueryState'
import { useCloud } from '../../../../hooks/useCloud'
import { grantsOf } from '../../../../services/roles'
import ScopeSwitch, { type ScopeOption } from '../../components/ScopeSwitch'
import Pager from '../../../../components/Pager'
import { useScopes } from '../../hooks/useScopes'
import CreateCommunity from './CreateCommunity'
import CommunityPanel from './CommunityPanel'
import '../../admin.scss'
import './index.scss'

const PAGE_SIZE = 20

/** Street admin: the communities of the street, a new community, and per community its grids and estates. */
function CommunityList({ streetId }: { streetId: string }) {
  const [page, setPage] = useState(1)
  const [creating, setCreating] = useState(false)
  const [open, setOpen] = useState<string>()
  const list = useCloud('org', 'community.list', { streetId, page, pageSize: PAGE_SIZE })

  return (
    <View>
      {creating ? (
        <CreateCommunity
          streetId={streetId}
          onCancel={() => setCreating(false)}
          onCreated={() => {
            setCreating(false)
            list.reload()
          }}
        />
      ) : (
        <Button variant='secondary' id='community-new' className='admin-gap-bottom' onClick={() => setCreating(true)}>
          ＋ 新建社区
        </Button>
      )}
      <QueryState {...list} loadingText='正在加载社区…'>
        {(data) =>
          data.items.length === 0 ? (
            <Empty text='本街道还没有社区' hint='点上方“新建社区”开始' />
          ) : (
            <View>
              {data.items.map((c) => (
                <Card
                  key={c.id}
                  title={c.name}
                  id={`community-${c.id}`}
                  extra={
                    <Button
                      size='small'
                      variant='plain'
                      id={`community-open-${c.id}`}
                      onClick={() => setOpen(open === c.id ? undefined : c.id)}
                    >
                      {open === c.id ? '收起' : '网格与小区'}
                    </Button>
                  }
                >
                  <Text className='admin-line admin-line--muted'>{c.address}</Text>
                  <View className='community-stats'>
                    <Text className='community-stats__item'>网格 {c.gridCount}</Text>
                    <Text className='community-stats__item'>小区 {c.estateCount}</Text>
                    <Text className='community-stats__item'>住户 {c.householdCount}</Text>
                  </View>
                  {open === c.id ? <CommunityPanel communityId={c.id} onChanged={list.reload} /> : null}
                </Card>
              ))}
              <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onChange={setPage} />
            </View>
          )
        }
      </QueryState>
    </View>
  )
}

/** Secretary: the community they serve, its grids, estates and buildings. */
function SecretaryView({ communities }: { communities: ScopeOption[] }) {
  const [communityId, setCommunityId] = useState(communities[0].id)
  const current = communities.find((c) => c.id === communityId) ?? communities[0]
  return (
    <View>
      <ScopeSwitch label='社区' options={communities} value={current.id} onChange={setCommunityId} />
      <Card id={`community-${current.id}`}>
        <Text className='admin-line admin-line--muted community-intro'>
          先建小区，再为小区添加楼栋；楼栋的房号按层数和每层户数自动生成。
        </Text>
        <CommunityPanel key={current.id} communityId={current.id} onChanged={() => undefined} />
      </Card>
    </View>
  )
}

/** Street admins manage the communities of their street; a secretary manages the estates of their community. */
export default function CommunitiesPage() {
  const { me, options: streets, scopeId: streetId, setScopeId } = useScopes('street_admin')
  const secretaryOf = useMemo(
    () => grantsOf(me.data?.roles, 'secretary').map((g) => ({ id: g.scopeId, name: g.scopeName })),
    [me.data],
  )
  const asSecretary = streets.length === 0 && secretaryOf.length > 0
  useEffect(() => {
    if (asSecretary) void Taro.setNavigationBarTitle({ title: '小区楼栋' })
  }, [asSecretary])

  return (
    <PageShell title={asSecretary ? '小区楼栋' : '社区管理'}>
      <QueryState {...me}>
        {() => {
          if (streetId) {
            return (
              <View>
                <ScopeSwitch label='街道' options={streets} value={streetId} onChange={setScopeId} />
                <CommunityList key={streetId} streetId={streetId} />
              </View>
            )
          }
          if (asSecretary) return <SecretaryView communities={secretaryOf} />
          return <Empty text='您不是街道管理员或社区书记' hint='街道管理员管理社区，社区书记管理本社区的小区和楼栋' />
        }}
      </QueryState>
    </PageShell>
  )
}
