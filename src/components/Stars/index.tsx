import { View, Text } from '@tarojs/components'
import { idAttr } from '../idAttr'
import './index.scss'

export interface StarsProps {
  value: number
  /** Tappable (each star a 92 design-px target) when given; read-only otherwise. */
  onChange?: (n: number) => void
  /** Shown above the stars, e.g. the rated dimension. */
  label?: string
  /** Star ids are `<idPrefix>-<n>` (default `star-3`). */
  idPrefix?: string
  id?: string
  /** Read-only on one line of text (a rating inside a list): label, ★★★★☆ and the number. */
  compact?: boolean
}

/**
 * One to five stars. The choice is told three ways, not by colour alone: filled ★ against outlined ☆
 * (a different shape), every star in an outlined box, and the number in words (4 星 / 请选择).
 */
export default function Stars({ value, onChange, label, idPrefix = 'star', id, compact }: StarsProps) {
  const tap = !!onChange
  if (compact && !tap) {
    return (
      <View className='tx-stars tx-stars--compact' {...idAttr(id)} ariaLabel={`${label ?? ''}${value} 星，满分 5 星`}>
        {label ? <Text className='tx-stars__label'>{label}</Text> : null}
        {[1, 2, 3, 4, 5].map((n) => (
          <Text key={n} className={`tx-stars__glyph${n <= value ? ' tx-stars__glyph--on' : ''}`}>
            {n <= value ? '★' : '☆'}
          </Text>
        ))}
        <Text className='tx-stars__value'>{value} 星</Text>
      </View>
    )
  }
  return (
    <View className={`tx-stars${tap ? ' tx-stars--tap' : ''}`} {...idAttr(id)}>
      {label ? <Text className='tx-stars__label'>{label}</Text> : null}
      <View className='tx-stars__row'>
        {[1, 2, 3, 4, 5].map((n) => (
          <View
            key={n}
            id={`${idPrefix}-${n}`}
            className={`tx-stars__star${n <= value ? ' tx-stars__star--on' : ''}`}
            {...(tap ? { ariaRole: 'button', ariaLabel: `${n} 星` } : {})}
            onClick={() => onChange?.(n)}
          >
            <Text>{n <= value ? '★' : '☆'}</Text>
          </View>
        ))}
        <Text className='tx-stars__value'>{value ? `${value} 星` : tap ? '请选择' : '未评'}</Text>
      </View>
    </View>
  )
}
