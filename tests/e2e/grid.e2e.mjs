// Journey 7 (SPEC §10): a grid worker reports 乱堆乱放 with a photo; the secretary assigns the estate's
// company and whistles it together with the grid's responsible unit; both answer within the window; the
// company fixes it and posts an after-photo; the reporter confirms; the unit's feedback letter shows its
// answer and the grid's statistics the on-time fix. A secretary of another community is refused.
import { asPerson, attachPhoto, exportedWorkbook, pick, see, setIdentity, shot, visible } from './lib.mjs'

const WORKER = 'o-grid-hx-2-wk'
const XU = 'o-liaison-xu'
const LEADER_G2 = 'o-grid-hx-2-ld'
/** 马晓燕: member approved this year in 和谐社区, responsible for 第二网格. */
const MA = 'o-svc-m-hx-2'
const GRID = '/#/packages/grid/pages'

export const journeys = [
  [
    'journey 7: report with a photo, assign and whistle, both answer, fix with an after-photo, confirm, letter and statistics',
    async (page, { base }) => {
      // 1. The grid worker of 和谐社区 第二网格 reports 乱堆乱放 with a photo.
      await asPerson(page, base, WORKER, `${GRID}/report/index`)
      await see(page, '上报网格事件')
      await see(page, '第二网格')
      await visible(page, '#cat-clutter').tap()
      await pick(page, 'estate-picker', '和谐家园')
      await pick(page, 'building-picker', '2号楼')
      await visible(page, '#place input').fill('和谐家园2号楼楼道')
      await visible(page, '#description textarea').fill('楼道堆放纸箱和旧家具，堵塞消防通道')
      await attachPhoto(page, 'before.jpg')
      await shot(page, 'grid-01-report')
      await visible(page, '#submit-report').tap()
      await see(page, '待派单')
      const eventId = new URL(page.url().replace('/#/', '/')).searchParams.get('id')
      if (!eventId) throw new Error(`no event id in ${page.url()}`)
      await shot(page, 'grid-02-reported')

      // 2. The secretary finds it on the dispatch board, assigns the estate's company and whistles it with the unit.
      await setIdentity(page, base, 'o-sec-hx')
      await visible(page, '#tile-grid-board').tap()
      await visible(page, `#event-${eventId}`).tap()
      await see(page, '吹哨召集')
      await visible(page, '#handler-company-co-1').tap()
      await visible(page, '#assign').tap()
      await see(page, '处置方：物业公司')
      await visible(page, '#party-co-1').tap()
      await visible(page, '#party-u-hx-2').tap()
      await visible(page, '#blow').tap()
      await see(page, '待应答')
      await shot(page, 'grid-03-whistled')

      // 3. The company answers the whistle within the window.
      await setIdentity(page, base, 'o-prop-zheng')
      await visible(page, '#tile-grid-inbox').tap()
      await visible(page, '#tab-whistles').tap()
      await visible(page, `#summons-${eventId} textarea`).fill('物业今天下午派人清理')
      await visible(page, `#report-${eventId}`).tap()
      await see(page, '报到并承诺：物业今天下午派人清理')
      await shot(page, 'grid-04-company-answered')

      // 4. The grid's responsible unit answers too.
      await asPerson(page, base, XU, `${GRID}/inbox/index`)
      await visible(page, '#tab-whistles').tap()
      await visible(page, `#summons-${eventId} textarea`).fill('派 5 名党员志愿者协助搬运')
      await visible(page, `#report-${eventId}`).tap()
      await see(page, '报到并承诺：派 5 名党员志愿者协助搬运')

      // 5. The company accepts, fixes it and posts an after-photo.
      await setIdentity(page, base, 'o-prop-zheng')
      await visible(page, '#tile-grid-inbox').tap()
      await visible(page, `#event-${eventId}`).tap()
      await visible(page, '#accept').tap()
      await see(page, '郑凯接单')
      await visible(page, '#progress-note textarea').fill('已清理完毕，楼道畅通')
      await attachPhoto(page, 'after.jpg')
      await visible(page, '#mark-done').tap()
      await see(page, '待确认')
      await see(page, '按时应答')
      await shot(page, 'grid-05-fixed')

      // 6. The reporter confirms it resolved and rates it.
      await asPerson(page, base, WORKER, `${GRID}/mine/index`)
      await visible(page, `#event-${eventId}`).tap()
      await visible(page, '#confirm-resolved').tap()
      await see(page, '已办结')
      await see(page, '上报人评价')
      await shot(page, 'grid-06-confirmed')

      // 7. The secretary issues the unit's quarterly letter; the liaison sees the whistle answer on it.
      await setIdentity(page, base, 'o-sec-hx')
      await page.goto(`${base}/#/packages/service/pages/assess/index`)
      await visible(page, '#issue-u-hx-2').tap()
      await see(page, '已出具')
      await asPerson(page, base, XU, '/#/packages/service/pages/unit/index')
      await see(page, '网格吹哨：召集 1 次，按时应答 1 次')
      await see(page, '派 5 名党员志愿者协助搬运')
      await shot(page, 'grid-07-letter')

      // 8. The grid's statistics show the on-time fix.
      await setIdentity(page, base, 'o-sec-hx')
      await page.goto(`${base}${GRID}/stats/index`)
      await visible(page, '#stats-g-hx-2').waitFor()
      const g2 = await visible(page, '#stats-g-hx-2').textContent()
      if (!/100%/.test(g2) || !/1上报事件/.test(g2.replace(/\s/g, ''))) throw new Error(`grid 2 statistics: ${g2}`)
      await shot(page, 'grid-08-stats')
      const stats = await exportedWorkbook(page, base, 'grid.stats', 'grid', visible(page, '#export'))
      if (!stats.fileName.startsWith('和谐社区网格统计')) throw new Error(`statistics file named ${stats.fileName}`)

      // 9. A secretary of another community cannot open the event.
      await asPerson(page, base, 'o-sec-yg', `${GRID}/event/index?id=${eventId}`)
      await see(page, '您无权查看此事件')
      await shot(page, 'grid-09-refused')
    },
  ],
  [
    'the secretary appoints a grid worker by a one-time code (and QR); the appointee takes the post up on 使用邀请码',
    async (page, { base }) => {
      await setIdentity(page, base, 'o-sec-hx')
      await page.goto(`${base}${GRID}/staff/index`)
      await pick(page, 'grid-picker', '第三网格')
      await see(page, '任命网格人员')
      // No phone, no lookup: the secretary picks the post and gets a code to hand over in person.
      if (await visible(page, '#appoint-phone').count())
        throw new Error('the appointment still asks for a phone number')
      await visible(page, '#post-cadre').tap()
      await visible(page, '#appoint-title input').fill('社区民警')
      await visible(page, '#appoint').tap()
      await visible(page, '#appoint-qr').waitFor()
      const code = (await visible(page, '#appoint-code').textContent())?.trim() ?? ''
      if (!/^[A-Z2-9]{8}$/.test(code)) throw new Error(`no appointment code shown: "${code}"`)
      await see(page, '已发出的任命码')
      await page.waitForTimeout(1800) // the toast fades
      await shot(page, 'grid-11-appointment-code')

      // The appointee types the code on 使用邀请码 (the mini-program also scans the QR).
      await asPerson(page, base, 'o-e2e-appointee', '/#/pages/onboarding/redeem/index')
      await visible(page, '#redeem-code input').fill(code)
      await visible(page, '#redeem-name input').fill('郭建军')
      await visible(page, '#redeem-submit').tap()
      await visible(page, '#redeem-result').waitFor()
      await see(page, '网格')
      await shot(page, 'grid-12-appointee-took-post')

      // The code is spent; the grid page lists the new cadre.
      await setIdentity(page, base, 'o-sec-hx')
      await page.goto(`${base}${GRID}/staff/index`)
      await pick(page, 'grid-picker', '第三网格')
      await see(page, '郭建军')
      await see(page, '郭建军 已就任')
      await shot(page, 'grid-13-staff-with-appointee')
    },
  ],
  [
    'dispatch to a member by the grid leader, who handles it; a long handling history shows the latest and pages the rest',
    async (page, { base }) => {
      // Setup through the API: the grid worker reports on 第二网格.
      await asPerson(page, base, WORKER, `${GRID}/mine/index`)
      const api = (openid, action, input) =>
        page.evaluate(
          async ([o, a, i]) =>
            (
              await fetch('/cloud/grid', {
                method: 'POST',
                headers: { 'content-type': 'application/json', 'x-wx-openid': o },
                body: JSON.stringify({ action: a, input: i }),
              })
            ).json(),
          [openid, action, input],
        )
      const reported = await api(WORKER, 'event.report', {
        requestId: `e2e-member-${Date.now()}`,
        gridId: 'g-hx-2',
        buildingId: 'b-hx-1-2',
        place: '2号楼车棚',
        category: 'facility',
        description: '车棚照明坏了',
        photos: [],
        urgency: 'normal',
      })
      if (!reported.ok) throw new Error(`report: ${JSON.stringify(reported)}`)
      const eventId = reported.data.id

      // 1. The grid leader picks a member (named by their 报到 record, not an openid) and dispatches.
      await asPerson(page, base, LEADER_G2, `${GRID}/event/index?id=${eventId}`)
      await see(page, '或派给在职党员')
      await pick(page, 'member-picker', '马晓燕（本网格）')
      await visible(page, '#assign').tap()
      await see(page, '处置方：党员 马晓燕')
      await shot(page, 'grid-14-dispatched-to-member')

      // 2. She accepts and posts twelve progress notes; the event shows the latest five and opens all of them, ten a page.
      await asPerson(page, base, MA, `${GRID}/event/index?id=${eventId}`)
      await visible(page, '#accept').tap()
      await see(page, '马晓燕接单')
      for (let i = 1; i <= 12; i++) {
        const r = await api(MA, 'event.progress', { eventId, note: `第 ${i} 次进展：排查线路`, photos: [] })
        if (!r.ok) throw new Error(`progress ${i}: ${JSON.stringify(r)}`)
      }
      await page.reload()
      await see(page, '处置过程（共 12 条）')
      await see(page, '以下是最近 5 条')
      await shot(page, 'grid-15-latest-steps')
      await visible(page, '#toggle-steps').tap()
      await visible(page, '#all-steps #step-12').waitFor()
      await visible(page, '.tx-pager').getByText('下一页').tap()
      await visible(page, '#all-steps #step-1').waitFor()
      await see(page, '第 1 次进展：排查线路')
      await shot(page, 'grid-16-all-steps-page-2')
    },
  ],
  [
    'street admin sees the overdue queue and the deadlines',
    async (page, { base }) => {
      await setIdentity(page, base, 'o-street-admin')
      await visible(page, '#tile-grid-overdue').tap()
      await visible(page, '#event-gev-hx-2').waitFor()
      await see(page, '已超期')
      await see(page, '吹哨应答时限')
      await shot(page, 'grid-10-overdue')
    },
  ],
  [
    'events by place for the secretary and the grid, and each grid worker’s year as a record',
    async (page, { base }) => {
      const api = async (openid, action, input) => {
        const res = await page.request.post(`${base}/cloud/grid`, {
          headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
          data: { action, input },
        })
        const body = await res.json()
        if (!body.ok) throw new Error(`grid.${action}: ${body.error.code} ${body.error.message}`)
        return body.data
      }
      const report = (openid, buildingId, place, lat, lng, urgency = 'normal') =>
        api(openid, 'event.report', {
          requestId: `e2e-map-${Math.random().toString(36).slice(2)}`,
          gridId: 'g-hx-1',
          buildingId,
          place,
          category: 'clutter',
          description: `${place}堆放杂物`,
          photos: [],
          urgency,
          lat,
          lng,
        })
      // Located reports at two buildings of 第一网格 (和谐家园 1号楼 and 翠竹苑 1号楼).
      await report('o-grid-huang', 'b-hx-1-1', '1号楼西侧', 30.5931, 114.3051)
      await report('o-res-liu', 'b-hx-1-1', '1号楼门口', 30.5929, 114.3055, 'urgent')
      await report('o-grid-huang', 'b-hx-2-1', '翠竹苑1号楼北侧', 30.5941, 114.3072)
      await setIdentity(page, base, 'o-sec-hx')
      await page.goto(`${base}${GRID}/board/index`)
      await visible(page, '#go-map').click()
      await see(page, '件未办结')
      await visible(page, '#event-plot').waitFor()
      await visible(page, '#place-e-hx-1-b-hx-1-1').click()
      await see(page, '1号楼门口堆放杂物')
      await page.waitForTimeout(1000)
      await shot(page, 'grid-11-map-secretary')
      await page.goto(`${base}${GRID}/workers/index`)
      await see(page, '不是评分，也不排名')
      await visible(page, `[id^="worker-gs-g-hx-1-"]`).first().waitFor()
      await see(page, '黄丽')
      await page.waitForTimeout(800)
      await shot(page, 'grid-12-worker-records')
      // The grid worker sees her own grid's places.
      await setIdentity(page, base, 'o-grid-huang')
      await page.goto(`${base}${GRID}/map/index`)
      await see(page, '翠竹苑')
      await shot(page, 'grid-13-map-grid-worker')
    },
  ],
]
