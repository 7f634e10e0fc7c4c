import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { LetterView, UnitMemberView, UnitView } from '../../../../../types/service'
import { serviceActions, CHECKIN_STATUS_LABEL, GRADE_LABEL, UNIT_LINK_LABEL } from '../../../../../types/service'
import { SUMMONS_STATE_LABEL } from '../../../../../types/grid'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import Field from '../../../../components/Field'
import Button from '../../../../components/Button'
import Chips from '../../../../components/Chips'
import Notice from '../../../../components/Notice'
import Empty from '../../../../components/Empty'
import Tag from '../../../../components/Tag'
import Commitment from '../../../../components/Commitment'
import QueryState from '../../../../components/QueryState'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { useMe } from '../../../../hooks/useMe'
import { grantsOf } from '../../../../services/roles'
import { newRequestId } from '../../../../services/requestId'
import { issuesByField } from '../../../../services/errors'
import { validate } from '../../../../services/validate'
import { formatTime } from '../../../../services/format'
import { toast } from '../../../../services/nav'
import Pager from '../../../../components/Pager'
import FileReady from '../../../../components/FileReady'
import { useExport } from '../../../../hooks/useExport'
import AgreementCard from '../../components/AgreementCard'
import { thisYear } from '../../hooks/useCommunity'
import '../../service.scss'
import { useNoticeConsent } from '../../../../hooks/useNoticeConsent'

const lines = (s: string) =>
  s
    .split(/\n|；|;/)
    .map((x) => x.trim())
    .filter(Boolean)

/** A renewal starts from last year's agreement: its lists fill the form, to be kept, changed or dropped. */
function CheckinStart({ unit, onDone }: { unit: UnitView; onDone: () => void }) {
  const last =
    unit.approvedYear && unit.approvedYear < thisYear() && unit.status === 'none' ? unit.approvedYear : undefined
  const q = useCloud('service', 'agreement.get', last ? { unitId: unit.id, year: last } : null)
  if (!last) return <CheckinForm unit={unit} onDone={onDone} />
  if (q.loading) return <Text className='svc-line svc-line--muted'>正在载入 {last} 年协议的清单…</Text>
  // No agreement of that year (or it cannot be read): start from what the unit submitted last.
  return (
    <CheckinForm
      key={q.data ? 'carried' : 'plain'}
      unit={unit}
      onDone={onDone}
      carried={q.data ? { year: last, resources: q.data.resourceLines, commitments: q.data.commitments } : undefined}
    />
  )
}

function CheckinForm({
  unit,
  onDone,
  carried,
}: {
  unit: UnitView
  onDone: () => void
  carried?: { year: number; resources: string[]; commitments: string[] }
}) {
  const [requestId] = useState(newRequestId)
  const [v, setV] = useState({
    contactName: unit.contactName ?? '',
    contactPhone: unit.contactPhone?.includes('*') ? '' : (unit.contactPhone ?? ''),
    resources: (carried?.resources ?? unit.resources).join('\n'),
    commitments: (carried?.commitments ?? unit.commitments).join('\n'),
  })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const submit = useMutation('service', 'unit.checkin')
  const askConsent = useNoticeConsent(['checkinDecided']) // asked before the send: WeChat needs the tap
  const set = (k: keyof typeof v) => (value: string) => setV((o) => ({ ...o, [k]: value }))
  const send = async () => {
    const input = {
      requestId,
      unitId: unit.id,
      contactName: v.contactName,
      contactPhone: v.contactPhone,
      resources: lines(v.resources),
      commitments: lines(v.commitments),
    }
    const checked = validate(serviceActions['unit.checkin'].input, input)
    setErrors(checked.ok ? {} : checked.errors)
    if (!checked.ok) return
    await askConsent()
    if (await submit.run(input)) {
      toast('已提交报到')
      onDone()
    }
  }
  const server = submit.error?.code === 'INVALID_INPUT' ? issuesByField(submit.error.issues) : {}
  const err = (k: string) => errors[k] ?? server[k]
  return (
    <Card title={`${thisYear()} 年单位报到`}>
      {unit.status === 'returned' ? (
        <Notice tone='warn' title='上次报到被退回' id='unit-returned'>
          <Text>{unit.reason}</Text>
        </Notice>
      ) : null}
      {carried ? (
        <Notice tone='info' title={`已沿用 ${carried.year} 年共建协议的清单`} id='unit-carried'>
          <Text>可以直接提交，也可以增删修改；社区审核通过后生成 {thisYear()} 年协议</Text>
        </Notice>
      ) : null}
      <Field
        label='联系人'
        id='unit-contact'
        value={v.contactName}
        onChange={set('contactName')}
        maxLength={20}
        error={err('contactName')}
      />
      <Field
        label='联系电话'
        kind='phone'
        id='unit-phone'
        value={v.contactPhone}
        onChange={set('contactPhone')}
        error={err('contactPhone')}
      />
      <Field
        label='资源清单（每行一项）'
        kind='textarea'
        id='unit-resources'
        value={v.resources}
        onChange={set('resources')}
        placeholder='如：医护志愿者 10 人'
        maxLength={600}
        error={err('resources')}
      />
      <Field
        label='职责承诺（每行一项）'
        kind='textarea'
        id='unit-commitments'
        value={v.commitments}
        onChange={set('commitments')}
        placeholder='如：每月开展一次义诊'
        maxLength={600}
        error={err('commitments')}
      />
      {submit.error && submit.error.code !== 'INVALID_INPUT' ? (
        <Notice tone='error' title='提交没有成功'>
          <Text>{submit.error.message}</Text>
        </Notice>
      ) : null}
      <Button id='unit-submit' loading={submit.sending} onClick={() => void send()}>
        提交报到
      </Button>
    </Card>
  )
}

