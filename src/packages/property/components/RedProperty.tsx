import { View, Text } from '@tarojs/components'
import Card from '../../../components/Card'
import Tag from '../../../components/Tag'
import {
  COMMITTEE_BODY_LABEL,
  PARTY_ORG_LABEL,
  type PartyOrgKind,
  type RedPropertyView,
} from '../../../../types/property'
import { formatTime } from '../../../services/format'

/**
 * A short tag for a list entry or a table row: the organisation, and 未核实 beside a claim the street has
 * not checked; 未登记 for a company that has declared nothing (`kind` absent).
 */
export function PartyOrgTag({ kind, verified }: { kind?: PartyOrgKind; verified: boolean }) {
  if (!kind)
    return (
      <View className='pp-actions'>
        <Tag tone='gray'>红色物业：未登记</Tag>
      </View>
    )
  return (
    <View className='pp-actions'>
      <Tag tone={kind === 'none' ? 'gray' : 'red'}>红色物业：{PARTY_ORG_LABEL[kind]}</Tag>
      {verified ? <Tag tone='green'>街道已核实</Tag> : <Tag tone='gold'>未核实</Tag>}
    </View>
  )
}

/** A company's 红色物业: its Party organisation, members, the street's instructor and the committee members who are Party members. */
export default function RedPropertyCard({ record }: { record: RedPropertyView | null }) {
  return (
    <Card title='红色物业' id='red-property'>
      {!record ? (
        <Text className='pp-line pp-line--muted'>这家公司尚未登记党组织情况</Text>
      ) : (
        <View>
          <PartyOrgTag kind={record.kind} verified={record.verified} />
          {record.branchName ? <Text className='pp-line'>党组织：{record.branchName}</Text> : null}
          <Text className='pp-line'>
            员工中的党员 {record.staffMembers} 人，其中驻小区 {record.onSiteMembers} 人
          </Text>
          <Text className='pp-line'>党建指导员：{record.instructorName ?? '街道尚未派驻'}</Text>
          {record.committeeMembers.length ? (
            <Text className='pp-line'>
              物管会、业委会中的党员：
              {record.committeeMembers
                .map((m) => `${m.name}（${m.estateName ? `${m.estateName}` : ''}${COMMITTEE_BODY_LABEL[m.body]}）`)
                .join('、')}
            </Text>
          ) : null}
          <Text className='pp-line pp-line--muted'>
            第 {record.version} 版，{formatTime(record.declaredAt)} 由{record.declaredByName}登记
            {record.verified
              ? `；${formatTime(record.verifiedAt)} 由${record.verifiedByName}核实`
              : '；街道尚未核实，榜单评分不计'}
          </Text>
        </View>
      )}
    </Card>
  )
}
