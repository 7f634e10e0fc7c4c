import { useState } from 'react'
import type { FunctionName } from '../../types'
import type { ActionOf, CallInput } from '../services/cloud'
import { openFile } from '../services/files'
import { useMutation } from './useCloud'

export interface ExportedFile {
  url: string
  fileName: string
  rows?: number
}

/**
 * An export button's work: ask the function for the file, open it at once, and keep it for the
 * confirmation (FileReady: 已导出 with its name, 打开文件 again). `fallbackName` names a file whose
 * action does not say its name.
 */
export function useExport<F extends FunctionName, A extends ActionOf<F>>(fn: F, action: A, fallbackName = '导出.xlsx') {
  const m = useMutation(fn, action)
  const [file, setFile] = useState<ExportedFile>()
  const run = async (input: CallInput<F, A>) => {
    const out = (await m.run(input)) as { url: string; fileName?: string; rows?: number } | undefined
    if (!out) return
    const f = { url: out.url, fileName: out.fileName ?? fallbackName, rows: out.rows }
    setFile(f)
    await openFile(f.url, f.fileName)
  }
  return { run, sending: m.sending, error: m.error, file, open: () => (file ? void openFile(file.url, file.fileName) : undefined) }
}
