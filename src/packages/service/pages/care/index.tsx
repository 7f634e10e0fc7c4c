import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import PageShell from '../../../../components/PageShell'
import Button from '../../../../components/Button'
import Card from '../../../../components/Card'
import Chips from '../../../../components/Chips'
import Empty from '../../../../components/Empty'
import Field from '../../../../components/Field'
import HouseholdPicker, { type HouseholdChoice } from '../../../../components/HouseholdPicker'
import Notice from '../../../../components/Notice'
import QueryState from '../../../../components/QueryState'
import Tag from '../../../../components/Tag'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { useMe } from '../../../../hooks/useMe'
import { confirm, toast } from '../../../../services/nav'
import { beijingIso, dateFromToday, formatDate } from '../../../../services/time'
import { CARE_KINDS, CARE_KIND_LABEL, type CareKind, type CareView } from '../../../../../types/care'
import '../../service.scss'

/** One record as the secretary and the household see it: why, with whose consent, and its state. */
function CareCard({ c, onRevoke }: { c: CareView; onRevoke?: () => void }) {
  return (
    <Card
      title={c.address}
      extra={<Tag tone={c.status === 'active' ? 'red' : 'gray'}>{c.status === 'active' ? '重点关爱' : '已撤销'}</Tag>}
      id={`care-${c.householdId}`}
    >
      <Text className='svc-line'>
        原因：{c.kinds.map((k) => CARE_KIND_LABEL[k]).join('、')}
        {c.note ? `（${c.note}）` : ''}
      </Text>
      <Text className='svc-line svc-line--muted'>
        {c.consentBy} 于 {formatDate(c.consentAt)} 同意 · {c.recordedByName} 记录
      </Text>
      {c.status === 'revoked' ? (
        <Text className='svc-line svc-line--muted'>
          {formatDate(c.revokedAt)} 由{c.revokedByName}撤销{c.revokeReason ? `：${c.revokeReason}` : ''}
        </Text>
      ) : null}
      {onRevoke && c.status === 'active' ? (
        <Button id={`care-revoke-${c.householdId}`} size='small' variant='plain' onClick={onRevoke}>
          撤销标记
        </Button>
      ) : null}
    </Card>
  )
}

/** The secretary marks a household, with who consented and when. */
function MarkForm({ communityId, onDone }: { communityId: string; onDone: () => void }) {
  const mark = useMutation('service', 'care.mark')
  const [home, setHome] = useState<HouseholdChoice>()
  const [kinds, setKinds] = useState<CareKind[]>([])
  const [note, setNote] = useState('')
  const [consentBy, setConsentBy] = useState('')
  const [consentDay, setConsentDay] = useState(dateFromToday())
  const [problem, setProblem] = useState('')
  const submit = async () => {
    setProblem('')
    if (!home) return setProblem('请选择住户')
    if (!kinds.length) return setProblem('请选择关爱原因')
    if (!consentBy.trim()) return setProblem('请填写同意人')
    if (!/^\d{4}-\d{2}-\d{2}$/.test(consentDay)) return setProblem('同意日期格式如 2026-12-03')
    const r = await mark.run({
      householdId: home.householdId,
      kinds,
      note: note.trim() || undefined,
      consentBy: consentBy.trim(),
      consentAt: beijingIso(consentDay, '12:00'),
    })
    if (r) {
      toast('已标记')
      setHome(undefined)
      setKinds([])
      setNote('')
      setConsentBy('')
      onDone()
    }
  }
  return (
    <Card title='标记重点关爱住户' id='care-form'>
      <Text className='svc-line svc-line--muted'>
        须经住户本人（或其家属）同意。原因只有您和该住户能看到，党员和网格员只看到“重点关爱”标记。
      </Text>
      {mark.error ? <Notice tone='error'>{mark.error.message}</Notice> : null}
      {problem ? <Notice tone='error'>{problem}</Notice> : null}
      <HouseholdPicker communityId={communityId} value={home?.householdId} onChange={setHome} idPrefix='care-hh' />
      <View className='svc-line'>关爱原因（可多选）</View>
      <Chips
        idPrefix='care-kind'
        items={CARE_KINDS.map((k) => ({ key: k, label: CARE_KIND_LABEL[k] }))}
        values={kinds}
        onChange={(k) => setKinds((v) => (v.includes(k) ? v.filter((x) => x !== k) : [...v, k]))}
      />
      <Field
        id='care-note'
        label='说明'
        optional
        value={note}
        onChange={setNote}
        placeholder='如：子女在外地，需每周看望'
        maxLength={200}
      />
      <Field
        id='care-consent-by'
        label='同意人'
        value={consentBy}
        onChange={setConsentBy}
        placeholder='如：本人、其女儿'
        maxLength={20}
      />
      <Field
        id='care-consent-day'
        label='同意日期'
        value={consentDay}
        onChange={setConsentDay}
        placeholder='2026-12-03'
        maxLength={10}
      />
      <Button id='care-mark' block loading={mark.sending} onClick={() => void submit()}>
        经同意，标记为重点关爱
      </Button>
    </Card>
  )
}

