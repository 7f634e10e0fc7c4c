import { Text, View } from '@tarojs/components'
import Card from '../../../components/Card'
import Tag, { type TagTone } from '../../../components/Tag'
import { formatTime } from '../../../services/format'
import { go } from '../../../services/nav'
import {
  CATEGORY_LABEL,
  EVENT_STATUS_LABEL,
  URGENCY_LABEL,
  type EventStatus,
  type EventView,
} from '../../../../types/grid'
import { MODERATION_LABEL } from '../../../../types/moderation'
import { GRID } from '../routes'

const TONE: Record<EventStatus, TagTone> = {
  reported: 'gold',
  assigned: 'blue',
  accepted: 'blue',
  done: 'green',
  deciding: 'gold',
  closed: 'gray',
  converted: 'gray',
}

/** One event in a list: category, place, status, handler and deadline; a tap opens it. */
export default function EventCard({ e }: { e: EventView }) {
  return (
    <Card id={`event-${e.id}`} onClick={() => go(GRID.event(e.id))}>
      <View className='gd-row'>
        <Text className='gd-title'>{CATEGORY_LABEL[e.category]}</Text>
        <View className='gd-row'>
          {e.moderation ? <Tag tone='gray'>{MODERATION_LABEL[e.moderation]}</Tag> : null}
          <Tag tone={TONE[e.status]}>{EVENT_STATUS_LABEL[e.status]}</Tag>
        </View>
      </View>
      <Text className='gd-text'>{e.description}</Text>
      <Text className='gd-meta'>
        {e.communityName ? `${e.communityName} ` : ''}
        {e.gridName} · {e.place} · {URGENCY_LABEL[e.urgency]}
      </Text>
      <Text className='gd-meta'>
        上报：{e.reporterName} {formatTime(e.createdAt)}
      </Text>
      {e.handler ? (
        <Text className='gd-meta'>
          处置：{e.handler.name}
          {e.deadline ? ` · 时限 ${formatTime(e.deadline)}` : ''}
        </Text>
      ) : null}
      {e.overdue ? <Text className='gd-meta gd-overdue'>已超期</Text> : null}
      {e.whistled ? <Text className='gd-meta'>已吹哨召集</Text> : null}
    </Card>
  )
}
