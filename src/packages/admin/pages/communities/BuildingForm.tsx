import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { orgActions } from '../../../../../types/org'
import Field from '../../../../components/Field'
import Button from '../../../../components/Button'
import Notice from '../../../../components/Notice'
import { useMutation } from '../../../../hooks/useCloud'
import type { CallOutput } from '../../../../services/cloud'
import { newRequestId } from '../../../../services/requestId'
import { issuesByField } from '../../../../services/errors'
import { validate } from '../../../../services/validate'
import { toast } from '../../../../services/nav'
import NumberField from '../../components/NumberField'
import { parseWhole, roomRange, squareMetresToDm2 } from './numbers'

type Created = CallOutput<'org', 'building.create'> & { floors: number; roomsPerFloor: number }

export interface BuildingFormProps {
  estateId: string
  estateName: string
  grids: { id: string; name: string }[] | undefined
  gridsLoading: boolean
  onCreated: () => void
  onClose: () => void
}

/** Parses the typed numbers; a box left empty or not a number gets its own message before zod runs. */
function readNumbers(floors: string, rooms: string, area: string) {
  const errors: Record<string, string> = {}
  const f = parseWhole(floors)
  const r = parseWhole(rooms)
  const a = squareMetresToDm2(area)
  if (f === undefined) errors.floors = floors.trim() ? '层数请填写整数' : '请填写层数'
  if (r === undefined) errors.roomsPerFloor = rooms.trim() ? '每层户数请填写整数' : '请填写每层户数'
  if (a === undefined) errors.floorAreaDm2 = area.trim() ? '面积请填写数字，最多两位小数，如 85.5' : '请填写每户面积'
  return { f, r, a, errors }
}

/**
 * New building of an estate: its grid, floors × rooms per floor, and the floor area every generated
 * household starts with (entered in 平方米, sent as whole dm²). One requestId per opening of the form.
 */
export default function BuildingForm({
  estateId,
  estateName,
  grids,
  gridsLoading,
  onCreated,
  onClose,
}: BuildingFormProps) {
  const [requestId, setRequestId] = useState(newRequestId)
  const [name, setName] = useState('')
  const [gridId, setGridId] = useState<string>()
  const [floors, setFloors] = useState('')
  const [rooms, setRooms] = useState('')
  const [area, setArea] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [created, setCreated] = useState<Created>()
  const create = useMutation('org', 'building.create')

  if (created) {
    return (
      <View className='building-form' id={`building-form-${estateId}`}>
        <Notice tone='success' title={`已建立 ${created.name}`} id='building-result'>
          <Text className='admin-line'>
            生成 {created.householdCount} 户：{created.floors} 层 × 每层 {created.roomsPerFloor} 户，房号{' '}
            {roomRange(created.floors, created.roomsPerFloor)}
          </Text>
          <Text className='admin-line admin-line--muted'>居民现在可以在“房屋认证”中选到这些房号。</Text>
        </Notice>
        <Button
          variant='secondary'
          id={`building-again-${estateId}`}
          onClick={() => {
            setCreated(undefined)
            setName('')
            setRequestId(newRequestId())
          }}
        >
          再添加一栋
        </Button>
        <Button variant='plain' className='admin-gap' onClick={onClose}>
          完成
        </Button>
      </View>
    )
  }

  const { f, r } = readNumbers(floors, rooms, area)
  const preview = f && r && f <= 40 && r <= 12 ? `将生成 ${f * r} 户，房号 ${roomRange(f, r)}` : undefined

  const send = async () => {
    const nums = readNumbers(floors, rooms, area)
    const input = {
      requestId,
      estateId,
      gridId: gridId ?? '',
      name,
      floors: nums.f ?? 0,
      roomsPerFloor: nums.r ?? 0,
      floorAreaDm2: nums.a ?? 0,
    }
    const checked = validate(orgActions['building.create'].input, input)
    const found = { ...(checked.ok ? {} : checked.errors), ...nums.errors }
    if (!gridId) found.gridId = '请选择楼栋所在的网格'
    setErrors(found)
    if (Object.keys(found).length > 0) return
    const out = await create.run(input)
    if (out) {
      toast('楼栋已建立')
      setCreated({ ...out, floors: input.floors, roomsPerFloor: input.roomsPerFloor })
      onCreated()
    }
  }
  const server = create.error?.code === 'INVALID_INPUT' ? issuesByField(create.error.issues) : {}
  const err = (k: string) => errors[k] ?? server[k]
  /** Editing a box clears its message (the next 建立 checks everything again). */
  const edit = (k: string, set: (v: string) => void) => (v: string) => {
    set(v)
    if (errors[k]) setErrors(({ [k]: _gone, ...rest }) => rest)
  }
  const gridOptions = (grids ?? []).map((g) => ({ label: g.name, value: g.id }))

  return (
    <View className='building-form' id={`building-form-${estateId}`}>
      <Text className='building-form__title'>为 {estateName} 添加楼栋</Text>
      <Field
        label='楼栋名称'
        id='building-name'
        value={name}
        onChange={edit('name', setName)}
        placeholder='如：3号楼'
        maxLength={20}
        error={err('name')}
      />
      <Field
        kind='picker'
        label='所在网格'
        id='building-grid'
        options={gridOptions}
        value={gridId}
        onChange={edit('gridId', setGridId)}
        placeholder={
          gridsLoading ? '正在加载网格…' : gridOptions.length === 0 ? '还没有网格，请先在下方添加' : '请选择网格'
        }
        disabled={gridsLoading}
        error={err('gridId')}
      />
      <View className='building-form__pair'>
        <View className='building-form__half'>
          <NumberField
            label='层数'
            id='building-floors'
            value={floors}
            onChange={edit('floors', setFloors)}
            unit='层'
            placeholder='1–40'
            maxLength={2}
            error={err('floors')}
          />
        </View>
        <View className='building-form__half'>
          <NumberField
            label='每层户数'
            id='building-rooms'
            value={rooms}
            onChange={edit('roomsPerFloor', setRooms)}
            unit='户'
            placeholder='1–12'
            maxLength={2}
            error={err('roomsPerFloor')}
          />
        </View>
      </View>
      <NumberField
        label='每户建筑面积'
        id='building-area'
        value={area}
        onChange={edit('floorAreaDm2', setArea)}
        unit='平方米'
        decimal
        placeholder='如 85.5'
        maxLength={7}
        error={err('floorAreaDm2')}
        hint='生成的每一户都先按这个面积登记'
      />
      {preview ? (
        <Text className='admin-picked' id='building-preview'>
          {preview}
        </Text>
      ) : null}
      {create.error && create.error.code !== 'INVALID_INPUT' ? (
        <Notice tone='error' title='没有建立成功' id='building-error'>
          <Text>{create.error.message}</Text>
        </Notice>
      ) : null}
      <Button id='building-submit' className='admin-gap' loading={create.sending} onClick={() => void send()}>
        建立楼栋并生成房号
      </Button>
      <Button variant='plain' className='admin-gap' onClick={onClose}>
        取消
      </Button>
    </View>
  )
}
