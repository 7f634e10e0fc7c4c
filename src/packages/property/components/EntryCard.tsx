import { View, Text } from '@tarojs/components'
import Card from '../../../components/Card'
import Tag, { type TagTone } from '../../../components/Tag'
import { PLACEMENT_LABEL, type ListEntry, type Placement } from '../../../../types/property'

export const PLACEMENT_TONE: Record<Placement, TagTone> = { red: 'red', black: 'gray', neutral: 'blue', not_ranked: 'gold' }

export interface EntryCardProps {
  entry: ListEntry
  onClick?: () => void
}

/** One company on the list: placement, score, rank and the reasons for its placement. */
export default function EntryCard({ entry, onClick }: EntryCardProps) {
  return (
    <Card className={`pp-entry pp-entry--${entry.placement}`} onClick={onClick} id={`entry-${entry.companyId}`}>
      <View className='pp-entry__row'>
        <Text className='pp-entry__name'>{entry.companyName}</Text>
        <Tag tone={PLACEMENT_TONE[entry.placement]}>{PLACEMENT_LABEL[entry.placement]}</Tag>
      </View>
      <View className='pp-entry__row'>
        <Text className='pp-line pp-line--muted'>
          {entry.rank ? `第 ${entry.rank} 名 · ` : ''}
          {entry.households} 户评价
        </Text>
        {entry.placement === 'not_ranked' ? (
          <Text className='pp-line pp-line--muted'>参考分 {entry.score}</Text>
        ) : (
          <Text className='pp-entry__score'>{entry.score}</Text>
        )}
      </View>
      {entry.reasons.map((r, i) => (
        <Text key={i} className='pp-line pp-line--reason'>
          {r}
        </Text>
      ))}
    </Card>
  )
}
