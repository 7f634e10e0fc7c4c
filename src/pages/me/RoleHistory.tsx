import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { GRANT_END_LABEL } from '../../../types/org-forms'
import { ROLE_LABEL } from '../../../types/roles'
import Card from '../../components/Card'
import ListItem from '../../components/ListItem'
import Button from '../../components/Button'
import QueryState from '../../components/QueryState'
import { useCloud } from '../../hooks/useCloud'
import { formatDate } from '../../services/time'

const STEP = 10

/** Roles the person held and no longer holds: from when to when, how it ended, by whom and why. */
export default function RoleHistory({ refreshKey }: { refreshKey: number }) {
  const [pageSize, setPageSize] = useState(STEP)
  const q = useCloud('org', 'role.history', { pageSize, page: 1 }, { reloadOnShow: true })
  const { reload } = q
  // A role given up on this page moves here at once.
  useEffect(() => {
    if (refreshKey) reload()
  }, [refreshKey, reload])
  return (
    <Card title='任职历史' id='role-history'>
      <QueryState {...q} loadingText='正在加载任职历史…'>
        {(data) =>
          data.items.length === 0 ? (
            <Text className='tx-muted'>没有已结束的职务。</Text>
          ) : (
            <View>
              {data.items.map((h) => (
                <ListItem
                  key={h.id}
                  id={`history-${h.role}-${h.scopeId}`}
                  title={`${ROLE_LABEL[h.role]} · ${h.scopeName}`}
                  description={
                    <View>
                      <Text className='me-history__line'>{`${h.since ? formatDate(h.since) : '—'} 至 ${formatDate(h.endedAt)}`}</Text>
                      <Text className='me-history__line'>{`${GRANT_END_LABEL[h.kind]}（${h.endedByName}）${h.reason ? `：${h.reason}` : ''}`}</Text>
                    </View>
                  }
                />
              ))}
              {data.total > data.items.length ? (
                <Button
                  variant='plain'
                  id='role-history-more'
                  onClick={() => setPageSize(Math.min(pageSize + STEP, 50))}
                >
                  {`查看更早的（共 ${data.total} 项）`}
                </Button>
              ) : null}
            </View>
          )
        }
      </QueryState>
    </Card>
  )
}
