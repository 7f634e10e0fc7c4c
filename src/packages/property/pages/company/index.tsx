import { View, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import Empty from '../../../../components/Empty'
import Tag from '../../../../components/Tag'
import QueryState from '../../../../components/QueryState'
import { useCloud } from '../../../../hooks/useCloud'
import { PLACEMENT_LABEL } from '../../../../../types/property'
import EntryCard, { PLACEMENT_TONE } from '../../components/EntryCard'
import HistoryChart from '../../components/HistoryChart'
import '../../property.scss'

/** A company: where it stands now and why, its score over the published periods, the estates it serves. */
export default function CompanyPage() {
  const { params } = useRouter()
  const id = params.id ? decodeURIComponent(params.id) : ''
  const q = useCloud('property', 'company.get', id ? { companyId: id } : null)
  return (
    <PageShell title='物业公司'>
      {!id ? <Empty text='没有指定物业公司' /> : null}
      <QueryState {...q}>
        {(c) => (
          <View id='company-page'>
            <Text className='pp-section'>{c.company.name}</Text>
            <Text className='pp-line pp-line--muted'>服务小区：{c.estates.map((e) => e.name).join('、') || '暂无'}</Text>
            {c.current ? <EntryCard entry={c.current} /> : <Empty text='尚未上过榜单' />}
            <Card title='历次榜单'>
              {c.history.length ? (
                <View>
                  <HistoryChart points={c.history} />
                  {[...c.history].reverse().map((p) => (
                    <View key={p.periodId} className='pp-gap'>
                      <View className='pp-entry__row'>
                        <Text className='pp-line'>{p.periodLabel} · {p.score} 分{p.rank ? ` · 第 ${p.rank} 名` : ''}</Text>
                        <Tag tone={PLACEMENT_TONE[p.placement]}>{PLACEMENT_LABEL[p.placement]}</Tag>
                      </View>
                      <Text className='pp-line pp-line--reason'>{p.reasons[0]}</Text>
                    </View>
                  ))}
                </View>
              ) : (
                <Empty text='暂无历史榜单' />
              )}
            </Card>
          </View>
        )}
      </QueryState>
    </PageShell>
  )
}
