import { useState } from 'react'
import { Text } from '@tarojs/components'
import { orgActions } from '../../../../../types/org'
import Card from '../../../../components/Card'
import Field from '../../../../components/Field'
import Button from '../../../../components/Button'
import Notice from '../../../../components/Notice'
import { useMutation } from '../../../../hooks/useCloud'
import { newRequestId } from '../../../../services/requestId'
import { issuesByField } from '../../../../services/errors'
import { validate } from '../../../../services/validate'
import { toast } from '../../../../services/nav'

export interface CreateCommunityProps {
  streetId: string
  onCreated: () => void
  onCancel: () => void
}

/** New community of the street: name and address. */
export default function CreateCommunity({ streetId, onCreated, onCancel }: CreateCommunityProps) {
  const [requestId] = useState(newRequestId)
  const [name, setName] = useState('')
  const [address, setAddress] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const create = useMutation('org', 'community.create')

  const send = async () => {
    const input = { requestId, streetId, name, address }
    const checked = validate(orgActions['community.create'].input, input)
    setErrors(checked.ok ? {} : checked.errors)
    if (!checked.ok) return
    const out = await create.run(input)
    if (out) {
      toast('社区已建立')
      onCreated()
    }
  }
  const server = create.error?.code === 'INVALID_INPUT' ? issuesByField(create.error.issues) : {}

  return (
    <Card title='新建社区' id='community-form'>
      <Field
        label='社区名称'
        id='community-name'
        value={name}
        onChange={setName}
        placeholder='如：幸福里社区'
        maxLength={40}
        error={errors.name ?? server.name}
      />
      <Field
        label='地址'
        id='community-address'
        value={address}
        onChange={setAddress}
        placeholder='社区办公地址'
        maxLength={80}
        error={errors.address ?? server.address}
      />
      {create.error && create.error.code !== 'INVALID_INPUT' ? (
        <Notice tone='error' title='没有建立成功'>
          <Text>{create.error.message}</Text>
        </Notice>
      ) : null}
      <Button id='community-submit' loading={create.sending} onClick={() => void send()}>
        建立社区
      </Button>
      <Button variant='plain' className='admin-gap' onClick={onCancel}>
        取消
      </Button>
    </Card>
  )
}
