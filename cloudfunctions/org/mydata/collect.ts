import {
  MYDATA_EXPORT_CAP,
  MYDATA_SECTIONS,
  MYDATA_SECTION_INFO,
  type MyDataColumnView,
  type MyDataGroup,
  type MyDataRow,
  type MyDataSection,
} from '../../../types/mydata'
import type { Actor } from '../../shared/actor'
import type { Database } from '../../shared/cloud'
import { ownerToken } from '../../shared/owner-token'
import { SECTIONS } from './sections'

/** Rows read per request when collecting a whole section (the contract's pages are ≤ 50 for screens). */
export const EXPORT_PAGE = 100

/** One section with all its rows (up to MYDATA_EXPORT_CAP, newest first). */
export interface MyDataSheet {
  key: MyDataSection
  title: string
  group: MyDataGroup
  about: string
  columns: MyDataColumnView[]
  rows: MyDataRow[]
  /** Rows the person has in this section; more than `rows.length` when the cap cut it. */
  total: number
  truncated: boolean
}

/** Everything 同心圆 holds about one person, as plain data: what the JSON file holds and an Excel workbook is made from. */
export interface MyData {
  name: string
  /** ISO instant of the collection. */
  collectedAt: string
  cap: number
  sections: MyDataSheet[]
}

/** Most database requests one section costs here: its count, then pages of EXPORT_PAGE with up to two look-ups each. */
export const MAX_REQUESTS_PER_SECTION = 1 + Math.ceil(MYDATA_EXPORT_CAP / EXPORT_PAGE) * 3

async function collectSection(db: Database, actor: Actor, now: Date, key: MyDataSection): Promise<MyDataSheet> {
  const source = SECTIONS[key]
  const who = { db, actor, now }
  // The count first: most people have nothing in most sections, and then nothing more is read.
  const total = await source.count(who)
  const rows: MyDataRow[] = []
  const want = Math.min(total, MYDATA_EXPORT_CAP)
  while (rows.length < want) {
    const page = await source.rows(who, rows.length, Math.min(EXPORT_PAGE, want - rows.length))
    rows.push(...page)
    if (!page.length) break
  }
  const { title, group, about } = MYDATA_SECTION_INFO[key]
  return { key, title, group, about, columns: source.columns, rows, total, truncated: total > rows.length }
}

/**
 * All of a person's 我的数据, section by section (sections read side by side). Requests grow with the
 * person's own records only, and are bounded: at most MAX_REQUESTS_PER_SECTION per section (so
 * ≤ 21 × 16), whatever anyone else has stored. The export function's Excel file calls this and
 * `myDataWorkbookSheets` (sheets.ts).
 */
export async function collectMyData(db: Database, actor: Actor, now: Date): Promise<MyData> {
  const sections = await Promise.all(MYDATA_SECTIONS.map((key) => collectSection(db, actor, now, key)))
  return { name: actor.name, collectedAt: now.toISOString(), cap: MYDATA_EXPORT_CAP, sections }
}

/**
 * Where a person's export file lives: one path per person and format, rewritten by each export (no
 * copies pile up), named by an owner token so nobody can find or guess it without the server's
 * secret, and found again by leaving (注销), which removes it.
 */
export const myDataFilePath = (openid: string, ext: 'json' | 'xlsx') =>
  `exports/mydata/${ownerToken('mydata:export', openid)}.${ext}`
