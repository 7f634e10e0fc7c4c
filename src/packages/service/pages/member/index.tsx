import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { MemberView } from '../../../../../types/service'
import {
  CHECKIN_STATUS_LABEL,
  MEMBER_KIND_HINT,
  MEMBER_KIND_LABEL,
  MEMBER_KINDS,
  serviceActions,
  UNIT_LINK_LABEL,
  type MemberKind,
} from '../../../../../types/service'
import type { MeView } from '../../../../../types/org'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import Field from '../../../../components/Field'
import Button from '../../../../components/Button'
import Notice from '../../../../components/Notice'
import Tag from '../../../../components/Tag'
import Chips from '../../../../components/Chips'
import QueryState from '../../../../components/QueryState'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { usePagedList } from '../../../../hooks/usePagedList'
import { useMe } from '../../../../hooks/useMe'
import { newRequestId } from '../../../../services/requestId'
import { issuesByField } from '../../../../services/errors'
import { validate } from '../../../../services/validate'
import { go, toast } from '../../../../services/nav'
import { SVC } from '../../routes'
import UnitPicker, { type UnitChoice } from '../../components/UnitPicker'
import { thisYear } from '../../hooks/useCommunity'
import { affiliationText } from '../../components/affiliation'
import '../../service.scss'
import { useNoticeConsent } from '../../../../hooks/useNoticeConsent'

const split = (s: string) =>
  s
    .split(/[，,、\s]+/)
    .map((x) => x.trim())
    .filter(Boolean)

/** What each kind means for the member, said once they choose it. */
const KIND_NOTE: Record<MemberKind, string> = {
  in_service: '请选择您的工作单位：您的服务情况会反馈给单位',
  retired: '退休党员不用填写工作单位，服务记入社区台账',
  mobile: '请写明您的组织关系所在的党组织，服务记入社区台账',
}

