import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Card from '../../../../components/Card'
import Button from '../../../../components/Button'
import Field from '../../../../components/Field'
import Notice from '../../../../components/Notice'
import QueryState from '../../../../components/QueryState'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { toast } from '../../../../services/nav'
import {
  COMMITTEE_BODIES,
  COMMITTEE_BODY_LABEL,
  OWN_BRANCH_MIN_MEMBERS,
  PARTY_ORG_KINDS,
  PARTY_ORG_LABEL,
  coverageOf,
  type PartyOrgKind,
} from '../../../../../types/property'
import RedPropertyCard from '../../components/RedProperty'

type Member = { name: string; body: (typeof COMMITTEE_BODIES)[number]; estateName: string }
const toCount = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : Number.NaN)

/** 红色物业: the company (or the street) declares its Party organisation; each save is a new version the street then verifies. */
export default function RedPropertyForm({ companyId }: { companyId: string }) {
  const q = useCloud('property', 'company.get', { companyId })
  const declare = useMutation('property', 'redProperty.declare')
  const [kind, setKind] = useState<PartyOrgKind>('none')
  const [branchName, setBranchName] = useState('')
  const [staff, setStaff] = useState('0')
  const [onSite, setOnSite] = useState('0')
  const [members, setMembers] = useState<Member[]>([])
  const record = q.data?.redProperty ?? null
  useEffect(() => {
    if (!q.data) return
    const r = q.data.redProperty
    setKind(r?.kind ?? 'none')
    setBranchName(r?.branchName ?? '')
    setStaff(String(r?.staffMembers ?? 0))
    setOnSite(String(r?.onSiteMembers ?? 0))
    setMembers((r?.committeeMembers ?? []).map((m) => ({ name: m.name, body: m.body, estateName: m.estateName ?? '' })))
  }, [q.data])
  const hasBranch = coverageOf(kind) === 'branch'
  const submit = async () => {
    const r = await declare.run({
      companyId,
      expectedVersion: record?.version ?? 0,
      kind,
      branchName: hasBranch ? branchName : undefined,
      staffMembers: toCount(staff),
      onSiteMembers: toCount(onSite),
      committeeMembers: members
        .filter((m) => m.name.trim())
        .map((m) => ({ name: m.name, body: m.body, estateName: m.estateName || undefined })),
    })
    if (r) {
      toast(`已登记第 ${r.version} 版`)
      q.reload()
    }
  }
  const setMember = (i: number, m: Partial<Member>) => setMembers(members.map((x, k) => (k === i ? { ...x, ...m } : x)))
  return (
    <QueryState {...q}>
      {() => (
        <View>
          <RedPropertyCard record={record} />
          <Card title='登记党组织情况' id='red-property-form'>
            <Text className='pp-line pp-line--muted'>
              每次保存为新的一版，街道核实后才计入榜单；党建指导员由街道派驻、核实时填写。
            </Text>
            <Field
              kind='picker'
              label='党组织'
              options={PARTY_ORG_KINDS.map((k) => ({ label: PARTY_ORG_LABEL[k], value: k }))}
              value={kind}
              onChange={(v) => setKind(v as PartyOrgKind)}
            />
            {hasBranch ? (
              <Field
                id='rp-branch'
                kind='text'
                label='党支部名称'
                value={branchName}
                onChange={setBranchName}
                maxLength={60}
              />
            ) : null}
            <Field
              id='rp-staff'
              kind='text'
              label='员工中的党员（人）'
              value={staff}
              onChange={setStaff}
              maxLength={5}
              hint={kind === 'own_branch' ? `独立党支部须有 ${OWN_BRANCH_MIN_MEMBERS} 名以上党员` : undefined}
            />
            <Field
              id='rp-onsite'
              kind='text'
              label='其中驻小区工作的（人）'
              value={onSite}
              onChange={setOnSite}
              maxLength={5}
            />
            <Text className='pp-line'>物管会、业委会中的党员</Text>
            {members.map((m, i) => (
              <View key={i} className='pp-gap'>
                <Field
                  kind='text'
                  label={`第 ${i + 1} 人姓名`}
                  value={m.name}
                  onChange={(v) => setMember(i, { name: v })}
                  maxLength={20}
                />
                <Field
                  kind='picker'
                  label='所在组织'
                  options={COMMITTEE_BODIES.map((b) => ({ label: COMMITTEE_BODY_LABEL[b], value: b }))}
                  value={m.body}
                  onChange={(v) => setMember(i, { body: v as Member['body'] })}
                />
                <Field
                  kind='text'
                  label='小区'
                  value={m.estateName}
                  onChange={(v) => setMember(i, { estateName: v })}
                  maxLength={40}
                />
                <Button size='small' variant='secondary' onClick={() => setMembers(members.filter((_, k) => k !== i))}>
                  删去这一人
                </Button>
              </View>
            ))}
            <Button
              id='rp-add-member'
              size='small'
              variant='secondary'
              onClick={() => setMembers([...members, { name: '', body: 'yeweihui', estateName: '' }])}
            >
              添加一人
            </Button>
            {declare.error ? <Notice tone='error'>{declare.error.message}</Notice> : null}
            <Button id='rp-save' loading={declare.sending} onClick={submit}>
              保存，请街道核实
            </Button>
          </Card>
        </View>
      )}
    </QueryState>
  )
}
