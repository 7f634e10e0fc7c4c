import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { MeView } from '../../../../types/org'
import type { RoleGrant } from '../../../../types/roles'
import { orgActions } from '../../../../types/org'
import PageShell from '../../../components/PageShell'
import Card from '../../../components/Card'
import Field from '../../../components/Field'
import Button from '../../../components/Button'
import Notice from '../../../components/Notice'
import Tag from '../../../components/Tag'
import QueryState from '../../../components/QueryState'
import { useMutation } from '../../../hooks/useCloud'
import { useMe } from '../../../hooks/useMe'
import { issuesByField } from '../../../services/errors'
import { validate } from '../../../services/validate'
import { grantText } from '../../../services/roles'
import { ROUTES, toast } from '../../../services/nav'

const key = (g: RoleGrant) => `${g.role}:${g.scopeId}`

/** The roles the code just gave (those not held before); all roles if nothing new is visible. */
function newRoles(before: RoleGrant[], after: RoleGrant[]): RoleGrant[] {
  const had = new Set(before.map(key))
  const added = after.filter((g) => !had.has(key(g)))
  return added.length > 0 ? added : after
}

function RedeemForm({ me }: { me: MeView }) {
  const [code, setCode] = useState('')
  const [name, setName] = useState(me.name)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [granted, setGranted] = useState<RoleGrant[]>()
  const redeem = useMutation('org', 'invitation.redeem')

  if (granted) {
    return (
      <Card title='身份已生效' id='redeem-result'>
        <Text className='tx-muted'>您现在的身份：</Text>
        <View style={{ margin: '12px 0 24px' }}>
          {granted.map((g) => (
            <Tag key={key(g)} tone='red'>
              {grantText(g)}
            </Tag>
          ))}
        </View>
        <Button id='redeem-done' onClick={() => void Taro.reLaunch({ url: ROUTES.home })}>
          回到首页
        </Button>
      </Card>
    )
  }

  const send = async () => {
    const input = { code: code.trim().toUpperCase(), name }
    const checked = validate(orgActions['invitation.redeem'].input, input)
    setErrors(checked.ok ? {} : checked.errors)
    if (!checked.ok) return
    const out = await redeem.run(input)
    if (out) {
      toast('已生效')
      setGranted(newRoles(me.roles, out.roles))
    }
  }
  const server = redeem.error?.code === 'INVALID_INPUT' ? issuesByField(redeem.error.issues) : {}

  return (
    <View>
      <Card>
        <Field
          label='邀请码'
          kind='code'
          id='redeem-code'
          value={code}
          onChange={(v) => setCode(v.toUpperCase())}
          placeholder='8 位字母或数字'
          maxLength={8}
          hint='邀请码由街道或社区当面发放，只能使用一次'
          error={errors.code ?? server.code}
        />
        <Field label='姓名' id='redeem-name' value={name} onChange={setName} placeholder='请输入真实姓名' maxLength={20} error={errors.name ?? server.name} />
      </Card>
      {redeem.error && redeem.error.code !== 'INVALID_INPUT' ? (
        <Notice tone='error' title='邀请码没有生效' id='redeem-error'>
          <Text>{redeem.error.message}</Text>
        </Notice>
      ) : null}
      <Button id='redeem-submit' loading={redeem.sending} onClick={() => void send()}>
        确认使用
      </Button>
    </View>
  )
}

/** 使用邀请码: an invited secretary, property staff or street admin takes up the role. */
export default function RedeemPage() {
  const me = useMe({ reloadOnShow: false })
  return (
    <PageShell title='使用邀请码' intro='输入收到的邀请码，获得相应的工作身份'>
      <QueryState {...me}>{(data) => <RedeemForm me={data} />}</QueryState>
    </PageShell>
  )
}
