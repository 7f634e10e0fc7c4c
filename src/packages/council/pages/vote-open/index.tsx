import { useEffect, useMemo, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PRESET_LABEL, presetsFor, type OptionKind, type Preset, type Tier } from '../../../../../types/council'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import Field from '../../../../components/Field'
import Button from '../../../../components/Button'
import Notice from '../../../../components/Notice'
import QueryState from '../../../../components/QueryState'
import { useCloud, useMutation, type CloudQuery } from '../../../../hooks/useCloud'
import { useFormErrors } from '../../../../hooks/useFormErrors'
import { call } from '../../../../services/cloud'
import Chips from '../../../../components/Chips'
import DateTimeField from '../../../../components/DateTimeField'
import { beijingAt } from '../../../../services/time'
import { COUNCIL } from '../../lib'
import { go, useParam, toast } from '../../../../services/nav'
import { newRequestId } from '../../../../services/requestId'
import '../../council.scss'

const TEMPLATES: Record<'yesno' | 'plans', { label: string; kind: OptionKind }[]> = {
  yesno: [
    { label: '同意', kind: 'for' },
    { label: '反对', kind: 'against' },
    { label: '弃权', kind: 'abstain' },
  ],
  plans: [
    { label: '方案一', kind: 'choice' },
    { label: '方案二', kind: 'choice' },
    { label: '弃权', kind: 'abstain' },
  ],
}

/** The tiers of an agenda item's topics (at most 5, one topic.get each); undefined while loading. */
function useTopicTiers(topicIds: string[] | undefined): (Tier | undefined)[] | undefined {
  const [tiers, setTiers] = useState<(Tier | undefined)[]>()
  const key = topicIds?.join(',')
  useEffect(() => {
    if (key === undefined) return
    let live = true
    const ids = key ? key.split(',') : []
    Promise.all(
      ids.map((topicId) =>
        call('council', 'topic.get', { topicId })
          .then((t) => t.tier)
          .catch(() => undefined),
      ),
    ).then((xs) => live && setTiers(xs))
    return () => {
      live = false
    }
  }, [key])
  return tiers
}

/** Fields in the order they are shown: the first with an error is scrolled to. */
const VOTE_FIELDS: Record<string, string> = {
  revoteReason: 'revote-reason',
  title: 'vote-title',
  options: 'vote-options',
  estateIds: 'vote-scope',
  buildingIds: 'vote-scope',
  opensAt: 'vote-opens',
  closesAt: 'vote-closes',
  preset: 'vote-preset',
  custom: 'vote-preset',
}

/**
 * Secretary: open a consultation vote — on an agenda item of a published meeting, or directly on an
 * accepted 小事 topic — with options, who votes, when it opens and closes, and by which rule.
 */
