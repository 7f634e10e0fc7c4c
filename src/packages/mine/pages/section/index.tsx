import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import {
  MYDATA_SECTIONS,
  MYDATA_SECTION_INFO,
  type MyDataColumnView,
  type MyDataRow,
  type MyDataSection,
} from '../../../../../types/mydata'
import PageShell from '../../../../components/PageShell'
import Button from '../../../../components/Button'
import Empty from '../../../../components/Empty'
import QueryState from '../../../../components/QueryState'
import { useCloud } from '../../../../hooks/useCloud'
import RecordCard from '../../components/RecordCard'
import '../../mine.scss'
import { useParam } from '../../../../services/nav'

const PAGE_SIZE = 10

interface Shown {
  columns: MyDataColumnView[]
  total: number
  rows: MyDataRow[]
}

function Records({ section }: { section: MyDataSection }) {
  const [page, setPage] = useState(1)
  const q = useCloud('org', 'mydata.section', { section, page, pageSize: PAGE_SIZE })
  // Pages add up: 再显示 appends the next ten under those already read.
  const [shown, setShown] = useState<Shown>()
  useEffect(() => {
    const d = q.data
    if (d)
      setShown((prev) => ({
        columns: d.columns,
        total: d.total,
        rows: [...(d.page === 1 ? [] : (prev?.rows ?? []).slice(0, (d.page - 1) * PAGE_SIZE)), ...d.rows],
      }))
  }, [q.data])
  return (
    <QueryState data={shown} error={q.error} loading={q.loading && !shown} reload={q.reload}>
      {(s) =>
        s.total === 0 ? (
          <Empty text='这一类没有您的记录' />
        ) : (
          <View>
            <Text className='mine-total' id='mydata-total'>
              共 {s.total} 条{s.rows.length < s.total ? `，已显示 ${s.rows.length} 条` : ''}
            </Text>
            {s.rows.map((row, i) => (
              <RecordCard key={i} id={`record-${i}`} columns={s.columns} row={row} />
            ))}
            {s.rows.length < s.total ? (
              <View className='mine-more'>
                <Button
                  id='mydata-more'
                  variant='secondary'
                  loading={q.loading}
                  onClick={() => setPage(Math.floor(s.rows.length / PAGE_SIZE) + 1)}
                >
                  再显示 {Math.min(PAGE_SIZE, s.total - s.rows.length)} 条
                </Button>
              </View>
            ) : null}
          </View>
        )
      }
    </QueryState>
  )
}

/** One kind of record of 我的数据, ten at a time, each as label: value lines. */
export default function MyDataSectionPage() {
  const keyParam = useParam('key')
  const key = (MYDATA_SECTIONS as readonly string[]).includes(keyParam) ? (keyParam as MyDataSection) : null
  if (!key) {
    return (
      <PageShell title='我的数据'>
        <Empty text='没有找到这一类记录' hint='请从“我的 → 我的数据”进入' />
      </PageShell>
    )
  }
  const info = MYDATA_SECTION_INFO[key]
  return (
    <PageShell title={info.title} intro={info.about}>
      <Records section={key} />
    </PageShell>
  )
}
