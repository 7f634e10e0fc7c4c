import ExcelJS from 'exceljs'
import type { ExportActions, ExportFileView } from '../../types/export'
import type { z } from 'zod'
import type { Ctx, Route } from '../shared/dispatch'
import { LINK_SECONDS, storeFile } from '../shared/storage'
import { plainWorkbook, type PlainTable } from './plain-xlsx'
import { workbookBuffer } from './workbook'

/** The input of export action A as its schema parses it. */
type ExportInput<A extends keyof ExportActions> = z.output<ExportActions[A]['input']>

/**
 * One kind of Excel file. The export function trusts no other function's word: `load` runs here, on
 * the caller's own actor, with the owning module's scope rule and repo reads.
 */
interface KindBase<A extends keyof ExportActions & string, D> {
  /** The contract action this kind answers: `load` gets that action's input, as its schema parses it. */
  action: A
  /** What the file shows, after the owning module's scope rule for the caller (FORBIDDEN, NOT_FOUND or CONFLICT otherwise; nothing is stored). */
  load(ctx: Ctx<ExportInput<A>>): Promise<D>
  /** Where the file is stored and the name it is saved as. */
  file(data: D, now: Date): { cloudPath: string; fileName: string }
  /** For files that name people or a vote: what the audit log keeps of the export. */
  audit?(data: D, file: { cloudPath: string; rows: number }): { target: string; after: Record<string, unknown> }
}

/** Sheets written with exceljs (header styles, column widths); answers how many data rows the file holds. */
interface SheetsKind<D> {
  sheets(wb: ExcelJS.Workbook, data: D): number
}

/** Plain tables of text and numbers, no styles (plain-xlsx.ts): a long file's rows at a tenth of exceljs's CPU (a period's ratings). */
interface TablesKind<D> {
  tables(data: D): { tables: PlainTable[]; rows: number }
}

export type ExportKind<A extends keyof ExportActions & string, D> = KindBase<A, D> & (SheetsKind<D> | TablesKind<D>)

/** The file of one kind, and how many data rows it holds. */
async function workbookOf<D>(kind: SheetsKind<D> | TablesKind<D>, data: D): Promise<{ content: Buffer; rows: number }> {
  if ('tables' in kind) {
    const { tables, rows } = kind.tables(data)
    return { content: plainWorkbook(tables), rows }
  }
  const wb = new ExcelJS.Workbook()
  wb.creator = '同心圆'
  const rows = kind.sheets(wb, data)
  return { content: await workbookBuffer(wb), rows }
}

/** The action of one kind: load (scope checked) → workbook → storage → a link to it. */
export function exportKind<A extends keyof ExportActions & string, D>(
  kind: ExportKind<A, D>,
): Route<ExportInput<A>, ExportFileView> {
  return {
    async run(ctx) {
      const data = await kind.load(ctx)
      const { cloudPath, fileName } = kind.file(data, ctx.now)
      const { content, rows } = await workbookOf(kind, data)
      const stored = await storeFile(cloudPath, content, LINK_SECONDS)
      const entry = kind.audit?.(data, { cloudPath, rows })
      if (entry) await ctx.audit(entry.target, null, entry.after)
      return { ...stored, fileName, rows }
    },
  }
}
