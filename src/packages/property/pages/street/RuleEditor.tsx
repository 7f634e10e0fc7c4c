import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Card from '../../../../components/Card'
import Button from '../../../../components/Button'
import Field from '../../../../components/Field'
import Notice from '../../../../components/Notice'
import QueryState from '../../../../components/QueryState'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { toast } from '../../../../services/nav'
import { newRequestId } from '../../../../services/requestId'
import { formatTime } from '../../../../services/format'
import { CADENCES, CADENCE_LABEL, ruleInput, type RuleView } from '../../../../../types/property'

type Rule = RuleView['rule']
const NUMBERS: [keyof Rule, string][] = [
  ['redThreshold', '红榜线（综合得分 ≥）'], ['blackThreshold', '黑榜线（综合得分 <）'], ['minSample', '最低样本（评价户数）'],
  ['unresolvedLimit', '未整改事项上限（超过即黑榜）'], ['replyDays', '答复期限（天）'], ['fixDays', '整改期限（天）'],
  ['objectionDays', '异议期（天）'], ['holdDays', '新认证住户（天内）'], ['holdThreshold', '新认证住户评价超过此数暂缓计入'],
]
const WEIGHTS: [keyof Rule['weights'], string][] = [['satisfaction', '居民满意度权重'], ['community', '社区评价权重'], ['rectification', '整改率权重']]

/** The street's scoring rule: saving makes a new version; published lists keep the version they used. */
export default function RuleEditor({ streetId }: { streetId: string }) {
  const q = useCloud('property', 'rule.current', { streetId })
  const save = useMutation('property', 'rule.publish')
  const [draft, setDraft] = useState<Record<string, string>>({})
  const [cadence, setCadence] = useState<string>('monthly')
  const [problem, setProblem] = useState('')
  useEffect(() => {
    const r = q.data?.rule
    if (!r) return
    const d: Record<string, string> = {}
    for (const [k] of NUMBERS) d[k] = String(r[k])
    for (const [k] of WEIGHTS) d[`w.${k}`] = String(r.weights[k])
    setDraft(d)
    setCadence(r.cadence)
  }, [q.data])
  const submit = async () => {
    const base = q.data!.rule
    const rule = {
      ...base, cadence,
      weights: Object.fromEntries(WEIGHTS.map(([k]) => [k, Number(draft[`w.${k}`])])),
      ...Object.fromEntries(NUMBERS.map(([k]) => [k, Number(draft[k])])),
    }
    const parsed = ruleInput.safeParse(rule)
    if (!parsed.success) return setProblem(parsed.error.issues[0]?.message ?? '规则有误')
    setProblem('')
    const r = await save.run({ requestId: newRequestId(), streetId, rule: rule as never })
    if (r) {
      toast(`已保存为第 ${r.version} 版`)
      q.reload()
    }
  }
  return (
    <QueryState {...q}>
      {(r) => (
        <View>
          <Notice title={`当前第 ${r.version} 版${r.isDefault ? '（系统默认）' : ''}`}>
            <Text>{r.isDefault ? '尚未设置' : `${formatTime(r.createdAt)} 由${r.createdByName}设置`}。保存即生成新版本，已发布的榜单仍按原版本复算。</Text>
          </Notice>
          <Card title='评价周期与权重'>
            <Field kind='picker' label='评价周期' options={CADENCES.map((c) => ({ label: CADENCE_LABEL[c], value: c }))} value={cadence} onChange={setCadence} />
            {WEIGHTS.map(([k, label]) => (
              <Field key={k} id={`rule-w-${k}`} kind='text' label={label} value={draft[`w.${k}`] ?? ''} onChange={(v) => setDraft({ ...draft, [`w.${k}`]: v })} maxLength={3} />
            ))}
          </Card>
          <Card title='红黑榜线与整改'>
            {NUMBERS.map(([k, label]) => (
              <Field key={k} id={`rule-${k}`} kind='text' label={label} value={draft[k] ?? ''} onChange={(v) => setDraft({ ...draft, [k]: v })} maxLength={5} />
            ))}
          </Card>
          {problem || save.error ? <Notice tone='error'>{problem || save.error?.message}</Notice> : null}
          <Button id='save-rule' loading={save.sending} onClick={submit}>保存为新版本</Button>
        </View>
      )}
    </QueryState>
  )
}
