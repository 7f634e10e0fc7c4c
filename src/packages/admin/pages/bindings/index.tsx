import { useState } from 'react'
import { View } from '@tarojs/components'
import PageShell from '../../../../components/PageShell'
import Empty from '../../../../components/Empty'
import QueryState from '../../../../components/QueryState'
import ScopeSwitch from '../../components/ScopeSwitch'
import Segmented from '../../../../components/Segmented'
import { useScopes } from '../../hooks/useScopes'
import PendingList from './PendingList'
import IssueCode from './IssueCode'
import { Households, Residents } from './Residents'
import '../../admin.scss'

type Tab = 'pending' | 'residents' | 'households' | 'code'

/** Secretary: review household bindings of my community, find its residents and homes, and hand out one-time 户码. */
export default function BindingsPage() {
  const { me, options, scopeId, setScopeId } = useScopes('secretary')
  const [tab, setTab] = useState<Tab>('pending')
  return (
    <PageShell title='住户认证'>
      <QueryState {...me}>
        {() =>
          options.length === 0 || !scopeId ? (
            <Empty text='您不是社区书记' hint='只有社区书记可以审核本社区的住户认证' />
          ) : (
            <View>
              <ScopeSwitch label='社区' options={options} value={scopeId} onChange={setScopeId} />
              <Segmented<Tab>
                items={[
                  { key: 'pending', label: '待审核' },
                  { key: 'residents', label: '住户' },
                  { key: 'households', label: '房屋' },
                  { key: 'code', label: '发放户码' },
                ]}
                value={tab}
                onChange={setTab}
              />
              {tab === 'pending' ? <PendingList key={scopeId} communityId={scopeId} /> : null}
              {tab === 'residents' ? <Residents key={scopeId} communityId={scopeId} /> : null}
              {tab === 'households' ? <Households key={scopeId} communityId={scopeId} /> : null}
              {tab === 'code' ? <IssueCode key={scopeId} communityId={scopeId} /> : null}
            </View>
          )
        }
      </QueryState>
    </PageShell>
  )
}
