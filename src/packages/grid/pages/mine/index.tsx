import { View } from '@tarojs/components'
import PageShell from '../../../../components/PageShell'
import Button from '../../../../components/Button'
import Empty from '../../../../components/Empty'
import QueryState from '../../../../components/QueryState'
import { useCloud } from '../../../../hooks/useCloud'
import { go } from '../../../../services/nav'
import EventCard from '../../components/EventCard'
import { GRID } from '../../routes'
import '../../grid.scss'

/** Everything I reported, newest first, with its status. */
export default function MinePage() {
  const q = useCloud('grid', 'event.mine', { pageSize: 50 }, { reloadOnShow: true })
  return (
    <PageShell
      title='我的上报'
      intro='您上报的事件和处置进度'
      extra={
        <Button id='go-report' size='small' onClick={() => go(GRID.report)}>
          上报
        </Button>
      }
    >
      <QueryState {...q}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty text='还没有上报过事件' hint='发现环境卫生、乱堆乱放、设施损坏等问题，可随手上报' />
          ) : (
            <View>
              {page.items.map((e) => (
                <EventCard key={e.id} e={e} />
              ))}
            </View>
          )
        }
      </QueryState>
    </PageShell>
  )
}
