import Taro from '@tarojs/taro'
import { isH5, toast } from '../../../services/nav'

/** Opens an exported .xlsx: a new tab on H5; download + openDocument in WeChat. */
export async function openExport(file: { url: string; fileName: string }): Promise<void> {
  if (isH5) {
    const a = document.createElement('a')
    a.href = file.url
    a.download = file.fileName
    a.target = '_blank'
    document.body.appendChild(a)
    a.click()
    a.remove()
    return
  }
  try {
    const { tempFilePath } = await Taro.downloadFile({ url: file.url })
    await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true })
  } catch {
    toast('文件打开失败，请稍后再试', 'none')
  }
}

export const minutesText = (m: number) => (m >= 60 ? `${Math.floor(m / 60)} 小时 ${m % 60} 分钟` : `${m} 分钟`)
