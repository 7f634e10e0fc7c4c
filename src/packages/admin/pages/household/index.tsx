import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import Empty from '../../../../components/Empty'
import Tag from '../../../../components/Tag'
import QueryState from '../../../../components/QueryState'
import { useCloud } from '../../../../hooks/useCloud'
import { useMe } from '../../../../hooks/useMe'
import AreaCard from './AreaCard'
import Members from './Members'
import History from './History'
import '../../admin.scss'
import './index.scss'
import { useParam } from '../../../../services/nav'

/** One household for those who keep the register: its area (correctable), who is bound to it and since when, its versions. */
export default function HouseholdPage() {
  const id = useParam('id')
  const me = useMe({ reloadOnShow: false })
  const q = useCloud('org', 'household.get', id ? { householdId: id } : null)
  const [changes, setChanges] = useState(0)
  const changed = () => {
    q.reload()
    setChanges((n) => n + 1)
  }
  if (!id) {
    return (
      <PageShell title='住户信息'>
        <Empty text='没有指定房屋' hint='请从“小区楼栋”中点选一户' />
      </PageShell>
    )
  }
  return (
    <PageShell title='住户信息'>
      <QueryState {...q} loadingText='正在加载住户…'>
        {(h) => {
          const secretary = !!me.data?.roles.some((g) => g.role === 'secretary' && g.scopeId === h.communityId)
          return (
            <View>
              <Card id='household-head'>
                <Text className='household-head__address' id='household-address'>
                  {h.address}
                </Text>
                {h.retired ? (
                  <View className='household-head__tag'>
                    <Tag tone='gray'>楼栋已停用</Tag>
                  </View>
                ) : null}
              </Card>
              <AreaCard h={h} onChanged={changed} />
              <Members householdId={h.id} canUnbind={secretary} onChanged={changed} />
              <History kind='household' id={h.id} refreshKey={changes} />
            </View>
          )
        }}
      </QueryState>
    </PageShell>
  )
}
