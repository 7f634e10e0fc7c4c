import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Card from '../../../../components/Card'
import Button from '../../../../components/Button'
import Notice from '../../../../components/Notice'
import HouseholdPicker, { type HouseholdChoice } from '../../../../components/HouseholdPicker'
import { useMutation } from '../../../../hooks/useCloud'
import { newRequestId } from '../../../../services/requestId'
import { formatTime } from '../../../../services/format'
import { toast } from '../../../../services/nav'
import CodeDisplay from '../../components/CodeDisplay'

export interface IssueCodeProps {
  communityId: string
}

/** A one-time 户码 for one household, shown once, to hand to the resident in person. */
export default function IssueCode({ communityId }: IssueCodeProps) {
  const [requestId, setRequestId] = useState(newRequestId)
  const [household, setHousehold] = useState<HouseholdChoice>()
  const [error, setError] = useState<string>()
  const [issued, setIssued] = useState<{ code: string; expiresAt: string; address: string }>()
  const issue = useMutation('org', 'householdCode.issue')

  if (issued) {
    return (
      <Card title='户码已生成' id='code-result'>
        <Text className='admin-line'>房屋：{issued.address}</Text>
        <CodeDisplay code={issued.code} />
        <Text className='admin-line'>有效期至 {formatTime(issued.expiresAt)}</Text>
        <Notice tone='warn' title='只能使用一次，只显示这一次'>
          <Text>请当面交给住户，不要发到群里。</Text>
        </Notice>
        <Button
          variant='secondary'
          id='code-another'
          onClick={() => {
            setIssued(undefined)
            setHousehold(undefined)
            setRequestId(newRequestId())
          }}
        >
          再为一户生成
        </Button>
      </Card>
    )
  }

  const send = async () => {
    if (!household) {
      setError('请选择房号')
      return
    }
    setError(undefined)
    const out = await issue.run({ requestId, householdId: household.householdId, ttlDays: 30 })
    if (out) {
      toast('户码已生成')
      setIssued({ code: out.code, expiresAt: out.expiresAt, address: household.address })
    }
  }

  return (
    <View>
      <Card title='选择房屋'>
        <HouseholdPicker
          communityId={communityId}
          value={household?.householdId}
          onChange={setHousehold}
          error={error}
          idPrefix='code'
        />
        {household ? <Text className='admin-picked'>已选：{household.address}</Text> : null}
      </Card>
      {issue.error ? (
        <Notice tone='error' title='没有生成成功'>
          <Text>{issue.error.message}</Text>
        </Notice>
      ) : null}
      <Button id='code-issue' loading={issue.sending} onClick={() => void send()}>
        生成户码（30 天有效）
      </Button>
    </View>
  )
}
