import Taro from '@tarojs/taro'
import { isH5, toast } from './nav'

/** A stored file handed back by a function (an export, 核算数据): a temporary link and a name to save it as. */
export interface StoredFile {
  url: string
  fileName: string
}

/** A download in the browser (H5): an anchor with `download`, clicked. */
function browserDownload({ url, fileName }: StoredFile): void {
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.target = '_blank'
  document.body.appendChild(a)
  a.click()
  a.remove()
}

/** Opens an exported .xlsx: a download on H5; download + openDocument in WeChat. */
export async function openExport(file: StoredFile): Promise<void> {
  if (isH5) return browserDownload(file)
  try {
    const { tempFilePath } = await Taro.downloadFile({ url: file.url })
    await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true })
  } catch {
    toast('文件打开失败，请稍后再试', 'none')
  }
}

/**
 * A stored file for the person to keep: Excel opens as a document in WeChat; a JSON file (which
 * WeChat cannot open) has its link copied, to open in a browser. On H5 both download.
 */
export async function saveDownload(file: StoredFile): Promise<void> {
  if (isH5 || file.fileName.endsWith('.xlsx')) return openExport(file)
  try {
    await Taro.setClipboardData({ data: file.url })
    toast('下载链接已复制，可在浏览器中打开', 'none')
  } catch {
    toast('复制失败，请稍后再试', 'none')
  }
}
