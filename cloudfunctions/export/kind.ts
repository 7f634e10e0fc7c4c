import ExcelJS from 'exceljs'
import type { ExportFileView } from '../../types/export'
import type { Ctx, Route } from '../shared/dispatch'
import { storeWorkbook } from './workbook'

/**
 * One kind of Excel file. The export function trusts no other function's word: `load` runs here, on
 * the caller's own actor, with the owning module's scope rule and repo reads.
 */
export interface ExportKind<I, D> {
  /** What the file shows, after the owning module's scope rule for the caller (FORBIDDEN, NOT_FOUND or CONFLICT otherwise; nothing is stored). */
  load(ctx: Ctx<I>): Promise<D>
  /** Where the file is stored and the name it is saved as. */
  file(data: D, now: Date): { cloudPath: string; fileName: string }
  /** Writes the sheets; answers how many data rows the file holds. */
  sheets(wb: ExcelJS.Workbook, data: D): number
  /** The sheets set no fonts, fills or formats: the file is written without styles, faster (a period's ratings). */
  unstyled?: true
  /** For files that name people or a vote: what the audit log keeps of the export. */
  audit?(data: D, file: { cloudPath: string; rows: number }): { target: string; after: Record<string, unknown> }
}

/** The action of one kind: load (scope checked) → workbook → storage → a link to it. */
export function exportKind<I, D>(kind: ExportKind<I, D>): Route<I, ExportFileView> {
  return {
    async run(ctx) {
      const data = await kind.load(ctx)
      const { cloudPath, fileName } = kind.file(data, ctx.now)
      const wb = new ExcelJS.Workbook()
      wb.creator = '同心圆'
      const rows = kind.sheets(wb, data)
      const stored = await storeWorkbook(cloudPath, wb, !kind.unstyled)
      const entry = kind.audit?.(data, { cloudPath, rows })
      if (entry) await ctx.audit(entry.target, null, entry.after)
      return { ...stored, fileName, rows }
    },
  }
}
