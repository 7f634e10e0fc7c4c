import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { ROLE_LABEL } from '../../../../../types/roles'
import { STAFF_POST_LABEL } from '../../../../../types/grid'
import Card from '../../../../components/Card'
import Empty from '../../../../components/Empty'
import ListItem from '../../../../components/ListItem'
import StatusBadge from '../../../../components/StatusBadge'
import QueryState from '../../../../components/QueryState'
import { useCloud } from '../../../../hooks/useCloud'
import { formatTime } from '../../../../services/format'
import Pager from '../../../../components/Pager'

const PAGE_SIZE = 20

/** Invitations issued for one scope (street or community), newest first as the server sends them. */
export default function InvitationList({ scopeId }: { scopeId: string }) {
  const [page, setPage] = useState(1)
  const list = useCloud('org', 'invitation.list', { scopeId, page, pageSize: PAGE_SIZE }, { reloadOnShow: true })
  return (
    <QueryState {...list} loadingText='正在加载邀请码…'>
      {(data) =>
        data.items.length === 0 ? (
          <Empty text='这里还没有发出邀请码' />
        ) : (
          <View>
            <Card>
              {data.items.map((inv) => (
                <ListItem
                  key={inv.id}
                  id={`invitation-${inv.id}`}
                  title={`${inv.post ? STAFF_POST_LABEL[inv.post] : ROLE_LABEL[inv.role]} · ${inv.scopeName}`}
                  description={
                    <Text>
                      {inv.code}　
                      {inv.status === 'used' && inv.usedByName
                        ? `${inv.usedByName} 已使用`
                        : `至 ${formatTime(inv.expiresAt)}`}
                    </Text>
                  }
                  extra={<StatusBadge status={inv.status} />}
                />
              ))}
            </Card>
            <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onChange={setPage} />
          </View>
        )
      }
    </QueryState>
  )
}
