import { useEffect, useMemo, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PRESETS, PRESET_LABEL, type OptionKind, type Preset } from '../../../../../types/council'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import Field from '../../../../components/Field'
import Button from '../../../../components/Button'
import Notice from '../../../../components/Notice'
import QueryState from '../../../../components/QueryState'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import Choices from '../../components/Choices'
import { COUNCIL, cnTime, newRequestId, param, parseCnTime, toast } from '../../lib'
import '../../council.scss'

const TEMPLATES: Record<'yesno' | 'plans', { label: string; kind: OptionKind }[]> = {
  yesno: [{ label: '同意', kind: 'for' }, { label: '反对', kind: 'against' }, { label: '弃权', kind: 'abstain' }],
  plans: [{ label: '方案一', kind: 'choice' }, { label: '方案二', kind: 'choice' }, { label: '弃权', kind: 'abstain' }],
}

function Toggles({ items, picked, onToggle, idPrefix }: { items: { id: string; name: string }[]; picked: string[]; onToggle: (id: string) => void; idPrefix: string }) {
  return (
    <View className='cc-row'>
      {items.map((x) => (
        <Button key={x.id} id={`${idPrefix}-${x.id}`} size='small' variant={picked.includes(x.id) ? 'primary' : 'plain'} onClick={() => onToggle(x.id)}>
          {picked.includes(x.id) ? `✓ ${x.name}` : x.name}
        </Button>
      ))}
    </View>
  )
}

/** Secretary: open a consultation vote on an agenda item — options, who votes, when, and by which rule. */
export default function VoteOpenPage() {
  const meetingId = param('meetingId')
  const itemId = param('itemId')
  const meeting = useCloud('council', 'meeting.get', { meetingId })
  const estates = useCloud('org', 'estate.list', meeting.data ? { communityId: meeting.data.communityId } : null)
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [template, setTemplate] = useState<'yesno' | 'plans'>('yesno')
  const [labels, setLabels] = useState(TEMPLATES.yesno.map((o) => o.label))
  const [estateIds, setEstateIds] = useState<string[]>([])
  const [buildingEstate, setBuildingEstate] = useState<string>()
  const [buildingIds, setBuildingIds] = useState<string[]>([])
  const [closes, setCloses] = useState(() => `${cnTime(new Date(Date.now() + 7 * 86_400_000)).slice(0, 10)} 20:00`)
  const [preset, setPreset] = useState<Preset>('civil_code_ordinary')
  const [participation, setParticipation] = useState('50')
  const [approval, setApproval] = useState('60')
  const [formError, setFormError] = useState('')
  const requestId = useMemo(newRequestId, [])
  const buildings = useCloud('org', 'building.list', buildingEstate ? { estateId: buildingEstate } : null)
  const open = useMutation('council', 'vote.open')

  useEffect(() => {
    const item = meeting.data?.agenda.find((a) => a.itemId === itemId)
    if (item && !title) setTitle(item.title)
  }, [meeting.data])

  const toggle = (list: string[], set: (x: string[]) => void) => (id: string) => set(list.includes(id) ? list.filter((x) => x !== id) : [...list, id])

  const submit = async () => {
    const closesAt = parseCnTime(closes)
    if (!closesAt) return setFormError('截止时间请按 2026-12-01 20:00 的格式填写')
    setFormError('')
    const options = TEMPLATES[template].map((o, i) => ({ label: labels[i] ?? o.label, kind: o.kind }))
    const v = await open.run({
      requestId, meetingId, itemId, title, ...(description ? { description } : {}), options, estateIds, buildingIds,
      opensAt: new Date().toISOString(), closesAt: closesAt.toISOString(), preset,
      ...(preset === 'custom' ? { custom: { participationPercent: Number(participation), approvalPercent: Number(approval), approvalMoreThan: false, byArea: true } } : {}),
    })
    if (!v) return
    toast('表决已开始')
    void Taro.redirectTo({ url: COUNCIL.vote(v.id) })
  }

  return (
    <PageShell title='发起表决' intro='一户一票，截止前可以改票。结果在截止后按所选规则从选票计算，任何人都看不到谁投了什么。'>
      <QueryState {...meeting}>
        {() => (
          <View>
            <Card title='表决事项'>
              <Field id='vote-title' label='事项' value={title} onChange={setTitle} maxLength={60} />
              <Field id='vote-description' kind='textarea' label='说明' optional value={description} onChange={setDescription} maxLength={1000} />
              <Text className='cc-line'>选项</Text>
              <Choices idPrefix='template' options={[{ key: 'yesno', label: '同意 / 反对 / 弃权' }, { key: 'plans', label: '方案选择' }]} value={template} onChange={(k) => { setTemplate(k as 'yesno' | 'plans'); setLabels(TEMPLATES[k as 'yesno' | 'plans'].map((o) => o.label)) }} />
              {template === 'plans' ? labels.map((l, i) => <Field key={i} label={`选项 ${i + 1}`} value={l} onChange={(v) => setLabels((xs) => xs.map((x, j) => (j === i ? v : x)))} maxLength={30} />) : null}
            </Card>
            <Card title='参与表决的住户'>
              <QueryState {...estates}>
                {(list) => (
                  <View>
                    <Text className='cc-line--muted'>整个小区：</Text>
                    <Toggles idPrefix='estate' items={list.items} picked={estateIds} onToggle={toggle(estateIds, setEstateIds)} />
                    <Field kind='picker' label='或选择楼栋（先选小区）' optional options={list.items.map((e) => ({ label: e.name, value: e.id }))} value={buildingEstate} onChange={setBuildingEstate} id='building-estate' />
                    {buildings.data ? <Toggles idPrefix='building' items={buildings.data.items} picked={buildingIds} onToggle={toggle(buildingIds, setBuildingIds)} /> : null}
                  </View>
                )}
              </QueryState>
            </Card>
            <Card title='时间和规则'>
              <Field id='vote-closes' label='截止时间（立即开始）' value={closes} onChange={setCloses} hint='格式：2026-12-01 20:00（北京时间）' />
              <Choices idPrefix='preset' options={PRESETS.map((p) => ({ key: p, label: PRESET_LABEL[p] }))} value={preset} onChange={(k) => setPreset(k as Preset)} />
              {preset === 'custom' ? (
                <View>
                  <Field label='参与率不少于（%）' value={participation} onChange={setParticipation} />
                  <Field label='同意率不少于（%，50–100）' value={approval} onChange={setApproval} />
                </View>
              ) : null}
            </Card>
            {formError ? <Notice tone='error'>{formError}</Notice> : null}
            {open.error ? <Notice tone='error'>{open.error.message}</Notice> : null}
            <View className='cc-actions'>
              <Button id='submit-vote' block loading={open.sending} onClick={() => void submit()}>开始表决</Button>
            </View>
          </View>
        )}
      </QueryState>
    </PageShell>
  )
}
