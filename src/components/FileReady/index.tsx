import { Text } from '@tarojs/components'
import Notice from '../Notice'

export interface FileReadyProps {
  /** What the export produced (the function's answer). */
  file: { fileName: string; rows?: number }
  /** Opens (WeChat) or downloads (H5) the file again. */
  onOpen: () => void
  id?: string
}

/**
 * The confirmation after an export, where the button was: 已导出 with the file's name (and how many
 * rows), and 打开文件 to open it again — the first opening happens at once, but a person who closed
 * it, or whose browser saved it quietly, needs to see that it worked and what it is called.
 */
export default function FileReady({ file, onOpen, id = 'file-ready' }: FileReadyProps) {
  return (
    <Notice tone='success' title='已导出' actionText='打开文件' onAction={onOpen} id={id}>
      <Text id={`${id}-name`}>{`文件：${file.fileName}${file.rows !== undefined ? `（${file.rows} 行）` : ''}`}</Text>
    </Notice>
  )
}
