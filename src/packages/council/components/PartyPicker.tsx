import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { PARTY_TYPE_LABEL, type PartyType, type PartyView } from '../../../../types/council'
import Chips from '../../../components/Chips'
import Field from '../../../components/Field'
import Button from '../../../components/Button'
import Empty from '../../../components/Empty'
import QueryState from '../../../components/QueryState'
import { useCloud } from '../../../hooks/useCloud'

export interface PartyPickerProps {
  communityId: string
  /** The kinds of party offered, in this order (the first is shown first). */
  types: PartyType[]
  /** `type:id` of the parties already chosen: shown as chosen, not offered again. */
  chosen: string[]
  onPick: (party: PartyView) => void
  /** Ids are `<idPrefix>-type-<type>`, `<idPrefix>-find`, `<idPrefix>-pick-<id>`. */
  idPrefix: string
  pickText?: string
}

export const partyKey = (p: { type: string; id: string }) => `${p.type}:${p.id}`

/**
 * The secretary picks a party of the community from its records (never a typed name): a kind, an
 * optional part of the name, then 选择 on one row. Lists come from council `party.search`.
 */
export default function PartyPicker({
  communityId,
  types,
  chosen,
  onPick,
  idPrefix,
  pickText = '选择',
}: PartyPickerProps) {
  const [type, setType] = useState<PartyType>(types[0])
  const [q, setQ] = useState('')
  const list = useCloud('council', 'party.search', {
    communityId,
    type,
    pageSize: 20,
    ...(q.trim() ? { q: q.trim() } : {}),
  })
  return (
    <View className='cc-picker'>
      <Chips
        idPrefix={`${idPrefix}-type`}
        items={types.map((t) => ({ key: t, label: PARTY_TYPE_LABEL[t] }))}
        value={type}
        onChange={(t) => {
          setType(t)
          setQ('')
        }}
      />
      {type !== 'community' && type !== 'company' && type !== 'grid' ? (
        <Field
          id={`${idPrefix}-find`}
          label={`查找${PARTY_TYPE_LABEL[type]}`}
          optional
          value={q}
          onChange={setQ}
          maxLength={20}
          placeholder='输入姓名或名称的一部分'
        />
      ) : null}
      <QueryState {...list}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty
              text={`没有找到${PARTY_TYPE_LABEL[type]}`}
              hint={type === 'unit' ? '只列出已报到的共建单位' : '换个字查找试试'}
            />
          ) : (
            <View>
              {page.items.map((p) => {
                const on = chosen.includes(partyKey(p))
                return (
                  <View key={partyKey(p)} className='cc-picker__row'>
                    <View className='cc-picker__who'>
                      <Text className='cc-line'>{p.name}</Text>
                      {p.detail ? <Text className='cc-line--muted'>{p.detail}</Text> : null}
                    </View>
                    {on ? (
                      <Text className='cc-line--muted'>✓ 已选</Text>
                    ) : (
                      <Button
                        id={`${idPrefix}-pick-${p.id.replace(/[^\w-]/g, '-')}`}
                        size='small'
                        variant='secondary'
                        onClick={() => onPick(p)}
                      >
                        {pickText}
                      </Button>
                    )}
                  </View>
                )
              })}
              {page.total > page.items.length ? (
                <Text className='cc-line--muted'>{`共 ${page.total} 个，请输入名称查找`}</Text>
              ) : null}
            </View>
          )
        }
      </QueryState>
    </View>
  )
}