/**
 * 重点关爱 (issue 15 §5). The secretary marks and lists households (with why and whose consent); a grid
 * worker sees the marked households of their grid on patrol (the mark only); a resident sees their own
 * household's record and may revoke it.
 */
export default function CarePage() {
  const me = useMe({})
  const roles = me.data?.roles ?? []
  const communityId = roles.find((g) => g.role === 'secretary')?.scopeId
  const gridId = !communityId ? roles.find((g) => g.role === 'grid_worker')?.scopeId : undefined
  const resident = !communityId && !gridId && roles.some((g) => g.role === 'resident')
  const list = useCloud('service', 'care.list', communityId ? { communityId, pageSize: 50 } : null, {
    reloadOnShow: true,
  })
  const patrol = useCloud('service', 'care.patrol', gridId ? { gridId, pageSize: 50 } : null)
  const mine = useCloud('service', 'care.mine', resident ? {} : null)
  const revoke = useMutation('service', 'care.revoke')
  const doRevoke = async (c: CareView, reload: () => void) => {
    if (!(await confirm('撤销重点关爱', `撤销后，${c.address} 不再显示重点关爱标记，记录会保留。`))) return
    if (await revoke.run({ householdId: c.householdId })) {
      toast('已撤销')
      reload()
    }
  }
  return (
    <PageShell
      title='重点关爱'
      intro={gridId ? '巡查时请多关照这些住户' : '独居老人、残疾人、生活困难住户，经本人同意后标记，优先服务'}
    >
      <QueryState {...me}>
        {() => (
          <View>
            {revoke.error ? <Notice tone='error'>{revoke.error.message}</Notice> : null}
            {communityId ? (
              <View>
                <MarkForm communityId={communityId} onDone={list.reload} />
                <QueryState {...list}>
                  {(p) =>
                    p.items.length === 0 ? (
                      <Empty text='还没有重点关爱住户' />
                    ) : (
                      <View>
                        {p.items.map((c) => (
                          <CareCard key={c.householdId} c={c} onRevoke={() => void doRevoke(c, list.reload)} />
                        ))}
                      </View>
                    )
                  }
                </QueryState>
              </View>
            ) : gridId ? (
              <QueryState {...patrol}>
                {(p) =>
                  p.items.length === 0 ? (
                    <Empty text='本网格没有重点关爱住户' />
                  ) : (
                    <Card title={`本网格 ${p.total} 户`} id='care-patrol'>
                      {p.items.map((c) => (
                        <View key={c.householdId} className='svc-line' id={`patrol-${c.householdId}`}>
                          <Text>{c.address}</Text> <Tag tone='red'>重点关爱</Tag>
                        </View>
                      ))}
                    </Card>
                  )
                }
              </QueryState>
            ) : resident ? (
              <QueryState {...mine}>
                {(m) =>
                  m.items.length === 0 ? (
                    <Empty text='您家没有重点关爱记录' hint='如家中有独居老人、残疾人或生活困难，可联系社区书记' />
                  ) : (
                    <View>
                      {m.items.map((c) => (
                        <CareCard key={c.householdId} c={c} onRevoke={() => void doRevoke(c, mine.reload)} />
                      ))}
                    </View>
                  )
                }
              </QueryState>
            ) : (
              <Notice tone='warn'>重点关爱由社区书记标记；网格员在这里看到本网格的关爱住户</Notice>
            )}
          </View>
        )}
      </QueryState>
    </PageShell>
  )
}
