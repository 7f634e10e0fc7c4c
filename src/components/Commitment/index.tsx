import { View, Text } from '@tarojs/components'
import type { CommitmentView } from '../../../types/joint'
import { COMMITMENT_STATE_LABEL, commitmentState } from '../../../types/joint'
import Tag, { type TagTone } from '../Tag'
import { formatTime } from '../../services/time'
import { idAttr } from '../idAttr'
import './index.scss'

const TONE: Record<ReturnType<typeof commitmentState>, TagTone> = { open: 'blue', overdue: 'red', done: 'green' }

export interface CommitmentProps {
  c: CommitmentView
  /** Show every progress report (the owner's and the convener's pages); otherwise only the latest. */
  full?: boolean
  /** Name the meeting (lists across meetings); a meeting's own page leaves it out. */
  showMeeting?: boolean
  id?: string
}

/**
 * One 联席会议 commitment (issue 15 §2): the problem, who took it on and what they promised by when,
 * its state (办理中 / 已逾期 / 已办结) and the progress reported. Shown on the meeting, 我的承诺, the
 * unit's 双反馈 letter and the company page.
 */
export default function Commitment({ c, full, showMeeting, id }: CommitmentProps) {
  const state = commitmentState(c)
  const progress = full ? c.progress : c.progress.slice(-1)
  return (
    <View className='tx-commit' {...idAttr(id)}>
      <View className='tx-commit__head'>
        <Text className='tx-commit__problem'>{c.problem}</Text>
        <Tag tone={TONE[state]}>{COMMITMENT_STATE_LABEL[state]}</Tag>
      </View>
      {showMeeting ? <Text className='tx-commit__line tx-commit__line--muted'>{c.meetingTitle}</Text> : null}
      <Text className='tx-commit__line'>
        {c.affiliation.name}（{c.memberName}）承诺：{c.commitment}
      </Text>
      <Text className={`tx-commit__line${state === 'overdue' ? ' tx-commit__line--alert' : ' tx-commit__line--muted'}`}>
        期限 {c.deadline}
        {c.doneAt ? ` · ${formatTime(c.doneAt)} 办结` : state === 'overdue' ? ' · 已过期限，尚未办结' : ''}
      </Text>
      {progress.length ? (
        <View className='tx-commit__progress'>
          {progress.map((p, i) => (
            <Text key={`${p.at}-${i}`} className='tx-commit__line tx-commit__line--muted'>
              {full ? '' : '最新进展：'}
              {formatTime(p.at)} {p.byName}：{p.text}
              {p.done ? '（办结）' : ''}
            </Text>
          ))}
        </View>
      ) : (
        <Text className='tx-commit__line tx-commit__line--muted'>还没有报告进展</Text>
      )}
    </View>
  )
}
