import { View } from '@tarojs/components'
import PageShell from '../../../../components/PageShell'
import Empty from '../../../../components/Empty'
import QueryState from '../../../../components/QueryState'
import ScopeSwitch from '../../components/ScopeSwitch'
import { useScopes } from '../../hooks/useScopes'
import PendingLiaisons from './PendingLiaisons'
import '../../admin.scss'

/** Secretary: approve or return unit-liaison registrations of my community. */
export default function LiaisonsPage() {
  const { me, options, scopeId, setScopeId } = useScopes('secretary')
  return (
    <PageShell title='单位联络员审核'>
      <QueryState {...me}>
        {() =>
          options.length === 0 || !scopeId ? (
            <Empty text='您不是社区书记' hint='只有社区书记可以审核本社区的单位联络员' />
          ) : (
            <View>
              <ScopeSwitch label='社区' options={options} value={scopeId} onChange={setScopeId} />
              <PendingLiaisons key={scopeId} communityId={scopeId} />
            </View>
          )
        }
      </QueryState>
    </PageShell>
  )
}
