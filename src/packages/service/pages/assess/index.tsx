import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { Grade, LetterView } from '../../../../../types/service'
import { GRADES, GRADE_LABEL } from '../../../../../types/service'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import Field from '../../../../components/Field'
import Button from '../../../../components/Button'
import Empty from '../../../../components/Empty'
import Tag from '../../../../components/Tag'
import QueryState from '../../../../components/QueryState'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { go, toast } from '../../../../services/nav'
import Segmented from '../../../admin/components/Segmented'
import Pager from '../../../admin/components/Pager'
import { minutesText } from '../../components/files'
import { thisQuarter, thisYear, useCommunity } from '../../hooks/useCommunity'
import { SVC } from '../../routes'
import '../../service.scss'

type Tab = 'member' | 'unit' | 'letters'
const PAGE = 10

function GradeRow({ subjectType, subjectId, name, current, onDone }: { subjectType: 'member' | 'unit'; subjectId: string; name: string; current?: { grade: Grade; reason: string }; onDone: () => void }) {
  const [grade, setGrade] = useState<string>(current?.grade ?? 'qualified')
  const [reason, setReason] = useState(current?.reason ?? '')
  const m = useMutation('service', 'assessment.set')
  return (
    <View className='svc-list-item' id={`grade-${subjectId.replace(/[^\w-]/g, '-')}`}>
      <View className='svc-row'>
        <Text className='svc-line svc-line--strong'>{name}</Text>
        {current ? <Tag tone='green'>{GRADE_LABEL[current.grade]}</Tag> : <Tag tone='gray'>未评议</Tag>}
        {subjectType === 'member' ? <Text className='tx-muted' onClick={() => go(`${SVC.ledger}?memberId=${encodeURIComponent(subjectId)}`)}>台账 ›</Text> : null}
      </View>
      <Field kind='picker' label='等级' options={GRADES.map((g) => ({ label: GRADE_LABEL[g], value: g }))} value={grade} onChange={setGrade} />
      <Field label='理由' value={reason} onChange={setReason} placeholder='须写明理由' maxLength={200} />
      {m.error ? <Text className='tx-field__error'>{m.error.message}</Text> : null}
      <Button size='small' loading={m.sending} onClick={() => void m.run({ subjectType, subjectId, year: thisYear(), grade: grade as Grade, reason }).then((r) => r && (toast('已保存'), onDone()))}>保存评议</Button>
    </View>
  )
}

function Grades({ communityId, subjectType }: { communityId: string; subjectType: 'member' | 'unit' }) {
  const [page, setPage] = useState(1)
  const year = thisYear()
  const members = useCloud('service', 'member.list', subjectType === 'member' ? { communityId, status: 'approved', page, pageSize: PAGE } : null)
  const units = useCloud('service', 'unit.list', subjectType === 'unit' ? { communityId, status: 'approved', page, pageSize: PAGE } : null)
  const q = subjectType === 'member' ? members : units
  const subjects = { ...q, data: q.data ? { total: q.data.total, items: q.data.items.map((s) => ({ id: s.id, name: s.name })) } : undefined }
  const grades = useCloud('service', 'assessment.list', { communityId, year, subjectType, page: 1, pageSize: 50 })
  const byId = new Map((grades.data?.items ?? []).map((g) => [g.subjectId, g]))
  return (
    <QueryState {...subjects} loadingText='正在加载…'>
      {(data) =>
        data.items.length === 0 ? <Empty text={subjectType === 'member' ? '今年还没有报到通过的党员' : '今年还没有报到通过的单位'} /> : (
          <Card title={`${year} 年度评议`}>
            <Text className='svc-label'>评议依据全年服务记录与居民评价，每项须写明理由；修改会保留原评议</Text>
            {data.items.map((s) => (
              <GradeRow key={s.id} subjectType={subjectType} subjectId={s.id} name={s.name} current={byId.get(s.id)} onDone={grades.reload} />
            ))}
            <Pager page={page} pageSize={PAGE} total={data.total} onChange={setPage} />
          </Card>
        )
      }
    </QueryState>
  )
}

function Letters({ communityId }: { communityId: string }) {
  const [page, setPage] = useState(1)
  const units = useCloud('service', 'unit.list', { communityId, status: 'all', page, pageSize: PAGE })
  const issue = useMutation('service', 'letter.issue')
  const [issued, setIssued] = useState<Record<string, LetterView>>({})
  const quarter = thisQuarter()
  return (
    <QueryState {...units} loadingText='正在加载单位…'>
      {(data) => (
        <Card title={`${quarter} 双反馈函`}>
          {issue.error ? <Text className='tx-field__error'>{issue.error.message}</Text> : null}
          {data.items.map((u) => (
            <View key={u.id} className='svc-list-item' id={`letter-unit-${u.id}`}>
              <Text className='svc-line svc-line--strong'>{u.name}</Text>
              {issued[u.id] ? (
                <View>
                  <Text className='svc-line'>已出具：合计 {minutesText(issued[u.id].totalMinutes)}，{issued[u.id].rows.length} 名党员</Text>
                  {issued[u.id].rows.map((r) => <Text key={r.memberId} className='svc-line svc-line--muted'>{r.name}：{r.minutes} 分钟</Text>)}
                </View>
              ) : null}
              <Button size='small' id={`issue-${u.id}`} loading={issue.sending} onClick={() => void issue.run({ unitId: u.id, quarter }).then((l) => l && (toast('已出具'), setIssued((o) => ({ ...o, [u.id]: l }))))}>
                {issued[u.id] ? '重新出具' : '出具本季度反馈函'}
              </Button>
            </View>
          ))}
          <Pager page={page} pageSize={PAGE} total={data.total} onChange={setPage} />
        </Card>
      )}
    </QueryState>
  )
}

/** 双评议 and 双反馈: yearly grades with reasons, quarterly letters to units. */
export default function AssessPage() {
  const { me, picked } = useCommunity(['secretary'])
  const [tab, setTab] = useState<Tab>('letters')
  return (
    <PageShell title='评议与反馈'>
      <QueryState {...me}>
        {() =>
          !picked ? <Empty text='您不是社区书记' /> : (
            <View>
              <Segmented<Tab> items={[{ key: 'letters', label: '双反馈' }, { key: 'member', label: '评议党员' }, { key: 'unit', label: '评议单位' }]} value={tab} onChange={setTab} />
              {tab === 'letters' ? <Letters communityId={picked.communityId} /> : <Grades key={tab} communityId={picked.communityId} subjectType={tab} />}
            </View>
          )
        }
      </QueryState>
    </PageShell>
  )
}
