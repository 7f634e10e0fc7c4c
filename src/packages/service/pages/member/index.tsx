import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { MemberView } from '../../../../../types/service'
import { CHECKIN_STATUS_LABEL, serviceActions } from '../../../../../types/service'
import type { MeView } from '../../../../../types/org'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import Field from '../../../../components/Field'
import Button from '../../../../components/Button'
import Notice from '../../../../components/Notice'
import Tag from '../../../../components/Tag'
import QueryState from '../../../../components/QueryState'
import HouseholdPicker from '../../../../components/HouseholdPicker'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { useMe } from '../../../../hooks/useMe'
import { newRequestId } from '../../../../services/requestId'
import { issuesByField } from '../../../../services/errors'
import { validate } from '../../../../services/validate'
import { go, toast } from '../../../../services/nav'
import { SVC } from '../../routes'
import { thisYear } from '../../hooks/useCommunity'
import '../../service.scss'
import { useNoticeConsent } from '../../../../hooks/useNoticeConsent'

const split = (s: string) => s.split(/[，,、\s]+/).map((x) => x.trim()).filter(Boolean)

function Form({ me, current, onDone }: { me: MeView; current: MemberView | null; onDone: () => void }) {
  const [requestId] = useState(newRequestId)
  const [v, setV] = useState({ name: current?.name ?? me.name, unitName: current?.unitName ?? '', skills: current?.skills.join('、') ?? '', availability: current?.availability ?? '' })
  const [home, setHome] = useState<{ householdId: string; address: string } | undefined>(current ? { householdId: current.householdId, address: current.address } : undefined)
  const [changing, setChanging] = useState(!current)
  const [communityId, setCommunityId] = useState<string>()
  const communities = useCloud('org', 'community.list', changing ? { page: 1, pageSize: 50 } : null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const submit = useMutation('service', 'member.checkin')
  const askConsent = useNoticeConsent(['checkinDecided', 'activityReminder']) // asked before the send: WeChat needs the tap
  const set = (k: keyof typeof v) => (value: string) => setV((o) => ({ ...o, [k]: value }))
  const send = async () => {
    const input = { requestId, name: v.name, unitName: v.unitName, householdId: home?.householdId ?? '', skills: split(v.skills), availability: v.availability }
    const checked = validate(serviceActions['member.checkin'].input, input)
    const next = checked.ok ? {} : { ...checked.errors }
    if (!home) next.householdId = '请选择您家的房屋'
    setErrors(next)
    if (Object.keys(next).length) return
    await askConsent()
    if (await submit.run(input)) {
      toast('已提交报到')
      onDone()
    }
  }
  const server = submit.error?.code === 'INVALID_INPUT' ? issuesByField(submit.error.issues) : {}
  const err = (k: string) => errors[k] ?? server[k]
  return (
    <Card title={`${thisYear()} 年党员报到`}>
      <Field label='姓名' id='member-name' value={v.name} onChange={set('name')} maxLength={20} error={err('name')} />
      <Field label='工作单位' id='member-unit' value={v.unitName} onChange={set('unitName')} placeholder='如：锦绣区人民医院' maxLength={60} error={err('unitName')} />
      {home && !changing ? (
        <View className='svc-gap'>
          <Text className='svc-line'>居住地：{home.address}</Text>
          <Button size='small' variant='plain' onClick={() => setChanging(true)}>
            更换住址
          </Button>
        </View>
      ) : (
        <View>
          <Field kind='picker' id='member-community' label='居住地社区' options={(communities.data?.items ?? []).map((c) => ({ label: c.name, value: c.id }))} value={communityId} onChange={setCommunityId} />
          <HouseholdPicker communityId={communityId} value={home?.householdId} onChange={(c) => setHome(c)} error={err('householdId')} idPrefix='member-hh' />
        </View>
      )}
      <Field label='特长（用顿号分隔）' id='member-skills' optional value={v.skills} onChange={set('skills')} placeholder='如：水电维修、法律咨询' error={err('skills')} />
      <Field label='可服务时间' id='member-availability' value={v.availability} onChange={set('availability')} placeholder='如：周末全天' maxLength={60} error={err('availability')} />
      {submit.error && submit.error.code !== 'INVALID_INPUT' ? (
        <Notice tone='error' title='提交没有成功'>
          <Text>{submit.error.message}</Text>
        </Notice>
      ) : null}
      <Button id='member-submit' loading={submit.sending} onClick={() => void send()}>
        提交报到
      </Button>
    </Card>
  )
}

function Status({ m }: { m: MemberView }) {
  return (
    <Card title='我的报到' extra={<Tag tone={m.status === 'approved' ? 'green' : m.status === 'pending' ? 'gold' : 'gray'}>{CHECKIN_STATUS_LABEL[m.status]}</Tag>} id='member-status'>
      <Text className='svc-line'>工作单位：{m.unitName}</Text>
      <Text className='svc-line'>居住地：{m.address}</Text>
      {m.status === 'approved' ? (
        <View>
          <Text className='svc-line'>所在网格：{m.gridName}</Text>
          <Text className='svc-line'>包联楼栋：{m.buildingNames.join('、') || '—'}</Text>
          <Text className='svc-line svc-line--muted'>审核人：{m.decidedByName}</Text>
          <View className='svc-row svc-gap'>
            <Button size='small' onClick={() => go(SVC.activities)}>服务活动</Button>
            <Button size='small' variant='secondary' onClick={() => go(SVC.wishes)}>微心愿</Button>
            <Button size='small' variant='secondary' onClick={() => go(SVC.ledger)}>我的台账</Button>
          </View>
        </View>
      ) : null}
      {m.status === 'pending' ? <Text className='svc-line svc-line--muted'>已提交，等待社区书记审核</Text> : null}
    </Card>
  )
}

/** 在职党员报到: yearly check-in to the home community; shows the assignment once approved. */
export default function MemberPage() {
  const me = useMe({ reloadOnShow: false })
  const mine = useCloud('service', 'member.mine', {})
  return (
    <PageShell title='在职党员报到' intro='到居住地社区报到，认领网格和楼栋，参加志愿服务'>
      <QueryState {...me}>
        {(meData) => (
          <QueryState {...mine} loadingText='正在加载报到信息…'>
            {(m) => (
              <View>
                {m?.overdue && m.status !== 'approved' ? (
                  <Notice tone='warn' title='今年尚未报到' id='member-overdue'>
                    <Text>您 {m.approvedYear} 年已报到，{thisYear()} 年请重新报到</Text>
                  </Notice>
                ) : null}
                {m?.status === 'returned' ? (
                  <Notice tone='warn' title='报到被退回' id='member-returned'>
                    <Text>{m.reason}</Text>
                  </Notice>
                ) : null}
                {m && (m.status === 'approved' || m.status === 'pending') ? <Status m={m} /> : <Form me={meData} current={m} onDone={mine.reload} />}
              </View>
            )}
          </QueryState>
        )}
      </QueryState>
    </PageShell>
  )
}
