import Taro from '@tarojs/taro'
import { toast } from './nav'

/**
 * Opens a file the functions made (an Excel export): a download in the browser (H5); in WeChat,
 * downloaded and opened as a document (with 转发/保存 in its menu). The one way to do it.
 */
export async function openFile(url: string, fileName: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const a = (document as unknown as Document).createElement('a')
    a.href = url
    a.download = fileName
    a.target = '_blank'
    document.body.appendChild(a as never)
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
