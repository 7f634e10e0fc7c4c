import { useState } from 'react'
import { View } from '@tarojs/components'
import Button from '../../../../components/Button'
import Field from '../../../../components/Field'
import './index.scss'

export interface DecisionRowProps {
  sending: boolean
  onApprove: () => void
  onReturn: (reason: string) => void
  idPrefix: string
}

/** 通过 / 退回 for one application; 退回 asks for a reason first. */
export default function DecisionRow({ sending, onApprove, onReturn, idPrefix }: DecisionRowProps) {
  const [returning, setReturning] = useState(false)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string>()

  if (returning) {
    return (
      <View className='decision'>
        <Field
          kind='textarea'
          label='退回原因'
          id={`${idPrefix}-reason`}
          value={reason}
          onChange={setReason}
          placeholder='请写明原因，申请人会看到'
          maxLength={200}
          error={error}
        />
        <View className='decision__row'>
          <Button variant='plain' block={false} className='decision__half' onClick={() => setReturning(false)}>
            取消
          </Button>
          <Button
            variant='danger'
            block={false}
            className='decision__half'
            id={`${idPrefix}-return-confirm`}
            loading={sending}
            onClick={() => {
              if (!reason.trim()) {
                setError('退回时请写明原因')
                return
              }
              setError(undefined)
              onReturn(reason.trim())
            }}
          >
            确认退回
          </Button>
        </View>
      </View>
    )
  }
  return (
    <View className='decision__row'>
      <Button
        variant='danger'
        block={false}
        className='decision__half'
        id={`${idPrefix}-return`}
        disabled={sending}
        onClick={() => setReturning(true)}
      >
        退回
      </Button>
      <Button block={false} className='decision__half' id={`${idPrefix}-approve`} loading={sending} onClick={onApprove}>
        通过
      </Button>
    </View>
  )
}