const HISTORY_PAGE = 5

/** Every version of one quarter's letter, newest first: each kept with its own rows and acknowledgement. */
function LetterHistory({ letterId }: { letterId: string }) {
  const [page, setPage] = useState(1)
  const q = useCloud('service', 'letter.versions', { letterId, page, pageSize: HISTORY_PAGE })
  const exp = useExport('service.letter')
  return (
    <View className='svc-history' id='letter-history'>
      <QueryState {...q} loadingText='正在加载历史版本…'>
        {(data) => (
          <View>
            {data.items.map((v) => (
              <View key={v.id} className='svc-history__item' id={`letter-version-${v.version}`}>
                <View className='svc-row'>
                  <Text className='svc-line svc-line--strong'>第 {v.version} 版</Text>
                  {v.supersededAt ? <Tag tone='gray'>已被新版本取代</Tag> : <Tag tone='red'>最新</Tag>}
                  {v.acknowledgedAt ? <Tag tone='green'>已签收 {v.acknowledgedByName}</Tag> : null}
                </View>
                <Text className='svc-line svc-line--muted'>
                  {formatTime(v.issuedAt)} {v.issuedByName} 出具 · 合计 {v.totalMinutes} 分钟 · {v.rows.length} 名党员
                </Text>
                {v.rows.map((r) => (
                  <Text key={r.memberId} className='svc-line svc-line--muted'>
                    {r.name}：{r.minutes} 分钟
                  </Text>
                ))}
                {v.note ? <Text className='svc-line svc-line--muted'>社区意见：{v.note}</Text> : null}
                <Button
                  size='small'
                  variant='plain'
                  loading={exp.sending}
                  onClick={() => void exp.run({ letterId: v.id })}
                >
                  导出第 {v.version} 版
                </Button>
              </View>
            ))}
            <Pager page={page} pageSize={HISTORY_PAGE} total={data.total} onChange={setPage} />
          </View>
        )}
      </QueryState>
      {exp.error ? <Text className='tx-field__error'>{exp.error.message}</Text> : null}
      {exp.file ? <FileReady file={exp.file} onOpen={exp.open} id='letter-history-file' /> : null}
    </View>
  )
}

