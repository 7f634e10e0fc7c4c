import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { InvitationView } from '../../../../../types/org'
import { ROLE_LABEL } from '../../../../../types/roles'
import Card from '../../../../components/Card'
import Field from '../../../../components/Field'
import Button from '../../../../components/Button'
import Notice from '../../../../components/Notice'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { newRequestId } from '../../../../services/requestId'
import { formatTime } from '../../../../services/format'
import { toast } from '../../../../services/nav'
import CodeDisplay from '../../components/CodeDisplay'

type InviteRole = 'secretary' | 'street_admin'

const ROLE_OPTIONS = [
  { label: '社区书记（选择社区）', value: 'secretary' },
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
        <Text>请当面或私下交给受邀人，不要发到群里。</Text>
      </Notice>
      <Button variant='secondary' id='invite-again' onClick={onAgain}>
        再生成一个
      </Button>
    </Card>
  )
}

/** Street admin: a one-time code that makes someone secretary of a community or admin of the street. */
export default function CreateInvitation({ streetId }: { streetId: string }) {
  const [requestId, setRequestId] = useState(newRequestId)
  const [role, setRole] = useState<InviteRole>('secretary')
  const [communityId, setCommunityId] = useState<string>()
  const [ttl, setTtl] = useState('72')
  const [error, setError] = useState<string>()
  const [issued, setIssued] = useState<InvitationView>()
  const communities = useCloud('org', 'community.list', { streetId, page: 1, pageSize: 50 })
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
    const scopeId = role === 'secretary' ? communityId : streetId
    if (!scopeId) {
      setError('请选择社区')
      return
    }
    setError(undefined)
    const out = await create.run({ requestId, role, scopeId, ttlHours: Number(ttl) })
    if (out) {
      toast('已生成')
      setIssued(out)
    }
  }

  return (
    <View>
      <Card>
        <Field kind='picker' label='邀请担任' id='invite-role' options={ROLE_OPTIONS} value={role} onChange={(v) => setRole(v as InviteRole)} />
        {role === 'secretary' ? (
          <Field
            kind='picker'
            label='社区'
            id='invite-community'
            placeholder={communities.loading ? '正在加载社区…' : '请选择社区'}
            disabled={communities.loading}
            options={(communities.data?.items ?? []).map((c) => ({ label: c.name, value: c.id }))}
            value={communityId}
            onChange={setCommunityId}
            error={error ?? communities.error?.message}
          />
        ) : null}
        <Field kind='picker' label='有效期' id='invite-ttl' options={TTL_OPTIONS} value={ttl} onChange={setTtl} />
      </Card>
      {create.error ? (
        <Notice tone='error' title='没有生成成功'>
          <Text>{create.error.message}</Text>
        </Notice>
      ) : null}
      <Button id='invite-submit' loading={create.sending} onClick={() => void send()}>
        生成邀请码
      </Button>
    </View>
  )
}
