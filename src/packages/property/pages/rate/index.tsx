import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import Button from '../../../../components/Button'
import Field from '../../../../components/Field'
import Empty from '../../../../components/Empty'
import HeldNotice from '../../../../components/HeldNotice'
import Notice from '../../../../components/Notice'
import PhotoPicker from '../../../../components/PhotoPicker'
import Photos from '../../../../components/Photos'
import Tag from '../../../../components/Tag'
import QueryState from '../../../../components/QueryState'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { useMe } from '../../../../hooks/useMe'
import { go, toast } from '../../../../services/nav'
import { grantsOf } from '../../../../services/roles'
import { newRequestId } from '../../../../services/requestId'
import { formatTime } from '../../../../services/format'
import { DIMENSIONS, DIMENSION_LABEL, type Stars } from '../../../../../types/property'
import StarRating from '../../../../components/Stars'
import { PROP } from '../../routes'
import '../../property.scss'
import { useNoticeConsent } from '../../../../hooks/useNoticeConsent'

const EMPTY: Stars = { cleaning: 0, order: 0, repairs: 0, greening: 0, attitude: 0, fees: 0 }

/** A verified resident rates the company serving the household, once per period (editable until the close). */
export default function RatePage() {
  const me = useMe()
  const households = grantsOf(me.data?.roles, 'resident')
  const [householdId, setHouseholdId] = useState<string>()
  const hid = householdId ?? households[0]?.scopeId
  const ctx = useCloud('property', 'rating.context', hid ? { householdId: hid } : null)
  const submit = useMutation('property', 'rating.submit')
  const askConsent = useNoticeConsent(['ratingAnswered']) // asked before the send: WeChat needs the tap
  const [stars, setStars] = useState<Stars>(EMPTY)
  const [comment, setComment] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const [requestId] = useState(newRequestId)
  const [error, setError] = useState('')

  useEffect(() => {
    const r = ctx.data?.rating
    setStars(r ? r.stars : EMPTY)
    setComment(r?.comment ?? '')
    setPhotos(r?.photos ?? [])
  }, [ctx.data])

  const send = async () => {
    if (!ctx.data?.period || !hid) return
    if (DIMENSIONS.some((d) => !stars[d])) return setError('请为六项都选择星级')
    setError('')
    if (comment.trim()) await askConsent() // only a comment gets an answer
    const res = await submit.run({
      requestId: `${requestId}-${ctx.data.rating ? ctx.data.rating.edits + 1 : 0}`,
      periodId: ctx.data.period.id,
      householdId: hid,
      stars,
      comment: comment.trim() || undefined,
      photos,
    })
    if (res) {
      toast(res.status === 'held' ? '已提交，待街道复核' : '评价已提交')
      ctx.reload()
    }
  }

  return (
    <PageShell title='给物业打分' intro='每户每期评价一次，本期结束前可以修改。物业看不到您是谁。'>
      <QueryState {...me}>
        {() =>
          households.length === 0 ? (
            <Empty text='您还没有认证房屋' hint='认证房屋后才能为物业打分' />
          ) : (
            <View>
              {households.length > 1 ? (
                <Field
                  kind='picker'
                  label='房屋'
                  options={households.map((g) => ({ label: g.scopeName, value: g.scopeId }))}
                  value={hid}
                  onChange={setHouseholdId}
                />
              ) : null}
              <QueryState {...ctx}>
                {(c) =>
                  !c.company ? (
                    <Empty text='您所在小区暂无物业公司' />
                  ) : !c.period ? (
                    <Empty text='当前没有进行中的评价' hint='街道开启新一期评价后即可打分' />
                  ) : (
                    <View>
                      <Card title={c.company.name} extra={<Tag tone='green'>{c.period.label}</Tag>}>
                        <Text className='pp-line pp-line--muted'>{c.estateName}</Text>
                        {c.rating ? (
                          <Text className='pp-line pp-line--muted' id='rated-note'>
                            本户已于 {formatTime(c.rating.updatedAt)} 评价
                            {c.rating.status === 'held'
                              ? '（新认证住户集中评价，待街道复核后计入）'
                              : c.rating.status === 'rejected'
                                ? '（经复核不计入）'
                                : ''}
                          </Text>
                        ) : null}
                        {c.rating?.answer ? (
                          <View className='pp-answer' id='company-answer'>
                            <Text>
                              物业答复（{c.rating.answeredByName}）：{c.rating.answer}
                            </Text>
                          </View>
                        ) : null}
                      </Card>
                      {c.rating ? (
                        <HeldNotice
                          state={c.rating.moderation}
                          heldPhotos={c.rating.heldPhotos?.length}
                          id='rating-held'
                        />
                      ) : null}
                      {c.rating && !c.rating.ratedByMe && !c.rating.raterLeft ? (
                        <Notice tone='info' title='本户已由家人评价'>
                          <Text>每户每期只能评价一次。以下是本户的评价。</Text>
                        </Notice>
                      ) : c.rating?.raterLeft ? (
                        <Notice tone='info' title='本户已评价'>
                          <Text>评价的家人已不在本户，这条评价仍算本户的。本期结束前，您可以修改。</Text>
                        </Notice>
                      ) : null}
                      <Card>
                        {DIMENSIONS.map((d) => (
                          <StarRating
                            key={d}
                            id={`stars-${d}`}
                            idPrefix={`star-${d}`}
                            label={DIMENSION_LABEL[d]}
                            value={stars[d]}
                            onChange={
                              c.rating && !c.rating.ratedByMe && !c.rating.raterLeft
                                ? undefined
                                : (n) => setStars({ ...stars, [d]: n })
                            }
                          />
                        ))}
                        <Field
                          id='rate-comment'
                          kind='textarea'
                          label='意见和建议'
                          optional
                          value={comment}
                          onChange={setComment}
                          maxLength={300}
                          placeholder='任何一项 2 星及以下并写明问题，会生成整改事项'
                          error={submit.error?.code === 'INVALID_INPUT' ? submit.error.message : undefined}
                        />
                        {c.rating && !c.rating.ratedByMe && !c.rating.raterLeft ? (
                          <Photos ids={photos} />
                        ) : (
                          <PhotoPicker fn='property' value={photos} onChange={setPhotos} max={6} label='问题照片' />
                        )}
                        {error ? <Notice tone='error'>{error}</Notice> : null}
                        {submit.error && submit.error.code !== 'INVALID_INPUT' ? (
                          <Notice tone='error'>{submit.error.message}</Notice>
                        ) : null}
                      </Card>
                      {c.rating && !c.rating.ratedByMe && !c.rating.raterLeft ? null : (
                        <Button id='submit-rating' loading={submit.sending} onClick={send}>
                          {c.rating ? '修改评价' : '提交评价'}
                        </Button>
                      )}
                      <View className='pp-actions'>
                        <Button size='small' variant='secondary' onClick={() => go(PROP.mine)}>
                          我的整改事项
                        </Button>
                        <Button size='small' variant='plain' onClick={() => go(PROP.list)}>
                          看红黑榜
                        </Button>
                      </View>
                    </View>
                  )
                }
              </QueryState>
            </View>
          )
        }
      </QueryState>
    </PageShell>
  )
}
