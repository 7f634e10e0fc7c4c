import { useEffect, useRef, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { RESOLUTION_STATUS_LABEL, RESPONSIBLE_LABEL } from '../../../../../types/council'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import Field from '../../../../components/Field'
import Button from '../../../../components/Button'
import Notice from '../../../../components/Notice'
import Tag from '../../../../components/Tag'
import QueryState from '../../../../components/QueryState'
import HeldNotice from '../../../../components/HeldNotice'
import ReportLink from '../../../../components/ReportLink'
import { MODERATION_LABEL } from '../../../../../types/moderation'
import { useMe } from '../../../../hooks/useMe'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import Chips from '../../../../components/Chips'
import Pager from '../../../../components/Pager'
import Stars from '../../../../components/Stars'
import PhotoPicker from '../../../../components/PhotoPicker'
import Photos from '../../../../components/Photos'
import { COUNCIL, isResidentOf } from '../../lib'
import { go, useParam, toast } from '../../../../services/nav'
import { formatDate, formatTime } from '../../../../services/time'
import '../../council.scss'

const PAGE = 20

/** Every progress entry, oldest first, a page at a time (nothing is cut). */
function Timeline({ resolutionId, count }: { resolutionId: string; count: number }) {
  const [page, setPage] = useState(1)
  const q = useCloud('council', 'resolution.timeline', { resolutionId, page, pageSize: PAGE }, { reloadOnShow: true })
  // A new entry (the count moved after 保存进度) shows without leaving the page.
  const seen = useRef(count)
  useEffect(() => {
    if (seen.current !== count) q.reload()
    seen.current = count
  }, [count])
  return (
    <Card title='落实进度' extra={count ? <Text className='cc-line--muted'>{`共 ${count} 条`}</Text> : undefined}>
      <QueryState {...q}>
        {(list) =>
          list.items.length === 0 ? (
            <Text className='cc-line--muted'>尚无进展记录</Text>
          ) : (
            <View>
              <View className='cc-timeline'>
                {list.items.map((p) => (
                  <View key={p.seq} className='cc-timeline__item'>
                    <Text className='cc-line'>{p.note}</Text>
                    <Photos ids={p.photos} />
                    <Text className='cc-line--muted'>{`${formatTime(p.at)} · ${p.byParty ? `${p.byParty} ` : ''}${p.byName} · ${RESOLUTION_STATUS_LABEL[p.status]}`}</Text>
                  </View>
                ))}
              </View>
              <Pager page={page} pageSize={PAGE} total={list.total} onChange={setPage} />
            </View>
          )
        }
      </QueryState>
    </Card>
  )
}

/**
 * 事后反馈 as the community reads it: each comment with its stars and day, never whose it is. A comment
 * of the caller's household is marked while held; others can be reported.
 */
function Comments({ resolutionId, version }: { resolutionId: string; version: string }) {
  const [page, setPage] = useState(1)
  const q = useCloud('council', 'resolution.comments', { resolutionId, page, pageSize: PAGE }, { reloadOnShow: true })
  const seen = useRef(version)
  useEffect(() => {
    if (seen.current !== version) q.reload()
    seen.current = version
  }, [version])
  return (
    <Card title='居民意见' extra={<Text className='cc-line--muted'>不显示评价住户</Text>}>
      <QueryState {...q}>
        {(list) =>
          list.items.length === 0 ? (
            <Text className='cc-line--muted'>还没有文字意见</Text>
          ) : (
            <View>
              {list.items.map((c, i) => (
                <View key={c.id} className='cc-timeline__item' id={`comment-${i}`}>
                  <Text className='cc-line'>{c.comment}</Text>
                  <View className='cc-row'>
                    <Text className='cc-line--muted'>{`${c.stars} 星 · ${c.day}${c.mine ? ' · 本户' : ''}`}</Text>
                    {c.moderation ? <Tag tone='gray'>{MODERATION_LABEL[c.moderation]}</Tag> : null}
                    {!c.mine && !c.moderation ? (
                      <ReportLink kind='resolution_comment' id={c.id} idPrefix={`report-comment-${i}`} />
                    ) : null}
                  </View>
                </View>
              ))}
              <Pager page={page} pageSize={PAGE} total={list.total} onChange={setPage} />
            </View>
          )
        }
      </QueryState>
    </Card>
  )
}

/** A resolution: decision, who is responsible by when, progress until done, residents' ratings. */
export default function ResolutionPage() {
  const id = useParam('id')
  const q = useCloud('council', 'resolution.get', { resolutionId: id }, { reloadOnShow: true })
  const me = useMe()
  const progress = useMutation('council', 'resolution.progress')
  const rate = useMutation('council', 'resolution.rate')
  const [note, setNote] = useState('')
  const [status, setStatus] = useState<'in_progress' | 'done'>('in_progress')
  const [photos, setPhotos] = useState<string[]>([])
  const [stars, setStars] = useState(0)
  const [comment, setComment] = useState('')
  useEffect(() => {
    if (q.data?.myRating?.stars) setStars(q.data.myRating.stars)
  }, [q.data])
  return (
    <PageShell title='决议落实'>
      <QueryState {...q}>
        {(r) => {
          const resident = !!me.data && isResidentOf(me.data.roles, r.communityId)
          return (
            <View>
              <Card
                title={r.itemTitle}
                extra={
                  <Tag tone={r.status === 'done' ? 'green' : r.overdue ? 'red' : 'gold'}>
                    {r.overdue ? '已逾期' : RESOLUTION_STATUS_LABEL[r.status]}
                  </Tag>
                }
              >
                <Text className='cc-body'>{r.decision}</Text>
                <Text className='cc-line'>{`责任方：${RESPONSIBLE_LABEL[r.responsibleKind]} · ${r.responsibleName}`}</Text>
                <Text className='cc-line'>{`完成日期：${formatDate(r.deadline)} 前`}</Text>
                <Text
                  className='cc-line--muted tx-link'
                  onClick={() => go(COUNCIL.meeting(r.meetingId))}
                >{`来自：${r.meetingTitle} ›`}</Text>
                {r.voteId ? (
                  <Text className='cc-line--muted tx-link' onClick={() => go(COUNCIL.vote(r.voteId!))}>
                    {'查看表决结果 ›'}
                  </Text>
                ) : null}
              </Card>
              <Timeline resolutionId={r.id} count={r.progressCount} />
              {r.canProgress ? (
                <Card title='更新进度'>
                  <Text className='cc-line--muted'>{`由责任方「${r.responsibleName}」或社区书记填写，居民可以看到。`}</Text>
                  <Field
                    id='progress-note'
                    kind='textarea'
                    label='进展'
                    value={note}
                    onChange={setNote}
                    maxLength={300}
                  />
                  <PhotoPicker fn='council' value={photos} onChange={setPhotos} max={6} label='现场照片' />
                  <Chips
                    layout='column'
                    idPrefix='progress'
                    items={[
                      { key: 'in_progress', label: '落实中' },
                      { key: 'done', label: '已办结' },
                    ]}
                    value={status}
                    onChange={(k) => setStatus(k as 'in_progress' | 'done')}
                  />
                  {progress.error ? <Notice tone='error'>{progress.error.message}</Notice> : null}
                  <Button
                    id='save-progress'
                    block
                    loading={progress.sending}
                    onClick={() =>
                      void progress.run({ resolutionId: r.id, note, status, photos }).then((x) => {
                        if (x) {
                          toast('已更新')
                          setNote('')
                          setPhotos([])
                          q.reload()
                        }
                      })
                    }
                  >
                    保存进度
                  </Button>
                </Card>
              ) : null}
              <Card title='居民评价'>
                <HeldNotice state={r.myRating?.moderation} id='my-rating-held' />
                <Text className='cc-line' id='rating-summary'>
                  {r.rating.count ? `平均 ${r.rating.average} 分，${r.rating.count} 户评价` : '暂无评价'}
                </Text>
                {resident && r.status === 'done' && r.myRating?.stars && !r.myRating.byMe && !r.myRating.ownerLeft ? (
                  <View>
                    <Text
                      className='cc-line'
                      id='household-rated'
                    >{`本户已由家人评价：${r.myRating.stars} 星${r.myRating.comment ? `，「${r.myRating.comment}」` : ''}`}</Text>
                    <Text className='cc-line--muted'>每户评价一次，只有评价的家人可以修改。</Text>
                  </View>
                ) : resident && r.status === 'done' ? (
                  <View>
                    <Text className='cc-line--muted'>
                      {r.myRating?.stars && r.myRating.ownerLeft
                        ? `本户已评价 ${r.myRating.stars} 星。评价的家人已不在本户，您可以修改（之前的评价会保留）`
                        : r.myRating?.stars
                          ? '本户已评价，可以修改（之前的评价会保留）'
                          : '办结了，您满意吗？'}
                    </Text>
                    <Stars value={stars} onChange={setStars} />
                    <Field
                      id='rating-comment'
                      kind='textarea'
                      label='意见'
                      optional
                      value={comment}
                      onChange={setComment}
                      maxLength={200}
                    />
                    {rate.error ? <Notice tone='error'>{rate.error.message}</Notice> : null}
                    <Button
                      id='rate'
                      block
                      disabled={!stars}
                      loading={rate.sending}
                      onClick={() =>
                        void rate.run({ resolutionId: r.id, stars, ...(comment ? { comment } : {}) }).then((x) => {
                          if (x) {
                            toast('感谢评价')
                            q.reload()
                          }
                        })
                      }
                    >
                      提交评价
                    </Button>
                  </View>
                ) : resident ? (
                  <Text className='cc-line--muted'>办结后可以评价</Text>
                ) : null}
              </Card>
              {r.status === 'done' ? (
                <Comments resolutionId={r.id} version={`${r.rating.count}:${JSON.stringify(r.myRating)}`} />
              ) : null}
            </View>
          )
        }}
      </QueryState>
    </PageShell>
  )
}
