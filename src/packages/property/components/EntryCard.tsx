import { View, Text } from '@tarojs/components'
import Card from '../../../components/Card'
import Tag, { type TagTone } from '../../../components/Tag'
import { PLACEMENT_LABEL, type ListEntry, type Placement } from '../../../../types/property'
import Effects from './Effects'
import { PartyOrgTag } from './RedProperty'

export const PLACEMENT_TONE: Record<Placement, TagTone> = {
  red: 'red',
  black: 'gray',
  neutral: 'blue',
  not_ranked: 'gold',
}

export interface EntryCardProps {
  entry: ListEntry
  /** The estates the company served for this list (frozen with a publication); not shown when absent. */
  estates?: string[]
  onClick?: () => void
}

/** One company on the list: placement, score, rank, the estates it served, the reasons for its placement and any upheld objection. */
export default function EntryCard({ entry, estates, onClick }: EntryCardProps) {
  return (
    <Card className={`pp-entry pp-entry--${entry.placement}`} onClick={onClick} id={`entry-${entry.companyId}`}>
      <View className='pp-entry__row'>
        <Text className='pp-entry__name'>{entry.companyName}</Text>
        <Tag tone={PLACEMENT_TONE[entry.placement]}>{PLACEMENT_LABEL[entry.placement]}</Tag>
      </View>
      <View className='pp-entry__row'>
        <Text className='pp-line pp-line--muted'>
          {entry.rank ? `第 ${entry.rank} 名 · ` : ''}
          {entry.households ? `${entry.households} 户评价` : '还没有居民评价'}
        </Text>
        {/* A score made of the street's average alone says nothing about the company: none shown without ratings. */}
        {entry.placement === 'not_ranked' ? (
          entry.households ? (
            <Text className='pp-line pp-line--muted'>参考分 {entry.score}</Text>
          ) : null
        ) : (
          <Text className='pp-entry__score'>{entry.score}</Text>
        )}
      </View>
      <PartyOrgTag kind={entry.partyOrg?.kind} verified={entry.partyOrg?.verified ?? false} />
      {estates ? <Text className='pp-line pp-line--muted'>服务小区：{estates.join('、') || '暂无'}</Text> : null}
      {entry.reasons.map((r, i) => (
        <Text key={i} className='pp-line pp-line--reason'>
          {r}
        </Text>
      ))}
      <Effects effects={entry.effects} />
    </Card>
  )
}
