import { useState } from 'react'
import type { ActionOf, CallInput } from '../services/cloud'
import { openExport } from '../services/files'
import { useMutation } from './useCloud'

export interface ExportedFile {
  url: string
  fileName: string
  rows?: number
}

/**
 * An export button's work: ask the `export` function for the file (`kind` is its action, e.g.
 * 'council.vote'), open it at once, and keep it for the confirmation (FileReady: 已导出 with its name,
 * 打开文件 again). `fallbackName` names a file whose action does not say its name.
 */
export function useExport<A extends ActionOf<'export'>>(kind: A, fallbackName = '导出.xlsx') {
  const m = useMutation('export', kind)
  const [file, setFile] = useState<ExportedFile>()
  const run = async (input: CallInput<'export', A>) => {
    const out = (await m.run(input)) as { url: string; fileName?: string; rows?: number } | undefined
    if (!out) return
    const f = { url: out.url, fileName: out.fileName ?? fallbackName, rows: out.rows }
    setFile(f)
    await openExport(f)
  }
  return { run, sending: m.sending, error: m.error, file, open: () => (file ? void openExport(file) : undefined) }
}
