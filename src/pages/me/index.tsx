import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { MeView } from '../../../types/org'
import PageShell from '../../components/PageShell'
import Card from '../../components/Card'
import ListItem from '../../components/ListItem'
import StatusBadge from '../../components/StatusBadge'
import QueryState from '../../components/QueryState'
import { useMe } from '../../hooks/useMe'
import { ROLE_LABEL } from '../../../types/roles'
import { ROUTES, go, isH5 } from '../../services/nav'
import { formatTime } from '../../services/format'
import ProfileCard from './ProfileCard'
import './index.scss'

function MeContent({ initial }: { initial: MeView }) {
  const [me, setMe] = useState(initial)
  useEffect(() => setMe(initial), [initial])
  const b = me.binding
  return (
    <View>
      <ProfileCard me={me} onSaved={setMe} />
      <Card title='我的身份' id='my-roles'>
        {me.roles.length === 0 ? (
          <Text className='tx-muted'>暂无工作身份。认证房屋后您将成为本社区居民。</Text>
        ) : (
          me.roles.map((g) => <ListItem key={`${g.role}:${g.scopeId}`} title={ROLE_LABEL[g.role]} description={g.scopeName} />)
        )}
      </Card>
      <Card title='房屋认证' id='my-binding' extra={<StatusBadge status={b ? b.status : 'none'} />}>
        {b ? (
          <ListItem
            title={b.address}
            description={
              b.status === 'rejected' ? `未通过：${b.reason || '社区未说明原因'}` : `${b.communityName} · ${formatTime(b.createdAt)} 提交`
            }
            onClick={() => go(ROUTES.bind)}
          />
        ) : (
          <ListItem title='还没有认证房屋' description='认证后可参与议事投票、物业评价' onClick={() => go(ROUTES.bind)} />
        )}
      </Card>
      <Card>
        <ListItem title='隐私保护指引' description='我们收集什么、为什么、保存多久、谁能看到' onClick={() => go(ROUTES.privacy)} id='me-privacy' />
        {me.roles.some((g) => g.role === 'street_admin' || g.role === 'secretary') ? (
          <ListItem title='内容审核' description='被举报或待人工复核的内容' onClick={() => go(ROUTES.adminModeration)} id='me-moderation' />
        ) : null}
        {me.roles.some((g) => g.role === 'street_admin') ? (
          <ListItem title='操作日志' description='本街道的操作记录：谁、何时、改了什么' onClick={() => go(ROUTES.adminAudit)} id='me-audit' />
        ) : null}
      </Card>
      {isH5 ? (
        <Card>
          <ListItem title='消息记录' description='本地演示：本应发送的订阅消息' onClick={() => go(ROUTES.outbox)} id='me-outbox' />
          <ListItem title='身份切换' description='本地演示：切换为其他演示人员' onClick={() => go(ROUTES.identity)} id='me-identity' />
        </Card>
      ) : null}
    </View>
  )
}

/** 我的: my profile, my roles, my household verification. */
export default function MePage() {
  const me = useMe()
  return (
    <PageShell title='我的'>
      <QueryState {...me}>{(data) => <MeContent initial={data} />}</QueryState>
    </PageShell>
  )
}
