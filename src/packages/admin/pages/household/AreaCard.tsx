import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { HouseholdDetailView } from '../../../../../types/org'
import Card from '../../../../components/Card'
import Button from '../../../../components/Button'
import Notice from '../../../../components/Notice'
import ConfirmSheet from '../../../../components/ConfirmSheet'
import { useMutation } from '../../../../hooks/useCloud'
import { toast } from '../../../../services/nav'
import NumberField from '../../components/NumberField'
import { squareMetresToDm2 } from '../communities/numbers'

const m2 = (dm2: number) => (dm2 / 100).toFixed(2)

/** The household's registered floor area and its correction (with a reason; the old value is kept as a version). */
export default function AreaCard({ h, onChanged }: { h: HouseholdDetailView; onChanged: () => void }) {
  const [editing, setEditing] = useState(false)
  const [area, setArea] = useState('')
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<{ area?: string; reason?: string }>({})
  const set = useMutation('org', 'household.setArea')
  const locked = h.areaLockedBy.length > 0

  const close = () => {
    setEditing(false)
    setArea('')
    setReason('')
    setErrors({})
    set.reset()
  }
  const send = async () => {
    const dm2 = squareMetresToDm2(area)
    const found = {
      area:
        dm2 === undefined
          ? '请填写面积，最多两位小数，如 88.5'
          : dm2 < 1000 || dm2 > 100000
            ? '面积应在 10 到 1000 平方米之间'
            : undefined,
      reason: reason.trim() ? undefined : '请写明更正原因，如：按不动产权证更正',
    }
    setErrors(found)
    if (found.area || found.reason || dm2 === undefined) return
    const out = await set.run({ householdId: h.id, floorAreaDm2: dm2, reason: reason.trim() })
    if (out) {
      toast('面积已更正')
      close()
      onChanged()
    }
  }

  return (
    <Card title='建筑面积' id='household-area'>
      <View className='household-area'>
        <Text className='household-area__value' id='household-area-value'>
          {m2(h.floorAreaDm2)}
        </Text>
        <Text className='household-area__unit'>平方米</Text>
      </View>
      {locked ? (
        <Notice tone='warn' title='表决进行中，暂不能更正面积' id='area-locked'>
          <Text>{`「${h.areaLockedBy.join('」「')}」按面积计票，计票后才能更正。表决开始时的面积已经用于计算门槛，中途改动会让同一次表决用上两套面积。`}</Text>
        </Notice>
      ) : h.retired ? null : (
        <Button variant='secondary' id='area-edit' onClick={() => setEditing(true)}>
          更正面积
        </Button>
      )}
      {editing ? (
        <ConfirmSheet
          id='area'
          title='更正建筑面积'
          confirmText='保存更正'
          sending={set.sending}
          error={set.error?.message}
          onConfirm={() => void send()}
          onClose={close}
          reason={{
            label: '更正原因',
            value: reason,
            onChange: (v) => {
              setReason(v)
              setErrors({ ...errors, reason: undefined })
            },
            error: errors.reason,
            placeholder: '如：按不动产权证更正',
          }}
        >
          <View>
            <Text className='admin-line'>{`${h.address}，现登记 ${m2(h.floorAreaDm2)} 平方米。原来的面积会作为历史版本保留。`}</Text>
            <NumberField
              label='新的面积'
              id='area-input'
              value={area}
              onChange={(v) => {
                setArea(v)
                setErrors({ ...errors, area: undefined })
              }}
              unit='平方米'
              decimal
              placeholder='如 88.5'
              maxLength={7}
              error={errors.area}
            />
          </View>
        </ConfirmSheet>
      ) : null}
    </Card>
  )
}
