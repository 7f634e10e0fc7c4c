import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import Button from '../../../../components/Button'
import Field from '../../../../components/Field'
import Empty from '../../../../components/Empty'
import Photos from '../../../../components/Photos'
import Notice from '../../../../components/Notice'
import Tag from '../../../../components/Tag'
import ReportLink from '../../../../components/ReportLink'
import { MODERATION_LABEL } from '../../../../../types/moderation'
import QueryState from '../../../../components/QueryState'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { useMe } from '../../../../hooks/useMe'
import { toast } from '../../../../services/nav'
import { grantsOf } from '../../../../services/roles'
import { formatTime } from '../../../../services/format'
import { formatDate } from '../../../../services/time'
import Segmented from '../../../../components/Segmented'
import Pager from '../../../../components/Pager'
import RectCard from '../../components/RectCard'
import Objections from './Objections'
import Summary from './Summary'
import RedPropertyForm from './RedPropertyForm'
import '../../property.scss'
import RatingStars from '../../components/RatingStars'

type Tab = 'inbox' | 'rect' | 'objection' | 'assess' | 'red'

const INBOX_PAGE = 20

/** Every rating of the company, newest first under its day, with or without a comment; the summary above it. */
function Inbox({ companyId }: { companyId: string }) {
  const [onlyComments, setOnlyComments] = useState(false)
  const [page, setPage] = useState(1)
  const q = useCloud('property', 'rating.inbox', { companyId, onlyComments, page, pageSize: INBOX_PAGE })
  const answer = useMutation('property', 'rating.answer')
  const [drafts, setDrafts] = useState<Record<string, string>>({})
  // Each answer changes the summary's count of unanswered comments: it is read again.
  const [answered, setAnswered] = useState(0)
  const send = async (ratingId: string) => {
    const r = await answer.run({ ratingId, text: drafts[ratingId] ?? '' })
    if (r) {
      setDrafts({ ...drafts, [ratingId]: '' })
      toast('已答复')
      setAnswered(answered + 1)
      q.reload()
    }
  }
  return (
    <View>
      <Summary key={answered} companyId={companyId} />
      <Segmented<'all' | 'comments'>
        items={[
          { key: 'all', label: '全部评价' },
          { key: 'comments', label: '有留言的' },
        ]}
        value={onlyComments ? 'comments' : 'all'}
        onChange={(k) => {
          setOnlyComments(k === 'comments')
          setPage(1)
        }}
      />
      <QueryState {...q}>
        {(list) =>
          list.items.length === 0 ? (
            <Empty text={onlyComments ? '暂无带意见的评价' : '暂无评价'} />
          ) : (
            <View>
              <Text className='pp-line pp-line--muted'>
                居民评价不显示评价人身份。共 {list.total} 条{onlyComments ? '带意见的' : ''}评价，按日期从新到旧。
              </Text>
              {answer.error ? <Notice tone='error'>{answer.error.message}</Notice> : null}
              {list.items.map((r, i) => (
                <View key={r.id}>
                  {i === 0 || formatDate(list.items[i - 1].updatedAt) !== formatDate(r.updatedAt) ? (
                    <Text className='pp-day'>{formatDate(r.updatedAt)}</Text>
                  ) : null}
                  <Card
                    title={r.estateName}
                    extra={
                      r.moderation ? (
                        <Tag tone='gray'>{MODERATION_LABEL[r.moderation]}</Tag>
                      ) : r.status === 'excluded' ? (
                        <Tag tone='gray'>已剔除</Tag>
                      ) : r.status === 'held' ? (
                        <Tag tone='gold'>待复核</Tag>
                      ) : r.low ? (
                        <Tag tone='red'>低分</Tag>
                      ) : (
                        <Tag tone='green'>评价</Tag>
                      )
                    }
                    id={`rating-${r.id}`}
                  >
                    <RatingStars stars={r.stars} />
                    {r.comment ? (
                      <Text className='pp-line'>{r.comment}</Text>
                    ) : (
                      <Text className='pp-line pp-line--muted'>（只打分，没有留言）</Text>
                    )}
                    {r.exclusionReason ? (
                      <Text className='pp-line pp-line--reason'>异议成立，不计入榜单：{r.exclusionReason}</Text>
                    ) : null}
                    <Photos ids={r.photos} />
                    {r.moderation ? null : (
                      <ReportLink kind='rating_comment' id={r.id} photos={r.photos} idPrefix={`report-${r.id}`} />
                    )}
                    {r.answer ? (
                      <View className='pp-answer'>
                        <Text>
                          已答复（{r.answeredByName}，{formatTime(r.answeredAt)}）：{r.answer}
                        </Text>
                      </View>
                    ) : null}
                    {r.comment ? (
                      <View>
                        <Field
                          id={`answer-${r.id}`}
                          kind='textarea'
                          label={r.answer ? '再次答复（替代上一条，旧答复保留）' : '答复居民'}
                          value={drafts[r.id] ?? ''}
                          onChange={(v) => setDrafts({ ...drafts, [r.id]: v })}
                          maxLength={300}
                        />
                        <Button
                          id={`send-answer-${r.id}`}
                          size='small'
                          loading={answer.sending}
                          onClick={() => send(r.id)}
                        >
                          发送答复
                        </Button>
                      </View>
                    ) : null}
                  </Card>
                </View>
              ))}
              <Pager page={page} pageSize={INBOX_PAGE} total={list.total} onChange={setPage} />
            </View>
          )
        }
      </QueryState>
    </View>
  )
}

