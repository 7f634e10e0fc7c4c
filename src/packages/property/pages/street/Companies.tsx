import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Card from '../../../../components/Card'
import Button from '../../../../components/Button'
import Field from '../../../../components/Field'
import Loading from '../../../../components/Loading'
import Notice from '../../../../components/Notice'
import QueryState from '../../../../components/QueryState'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { usePagedList } from '../../../../hooks/usePagedList'
import { toast } from '../../../../services/nav'
import { newRequestId } from '../../../../services/requestId'

/** The street's companies: register one, and choose which company serves an estate. */
export default function Companies({ streetId }: { streetId: string }) {
  // Both pickers page (显示更多) when the street has more than one page of either.
  const companies = usePagedList('property', 'company.list', { streetId })
  const communities = usePagedList('org', 'community.list', { streetId })
  const [communityId, setCommunityId] = useState<string>()
  const cid = communityId ?? communities.items[0]?.id
  const estates = useCloud('org', 'estate.list', cid ? { communityId: cid } : null)
  const create = useMutation('property', 'company.create')
  const assign = useMutation('property', 'company.assignEstate')
  const [name, setName] = useState('')
  const [picked, setPicked] = useState<Record<string, string>>({})
  const options = companies.items.map((c) => ({ label: c.name, value: c.id }))
  return (
    <View>
      <Card title='登记物业公司'>
        <Field
          id='company-name'
          kind='text'
          label='公司名称'
          value={name}
          onChange={setName}
          maxLength={60}
          error={create.error?.message}
        />
        <Button
          size='small'
          loading={create.sending}
          onClick={async () => {
            if (await create.run({ requestId: newRequestId(), streetId, name })) {
              setName('')
              toast('已登记')
              companies.reload()
            }
          }}
        >
          登记
        </Button>
      </Card>
      {communities.first ? (
        <Loading text='正在加载社区…' />
      ) : (
        <Card title='小区的服务物业'>
          <Field
            kind='picker'
            label='社区'
            options={communities.items.map((c) => ({ label: c.name, value: c.id }))}
            more={communities.sheet}
            value={cid}
            onChange={setCommunityId}
            error={communities.error?.message}
          />
          {assign.error ? <Notice tone='error'>{assign.error.message}</Notice> : null}
          <QueryState {...estates}>
            {(list) => (
              <View>
                {list.items.map((e) => (
                  <View key={e.id} className='pp-gap'>
                    <Text className='pp-line'>
                      {e.name}：{e.companyName ?? '暂无物业'}
                    </Text>
                    <Field
                      kind='picker'
                      label='改由'
                      options={options}
                      more={companies.sheet}
                      error={companies.error?.message}
                      value={picked[e.id] ?? e.companyId}
                      onChange={(v) => setPicked({ ...picked, [e.id]: v })}
                    />
                    <Button
                      size='small'
                      variant='secondary'
                      loading={assign.sending}
                      onClick={async () => {
                        const to = picked[e.id]
                        if (to && (await assign.run({ estateId: e.id, companyId: to }))) {
                          toast('已调整')
                          estates.reload()
                        }
                      }}
                    >
                      确认调整
                    </Button>
                  </View>
                ))}
              </View>
            )}
          </QueryState>
        </Card>
      )}
    </View>
  )
}
