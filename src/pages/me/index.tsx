import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import type { MeView } from '../../../types/org'
import PageShell from '../../components/PageShell'
import Card from '../../components/Card'
import ListItem from '../../components/ListItem'
import QueryState from '../../components/QueryState'
import { useMe } from '../../hooks/useMe'
import { ROUTES, go, isH5 } from '../../services/nav'
import ProfileCard from './ProfileCard'
import MyRoles from './MyRoles'
import MyHousehold from './MyHousehold'
import RoleHistory from './RoleHistory'
import LeaveAccount from './LeaveAccount'
import './index.scss'

function MeContent({ initial, reload }: { initial: MeView; reload: () => void }) {
  const [me, setMe] = useState(initial)
  const [changes, setChanges] = useState(0)
  useEffect(() => setMe(initial), [initial])
  const changed = (next: MeView) => {
    setMe(next)
    setChanges((n) => n + 1)
  }
  return (
    <View>
      <ProfileCard me={me} onSaved={setMe} />
      <MyRoles me={me} onChanged={changed} />
      <MyHousehold me={me} onChanged={changed} />
      <RoleHistory refreshKey={changes} />
      <Card title='我的数据' id='my-data'>
        <ListItem
          title='查看和导出我的数据'
          description='同心圆为您保存的全部信息：资料、身份、报到、议题、评价、上报的事件等'
          onClick={() => go(ROUTES.myData)}
          id='me-mydata'
        />
      </Card>
      <Card>
        <ListItem
          title='隐私保护指引'
          description='我们收集什么、为什么、保存多久、谁能看到'
          onClick={() => go(ROUTES.privacy)}
          id='me-privacy'
        />
        {me.roles.some((g) => g.role === 'street_admin' || g.role === 'secretary') ? (
          <ListItem
            title='内容审核'
            description='被举报或待人工复核的内容'
            onClick={() => go(ROUTES.adminModeration)}
            id='me-moderation'
          />
        ) : null}
        {me.roles.some((g) => g.role === 'street_admin') ? (
          <ListItem
            title='操作日志'
            description='本街道的操作记录：谁、何时、改了什么'
            onClick={() => go(ROUTES.adminAudit)}
            id='me-audit'
          />
        ) : null}
      </Card>
      <LeaveAccount me={me} onLeft={reload} />
      {isH5 ? (
        <Card>
          <ListItem
            title='消息记录'
            description='本地演示：本应发送的订阅消息'
            onClick={() => go(ROUTES.outbox)}
            id='me-outbox'
          />
          <ListItem
            title='身份切换'
            description='本地演示：切换为其他演示人员'
            onClick={() => go(ROUTES.identity)}
            id='me-identity'
          />
        </Card>
      ) : null}
    </View>
  )
}

/** 我的: my profile, my roles (辞去), my household (退出本户), the roles I held before, 我的数据, 注销. */
export default function MePage() {
  const me = useMe()
  return (
    <PageShell title='我的'>
      <QueryState {...me}>{(data) => <MeContent initial={data} reload={me.reload} />}</QueryState>
    </PageShell>
  )
}