function Rectifications({ companyId }: { companyId: string }) {
  const q = useCloud('property', 'rectification.list', { companyId, pageSize: 30 })
  const report = useMutation('property', 'rectification.report')
  const [drafts, setDrafts] = useState<Record<string, string>>({})
  const send = async (id: string, done: boolean) => {
    const r = await report.run({ rectificationId: id, text: drafts[id] ?? '', done })
    if (r) {
      setDrafts({ ...drafts, [id]: '' })
      toast(done ? '已报告整改完成' : '已记录进展')
      q.reload()
    }
  }
  return (
    <QueryState {...q}>
      {(page) =>
        page.items.length === 0 ? (
          <Empty text='暂无整改事项' />
        ) : (
          <View>
            {report.error ? <Notice tone='error'>{report.error.message}</Notice> : null}
            {page.items.map((r) => (
              <RectCard key={r.id} r={r}>
                {r.status !== 'resolved' ? (
                  <View>
                    <Field
                      id={`report-${r.id}`}
                      kind='textarea'
                      label='整改说明'
                      value={drafts[r.id] ?? ''}
                      onChange={(v) => setDrafts({ ...drafts, [r.id]: v })}
                      maxLength={300}
                    />
                    <View className='pp-actions'>
                      <Button
                        id={`done-${r.id}`}
                        size='small'
                        loading={report.sending}
                        onClick={() => send(r.id, true)}
                      >
                        已整改，请居民确认
                      </Button>
                      <Button size='small' variant='secondary' onClick={() => send(r.id, false)}>
                        记录进展
                      </Button>
                    </View>
                  </View>
                ) : null}
              </RectCard>
            ))}
          </View>
        )
      }
    </QueryState>
  )
}

