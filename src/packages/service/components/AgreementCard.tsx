import { View, Text } from '@tarojs/components'
import type { AgreementView } from '../../../../types/service'
import Button from '../../../components/Button'
import Card from '../../../components/Card'
import Notice from '../../../components/Notice'
import QueryState from '../../../components/QueryState'
import Tag from '../../../components/Tag'
import { useCloud, useMutation } from '../../../hooks/useCloud'
import { formatTime } from '../../../services/format'
import { toast } from '../../../services/nav'

/** Both sides of the agreement: the community approved it; the unit's liaison signs it. */
function Signatures({ a, canSign, onSigned }: { a: AgreementView; canSign: boolean; onSigned: () => void }) {
  const sign = useMutation('service', 'agreement.sign')
  return (
    <View className='svc-gap' id='agreement-signatures'>
      <Text className='svc-line'>
        社区（甲方）：{a.approvedByName} 于 {formatTime(a.approvedAt)} 审核签署
      </Text>
      {a.unitSignedAt ? (
        <Text className='svc-line' id='agreement-unit-signed'>
          单位（乙方）：{a.unitSignedByName} 于 {formatTime(a.unitSignedAt)} 签署
        </Text>
      ) : (
        <Text className='svc-line svc-line--warn'>单位（乙方）：尚未签署</Text>
      )}
      {!a.unitSignedAt && canSign ? (
        <View className='svc-gap'>
          <Text className='svc-line svc-line--muted'>
            请核对上面的职责承诺和资源清单。签署后双方看到的是同一份协议，不能再修改。
          </Text>
          {sign.error ? <Text className='tx-field__error'>{sign.error.message}</Text> : null}
          <Button
            id='agreement-sign'
            loading={sign.sending}
            onClick={() =>
              void sign.run({ unitId: a.unitId, year: a.year }).then((r) => r && (toast('已签署'), onSigned()))
            }
          >
            代表单位签署协议
          </Button>
        </View>
      ) : null}
    </View>
  )
}

/** The yearly co-building agreement with its three lists, as both sides see it. */
export default function AgreementCard({ unitId, year, canSign }: { unitId: string; year: number; canSign: boolean }) {
  const q = useCloud('service', 'agreement.get', { unitId, year })
  return (
    <QueryState {...q} loadingText='正在加载共建协议…'>
      {(a: AgreementView) => (
        <View id='agreement'>
          <Card
            title={`${a.year} 年共建协议`}
            extra={a.status === 'signed' ? <Tag tone='green'>双方已签署</Tag> : <Tag tone='gold'>待单位签署</Tag>}
          >
            <Text className='svc-line'>
              {a.communityName} × {a.unitName}
            </Text>
            {a.carriedFrom ? (
              <Notice tone='info' title={`延续 ${a.carriedFrom.year} 年协议`}>
                <Text>
                  沿用 {a.carriedFrom.kept} 项，新增 {a.carriedFrom.added} 项，删去 {a.carriedFrom.dropped} 项
                </Text>
              </Notice>
            ) : null}
            <Text className='svc-line svc-line--strong svc-gap'>职责承诺</Text>
            {a.commitments.map((c) => (
              <Text key={c} className='svc-line'>
                · {c}
              </Text>
            ))}
            <Text className='svc-line svc-line--strong svc-gap'>资源清单</Text>
            {a.resourceLines.map((r) => (
              <Text key={r} className='svc-line'>
                · {r}
              </Text>
            ))}
            <Signatures a={a} canSign={canSign} onSigned={q.reload} />
          </Card>
          <Card title='需求清单'>
            {a.needs.length === 0 ? <Text className='svc-line--muted'>社区暂无待对接需求</Text> : null}
            {a.needs.map((n) => (
              <Text key={n.id} className='svc-line'>
                · {n.title} {n.quantityText ?? ''}
              </Text>
            ))}
          </Card>
          <Card title='项目清单'>
            {a.projects.length === 0 ? <Text className='svc-line--muted'>还没有对接的项目</Text> : null}
            {a.projects.map((p) => (
              <Text key={p.id} className='svc-line'>
                · {p.title}（{p.progress}%，负责人 {p.ownerName}）
              </Text>
            ))}
          </Card>
        </View>
      )}
    </QueryState>
  )
}
