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

export interface CreateEstateProps {
  communityId: string
  onCreated: (estate: CallOutput<'org', 'estate.create'>) => void
  onCancel: () => void
}

/** New estate (小区) of a community: just its name. Mounted once per opening, so one requestId each time. */
export default function CreateEstate({ communityId, onCreated, onCancel }: CreateEstateProps) {
  const [requestId] = useState(newRequestId)
  const [name, setName] = useState('')
  const [error, setError] = useState<string>()
  const create = useMutation('org', 'estate.create')

  const send = async () => {
    const input = { requestId, communityId, name }
    const checked = validate(orgActions['estate.create'].input, input)
    setError(checked.ok ? undefined : checked.errors.name)
    if (!checked.ok) return
    const out = await create.run(input)
    if (out) {
      toast('小区已建立')
      onCreated(out)
    }
  }
  const server = create.error?.code === 'INVALID_INPUT' ? issuesByField(create.error.issues) : {}

  return (
    <View className='estate-form' id={`estate-form-${communityId}`}>
      <Field
        label='小区名称'
        id='estate-name'
        value={name}
        onChange={setName}
        placeholder='如：幸福里小区'
        maxLength={40}
        error={error ?? server.name}
      />
      {create.error && create.error.code !== 'INVALID_INPUT' ? (
        <Notice tone='error' title='没有建立成功' id='estate-error'>
          <Text>{create.error.message}</Text>
        </Notice>
      ) : null}
      <Button id='estate-submit' loading={create.sending} onClick={() => void send()}>
        建立小区
      </Button>
      <Button variant='plain' className='admin-gap' onClick={onCancel}>
        取消
      </Button>
    </View>
  )
}
