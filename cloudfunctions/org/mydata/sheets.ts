import { MYDATA_GROUP_LABEL, type MyDataCell, type MyDataColumnView } from '../../../types/mydata'
import type { MyData, MyDataSheet } from './collect'

/** 我的数据 as files: pure conversions of the collected data (collect.ts), times in Beijing time. */

const OFFSET_MS = 8 * 3600_000
const pad = (n: number) => String(n).padStart(2, '0')
const wall = (iso: string) => new Date(new Date(iso).getTime() + OFFSET_MS)

/** "2026-11-23T10:00:00+08:00": exact, and readable as Beijing time. */
export function beijingIso(iso: string): string {
  const t = wall(iso)
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}+08:00`
}

/** "2026-11-23 10:00", for a spreadsheet cell. */
export function beijingText(iso: string): string {
  const t = wall(iso)
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`
}

const convert = (cell: MyDataCell, column: MyDataColumnView, time: (iso: string) => string): MyDataCell =>
  column.kind === 'time' && typeof cell === 'string' ? time(cell) : cell

export const MYDATA_FORMAT = 'tongxinyuan-mydata/1'

export const ABOUT_FILE =
  '这是同心圆为您保存的个人数据，按类别列出。时间均为北京时间。' +
  '表决只列出进行中的表决里本户当前的选择；表决结束后，任何地方都不再显示本户投了什么。' +
  '对决议的评价，家人给出的只写明由家人评价，不含内容。'

/** The JSON file: the sections with their column titles, rows keyed by column, times as Beijing ISO. */
export function myDataJson(d: MyData) {
  return {
    format: MYDATA_FORMAT,
    about: ABOUT_FILE,
    exportedAt: beijingIso(d.collectedAt),
    name: d.name,
    rowsPerSectionAtMost: d.cap,
    sections: d.sections.map((s) => ({
      key: s.key,
      title: s.title,
      group: MYDATA_GROUP_LABEL[s.group],
      about: s.about,
      total: s.total,
      truncated: s.truncated,
      columns: s.columns.map((c) => ({ key: c.key, title: c.title })),
      rows: s.rows.map((r) =>
        Object.fromEntries(s.columns.map((c) => [c.key, convert(r[c.key] ?? null, c, beijingIso)])),
      ),
    })),
  }
}

/** One worksheet: a name Excel accepts, the header row and the value rows. */
export interface WorkbookSheet {
  name: string
  header: string[]
  rows: (string | number)[][]
}

/** Excel forbids []:*?/\ in sheet names and takes at most 31 characters. */
const sheetName = (s: string) => s.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31)

const sheetOf = (s: MyDataSheet): WorkbookSheet => ({
  name: sheetName(s.title),
  header: s.columns.map((c) => c.title),
  rows: s.rows.map((r) => s.columns.map((c) => convert(r[c.key] ?? null, c, beijingText) ?? '')),
})

/**
 * The workbook as plain sheets, for the export function (exceljs lives there): a 说明 sheet first
 * (what the file is; sections cut at the cap), then one sheet per section that has rows.
 */
export function myDataWorkbookSheets(d: MyData): WorkbookSheet[] {
  const about: WorkbookSheet = {
    name: '说明',
    header: ['类别', '条数', '说明'],
    rows: [
      ['导出时间', beijingText(d.collectedAt), ABOUT_FILE],
      ...d.sections.map((s) => [
        s.title,
        s.total,
        s.truncated ? `${s.about}（只含最新 ${d.cap} 条，其余请在小程序中查看）` : s.about,
      ]),
    ],
  }
  return [about, ...d.sections.filter((s) => s.rows.length).map(sheetOf)]
}
