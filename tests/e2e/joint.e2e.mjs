// Issue 15 §2: the 社区大党委 and its 联席会议, from agenda to a commitment marked done. The secretary
// appoints a 兼职委员, convenes a meeting with an agenda picked from an open grid event, a need and a
// typed problem, records attendance, and a unit takes a problem on with a commitment and a deadline
// (现场认领); the unit's liaison posts progress and marks it done; the unit's 双反馈 letter and the
// meeting show it, and a resident sees the roster. Runs on its own local cloud: it issues 和谐社区's
// letters and adds meetings that other journeys do not expect.
import { ownServer, pick, see, setIdentity, shot, visible } from './lib.mjs'

const PROBLEM = '社区卫生服务站周末不开门'
const PROMISE = '每周六上午派两名医生到卫生服务站坐诊'

/** Add an agenda problem from the open-problem picker (it empties again once the problem is on the agenda). */
async function addFromPicker(page, text) {
  await visible(page, '#agenda-pick .tx-field__picker:not(.tx-field__picker--disabled)').click()
  const sheet = visible(page, '#agenda-pick .tx-sheet')
  await sheet.locator('.tx-sheet__option', { hasText: text }).first().click()
  await sheet.waitFor({ state: 'detached' })
  await visible(page, '#agenda').getByText(text, { exact: false }).first().waitFor()
}

