import { View, Text } from '@tarojs/components'
import Card from '../../../../components/Card'
import Empty from '../../../../components/Empty'
import QueryState from '../../../../components/QueryState'
import { useCloud } from '../../../../hooks/useCloud'
import { formatDate } from '../../../../services/time'
import { DIMENSIONS, DIMENSION_LABEL, PERIOD_STATUS_LABEL } from '../../../../../types/property'

/**
 * The company's period at a glance (property `rating.summary`): average stars per dimension, rating
 * households per estate, comments still to answer and what is overdue. Sums and counts only — no rater.
 */
export default function Summary({ companyId }: { companyId: string }) {
  const q = useCloud('property', 'rating.summary', { companyId }, { reloadOnShow: true })
  return (
    <QueryState {...q} loadingText='正在汇总本期评价…'>
      {(s) => (
        <Card
          title={s.period ? `本期概览 · ${s.period.label}` : '本期概览'}
          extra={
            s.period ? (
              <Text className='pp-line pp-line--muted'>{PERIOD_STATUS_LABEL[s.period.status]}</Text>
            ) : undefined
          }
          id='staff-summary'
        >
          {!s.period ? (
            <Empty text='还没有评价周期' />
          ) : (
            <View>
              <Text
                className='pp-line'
                id='summary-households'
              >{`${s.households} 户评价${s.held ? `（另有 ${s.held} 条待街道复核）` : ''}`}</Text>
              {s.households > 0 ? (
                <View className='pp-bars'>
                  {DIMENSIONS.map((d) => (
                    <View key={d} className='pp-bar' id={`avg-${d}`}>
                      <Text className='pp-bar__label'>{DIMENSION_LABEL[d]}</Text>
                      <View className='pp-bar__track'>
                        <View className='pp-bar__fill' style={{ width: `${((s.averages[d] ?? 0) / 5) * 100}%` }} />
                      </View>
                      <Text className='pp-bar__value'>{`${s.averages[d]} 星`}</Text>
                    </View>
                  ))}
                </View>
              ) : (
                <Text className='pp-line pp-line--muted'>本期还没有计入的评价</Text>
              )}
              {s.estates.length ? (
                <Text
                  className='pp-line'
                  id='summary-estates'
                >{`各小区评价户数：${s.estates.map((e) => `${e.estateName} ${e.households} 户`).join('，')}`}</Text>
              ) : null}
              <Text
                className='pp-line'
                id='summary-comments'
              >{`留言 ${s.comments.total} 条，${s.comments.unanswered ? `还有 ${s.comments.unanswered} 条未答复` : '都已答复'}`}</Text>
            </View>
          )}
          <View className='pp-gap'>
            <Text className={`pp-line${s.overdue.count ? ' pp-line--alert' : ''}`} id='summary-overdue'>
              {s.overdue.count ? `逾期整改 ${s.overdue.count} 件（计入榜单）` : '没有逾期的整改事项'}
            </Text>
            {s.overdue.items.map((r) => (
              <Text
                key={r.id}
                className='pp-line pp-line--muted'
              >{`· ${r.estateName}：${r.comment.slice(0, 24)}${r.comment.length > 24 ? '…' : ''}（${r.status === 'open' ? `答复期限 ${formatDate(r.answerDueAt)}` : `整改期限 ${formatDate(r.dueAt)}`}）`}</Text>
            ))}
          </View>
          <Text className='pp-line pp-line--muted'>以上为合计和户数，不显示评价人。</Text>
        </Card>
      )}
    </QueryState>
  )
}
