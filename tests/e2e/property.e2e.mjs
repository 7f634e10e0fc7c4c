// Journey 5 (SPEC §8): residents rate two companies in the open month; the company answers and
// rectifies; the secretary assesses; the street closes the month into its 3-day objection window, a
// company objects and the street upholds it by excluding a rating; after the window the street
// publishes the list — one company red, one black, one not ranked; a summons is recorded; a resident
// sees the list, the reasons and the exclusion, downloads the 核算数据 and recomputes the list with
// docs/recompute-list.mjs.
import { execFileSync } from 'child_process'
import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import {
  asPerson,
  attachPhoto,
  exportedWorkbook,
  ROOT,
  see,
  setClockOffset,
  setIdentity,
  shot,
  visible,
} from './lib.mjs'

const onScreen = (page, sel) => page.locator(`.taro_page:not([style*="display: none"]):not(.taro_page_shade) ${sel}`)
const PAGES = '/#/packages/property/pages'

async function rate(page, stars, comment, photo) {
  for (const [dim, n] of Object.entries(stars)) await visible(page, `#star-${dim}-${n}`).click()
  if (comment) await visible(page, '#rate-comment textarea').fill(comment)
  if (photo) {
    await attachPhoto(page, photo)
    await shot(page, 'property-01a-rating-with-photo')
  }
  await visible(page, '#submit-rating').click()
  await visible(page, '#rated-note').waitFor({ timeout: 15_000 })
}

async function confirmModal(page) {
  await page.locator('.taro-model__confirm').click()
}

