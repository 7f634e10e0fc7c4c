import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { PlaceKind } from '../../../../../types/org'
import Card from '../../../../components/Card'
import ListItem from '../../../../components/ListItem'
import QueryState from '../../../../components/QueryState'
import { useCloud } from '../../../../hooks/useCloud'
import { formatTime } from '../../../../services/time'
import Pager from '../../../../components/Pager'

const KIND: Record<string, string> = { area: '面积更正', rename: '改名', retire: '停用', move: '调整网格' }
const PAGE_SIZE = 10

/** Earlier versions of a household or a place: what it was, what it became, who, when, why. */
export default function History({
  kind,
  id,
  refreshKey,
}: {
  kind: 'household' | PlaceKind
  id: string
  refreshKey?: number
}) {
  const [page, setPage] = useState(1)
  const list = useCloud('org', 'place.history', { kind, id, page, pageSize: PAGE_SIZE })
  const { reload } = list
  useEffect(() => {
    if (refreshKey) reload()
  }, [refreshKey, reload])
  return (
    <Card title='变更记录' id='place-history'>
      <QueryState {...list} loadingText='正在加载…'>
        {(data) =>
          data.items.length === 0 ? (
            <Text className='admin-line admin-line--muted'>登记以来没有变更。</Text>
          ) : (
            <View>
              {data.items.map((r) => (
                <ListItem
                  key={r.id}
                  title={`${KIND[r.kind] ?? r.kind}：${r.before} → ${r.after}`}
                  description={`${formatTime(r.at)} · ${r.byName}${r.reason ? ` · ${r.reason}` : ''}`}
                />
              ))}
              <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onChange={setPage} />
            </View>
          )
        }
      </QueryState>
    </Card>
  )
}
