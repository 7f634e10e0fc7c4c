import { collectMyData, myDataFilePath, type MyData } from '../../org/public'
import { beijingText, myDataWorkbookSheets } from '../../org/public'
import { exportKind } from '../kind'
import { styleHeader } from '../workbook'

/**
 * 我的数据 as Excel (SPEC §7, PIPL): the caller's own records only — read from the platform's identity,
 * never from the event — at the person's own path (each export overwrites it; leaving removes it).
 */
export const orgMyData = exportKind({
  action: 'org.mydata',
  load: (ctx): Promise<MyData & { openid: string }> =>
    collectMyData(ctx.db, ctx.actor, ctx.now).then((d) => ({ ...d, openid: ctx.actor.openid })),
  file: (d) => ({
    cloudPath: myDataFilePath(d.openid, 'xlsx'),
    fileName: `我的数据-${beijingText(d.collectedAt).slice(0, 10)}.xlsx`,
  }),
  sheets(wb, d) {
    let rows = 0
    for (const sheet of myDataWorkbookSheets(d)) {
      const ws = wb.addWorksheet(sheet.name)
      ws.addRow(sheet.header)
      for (const r of sheet.rows) ws.addRow(r)
      styleHeader(ws.getRow(1))
      ws.columns.forEach((c) => {
        c.width = 20
      })
      if (sheet.name !== '说明') rows += sheet.rows.length
    }
    return rows
  },
  audit: (d, file) => ({
    target: `exports/${file.cloudPath}`,
    after: { kind: 'mydata', rows: file.rows, format: 'xlsx' },
  }),
})