function Form({ me, current, onDone }: { me: MeView; current: MemberView | null; onDone: () => void }) {
  const [requestId] = useState(newRequestId)
  // The kind comes first (issue 15 §4): it decides which of the fields below are asked at all.
  const [kind, setKind] = useState<MemberKind | undefined>(current?.kind)
  const [v, setV] = useState({
    name: current?.name ?? me.name,
    originOrg: current?.originOrg ?? '',
    skills: current?.skills.join('、') ?? '',
    availability: current?.availability ?? '',
  })
  const [unit, setUnit] = useState<UnitChoice>({ unitId: current?.unitId, unitName: current?.unitName ?? '' })
  // Only the person's own verified households may be named as home (the server checks the same).
  const homes = me.roles.filter((g) => g.role === 'resident')
  const [householdId, setHouseholdId] = useState(
    homes.find((g) => g.scopeId === current?.householdId)?.scopeId ?? homes[0]?.scopeId ?? '',
  )
  const home = homes.find((g) => g.scopeId === householdId)
  const [pickedCommunity, setPickedCommunity] = useState<string | undefined>(current?.communityId)
  const communities = usePagedList('org', 'community.list', home ? null : {})
  const communityId = home?.communityId ?? pickedCommunity
  const [errors, setErrors] = useState<Record<string, string>>({})
  const submit = useMutation('service', 'member.checkin')
  const askConsent = useNoticeConsent(['checkinDecided', 'activityReminder']) // asked before the send: WeChat needs the tap
  const set = (k: keyof typeof v) => (value: string) => setV((o) => ({ ...o, [k]: value }))
  const send = async () => {
    if (!kind) return setErrors({ kind: '请先选择您是哪一类党员' })
    // Only what the kind needs is sent: a unit for in-service members, the origin organisation for mobile ones.
    const byKind =
      kind === 'in_service'
        ? { unitId: unit.unitId, unitName: unit.unitName }
        : kind === 'mobile'
          ? { originOrg: v.originOrg }
          : {}
    const input = {
      requestId,
      kind,
      name: v.name,
      communityId: communityId ?? '',
      householdId: home?.scopeId,
      ...byKind,
      skills: split(v.skills),
      availability: v.availability,
    }
    const checked = validate(serviceActions['member.checkin'].input, input)
    const next = checked.ok ? {} : { ...checked.errors }
    if (!communityId) next.communityId = '请选择居住地社区'
    if (kind === 'in_service' && !unit.unitId && !unit.unitName)
      next.unitName = '请选择工作单位，或选“我的单位未报到”后填写单位名称'
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
      <View className='tx-field' id='member-kind'>
        <View className='tx-field__label'>
          <Text>您是哪一类党员？</Text>
        </View>
        <Chips<MemberKind>
          idPrefix='member-kind'
          items={MEMBER_KINDS.map((k) => ({ key: k, label: `${MEMBER_KIND_LABEL[k]}：${MEMBER_KIND_HINT[k]}` }))}
          value={kind}
          onChange={(k) => {
            setKind(k)
            setErrors({})
          }}
        />
        {err('kind') ? <Text className='tx-field__error'>{err('kind')}</Text> : null}
        {kind ? (
          <Text className='tx-field__hint' id='member-kind-note'>
            {KIND_NOTE[kind]}
          </Text>
        ) : null}
      </View>
      {kind ? (
        <View>
          <Field
            label='姓名'
            id='member-name'
            value={v.name}
            onChange={set('name')}
            maxLength={20}
            error={err('name')}
          />
          {homes.length ? (
            <Field
              kind='picker'
              id='member-home'
              label='居住地'
              options={[
                ...homes.map((g) => ({ label: g.scopeName, value: g.scopeId })),
                { label: '不填写房屋', value: '' },
              ]}
              value={householdId}
              onChange={setHouseholdId}
              hint='只能选择您已认证的房屋'
              error={err('householdId')}
            />
          ) : null}
          {home ? null : (
            <Field
              kind='picker'
              id='member-community'
              label='居住地社区'
              options={communities.items.map((c) => ({ label: c.name, value: c.id }))}
              more={communities.sheet}
              value={pickedCommunity}
              onChange={setPickedCommunity}
              hint={homes.length ? undefined : '认证房屋后可以填写具体住址；不填写也可以报到'}
              error={err('communityId')}
            />
          )}
          {kind === 'in_service' ? (
            <UnitPicker
              communityId={communityId}
              value={unit}
              onChange={setUnit}
              allowUnlisted
              error={err('unitId') ?? err('unitName')}
              idPrefix='member-unit'
            />
          ) : null}
          {kind === 'mobile' ? (
            <Field
              label='党组织关系所在的党组织'
              id='member-origin'
              value={v.originOrg}
              onChange={set('originOrg')}
              placeholder='如：麻城市宋埠镇彭店村党支部'
              maxLength={60}
              hint='写您的组织关系所在的党支部'
              error={err('originOrg')}
            />
          ) : null}
          <Field
            label='特长（用顿号分隔）'
            id='member-skills'
            optional
            value={v.skills}
            onChange={set('skills')}
            placeholder='如：水电维修、法律咨询'
            error={err('skills')}
          />
          <Field
            label='可服务时间'
            id='member-availability'
            value={v.availability}
            onChange={set('availability')}
            placeholder='如：周末全天'
            maxLength={60}
            error={err('availability')}
          />
          {submit.error && submit.error.code !== 'INVALID_INPUT' ? (
            <Notice tone='error' title='提交没有成功'>
              <Text>{submit.error.message}</Text>
            </Notice>
          ) : null}
          <Button id='member-submit' loading={submit.sending} onClick={() => void send()}>
            提交报到
          </Button>
        </View>
      ) : null}
    </Card>
  )
}

