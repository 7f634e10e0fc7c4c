import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import PageShell from '../../../../components/PageShell'
import Button from '../../../../components/Button'
import Card from '../../../../components/Card'
import Empty from '../../../../components/Empty'
import Field from '../../../../components/Field'
import Notice from '../../../../components/Notice'
import QueryState from '../../../../components/QueryState'
import Tag from '../../../../components/Tag'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { useNoticeConsent } from '../../../../hooks/useNoticeConsent'
import { useMe } from '../../../../hooks/useMe'
import { formatTime } from '../../../../services/format'
import { go, toast } from '../../../../services/nav'
import { ANSWER_KIND_LABEL, SUMMONS_STATE_LABEL, type SummonsView } from '../../../../../types/grid'
import EventCard from '../../components/EventCard'
import Segmented from '../../../../components/Segmented'
import { GRID } from '../../routes'
import '../../grid.scss'

function SummonsCard({ s, onDone }: { s: SummonsView; onDone: () => void }) {
  const answer = useMutation('grid', 'whistle.answer')
  const [text, setText] = useState('')
  const send = async (kind: 'report' | 'reason') => {
    const r = await answer.run({ summonsId: s.id, kind, text: text.trim() })
    if (r) {
      toast('已应答')
      onDone()
    }
  }
  const open = s.state === 'pending' || s.state === 'silent'
  return (
    <Card id={`summons-${s.eventId}`}>
      <View className='gd-row'>
        <Text className='gd-title'>{s.eventTitle}</Text>
        <Tag tone={s.state === 'on_time' ? 'green' : s.state === 'pending' ? 'gold' : 'red'}>
          {SUMMONS_STATE_LABEL[s.state]}
        </Tag>
      </View>
      <Text className='gd-meta'>
        召集：{s.partyName} · 请于 {formatTime(s.windowEndsAt)} 前应答
      </Text>
      {s.answerText ? (
        <Text className='gd-text'>
          {ANSWER_KIND_LABEL[s.answerKind!]}：{s.answerText}
        </Text>
      ) : null}
      {open ? (
        <View>
          {answer.error ? <Notice tone='error'>{answer.error.message}</Notice> : null}
          {s.state === 'silent' ? <Notice tone='warn'>已过应答时限，现在应答将记为逾期</Notice> : null}
          <Field
            id={`answer-${s.eventId}`}
            kind='textarea'
            label='承诺或理由'
            value={text}
            onChange={setText}
            maxLength={300}
            placeholder='如：今天下午派人到场清理'
          />
          <View className='gd-actions'>
            <Button
              id={`report-${s.eventId}`}
              size='small'
              disabled={!text.trim()}
              loading={answer.sending}
              onClick={() => void send('report')}
            >
              报到并承诺
            </Button>
            <Button
              id={`reason-${s.eventId}`}
              size='small'
              variant='secondary'
              disabled={!text.trim()}
              onClick={() => void send('reason')}
            >
              说明理由
            </Button>
          </View>
        </View>
      ) : null}
      <View className='gd-actions'>
        <Button size='small' variant='plain' onClick={() => go(GRID.event(s.eventId))}>
          查看事件
        </Button>
      </View>
    </Card>
  )
}

/** Handlers' inbox: events assigned to my company, unit, community or me; and whistle summons to answer. */
export default function InboxPage() {
  const me = useMe({})
  const summoned = !!me.data?.roles.some((g) => g.role === 'unit_liaison' || g.role === 'property_staff')
  const [tab, setTab] = useState<'events' | 'whistles'>('events')
  const events = useCloud('grid', 'event.inbox', tab === 'events' ? { pageSize: 50 } : null, { reloadOnShow: true })
  const whistles = useCloud('grid', 'whistle.inbox', tab === 'whistles' && summoned ? { pageSize: 50 } : null, {
    reloadOnShow: true,
  })
  const askConsent = useNoticeConsent(['gridEventAssigned', 'gridWhistle', 'gridDeadlineNear'])
  const onNotices = async () => toast((await askConsent()).length ? '有派单、吹哨或期限将到时会通知您' : '没有允许通知')
  return (
    <PageShell title='网格事件待办' intro='派给我方的事件与吹哨召集'>
      {process.env.TARO_ENV === 'weapp' ? (
        <Button id='grid-notices' variant='plain' size='small' onClick={() => void onNotices()}>
          接收派单、吹哨和期限提醒
        </Button>
      ) : null}
      {summoned ? (
        <Segmented
          items={[
            { key: 'events', label: '派单事件' },
            { key: 'whistles', label: '吹哨召集' },
          ]}
          value={tab}
          onChange={setTab}
        />
      ) : null}
      {tab === 'events' ? (
        <QueryState {...events}>
          {(page) =>
            page.items.length === 0 ? (
              <Empty text='暂无派给您的事件' />
            ) : (
              <View>
                {page.items.map((e) => (
                  <EventCard key={e.id} e={e} />
                ))}
              </View>
            )
          }
        </QueryState>
      ) : (
        <QueryState {...whistles}>
          {(page) =>
            page.items.length === 0 ? (
              <Empty text='暂无吹哨召集' />
            ) : (
              <View>
                {page.items.map((s) => (
                  <SummonsCard key={s.id} s={s} onDone={whistles.reload} />
                ))}
              </View>
            )
          }
        </QueryState>
      )}
    </PageShell>
  )
}
