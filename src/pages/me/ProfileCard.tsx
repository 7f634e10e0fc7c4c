import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { MeView } from '../../../types/org'
import { ProfileUpdateInputSchema } from '../../../types/org-forms'
import Card from '../../components/Card'
import Field from '../../components/Field'
import Button from '../../components/Button'
import Notice from '../../components/Notice'
import { useMutation } from '../../hooks/useCloud'
import { issuesByField } from '../../services/errors'
import { validate } from '../../services/validate'
import { toast } from '../../services/nav'

export interface ProfileCardProps {
  me: MeView
  onSaved: (me: MeView) => void
}

/** Name and phone (shown whole: it is the owner's own), with an edit form. */
export default function ProfileCard({ me, onSaved }: ProfileCardProps) {
  const [editing, setEditing] = useState(false)
  const [name, setName] = useState(me.name)
  const [phone, setPhone] = useState(me.phone ?? '')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const save = useMutation('org', 'profile.update')

  const send = async () => {
    const input = { name, phone: phone.trim() ? phone.trim() : undefined }
    const checked = validate(ProfileUpdateInputSchema, input)
    setErrors(checked.ok ? {} : checked.errors)
    if (!checked.ok) return
    const out = await save.run(input)
    if (out) {
      toast('已保存')
      setEditing(false)
      onSaved(out)
    }
  }
  const server = save.error?.code === 'INVALID_INPUT' ? issuesByField(save.error.issues) : {}

  if (!editing) {
    return (
      <Card
        title='我的资料'
        id='profile'
        extra={
          <Button size='small' variant='secondary' id='profile-edit' onClick={() => setEditing(true)}>
            修改
          </Button>
        }
      >
        <View className='me-row'>
          <Text className='me-row__label'>姓名</Text>
          <Text className='me-row__value' id='profile-name'>
            {me.name || '未填写'}
          </Text>
        </View>
        <View className='me-row'>
          <Text className='me-row__label'>手机号</Text>
          <Text className='me-row__value' id='profile-phone'>
            {me.phone || '未填写'}
          </Text>
        </View>
      </Card>
    )
  }
  return (
    <Card title='修改资料' id='profile'>
      <Field
        label='姓名'
        id='profile-name-input'
        value={name}
        onChange={setName}
        maxLength={20}
        error={errors.name ?? server.name}
      />
      <Field
        label='手机号'
        kind='phone'
        optional
        id='profile-phone-input'
        value={phone}
        onChange={setPhone}
        hint='只有您自己能看到完整号码'
        error={errors.phone ?? server.phone}
      />
      {save.error && save.error.code !== 'INVALID_INPUT' ? (
        <Notice tone='error' title='没有保存成功'>
          <Text>{save.error.message}</Text>
        </Notice>
      ) : null}
      <View className='me-actions'>
        <Button variant='plain' block={false} onClick={() => setEditing(false)} className='me-actions__cancel'>
          取消
        </Button>
        <Button
          block={false}
          loading={save.sending}
          id='profile-save'
          onClick={() => void send()}
          className='me-actions__save'
        >
          保存
        </Button>
      </View>
    </Card>
  )
}
