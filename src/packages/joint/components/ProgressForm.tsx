import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { CommitmentView } from '../../../../types/joint'
import Field from '../../../components/Field'
import Button from '../../../components/Button'
import Chips from '../../../components/Chips'
import Notice from '../../../components/Notice'
import { useMutation } from '../../../hooks/useCloud'
import { toast } from '../../../services/nav'

/** Progress on a commitment, or its completion (done closes it: no reports after). */
export default function ProgressForm({
  c,
  onDone,
  onCancel,
}: {
  c: CommitmentView
  onDone: () => void
  onCancel?: () => void
}) {
  const [text, setText] = useState('')
  const [done, setDone] = useState(false)
  const [missing, setMissing] = useState(false)
  const post = useMutation('org', 'commitment.progress')
  const key = c.id.replace(/[^\w-]/g, '-')
  const submit = async () => {
    if (!text.trim()) return setMissing(true)
    const r = await post.run({ commitmentId: c.id, text: text.trim(), done })
    if (r) {
      toast(done ? '已办结' : '已报告进展')
      setText('')
      onDone()
    }
  }
  return (
    <View className='jt-form' id={`progress-form-${key}`}>
      <Chips
        idPrefix={`progress-kind-${key}`}
        items={[
          { key: 'progress', label: '报告进展' },
          { key: 'done', label: '已经办结' },
        ]}
        value={done ? 'done' : 'progress'}
        onChange={(k) => setDone(k === 'done')}
      />
      <Field
        kind='textarea'
        label={done ? '办结情况' : '进展'}
        id={`progress-text-${key}`}
        value={text}
        onChange={(v) => {
          setText(v)
          setMissing(false)
        }}
        maxLength={300}
        placeholder={done ? '如：楼道已清理，告示已张贴' : '如：已联系住户，本周末集中清理'}
        error={missing ? (done ? '请写明办结情况' : '请写明进展') : undefined}
      />
      {done ? <Text className='jt-line jt-line--muted'>办结后不能再报告进展，居民和社区都能看到办结情况。</Text> : null}
      {post.error ? (
        <Notice tone='error' title='没有提交成功'>
          <Text>{post.error.message}</Text>
        </Notice>
      ) : null}
      <View className='jt-row'>
        {onCancel ? (
          <Button variant='plain' size='small' onClick={onCancel}>
            取消
          </Button>
        ) : null}
        <Button size='small' id={`progress-submit-${key}`} loading={post.sending} onClick={() => void submit()}>
          {done ? '确认办结' : '提交进展'}
        </Button>
      </View>
    </View>
  )
}