export default function VoteOpenPage() {
  const meetingId = useParam('meetingId')
  const itemId = useParam('itemId')
  const topicId = useParam('topicId')
  const meeting = useCloud('council', 'meeting.get', meetingId ? { meetingId } : null)
  const topic = useCloud('council', 'topic.get', topicId ? { topicId } : null)
  const communityId = meeting.data?.communityId ?? topic.data?.communityId
  const estates = useCloud('org', 'estate.list', communityId ? { communityId } : null)
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [template, setTemplate] = useState<'yesno' | 'plans'>('yesno')
  const [labels, setLabels] = useState(TEMPLATES.yesno.map((o) => o.label))
  const [estateIds, setEstateIds] = useState<string[]>([])
  const [buildingEstate, setBuildingEstate] = useState<string>()
  const [buildingIds, setBuildingIds] = useState<string[]>([])
  const [opens, setOpens] = useState('')
  // A week, closing at 20:00 Beijing time (people vote in the evening).
  const [closes, setCloses] = useState(() => beijingAt(7, '20:00'))
  const [picked, setPreset] = useState<Preset>()
  const [participation, setParticipation] = useState('50')
  const [approval, setApproval] = useState('60')
  const [byArea, setByArea] = useState(true)
  const [moreThan, setMoreThan] = useState(false)
  const [reason, setReason] = useState('')
  const requestId = useMemo(newRequestId, [])
  const buildings = useCloud('org', 'building.list', buildingEstate ? { estateId: buildingEstate } : null)
  const open = useMutation('council', 'vote.open')
  const { errors, check, formError } = useFormErrors(VOTE_FIELDS, open.error)
  // Only the presets the tier allows, the right one preselected (the server refuses any other).
  const tiers = useTopicTiers(topicId ? [] : meeting.data?.agenda.find((a) => a.itemId === itemId)?.topicIds)
  const rules = topicId ? presetsFor([topic.data?.tier], true) : presetsFor(tiers ?? [], false)
  const preset = picked && rules.allowed.includes(picked) ? picked : rules.preferred

  useEffect(() => {
    const item = meeting.data?.agenda.find((a) => a.itemId === itemId)
    if (item && !title) setTitle(item.title)
  }, [meeting.data])
  useEffect(() => {
    if (!topic.data || title) return
    setTitle(topic.data.title)
    if (topic.data.estateId) setEstateIds([topic.data.estateId])
  }, [topic.data])

  const toggle = (list: string[], set: (x: string[]) => void) => (id: string) =>
    set(list.includes(id) ? list.filter((x) => x !== id) : [...list, id])

  // One vote at a time; after a counted one, a re-vote needs a reason that is published with both results.
  const item = meeting.data?.agenda.find((a) => a.itemId === itemId)
  const openVoteId = item?.openVoteId ?? topic.data?.openVoteId
  const previousVoteId = item?.lastClosedVoteId ?? topic.data?.lastClosedVoteId
  const needsReason = !!previousVoteId || !!open.error?.issues.some((i) => i.path[0] === 'revoteReason')

  const submit = async () => {
    const opensAt = opens ? new Date(opens) : new Date()
    const closesAt = new Date(closes)
    const custom = {
      participationPercent: Number(participation),
      approvalPercent: Number(approval),
      approvalMoreThan: moreThan,
      byArea,
    }
    const found: Record<string, string> = {}
    if (needsReason && !reason.trim()) found.revoteReason = '请写明重新表决的理由'
    if (!title.trim()) found.title = '请填写表决事项'
    if (estateIds.length + buildingIds.length === 0) found.estateIds = '请选择参与表决的小区或楼栋'
    if (closesAt.getTime() <= Math.max(opensAt.getTime(), Date.now())) found.closesAt = '截止时间须晚于开始时间和现在'
    if (
      preset === 'custom' &&
      !(
        Number.isInteger(custom.participationPercent) &&
        custom.participationPercent >= 0 &&
        custom.participationPercent <= 100
      )
    )
      found.custom = '参与率请填 0 到 100 的整数'
    else if (
      preset === 'custom' &&
      !(Number.isInteger(custom.approvalPercent) && custom.approvalPercent >= 50 && custom.approvalPercent <= 100)
    )
      found.custom = '同意率请填 50 到 100 的整数'
    if (!check(found)) return
    const options = TEMPLATES[template].map((o, i) => ({ label: labels[i] ?? o.label, kind: o.kind }))
    const v = await open.run({
      requestId,
      ...(topicId ? { topicId } : { meetingId, itemId }),
      title,
      ...(description ? { description } : {}),
      options,
      estateIds,
      buildingIds,
      opensAt: opensAt.toISOString(),
      closesAt: closesAt.toISOString(),
      preset,
      ...(preset === 'custom' ? { custom } : {}),
      ...(needsReason ? { revoteReason: reason.trim() } : {}),
    })
    if (!v) return
    toast(v.status === 'scheduled' ? '表决已排定' : '表决已开始')
    void Taro.redirectTo({ url: COUNCIL.vote(v.id) })
  }

  return (
    <PageShell
      title='发起表决'
      intro='一户一票，截止前可以改票。结果在截止后按所选规则从选票计算，任何人都看不到谁投了什么。'
    >
      <QueryState<unknown> {...(topicId ? (topic as CloudQuery<unknown>) : (meeting as CloudQuery<unknown>))}>
        {() => (
          <View>
            {openVoteId ? (
              <Notice tone='warn' title='已有进行中的表决'>
                <Text onClick={() => go(COUNCIL.vote(openVoteId))}>
                  {'这一事项的表决还没有计票，计票后才能再次表决。查看这次表决 ›'}
                </Text>
              </Notice>
            ) : null}
            {needsReason ? (
              <Card title='重新表决'>
                <Text className='cc-line'>
                  这一事项已有表决结果。重新表决须写明理由，理由会和前后两次的结果一同公示。
                </Text>
                {previousVoteId ? (
                  <Text className='cc-line--muted' onClick={() => go(COUNCIL.vote(previousVoteId))}>
                    {'查看上次表决结果 ›'}
                  </Text>
                ) : null}
                <Field
                  id='revote-reason'
                  kind='textarea'
                  label='重新表决的理由'
                  value={reason}
                  onChange={setReason}
                  maxLength={300}
                  error={errors.revoteReason}
                />
              </Card>
            ) : null}
            {topicId ? (
              <Notice
                tone='info'
                title='小事直接表决'
              >{`议题「${topic.data?.title ?? ''}」已受理为小事，由相关住户简单多数议决，不必召开议事会议。`}</Notice>
            ) : null}
            <Card title='表决事项'>
              <Field
                id='vote-title'
                label='事项'
                value={title}
                onChange={setTitle}
                maxLength={60}
                error={errors.title}
              />
              <Field
                id='vote-description'
                kind='textarea'
                label='说明'
                optional
                value={description}
                onChange={setDescription}
                maxLength={1000}
              />
              <Text className='cc-line' id='vote-options'>
                选项
              </Text>
              <Chips
                layout='column'
                idPrefix='template'
                items={[
                  { key: 'yesno', label: '同意 / 反对 / 弃权' },
                  { key: 'plans', label: '方案选择' },
                ]}
                value={template}
                onChange={(k) => {
                  setTemplate(k as 'yesno' | 'plans')
                  setLabels(TEMPLATES[k as 'yesno' | 'plans'].map((o) => o.label))
                }}
              />
              {template === 'plans'
                ? labels.map((l, i) => (
                    <Field
                      key={i}
                      label={`选项 ${i + 1}`}
                      value={l}
                      onChange={(v) => setLabels((xs) => xs.map((x, j) => (j === i ? v : x)))}
                      maxLength={30}
                    />
                  ))
                : null}
              {errors.options ? <Text className='tx-field__error'>{errors.options}</Text> : null}
            </Card>
            <Card title='参与表决的住户' id='vote-scope'>
              <QueryState {...estates}>
                {(list) => (
                  <View>
                    <Text className='cc-line--muted'>整个小区：</Text>
                    <Chips
                      idPrefix='estate'
                      items={list.items.map((x) => ({ key: x.id, label: x.name }))}
                      values={estateIds}
                      onChange={toggle(estateIds, setEstateIds)}
                    />
                    <Field
                      kind='picker'
                      label='或选择楼栋（先选小区）'
                      optional
                      options={list.items.map((e) => ({ label: e.name, value: e.id }))}
                      value={buildingEstate}
                      onChange={setBuildingEstate}
                      id='building-estate'
                    />
                    {buildings.data ? (
                      <Chips
                        idPrefix='building'
                        items={buildings.data.items.map((x) => ({ key: x.id, label: x.name }))}
                        values={buildingIds}
                        onChange={toggle(buildingIds, setBuildingIds)}
                      />
                    ) : null}
                    {errors.estateIds || errors.buildingIds ? (
                      <Text className='tx-field__error'>{errors.estateIds ?? errors.buildingIds}</Text>
                    ) : null}
                  </View>
                )}
              </QueryState>
            </Card>
            <Card title='时间和规则'>
              <DateTimeField
                id='vote-opens'
                label='开始时间'
                optional
                emptyText='立即开始'
                defaultTime='08:00'
                value={opens}
                onChange={setOpens}
                hint='不选即立即开始；也可以预先排定'
                error={errors.opensAt}
              />
              <DateTimeField
                id='vote-closes'
                label='截止时间'
                value={closes}
                onChange={setCloses}
                error={errors.closesAt}
              />
              <View id='vote-preset'>
                <Text className='tx-field__label'>通过规则</Text>
                {rules.allowed.length === 1 ? (
                  <Text
                    className='cc-line'
                    id='preset-only'
                  >{`${PRESET_LABEL[rules.allowed[0]]}${rules.why ? `：${rules.why}` : ''}`}</Text>
                ) : (
                  <View>
                    {rules.why ? <Text className='cc-line--muted'>{rules.why}</Text> : null}
                    <Chips
                      layout='column'
                      idPrefix='preset'
                      items={rules.allowed.map((p) => ({ key: p, label: PRESET_LABEL[p] }))}
                      value={preset}
                      onChange={(k) => setPreset(k as Preset)}
                    />
                  </View>
                )}
                {errors.preset ? <Text className='tx-field__error'>{errors.preset}</Text> : null}
              </View>
              {preset === 'custom' ? (
                <View>
                  <Field
                    id='custom-participation'
                    label='参与率不少于（%）'
                    value={participation}
                    onChange={setParticipation}
                  />
                  <Field id='custom-approval' label='同意率（%，50–100）' value={approval} onChange={setApproval} />
                  <Text className='cc-line--muted'>同意率的比较</Text>
                  <Chips
                    layout='column'
                    idPrefix='custom-compare'
                    items={[
                      { key: 'atLeast', label: '不少于' },
                      { key: 'moreThan', label: '超过' },
                    ]}
                    value={moreThan ? 'moreThan' : 'atLeast'}
                    onChange={(k) => setMoreThan(k === 'moreThan')}
                  />
                  <Text className='cc-line--muted'>计算方式</Text>
                  <Chips
                    layout='column'
                    idPrefix='custom-basis'
                    items={[
                      { key: 'area', label: '户数和面积都要达到' },
                      { key: 'households', label: '只按户数' },
                    ]}
                    value={byArea ? 'area' : 'households'}
                    onChange={(k) => setByArea(k === 'area')}
                  />
                  <Text className='cc-line--muted'>{`通过条件：参与${byArea ? '户数和面积' : '户数'}不少于 ${participation || '?'}%，同意${byArea ? '户数和面积' : '户数'}${moreThan ? '超过' : '不少于'}参与部分的 ${approval || '?'}%。`}</Text>
                  {errors.custom ? <Text className='tx-field__error'>{errors.custom}</Text> : null}
                </View>
              ) : null}
            </Card>
            {formError ? <Notice tone='error'>{formError}</Notice> : null}
            <View className='cc-actions'>
              <Button
                id='submit-vote'
                block
                disabled={!!openVoteId}
                loading={open.sending}
                onClick={() => void submit()}
              >
                {needsReason ? '重新表决' : '开始表决'}
              </Button>
            </View>
          </View>
        )}
      </QueryState>
    </PageShell>
  )
}
