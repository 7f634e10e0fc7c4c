import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { VOTE_STATUS_LABEL, type MyBallotView, type VoteResultView, type VoteView } from '../../../../../types/council'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import Button from '../../../../components/Button'
import Notice from '../../../../components/Notice'
import Tag from '../../../../components/Tag'
import QueryState from '../../../../components/QueryState'
import { useMe } from '../../../../hooks/useMe'
import { useNoticeConsent } from '../../../../hooks/useNoticeConsent'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { useExport } from '../../../../hooks/useExport'
import FileReady from '../../../../components/FileReady'
import Chips from '../../../../components/Chips'
import Meter from '../../components/Meter'
import { COUNCIL, isResidentOf, isSecretaryOf, pct } from '../../lib'
import { confirm, go, useParam, toast } from '../../../../services/nav'
import { formatTime } from '../../../../services/time'
import '../../council.scss'

const clock = (iso: string) => formatTime(iso).slice(11)

/**
 * Live turnout as the server gives it: a snapshot every 10 minutes, households as a count, area as a
 * rough percent only when that cannot point at anyone (otherwise it is published with the count).
 */
function Turnout({ v }: { v: VoteView }) {
  const t = v.turnout
  const p = v.rule.participation
  const threshold = p ? p.num / p.den : undefined
  const missing = t.gap
    ? [
        t.gap.households > 0 ? `${t.gap.households} 户` : '',
        t.gap.areaPercent ? `约 ${t.gap.areaPercent}% 的面积` : '',
      ].filter(Boolean)
    : []
  return (
    <Card title='参与情况'>
      <Meter
        label='参与户数'
        value={t.households}
        total={t.eligibleHouseholds}
        threshold={threshold}
        valueText={`${t.households} / ${t.eligibleHouseholds} 户（约 ${Math.floor((t.households * 100) / Math.max(1, t.eligibleHouseholds))}%）`}
      />
      {v.rule.byArea ? (
        t.areaPercent !== null ? (
          <Meter
            label='参与面积'
            value={t.areaPercent}
            total={100}
            threshold={threshold}
            valueText={`约 ${t.areaPercent}%`}
          />
        ) : (
          <Text className='cc-line' id='area-hidden'>
            参与面积：计票时公布
          </Text>
        )
      ) : null}
      {!t.gap ? (
        <Text className='cc-line--muted'>本规则不设参与门槛</Text>
      ) : t.participationMet === true ? (
        <Text className='cc-line' id='gap-met'>
          已达到参与门槛
        </Text>
      ) : t.participationMet === null ? (
        <Text className='cc-line' id='gap-households-met'>
          参与户数已达到门槛，面积计票时公布
        </Text>
      ) : (
        <Text className='cc-line' id='gap'>{`距参与门槛还差 ${missing.join('、') || '一点'}`}</Text>
      )}
      <Text
        className='cc-line--muted'
        id='turnout-refresh'
      >{`每 ${t.refreshMinutes} 分钟更新一次（更新于 ${clock(t.asOf)}）`}</Text>
      <Text className='cc-line--muted'>
        为保护投票秘密：不按每一票实时变化；参与住户较少时面积计票时才公布；投票进行中不公布各选项票数。
      </Text>
    </Card>
  )
}

function ExportButton({ voteId }: { voteId: string }) {
  const exp = useExport('council.vote', '表决结果.xlsx')
  return (
    <View>
      <Button
        id='export-vote'
        size='small'
        variant='secondary'
        loading={exp.sending}
        onClick={() => void exp.run({ voteId })}
      >
        导出 Excel
      </Button>
      {exp.file ? <FileReady file={exp.file} onOpen={exp.open} /> : null}
      {exp.error ? <Notice tone='error'>{exp.error.message}</Notice> : null}
    </View>
  )
}

/** How a counted vote settled participation: households exactly, area only as met (and a rough percent when it is safe). */
const participationText = (r: VoteResultView) => {
  const a = r.participation.area
  const area = a ? `，参与面积${a.met ? '已' : '未'}达到门槛${a.percent !== null ? `（约 ${a.percent}%）` : ''}` : ''
  return `参与 ${r.participation.households.count}/${r.participation.households.total} 户${area}`
}

function ResultBody({ r, id }: { r: VoteResultView; id?: string }) {
  return (
    <View>
      <View className={`cc-result cc-result--${r.passed ? 'pass' : 'fail'}`} id={id}>
        <Text className='cc-result__title'>{r.passed ? '表决通过' : '表决未通过'}</Text>
        <Text className='cc-line'>{r.summary}</Text>
      </View>
      {r.options.map((o) => (
        <Meter
          key={o.key}
          label={`${o.label}${o.approvalMet ? ' ✓' : ''}`}
          value={o.households}
          total={r.ballots}
          valueText={`${o.households} 户（${pct(o.households, r.ballots)}）`}
        />
      ))}
      <Text className='cc-line--muted'>{participationText(r)}</Text>
      {r.rule.byArea ? (
        <Text className='cc-line--muted'>✓ 表示户数和面积都达到同意门槛。为保护投票秘密，不公布各选项的面积。</Text>
      ) : null}
    </View>
  )
}