function LetterItem({ l, onChange }: { l: LetterView; onChange: () => void }) {
  const ack = useMutation('service', 'letter.ack')
  const exp = useExport('service.letter')
  const [history, setHistory] = useState(false)
  return (
    <View className='svc-list-item' id={`letter-${l.quarter}`}>
      <View className='svc-row'>
        <Text className='svc-line svc-line--strong'>
          {l.quarter} 合计服务 {l.totalMinutes} 分钟
        </Text>
        <Tag tone={l.version > 1 ? 'gold' : 'gray'}>第 {l.version} 版</Tag>
      </View>
      {l.version > 1 ? (
        <Text className='svc-line svc-line--muted'>
          社区于 {formatTime(l.issuedAt)} 重新出具，请阅读后签收；之前的版本都保留
        </Text>
      ) : null}
      {l.rows.map((r) => (
        <Text key={r.memberId} className='svc-line'>
          {r.name}：{r.minutes} 分钟，活动 {r.activities} 次，心愿 {r.wishes} 个
        </Text>
      ))}
      {l.note ? <Text className='svc-line svc-line--muted'>社区意见：{l.note}</Text> : null}
      {l.whistles && l.whistles.summoned > 0 ? (
        <View id={`letter-whistles-${l.quarter}`}>
          <Text className='svc-line svc-line--strong'>
            网格吹哨：召集 {l.whistles.summoned} 次，按时应答 {l.whistles.onTime} 次，逾期 {l.whistles.late} 次，未应答{' '}
            {l.whistles.silent} 次
          </Text>
          {l.whistles.items.map((s) => (
            <Text key={s.id} className='svc-line svc-line--muted'>
              {s.eventTitle}：{SUMMONS_STATE_LABEL[s.state]}
              {s.answerText ? `，${s.answerText}` : ''}
            </Text>
          ))}
        </View>
      ) : null}
      {l.commitments?.length ? (
        <View id={`letter-commitments-${l.quarter}`} className='svc-gap'>
          <Text className='svc-line svc-line--strong'>
            联席会议认领：{l.commitments.length} 项，已办结 {l.commitments.filter((c) => c.status === 'done').length} 项
          </Text>
          {l.commitments.map((c) => (
            <Commitment key={c.id} c={c} showMeeting />
          ))}
        </View>
      ) : null}
      <View className='svc-row svc-gap'>
        {l.acknowledgedAt ? (
          <Tag tone='green'>已签收 {l.acknowledgedByName}</Tag>
        ) : (
          <Button
            size='small'
            id={`ack-${l.quarter}`}
            loading={ack.sending}
            onClick={() => void ack.run({ letterId: l.id }).then((r) => r && (toast('已签收'), onChange()))}
          >
            签收
          </Button>
        )}
        <Button
          size='small'
          variant='secondary'
          id={`export-${l.quarter}`}
          loading={exp.sending}
          onClick={() => void exp.run({ letterId: l.id })}
        >
          导出 Excel
        </Button>
        {l.version > 1 ? (
          <Button size='small' variant='plain' id={`history-${l.quarter}`} onClick={() => setHistory(!history)}>
            {history ? '收起各版本' : `查看全部 ${l.version} 个版本`}
          </Button>
        ) : null}
      </View>
      {ack.error || exp.error ? <Text className='tx-field__error'>{(ack.error ?? exp.error)!.message}</Text> : null}
      {exp.file ? <FileReady file={exp.file} onOpen={exp.open} id={`letter-file-${l.quarter}`} /> : null}
      {history ? <LetterHistory letterId={l.id} /> : null}
    </View>
  )
}

const LETTERS_PAGE = 8

/** Every quarter's letter, newest first, paged: the unit keeps the history. */
function Letters({ unitId }: { unitId: string }) {
  const [page, setPage] = useState(1)
  const q = useCloud('service', 'letter.list', { unitId, page, pageSize: LETTERS_PAGE })
  return (
    <Card title='双反馈函'>
      <QueryState {...q} loadingText='正在加载反馈函…'>
        {(data) =>
          data.items.length === 0 ? (
            <Empty text='还没有反馈函' hint='社区每季度出具一次，列出本单位党员在社区的服务情况' />
          ) : (
            <View>
              {data.items.map((l: LetterView) => (
                <LetterItem key={l.id} l={l} onChange={q.reload} />
              ))}
              <Pager page={page} pageSize={LETTERS_PAGE} total={data.total} onChange={setPage} />
            </View>
          )
        }
      </QueryState>
    </Card>
  )
}