function Status({ m }: { m: MemberView }) {
  return (
    <Card
      title='我的报到'
      extra={
        <Tag tone={m.status === 'approved' ? 'green' : m.status === 'pending' ? 'gold' : 'gray'}>
          {CHECKIN_STATUS_LABEL[m.status]}
        </Tag>
      }
      id='member-status'
    >
      {m.unitLink ? (
        <View className='svc-row'>
          <Text className='svc-line'>工作单位：{m.unitName}</Text>
          <Tag tone={m.unitLink === 'confirmed' ? 'green' : m.unitLink === 'disputed' ? 'red' : 'gold'}>
            {UNIT_LINK_LABEL[m.unitLink]}
          </Tag>
        </View>
      ) : (
        <Text className='svc-line' id='member-kind-line'>
          {affiliationText(m)}
        </Text>
      )}
      {m.unitConfirmedByName ? (
        <Text className='svc-line svc-line--muted' id='member-unit-confirmed'>
          确认人：{m.unitConfirmedByName}
        </Text>
      ) : null}
      {m.unitSettlement ? (
        <Text className='svc-line svc-line--muted' id='member-unit-settlement'>
          社区核实（{m.unitSettlement.byName}）：
          {m.unitSettlement.outcome === 'kept'
            ? `维持与${m.unitSettlement.unitName}的关联`
            : `解除与${m.unitSettlement.unitName}的关联`}
          ，{m.unitSettlement.reason}
        </Text>
      ) : null}
      <Text className='svc-line'>居住地：{m.address ?? '未填写房屋'}</Text>
      {m.unitDispute ? (
        <Notice tone='warn' title='单位对您填写的工作单位有异议' id='member-unit-dispute'>
          <Text>
            {m.unitDispute.reason}（{m.unitDispute.byName}）。如有误会请联系社区书记。
          </Text>
        </Notice>
      ) : null}
      {m.status === 'approved' ? (
        <View>
          <Text className='svc-line'>所在网格：{m.gridName}</Text>
          <Text className='svc-line'>包联楼栋：{m.buildingNames.join('、') || '—'}</Text>
          <Text className='svc-line svc-line--muted'>审核人：{m.decidedByName}</Text>
          <View className='svc-row svc-gap'>
            <Button size='small' onClick={() => go(SVC.activities)}>
              服务活动
            </Button>
            <Button size='small' variant='secondary' onClick={() => go(SVC.wishes)}>
              微心愿
            </Button>
            <Button size='small' variant='secondary' onClick={() => go(SVC.ledger)}>
              我的台账
            </Button>
          </View>
        </View>
      ) : null}
      {m.status === 'pending' ? <Text className='svc-line svc-line--muted'>已提交，等待社区书记审核</Text> : null}
    </Card>
  )
}

/** 党员报到 (in-service, retired, mobile): yearly check-in to the home community; shows the assignment once approved. */
export default function MemberPage() {
  const me = useMe({ reloadOnShow: false })
  const mine = useCloud('service', 'member.mine', {})
  return (
    <PageShell title='党员报到' intro='在职、退休、流动党员都可以到居住地社区报到，认领网格和楼栋，参加志愿服务'>
      <QueryState {...me}>
        {(meData) => (
          <QueryState {...mine} loadingText='正在加载报到信息…'>
            {(m) => (
              <View>
                {m?.overdue && m.status !== 'approved' ? (
                  <Notice tone='warn' title='今年尚未报到' id='member-overdue'>
                    <Text>
                      您 {m.approvedYear} 年已报到，{thisYear()} 年请重新报到
                    </Text>
                  </Notice>
                ) : null}
                {m?.status === 'returned' ? (
                  <Notice tone='warn' title='报到被退回' id='member-returned'>
                    <Text>{m.reason}</Text>
                  </Notice>
                ) : null}
                {m && (m.status === 'approved' || m.status === 'pending') ? (
                  <Status m={m} />
                ) : (
                  <Form me={meData} current={m} onDone={mine.reload} />
                )}
              </View>
            )}
          </QueryState>
        )}
      </QueryState>
    </PageShell>
  )
}
