import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import Button from '../../../../components/Button'
import Empty from '../../../../components/Empty'
import Field from '../../../../components/Field'
import Notice from '../../../../components/Notice'
import QueryState from '../../../../components/QueryState'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { useMe } from '../../../../hooks/useMe'
import { grantsOf } from '../../../../services/roles'
import { toast } from '../../../../services/nav'
import { openExport } from '../../../../services/files'
import { COVERAGE_KINDS, COVERAGE_LABEL, type Coverage } from '../../../../../types/property'
import RedPropertyCard, { PartyOrgTag } from '../../components/RedProperty'
import '../../property.scss'

/** Each coverage as a bar: all the estates in it, and of them the street-verified part in the darker shade. */
function CoverageChart({ totals, verified }: { totals: Record<Coverage, number>; verified: Record<Coverage, number> }) {
  const all = COVERAGE_KINDS.reduce((n, k) => n + totals[k], 0)
  return (
    <View className='pp-cov' id='coverage-chart'>
      {COVERAGE_KINDS.map((k) => (
        <View key={k} className='pp-cov__row'>
          <Text className='pp-line'>{COVERAGE_LABEL[k]}：{totals[k]} 个小区（已核实 {verified[k]} 个）</Text>
          <View className='pp-cov__track'>
            <View className={`pp-cov__bar pp-cov__bar--${k}`} style={{ width: `${all ? (totals[k] / all) * 100 : 0}%` }}>
              <View className={`pp-cov__verified pp-cov__verified--${k}`} style={{ width: `${totals[k] ? (verified[k] / totals[k]) * 100 : 0}%` }} />
            </View>
          </View>
        </View>
      ))}
      <Text className='pp-line pp-line--muted'>深色为街道已核实的部分，浅色为物业登记、街道尚未核实的部分。</Text>
    </View>
  )
}

/** Street admin: 红色物业 across the street's estates (chart, table, Excel) and the declarations waiting for verification. */
export default function CoveragePage() {
  const me = useMe()
  const grant = grantsOf(me.data?.roles, 'street_admin')[0]
  const q = useCloud('property', 'redProperty.coverage', grant ? { streetId: grant.scopeId } : null)
  const verify = useMutation('property', 'redProperty.verify')
  const exporter = useMutation('export', 'property.redProperty')
  const [instructors, setInstructors] = useState<Record<string, string>>({})
  return (
    <PageShell title='红色物业覆盖'>
      <QueryState {...me}>
        {() =>
          !grant ? (
            <Empty text='您不是街道管理员' />
          ) : (
            <QueryState {...q}>
              {(c) => (
                <View>
                  <Card title='各小区的物业党组织'>
                    <CoverageChart totals={c.totals} verified={c.verified} />
                    <Button id='coverage-export' size='small' variant='secondary' loading={exporter.sending} onClick={async () => { const f = await exporter.run({ streetId: grant.scopeId }); if (f) await openExport(f) }}>导出 Excel</Button>
                    {exporter.error ? <Notice tone='error'>{exporter.error.message}</Notice> : null}
                  </Card>
                  <Card title={`待核实的登记（${c.pending.length}）`} id='coverage-pending'>
                    {c.pending.length === 0 ? <Text className='pp-line pp-line--muted'>没有待核实的登记</Text> : null}
                    {verify.error ? <Notice tone='error'>{verify.error.message}</Notice> : null}
                    {c.pending.map((p) => (
                      <View key={p.companyId} className='pp-gap' id={`pending-${p.companyId}`}>
                        <Text className='pp-section'>{p.companyName}</Text>
                        <RedPropertyCard record={p} />
                        <Field kind='text' label='派驻的党建指导员' value={instructors[p.companyId] ?? p.instructorName ?? ''} onChange={(v) => setInstructors({ ...instructors, [p.companyId]: v })} maxLength={20} />
                        <Button id={`verify-${p.companyId}`} size='small' loading={verify.sending} onClick={async () => {
                          const name = (instructors[p.companyId] ?? p.instructorName ?? '').trim()
                          if (await verify.run({ companyId: p.companyId, version: p.version, instructorName: name || undefined })) { toast('已核实'); q.reload() }
                        }}>核实第 {p.version} 版</Button>
                      </View>
                    ))}
                  </Card>
                  <Card title='覆盖表' id='coverage-table'>
                    {c.rows.length === 0 ? <Empty text='街道还没有小区' /> : null}
                    {c.rows.map((r) => (
                      <View key={r.estateId} className='pp-gap' id={`row-${r.estateId}`}>
                        <Text className='pp-line'>{r.communityName} · {r.estateName}</Text>
                        <Text className='pp-line pp-line--muted'>服务物业：{r.companyName ?? '未指定'}</Text>
                        <PartyOrgTag kind={r.declared ? r.kind : undefined} verified={r.verified} />
                      </View>
                    ))}
                  </Card>
                </View>
              )}
            </QueryState>
          )
        }
      </QueryState>
    </PageShell>
  )
}
