import { useState } from 'react'
import { View, Text, Input, ScrollView } from '@tarojs/components'
import Taro from '@tarojs/taro'
import './index.scss'

export interface SheetOption {
  label: string
  value: string
}

/** A list longer than one page (usePagedList): how many are not loaded yet and how to load them. */
export interface SheetMore {
  left: number
  loading: boolean
  load: () => void
}

export interface OptionSheetProps {
  title: string
  options: SheetOption[]
  value: string | undefined
  onChange: (value: string) => void
  onClose: () => void
  /** Prefix of the option ids: `<idPrefix>-opt-<index>`. */
  idPrefix?: string
  /** The list has more options than loaded: a 显示更多 row at its end. */
  more?: SheetMore
}

/** Lists longer than this get a search box (typing a few characters beats scrolling 50 rows). */
export const SEARCH_FROM = 12
/** Rows shown before the list scrolls (half a row more shows there is more); a row is 96 + 2 design px. */
const ROWS_SHOWN = 6.5
const ROW = 98

/**
 * Choosing one of a list, for older eyes and fingers: a sheet from the bottom with one large row per
 * option (96 design px, body-size text), the chosen one marked with a tick and in bold (not by colour
 * alone), a search box for long lists, and one tap to choose. Used instead of the platform wheel,
 * whose H5 rows are 34 CSS px with 12 px text.
 */
export default function OptionSheet({
  title,
  options,
  value,
  onChange,
  onClose,
  idPrefix = 'sheet',
  more,
}: OptionSheetProps) {
  const [query, setQuery] = useState('')
  const q = query.trim()
  const shown = q ? options.filter((o) => o.label.includes(q)) : options
  const left = more && more.left > 0 ? more : undefined
  const rows = shown.length + (left ? 1 : 0)
  return (
    <View className='tx-sheet' catchMove>
      <View className='tx-sheet__mask' onClick={onClose} />
      <View className='tx-sheet__panel' ariaRole='dialog' ariaLabel={title}>
        <View className='tx-sheet__head'>
          <Text className='tx-sheet__title'>{title}</Text>
          <View className='tx-sheet__close' ariaRole='button' id={`${idPrefix}-cancel`} onClick={onClose}>
            <Text>取消</Text>
          </View>
        </View>
        {options.length > SEARCH_FROM ? (
          <Input
            className='tx-sheet__search'
            value={query}
            placeholder='输入几个字查找'
            onInput={(e) => setQuery(e.detail.value)}
          />
        ) : null}
        {/* A scroll-view needs a height in the mini-program: as many rows as there are, up to 6½. */}
        <ScrollView
          scrollY
          className='tx-sheet__list'
          style={{ height: Taro.pxTransform(Math.round(Math.min(Math.max(rows, 1), ROWS_SHOWN) * ROW)) }}
        >
          {shown.map((o) => {
            const on = o.value === value
            return (
              <View
                key={o.value}
                id={`${idPrefix}-opt-${options.indexOf(o)}`}
                className={`tx-sheet__option${on ? ' tx-sheet__option--on' : ''}`}
                ariaRole='radio'
                onClick={() => {
                  onChange(o.value)
                  onClose()
                }}
              >
                <Text className='tx-sheet__tick'>{on ? '✓' : ''}</Text>
                <Text className='tx-sheet__label'>{o.label}</Text>
              </View>
            )
          })}
          {shown.length === 0 ? (
            <Text className='tx-sheet__none'>
              {left ? `已显示的里没有“${q}”，可以点下面的“显示更多”` : `没有找到“${q}”`}
            </Text>
          ) : null}
          {left ? (
            <View
              className='tx-sheet__more'
              id={`${idPrefix}-more`}
              ariaRole='button'
              onClick={() => {
                if (!left.loading) left.load()
              }}
            >
              <Text>{left.loading ? '正在加载…' : `显示更多（还有 ${left.left} 个）`}</Text>
            </View>
          ) : null}
        </ScrollView>
      </View>
    </View>
  )
}
