import { MYDATA_EXPORT_CAP, MYDATA_SECTIONS } from '../../../types/mydata'
import type { Handler } from '../../shared/dispatch'
import { LINK_SECONDS, storeFile } from '../../shared/storage'
import { collectMyData, myDataFilePath } from '../mydata/collect'
import { SECTIONS } from '../mydata/sections'
import { beijingText, myDataJson } from '../mydata/sheets'

/**
 * 我的数据 (SPEC §7, PIPL): every signed-in person reads what 同心圆 holds about them, and only that —
 * every section is read from the caller's own identity (docs/decisions.md).
 */

/** The count of every section: one request per section at most (21), whatever the data. */
export const myDataSummary: Handler<'org.mydata.summary'> = {
  async run(ctx) {
    const who = { db: ctx.db, actor: ctx.actor, now: ctx.now }
    const counts = await Promise.all(MYDATA_SECTIONS.map((key) => SECTIONS[key].count(who)))
    return { sections: MYDATA_SECTIONS.map((key, i) => ({ key, count: counts[i] })), exportCap: MYDATA_EXPORT_CAP }
  },
}

/** One page of one section: its count and the slice, with up to two look-ups (at most four requests). */
export const myDataSection: Handler<'org.mydata.section'> = {
  async run(ctx) {
    const { input } = ctx
    const source = SECTIONS[input.section]
    const who = { db: ctx.db, actor: ctx.actor, now: ctx.now }
    const { total, rows } = await source.page(who, (input.page - 1) * input.pageSize, input.pageSize)
    return { key: input.section, columns: source.columns, rows, total, page: input.page, pageSize: input.pageSize }
  },
}

/**
 * All of it as one JSON file in storage, at the person's own path (each export rewrites it), with a
 * link that lives an hour. Sections longer than MYDATA_EXPORT_CAP hold their newest rows and say so.
 */
export const myDataExport: Handler<'org.mydata.export'> = {
  async run(ctx) {
    const data = await collectMyData(ctx.db, ctx.actor, ctx.now)
    const body = Buffer.from(JSON.stringify(myDataJson(data), null, 2), 'utf8')
    const { fileId, url } = await storeFile(myDataFilePath(ctx.actor.openid, 'json'), body, LINK_SECONDS)
    const rows = data.sections.reduce((n, s) => n + s.rows.length, 0)
    const truncated = data.sections.filter((s) => s.truncated).map((s) => s.key)
    await ctx.audit(`exports/${fileId}`, null, { kind: 'mydata', rows })
    return { fileId, url, fileName: `我的数据-${beijingText(data.collectedAt).slice(0, 10)}.json`, rows, truncated }
  },
}
