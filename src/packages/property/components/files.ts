import Taro from '@tarojs/taro'
import { isH5, toast } from '../../../services/nav'

/** Opens an exported .xlsx: a download on H5; download + openDocument in WeChat. */
export async function openExport(url: string, fileName: string): Promise<void> {
  if (isH5) {
    const a = document.createElement('a')
    a.href = url
    a.download = fileName
    a.target = '_blank'
    document.body.appendChild(a)
    a.click()
    a.remove()
    return
  }
  try {
    const { tempFilePath } = await Taro.downloadFile({ url })
    await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true })
  } catch {
    toast('文件打开失败，请稍后再试', 'none')
  }
}