function Result({ v, secretary }: { v: VoteView; secretary: boolean }) {
  const r = v.result!
  return (
    <Card title='表决结果'>
      <ResultBody r={r} id='vote-result' />
      <Text className='cc-line--muted'>{`计票规则：${r.rule.text}`}</Text>
      <Text className='cc-line--muted'>{`计票时间：${formatTime(r.computedAt)}`}</Text>
      {secretary ? <ExportButton voteId={v.id} /> : null}
    </Card>
  )
}

/** A re-vote shows why it was held and the earlier result beside its own. */
function Revote({ v }: { v: VoteView }) {
  const rv = v.revote!
  return (
    <Card title='重新表决' extra={<Tag tone='gold'>前次已有结果</Tag>}>
      <Text className='cc-line' id='revote-reason'>{`重新表决的理由：${rv.reason}`}</Text>
      <Text
        className='cc-line--muted'
        onClick={() => go(COUNCIL.vote(rv.previous.id))}
      >{`前次表决：${rv.previous.title} ›`}</Text>
      <ResultBody r={rv.previous.result} id='previous-result' />
    </Card>
  )
}

/** "Remind me": consent to the closing-soon and result notices of the community's votes. */
function RemindMe({ communityId }: { communityId: string }) {
  const ask = useNoticeConsent(['councilVoteClosing', 'councilVoteResult'])
  const subscribe = useMutation('council', 'notice.subscribe')
  const onTap = async () => {
    const kinds = (await ask()) as ('councilVoteClosing' | 'councilVoteResult')[]
    if (kinds.length === 0) return toast('没有允许通知')
    if (await subscribe.run({ communityId, on: true, kinds })) toast('截止前和出结果时会通知您')
  }
  return (
    <View>
      <Button id='remind-me' variant='plain' size='small' loading={subscribe.sending} onClick={() => void onTap()}>
        截止前提醒我、出结果时通知我
      </Button>
      {subscribe.error ? <Notice tone='error'>{subscribe.error.message}</Notice> : null}
    </View>
  )
}

/** When the turnout snapshot that will include a ballot cast now is taken (the next one). */
const nextSnapshot = (v: VoteView) =>
  clock(new Date(Date.parse(v.turnout.asOf) + v.turnout.refreshMinutes * 60_000).toISOString())

/**
 * The household's ballot. A cast answers with the household's ballot, shown at once with a
 * confirmation; the vote is read again (onCast) so its state is current — its turnout is a snapshot
 * (never per ballot, for secrecy), so the confirmation says when the ballot will be in it.
 */
function Ballot({ v, onCast }: { v: VoteView; onCast: () => void }) {
  const mine = useCloud('council', 'vote.myBallot', { voteId: v.id })
  const cast = useMutation('council', 'vote.cast')
  const [fresh, setFresh] = useState<MyBallotView>()
  const ballot = fresh ?? mine.data
  const [choice, setChoice] = useState<string | null>(null)
  useEffect(() => setChoice(ballot?.choice ?? null), [ballot])
  const label = (key: string | null) => v.options.find((o) => o.key === key)?.label ?? ''
  const send = async (key: string, again: boolean) => {
    const r = await cast.run({ voteId: v.id, optionKey: key })
    if (!r) return
    setFresh(r)
    toast(again ? '已改投' : '已投票')
    onCast()
  }
  return (
    <Card title='本户投票' id='ballot'>
      {fresh?.choice ? (
        <Notice tone='success' title={`本户已投：${label(fresh.choice)}`} id='ballot-done'>
          <Text>{`已记下。参与情况每 ${v.turnout.refreshMinutes} 分钟更新一次，约 ${nextSnapshot(v)} 的更新会计入本户；截止前您可以改投。`}</Text>
        </Notice>
      ) : null}
      <QueryState {...mine} data={ballot}>
        {(b) =>
          !b.eligible ? (
            <Notice tone='info'>您家不在本次表决范围内。</Notice>
          ) : b.choice && !b.byMe && v.status !== 'open' ? (
            <Text className='cc-line' id='household-voted'>{`本户的投票：${label(b.choice)}`}</Text>
          ) : b.choice && !b.byMe && !b.canChange ? (
            <View>
              <Text className='cc-line' id='household-voted'>{`本户已由家人投票：${label(b.choice)}`}</Text>
              <Text className='cc-line--muted'>一户一票。只有投票的家人可以在截止前改票。</Text>
              <RemindMe communityId={v.communityId} />
            </View>
          ) : (
            <View>
              {b.choice && b.ownerLeft ? (
                <Text
                  className='cc-line'
                  id='my-choice'
                >{`本户已投：${label(b.choice)}。投票的家人已不在本户，这一票仍算本户的，您可以在截止前改投。`}</Text>
              ) : b.choice ? (
                <Text
                  className='cc-line'
                  id='my-choice'
                >{`本户已投：${label(b.choice)}${b.canChange ? '（截止前可以改）' : ''}`}</Text>
              ) : (
                <Text className='cc-line'>本户尚未投票，一户一票。</Text>
              )}
              <Chips
                layout='column'
                idPrefix='option'
                items={v.options}
                value={choice ?? undefined}
                onChange={setChoice}
                disabled={!b.canChange}
              />
              {cast.error ? <Notice tone='error'>{cast.error.message}</Notice> : null}
              {b.canChange ? (
                <Button
                  id='cast'
                  block
                  disabled={!choice || choice === b.choice}
                  loading={cast.sending}
                  onClick={() => void send(choice!, !!b.choice)}
                >
                  {b.choice ? '改投' : '投票'}
                </Button>
              ) : null}
              <Text className='cc-line--muted'>只有本户的家人能看到本户的选择，社区也看不到。</Text>
              {v.status === 'open' ? <RemindMe communityId={v.communityId} /> : null}
            </View>
          )
        }
      </QueryState>
    </Card>
  )
}

