// Issue 15 §3: below the grid. The secretary of 阳光社区 appoints a 楼栋长 for 朝阳新村 1号楼 by a one-time
// code; the appointee (冯志刚, a resident of the building) takes it up on 使用邀请码; a neighbour (何桂兰)
// sees him on 我的网格, marked as her building's 楼栋长; he reports a problem of the building from 我的楼栋 and
// finds it among his buildings' open events. Data of its own: 朝阳新村 1号楼 (b-yg-2-1) and its two
// residents are used by no other journey (local/seed/buildings.ts).
// Issue 15 §5: with her consent the secretary marks 何桂兰's household 重点关爱; a member of 阳光社区
// (周建国, o-svc-m-yg-1, in no other journey) sees her wish first, marked, without the reason.
import { asPerson, pick, see, setIdentity, shot, visible } from './lib.mjs'

const SECRETARY = 'o-sec-yg'
const RESIDENT = 'o-res-yg-301'
const APPOINTEE = 'o-res-yg-302'
const GRID = '/#/packages/grid/pages'
const MEMBER = 'o-svc-m-yg-1'
const NOTE = '子女在外地，独自居住'

export const journeys = [
  [
    'building 1: the secretary appoints a 楼栋长 by code; he takes it up; a neighbour sees him on 我的网格; he reports for the building',
    async (page, { base }) => {
      // 1. The secretary picks the estate and the building, the group and 党员中心户, and gets a code shown once.
      await setIdentity(page, base, SECRETARY)
      await page.goto(`${base}${GRID}/staff/index`)
      await pick(page, 'grid-picker', '第一网格')
      await see(page, '楼栋长与楼道党小组')
      await see(page, '任命楼栋长')
      await pick(page, 'bl-estate-picker', '朝阳新村')
      await visible(page, '#bl-building-b-yg-2-1').tap()
      await visible(page, '#bl-group input').fill('朝阳新村1号楼党小组')
      await visible(page, '#bl-central-yes').tap()
      await shot(page, 'building-01-appoint-form')
      await visible(page, '#appoint-building-leader').tap()
      await visible(page, '#appoint-qr').waitFor()
      const code = (await visible(page, '#appoint-code').textContent())?.trim() ?? ''
      if (!/^[A-Z2-9]{8}$/.test(code)) throw new Error(`no appointment code shown: "${code}"`)
      await see(page, '楼栋长 · 朝阳新村 1号楼')
      await page.waitForTimeout(1800) // the toast fades
      await shot(page, 'building-02-code')

      // 2. The appointee types the code on 使用邀请码 and becomes 楼栋长.
      await setIdentity(page, base, APPOINTEE)
      await page.goto(`${base}/#/pages/onboarding/redeem/index`)
      await visible(page, '#redeem-code input').fill(code)
      await visible(page, '#redeem-name input').fill('冯志刚')
      await visible(page, '#redeem-submit').tap()
      await visible(page, '#redeem-result').waitFor()
      await see(page, '楼栋长')
      await shot(page, 'building-03-taken-up')

      // 3. A neighbour in the building opens 我的网格: her building's 楼栋长 first, with the group and 中心户.
      await setIdentity(page, base, RESIDENT)
      await visible(page, '#tile-grid-mine-grid').tap()
      await see(page, '冯志刚（我楼楼栋长）')
      await see(page, '朝阳新村1号楼党小组组长')
      await see(page, '党员中心户')
      await shot(page, 'building-04-resident-sees-leader')

      // 4. The 楼栋长 reports from 我的楼栋: the form opens with the grid, estate and building chosen.
      await setIdentity(page, base, APPOINTEE)
      await visible(page, '#tile-grid-buildings').tap()
      await see(page, '我负责的楼栋')
      await see(page, '您负责的楼栋目前没有未办结的事件')
      await visible(page, '#report-b-yg-2-1').tap()
      await see(page, '上报网格事件')
      // The building list loads after the form: wait for the chosen building's name, then check it.
      await visible(page, '#building-picker .tx-field__picker-text')
        .getByText('1号楼')
        .waitFor({ timeout: 10_000 })
        .catch(() => undefined)
      const building = await visible(page, '#building-picker .tx-field__picker-text').textContent()
      if (!building?.includes('1号楼')) throw new Error(`the report form did not open on the building: "${building}"`)
      await visible(page, '#cat-facility').tap()
      await visible(page, '#place input').fill('朝阳新村1号楼2单元')
      await visible(page, '#description textarea').fill('单元门闭门器坏了，门关不上')
      await shot(page, 'building-05-report')
      await visible(page, '#submit-report').tap()
      await see(page, '待派单')
      await see(page, '朝阳新村')

      // 5. It is among his buildings' open events.
      await page.goto(`${base}${GRID}/buildings/index`)
      await see(page, '未办结的事件（1 件）')
      await see(page, '单元门闭门器坏了')
      await shot(page, 'building-06-my-buildings')
    },
  ],
  [
    'building 2: the secretary marks a household 重点关爱 with consent; a member sees its wish first, marked, without the reason',
    async (page, { base }) => {
      // Setup through the API: 何桂兰 posts a wish due in 30 days (later than the community's seeded ones).
      await setIdentity(page, base, RESIDENT)
      const due = new Date(Date.now() + 30 * 86400_000).toISOString()
      const wish = await page.evaluate(
        async ([o, d]) =>
          (
            await fetch('/cloud/service', {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-wx-openid': o },
              body: JSON.stringify({
                action: 'wish.create',
                input: { requestId: `e2e-care-${Date.now()}`, title: '想请人帮忙买药送上楼', dueAt: d },
              }),
            })
          ).json(),
        [RESIDENT, due],
      )
      if (!wish.ok) throw new Error(`wish.create: ${JSON.stringify(wish)}`)

      // 1. The secretary marks the household, with who consented and when.
      await setIdentity(page, base, SECRETARY)
      await visible(page, '#tile-care').tap()
      await see(page, '标记重点关爱住户')
      await pick(page, 'care-hh-estate', '朝阳新村')
      await pick(page, 'care-hh-building', '1号楼')
      await visible(page, '#care-hh-room-301').tap()
      await visible(page, '#care-kind-elderly_alone').tap()
      await visible(page, '#care-note input').fill(NOTE)
      await visible(page, '#care-consent-by input').fill('何桂兰本人')
      await shot(page, 'building-07-care-form')
      await visible(page, '#care-mark').tap()
      await visible(page, '#care-h-yg-2-1-301').waitFor()
      await see(page, '何桂兰本人 于')
      await page.waitForTimeout(1800) // the toast fades
      await shot(page, 'building-08-care-marked')

      // 2. A member of 阳光社区 opens 微心愿: her wish comes first, marked 重点关爱, and nothing says why.
      await asPerson(page, base, MEMBER, '/#/packages/service/pages/wishes/index')
      await visible(page, `#wish-${wish.data.id}`).waitFor()
      const first = await page
        .locator('.taro_page:not([style*="display: none"]) [id^="wish-wish"]')
        .first()
        .getAttribute('id')
      if (first !== `wish-${wish.data.id}`) throw new Error(`the 重点关爱 wish is not first: ${first}`)
      await visible(page, `#wish-care-${wish.data.id}`).waitFor()
      const text = await page.locator('.taro_page:not([style*="display: none"])').innerText()
      if (text.includes(NOTE) || text.includes('独居老人')) throw new Error('a member sees why the household is marked')
      await shot(page, 'building-09-member-wish-first')
    },
  ],
]
