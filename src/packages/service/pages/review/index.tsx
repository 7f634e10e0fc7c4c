import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { MemberView, UnitView } from '../../../../../types/service'
import { MEMBER_KIND_LABEL, UNIT_LINK_LABEL } from '../../../../../types/service'
import { affiliationText } from '../../components/affiliation'
import PageShell from '../../../../components/PageShell'
import SearchBar from '../../../../components/SearchBar'
import Card from '../../../../components/Card'
import Empty from '../../../../components/Empty'
import Field from '../../../../components/Field'
import Notice from '../../../../components/Notice'
import Tag from '../../../../components/Tag'
import Button from '../../../../components/Button'
import Chips from '../../../../components/Chips'
import QueryState from '../../../../components/QueryState'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { formatTime } from '../../../../services/format'
import { toast } from '../../../../services/nav'
import Segmented from '../../../../components/Segmented'
import DecisionRow from '../../../admin/components/DecisionRow'
import Pager from '../../../../components/Pager'
import { useCommunity } from '../../hooks/useCommunity'
import UnitPicker, { type UnitChoice } from '../../components/UnitPicker'
import AgreementCard from '../../components/AgreementCard'
import '../../service.scss'

type Tab = 'units' | 'members' | 'overdue' | 'disputed' | 'unlinked' | 'grids'
const PAGE = 10
const safe = (id: string) => id.replace(/[^\w-]/g, '-')

function PendingUnits({ communityId }: { communityId: string }) {
  const [page, setPage] = useState(1)
  const q = useCloud('service', 'unit.list', { communityId, status: 'pending', page, pageSize: PAGE })
  const decide = useMutation('service', 'unit.decide')
  const act = async (unitId: string, approve: boolean, reason?: string) => {
    if (await decide.run({ unitId, approve, reason })) {
      toast(approve ? '已通过，共建协议已生成' : '已退回')
      q.reload()
    }
  }
  return (
    <QueryState {...q} loadingText='正在加载单位报到…'>
      {(data) =>
        data.items.length === 0 ? (
          <Empty text='没有待审核的单位报到' hint='单位联络员提交报到后会出现在这里' />
        ) : (
          <View>
            {decide.error ? (
              <Notice tone='error' title='操作没有成功'>
                <Text>{decide.error.message}</Text>
              </Notice>
            ) : null}
            {data.items.map((u: UnitView) => (
              <Card key={u.id} title={u.name} id={`unit-${u.id}`}>
                <Text className='svc-line'>党组织：{u.partyBody}</Text>
                <Text className='svc-line'>
                  联系人：{u.contactName}　{u.contactPhone}
                </Text>
                <Text className='svc-line svc-line--strong svc-gap'>资源清单</Text>
                {u.resources.map((r) => (
                  <Text key={r} className='svc-line'>
                    · {r}
                  </Text>
                ))}
                <Text className='svc-line svc-line--strong svc-gap'>职责承诺</Text>
                {u.commitments.map((c) => (
                  <Text key={c} className='svc-line'>
                    · {c}
                  </Text>
                ))}
                <Text className='svc-line svc-line--muted'>提交于 {formatTime(u.submittedAt)}</Text>
                <DecisionRow
                  idPrefix={`unit-${u.id}`}
                  sending={decide.sending}
                  onApprove={() => void act(u.id, true)}
                  onReturn={(r) => void act(u.id, false, r)}
                />
              </Card>
            ))}
            <Pager page={page} pageSize={PAGE} total={data.total} onChange={setPage} />
          </View>
        )
      }
    </QueryState>
  )
}

function Assign({ m, communityId, onDone }: { m: MemberView; communityId: string; onDone: () => void }) {
  const grids = useCloud('org', 'grid.list', { communityId })
  const estates = useCloud('org', 'estate.list', { communityId })
  const [gridId, setGridId] = useState<string | undefined>(m.gridId)
  const [estateId, setEstateId] = useState<string>()
  const buildings = useCloud('org', 'building.list', estateId ? { estateId } : null)
  const [picked, setPicked] = useState<string[]>(m.buildingIds)
  const [error, setError] = useState<string>()
  const decide = useMutation('service', 'member.decide')
  const act = async (approve: boolean, reason?: string) => {
    if (approve && !gridId) return setError('请分配网格')
    setError(undefined)
    if (await decide.run({ memberId: m.id, approve, reason, gridId, buildingIds: picked })) {
      toast(approve ? '已通过并分配' : '已退回')
      onDone()
    }
  }
  return (
    <View>
      <Field
        kind='picker'
        id={`grid-${safe(m.id)}`}
        label='分配网格'
        options={(grids.data?.items ?? []).map((g) => ({ label: g.name, value: g.id }))}
        value={gridId}
        onChange={setGridId}
        error={error}
      />
      <Field
        kind='picker'
        id={`estate-${safe(m.id)}`}
        label='包联楼栋（先选小区）'
        optional
        options={(estates.data?.items ?? []).map((e) => ({ label: e.name, value: e.id }))}
        value={estateId}
        onChange={setEstateId}
      />
      <Chips
        idPrefix='bld'
        items={(buildings.data?.items ?? []).map((b) => ({ key: b.id, label: b.name }))}
        values={picked}
        onChange={(id) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]))}
      />
      {picked.length ? <Text className='svc-line svc-line--muted'>已选 {picked.length} 栋</Text> : null}
      {decide.error ? <Text className='tx-field__error'>{decide.error.message}</Text> : null}
      <DecisionRow
        idPrefix={`member-${safe(m.id)}`}
        sending={decide.sending}
        onApprove={() => void act(true)}
        onReturn={(r) => void act(false, r)}
      />
    </View>
  )
}

