import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Button from '../../../components/Button'
import Field from '../../../components/Field'
import ListItem from '../../../components/ListItem'
import QueryState from '../../../components/QueryState'
import Tag from '../../../components/Tag'
import { useCloud } from '../../../hooks/useCloud'
import Pager from '../../../components/Pager'

/** The employer as chosen: a checked-in unit (with its label), or a typed name (单位未报到) without a unit. */
export interface UnitChoice {
  unitId?: string
  unitName: string
  /** e.g. "锦绣区第一中学 · 和谐社区"; set for a picked unit. */
  label?: string
}

export interface UnitPickerProps {
  /** The community searched from: units of the whole street are offered, this community's marked 本社区. */
  communityId?: string
  value: UnitChoice
  onChange: (v: UnitChoice) => void
  /** Offer "我的单位未报到" with a typed name (the member's check-in); the secretary's link picks a unit only. */
  allowUnlisted?: boolean
  error?: string
  idPrefix: string
}

const PAGE = 6

/** Units checked in to the street, searched on the server by part of the name (unit.search), a page at a time. */
function Search({
  communityId,
  onPick,
  onUnlisted,
  idPrefix,
}: {
  communityId: string
  onPick: (v: UnitChoice) => void
  onUnlisted?: () => void
  idPrefix: string
}) {
  const [typed, setTyped] = useState('')
  const [name, setName] = useState('')
  const [page, setPage] = useState(1)
  const q = useCloud('service', 'unit.search', { communityId, name, page, pageSize: PAGE })
  const search = () => {
    setName(typed.trim())
    setPage(1)
  }
  return (
    <View className='svc-picker' id={`${idPrefix}-search`}>
      <View className='svc-row svc-picker__bar'>
        <View className='svc-half'>
          <Field
            label='查找工作单位'
            id={`${idPrefix}-query`}
            value={typed}
            onChange={setTyped}
            placeholder='输入单位名称中的几个字'
            maxLength={30}
          />
        </View>
        <Button size='small' id={`${idPrefix}-find`} onClick={search}>
          查找
        </Button>
      </View>
      <QueryState {...q} loadingText='正在查找…'>
        {(data) => (
          <View>
            <Text className='svc-line svc-line--muted'>
              {name ? `“${name}”：找到 ${data.total} 个已报到单位` : `本街道已报到的单位共 ${data.total} 个`}
            </Text>
            {data.items.map((u) => (
              <ListItem
                key={u.id}
                id={`${idPrefix}-unit-${u.id}`}
                title={u.name}
                description={<Text>{u.communityName}</Text>}
                extra={u.sameCommunity ? <Tag tone='green'>本社区</Tag> : undefined}
                onClick={() => onPick({ unitId: u.id, unitName: u.name, label: `${u.name} · ${u.communityName}` })}
              />
            ))}
            <Pager page={page} pageSize={PAGE} total={data.total} onChange={setPage} />
            {onUnlisted ? (
              <ListItem
                id={`${idPrefix}-unlisted`}
                title='我的单位未报到'
                description={<Text>填写单位名称，社区确认单位报到后为您关联</Text>}
                onClick={onUnlisted}
              />
            ) : null}
          </View>
        )}
      </QueryState>
    </View>
  )
}

/**
 * 工作单位 for the member's check-in (and the secretary's link): picked from the units checked in to the
 * street, or — when allowed — "单位未报到" with the typed name kept for the secretary to link later.
 */
export default function UnitPicker({ communityId, value, onChange, allowUnlisted, error, idPrefix }: UnitPickerProps) {
  const [mode, setMode] = useState<'search' | 'shown'>(
    value.unitId || (allowUnlisted && value.unitName) ? 'shown' : 'search',
  )
  const unlisted = !value.unitId && mode === 'shown'
  return (
    <View className='svc-picker-wrap' id={idPrefix}>
      {mode === 'shown' && value.unitId ? (
        <View className='svc-row svc-picker__chosen' id={`${idPrefix}-chosen`}>
          <Text className='svc-line svc-line--strong svc-half'>工作单位：{value.label ?? value.unitName}</Text>
          <Button size='small' variant='plain' id={`${idPrefix}-change`} onClick={() => setMode('search')}>
            更换
          </Button>
        </View>
      ) : null}
      {unlisted ? (
        <View id={`${idPrefix}-typed`}>
          <Field
            label='工作单位（单位未报到）'
            id={`${idPrefix}-name`}
            value={value.unitName}
            onChange={(unitName) => onChange({ unitName })}
            placeholder='请填写单位全称'
            maxLength={60}
            error={error}
            hint='社区核实单位报到后为您关联，您的服务会反馈给单位'
          />
          <Button size='small' variant='plain' id={`${idPrefix}-back`} onClick={() => setMode('search')}>
            改为从已报到的单位中选择
          </Button>
        </View>
      ) : null}
      {mode === 'search' ? (
        communityId ? (
          <Search
            communityId={communityId}
            idPrefix={idPrefix}
            onPick={(v) => {
              onChange(v)
              setMode('shown')
            }}
            onUnlisted={
              allowUnlisted
                ? () => {
                    onChange({ unitName: value.unitId ? '' : value.unitName })
                    setMode('shown')
                  }
                : undefined
            }
          />
        ) : (
          <Text className='svc-line svc-line--muted'>请先选择居住地社区，再查找工作单位</Text>
        )
      ) : null}
      {error && !unlisted ? <Text className='tx-field__error'>{error}</Text> : null}
    </View>
  )
}
