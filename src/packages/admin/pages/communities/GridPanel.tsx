import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { orgActions } from '../../../../../types/org'
import Field from '../../../../components/Field'
import Button from '../../../../components/Button'
import Tag from '../../../../components/Tag'
import QueryState from '../../../../components/QueryState'
import { useMutation, type CloudQuery } from '../../../../hooks/useCloud'
import type { CallOutput } from '../../../../services/cloud'
import { newRequestId } from '../../../../services/requestId'
import PlaceActions from './PlaceActions'
import { validate } from '../../../../services/validate'
import { toast } from '../../../../services/nav'

export type GridsQuery = CloudQuery<CallOutput<'org', 'grid.list'>>

/** The grids of one community (loaded by the parent) and a one-line form to add a grid. */
export default function GridPanel({
  communityId,
  grids,
  onAdded,
}: {
  communityId: string
  grids: GridsQuery
  onAdded: () => void
}) {
  const create = useMutation('org', 'grid.create')
  const [requestId, setRequestId] = useState(newRequestId)
  const [name, setName] = useState('')
  const [error, setError] = useState<string>()

  const send = async () => {
    const input = { requestId, communityId, name }
    const checked = validate(orgActions['grid.create'].input, input)
    setError(checked.ok ? undefined : checked.errors.name)
    if (!checked.ok) return
    const out = await create.run(input)
    if (out) {
      toast('网格已添加')
      setName('')
      setRequestId(newRequestId())
      grids.reload()
      onAdded()
    }
  }

  return (
    <View className='community-section' id={`grids-${communityId}`}>
      <Text className='community-section__title'>网格</Text>
      <QueryState {...grids} loadingText='正在加载网格…'>
        {(data) =>
          data.items.length === 0 ? (
            <Text className='admin-line admin-line--muted'>还没有网格，楼栋要归到一个网格</Text>
          ) : (
            <View>
              {data.items.map((g) => (
                <View key={g.id} className='grid-row' id={`grid-${g.id}`}>
                  <View className='grid-row__name'>
                    <Tag tone={g.retired ? 'gray' : 'blue'}>{g.retired ? `${g.name}（已停用）` : g.name}</Tag>
                  </View>
                  {g.retired ? null : (
                    <PlaceActions
                      kind='grid'
                      id={g.id}
                      name={g.name}
                      onChanged={() => {
                        grids.reload()
                        onAdded()
                      }}
                    />
                  )}
                </View>
              ))}
            </View>
          )
        }
      </QueryState>
      <Field
        label='添加网格'
        id={`grid-name-${communityId}`}
        value={name}
        onChange={setName}
        placeholder='网格名称'
        maxLength={40}
        error={error ?? create.error?.message}
      />
      <Button
        variant='secondary'
        id={`grid-submit-${communityId}`}
        loading={create.sending}
        onClick={() => void send()}
      >
        添加网格
      </Button>
    </View>
  )
}