export const journeys = [
  [
    'journey 5: rate, answer, rectify, assess, publish, summon, and read the list',
    async (page, { base }) => {
      // 1. 刘芳 (和谐家园, served by 安居物业) rates with a low score on repairs and a comment.
      await setIdentity(page, base, 'o-res-liu')
      await visible(page, '#tile-prop-rate').click()
      await see(page, '安居物业服务有限公司')
      await see(page, '2026年11月')
      await rate(
        page,
        { cleaning: 5, order: 5, repairs: 2, greening: 5, attitude: 5, fees: 4 },
        '3号楼单元门禁坏了一周',
        'door.jpg',
      )
      await shot(page, 'property-01-resident-rated')
      // She edits her comment before the close: the edit must reach the company, not be swallowed.
      await visible(page, '#rate-comment textarea').fill('3号楼单元门禁坏了一周，至今未修')
      await Promise.all([
        page.waitForResponse(
          (r) => r.url().endsWith('/cloud/property') && (r.request().postData() ?? '').includes('rating.submit'),
        ),
        visible(page, '#submit-rating').click(),
      ])

      // 2. 陈桂兰 (翠竹苑, served by 恒泰物业) rates the other company.
      await asPerson(page, base, 'o-res-chen', `${PAGES}/rate/index`)
      await see(page, '恒泰物业管理有限公司')
      await rate(page, { cleaning: 2, order: 3, repairs: 1, greening: 3, attitude: 2, fees: 2 })
      await shot(page, 'property-02-second-company-rated')

      // 3. 郑凯 (安居物业) reads the rating without the rater, answers it and reports the fix.
      await setIdentity(page, base, 'o-prop-zheng')
      await visible(page, '#tile-prop-staff').click()
      const card = onScreen(page, '.tx-card[id^="rating-"]').filter({ hasText: '门禁坏了一周' })
      await card.waitFor()
      const text = await card.textContent()
      await card.locator('.tx-photos__img').first().waitFor({ timeout: 15_000 })
      if (!text.includes('至今未修')) throw new Error(`the edited comment did not reach the company: ${text}`)
      if (/刘芳|1号楼 101|o-res-liu/.test(text)) throw new Error(`the company sees who rated: ${text}`)
      await card.locator('textarea').fill('已安排维修师傅，三天内修好')
      await card.locator('.tx-btn', { hasText: '发送答复' }).click()
      await see(page, '已答复（郑凯')
      await shot(page, 'property-03-staff-answered')
      // The summary above the ratings: averages per dimension, households per estate, what is overdue; no rater.
      await visible(page, '#staff-summary').waitFor()
      await see(page, '本期概览 · 2026年11月')
      await visible(page, '#avg-cleaning').waitFor()
      const summary = await visible(page, '#staff-summary').textContent()
      if (/刘芳|1号楼 101|o-res-/.test(summary)) throw new Error(`the summary names a rater: ${summary}`)
      await visible(page, '#tab-all').click()
      await see(page, '按日期从新到旧')
      await visible(page, '#tab-rect').click()
      const rect = onScreen(page, '.tx-card[id^="rect-"]').filter({ hasText: '门禁坏了一周' })
      await rect.waitFor()
      await rect.locator('textarea').fill('门禁已更换，欢迎监督')
      await rect.locator('.tx-btn', { hasText: '已整改，请居民确认' }).click()
      await onScreen(page, '.tx-card[id^="rect-"]').filter({ hasText: '物业已报整改' }).first().waitFor()
      await shot(page, 'property-04-staff-reported-fix')

      // 4. 刘芳 confirms the fix.
      await setIdentity(page, base, 'o-res-liu')
      await page.goto(`${base}${PAGES}/mine/index`)
      const mine = onScreen(page, '.tx-card[id^="rect-"]').filter({ hasText: '门禁坏了一周' })
      await mine.waitFor()
      await mine.locator('.tx-btn', { hasText: '已整改' }).first().click()
      await onScreen(page, '.tx-card[id^="rect-"]').filter({ hasText: '居民确认已整改' }).first().waitFor()
      await shot(page, 'property-05-resident-confirmed')

      // 5. 王秀英 assesses both companies serving 和谐社区.
      await setIdentity(page, base, 'o-sec-hx')
      await visible(page, '#tile-prop-assess').click()
      await visible(page, '#assess-co-1').waitFor()
      await visible(page, '#score-co-1 input').fill('92')
      await visible(page, '#save-co-1').click()
      await see(page, '社区评价：92 分')
      await visible(page, '#score-co-2 input').fill('50')
      await visible(page, '#save-co-2').click()
      await see(page, '社区评价：50 分')
      await shot(page, 'property-06-secretary-assessed')

      // 6. 赵立新 closes the month: a 3-day objection window opens, and 发布 waits for its end.
      await setIdentity(page, base, 'o-street-admin')
      await visible(page, '#tile-prop-street').click()
      // The month runs on the timer: it says when it will end by itself; the street can still close it early.
      await visible(page, '#auto-2026-11').waitFor()
      await visible(page, '#close-2026-11').click()
      await confirmModal(page)
      await visible(page, '#window-2026-11').waitFor()
      if (await visible(page, '#publish-2026-11').count()) throw new Error('发布 offered inside the objection window')
      await visible(page, '#preview-2026-11').click()
      await visible(page, '#preview').waitFor()
      await shot(page, 'property-07-admin-preview')

      // 7. 钱进 (恒泰物业) sees the window and objects; a second objection is not offered while it waits.
      await setIdentity(page, base, 'o-prop-qian')
      await visible(page, '#tile-prop-staff').click()
      await visible(page, '#tab-objection').click()
      await visible(page, '#objection-window').getByText('现在可以').waitFor()
      await visible(page, '#staff-preview').waitFor()
      await visible(page, '#objection-text textarea').fill('101 室住户当月已搬离，其评价不应计入')
      await visible(page, '#send-objection').click()
      await visible(page, '#objection-pending').waitFor()
      if (await visible(page, '#objection-text').count())
        throw new Error('a second objection box is offered while one is pending')
      await shot(page, 'property-07a-staff-objection-window')

      // 8. 赵立新 upholds it and excludes the rating named (kept, marked, out of the aggregate).
      await setIdentity(page, base, 'o-street-admin')
      await visible(page, '#tile-prop-street').click()
      await visible(page, '#tab-objection').click()
      await visible(page, '[id^="decision-"] textarea').fill('经核实该户当月已搬离，剔除其评价')
      await visible(page, '[id^="choose-exclude-"]').click()
      await visible(page, '.pp-pick').click()
      await visible(page, '.pp-pick--on').waitFor()
      await shot(page, 'property-07b-admin-choosing-exclusion')
      await visible(page, '[id^="exclude-"]').click()
      await see(page, '已剔除 1 条评价')
      await shot(page, 'property-07c-admin-excluded')

      // 9. Four days later the window is over: the street decides the held ratings and publishes.
      setClockOffset(4 * 86_400_000)
      await visible(page, '#tab-periods').click()
      await visible(page, '#publish-2026-11').waitFor()
      // Two ratings of 万邦物业 are held for review (new households): the list publishes only once they are decided.
      await visible(page, '#held-2026-11').waitFor()
      await visible(page, '#tab-review').click()
      for (const id of ['rt_demo_00035', 'rt_demo_00036']) {
        await visible(page, `#approve-${id}`).click()
        await onScreen(page, `#review-${id}`).waitFor({ state: 'detached' })
      }
      await see(page, '没有待复核的评价')
      await visible(page, '#tab-periods').click()
      // 发布前检查: nothing blocks now; it still says which companies no community assessed.
      await visible(page, '#ready-2026-11').waitFor()
      await visible(page, '#missing-2026-11').waitFor()
      await shot(page, 'property-08a-readiness')
      await visible(page, '#publish-2026-11').click()
      await confirmModal(page)
      await see(page, '已发布第 1 版')
      await shot(page, 'property-08-admin-published')
      const period = await exportedWorkbook(page, base, 'property.period', 'property', visible(page, '#export-2026-11'))
      await see(page, `（${period.rows} 行）`)

      // 10. A summons for the black-listed company.
      await visible(page, '#tab-summons').click()
      await visible(page, '#summons-form').waitFor()
      await visible(page, '#summons-attendees textarea').fill('街道党工委、恒泰物业项目经理')
      await visible(page, '#summons-problems textarea').fill('整改事项逾期未答复，居民满意度低')
      await visible(page, '#summons-commitments textarea').fill('一周内答复全部事项，每周公示进度')
      await visible(page, '#save-summons').click()
      await onScreen(page, '#summons-list').getByText('整改事项逾期未答复，居民满意度低').waitFor()
      await shot(page, 'property-09-summons-recorded')

      // 11. A resident sees the list with the reasons and the exclusion, downloads the 核算数据 and recomputes it.
      await setIdentity(page, base, 'o-res-zhang')
      await visible(page, '#tile-prop-list').click()
      await visible(page, '#published-list').waitFor()
      await onScreen(page, '#section-red').getByText('安居物业服务有限公司').waitFor()
      await onScreen(page, '#section-black').getByText('恒泰物业管理有限公司').waitFor()
      await onScreen(page, '#section-not_ranked').getByText('绿苑物业服务有限公司').waitFor()
      await see(page, '评价户数不足')
      await onScreen(page, '#entry-co-2').getByText('异议成立 · 剔除 1 条评价').waitFor()
      await visible(page, '#recompute').click()
      await see(page, '复算结果与发布的榜单完全一致')
      const dir = mkdtempSync(join(tmpdir(), 'tx-e2e-inputs-'))
      try {
        const [download] = await Promise.all([page.waitForEvent('download'), visible(page, '#download-json').click()])
        if (!download.suggestedFilename().startsWith('核算数据-2026年11月'))
          throw new Error(`download named ${download.suggestedFilename()}`)
        const file = join(dir, 'inputs.json')
        await download.saveAs(file)
        const out = JSON.parse(
          execFileSync(process.execPath, [join(ROOT, 'docs/recompute-list.mjs'), file], { encoding: 'utf8' }),
        )
        if (!out.matches)
          throw new Error(
            `the downloaded 核算数据 does not recompute to the published list: ${JSON.stringify(out).slice(0, 300)}`,
          )
        const sheet = await exportedWorkbook(
          page,
          base,
          'property.inputs',
          'property/inputs',
          visible(page, '#download-xlsx'),
        )
        if (sheet.fileName !== '核算数据-2026年11月-第1版.xlsx')
          throw new Error(`Excel 核算数据 named ${sheet.fileName}`)
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
      await shot(page, 'property-10-resident-list')
      await visible(page, '#entry-co-2').click()
      await visible(page, '#company-page').waitFor()
      await see(page, '历次榜单')
      await onScreen(page, '#company-page').getByText('经核实该户当月已搬离，剔除其评价').first().waitFor()
      await visible(page, '#company-page #download-inputs').waitFor()
      await onScreen(page, '#two-way').getByText('和谐社区评价本公司：50 分').waitFor()
      await page.waitForTimeout(1200) // chart draws after layout
      await shot(page, 'property-11-company-history')
      setClockOffset(0)
    },
  ],
  [
    'journey 5b: periods run themselves — the timer closes the month into its window and opens the next; 发布 waits for the street',
    async (page, { base }) => {
      const fire = async () => {
        const res = await page.request.post(`${base}/local/timers`)
        const runs = await res.json()
        if (!runs['property.tick']?.ok) throw new Error(`property timer: ${JSON.stringify(runs['property.tick'])}`)
        return runs['property.tick'].data
      }
      const at = (beijing) => Date.parse(`${beijing}+08:00`) - Date.now()
      try {
        await setIdentity(page, base, 'o-street-admin')
        await visible(page, '#tile-prop-street').click()
        await visible(page, '#tab-rule').click()
        await visible(page, '#rule-auto-auto.tx-chip--on').waitFor()
        await shot(page, 'property-13-rule-auto')
        // November has ended: the timer opens December by itself.
        setClockOffset(Math.max(0, at('2026-12-02T09:00:00')))
        await fire()
        await visible(page, '#tab-periods').click()
        await page.reload()
        await visible(page, '#period-2026-12').waitFor()
        await visible(page, '#auto-2026-12').waitFor()
        await shot(page, 'property-14-timer-opened')
        // At the turn of the year December closes into its objection window and January opens; 发布 waits.
        setClockOffset(at('2027-01-01T00:05:00'))
        const run = await fire()
        if (run.closed !== 1 || run.opened !== 1) throw new Error(`the new year's run: ${JSON.stringify(run)}`)
        await page.reload()
        await visible(page, '#period-2027-01').waitFor()
        await onScreen(page, '#period-2026-12').getByText('到期自动结束于').waitFor()
        await visible(page, '#window-2026-12').waitFor()
        await onScreen(page, '#readiness-2026-12').getByText('暂不能发布：异议期尚未结束').waitFor()
        if (await visible(page, '#publish-2026-12').count()) throw new Error('发布 offered inside the objection window')
        await shot(page, 'property-15-timer-closed-readiness')
        // After the window the street is told it may publish, and what the list will lack; it taps 发布 itself.
        setClockOffset(at('2027-01-05T09:00:00'))
        await fire()
        await page.reload()
        await visible(page, '#ready-2026-12').waitFor()
        await visible(page, '#missing-2026-12').waitFor()
        await visible(page, '#publish-2026-12').click()
        await confirmModal(page)
        await onScreen(page, '#period-2026-12').getByText('已发布第 1 版').waitFor()
        await shot(page, 'property-16-published-after-timer')
      } finally {
        setClockOffset(0)
      }
    },
  ],
  [
    'journey 5 refusals: a resident cannot open the street’s tools and staff cannot reach another company',
    async (page, { base }) => {
      setClockOffset(0) // whatever became of the journey above, the clock is real again
      await setIdentity(page, base, 'o-res-liu')
      await page.goto(`${base}${PAGES}/street/index`)
      await see(page, '您不是街道管理员')
      await page.goto(`${base}${PAGES}/staff/index`)
      await see(page, '您不是物业人员')
      await shot(page, 'property-12-refusals')
    },
  ],
]
