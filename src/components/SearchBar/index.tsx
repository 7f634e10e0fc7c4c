import { useEffect, useRef, useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import { SEARCH_MAX } from '../../../types/common'
import { idAttr } from '../idAttr'
import { settler } from './settle'
import './index.scss'

export interface SearchBarProps {
  /** The words searched for now (the list's `q`). */
  value: string
  /** Called a moment after typing stops, on 搜索 from the keyboard, and with '' on 清除. */
  onChange: (q: string) => void
  placeholder: string
  /** Under the box while searching, e.g. 找到 3 条. */
  note?: string
  id?: string
}

/**
 * A search box over a list: typing narrows it (the function searches, so a long list is searched
 * whole, not only the page on screen), 清除 shows the whole list again. Big text, a full-height
 * 清除, at most SEARCH_MAX characters (what the functions accept).
 */
export default function SearchBar({ value, onChange, placeholder, note, id }: SearchBarProps) {
  const [text, setText] = useState(value)
  // The latest onChange, so a pause that ends after a re-render still reaches the page.
  const latest = useRef(onChange)
  latest.current = onChange
  const timing = useRef<ReturnType<typeof settler>>()
  timing.current ??= settler((q) => latest.current(q))
  useEffect(() => () => timing.current?.cancel(), [])
  const settle = (t: string, now = false) => {
    setText(t)
    if (now) timing.current?.now(t)
    else timing.current?.typed(t)
  }
  return (
    <View className='tx-search' {...idAttr(id)}>
      <View className='tx-search__box'>
        <Text className='tx-search__icon'>⌕</Text>
        <Input
          className='tx-search__input'
          value={text}
          placeholder={placeholder}
          maxlength={SEARCH_MAX}
          confirmType='search'
          onInput={(e) => settle(e.detail.value)}
          onConfirm={(e) => settle(e.detail.value, true)}
        />
        {text ? (
          <View className='tx-search__clear' ariaRole='button' ariaLabel='清除查找' onClick={() => settle('', true)}>
            <Text>清除</Text>
          </View>
        ) : null}
      </View>
      {value && note ? <Text className='tx-search__note'>{note}</Text> : null}
    </View>
  )
}