const MEMBERS_EMPTY = {
  pending: '没有待审核的党员报到',
  overdue: '没有逾期未报到的党员',
  disputed: '没有单位提出异议的党员',
  unlinked: '没有待关联单位的党员',
} as const

/** 单位未报到: once the member's unit has checked in, the secretary links the member to it. */
function LinkUnit({ m, communityId, onDone }: { m: MemberView; communityId: string; onDone: () => void }) {
  const [unit, setUnit] = useState<UnitChoice>({ unitName: '' })
  const link = useMutation('service', 'member.linkUnit')
  return (
    <View className='svc-gap'>
      <Text className='svc-line svc-line--muted'>
        党员填写的单位：{m.unitName}。单位报到通过后，在下面找到它并关联。
      </Text>
      <UnitPicker communityId={communityId} value={unit} onChange={setUnit} idPrefix={`link-${safe(m.id)}`} />
      {link.error ? <Text className='tx-field__error'>{link.error.message}</Text> : null}
      <Button
        size='small'
        id={`link-${safe(m.id)}-send`}
        disabled={!unit.unitId}
        loading={link.sending}
        onClick={() =>
          void link.run({ memberId: m.id, unitId: unit.unitId! }).then((r) => r && (toast('已关联单位'), onDone()))
        }
      >
        关联到{unit.unitId ? `“${unit.unitName}”` : '所选单位'}
      </Button>
    </View>
  )
}

/** A unit's dispute: after checking with both, the secretary keeps the link or undoes it, with the result as the reason. */
function Settle({ m, onDone }: { m: MemberView; onDone: () => void }) {
  const [reason, setReason] = useState('')
  const settle = useMutation('service', 'member.settleDispute')
  const send = (keep: boolean) =>
    void settle
      .run({ memberId: m.id, keep, reason: reason.trim() })
      .then((r) => r && (toast(keep ? '已维持关联' : '已解除关联'), onDone()))
  return (
    <View className='svc-gap'>
      <Field
        label='核实结果'
        kind='textarea'
        id={`settle-reason-${safe(m.id)}`}
        value={reason}
        onChange={setReason}
        placeholder='如：已与单位人事部门核实'
        maxLength={200}
        error={settle.error?.message}
      />
      <View className='svc-row'>
        <Button
          size='small'
          id={`settle-keep-${safe(m.id)}`}
          disabled={!reason.trim()}
          loading={settle.sending}
          onClick={() => send(true)}
        >
          维持关联
        </Button>
        <Button
          size='small'
          variant='secondary'
          id={`settle-unlink-${safe(m.id)}`}
          disabled={!reason.trim()}
          loading={settle.sending}
          onClick={() => send(false)}
        >
          解除关联
        </Button>
      </View>
    </View>
  )
}

function Members({ communityId, status }: { communityId: string; status: keyof typeof MEMBERS_EMPTY }) {
  const [page, setPage] = useState(1)
  const q = useCloud('service', 'member.list', { communityId, status, page, pageSize: PAGE })
  return (
    <QueryState {...q} loadingText='正在加载党员报到…'>
      {(data) =>
        data.items.length === 0 ? (
          <Empty text={MEMBERS_EMPTY[status]} />
        ) : (
          <View>
            {data.items.map((m: MemberView) => (
              <Card
                key={m.id}
                title={m.name}
                extra={
                  m.unitDispute ? (
                    <Tag tone='red'>单位有异议</Tag>
                  ) : m.overdue ? (
                    <Tag tone='gold'>逾期未报到</Tag>
                  ) : (
                    <Tag tone='gray'>{MEMBER_KIND_LABEL[m.kind]}</Tag>
                  )
                }
                id={`member-${safe(m.id)}`}
              >
                {m.unitLink ? (
                  <Text className='svc-line'>
                    工作单位：{m.unitName}（{UNIT_LINK_LABEL[m.unitLink]}）
                  </Text>
                ) : (
                  <Text className='svc-line' id={`member-${safe(m.id)}-kind`}>
                    {affiliationText(m)}（不关联单位，服务不计入单位反馈函）
                  </Text>
                )}
                {m.unitDispute ? (
                  <Text className='svc-line svc-line--warn' id={`member-${safe(m.id)}-dispute`}>
                    单位异议：{m.unitDispute.reason}（{m.unitDispute.byName}，{formatTime(m.unitDispute.at)}）
                  </Text>
                ) : null}
                <Text className='svc-line'>住址：{m.address ?? '未填写（未认证房屋）'}</Text>
                <Text className='svc-line'>
                  特长：{m.skills.join('、') || '—'}　可服务：{m.availability}
                </Text>
                {m.approvedYear ? (
                  <Text className='svc-line svc-line--muted'>上次报到通过：{m.approvedYear} 年</Text>
                ) : null}
                {status === 'pending' ? <Assign m={m} communityId={communityId} onDone={q.reload} /> : null}
                {status === 'unlinked' ? <LinkUnit m={m} communityId={communityId} onDone={q.reload} /> : null}
                {status === 'disputed' ? <Settle m={m} onDone={q.reload} /> : null}
              </Card>
            ))}
            <Pager page={page} pageSize={PAGE} total={data.total} onChange={setPage} />
          </View>
        )
      }
    </QueryState>
  )
}

