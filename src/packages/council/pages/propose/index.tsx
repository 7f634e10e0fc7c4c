import { useMemo, useState } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { councilActions } from '../../../../../types/council'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import Field from '../../../../components/Field'
import Button from '../../../../components/Button'
import Notice from '../../../../components/Notice'
import PhotoPicker from '../../../../components/PhotoPicker'
import QueryState from '../../../../components/QueryState'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { issuesByField } from '../../../../services/errors'
import { COUNCIL } from '../../lib'
import { useParam, toast } from '../../../../services/nav'
import { newRequestId } from '../../../../services/requestId'
import '../../council.scss'

/** A resident or member proposes a topic: title, what and why, which estate, photos of the place. */
export default function ProposePage() {
  const communityId = useParam('communityId')
  const estates = useCloud('org', 'estate.list', communityId ? { communityId } : null)
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const [estateId, setEstateId] = useState<string>()
  const [photos, setPhotos] = useState<string[]>([])
  const [errors, setErrors] = useState<Record<string, string>>({})
  const requestId = useMemo(newRequestId, [])
  const propose = useMutation('council', 'topic.propose')

  const submit = async () => {
    const input = { requestId, communityId, title, body, photos, ...(estateId ? { estateId } : {}) }
    const parsed = councilActions['topic.propose'].input.safeParse(input)
    if (!parsed.success)
      return setErrors(
        issuesByField(parsed.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message }))),
      )
    setErrors({})
    const t = await propose.run(input)
    if (!t) return
    toast('议题已提交')
    void Taro.redirectTo({ url: COUNCIL.topic(t.id) })
  }

  return (
    <PageShell title='提出议题' intro='说清楚是什么问题、在哪里、希望怎么解决。社区书记会尽快受理并公开处理结果。'>
      <QueryState {...estates}>
        {(list) => (
          <Card>
            <Field
              id='topic-title'
              label='议题标题'
              value={title}
              onChange={setTitle}
              placeholder='例如：规划小区停车位'
              maxLength={40}
              error={errors.title}
            />
            <Field
              id='topic-body'
              kind='textarea'
              label='具体内容'
              value={body}
              onChange={setBody}
              placeholder='问题是什么、影响了谁、您的建议'
              maxLength={1000}
              error={errors.body}
            />
            <Field
              id='topic-estate'
              kind='picker'
              label='涉及小区'
              optional
              options={list.items.map((e) => ({ label: e.name, value: e.id }))}
              value={estateId}
              onChange={setEstateId}
              error={errors.estateId}
            />
            <PhotoPicker fn='council' value={photos} onChange={setPhotos} max={9} label='现场照片' />
            {propose.error ? <Notice tone='error'>{propose.error.message}</Notice> : null}
            <View className='cc-actions'>
              <Button id='submit-topic' block loading={propose.sending} onClick={() => void submit()}>
                提交议题
              </Button>
            </View>
          </Card>
        )}
      </QueryState>
    </PageShell>
  )
}
