import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import Empty from '../../../../components/Empty'
import Notice from '../../../../components/Notice'
import Button from '../../../../components/Button'
import { isH5 } from '../../../../services/nav'
import { formatTime } from '../../../../services/time'
import Pager from '../../../../components/Pager'
import '../../admin.scss'

const PAGE = 20

/** One message as GET /local/outbox lists it (local/http/outbox.ts). */
interface OutboxItem {
  id: string
  at: string
  toName: string
  kindLabel: string
  page: string | null
  values: string[]
}
interface OutboxPage {
  items: OutboxItem[]
  total: number
}

/**
 * 消息记录 (local demo only): the subscription messages a journey would have sent, newest first, so a
 * tester sees which notices were produced and for whom. WeChat keeps no such list; the mini-program
 * build shows that this screen is for the local demo.
 */
export default function OutboxPage() {
  const [page, setPage] = useState(1)
  const [data, setData] = useState<OutboxPage>()
  const [error, setError] = useState<string>()
  const [tick, setTick] = useState(0)
  useEffect(() => {
    if (!isH5) return
    let live = true
    fetch(`/local/outbox?page=${page}&pageSize=${PAGE}`, { headers: { accept: 'application/json' } })
      .then(async (res) => {
        if (!res.ok) throw new Error(`HTTP ${res.status}`)
        return (await res.json()) as OutboxPage
      })
      .then((d) => {
        if (live) {
          setData(d)
          setError(undefined)
        }
      })
      .catch(() => {
        if (live) setError('读取消息记录失败，请确认本地服务正在运行')
      })
    return () => {
      live = false
    }
  }, [page, tick])
  return (
    <PageShell title='消息记录'>
      {!isH5 ? (
        <Empty text='仅在本地演示中可用' hint='正式环境的订阅消息由微信发送，这里不保存' />
      ) : (
        <View>
          <Notice tone='info' title='本地演示'>
            这里列出本次演示中“本应发送”的订阅消息：发给谁、什么通知、点开去哪一页。
          </Notice>
          {error ? <Notice tone='error'>{error}</Notice> : null}
          <Card
            title='最新消息'
            extra={
              <Button size='small' variant='plain' id='outbox-refresh' onClick={() => setTick(tick + 1)}>
                刷新
              </Button>
            }
          >
            {!data ? (
              <Text className='tx-muted'>正在读取…</Text>
            ) : data.items.length === 0 ? (
              <Empty text='还没有消息' />
            ) : (
              <View>
                <Text className='tx-muted' id='outbox-total'>{`共 ${data.total} 条`}</Text>
                {data.items.map((m, i) => (
                  <View key={m.id} className='admin-audit' id={`outbox-${i}`}>
                    <View className='admin-audit__row'>
                      <Text className='admin-audit__who'>{`发给 ${m.toName}`}</Text>
                      <Text className='tx-muted'>{formatTime(m.at)}</Text>
                    </View>
                    <Text className='admin-line'>{m.kindLabel}</Text>
                    {m.values.map((v, j) => (
                      <Text key={j} className='admin-line admin-line--muted'>
                        {v}
                      </Text>
                    ))}
                    {m.page ? <Text className='admin-line admin-line--muted'>{`打开页面：${m.page}`}</Text> : null}
                  </View>
                ))}
                <Pager page={page} pageSize={PAGE} total={data.total} onChange={setPage} />
              </View>
            )}
          </Card>
        </View>
      )}
    </PageShell>
  )
}