/** The unit's own yearly grades (双评议), newest year first, with the community's reason (issue 14 §6). */
function Grades({ unitId }: { unitId: string }) {
  const [page, setPage] = useState(1)
  const q = useCloud('service', 'assessment.unit', { unitId, page, pageSize: 5 })
  return (
    <Card title='年度评议' id='unit-grades'>
      <QueryState {...q} loadingText='正在加载评议…'>
        {(data) =>
          data.items.length === 0 ? (
            <Empty text='还没有年度评议' hint='社区每年评议一次共建单位，并写明理由' />
          ) : (
            <View>
              {data.items.map((g) => (
                <View key={g.id} className='svc-list-item' id={`unit-grade-${g.year}`}>
                  <View className='svc-row'>
                    <Text className='svc-line svc-line--strong'>{g.year} 年</Text>
                    <Tag tone={g.grade === 'unqualified' ? 'red' : g.grade === 'basic' ? 'gold' : 'green'}>
                      {GRADE_LABEL[g.grade]}
                    </Tag>
                  </View>
                  <Text className='svc-line'>理由：{g.reason}</Text>
                  <Text className='svc-line svc-line--muted'>
                    {g.byName} · {formatTime(g.at).slice(0, 10)}
                    {g.revisions > 0 ? ` · 修改过 ${g.revisions} 次，原评议保留` : ''}
                  </Text>
                </View>
              ))}
              <Pager page={page} pageSize={5} total={data.total} onChange={setPage} />
            </View>
          )
        }
      </QueryState>
    </Card>
  )
}

const safe = (id: string) => id.replace(/[^\w-]/g, '-')
const MEMBERS_PAGE = 20

/** One member who named the unit; the liaison confirms the claim, or disputes it with a reason. */
function UnitMember({ m, onChange }: { m: UnitMemberView; onChange: () => void }) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const dispute = useMutation('service', 'unit.disputeMember')
  const confirm = useMutation('service', 'unit.confirmMember')
  const send = async () => {
    if (await dispute.run({ memberId: m.memberId, reason: reason.trim() })) {
      toast('已提出异议')
      onChange()
    }
  }
  const key = safe(m.memberId)
  return (
    <View className='svc-list-item' id={`unit-member-${key}`}>
      <View className='svc-row'>
        <Text className='svc-line svc-line--strong'>{m.name}</Text>
        <Tag tone={m.status === 'approved' ? 'green' : m.status === 'pending' ? 'gold' : 'gray'}>
          {m.overdue && m.status !== 'approved' ? '逾期未报到' : CHECKIN_STATUS_LABEL[m.status]}
        </Tag>
        <Tag tone={m.link === 'confirmed' ? 'green' : m.link === 'disputed' ? 'red' : 'gold'}>
          {UNIT_LINK_LABEL[m.link]}
        </Tag>
      </View>
      {m.communityName ? <Text className='svc-line svc-line--muted'>报到社区：{m.communityName}</Text> : null}
      {m.link === 'confirmed' ? (
        <Text className='svc-line svc-line--muted'>
          {m.confirmedByName} 于 {formatTime(m.confirmedAt)} 确认
        </Text>
      ) : null}
      {m.dispute ? (
        <Text className='svc-line svc-line--warn'>
          已提出异议：{m.dispute.reason}（{formatTime(m.dispute.at)}，社区书记核实中）
        </Text>
      ) : open ? (
        <View>
          <Field
            label='异议理由'
            kind='textarea'
            id={`dispute-reason-${key}`}
            value={reason}
            onChange={setReason}
            placeholder='如：本单位没有此人'
            maxLength={200}
            error={dispute.error?.message}
          />
          <View className='svc-row'>
            <Button
              size='small'
              id={`dispute-send-${key}`}
              disabled={!reason.trim()}
              loading={dispute.sending}
              onClick={() => void send()}
            >
              提交异议
            </Button>
            <Button size='small' variant='plain' onClick={() => setOpen(false)}>
              取消
            </Button>
          </View>
        </View>
      ) : m.link === 'claimed' ? (
        <View className='svc-row'>
          <Button
            size='small'
            id={`confirm-member-${key}`}
            loading={confirm.sending}
            onClick={() => void confirm.run({ memberId: m.memberId }).then((r) => r && (toast('已确认'), onChange()))}
          >
            确认是本单位人员
          </Button>
          <Button size='small' variant='plain' id={`dispute-${key}`} onClick={() => setOpen(true)}>
            不是本单位人员？提出异议
          </Button>
        </View>
      ) : null}
      {confirm.error ? <Text className='tx-field__error'>{confirm.error.message}</Text> : null}
    </View>
  )
}

