import { View, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { NEED_SOURCE_LABEL, NEED_STATUS_LABEL } from '../../../../../types/service'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import ListItem from '../../../../components/ListItem'
import Tag from '../../../../components/Tag'
import QueryState from '../../../../components/QueryState'
import { useCloud } from '../../../../hooks/useCloud'
import { formatTime } from '../../../../services/format'
import { go, ROUTES } from '../../../../services/nav'
import '../../service.scss'

const TONE = { open: 'red', matched: 'gold', done: 'green' } as const

/** One need of the 需求清单; a need converted from a 网格吹哨 event links back to that event. */
export default function NeedPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const q = useCloud('service', 'need.get', id ? { needId: id } : null)
  return (
    <PageShell title='需求详情'>
      <QueryState {...q} loadingText='正在加载需求…'>
        {(n) => (
          <View>
            <Card title={n.title} extra={<Tag tone={TONE[n.status]}>{NEED_STATUS_LABEL[n.status]}</Tag>} id='need'>
              {n.detail ? <Text className='svc-line'>{n.detail}</Text> : null}
              {n.quantityText ? <Text className='svc-line'>数量：{n.quantityText}</Text> : null}
              <Text className='svc-line svc-line--muted'>来源：{NEED_SOURCE_LABEL[n.source]} · {formatTime(n.createdAt).slice(0, 10)}</Text>
            </Card>
            {n.gridEventId ? (
              <Card>
                <ListItem id='need-grid-event' title='来源网格事件' description='查看网格上报的原事件和处置经过' onClick={() => go(ROUTES.gridEvent(n.gridEventId!))} />
              </Card>
            ) : null}
          </View>
        )}
      </QueryState>
    </PageShell>
  )
}
