import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import Empty from '../../../../components/Empty'
import Field from '../../../../components/Field'
import Button from '../../../../components/Button'
import Notice from '../../../../components/Notice'
import Photos from '../../../../components/Photos'
import QueryState from '../../../../components/QueryState'
import { useCloud } from '../../../../hooks/useCloud'
import { useMe } from '../../../../hooks/useMe'
import { call } from '../../../../services/cloud'
import { toCloudError } from '../../../../services/errors'
import { toast } from '../../../../services/nav'
import { grantsOf } from '../../../../services/roles'
import {
  CASE_SOURCE_LABEL,
  REPORT_KIND_LABEL,
  REPORT_REASON_LABEL,
  type ModerationCaseView,
} from '../../../../../types/moderation'
import '../../admin.scss'

/** One held item: the content as it was held, why and how many, and the decision with a reason. */
function CaseCard({ c, onDone }: { c: ModerationCaseView; onDone: () => void }) {
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string>()
  const [sending, setSending] = useState(false)
  const decide = async (decision: 'restore' | 'remove') => {
    if (!reason.trim()) {
      setError('请写明处理理由，作者会收到通知')
      return
    }
    setSending(true)
    try {
      await call(c.fn, 'moderation.review', { caseId: c.id, decision, reason: reason.trim() })
      toast(decision === 'restore' ? '已恢复显示' : '已移除')
      onDone()
    } catch (e) {
      setError(toCloudError(e).message)
    } finally {
      setSending(false)
    }
  }
  return (
    <Card title={`${REPORT_KIND_LABEL[c.kind]}${c.photo ? '中的一张照片' : ''}`} id={`case-${c.id}`}>
      <Text className='admin-line admin-line--muted'>
        {c.source === 'check'
          ? CASE_SOURCE_LABEL.check
          : `${CASE_SOURCE_LABEL.reports} ${c.reports} 户：${c.reasons.map((r) => `${REPORT_REASON_LABEL[r.reason]} ${r.count}`).join('，')}`}
      </Text>
      {c.title ? <Text className='admin-audit__who'>{c.title}</Text> : null}
      <Text className='admin-line'>{c.text || '（无文字）'}</Text>
      <Photos ids={c.photo ? [c.photo] : c.photos} />
      <Field
        id={`case-reason-${c.id}`}
        label='处理理由（会告知作者）'
        value={reason}
        onChange={setReason}
        maxLength={200}
        error={error}
      />
      <View className='admin-audit__row'>
        <Button size='small' id={`case-restore-${c.id}`} loading={sending} onClick={() => void decide('restore')}>
          恢复显示
        </Button>
        <Button
          size='small'
          variant='secondary'
          id={`case-remove-${c.id}`}
          loading={sending}
          onClick={() => void decide('remove')}
        >
          移除
        </Button>
      </View>
    </Card>
  )
}

function Queue({ scope }: { scope: { communityId: string } | { streetId: string } }) {
  const q = useCloud(
    'org',
    'moderation.queue',
    { ...scope, status: 'held', page: 1, pageSize: 20 },
    { reloadOnShow: true },
  )
  return (
    <QueryState {...q}>
      {(list) =>
        list.items.length === 0 ? (
          <Empty text='没有待审核的内容' />
        ) : (
          <View>
            <Notice tone='info'>被三户以上居民举报、或平台建议人工复核的内容，在处理前只有作者能看到。</Notice>
            {list.items.map((c) => (
              <CaseCard key={c.id} c={c} onDone={q.reload} />
            ))}
          </View>
        )
      }
    </QueryState>
  )
}

/** 内容审核: the secretary's queue (the community's items) or the street admin's (property rating comments). */
export default function ModerationPage() {
  const me = useMe()
  const secretary = grantsOf(me.data?.roles, 'secretary')[0]
  const admin = grantsOf(me.data?.roles, 'street_admin')[0]
  return (
    <PageShell title='内容审核'>
      <QueryState {...me}>
        {() =>
          secretary ? (
            <Queue scope={{ communityId: secretary.scopeId }} />
          ) : admin ? (
            <Queue scope={{ streetId: admin.scopeId }} />
          ) : (
            <Empty text='只有社区书记和街道管理员可以审核' />
          )
        }
      </QueryState>
    </PageShell>
  )
}