function UnitGrids({ u, grids, onDone }: { u: UnitView; grids: { id: string; name: string }[]; onDone: () => void }) {
  const [picked, setPicked] = useState<string[]>(u.gridIds)
  const [agreement, setAgreement] = useState(false)
  const m = useMutation('service', 'unit.setGrids')
  return (
    <Card title={u.name} id={`grids-${u.id}`}>
      <Text className='svc-line svc-line--muted'>现为网格责任单位：{u.gridNames.join('、') || '无'}</Text>
      <Chips
        idPrefix={`grids-${u.id}`}
        items={grids.map((g) => ({ key: g.id, label: g.name }))}
        values={picked}
        onChange={(id) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]))}
      />
      {m.error ? <Text className='tx-field__error'>{m.error.message}</Text> : null}
      <Button
        size='small'
        loading={m.sending}
        onClick={() => void m.run({ unitId: u.id, gridIds: picked }).then((r) => r && (toast('已保存'), onDone()))}
      >
        保存责任网格
      </Button>
      <Button size='small' variant='plain' id={`agreement-${u.id}`} onClick={() => setAgreement(!agreement)}>
        {agreement ? '收起共建协议' : '查看共建协议与签署情况'}
      </Button>
      {agreement && u.approvedYear ? <AgreementCard unitId={u.id} year={u.approvedYear} canSign={false} /> : null}
    </Card>
  )
}

/** The secretary names checked-in units responsible for grids (网格责任单位). */
function GridDuty({ communityId }: { communityId: string }) {
  const [page, setPage] = useState(1)
  const [words, setWords] = useState('')
  const q = useCloud('service', 'unit.list', {
    communityId,
    status: 'approved',
    page,
    pageSize: PAGE,
    ...(words ? { q: words } : {}),
  })
  const grids = useCloud('org', 'grid.list', { communityId })
  return (
    <QueryState {...q} loadingText='正在加载单位…'>
      {(data) =>
        data.items.length === 0 && !words ? (
          <Empty text='今年还没有报到通过的单位' hint='单位报到通过后可指定为网格责任单位' />
        ) : (
          <View>
            <SearchBar
              id='unit-search'
              value={words}
              onChange={(w) => {
                setWords(w)
                setPage(1)
              }}
              placeholder='查找单位，如：医院、一中'
              note={`找到 ${data.total} 个单位`}
            />
            {data.items.length === 0 ? <Empty text={`没有找到含“${words}”的单位`} /> : null}
            {data.items.map((u: UnitView) => (
              <UnitGrids key={u.id} u={u} grids={grids.data?.items ?? []} onDone={q.reload} />
            ))}
            <Pager page={page} pageSize={PAGE} total={data.total} onChange={setPage} />
          </View>
        )
      }
    </QueryState>
  )
}

/** Secretary: approve or return unit and member check-ins; see who is overdue; name responsible units. */
export default function ReviewPage() {
  const { me, picked } = useCommunity(['secretary'])
  const [tab, setTab] = useState<Tab>('units')
  return (
    <PageShell title='报到审核'>
      <QueryState {...me}>
        {() =>
          !picked ? (
            <Empty text='您不是社区书记' />
          ) : (
            <View>
              <Segmented<Tab>
                items={[
                  { key: 'units', label: '单位报到' },
                  { key: 'members', label: '党员报到' },
                  { key: 'overdue', label: '逾期' },
                  { key: 'disputed', label: '异议' },
                  { key: 'unlinked', label: '未关联' },
                  { key: 'grids', label: '责任网格' },
                ]}
                value={tab}
                onChange={setTab}
              />
              {tab === 'units' ? <PendingUnits communityId={picked.communityId} /> : null}
              {tab === 'members' ? <Members communityId={picked.communityId} status='pending' /> : null}
              {tab === 'overdue' ? <Members communityId={picked.communityId} status='overdue' /> : null}
              {tab === 'disputed' ? <Members communityId={picked.communityId} status='disputed' /> : null}
              {tab === 'unlinked' ? <Members communityId={picked.communityId} status='unlinked' /> : null}
              {tab === 'grids' ? <GridDuty communityId={picked.communityId} /> : null}
            </View>
          )
        }
      </QueryState>
    </PageShell>
  )
}
