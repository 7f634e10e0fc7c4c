import { useState } from 'react'
import { Text } from '@tarojs/components'
import type { MeView, MyRoleView } from '../../../types/org'
import { ROLE_LABEL } from '../../../types/roles'
import Card from '../../components/Card'
import ListItem from '../../components/ListItem'
import Button from '../../components/Button'
import ConfirmSheet from '../../components/ConfirmSheet'
import { useMutation } from '../../hooks/useCloud'
import { toast } from '../../services/nav'
import { formatDate } from '../../services/time'

export interface MyRolesProps {
  me: MeView
  onChanged: (me: MeView) => void
}

const since = (g: MyRoleView) => (g.since ? `${formatDate(g.since)} 起` : '')
const label = (g: MyRoleView) => `${ROLE_LABEL[g.role]} · ${g.scopeName}`

/** The person's roles, each with the day it was given; any but a resident's can be given up (辞去) after a confirmation. */
export default function MyRoles({ me, onChanged }: MyRolesProps) {
  const [leaving, setLeaving] = useState<MyRoleView>()
  const [reason, setReason] = useState('')
  const stepDown = useMutation('org', 'role.stepDown')

  const close = () => {
    setLeaving(undefined)
    setReason('')
    stepDown.reset()
  }
  const send = async () => {
    if (!leaving?.grantId) return
    const out = await stepDown.run({ grantId: leaving.grantId, ...(reason.trim() ? { reason: reason.trim() } : {}) })
    if (out) {
      toast('已辞去')
      close()
      onChanged(out)
    }
  }

  return (
    <Card title='我的身份' id='my-roles'>
      {me.roles.length === 0 ? (
        <Text className='tx-muted'>暂无工作身份。认证房屋后您将成为本社区居民。</Text>
      ) : (
        me.roles.map((g) => (
          <ListItem
            key={`${g.role}:${g.scopeId}`}
            id={`role-${g.role}-${g.scopeId}`}
            title={ROLE_LABEL[g.role]}
            description={[g.scopeName, since(g)].filter(Boolean).join(' · ')}
            extra={
              g.role !== 'resident' && g.grantId ? (
                <Button
                  size='small'
                  variant='secondary'
                  id={`step-down-${g.role}-${g.scopeId}`}
                  onClick={() => setLeaving(g)}
                >
                  辞去
                </Button>
              ) : undefined
            }
          />
        ))
      )}
      {leaving ? (
        <ConfirmSheet
          id='step-down'
          title='辞去这项职务？'
          confirmText='确认辞去'
          danger
          sending={stepDown.sending}
          error={stepDown.error?.message}
          onConfirm={() => void send()}
          onClose={close}
          reason={{ label: '原因', optional: true, value: reason, onChange: setReason, placeholder: '可以不填' }}
        >
          <Text>
            {`辞去「${label(leaving)}」后，您马上就不能再以这个身份办理事项。您办过的事和任职记录都会保留，任职历史里可以看到。如需再担任，请联系上级重新任命。`}
          </Text>
        </ConfirmSheet>
      ) : null}
    </Card>
  )
}