function SecretaryPanel({ v, onChange }: { v: VoteView; onChange: () => void }) {
  const close = useMutation('council', 'vote.close')
  const remind = useMutation('council', 'vote.remind')
  const err = close.error ?? remind.error
  return (
    <Card title='书记操作'>
      {v.status === 'counting' ? (
        <Button
          id='close-vote'
          block
          loading={close.sending}
          onClick={() =>
            void confirm('计票', '按所选规则从选票计算结果并公布，公布后不能更改。').then(async (ok) => {
              if (ok && (await close.run({ voteId: v.id }))) {
                toast('结果已公布')
                onChange()
              }
            })
          }
        >
          计票并公布结果
        </Button>
      ) : null}
      {v.status === 'open' ? (
        <View>
          <Text className='cc-line--muted'>{`截止时间 ${formatTime(v.closesAt)} 之后才能计票。`}</Text>
          <Button
            id='remind'
            variant='secondary'
            size='small'
            loading={remind.sending}
            onClick={() => void remind.run({ voteId: v.id }).then((r) => r && toast(`已提醒 ${r.sent} 人`))}
          >
            发送截止提醒
          </Button>
        </View>
      ) : null}
      {err ? <Notice tone='error'>{err.message}</Notice> : null}
    </Card>
  )
}

/** A consultation vote: the rule, turnout snapshots with the gap to the threshold, my household's ballot, the result (and the earlier one of a re-vote). */
export default function VotePage() {
  const id = useParam('id')
  const q = useCloud('council', 'vote.get', { voteId: id }, { reloadOnShow: true })
  const me = useMe()
  return (
    <PageShell title='居民表决'>
      <QueryState {...q}>
        {(v) => (
          <View>
            <Card
              title={v.title}
              extra={<Tag tone={v.status === 'open' ? 'red' : 'gray'}>{VOTE_STATUS_LABEL[v.status]}</Tag>}
            >
              {v.description ? <Text className='cc-body'>{v.description}</Text> : null}
              <Text className='cc-line'>{`范围：${v.scope.label}`}</Text>
              <Text className='cc-line'>{`时间：${formatTime(v.opensAt)} 至 ${formatTime(v.closesAt)}`}</Text>
              <Text className='cc-line--muted'>{`规则：${v.rule.text}`}</Text>
            </Card>
            {v.supersededBy ? (
              <Notice tone='info' title='本事项已重新表决'>
                <Text onClick={() => go(COUNCIL.vote(v.supersededBy!))}>{'查看重新表决的理由和结果 ›'}</Text>
              </Notice>
            ) : null}
            {v.result ? (
              <Result v={v} secretary={!!me.data && isSecretaryOf(me.data.roles, v.communityId)} />
            ) : (
              <Turnout v={v} />
            )}
            {v.revote ? <Revote v={v} /> : null}
            {me.data && isResidentOf(me.data.roles, v.communityId) ? <Ballot v={v} onCast={q.reload} /> : null}
            {me.data && isSecretaryOf(me.data.roles, v.communityId) && !v.result ? (
              <SecretaryPanel v={v} onChange={q.reload} />
            ) : null}
            <Button variant='plain' size='small' onClick={q.reload}>
              刷新
            </Button>
          </View>
        )}
      </QueryState>
    </PageShell>
  )
}