/** Members who named this unit as their employer: the liaison checks the claims (SPEC §4, 双报到). */
function UnitMembers({ unitId }: { unitId: string }) {
  const [page, setPage] = useState(1)
  const q = useCloud('service', 'unit.members', { unitId, page, pageSize: MEMBERS_PAGE })
  return (
    <Card title='填写本单位的报到党员' id='unit-members'>
      <Text className='svc-line svc-line--muted'>
        请核对名单：是本单位人员的请确认，他们在社区的服务会写进本单位的双反馈函；并非本单位人员的可以提出异议，社区书记会核实。
      </Text>
      <QueryState {...q} loadingText='正在加载报到党员…'>
        {(data) =>
          data.items.length === 0 ? (
            <Empty text='还没有党员填写本单位' />
          ) : (
            <View>
              {data.items.map((m) => (
                <UnitMember key={m.memberId} m={m} onChange={q.reload} />
              ))}
              <Pager page={page} pageSize={MEMBERS_PAGE} total={data.total} onChange={setPage} />
            </View>
          )
        }
      </QueryState>
    </Card>
  )
}

function UnitHome({ unitId }: { unitId: string }) {
  const q = useCloud('service', 'unit.get', { unitId })
  return (
    <QueryState {...q} loadingText='正在加载单位…'>
      {(u) => (
        <View>
          <Card
            title={u.name}
            extra={
              <Tag tone={u.status === 'approved' ? 'green' : u.status === 'pending' ? 'gold' : 'gray'}>
                {CHECKIN_STATUS_LABEL[u.status]}
              </Tag>
            }
            id='unit-card'
          >
            <Text className='svc-line'>党组织：{u.partyBody}</Text>
            {u.gridNames.length ? <Text className='svc-line'>网格责任单位：{u.gridNames.join('、')}</Text> : null}
            {u.overdue ? (
              <Text className='svc-line svc-line--muted'>上次报到：{u.approvedYear} 年，今年尚未报到</Text>
            ) : null}
          </Card>
          {u.status === 'none' || u.status === 'returned' ? <CheckinStart unit={u} onDone={q.reload} /> : null}
          {u.status === 'pending' ? (
            <Notice tone='info' title='已提交，等待社区书记审核' id='unit-pending'>
              <Text>审核通过后将生成本年度共建协议</Text>
            </Notice>
          ) : null}
          {u.status === 'approved' ? <AgreementCard unitId={u.id} year={thisYear()} canSign /> : null}
          <UnitMembers unitId={u.id} />
          <Grades unitId={u.id} />
          <Letters unitId={u.id} />
        </View>
      )}
    </QueryState>
  )
}

/** 单位报到 for the unit liaison: check in, the agreement with its three lists, the feedback letters. */
export default function UnitPage() {
  const me = useMe({ reloadOnShow: false })
  const [idx, setIdx] = useState(0)
  return (
    <PageShell title='单位报到' intro='单位党组织到所在社区报到，签订共建协议'>
      <QueryState {...me}>
        {(data) => {
          const grants = grantsOf(data.roles, 'unit_liaison')
          if (grants.length === 0)
            return <Empty text='您还不是单位联络员' hint='请先在首页“单位联络员注册”，社区审核通过后再来报到' />
          return (
            <View>
              {grants.length > 1 ? (
                <Chips
                  idPrefix='unit'
                  items={grants.map((g) => ({ key: g.scopeId, label: g.scopeName }))}
                  value={grants[idx].scopeId}
                  onChange={(id) => setIdx(grants.findIndex((g) => g.scopeId === id))}
                />
              ) : null}
              <UnitHome key={grants[idx].scopeId} unitId={grants[idx].scopeId} />
            </View>
          )
        }}
      </QueryState>
    </PageShell>
  )
}
