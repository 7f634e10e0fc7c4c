import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Card from '../../../../components/Card'
import Empty from '../../../../components/Empty'
import QueryState from '../../../../components/QueryState'
import SearchBar from '../../../../components/SearchBar'
import { useCloud } from '../../../../hooks/useCloud'
import { formatTime } from '../../../../services/format'
import Pager from '../../../../components/Pager'

const PAGE_SIZE = 20

/** The community's verified residents, the newest first, found by name or address (issue 13 §5). */
export function Residents({ communityId }: { communityId: string }) {
  const [page, setPage] = useState(1)
  const [words, setWords] = useState('')
  const list = useCloud('org', 'resident.list', {
    communityId,
    page,
    pageSize: PAGE_SIZE,
    ...(words ? { q: words } : {}),
  })
  return (
    <View>
      <SearchBar
        id='resident-search'
        value={words}
        onChange={(w) => {
          setWords(w)
          setPage(1)
        }}
        placeholder='姓名或地址，如：刘芳、1号楼 101'
        note={list.data ? `找到 ${list.data.total} 位住户` : undefined}
      />
      <QueryState {...list} loadingText='正在加载住户…'>
        {(data) =>
          data.items.length === 0 ? (
            words ? (
              <Empty text={`没有找到含“${words}”的住户`} hint='换几个字试试，或清除查找' />
            ) : (
              <Empty text='还没有认证住户' hint='住户认证通过后会列在这里' />
            )
          ) : (
            <View>
              {words ? null : <Text className='tx-muted admin-count'>共 {data.total} 位认证住户</Text>}
              {data.items.map((b) => (
                <Card key={b.id} title={b.applicantName} id={`resident-${b.id}`}>
                  <Text className='admin-line'>房屋：{b.address}</Text>
                  <Text className='admin-line'>手机：{b.applicantPhone || '未填写'}</Text>
                  <Text className='admin-line admin-line--muted'>{`${b.method === 'code' ? '户码认证' : '书记审核'}${b.decidedAt ? `，${formatTime(b.decidedAt)}` : ''}`}</Text>
                </Card>
              ))}
              <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onChange={setPage} />
            </View>
          )
        }
      </QueryState>
    </View>
  )
}

/** m² from the stored square decimetres, e.g. 8550 → 85.5. */
const squareMetres = (dm2: number) => `${Number((dm2 / 100).toFixed(2))} 平方米`

/** A household of the community by its address (3号楼 501): asks nothing until words are typed. */
export function Households({ communityId }: { communityId: string }) {
  const [page, setPage] = useState(1)
  const [words, setWords] = useState('')
  const list = useCloud('org', 'household.search', words ? { communityId, q: words, page, pageSize: PAGE_SIZE } : null)
  return (
    <View>
      <SearchBar
        id='household-search'
        value={words}
        onChange={(w) => {
          setWords(w)
          setPage(1)
        }}
        placeholder='楼号或房号，如：3号楼 501'
        note={list.data ? `找到 ${list.data.total} 户` : undefined}
      />
      {!words ? (
        <Empty text='输入楼号或房号查找房屋' hint='例如“3号楼 501”，或只输入“3号楼”列出整栋' />
      ) : (
        <QueryState {...list} loadingText='正在查找房屋…'>
          {(data) =>
            data.items.length === 0 ? (
              <Empty text={`没有找到含“${words}”的房屋`} hint='地址写法如“翠竹苑 3号楼 501”' />
            ) : (
              <View>
                {data.items.map((h) => (
                  <Card key={h.id} title={h.address} id={`household-${h.id}`}>
                    <Text className='admin-line'>面积：{h.floorAreaDm2 ? squareMetres(h.floorAreaDm2) : '未登记'}</Text>
                  </Card>
                ))}
                <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onChange={setPage} />
              </View>
            )
          }
        </QueryState>
      )}
    </View>
  )
}
