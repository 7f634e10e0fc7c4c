import type ExcelJS from 'exceljs'

/** Every export's header row: bold white on Party red. */
export function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true, color: { argb: 'FFFFFFFF' } }
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFC8161D' } }
}

/**
 * The workbook as an .xlsx file. Deflate at level 1: zipping at the default level was most of a long
 * export's time, for a file ≈ 25 % smaller (bench, docs/decisions.md).
 */
export async function workbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(
    await wb.xlsx.writeBuffer({
      zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } },
    } as ExcelJS.XlsxWriteOptions),
  )
}

/** A time stamp for file paths to the millisecond, e.g. 20261123020000000 (UTC; it only makes each path unique). */
export const stamp = (d: Date) => d.toISOString().replace(/[-:TZ.]/g, '')

/** A file name to save as: the words given, without the characters file systems refuse. */
export const xlsxName = (...parts: string[]) => `${parts.join('-').replace(/[\\/:*?"<>|\s]+/g, '_')}.xlsx`
