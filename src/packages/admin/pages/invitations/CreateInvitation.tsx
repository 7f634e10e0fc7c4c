import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { orgActions, type InvitableRole, type InvitationView } from '../../../../../types/org'
import { ROLE_LABEL } from '../../../../../types/roles'
import Card from '../../../../components/Card'
import Field from '../../../../components/Field'
import Button from '../../../../components/Button'
import Notice from '../../../../components/Notice'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { newRequestId } from '../../../../services/requestId'
import { validate } from '../../../../services/validate'
import { formatTime } from '../../../../services/format'
import { toast } from '../../../../services/nav'
import CodeDisplay from '../../components/CodeDisplay'
import CompanyPicker from './CompanyPicker'

const ROLE_OPTIONS = [
  { label: '社区书记（选择社区）', value: 'secretary' },
  { label: '物业人员（选择物业公司）', value: 'property_staff' },
  { label: '街道管理员（本街道）', value: 'street_admin' },
]
const TTL_OPTIONS = [
  { label: '24 小时', value: '24' },
  { label: '3 天', value: '72' },
  { label: '7 天', value: '168' },
]

function Issued({ inv, onAgain }: { inv: InvitationView; onAgain: () => void }) {
  return (
    <Card title='邀请码已生成' id='invite-result'>
      <Text className='admin-line'>
        身份：{ROLE_LABEL[inv.role]} · {inv.scopeName}
      </Text>
      <CodeDisplay code={inv.code} />
      <Text className='admin-line'>有效期至 {formatTime(inv.expiresAt)}</Text>
      <Notice tone='warn' title='只能使用一次，只完整显示这一次'>
        <Text>请当面或私下交给受邀人，不要发到群里。受邀人在首页“使用邀请码”中填写。</Text>
      </Notice>
      <Button variant='secondary' id='invite-again' onClick={onAgain}>
        再生成一个
      </Button>
    </Card>
  )
}

/** Communities of the street, for the secretary role. */
function CommunityField({
  streetId,
  value,
  onChange,
  error,
}: {
  streetId: string
  value: string | undefined
  onChange: (id: string) => void
  error?: string
}) {
  const communities = useCloud('org', 'community.list', { streetId, page: 1, pageSize: 50 })
  return (
    <Field
      kind='picker'
      label='社区'
      id='invite-community'
      placeholder={communities.loading ? '正在加载社区…' : '请选择社区'}
      disabled={communities.loading}
      options={(communities.data?.items ?? []).map((c) => ({ label: c.name, value: c.id }))}
      value={value}
      onChange={onChange}
      error={error ?? communities.error?.message}
    />
  )
}

export type CreateInvitationProps =
  /** Street admin: secretaries of the street's communities, admins of the street, staff of its companies. */
  | { streetId: string; communityId?: undefined }
  /** Secretary: staff of a company serving an estate of `communityId` (a community of `streetId`). */
  | { streetId: string; communityId: string }

/** A one-time code that gives someone a role: the street admin chooses the role; a secretary invites property staff. */
export default function CreateInvitation({ streetId, communityId }: CreateInvitationProps) {
  const asSecretary = communityId !== undefined
  // One requestId per opening of the form, reused when the person retries after an error.
  const [requestId, setRequestId] = useState(newRequestId)
  const [role, setRole] = useState<InvitableRole>(asSecretary ? 'property_staff' : 'secretary')
  const [targetCommunity, setTargetCommunity] = useState<string>()
  const [companyId, setCompanyId] = useState<string>()
  const [ttl, setTtl] = useState('72')
  const [error, setError] = useState<string>()
  const [issued, setIssued] = useState<InvitationView>()
  const create = useMutation('org', 'invitation.create')

  if (issued) {
    return (
      <Issued
        inv={issued}
        onAgain={() => {
          setIssued(undefined)
          setRequestId(newRequestId())
        }}
      />
    )
  }

  const send = async () => {
    const scopeId = role === 'secretary' ? targetCommunity : role === 'property_staff' ? companyId : streetId
    if (!scopeId) {
      setError(role === 'secretary' ? '请选择社区' : '请选择物业公司')
      return
    }
    const input = { requestId, role, scopeId, ttlHours: Number(ttl) }
    const checked = validate(orgActions['invitation.create'].input, input)
    setError(checked.ok ? undefined : Object.values(checked.errors)[0])
    if (!checked.ok) return
    const out = await create.run(input)
    if (out) {
      toast('已生成')
      setIssued(out)
    }
  }

  return (
    <View>
      <Card>
        {asSecretary ? (
          <View className='tx-field'>
            <Text className='tx-field__label'>邀请担任</Text>
            <Text className='admin-picked' id='invite-role-fixed'>
              物业人员：物业公司的工作人员，可答复居民评价、报告整改
            </Text>
          </View>
        ) : (
          <Field
            kind='picker'
            label='邀请担任'
            id='invite-role'
            options={ROLE_OPTIONS}
            value={role}
            onChange={(v) => {
              setRole(v as InvitableRole)
              setError(undefined)
              create.reset()
            }}
          />
        )}
        {role === 'secretary' ? (
          <CommunityField streetId={streetId} value={targetCommunity} onChange={setTargetCommunity} error={error} />
        ) : null}
        {role === 'property_staff' ? (
          <CompanyPicker
            streetId={streetId}
            communityId={communityId}
            value={companyId}
            onChange={setCompanyId}
            error={error}
          />
        ) : null}
        <Field kind='picker' label='有效期' id='invite-ttl' options={TTL_OPTIONS} value={ttl} onChange={setTtl} />
      </Card>
      {create.error ? (
        <Notice tone='error' title='没有生成成功' id='invite-error'>
          <Text>{create.error.message}</Text>
        </Notice>
      ) : null}
      <Button id='invite-submit' loading={create.sending} onClick={() => void send()}>
        生成邀请码
      </Button>
    </View>
  )
}
