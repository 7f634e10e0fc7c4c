import { useMemo } from 'react'
import { View, Text } from '@tarojs/components'
import Field from '../../../../components/Field'
import Loading from '../../../../components/Loading'
import ErrorState from '../../../../components/ErrorState'
import { useCloud } from '../../../../hooks/useCloud'
import { usePagedList } from '../../../../hooks/usePagedList'

export interface CompanyPickerProps {
  streetId: string
  /** For a secretary: only the companies serving an estate of this community are offered. */
  communityId?: string
  value: string | undefined
  onChange: (companyId: string) => void
  error?: string
}

/**
 * The property companies of the street (property `company.list`). A secretary is offered those that
 * serve one of the community's estates (the server checks this again when the code is created).
 */
export default function CompanyPicker({ streetId, communityId, value, onChange, error }: CompanyPickerProps) {
  const companies = usePagedList('property', 'company.list', { streetId })
  const estates = useCloud('org', 'estate.list', communityId ? { communityId } : null)

  const options = useMemo(() => {
    const items = companies.items
    if (!communityId) return items.map((c) => ({ label: c.name, value: c.id, serves: '' }))
    const served = new Map<string, string[]>()
    for (const e of estates.data?.items ?? []) {
      if (e.companyId) served.set(e.companyId, [...(served.get(e.companyId) ?? []), e.name])
    }
    return items
      .filter((c) => served.has(c.id))
      .map((c) => ({ label: c.name, value: c.id, serves: (served.get(c.id) ?? []).join('、') }))
  }, [companies.items, estates.data, communityId])
  const picked = options.find((o) => o.value === value)

  const failed = companies.error ?? estates.error
  if (failed) {
    return (
      <View className='tx-field' id='invite-company'>
        <Text className='tx-field__label'>物业公司</Text>
        <ErrorState
          message={`物业公司列表没有加载成功：${failed.message}`}
          onRetry={() => {
            if (companies.error) companies.reload()
            if (estates.error) estates.reload()
          }}
        />
      </View>
    )
  }
  if (companies.first || estates.loading) {
    return (
      <View className='tx-field' id='invite-company'>
        <Text className='tx-field__label'>物业公司</Text>
        <Loading text='正在加载物业公司…' />
      </View>
    )
  }
  if (options.length === 0 && companies.left === 0) {
    return (
      <View className='tx-field' id='invite-company'>
        <Text className='tx-field__label'>物业公司</Text>
        <Text className='admin-line admin-line--muted' id='invite-company-empty'>
          {communityId ? '本社区的小区还没有登记物业公司，请联系街道登记后再邀请。' : '本街道还没有登记物业公司。'}
        </Text>
      </View>
    )
  }
  return (
    <Field
      kind='picker'
      label='物业公司'
      id='invite-company'
      placeholder='请选择物业公司'
      options={options.map(({ label, value: v }) => ({ label, value: v }))}
      value={value}
      onChange={onChange}
      error={error}
      more={companies.sheet}
      hint={
        !communityId ? undefined : picked?.serves ? `服务本社区的${picked.serves}` : '只列出为本社区小区服务的物业公司'
      }
    />
  )
}