function AssessCommunity({ companyId, streetId }: { companyId: string; streetId: string }) {
  const periods = useCloud('property', 'period.list', { streetId, pageSize: 5 })
  const period = periods.data?.items.find((p) => p.status !== 'published')
  const q = useCloud('property', 'assessment.list', period ? { periodId: period.id, companyId } : null)
  const submit = useMutation('property', 'assessment.submit')
  const [scores, setScores] = useState<Record<string, string>>({})
  const send = async (communityId: string) => {
    if (!period) return
    const r = await submit.run({
      periodId: period.id,
      communityId,
      companyId,
      direction: 'of_community',
      score: Number(scores[communityId] ?? ''),
    })
    if (r) {
      toast('评价已保存')
      q.reload()
    }
  }
  return (
    <QueryState {...periods}>
      {() =>
        !period ? (
          <Empty text='当前没有可评价的周期' />
        ) : (
          <QueryState {...q}>
            {(d) => (
              <View>
                {submit.error ? <Notice tone='error'>{submit.error.message}</Notice> : null}
                {d.pairs.length === 0 ? (
                  <Empty text='本期没有需要评价的社区' hint='本公司服务小区所在的社区会列在这里' />
                ) : null}
                {d.pairs.map((p) => {
                  const mine = d.items.find((a) => a.communityId === p.communityId && a.direction === 'of_community')
                  const theirs = d.items.find((a) => a.communityId === p.communityId && a.direction === 'of_company')
                  return (
                    <Card key={p.communityId} title={p.communityName}>
                      <Text className='pp-line pp-line--muted'>
                        社区对本公司：{theirs ? `${theirs.score} 分` : '尚未评价'}　本公司对社区：
                        {mine ? `${mine.score} 分` : '尚未评价'}
                      </Text>
                      <Field
                        kind='text'
                        label='社区支持评分（0–100）'
                        value={scores[p.communityId] ?? ''}
                        onChange={(v) => setScores({ ...scores, [p.communityId]: v })}
                        maxLength={3}
                      />
                      <Button size='small' loading={submit.sending} onClick={() => send(p.communityId)}>
                        保存评分
                      </Button>
                    </Card>
                  )
                })}
              </View>
            )}
          </QueryState>
        )
      }
    </QueryState>
  )
}

/** Property staff: the anonymous inbox and answers, rectification, objections, assessing the community and 红色物业. */
export default function StaffPage() {
  const me = useMe()
  const grants = grantsOf(me.data?.roles, 'property_staff')
  const [picked, setPicked] = useState<string>()
  const grant = grants.find((g) => g.scopeId === picked) ?? grants[0]
  const [tab, setTab] = useState<Tab>('inbox')
  return (
    <PageShell title='物业工作台'>
      <QueryState {...me}>
        {() =>
          !grant ? (
            <Empty text='您不是物业人员' hint='物业人员由街道或社区发放邀请码加入' />
          ) : (
            <View>
              {grants.length > 1 ? (
                <Field
                  kind='picker'
                  label='公司'
                  options={grants.map((g) => ({ label: g.scopeName, value: g.scopeId }))}
                  value={grant.scopeId}
                  onChange={setPicked}
                />
              ) : (
                <Text className='pp-section'>{grant.scopeName}</Text>
              )}
              <Segmented<Tab>
                items={[
                  { key: 'inbox', label: '评价' },
                  { key: 'rect', label: '整改' },
                  { key: 'objection', label: '异议' },
                  { key: 'assess', label: '评社区' },
                  { key: 'red', label: '红色物业' },
                ]}
                value={tab}
                onChange={setTab}
              />
              {tab === 'inbox' ? <Inbox key={grant.scopeId} companyId={grant.scopeId} /> : null}
              {tab === 'rect' ? <Rectifications key={grant.scopeId} companyId={grant.scopeId} /> : null}
              {tab === 'objection' ? (
                <Objections key={grant.scopeId} companyId={grant.scopeId} streetId={grant.streetId ?? ''} />
              ) : null}
              {tab === 'red' ? <RedPropertyForm key={grant.scopeId} companyId={grant.scopeId} /> : null}
              {tab === 'assess' ? (
                <AssessCommunity key={grant.scopeId} companyId={grant.scopeId} streetId={grant.streetId ?? ''} />
              ) : null}
            </View>
          )
        }
      </QueryState>
    </PageShell>
  )
}
