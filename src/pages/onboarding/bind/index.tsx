import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { BindingView } from '../../../../types/org'
import { BindingRequestInputSchema } from '../../../../types/org-forms'
import PageShell from '../../../components/PageShell'
import Card from '../../../components/Card'
import Field from '../../../components/Field'
import Button from '../../../components/Button'
import Notice from '../../../components/Notice'
import StatusBadge from '../../../components/StatusBadge'
import QueryState from '../../../components/QueryState'
import HouseholdPicker, { type HouseholdChoice } from '../../../components/HouseholdPicker'
import { useMutation } from '../../../hooks/useCloud'
import { useMe } from '../../../hooks/useMe'
import { newRequestId } from '../../../services/requestId'
import { issuesByField } from '../../../services/errors'
import { validate } from '../../../services/validate'
import { ROUTES, go, toast } from '../../../services/nav'
import ListItem from '../../../components/ListItem'
import BindResult from './BindResult'
import './index.scss'
import { useNoticeConsent } from '../../../hooks/useNoticeConsent'
import { usePagedList } from '../../../hooks/usePagedList'

/** Current binding, if any, above the form. */
function Current({ binding }: { binding: BindingView }) {
  if (binding.status === 'rejected') {
    return (
      <Notice tone='error' title='上次申请未通过' id='bind-current'>
        <Text>
          {binding.address}。原因：{binding.reason || '社区未说明原因'}
        </Text>
      </Notice>
    )
  }
  if (binding.status === 'superseded') return null
  return (
    <Card title='当前房屋' extra={<StatusBadge status={binding.status} />} id='bind-current'>
      <Text>{binding.address}</Text>
    </Card>
  )
}

function BindForm({ defaultName, defaultPhone }: { defaultName: string; defaultPhone: string }) {
  const [requestId] = useState(newRequestId)
  const [communityId, setCommunityId] = useState<string>()
  const [household, setHousehold] = useState<HouseholdChoice>()
  const [name, setName] = useState(defaultName)
  const [phone, setPhone] = useState(defaultPhone)
  const [code, setCode] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [result, setResult] = useState<BindingView>()
  const communities = usePagedList('org', 'community.list', {})
  const submit = useMutation('org', 'binding.request')
  const askConsent = useNoticeConsent(['bindingDecided']) // asked before the send: WeChat needs the tap

  useEffect(() => setHousehold(undefined), [communityId])

  if (result) return <BindResult binding={result} />

  const send = async () => {
    const input = {
      requestId,
      householdId: household?.householdId ?? '',
      name,
      phone,
      householdCode: code.trim() ? code.trim().toUpperCase() : undefined,
    }
    const checked = validate(BindingRequestInputSchema, input)
    const next = checked.ok ? {} : { ...checked.errors }
    delete next.householdId
    if (!communityId) next.communityId = '请选择社区'
    else if (!household) next.householdId = '请选择小区、楼栋和房号'
    setErrors(next)
    if (Object.keys(next).length > 0) return
    await askConsent()
    const out = await submit.run(input)
    if (out) {
      toast(out.status === 'verified' ? '认证成功' : '已提交')
      setResult(out)
    }
  }

  const serverErrors = submit.error?.code === 'INVALID_INPUT' ? issuesByField(submit.error.issues) : {}
  const err = (k: string) => errors[k] ?? serverErrors[k]

  return (
    <View>
      <Card title='选择房屋'>
        <Field
          kind='picker'
          id='bind-community'
          label='社区'
          placeholder={communities.first ? '正在加载社区…' : '请选择社区'}
          disabled={communities.first}
          options={communities.items.map((c) => ({ label: c.name, value: c.id }))}
          more={communities.sheet}
          value={communityId}
          onChange={setCommunityId}
          error={err('communityId') ?? communities.error?.message}
        />
        <HouseholdPicker
          communityId={communityId}
          value={household?.householdId}
          onChange={setHousehold}
          error={err('householdId')}
          idPrefix='bind'
        />
        {household ? <Text className='bind-picked'>已选：{household.address}</Text> : null}
      </Card>
      <Card title='申请人'>
        <Field
          label='姓名'
          id='bind-name'
          value={name}
          onChange={setName}
          placeholder='请输入真实姓名'
          maxLength={20}
          error={err('name')}
        />
        <Field
          label='手机号'
          kind='phone'
          id='bind-phone'
          value={phone}
          onChange={setPhone}
          placeholder='11 位手机号'
          hint='仅社区工作人员可见，且中间四位隐藏'
          error={err('phone')}
        />
        <Field
          label='户码'
          kind='code'
          optional
          id='bind-code'
          value={code}
          onChange={(v) => setCode(v.toUpperCase())}
          placeholder='8 位字母或数字'
          maxLength={8}
          hint='有社区发放的户码可立即认证；没有户码则由社区审核'
          error={err('householdCode')}
        />
      </Card>
      {submit.error && submit.error.code !== 'INVALID_INPUT' ? (
        <Notice tone='error' title='提交没有成功' id='bind-error'>
          <Text>{submit.error.message}</Text>
        </Notice>
      ) : null}
      <Button id='bind-submit' loading={submit.sending} onClick={() => void send()}>
        {submit.error ? '再次提交' : '提交认证'}
      </Button>
    </View>
  )
}

/** 房屋认证: bind to a household; a 户码 verifies at once, otherwise the community reviews. */
export default function BindPage() {
  const me = useMe({ reloadOnShow: false })
  const [reapply, setReapply] = useState(false)
  return (
    <PageShell title='房屋认证' intro='认证后可参与议事投票、物业评价，一户一票'>
      <QueryState {...me}>
        {(data) => {
          const b = data.binding
          const active = b && (b.status === 'pending' || b.status === 'verified')
          return (
            <View>
              {b ? <Current binding={b} /> : null}
              {active && !reapply ? (
                <Button variant='secondary' id='bind-reapply' onClick={() => setReapply(true)}>
                  {b.status === 'verified' ? '更换房屋' : '重新填写申请'}
                </Button>
              ) : (
                <BindForm defaultName={data.name} defaultPhone={data.phone ?? ''} />
              )}
              <ListItem
                id='bind-privacy'
                title='隐私保护指引'
                description='我们收集什么、为什么、保存多久、谁能看到'
                onClick={() => go(ROUTES.privacy)}
              />
            </View>
          )
        }}
      </QueryState>
    </PageShell>
  )
}
