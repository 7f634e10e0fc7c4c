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
import { newRequestId } from '../../../../services/requestId'
import Segmented from '../../../../components/Segmented'
import Pager from '../../../../components/Pager'
import SearchBar from '../../../../components/SearchBar'
import { minutesText } from '../../components/minutes'
import { QuarterSwitch, YearSwitch } from '../../components/PeriodSwitch'
import { gradeYears, letterQuarters, thisQuarter, thisYear, useCommunity } from '../../hooks/useCommunity'
import { SVC } from '../../routes'
import '../../service.scss'

type Tab = 'member' | 'unit' | 'letters'
const PAGE = 10

function GradeRow({
  subjectType,
  subjectId,
  name,
  year,
  current,
  onDone,
}: {
  subjectType: 'member' | 'unit'
  subjectId: string
  name: string
  year: number
  current?: { grade: Grade; reason: string }
  onDone: () => void
}) {
  const [grade, setGrade] = useState<string>(current?.grade ?? 'qualified')
  const [reason, setReason] = useState(current?.reason ?? '')
  const m = useMutation('service', 'assessment.set')
  return (
    <View className='svc-list-item' id={`grade-${subjectId.replace(/[^\w-]/g, '-')}`}>
      <View className='svc-row'>
        <Text className='svc-line svc-line--strong'>{name}</Text>
        {current ? <Tag tone='green'>{GRADE_LABEL[current.grade]}</Tag> : <Tag tone='gray'>未评议</Tag>}
        {subjectType === 'member' ? (
          <Text className='tx-muted' onClick={() => go(`${SVC.ledger}?memberId=${encodeURIComponent(subjectId)}`)}>
            台账 ›
          </Text>
        ) : null}
      </View>
      <Field
        kind='picker'
        label='等级'
        options={GRADES.map((g) => ({ label: GRADE_LABEL[g], value: g }))}
        value={grade}
        onChange={setGrade}
      />
      <Field label='理由' value={reason} onChange={setReason} placeholder='须写明理由' maxLength={200} />
      {m.error ? <Text className='tx-field__error'>{m.error.message}</Text> : null}
      <Button
        size='small'
        loading={m.sending}
        onClick={() =>
          void m
            .run({ subjectType, subjectId, year, grade: grade as Grade, reason })
            .then((r) => r && (toast('已保存'), onDone()))
        }
      >
        保存评议
      </Button>
    </View>
  )
}

function Grades({ communityId, subjectType }: { communityId: string; subjectType: 'member' | 'unit' }) {
  const [page, setPage] = useState(1)
  const [year, setYear] = useState(thisYear)
  const members = useCloud(
    'service',
    'member.list',
    subjectType === 'member' ? { communityId, status: 'approved', page, pageSize: PAGE } : null,
  )
  const units = useCloud(
    'service',
    'unit.list',
    subjectType === 'unit' ? { communityId, status: 'approved', page, pageSize: PAGE } : null,
  )
  const q = subjectType === 'member' ? members : units
  const subjects = {
    ...q,
    data: q.data ? { total: q.data.total, items: q.data.items.map((s) => ({ id: s.id, name: s.name })) } : undefined,
  }
  const grades = useCloud('service', 'assessment.list', { communityId, year, subjectType, page: 1, pageSize: 50 })
  const byId = new Map((grades.data?.items ?? []).map((g) => [g.subjectId, g]))
  return (
    <View>
      <YearSwitch years={gradeYears()} value={year} onChange={setYear} />
      <QueryState {...subjects} loadingText='正在加载…'>
        {(data) =>
          data.items.length === 0 ? (
            <Empty text={subjectType === 'member' ? '今年还没有报到通过的党员' : '今年还没有报到通过的单位'} />
          ) : (
            <Card title={`${year} 年度评议`}>
              <Text className='svc-label'>评议依据全年服务记录与居民评价，每项须写明理由；修改会保留原评议</Text>
              {data.items.map((s) => (
                <GradeRow
                  key={`${year}-${s.id}`}
                  subjectType={subjectType}
                  subjectId={s.id}
                  name={s.name}
                  year={year}
                  current={byId.get(s.id)}
                  onDone={grades.reload}
                />
              ))}
              <Pager page={page} pageSize={PAGE} total={data.total} onChange={setPage} />
            </Card>
          )
        }
      </QueryState>
    </View>
  )
}

