import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { CommitteeMemberView } from '../../../../../types/joint'
import { AFFILIATION_LABEL } from '../../../../../types/joint'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import Button from '../../../../components/Button'
import Chips from '../../../../components/Chips'
import Empty from '../../../../components/Empty'
import Tag from '../../../../components/Tag'
import ConfirmSheet from '../../../../components/ConfirmSheet'
import QueryState from '../../../../components/QueryState'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { useMe } from '../../../../hooks/useMe'
import { toast, go } from '../../../../services/nav'
import { JOINT, chosenScope, useScopeParam, myScopes, type Scope } from '../../lib'
import AppointForm from '../../components/AppointForm'
import '../../joint.scss'

function EndTerm({ m, onDone, onClose }: { m: CommitteeMemberView; onDone: () => void; onClose: () => void }) {
  const end = useMutation('org', 'committee.end')
  const [reason, setReason] = useState('')
  const [missing, setMissing] = useState(false)
  return (
    <ConfirmSheet
      id='end-term'
      title={`结束 ${m.name} 的任期`}
      confirmText='结束任期'
      danger
      sending={end.sending}
      error={end.error?.message}
      onClose={onClose}
      reason={{
        label: '原因',
        value: reason,
        onChange: (v) => {
          setReason(v)
          setMissing(false)
        },
        error: missing ? '请写明原因' : undefined,
        placeholder: '如：工作调动',
      }}
      onConfirm={() => {
        if (!reason.trim()) return setMissing(true)
        void end.run({ memberId: m.id, reason: reason.trim() }).then((r) => r && (toast('已结束任期'), onDone()))
      }}
    >
      <Text className='jt-line'>
        {m.name}（{m.affiliation.name}）将不再是现任委员；名单的历史中保留其任期和原因。
      </Text>
    </ConfirmSheet>
  )
}

function MemberRow({ m, manages, onEnd }: { m: CommitteeMemberView; manages: boolean; onEnd: () => void }) {
  return (
    <View className='jt-member' id={`member-${m.id}`}>
      <View className='jt-row'>
        <Text className='jt-member__name'>{m.name}</Text>
        <Tag tone={m.serving ? 'red' : 'gray'}>{m.serving ? m.post : '已卸任'}</Tag>
      </View>
      <Text className='jt-line'>
        {m.affiliation.name} · {m.title}
      </Text>
      <Text className='jt-line jt-line--muted'>
        {AFFILIATION_LABEL[m.affiliation.kind]} · 任期 {m.termStart} 至 {m.termEnd}
      </Text>
      {m.endReason ? <Text className='jt-line jt-line--muted'>提前结束：{m.endReason}</Text> : null}
      {manages && m.serving ? (
        <View className='jt-row'>
          <Button size='small' variant='plain' id={`end-${m.id}`} onClick={onEnd}>
            结束任期
          </Button>
        </View>
      ) : null}
    </View>
  )
}

/** "和谐社区" + "社区大党委" reads "和谐社区大党委"; "锦绣街道" + "街道大工委" reads "锦绣街道大工委". */
const rosterName = (scopeName: string, name: string) => `${scopeName}${name.replace(/^(社区|街道)/, '')}`

function Roster({ scope }: { scope: Scope }) {
  const [history, setHistory] = useState(false)
  const [appointing, setAppointing] = useState(false)
  const [ending, setEnding] = useState<CommitteeMemberView>()
  const q = useCloud('org', 'committee.list', {
    scopeType: scope.scopeType,
    scopeId: scope.scopeId,
    includeEnded: history,
  })
  return (
    <QueryState {...q} loadingText='正在加载委员名单…'>
      {(data) => (
        <View>
          <View className='jt-stats'>
            <View className='jt-stat'>
              <Text className='jt-stat__num' id='serving-count'>
                {data.items.filter((m) => m.serving).length}
              </Text>
              <Text className='jt-stat__label'>{rosterName(data.scopeName, data.name)}现任兼职委员</Text>
            </View>
          </View>
          <View className='jt-row'>
            <Button id='to-meetings' variant='secondary' onClick={() => go(JOINT.meetings(scope))}>
              联席会议
            </Button>
            {scope.manages && !appointing ? (
              <Button id='appoint' onClick={() => setAppointing(true)}>
                任命兼职委员
              </Button>
            ) : null}
          </View>
          {appointing ? (
            <Card title='任命兼职委员' id='appoint-card'>
              <AppointForm
                scope={scope}
                onDone={() => {
                  setAppointing(false)
                  q.reload()
                }}
                onCancel={() => setAppointing(false)}
              />
            </Card>
          ) : null}
          <Card title={rosterName(data.scopeName, data.name)} id='roster'>
            {data.items.length === 0 ? (
              <Empty
                text='还没有兼职委员'
                hint={
                  scope.manages
                    ? '点“任命兼职委员”，把驻区单位、物业、派出所、学校的负责人请进来'
                    : '社区任命后会在这里公布'
                }
              />
            ) : (
              data.items.map((m) => <MemberRow key={m.id} m={m} manages={scope.manages} onEnd={() => setEnding(m)} />)
            )}
          </Card>
          <Chips
            idPrefix='roster-history'
            items={[
              { key: 'now', label: '只看现任' },
              { key: 'all', label: '含已卸任' },
            ]}
            value={history ? 'all' : 'now'}
            onChange={(k) => setHistory(k === 'all')}
          />
          {ending ? (
            <EndTerm
              m={ending}
              onClose={() => setEnding(undefined)}
              onDone={() => {
                setEnding(undefined)
                q.reload()
              }}
            />
          ) : null}
        </View>
      )}
    </QueryState>
  )
}

/**
 * 社区大党委 (the street's 大工委): the 兼职委员 from units, companies, the police station and schools,
 * for residents to see; the secretary (the street admin for the street) appoints and ends terms here.
 */
export default function CommitteePage() {
  const me = useMe({ reloadOnShow: false })
  const route = useScopeParam()
  const [picked, setPicked] = useState<string>()
  return (
    <PageShell title='大党委' intro='驻区单位、物业、派出所、学校的负责人担任兼职委员，共商共办社区的事'>
      <QueryState {...me}>
        {(m) => {
          const scopes = myScopes(m.roles)
          const first = chosenScope(scopes, route)
          const scope = scopes.find((s) => s.scopeId === picked) ?? first
          if (!scope) return <Empty text='请先认证房屋' hint='认证为本社区住户后，可以查看社区大党委' />
          return (
            <View>
              {scopes.length > 1 ? (
                <Chips
                  idPrefix='scope'
                  items={scopes.map((s) => ({
                    key: s.scopeId,
                    label: s.scopeType === 'street' ? `${s.name}大工委` : s.manages ? s.name : '我的社区',
                  }))}
                  value={scope.scopeId}
                  onChange={setPicked}
                />
              ) : null}
              <Roster key={`${scope.scopeId}`} scope={scope} />
            </View>
          )
        }}
      </QueryState>
    </PageShell>
  )
}
