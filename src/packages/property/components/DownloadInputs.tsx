import { View, Text } from '@tarojs/components'
import Button from '../../../components/Button'
import Notice from '../../../components/Notice'
import { useMutation } from '../../../hooks/useCloud'
import { saveDownload } from '../../../services/files'

export interface DownloadInputsProps {
  publicationId: string
  /** Which list, in words (e.g. "2026年11月榜单"). */
  label: string
}

/** 下载核算数据: the rule and frozen inputs of a published list, so anyone can recompute it (JSON or Excel). */
export default function DownloadInputs({ publicationId, label }: DownloadInputsProps) {
  // JSON from property itself; the Excel form from the export function (the one that carries exceljs).
  const json = useMutation('property', 'list.download')
  const xlsx = useMutation('export', 'property.inputs')
  const get = async (download: typeof json | typeof xlsx) => {
    const f = await download.run({ publicationId })
    if (f) await saveDownload(f)
  }
  const error = json.error ?? xlsx.error
  return (
    <View className='pp-download' id='download-inputs'>
      <Text className='pp-download__title'>下载核算数据</Text>
      <Text className='pp-line pp-line--muted'>
        {label}所用的评分规则、各公司的评分输入和结果，不含任何评价人信息。任何人都可以据此自己复算。
      </Text>
      <View className='pp-actions'>
        <Button
          id='download-xlsx'
          size='small'
          variant='secondary'
          loading={xlsx.sending}
          onClick={() => void get(xlsx)}
        >
          Excel 表格
        </Button>
        <Button
          id='download-json'
          size='small'
          variant='secondary'
          loading={json.sending}
          onClick={() => void get(json)}
        >
          JSON 数据
        </Button>
      </View>
      {error ? <Notice tone='error'>{error.message}</Notice> : null}
    </View>
  )
}