/** One unit's letter of the quarter: issuing again writes the next version; the unit keeps every version. */
function LetterRow({ unit, quarter }: { unit: { id: string; name: string }; quarter: string }) {
  const issue = useMutation('service', 'letter.issue')
  const [requestId, setRequestId] = useState(newRequestId)
  const [issued, setIssued] = useState<LetterView>()
  const send = async () => {
    const l = await issue.run({ requestId, unitId: unit.id, quarter })
    if (!l) return
    toast(`已出具第 ${l.version} 版`)
    setIssued(l)
    setRequestId(newRequestId())
  }
  return (
    <View className='svc-list-item' id={`letter-unit-${unit.id}`}>
      <Text className='svc-line svc-line--strong'>{unit.name}</Text>
      {issued ? (
        <View>
          <Text className='svc-line'>
            已出具第 {issued.version} 版：合计 {minutesText(issued.totalMinutes)}，{issued.rows.length} 名党员
          </Text>
          {issued.version > 1 ? (
            <Text className='svc-line svc-line--muted'>
              此前的 {issued.version - 1} 个版本和签收记录都保留，单位可查看
            </Text>
          ) : null}
          {issued.rows.map((r) => (
            <Text key={r.memberId} className='svc-line svc-line--muted'>
              {r.name}：{r.minutes} 分钟
            </Text>
          ))}
        </View>
      ) : null}
      {issue.error ? <Text className='tx-field__error'>{issue.error.message}</Text> : null}
      <Button size='small' id={`issue-${unit.id}`} loading={issue.sending} onClick={() => void send()}>
        {issued ? '重新出具（新版本）' : quarter === thisQuarter() ? '出具本季度反馈函' : '出具上季度反馈函'}
      </Button>
    </View>
  )
}

function Letters({ communityId }: { communityId: string }) {
  const [page, setPage] = useState(1)
  const [words, setWords] = useState('')
  const units = useCloud('service', 'unit.list', {
    communityId,
    status: 'all',
    page,
    pageSize: PAGE,
    ...(words ? { q: words } : {}),
  })
  const [quarter, setQuarter] = useState(thisQuarter)
  return (
    <View>
      <QuarterSwitch quarters={letterQuarters()} value={quarter} onChange={setQuarter} />
      <QueryState {...units} loadingText='正在加载单位…'>
        {(data) => (
          <Card title={`${quarter} 双反馈函`}>
            <Text className='svc-label'>重新出具会生成新版本，已签收的旧版本保留不变</Text>
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
            {words && data.items.length === 0 ? <Empty text={`没有找到含“${words}”的单位`} /> : null}
            {data.items.map((u) => (
              <LetterRow key={`${quarter}-${u.id}`} unit={u} quarter={quarter} />
            ))}
            <Pager page={page} pageSize={PAGE} total={data.total} onChange={setPage} />
          </Card>
        )}
      </QueryState>
    </View>
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
          !picked ? (
            <Empty text='您不是社区书记' />
          ) : (
            <View>
              <Segmented<Tab>
                items={[
                  { key: 'letters', label: '双反馈' },
                  { key: 'member', label: '评议党员' },
                  { key: 'unit', label: '评议单位' },
                ]}
                value={tab}
                onChange={setTab}
              />
              {tab === 'letters' ? (
                <Letters communityId={picked.communityId} />
              ) : (
                <Grades key={tab} communityId={picked.communityId} subjectType={tab} />
              )}
            </View>
          )
        }
      </QueryState>
    </PageShell>
  )
}
