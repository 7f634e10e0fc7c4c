import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Button from '../../../components/Button'
import Card from '../../../components/Card'
import Field from '../../../components/Field'
import Notice from '../../../components/Notice'
import { useMutation } from '../../../hooks/useCloud'
import { formatTime } from '../../../services/format'
import { toast } from '../../../services/nav'
import type { PartyBranchView } from '../../../../types/grid'

export interface PartyBranchCardProps {
  gridId: string
  branch: PartyBranchView | null
  /** The appointed 网格党支部书记 (staff post), shown when the branch names no secretary itself. */
  appointedSecretary?: string
  /** The community's secretary names and renames the branch; everyone else reads. */
  editable: boolean
  onSaved: () => void
}

/** The grid's named Party branch: shown to everyone on the grid page, set by the community's secretary. */
export default function PartyBranchCard({
  gridId,
  branch,
  appointedSecretary,
  editable,
  onSaved,
}: PartyBranchCardProps) {
  const [editing, setEditing] = useState(false)
  const [name, setName] = useState('')
  const [secretaryName, setSecretaryName] = useState('')
  const set = useMutation('grid', 'branch.set')
  const open = () => {
    setName(branch?.name ?? '')
    setSecretaryName(branch?.secretaryName ?? '')
    setEditing(true)
  }
  const save = async () => {
    const r = await set.run({ gridId, name: name.trim(), secretaryName: secretaryName.trim() || undefined })
    if (r) {
      toast('已保存')
      setEditing(false)
      onSaved()
    }
  }
  const secretary = branch?.secretaryName ?? appointedSecretary
  return (
    <Card
      title='网格党支部'
      id='party-branch'
      extra={
        editable && !editing ? (
          <Button id='edit-branch' size='small' variant='plain' onClick={open}>
            {branch ? '修改' : '设置'}
          </Button>
        ) : null
      }
    >
      {branch ? (
        <View>
          <Text className='gd-title' id='party-branch-name'>
            {branch.name}
          </Text>
          {secretary ? <Text className='gd-meta'>支部书记：{secretary}</Text> : null}
          <Text className='gd-meta'>
            {branch.setByName} {formatTime(branch.setAt).slice(0, 10)} 设置
          </Text>
        </View>
      ) : (
        <Text className='gd-meta'>{editable ? '还没有设置本网格的党支部名称' : '社区尚未公布本网格的党支部'}</Text>
      )}
      {editing ? (
        <View>
          {set.error ? <Notice tone='error'>{set.error.message}</Notice> : null}
          <Field
            id='branch-name'
            label='党支部名称'
            value={name}
            onChange={setName}
            placeholder='如：和谐社区第一网格党支部'
            maxLength={30}
          />
          <Field
            id='branch-secretary'
            label='支部书记'
            optional
            value={secretaryName}
            onChange={setSecretaryName}
            maxLength={20}
            hint='不填则显示任命的网格党支部书记'
          />
          <View className='gd-actions'>
            <Button
              id='save-branch'
              size='small'
              disabled={!name.trim()}
              loading={set.sending}
              onClick={() => void save()}
            >
              保存
            </Button>
            <Button size='small' variant='secondary' onClick={() => setEditing(false)}>
              取消
            </Button>
          </View>
        </View>
      ) : null}
    </Card>
  )
}
