import Taro from '@tarojs/taro'
import { isH5, toast } from '../../../services/nav'
import { openFile } from '../../../services/files'

/** Opens an exported .xlsx (services/files). */
export const openExport = (url: string, fileName: string): Promise<void> => openFile(url, fileName)

/**
 * A stored file for the person to keep: Excel opens as a document in WeChat; a JSON file (which
 * WeChat cannot open) has its link copied, to open in a browser. On H5 both download.
 */
export async function saveDownload(url: string, fileName: string): Promise<void> {
  if (isH5 || fileName.endsWith('.xlsx')) return openExport(url, fileName)
  try {
    await Taro.setClipboardData({ data: url })
    toast('下载链接已复制，可在浏览器中打开', 'none')
  } catch {
    toast('复制失败，请稍后再试', 'none')
  }
}
