import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import PageShell from '../../../../components/PageShell'
import Empty from '../../../../components/Empty'
import Loading from '../../../../components/Loading'
import ErrorState from '../../../../components/ErrorState'
import QueryState from '../../../../components/QueryState'
import Button from '../../../../components/Button'
import Notice from '../../../../components/Notice'
import SearchBar from '../../../../components/SearchBar'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { go } from '../../../../services/nav'
import { hasRole } from '../../../../services/roles'
import { formatTime } from '../../../../services/format'
import { PLACEMENT_LABEL, type Placement } from '../../../../../types/property'
import EntryCard from '../../components/EntryCard'
import DownloadInputs from '../../components/DownloadInputs'
import { useStreet } from '../../hooks/useStreet'
import { PROP } from '../../routes'
import '../../property.scss'

/** In the order of the list: red, the middle, black, then the companies without enough ratings. */
const SECTIONS: Placement[] = ['red', 'neutral', 'black', 'not_ranked']
const SECTION: Record<Placement, string> = {
  red: '红榜',
  neutral: '未上榜',
  black: '黑榜',
  not_ranked: PLACEMENT_LABEL.not_ranked,
}

/** A company matches the words by its name or an estate it served (case-insensitive). */
function matches(
  companyId: string,
  name: string,
  served: { companyId: string; estates: string[] }[],
  words: string,
): boolean {
  if (!words) return true
  const w = words.toLowerCase()
  return [name, ...(served.find((x) => x.companyId === companyId)?.estates ?? [])].some((t) =>
    t.toLowerCase().includes(w),
  )
}

/** Everyone: the street's current red/black list, the reason for each placement, a way to each company's page. */
export default function ListPage() {
  const street = useStreet()
  const list = useCloud('property', 'list.current', street.streetId ? { streetId: street.streetId } : null, {
    reloadOnShow: true,
  })
  const resident = hasRole(street.me.data?.roles, 'resident')
  const recompute = useMutation('property', 'list.recompute')
  const [checked, setChecked] = useState<boolean>()
  const [words, setWords] = useState('')
  if (street.error)
    return (
      <PageShell title='物业红黑榜'>
        <ErrorState message={street.error.message} onRetry={street.reload} />
      </PageShell>
    )
  if (!street.streetId)
    return (
      <PageShell title='物业红黑榜'>
        <Loading />
      </PageShell>
    )
  return (
    <PageShell title='物业红黑榜' intro='居民打分、社区评价、整改情况综合评定，按街道规则发布'>
      {resident ? (
        <View className='pp-actions'>
          <Button id='go-rate' size='small' onClick={() => go(PROP.rate)}>
            给物业打分
          </Button>
          <Button id='go-mine' size='small' variant='secondary' onClick={() => go(PROP.mine)}>
            我的整改事项
          </Button>
        </View>
      ) : null}
      <QueryState {...list}>
        {(pub) =>
          !pub ? (
            <Empty text='本街道尚未发布榜单' hint='每期评价结束、异议期过后，街道会发布红黑榜' />
          ) : (
            <View id='published-list'>
              <Notice title={`${pub.periodLabel}榜单`}>
                <Text className='pp-line pp-line--muted'>
                  第 {pub.version} 版 · 评分规则第 {pub.ruleVersion} 版 · 街道平均满意度 {pub.streetMean} ·{' '}
                  {formatTime(pub.publishedAt)} 由{pub.publishedByName}发布
                </Text>
              </Notice>
              <View className='pp-actions'>
                <Button
                  id='recompute'
                  size='small'
                  variant='plain'
                  loading={recompute.sending}
                  onClick={async () => {
                    const r = await recompute.run({ publicationId: pub.id })
                    if (r) setChecked(r.matches)
                  }}
                >
                  用冻结数据复算核对
                </Button>
              </View>
              {checked === undefined ? null : (
                <Notice tone={checked ? 'success' : 'error'} id='recompute-result'>
                  <Text>{checked ? '复算结果与发布的榜单完全一致' : '复算结果与发布的榜单不一致，请联系街道'}</Text>
                </Notice>
              )}
              {recompute.error ? <Notice tone='error'>{recompute.error.message}</Notice> : null}
              <DownloadInputs publicationId={pub.id} label={`${pub.periodLabel}榜单`} />
              {/* The whole list is already here (one publication): the search filters it on the phone. */}
              <SearchBar
                id='company-search'
                value={words}
                onChange={setWords}
                placeholder='物业公司或小区名，如：安居、幸福里'
                note={`找到 ${pub.entries.filter((e) => matches(e.companyId, e.companyName, pub.served, words)).length} 家`}
              />
              {words && !pub.entries.some((e) => matches(e.companyId, e.companyName, pub.served, words)) ? (
                <Empty text={`没有找到含“${words}”的物业公司或小区`} />
              ) : null}
              {SECTIONS.map((p) => {
                const entries = pub.entries.filter(
                  (e) => e.placement === p && matches(e.companyId, e.companyName, pub.served, words),
                )
                if (!entries.length) return null
                return (
                  <View key={p} id={`section-${p}`}>
                    <Text className={`pp-section pp-section--${p}`}>{SECTION[p]}</Text>
                    {entries.map((e) => (
                      <EntryCard
                        key={e.companyId}
                        entry={e}
                        estates={pub.served.find((x) => x.companyId === e.companyId)?.estates}
                        onClick={() => go(PROP.company(e.companyId))}
                      />
                    ))}
                  </View>
                )
              })}
            </View>
          )
        }
      </QueryState>
    </PageShell>
  )
}
