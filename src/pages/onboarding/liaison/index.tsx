import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { LiaisonApplicationView, MeView } from '../../../../types/org'
import { LiaisonRegisterInputSchema } from '../../../../types/org-forms'
import PageShell from '../../../components/PageShell'
import Card from '../../../components/Card'
import Field from '../../../components/Field'
import Button from '../../../components/Button'
import Notice from '../../../components/Notice'
import StatusBadge from '../../../components/StatusBadge'
import QueryState from '../../../components/QueryState'
import { useMutation } from '../../../hooks/useCloud'
import { useMe } from '../../../hooks/useMe'
import { newRequestId } from '../../../services/requestId'
import { issuesByField } from '../../../services/errors'
import { validate } from '../../../services/validate'
import { formatTime } from '../../../services/format'
import { ROUTES, toast } from '../../../services/nav'
import { useNoticeConsent } from '../../../hooks/useNoticeConsent'
import { usePagedList } from '../../../hooks/usePagedList'

function Submitted({ app }: { app: LiaisonApplicationView }) {
  return (
    <Card title='申请已提交' extra={<StatusBadge status={app.status} />} id='liaison-result'>
      <Text style={{ display: 'block' }}>单位：{app.unitName}</Text>
      <Text style={{ display: 'block' }}>党组织：{app.partyBody}</Text>
      <Text style={{ display: 'block', marginBottom: '16px' }}>提交时间：{formatTime(app.createdAt)}</Text>
      <Text className='tx-muted' style={{ display: 'block', marginBottom: '32px' }}>
        社区书记审核通过后，您将成为本单位的联络员。
      </Text>
      <Button id='liaison-done' onClick={() => void Taro.reLaunch({ url: ROUTES.home })}>
        回到首页
      </Button>
    </Card>
  )
}

function LiaisonForm({ me }: { me: MeView }) {
  const [requestId] = useState(newRequestId)
  const [v, setV] = useState({ communityId: '', unitName: '', partyBody: '', name: me.name, phone: me.phone ?? '' })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [done, setDone] = useState<LiaisonApplicationView>()
  const communities = usePagedList('org', 'community.list', {})
  const register = useMutation('org', 'liaison.register')
  const askConsent = useNoticeConsent(['roleGranted']) // asked before the send: WeChat needs the tap
  const set = (k: keyof typeof v) => (value: string) => setV((old) => ({ ...old, [k]: value }))

  if (done) return <Submitted app={done} />

  const send = async () => {
    const input = { requestId, ...v }
    const checked = validate(LiaisonRegisterInputSchema, input)
    const next = checked.ok ? {} : { ...checked.errors }
    if (!v.communityId) next.communityId = '请选择所在社区'
    setErrors(next)
    if (Object.keys(next).length > 0) return
    await askConsent()
    const out = await register.run(input)
    if (out) {
      toast('已提交')
      setDone(out)
    }
  }
  const server = register.error?.code === 'INVALID_INPUT' ? issuesByField(register.error.issues) : {}
  const err = (k: string) => errors[k] ?? server[k]

  return (
    <View>
      <Card title='单位信息'>
        <Field
          kind='picker'
          id='liaison-community'
          label='所在社区'
          placeholder={communities.first ? '正在加载社区…' : '请选择社区'}
          disabled={communities.first}
          options={communities.items.map((c) => ({ label: c.name, value: c.id }))}
          more={communities.sheet}
          value={v.communityId || undefined}
          onChange={set('communityId')}
          error={err('communityId') ?? communities.error?.message}
        />
        <Field
          label='单位名称'
          id='liaison-unit'
          value={v.unitName}
          onChange={set('unitName')}
          placeholder='如：市第一人民医院'
          maxLength={60}
          error={err('unitName')}
        />
        <Field
          label='党组织名称'
          id='liaison-party'
          value={v.partyBody}
          onChange={set('partyBody')}
          placeholder='如：市第一人民医院党委'
          maxLength={60}
          error={err('partyBody')}
        />
      </Card>
      <Card title='联络员'>
        <Field
          label='姓名'
          id='liaison-name'
          value={v.name}
          onChange={set('name')}
          placeholder='请输入真实姓名'
          maxLength={20}
          error={err('name')}
        />
        <Field
          label='手机号'
          kind='phone'
          id='liaison-phone'
          value={v.phone}
          onChange={set('phone')}
          placeholder='11 位手机号'
          error={err('phone')}
        />
      </Card>
      {register.error && register.error.code !== 'INVALID_INPUT' ? (
        <Notice tone='error' title='提交没有成功' id='liaison-error'>
          <Text>{register.error.message}</Text>
        </Notice>
      ) : null}
      <Button id='liaison-submit' loading={register.sending} onClick={() => void send()}>
        提交注册
      </Button>
    </View>
  )
}

/** 单位联络员注册: the contact of a unit's Party organisation registers; the secretary approves. */
export default function LiaisonPage() {
  const me = useMe({ reloadOnShow: false })
  return (
    <PageShell title='单位联络员注册' intro='单位党组织到所在社区报到，由社区书记审核'>
      <QueryState {...me}>{(data) => <LiaisonForm me={data} />}</QueryState>
    </PageShell>
  )
}
