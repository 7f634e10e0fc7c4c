import type ExcelJS from 'exceljs'
import { LINK_SECONDS, storeFile } from '../shared/storage'

/** Every export's header row: bold white on Party red. */
export function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true, color: { argb: 'FFFFFFFF' } }
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFC8161D' } }
}

/** Write the workbook and store it; the link lives LINK_SECONDS. */
export async function storeWorkbook(cloudPath: string, wb: ExcelJS.Workbook) {
  return storeFile(cloudPath, Buffer.from(await wb.xlsx.writeBuffer()), LINK_SECONDS)
}

/** A time stamp for file paths to the millisecond, e.g. 20261123020000000 (UTC; it only makes each path unique). */
export const stamp = (d: Date) => d.toISOString().replace(/[-:TZ.]/g, '')

/** A file name to save as: the words given, without the characters file systems refuse. */
export const xlsxName = (...parts: string[]) => `${parts.join('-').replace(/[\\/:*?"<>|\s]+/g, '_')}.xlsx`