export const journeys = [
  [
    'joint: appoint → convene with an agenda → attendance → 现场认领 → progress → done → letter, meeting and roster show it',
    (page) =>
      ownServer(async (base) => {
        // 1. The secretary opens the 大党委 from home: the six 兼职委员, each with their unit and term.
        await setIdentity(page, base, 'o-sec-hx')
        await visible(page, '#tile-joint-committee').click()
        await see(page, '陈志远')
        await see(page, '锦绣路派出所')
        await shot(page, 'joint-01-roster-secretary')

        // 2. She appoints the head of a school that is not a registered unit.
        await visible(page, '#appoint').click()
        await visible(page, '#appoint-name input').fill('钱守信')
        await visible(page, '#aff-kind-other').click()
        await visible(page, '#appoint-aff-name input').fill('锦绣路小学')
        await visible(page, '#appoint-title input').fill('校长')
        await shot(page, 'joint-02-appoint-form')
        await visible(page, '#appoint-submit').click()
        await visible(page, '#roster').getByText('钱守信').waitFor()
        await visible(page, '#serving-count').getByText('7').waitFor()

        // 3. The meetings: November's, with its three problems taken on; 督办 lists the two past their deadline.
        await visible(page, '#to-meetings').click()
        await see(page, '和谐社区 11 月联席会议')
        await visible(page, '#overdue').getByText('锦绣路派出所', { exact: false }).waitFor()
        await visible(page, '#overdue').getByText('2 项已过期限未办结', { exact: false }).waitFor()
        await shot(page, 'joint-03-meetings')

        // 4. She convenes the next one: a grid event, a resident need and a typed problem on the agenda.
        await visible(page, '#convene').click()
        await visible(page, '#convene-title input').fill('和谐社区 12 月联席会议')
        await addFromPicker(page, '楼道堆放杂物')
        await visible(page, '#agenda-source-need').click()
        await addFromPicker(page, '新增垃圾箱桶')
        await visible(page, '#agenda-source-other').click()
        await visible(page, '#agenda-typed input').fill(PROBLEM)
        await visible(page, '#agenda-add').click()
        await visible(page, '#agenda-3').getByText(PROBLEM).waitFor()
        await visible(page, '#invite').getByText('钱守信（锦绣路小学）').waitFor()
        await shot(page, 'joint-04-convene')
        await visible(page, '#convene-submit').click()
        await see(page, '议题与认领（已认领 0/3）')
        // Told in 同心圆: the hospital through its liaison 吴敏; the new school head has nobody linked.
        await visible(page, '#invited-cmt-hx-1').getByText('已通知').waitFor()
        await page.locator('[id^="invited-"]', { hasText: '钱守信' }).getByText('由召集人另行通知').waitFor()
        await visible(page, '#invited').scrollIntoViewIfNeeded()
        await shot(page, 'joint-04b-invited-told')

        // 5. Attendance: 陈志远 (the hospital) and 钱守信 came.
        await visible(page, '#present-cmt-hx-1').click()
        await visible(page, '#attendance').getByText('钱守信（锦绣路小学）').click()
        await visible(page, '#attendance-save').click()
        await see(page, '出席（2/7）')

        // 6. 现场认领: the hospital takes on the typed problem, with a commitment and a deadline.
        await visible(page, '#claim-a3').click()
        await pick(page, 'claim-member', '陈志远')
        await visible(page, '#claim-commitment textarea').fill(PROMISE)
        await visible(page, '#claim-submit').click()
        await visible(page, '#commitment-a3').getByText(PROMISE, { exact: false }).waitFor()
        await see(page, '议题与认领（已认领 1/3）')
        await shot(page, 'joint-05-meeting-claimed')

        // 7. 吴敏, the hospital's liaison, finds it under 我的承诺, posts progress, then marks it done.
        await setIdentity(page, base, 'o-liaison-wu')
        await visible(page, '#tile-joint-commitments').click()
        await see(page, PROMISE)
        const key = await visible(page, '[id^="progress-open-"]').getAttribute('id')
        const cid = key.replace('progress-open-', '')
        await visible(page, `#${key}`).click()
        await visible(page, `#progress-text-${cid} textarea`).fill('已排好 12 月的坐诊医生')
        await visible(page, `#progress-submit-${cid}`).click()
        await visible(page, `#mine-${cid}`).getByText('已排好 12 月的坐诊医生', { exact: false }).waitFor()
        await visible(page, `#${key}`).click()
        await visible(page, `#progress-kind-${cid}-done`).click()
        await visible(page, `#progress-text-${cid} textarea`).fill('12 月 5 日起每周六坐诊，已接诊 23 人')
        await shot(page, 'joint-06-mark-done')
        await visible(page, `#progress-submit-${cid}`).click()
        await visible(page, `#mine-${cid}`).getByText('已办结').waitFor()
        await shot(page, 'joint-07-my-commitments-done')

        // 8. The secretary issues the hospital's letter for this quarter; 吴敏 sees the commitment and its outcome on it.
        await setIdentity(page, base, 'o-sec-hx')
        await page.goto(`${base}/#/packages/service/pages/assess/index`)
        await visible(page, '#issue-u-hx-1').click()
        await see(page, '已出具第 1 版')
        await setIdentity(page, base, 'o-liaison-wu')
        await visible(page, '#tile-svc-unit').click()
        const letter = visible(page, '[id^="letter-commitments-"]')
        await letter.getByText(PROMISE, { exact: false }).waitFor()
        await letter.getByText('已接诊 23 人', { exact: false }).waitFor()
        await letter.getByText('已办结 2 项', { exact: false }).waitFor()
        await letter.scrollIntoViewIfNeeded()
        await shot(page, 'joint-08-letter-commitments')

        // 9. The meeting shows it done; the November meeting shows the police station's overdue problem.
        await setIdentity(page, base, 'o-sec-hx')
        await visible(page, '#tile-joint-meetings').click()
        await visible(page, '[id^="meeting-"]').getByText('和谐社区 12 月联席会议').click()
        await visible(page, '#commitment-a3').getByText('已办结').waitFor()
        await shot(page, 'joint-09-meeting-done')
        await page.goto(`${base}/#/packages/joint/pages/meeting/index?id=jm-hx-2026-11`)
        await visible(page, '#overdue-notice').getByText('锦绣路派出所', { exact: false }).waitFor()
        await shot(page, 'joint-10-meeting-overdue')

        // 10. A resident sees the roster and the company page shows its commitment.
        await setIdentity(page, base, 'o-res-liu')
        await visible(page, '#tile-joint-committee').click()
        await visible(page, '#roster').getByText('钱守信').waitFor()
        if (await visible(page, '#appoint').count()) throw new Error('a resident is offered 任命兼职委员')
        await shot(page, 'joint-11-roster-resident')
        await page.goto(`${base}/#/packages/property/pages/company/index?id=co-1`)
        await visible(page, '#company-commitments').getByText('和谐家园 3 号楼楼道堆物占道').waitFor()
        await visible(page, '#company-commitments').scrollIntoViewIfNeeded()
        await shot(page, 'joint-12-company-commitments')
      }),
  ],
]
