import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { PLACE_KIND_LABEL, type PlaceKind } from '../../../../../types/org'
import Button from '../../../../components/Button'
import Field from '../../../../components/Field'
import ConfirmSheet from '../../../../components/ConfirmSheet'
import { useMutation } from '../../../../hooks/useCloud'
import { newRequestId } from '../../../../services/requestId'
import { toast } from '../../../../services/nav'

export interface PlaceActionsProps {
  kind: PlaceKind
  id: string
  name: string
  /** For a building: its grid, and the community's grids it may move to. */
  gridId?: string
  grids?: { id: string; name: string; retired?: boolean }[]
  /** Says what the buttons act on, when it is not obvious from where they are (e.g. 小区「和谐家园」). */
  caption?: string
  onChanged: () => void
}

type Step = 'rename' | 'retire' | 'move'

const RETIRE_NOTE: Record<PlaceKind, string> = {
  estate: '小区里的楼栋都停用后才能停用小区。',
  building: '楼里没有已认证或待审核的居民时才能停用；停用后这些房号不能再认证。',
  grid: '网格里的楼栋都调整到其他网格、网格人员都免去后才能停用。',
}

/** 改名, 调整网格 (a building) and 停用 for one estate, building or grid, each after a sheet that says what happens. */
export default function PlaceActions({ kind, id, name, gridId, grids, caption, onChanged }: PlaceActionsProps) {
  const label = PLACE_KIND_LABEL[kind]
  const [step, setStep] = useState<Step>()
  const [text, setText] = useState('')
  const [reason, setReason] = useState('')
  const [to, setTo] = useState<string>()
  const [requestId, setRequestId] = useState(newRequestId)
  const [problem, setProblem] = useState<string>()
  const rename = useMutation('org', 'place.rename')
  const retire = useMutation('org', 'place.retire')
  const move = useMutation('org', 'building.move')
  const busy = step === 'rename' ? rename : step === 'retire' ? retire : move

  const open = (s: Step) => {
    setStep(s)
    setText(s === 'rename' ? name : '')
    setReason('')
    setTo(undefined)
    setProblem(undefined)
    setRequestId(newRequestId())
    rename.reset()
    retire.reset()
    move.reset()
  }
  const done = (msg: string) => {
    toast(msg)
    setStep(undefined)
    onChanged()
  }
  const send = async () => {
    if (step === 'rename') {
      if (!text.trim() || text.trim() === name) return setProblem('请填写新的名称')
      if (await rename.run({ kind, id, name: text.trim(), ...(reason.trim() ? { reason: reason.trim() } : {}) }))
        done('已改名')
    } else if (step === 'retire') {
      if (!reason.trim()) return setProblem('请写明停用原因')
      if (await retire.run({ kind, id, reason: reason.trim() })) done('已停用')
    } else if (step === 'move') {
      if (!to) return setProblem('请选择要调整到的网格')
      if (
        await move.run({ requestId, buildingId: id, gridId: to, ...(reason.trim() ? { reason: reason.trim() } : {}) })
      )
        done('已调整网格')
    }
  }
  const targets = (grids ?? [])
    .filter((g) => !g.retired && g.id !== gridId)
    .map((g) => ({ label: g.name, value: g.id }))

  return (
    <View className='place-actions'>
      {caption ? <Text className='place-actions__caption'>{caption}</Text> : null}
      <Button size='small' variant='secondary' block={false} id={`${kind}-rename-${id}`} onClick={() => open('rename')}>
        改名
      </Button>
      {kind === 'building' ? (
        <Button size='small' variant='secondary' block={false} id={`building-move-${id}`} onClick={() => open('move')}>
          调整网格
        </Button>
      ) : null}
      <Button size='small' variant='plain' block={false} id={`${kind}-retire-${id}`} onClick={() => open('retire')}>
        停用
      </Button>
      {step ? (
        <ConfirmSheet
          id={`place-${step}`}
          title={
            step === 'rename'
              ? `${label}改名`
              : step === 'move'
                ? `${name} 调整到其他网格`
                : `停用${label}「${name}」？`
          }
          confirmText={step === 'rename' ? '保存新名称' : step === 'move' ? '确认调整' : '确认停用'}
          danger={step === 'retire'}
          sending={busy.sending}
          error={busy.error?.message ?? problem}
          onConfirm={() => void send()}
          onClose={() => setStep(undefined)}
          reason={{
            label: step === 'retire' ? '停用原因' : '原因',
            optional: step !== 'retire',
            value: reason,
            onChange: setReason,
          }}
        >
          {step === 'rename' ? (
            <View>
              <Field label='新名称' id='place-new-name' value={text} onChange={setText} maxLength={40} />
              <Text className='admin-line admin-line--muted'>
                改名后，选择列表和新的记录用新名称；已有的记录保留当时的名称，旧名称留在变更记录里。
              </Text>
            </View>
          ) : step === 'move' ? (
            <View>
              <Field
                kind='picker'
                label='调整到'
                id='place-move-grid'
                options={targets}
                value={to}
                onChange={setTo}
                placeholder='请选择网格'
              />
              <Text className='admin-line admin-line--muted'>
                楼里的每一户随楼栋一起调整。已经上报的事件和党员的包联安排不变。
              </Text>
            </View>
          ) : (
            <Text>{`停用后，「${name}」保留全部记录，但不再出现在选择列表里，也不能再用于新的登记。${RETIRE_NOTE[kind]}`}</Text>
          )}
        </ConfirmSheet>
      ) : null}
    </View>
  )
}
