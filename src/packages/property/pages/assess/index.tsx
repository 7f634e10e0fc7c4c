import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import Button from '../../../../components/Button'
import Field from '../../../../components/Field'
import Empty from '../../../../components/Empty'
import Notice from '../../../../components/Notice'
import QueryState from '../../../../components/QueryState'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { useMe } from '../../../../hooks/useMe'
import { toast } from '../../../../services/nav'
import { grantsOf } from '../../../../services/roles'
import '../../property.scss'

/** Secretary: assess each company serving the community this period (0–100), and see the companies' view of the community. */
export default function AssessPage() {
  const me = useMe()
  const grants = grantsOf(me.data?.roles, 'secretary')
  const [picked, setPicked] = useState<string>()
  const grant = grants.find((g) => g.scopeId === picked) ?? grants[0]
  const streetId = grant?.streetId
  const periods = useCloud('property', 'period.list', streetId ? { streetId, pageSize: 5 } : null)
  const period = periods.data?.items.find((p) => p.status !== 'published')
  const q = useCloud(
    'property',
    'assessment.list',
    period && grant ? { periodId: period.id, communityId: grant.scopeId } : null,
  )
  const submit = useMutation('property', 'assessment.submit')
  const [scores, setScores] = useState<Record<string, string>>({})
  const [comments, setComments] = useState<Record<string, string>>({})
  const send = async (companyId: string) => {
    if (!period || !grant) return
    const r = await submit.run({
      periodId: period.id,
      communityId: grant.scopeId,
      companyId,
      direction: 'of_company',
      score: Number(scores[companyId] ?? ''),
      comment: comments[companyId]?.trim() || undefined,
    })
    if (r) {
      toast('评价已保存')
      q.reload()
    }
  }
  return (
    <PageShell title='评价物业' intro='每期为服务本社区的物业打分（0–100），计入红黑榜综合得分'>
      <QueryState {...me}>
        {() =>
          !grant ? (
            <Empty text='您不是社区书记' />
          ) : (
            <View>
              {grants.length > 1 ? (
                <Field
                  kind='picker'
                  label='社区'
                  options={grants.map((g) => ({ label: g.scopeName, value: g.scopeId }))}
                  value={grant.scopeId}
                  onChange={setPicked}
                />
              ) : null}
              <QueryState {...periods}>
                {() =>
                  !period ? (
                    <Empty text='当前没有可评价的周期' hint='街道开启新一期评价后即可评价' />
                  ) : (
                    <QueryState {...q}>
                      {(d) => (
                        <View>
                          <Notice title={`${period.label} · ${grant.scopeName}`} />
                          {submit.error ? <Notice tone='error'>{submit.error.message}</Notice> : null}
                          {d.pairs.length === 0 ? <Empty text='本社区暂无物业服务的小区' /> : null}
                          {d.pairs.map((p) => {
                            const ours = d.items.find(
                              (a) => a.companyId === p.companyId && a.direction === 'of_company',
                            )
                            const theirs = d.items.find(
                              (a) => a.companyId === p.companyId && a.direction === 'of_community',
                            )
                            return (
                              <Card key={p.companyId} title={p.companyName} id={`assess-${p.companyId}`}>
                                <Text className='pp-line pp-line--muted'>
                                  社区评价：{ours ? `${ours.score} 分（${ours.byName}）` : '尚未评价'}　物业对社区：
                                  {theirs ? `${theirs.score} 分` : '尚未评价'}
                                </Text>
                                <Field
                                  id={`score-${p.companyId}`}
                                  kind='text'
                                  label='评分（0–100）'
                                  value={scores[p.companyId] ?? ''}
                                  onChange={(v) => setScores({ ...scores, [p.companyId]: v })}
                                  maxLength={3}
                                />
                                <Field
                                  kind='textarea'
                                  label='评价说明'
                                  optional
                                  value={comments[p.companyId] ?? ''}
                                  onChange={(v) => setComments({ ...comments, [p.companyId]: v })}
                                  maxLength={300}
                                />
                                <Button
                                  id={`save-${p.companyId}`}
                                  size='small'
                                  loading={submit.sending}
                                  onClick={() => send(p.companyId)}
                                >
                                  保存评价
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
            </View>
          )
        }
      </QueryState>
    </PageShell>
  )
}
