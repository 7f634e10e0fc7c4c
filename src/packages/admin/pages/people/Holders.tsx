import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { RoleHolderView } from '../../../../../types/org'
import { ROLE_LABEL, type EndableRole } from '../../../../../types/roles'
import ListItem from '../../../../components/ListItem'
import Button from '../../../../components/Button'
import Tag from '../../../../components/Tag'
import Empty from '../../../../components/Empty'
import QueryState from '../../../../components/QueryState'
import ConfirmSheet from '../../../../components/ConfirmSheet'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { toast } from '../../../../services/nav'
import { formatDate } from '../../../../services/time'
import Pager from '../../../../components/Pager'

const PAGE_SIZE = 20

/** Who holds `role` on the scope, and 结束任命 with a reason after a confirmation that says what happens. */
export default function Holders({
  scopeId,
  scopeName,
  role,
}: {
  scopeId: string
  scopeName: string
  role: EndableRole
}) {
  const [page, setPage] = useState(1)
  const list = useCloud('org', 'role.holders', { scopeId, role, page, pageSize: PAGE_SIZE })
  const [ending, setEnding] = useState<RoleHolderView>()
  const [reason, setReason] = useState('')
  const [missing, setMissing] = useState(false)
  const end = useMutation('org', 'role.end')

  const close = () => {
    setEnding(undefined)
    setReason('')
    setMissing(false)
    end.reset()
  }
  const send = async () => {
    if (!ending) return
    if (!reason.trim()) {
      setMissing(true)
      return
    }
    const out = await end.run({ grantId: ending.grantId, reason: reason.trim() })
    if (out) {
      toast('已结束任命')
      close()
      list.reload()
    }
  }

  return (
    <View id={`holders-${role}`}>
      <QueryState {...list} loadingText='正在加载…'>
        {(data) =>
          data.items.length === 0 ? (
            <Empty text={`${scopeName}目前没有${ROLE_LABEL[role]}`} />
          ) : (
            <View>
              {data.items.map((x) => (
                <ListItem
                  key={x.grantId}
                  id={`holder-${x.grantId}`}
                  title={x.name || '（未填姓名）'}
                  description={x.since ? `${formatDate(x.since)} 起任${ROLE_LABEL[role]}` : ROLE_LABEL[role]}
                  extra={
                    x.self ? (
                      <Tag tone='gray'>本人</Tag>
                    ) : (
                      <Button size='small' variant='danger' id={`end-${x.grantId}`} onClick={() => setEnding(x)}>
                        结束任命
                      </Button>
                    )
                  }
                />
              ))}
              <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onChange={setPage} />
              {data.items.some((x) => x.self) ? (
                <Text className='admin-line admin-line--muted'>本人的职务请在“我的”页辞去。</Text>
              ) : null}
            </View>
          )
        }
      </QueryState>
      {ending ? (
        <ConfirmSheet
          id='end-role'
          title={`结束 ${ending.name} 的任命？`}
          confirmText='确认结束'
          danger
          sending={end.sending}
          error={end.error?.message}
          onConfirm={() => void send()}
          onClose={close}
          reason={{
            label: '原因',
            value: reason,
            onChange: (v) => {
              setReason(v)
              setMissing(false)
            },
            error: missing ? '请写明原因，本人会在任职历史里看到' : undefined,
            placeholder: '如：合同到期、已调离',
          }}
        >
          <Text>
            {`结束后，${ending.name}马上就不能再以「${ROLE_LABEL[role]} · ${scopeName}」的身份办理任何事项。${role === 'member' ? '其党员报到记为“已结束”，服务台账保留，以后可以重新报到。' : ''}${role === 'grid_worker' ? '其在本网格的全部职务一并免去，记录保留。' : ''}任命记录会保留，本人能看到是谁、何时、为何结束的。`}
          </Text>
        </ConfirmSheet>
      ) : null}
    </View>
  )
}
