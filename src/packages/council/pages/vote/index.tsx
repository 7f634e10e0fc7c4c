import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { VOTE_STATUS_LABEL, type VoteView } from '../../../../../types/council'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import Button from '../../../../components/Button'
import Notice from '../../../../components/Notice'
import Tag from '../../../../components/Tag'
import QueryState from '../../../../components/QueryState'
import { useMe } from '../../../../hooks/useMe'
import { useNoticeConsent } from '../../../../hooks/useNoticeConsent'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import Choices from '../../components/Choices'
import Meter from '../../components/Meter'
import { cnTime, confirm, isResidentOf, isSecretaryOf, m2, param, pct, toast } from '../../lib'
import '../../council.scss'

function Turnout({ v }: { v: VoteView }) {
  const t = v.turnout
  const p = v.rule.participation
  const threshold = p ? p.num / p.den : undefined
  return (
    <Card title='实时参与情况'>
      <Meter label='参与户数' value={t.households} total={t.eligibleHouseholds} threshold={threshold} valueText={`${t.households} / ${t.eligibleHouseholds} 户（${pct(t.households, t.eligibleHouseholds)}）`} />
      {v.rule.byArea ? (
        <Meter label='参与面积' value={t.areaDm2} total={t.eligibleAreaDm2} threshold={threshold} valueText={`${m2(t.areaDm2)} / ${m2(t.eligibleAreaDm2)}（${pct(t.areaDm2, t.eligibleAreaDm2)}）`} />
      ) : null}
      {t.gap ? (
        t.participationMet ? (
          <Text className='cc-line' id='gap-met'>已达到参与门槛</Text>
        ) : (
          <Text className='cc-line' id='gap'>{`距参与门槛还差 ${t.gap.households} 户${t.gap.areaDm2 !== null ? `、${m2(t.gap.areaDm2)}` : ''}`}</Text>
        )
      ) : (
        <Text className='cc-line--muted'>本规则不设参与门槛</Text>
      )}
      <Text className='cc-line--muted'>投票进行中不公布各选项票数，截止后统一计票。</Text>
    </Card>
  )
}

function ExportButton({ voteId }: { voteId: string }) {
  const exp = useMutation('council', 'vote.export')
  const run = async () => {
    const f = await exp.run({ voteId })
    if (!f) return
    if (process.env.TARO_ENV === 'h5') {
      window.open(f.url, '_blank')
      return
    }
    const { tempFilePath } = await Taro.downloadFile({ url: f.url })
    await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true })
  }
  return (
    <View>
      <Button id='export-vote' size='small' variant='secondary' loading={exp.sending} onClick={() => void run()}>导出 Excel</Button>
      {exp.error ? <Notice tone='error'>{exp.error.message}</Notice> : null}
    </View>
  )
}

function Result({ v, secretary }: { v: VoteView; secretary: boolean }) {
  const r = v.result!
  return (
    <Card title='表决结果'>
      <View className={`cc-result cc-result--${r.passed ? 'pass' : 'fail'}`} id='vote-result'>
        <Text className='cc-result__title'>{r.passed ? '表决通过' : '表决未通过'}</Text>
        <Text className='cc-line'>{r.summary}</Text>
      </View>
      {r.options.map((o) => (
        <Meter
          key={o.key}
          label={`${o.label}${o.approvalMet ? ' ✓' : ''}`}
          value={o.households}
          total={r.ballots}
          valueText={`${o.households} 户（${pct(o.households, r.ballots)}）${r.rule.byArea ? ` · ${m2(o.areaDm2 ?? 0)}` : ''}`}
        />
      ))}
      <Text className='cc-line--muted'>{`参与 ${r.participation.households.count}/${r.participation.households.total} 户${r.participation.area ? `，面积 ${m2(r.participation.area.count)}/${m2(r.participation.area.total)}` : ''}`}</Text>
      <Text className='cc-line--muted'>{`计票规则：${r.rule.text}`}</Text>
      <Text className='cc-line--muted'>{`计票时间：${cnTime(r.computedAt)}`}</Text>
      {secretary ? <ExportButton voteId={v.id} /> : null}
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
      <Button id='remind-me' variant='plain' size='small' loading={subscribe.sending} onClick={() => void onTap()}>截止前提醒我、出结果时通知我</Button>
      {subscribe.error ? <Notice tone='error'>{subscribe.error.message}</Notice> : null}
    </View>
  )
}

