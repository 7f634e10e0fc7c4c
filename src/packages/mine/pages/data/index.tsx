import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import {
  MYDATA_GROUPS,
  MYDATA_GROUP_LABEL,
  MYDATA_SECTION_INFO,
  type MyDataFileView,
  type MyDataSummaryView,
} from '../../../../../types/mydata'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import ListItem from '../../../../components/ListItem'
import Button from '../../../../components/Button'
import Notice from '../../../../components/Notice'
import QueryState from '../../../../components/QueryState'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { openExport, saveDownload } from '../../../../services/files'
import { go } from '../../../../services/nav'
import { MINE } from '../../routes'
import '../../mine.scss'

function Sections({ summary }: { summary: MyDataSummaryView }) {
  const empty = summary.sections.filter((s) => s.count === 0).map((s) => MYDATA_SECTION_INFO[s.key].title)
  return (
    <View>
      {MYDATA_GROUPS.map((group) => {
        const held = summary.sections.filter((s) => s.count > 0 && MYDATA_SECTION_INFO[s.key].group === group)
        if (!held.length) return null
        return (
          <View key={group} id={`mydata-group-${group}`}>
            <Text className='mine-group'>{MYDATA_GROUP_LABEL[group]}</Text>
            <Card>
              {held.map((s) => (
                <ListItem
                  key={s.key}
                  id={`mydata-${s.key}`}
                  title={MYDATA_SECTION_INFO[s.key].title}
                  description={MYDATA_SECTION_INFO[s.key].about}
                  extra={<Text className='mine-count'>{s.count} 条</Text>}
                  onClick={() => go(MINE.section(s.key))}
                />
              ))}
            </Card>
          </View>
        )
      })}
      {empty.length ? (
        <Card title='没有您记录的类别' id='mydata-empty'>
          <Text className='mine-line mine-line--muted'>{empty.join('、')}</Text>
        </Card>
      ) : null}
    </View>
  )
}

function Exported({ file, cap }: { file: MyDataFileView; cap: number }) {
  return (
    <Notice tone='success' title='文件已生成' id='mydata-exported'>
      <Text className='mine-line'>
        {file.fileName}，共 {file.rows} 条记录。下载链接 1 小时内有效，过期后再点一次导出即可。
      </Text>
      {file.truncated.length ? (
        <Text className='mine-line'>
          {file.truncated.map((k) => MYDATA_SECTION_INFO[k].title).join('、')}的记录超过 {cap} 条，文件里只有最新的{' '}
          {cap} 条，其余可在本页查看。
        </Text>
      ) : null}
    </Notice>
  )
}

/** 我的数据: every kind of record 同心圆 holds about the person, with counts; each opens its records; all of it exports as one file. */
export default function MyDataPage() {
  const summary = useCloud('org', 'mydata.summary', {}, { reloadOnShow: true })
  const exporter = useMutation('org', 'mydata.export')
  // The same records as Excel, made by the export function (the only one that carries exceljs).
  const workbook = useMutation('export', 'org.mydata')
  const [file, setFile] = useState<MyDataFileView>()
  const [xlsxName, setXlsxName] = useState('')
  const runXlsx = async () => {
    const f = await workbook.run({})
    if (f) {
      setXlsxName(f.fileName)
      await openExport(f)
    }
  }
  const run = async () => {
    const f = await exporter.run({})
    if (f) {
      setFile(f)
      await saveDownload(f)
    }
  }
  return (
    <PageShell
      title='我的数据'
      intro='同心圆为您保存的全部信息。这里的内容只有您自己能看到。'
      footer={
        <View className='mine-actions'>
          <Button id='mydata-export' loading={exporter.sending} onClick={() => void run()}>
            导出我的数据
          </Button>
          <Button id='mydata-export-xlsx' variant='secondary' loading={workbook.sending} onClick={() => void runXlsx()}>
            导出为 Excel
          </Button>
        </View>
      }
    >
      {file ? <Exported file={file} cap={summary.data?.exportCap ?? 500} /> : null}
      {xlsxName ? (
        <Notice tone='success' title='Excel 文件已生成' id='mydata-exported-xlsx'>
          <Text className='mine-line'>{xlsxName}：说明页和每类记录一页。下载链接 1 小时内有效。</Text>
        </Notice>
      ) : null}
      {workbook.error ? (
        <Notice tone='error' title='没有导出成功'>
          <Text>{workbook.error.message}</Text>
        </Notice>
      ) : null}
      {exporter.error ? (
        <Notice tone='error' title='没有导出成功'>
          <Text>{exporter.error.message}</Text>
        </Notice>
      ) : null}
      <QueryState {...summary}>{(s) => <Sections summary={s} />}</QueryState>
      <Text className='mine-line mine-line--muted'>
        「导出我的数据」得到 JSON 文件，「导出为 Excel」得到表格，都包含以上全部类别，可以保存下来，用电脑打开查看。
      </Text>
    </PageShell>
  )
}
