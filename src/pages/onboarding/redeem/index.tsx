import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { MeView } from '../../../../types/org'
import type { RoleGrant } from '../../../../types/roles'
import { codeFromInviteText, InvitationRedeemInputSchema } from '../../../../types/org-forms'
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
import { isH5, ROUTES, toast, useParam } from '../../../services/nav'

const key = (g: RoleGrant) => `${g.role}:${g.scopeId}`

/** The roles the code just gave (those not held before); all roles if nothing new is visible. */
function newRoles(before: RoleGrant[], after: RoleGrant[]): RoleGrant[] {
  const had = new Set(before.map(key))
  const added = after.filter((g) => !had.has(key(g)))
  return added.length > 0 ? added : after
}

function RedeemForm({ me, initialCode }: { me: MeView; initialCode: string }) {
  const [code, setCode] = useState(initialCode)
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
    const checked = validate(InvitationRedeemInputSchema, input)
    setErrors(checked.ok ? {} : checked.errors)
    if (!checked.ok) return
    const out = await redeem.run(input)
    if (out) {
      toast('已生效')
      setGranted(newRoles(me.roles, out.roles))
    }
  }
  const server = redeem.error?.code === 'INVALID_INPUT' ? issuesByField(redeem.error.issues) : {}
  // A grid post's code is also shown as a QR code (txinvite:<code>): scanning fills the field in.
  const scan = async () => {
    try {
      const r = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      setCode(codeFromInviteText(r.result).slice(0, 8))
    } catch {
      /* cancelled */
    }
  }

  return (
    <View>
      <Card>
        <Field
          label='邀请码'
          kind='code'
          id='redeem-code'
          value={code}
          onChange={(v) => setCode(codeFromInviteText(v).slice(0, 8))}
          placeholder='8 位字母或数字'
          maxLength={8}
          hint='邀请码、网格任命码由街道或社区当面发放，只能使用一次'
          error={errors.code ?? server.code}
        />
        {isH5 ? null : (
          <Button id='redeem-scan' variant='secondary' onClick={() => void scan()}>
            扫描任命二维码
          </Button>
        )}
        <Field
          label='姓名'
          id='redeem-name'
          value={name}
          onChange={setName}
          placeholder='请输入真实姓名'
          maxLength={20}
          error={errors.name ?? server.name}
        />
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

/** 使用邀请码: an invited secretary, property staff or street admin, or an appointee to a grid post, takes up the role. */
export default function RedeemPage() {
  const me = useMe({ reloadOnShow: false })
  const code = useParam('code')
  const initial = code ? codeFromInviteText(code).slice(0, 8) : ''
  return (
    <PageShell title='使用邀请码' intro='输入或扫描收到的邀请码、网格任命码，获得相应的工作身份'>
      <QueryState {...me}>{(data) => <RedeemForm me={data} initialCode={initial} />}</QueryState>
    </PageShell>
  )
}
