import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { AffiliationKind } from '../../../../types/joint'
import { AFFILIATION_LABEL, jointActions } from '../../../../types/joint'
import Field from '../../../components/Field'
import Button from '../../../components/Button'
import Chips from '../../../components/Chips'
import Notice from '../../../components/Notice'
import { useCloud, useMutation } from '../../../hooks/useCloud'
import { newRequestId } from '../../../services/requestId'
import { validate } from '../../../services/validate'
import { toast } from '../../../services/nav'
import { dateFromToday } from '../../../services/time'
import DateTimeField from '../../../components/DateTimeField'
import type { Scope } from '../lib'

/**
 * Appointing a 兼职委员: name, post in the 大党委, title in their own body, where they come from (a
 * registered unit of the community, a company of the street, or another body named in words) and the term.
 * A street's 大工委 draws on the street's companies and other bodies (units register with a community).
 */
export default function AppointForm({
  scope,
  onDone,
  onCancel,
}: {
  scope: Scope
  onDone: () => void
  onCancel: () => void
}) {
  const [requestId] = useState(newRequestId)
  const kinds: AffiliationKind[] = scope.scopeType === 'community' ? ['unit', 'company', 'other'] : ['company', 'other']
  const [kind, setKind] = useState<AffiliationKind>(kinds[0])
  const [v, setV] = useState({
    name: '',
    post: '兼职委员',
    title: '',
    affId: '',
    affName: '',
    termStart: dateFromToday(),
    termEnd: `${Number(dateFromToday().slice(0, 4)) + 3}-${dateFromToday().slice(5)}`,
  })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const set = (k: keyof typeof v) => (x: string) => setV((o) => ({ ...o, [k]: x }))
  const units = useCloud(
    'service',
    'unit.list',
    kind === 'unit' && scope.scopeType === 'community'
      ? { communityId: scope.scopeId, status: 'all', page: 1, pageSize: 50 }
      : null,
  )
  const companies = useCloud(
    'property',
    'company.list',
    kind === 'company' && scope.streetId ? { streetId: scope.streetId, page: 1, pageSize: 50 } : null,
  )
  const appoint = useMutation('org', 'committee.appoint')
  const options =
    (kind === 'unit' ? units.data?.items : kind === 'company' ? companies.data?.items : [])?.map((x) => ({
      label: x.name,
      value: x.id,
    })) ?? []

  const submit = async () => {
    const input = {
      requestId,
      scopeType: scope.scopeType,
      scopeId: scope.scopeId,
      name: v.name.trim(),
      post: v.post.trim(),
      title: v.title.trim(),
      affiliation: kind === 'other' ? { kind, name: v.affName.trim() } : { kind, id: v.affId || undefined },
      termStart: v.termStart,
      termEnd: v.termEnd,
    }
    const checked = validate(jointActions['committee.appoint'].input, input)
    if (!checked.ok) return setErrors(checked.errors)
    setErrors({})
    const r = await appoint.run(input)
    if (r) {
      toast('已任命')
      onDone()
    }
  }
  return (
    <View id='appoint-form'>
      <Field label='姓名' id='appoint-name' value={v.name} onChange={set('name')} maxLength={20} error={errors.name} />
      <Field
        label='大党委职务'
        id='appoint-post'
        value={v.post}
        onChange={set('post')}
        maxLength={20}
        placeholder='如：兼职委员、兼职副书记'
        error={errors.post}
      />
      <Text className='jt-line jt-line--strong'>来自</Text>
      <Chips
        idPrefix='aff-kind'
        items={kinds.map((k) => ({ key: k, label: AFFILIATION_LABEL[k] }))}
        value={kind}
        onChange={(k) => {
          setKind(k)
          set('affId')('')
        }}
      />
      {kind === 'other' ? (
        <Field
          label='单位名称'
          id='appoint-aff-name'
          value={v.affName}
          onChange={set('affName')}
          maxLength={60}
          placeholder='如：锦绣路派出所、锦绣路小学'
          error={errors.affiliation}
        />
      ) : (
        <Field
          kind='picker'
          label={kind === 'unit' ? '报到单位' : '物业公司'}
          id='appoint-aff'
          options={options}
          value={v.affId || undefined}
          onChange={set('affId')}
          placeholder={
            (kind === 'unit' ? units : companies).loading
              ? '正在加载…'
              : options.length
                ? '请选择'
                : kind === 'unit'
                  ? '本社区还没有通过报到的单位'
                  : '本街道还没有物业公司'
          }
          error={errors.affiliation}
        />
      )}
      <Field
        label='本单位职务'
        id='appoint-title'
        value={v.title}
        onChange={set('title')}
        maxLength={30}
        placeholder='如：所长、校长、总经理'
        error={errors.title}
      />
      <DateTimeField
        label='任期开始'
        mode='date'
        start={`${Number(dateFromToday().slice(0, 4)) - 5}-01-01`}
        id='appoint-start'
        value={v.termStart}
        onChange={set('termStart')}
        error={errors.termStart}
      />
      <DateTimeField
        label='任期结束'
        mode='date'
        id='appoint-end'
        value={v.termEnd}
        onChange={set('termEnd')}
        error={errors.termEnd}
      />
      {appoint.error ? (
        <Notice tone='error' title='没有任命成功'>
          <Text>{appoint.error.message}</Text>
        </Notice>
      ) : null}
      <View className='jt-row jt-gap'>
        <Button variant='plain' onClick={onCancel}>
          取消
        </Button>
        <Button id='appoint-submit' loading={appoint.sending} onClick={() => void submit()}>
          任命
        </Button>
      </View>
    </View>
  )
}
