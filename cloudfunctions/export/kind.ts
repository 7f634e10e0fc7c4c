import ExcelJS from 'exceljs'
import type { ExportActions, ExportFileView } from '../../types/export'
import type { z } from 'zod'
import type { Ctx, Route } from '../shared/dispatch'
import { storeWorkbook } from './workbook'

/** The input of export action A as its schema parses it. */
type ExportInput<A extends keyof ExportActions> = z.output<ExportActions[A]['input']>

/**
 * One kind of Excel file. The export function trusts no other function's word: `load` runs here, on
 * the caller's own actor, with the owning module's scope rule and repo reads.
 */
export interface ExportKind<A extends keyof ExportActions & string, D> {
  /** The contract action this kind answers: `load` gets that action's input, as its schema parses it. */
  action: A
  /** What the file shows, after the owning module's scope rule for the caller (FORBIDDEN, NOT_FOUND or CONFLICT otherwise; nothing is stored). */
  load(ctx: Ctx<ExportInput<A>>): Promise<D>
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
export function exportKind<A extends keyof ExportActions & string, D>(kind: ExportKind<A, D>): Route<ExportInput<A>, ExportFileView> {
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
