import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { orgActions } from '../../../../../types/org'
import Field from '../../../../components/Field'
import Button from '../../../../components/Button'
import Tag from '../../../../components/Tag'
import QueryState from '../../../../components/QueryState'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { newRequestId } from '../../../../services/requestId'
import { validate } from '../../../../services/validate'
import { toast } from '../../../../services/nav'

/** The grids of one community and a one-line form to add a grid. */
export default function GridPanel({ communityId, onAdded }: { communityId: string; onAdded: () => void }) {
  const grids = useCloud('org', 'grid.list', { communityId })
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
    <View className='grid-panel' id={`grids-${communityId}`}>
      <QueryState {...grids} loadingText='正在加载网格…'>
        {(data) =>
          data.items.length === 0 ? (
            <Text className='tx-muted admin-line'>还没有网格</Text>
          ) : (
            <View className='grid-panel__tags'>
              {data.items.map((g) => (
                <Tag key={g.id} tone='blue'>
                  {g.name}
                </Tag>
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
      <Button variant='secondary' id={`grid-submit-${communityId}`} loading={create.sending} onClick={() => void send()}>
        添加网格
      </Button>
    </View>
  )
}