function Ballot({ v }: { v: VoteView }) {
  const mine = useCloud('council', 'vote.myBallot', { voteId: v.id })
  const cast = useMutation('council', 'vote.cast')
  const [choice, setChoice] = useState<string | null>(null)
  useEffect(() => setChoice(mine.data?.choice ?? null), [mine.data])
  return (
    <Card title='本户投票'>
      <QueryState {...mine}>
        {(b) =>
          !b.eligible ? (
            <Notice tone='info'>您家不在本次表决范围内。</Notice>
          ) : (
            <View>
              {b.choice ? <Text className='cc-line' id='my-choice'>{`本户已投：${v.options.find((o) => o.key === b.choice)?.label ?? ''}${b.canChange ? '（截止前可以改）' : ''}`}</Text> : <Text className='cc-line'>本户尚未投票，一户一票。</Text>}
              <Choices idPrefix='option' options={v.options} value={choice} onChange={setChoice} disabled={!b.canChange} />
              {cast.error ? <Notice tone='error'>{cast.error.message}</Notice> : null}
              {b.canChange ? (
                <Button
                  id='cast'
                  block
                  disabled={!choice || choice === b.choice}
                  loading={cast.sending}
                  onClick={() => void cast.run({ voteId: v.id, optionKey: choice! }).then((r) => { if (r) { toast('已投票'); mine.reload() } })}
                >
                  {b.choice ? '改投' : '投票'}
                </Button>
              ) : null}
              <Text className='cc-line--muted'>只有本户能看到本户的选择，社区也看不到。</Text>
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
        <Button id='close-vote' block loading={close.sending} onClick={() => void confirm('计票', '按所选规则从选票计算结果并公布，公布后不能更改。').then(async (ok) => { if (ok && (await close.run({ voteId: v.id }))) { toast('结果已公布'); onChange() } })}>计票并公布结果</Button>
      ) : null}
      {v.status === 'open' ? (
        <View>
          <Text className='cc-line--muted'>{`截止时间 ${cnTime(v.closesAt)} 之后才能计票。`}</Text>
          <Button id='remind' variant='secondary' size='small' loading={remind.sending} onClick={() => void remind.run({ voteId: v.id }).then((r) => r && toast(`已提醒 ${r.sent} 人`))}>发送截止提醒</Button>
        </View>
      ) : null}
      {err ? <Notice tone='error'>{err.message}</Notice> : null}
    </Card>
  )
}

/** A consultation vote: the rule, live turnout with the gap to the threshold, my household's ballot, the result. */
export default function VotePage() {
  const id = param('id')
  const q = useCloud('council', 'vote.get', { voteId: id }, { reloadOnShow: true })
  const me = useMe()
  return (
    <PageShell title='居民表决'>
      <QueryState {...q}>
        {(v) => (
          <View>
            <Card title={v.title} extra={<Tag tone={v.status === 'open' ? 'red' : 'gray'}>{VOTE_STATUS_LABEL[v.status]}</Tag>}>
              {v.description ? <Text className='cc-body'>{v.description}</Text> : null}
              <Text className='cc-line'>{`范围：${v.scope.label}`}</Text>
              <Text className='cc-line'>{`时间：${cnTime(v.opensAt)} 至 ${cnTime(v.closesAt)}`}</Text>
              <Text className='cc-line--muted'>{`规则：${v.rule.text}`}</Text>
            </Card>
            {v.result ? <Result v={v} secretary={!!me.data && isSecretaryOf(me.data.roles, v.communityId)} /> : <Turnout v={v} />}
            {me.data && isResidentOf(me.data.roles, v.communityId) ? <Ballot v={v} /> : null}
            {me.data && isSecretaryOf(me.data.roles, v.communityId) && !v.result ? <SecretaryPanel v={v} onChange={q.reload} /> : null}
            <Button variant='plain' size='small' onClick={q.reload}>刷新</Button>
          </View>
        )}
      </QueryState>
    </PageShell>
  )
}
