import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import Button from '../../../../components/Button'
import Empty from '../../../../components/Empty'
import QueryState from '../../../../components/QueryState'
import { useCloud } from '../../../../hooks/useCloud'
import ScopeSwitch from '../../components/ScopeSwitch'
import Pager from '../../components/Pager'
import { useScopes } from '../../hooks/useScopes'
import CreateCommunity from './CreateCommunity'
import GridPanel from './GridPanel'
import '../../admin.scss'
import './index.scss'

const PAGE_SIZE = 20

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
                    <Button size='small' variant='plain' id={`community-grids-${c.id}`} onClick={() => setOpen(open === c.id ? undefined : c.id)}>
                      {open === c.id ? '收起' : '查看网格'}
                    </Button>
                  }
                >
                  <Text className='admin-line admin-line--muted'>{c.address}</Text>
                  <View className='community-stats'>
                    <Text className='community-stats__item'>网格 {c.gridCount}</Text>
                    <Text className='community-stats__item'>小区 {c.estateCount}</Text>
                    <Text className='community-stats__item'>住户 {c.householdCount}</Text>
                  </View>
                  {open === c.id ? <GridPanel communityId={c.id} onAdded={list.reload} /> : null}
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

/** Street admin: the communities of my street, new communities, and their grids. */
export default function CommunitiesPage() {
  const { me, options, scopeId, setScopeId } = useScopes('street_admin')
  return (
    <PageShell title='社区管理'>
      <QueryState {...me}>
        {() =>
          options.length === 0 || !scopeId ? (
            <Empty text='您不是街道管理员' hint='只有街道管理员可以管理社区' />
          ) : (
            <View>
              <ScopeSwitch label='街道' options={options} value={scopeId} onChange={setScopeId} />
              <CommunityList key={scopeId} streetId={scopeId} />
            </View>
          )
        }
      </QueryState>
    </PageShell>
  )
}
