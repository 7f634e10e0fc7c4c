import type ExcelJS from 'exceljs'
import { storeFile } from './storage'

/** Every export's header row: bold white on Party red. */
export function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true, color: { argb: 'FFFFFFFF' } }
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFC8161D' } }
}

/** How long an export's download link lives, in seconds. */
export const LINK_SECONDS = 3600

/** Write the workbook and store it (maxAge omitted: the platform's default link lifetime). */
export async function storeWorkbook(cloudPath: string, wb: ExcelJS.Workbook, maxAge?: number) {
  return storeFile(cloudPath, Buffer.from(await wb.xlsx.writeBuffer()), maxAge)
}
