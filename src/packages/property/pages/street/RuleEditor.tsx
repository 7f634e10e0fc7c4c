import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Card from '../../../../components/Card'
import Button from '../../../../components/Button'
import Field from '../../../../components/Field'
import Chips from '../../../../components/Chips'
import Notice from '../../../../components/Notice'
import QueryState from '../../../../components/QueryState'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { toast } from '../../../../services/nav'
import { newRequestId } from '../../../../services/requestId'
import { formatTime } from '../../../../services/format'
import { CADENCES, CADENCE_LABEL } from '../../../../../types/property'
import {
  DIMENSION_WEIGHTS,
  GROUP_KEY,
  NUMBERS,
  RED_BONUSES,
  WEIGHTS,
  dimensionShares,
  draftOf,
  parseRuleDraft,
  type RuleDraft,
} from './ruleForm'

/** The street's scoring rule: saving makes a new version; published lists keep the version they used. */
export default function RuleEditor({ streetId }: { streetId: string }) {
  const q = useCloud('property', 'rule.current', { streetId })
  const save = useMutation('property', 'rule.publish')
  const [draft, setDraft] = useState<RuleDraft>({})
  const [cadence, setCadence] = useState<string>('monthly')
  const [auto, setAuto] = useState(true)
  const [requireBranch, setRequireBranch] = useState('no')
  // Problems found before sending, by field; the server checks the same schema again.
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [summary, setSummary] = useState('')
  useEffect(() => {
    const r = q.data?.rule
    if (!r) return
    setDraft(draftOf(r))
    setCadence(r.cadence)
    // A rule saved before the switch existed runs periods by hand.
    setAuto(r.autoPeriods ?? false)
    setRequireBranch(r.redProperty?.requireBranchForRed ? 'yes' : 'no')
    setErrors({})
    setSummary('')
  }, [q.data])
  const edit = (key: string, value: string) => {
    setDraft({ ...draft, [key]: value })
    if (errors[key]) setErrors({ ...errors, [key]: '' })
  }
  const submit = async () => {
    const parsed = parseRuleDraft({ ...q.data!.rule, autoPeriods: auto }, cadence, draft, requireBranch === 'yes')
    if (!parsed.rule) {
      setErrors(parsed.errors)
      setSummary(parsed.summary)
      return
    }
    setErrors({})
    setSummary('')
    const r = await save.run({ requestId: newRequestId(), streetId, rule: parsed.rule })
    if (r) {
      toast(`已保存为第 ${r.version} 版`)
      q.reload()
    }
  }
  const shares = dimensionShares(draft)
  const box = (key: string, label: string, maxLength: number, hint?: string) => (
    <Field
      key={key}
      id={`rule-${key.replace('.', '-')}`}
      kind='text'
      label={label}
      value={draft[key] ?? ''}
      onChange={(v) => edit(key, v)}
      maxLength={maxLength}
      error={errors[key] || undefined}
      hint={hint}
    />
  )
  return (
    <QueryState {...q}>
      {(r) => (
        <View>
          <Notice title={`当前第 ${r.version} 版${r.isDefault ? '（系统默认）' : ''}`}>
            <Text>
              {r.isDefault ? '尚未设置' : `${formatTime(r.createdAt)} 由${r.createdByName}设置`}
              。保存即生成新版本，已发布的榜单仍按原版本复算。
            </Text>
          </Notice>
          <Card title='评价周期与三项权重'>
            <Field
              kind='picker'
              label='评价周期'
              options={CADENCES.map((c) => ({ label: CADENCE_LABEL[c], value: c }))}
              value={cadence}
              onChange={setCadence}
            />
            <Text className='pp-line'>周期的开启和结束</Text>
            <Chips
              idPrefix='rule-auto'
              items={[
                { key: 'auto', label: '到期自动结束并开启下一期' },
                { key: 'manual', label: '由街道手动开启、结束' },
              ]}
              value={auto ? 'auto' : 'manual'}
              onChange={(k) => setAuto(k === 'auto')}
            />
            <Text className='pp-line pp-line--muted'>
              自动时：每期到期自动结束、进入异议期，并按评价周期开启下一期；街道仍可提前结束。榜单始终由街道确认发布。改变评价周期时，新周期从与上一期不重叠的第一个日子开始。
            </Text>
            <Text className='pp-line pp-line--muted'>
              权重为 0–100 的整数，按比例折算，不必相加为 100；三项不能都为 0。
            </Text>
            {WEIGHTS.map(([k, label]) => box(`w.${k}`, label, 3))}
            {errors[GROUP_KEY.weights] ? <Notice tone='error'>{errors[GROUP_KEY.weights]}</Notice> : null}
          </Card>
          <Card title='居民满意度的六项权重' id='rule-dimensions'>
            <Text className='pp-line pp-line--muted'>
              六项评价在居民满意度中的比重：0–100 的整数，按比例折算；可以为 0（不计该项），但不能都为 0。
            </Text>
            {DIMENSION_WEIGHTS.map(([k, label]) =>
              box(`d.${k}`, label, 3, shares ? `占满意度 ${shares[k]}%` : undefined),
            )}
            {errors[GROUP_KEY.dimensionWeights] ? (
              <Notice tone='error'>{errors[GROUP_KEY.dimensionWeights]}</Notice>
            ) : null}
          </Card>
          <Card title='红黑榜线与整改'>{NUMBERS.map(([k, label]) => box(k, label, 5))}</Card>
          <Card title='红色物业' id='rule-red-property'>
            <Text className='pp-line pp-line--muted'>
              只计街道核实过的党组织情况：加分加在综合得分上（最高 100 分）；都为 0 且不作要求时不影响榜单。
            </Text>
            {RED_BONUSES.map(([k, label]) => box(`rp.${k}`, label, 5))}
            <Field
              kind='picker'
              label='上红榜须经核实建有党支部'
              options={[
                { label: '不要求', value: 'no' },
                { label: '要求（含与社区的联合党支部）', value: 'yes' },
              ]}
              value={requireBranch}
              onChange={setRequireBranch}
            />
          </Card>
          {summary || save.error ? (
            <Notice tone='error'>{summary ? `请先改正：${summary}` : save.error?.message}</Notice>
          ) : null}
          <Button id='save-rule' loading={save.sending} onClick={submit}>
            保存为新版本
          </Button>
        </View>
      )}
    </QueryState>
  )
}
