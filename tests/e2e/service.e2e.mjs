// 双报到、双服务 — journeys 1–3 of SPEC §8 in the H5 build: unit check-in and agreement; member
// check-in, QR sign-in/out, confirmation, ledger and feedback letter; 微心愿 from wish to thanks.
import { exportedWorkbook, pick, see, setIdentity, shot, visible } from './lib.mjs'

const onScreen = (page, sel) => page.locator(`.taro_page:not([style*="display: none"]):not(.taro_page_shade) ${sel}`)
const go = (page, base, path) => page.goto(`${base}/#/packages/service/pages/${path}`)

async function newPhone(browser) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    hasTouch: true,
    isMobile: true,
    locale: 'zh-CN',
  })
  return { context, page: await context.newPage() }
}

/** The organiser's current code, waiting for one different from `previous`. */
async function currentCode(org, previous) {
  for (let i = 0; i < 40; i++) {
    const code = (await visible(org, '#org-code').textContent())?.trim()
    if (code && code !== previous) return code
    await org.waitForTimeout(500)
  }
  throw new Error('the organiser code did not rotate')
}

/** Act as someone the demo does not list (a person new to the app): the local runtime honours any identity. */
async function actAs(page, base, openid, path) {
  await page.goto(`${base}/#/pages/home/index`)
  await page.evaluate((id) => localStorage.setItem('tx.identity', JSON.stringify({ data: id })), openid)
  await go(page, base, path)
  await page.reload()
}

const QIAN = 'o-e2e-new-qian'
/** A retired member new to the app, used by the issue 15 §4 journey only. */
const RETIRED = 'o-e2e-retired-he'

export const journeys = [
  [
    'issue 14 §1: a new member picks the unit from the units checked in to the street; another keeps 单位未报到 with the name',
    async (page, { base }) => {
      await setIdentity(page, base, 'o-new-zhou')
      await go(page, base, 'member/index')
      // Issue 15 §4: the kind comes first; she works for a unit.
      await visible(page, '#member-kind-in_service').click()
      // 周小雨 may have bound her home already (the onboarding journey runs first): then she names no house.
      await visible(page, '#member-name').waitFor()
      if (await visible(page, '#member-home').count()) await pick(page, 'member-home', '不填写房屋')
      await pick(page, 'member-community', '和谐社区')
      // Every checked-in unit of the street first, then a search by part of the name (on the server).
      await visible(page, '#member-unit-search').getByText('本街道已报到的单位共').waitFor()
      await visible(page, '#member-unit-query input').fill('一中')
      await visible(page, '#member-unit-find').tap()
      await see(page, '“一中”：找到 1 个已报到单位')
      await shot(page, 'service-00a-member-searches-unit')
      await visible(page, '#member-unit-unit-u-hx-2').click()
      await visible(page, '#member-unit-chosen').getByText('锦绣区第一中学').waitFor()
      await visible(page, '#member-availability input').fill('周末')
      await visible(page, '#member-submit').tap()
      await see(page, '待单位确认')
      await shot(page, 'service-00b-member-picked-unit')

      // A second newcomer's employer has not checked in: 单位未报到, the name kept for the secretary.
      await actAs(page, base, QIAN, 'member/index')
      await visible(page, '#member-kind-in_service').click()
      await visible(page, '#member-name input').fill('钱晓雯')
      await pick(page, 'member-community', '和谐社区')
      await visible(page, '#member-unit-query input').fill('人民医院')
      await visible(page, '#member-unit-find').tap()
      await see(page, '“人民医院”：找到 0 个已报到单位')
      await visible(page, '#member-unit-unlisted').click()
      await visible(page, '#member-unit-name input').fill('锦绣区人民医院')
      await visible(page, '#member-availability input').fill('工作日晚上')
      await shot(page, 'service-00c-member-unit-not-checked-in')
      await visible(page, '#member-submit').tap()
      await see(page, '单位未报到，待社区关联')
      await shot(page, 'service-00d-member-unlisted-submitted')
    },
  ],
  [
    'journey 1: a unit liaison checks the unit in, the secretary approves, the agreement with three lists shows',
    async (page, { base }) => {
      await setIdentity(page, base, 'o-liaison-wu')
      await visible(page, '#tile-svc-unit').click()
      await see(page, '未报到')
      await visible(page, '#unit-contact input').fill('吴敏')
      await visible(page, '#unit-phone input').fill('13800000008')
      await visible(page, '#unit-resources textarea').fill('医护志愿者 10 人\n健康讲座')
      await visible(page, '#unit-commitments textarea').fill('每月一次义诊\n认领第一网格环境整治')
      await shot(page, 'service-01-unit-checkin-form')
      await visible(page, '#unit-submit').tap()
      await see(page, '已提交，等待社区书记审核')
      await shot(page, 'service-02-unit-submitted')

      // Another community's secretary does not see it.
      await setIdentity(page, base, 'o-sec-yg')
      await go(page, base, 'review/index')
      await see(page, '没有待审核的单位报到')

      await setIdentity(page, base, 'o-sec-hx')
      await visible(page, '#tile-svc-dashboard').click()
      await see(page, '单位已报到')
      await visible(page, '#to-review').click()
      await visible(page, '#unit-u-hx-1').waitFor()
      await see(page, '每月一次义诊')
      await shot(page, 'service-03-secretary-reviews-unit')
      await visible(page, '#unit-u-hx-1-approve').click()
      await onScreen(page, '#unit-u-hx-1').waitFor({ state: 'detached' })

      await setIdentity(page, base, 'o-liaison-wu')
      await visible(page, '#tile-svc-unit').click()
      await visible(page, '#agreement').waitFor()
      for (const text of [
        '年共建协议',
        '每月一次义诊',
        '修复坑洼路面 25616.5 ㎡',
        '新增路灯 26 盏',
        '医护志愿者 10 人',
        '项目清单',
        '待单位签署',
      ])
        await see(page, text)
      await shot(page, 'service-04-agreement-three-lists')
      // Issue 14 §2: the liaison signs after the approval; the secretary sees the same signed agreement.
      await visible(page, '#agreement-sign').tap()
      await see(page, '双方已签署')
      await visible(page, '#agreement-unit-signed').getByText('吴敏').waitFor()
      await shot(page, 'service-04a-agreement-signed-by-unit')
      await setIdentity(page, base, 'o-sec-hx')
      await go(page, base, 'review/index')
      await visible(page, '#tab-grids').click()
      await visible(page, '#agreement-u-hx-1').tap()
      await visible(page, '#agreement-unit-signed').getByText('吴敏').waitFor()
    },
  ],
  [
    'journey 2: a member checks in, is assigned, signs in by QR and out, the secretary confirms; ledger and letter show the minutes',
    async (page, { base, browser }) => {
      await setIdentity(page, base, 'o-member-sun')
      await visible(page, '#tile-svc-member').click()
      await see(page, '今年尚未报到')
      await shot(page, 'service-05-member-overdue')
      await visible(page, '#member-submit').tap()
      await see(page, '等待社区书记审核')

      await setIdentity(page, base, 'o-sec-hx')
      await go(page, base, 'review/index')
      await visible(page, '#tab-members').click()
      // Member ids carry no openid (issue 11 §4): find 孙伟's card by name and read its id.
      const card = onScreen(page, '[id^="member-"]').filter({ hasText: '孙伟' }).first()
      await card.waitFor()
      const sun = (await card.getAttribute('id')).slice('member-'.length)
      await pick(page, `grid-${sun}`, '第三网格')
      await pick(page, `estate-${sun}`, '和谐家园')
      // Last year's building (3号楼) is kept; add 4号楼.
      await visible(page, '#bld-b-hx-1-4').click()
      await shot(page, 'service-06-secretary-assigns-member')
      await visible(page, `#member-${sun}-approve`).click()
      await onScreen(page, `#member-${sun}`).waitFor({ state: 'detached' })

      await setIdentity(page, base, 'o-member-sun')
      await visible(page, '#tile-svc-member').click()
      await see(page, '包联楼栋：3号楼、4号楼')
      await go(page, base, 'activities/index')
      await visible(page, '#act-act-hx-live').click()
      await visible(page, '#act-signup').tap()
      await see(page, '已报名')

      // The organiser shows the rotating code on their own phone.
      const phone = await newPhone(browser)
      const org = phone.page
      try {
        await setIdentity(org, base, 'o-sec-hx')
        await go(org, base, 'activity/index?id=act-hx-live')
        await visible(org, '#show-code').tap()
        const first = await currentCode(org)
        await org.waitForTimeout(600)
        await shot(org, 'service-07-organiser-qr-code')

        await visible(page, '#sign-code input').fill(first)
        await visible(page, '#sign-submit').tap()
        await see(page, '已签到')
        await shot(page, 'service-08-member-signed-in')

        // Sixty-odd seconds of service, then sign out with a newer code.
        await page.waitForTimeout(62_000)
        const second = await currentCode(org, first)
        await visible(page, '#sign-code input').fill(second)
        await visible(page, '#sign-submit').tap()
        await see(page, '服务时长：1 分钟')
        await shot(page, 'service-09-member-signed-out')

        await go(org, base, 'activity/index?id=act-hx-live')
        await org.reload()
        // Attendance ids carry no openid (issue 11 §4): find 孙伟's row by name.
        await org
          .locator('.taro_page:not([style*="display: none"]):not(.taro_page_shade) .svc-list-item')
          .filter({ hasText: '孙伟' })
          .first()
          .locator('[id^="confirm-"]')
          .tap()
        await org
          .locator('.taro_page:not([style*="display: none"]):not(.taro_page_shade)')
          .getByText('确认人：王秀英')
          .first()
          .waitFor()
        await shot(org, 'service-10-secretary-confirmed')

        // The secretary issues this quarter's feedback letter to the member's unit.
        await go(org, base, 'assess/index')
        await visible(org, '#issue-u-hx-1').tap()
        await org
          .locator('.taro_page:not([style*="display: none"]):not(.taro_page_shade)')
          .getByText('孙伟：1 分钟')
          .first()
          .waitFor()
      } finally {
        await phone.context.close()
      }

      await go(page, base, 'ledger/index')
      const entry = page.locator('#entry-act-hx-live:visible').first()
      await entry.waitFor()
      if (!(await entry.textContent()).includes('1 分钟'))
        throw new Error(`the ledger entry lacks the minutes: ${await entry.textContent()}`)
      await page.locator('#ranking-label:visible').getByText('仅为记录，不作为考核评分').waitFor()
      await shot(page, 'service-11-member-ledger')

      await setIdentity(page, base, 'o-liaison-wu')
      await visible(page, '#tile-svc-unit').click()
      await see(page, '孙伟：1 分钟')
      await visible(page, '[id^="ack-"]').tap()
      await see(page, '已签收')
      await shot(page, 'service-12-unit-feedback-letter')
      await exportedWorkbook(page, base, 'service.letter', 'service', visible(page, '[id^="export-"]'))

      // Issue 11 §6: the secretary issues the letter again; it is version 2 beside the acknowledged version 1.
      await setIdentity(page, base, 'o-sec-hx')
      await go(page, base, 'assess/index')
      await visible(page, '#issue-u-hx-1').tap()
      await see(page, '已出具第 2 版')
      await setIdentity(page, base, 'o-liaison-wu')
      await visible(page, '#tile-svc-unit').click()
      await see(page, '第 2 版')
      await visible(page, '[id^="history-"]').tap()
      await visible(page, '#letter-version-1').getByText('已签收 吴敏').waitFor()
      await visible(page, '#letter-version-1').scrollIntoViewIfNeeded()
      await shot(page, 'service-12a-letter-versions')

      // A project's updates open from the lists page (each one kept, paged).
      await go(page, base, 'lists/index')
      await visible(page, '#tab-projects').tap()
      await visible(page, '[id^="history-proj-"]').tap()
      await see(page, '已完成选址，12 盏已安装')
      await shot(page, 'service-12b-project-updates')
    },
  ],
  [
    'journey 3: a resident posts a 微心愿, a member claims and delivers it, the resident confirms and thanks',
    async (page, { base }) => {
      await setIdentity(page, base, 'o-res-liu')
      await visible(page, '#tile-svc-wishes').click()
      await visible(page, '#wish-title input').fill('想学用智能手机挂号')
      await visible(page, '#wish-detail textarea').fill('周末上午在家')
      await visible(page, '#wish-submit').tap()
      await see(page, '想学用智能手机挂号')
      await shot(page, 'service-13-resident-posted-wish')

      await setIdentity(page, base, 'o-member-sun')
      await go(page, base, 'wishes/index')
      await visible(page, '#tab-open').click()
      const card = onScreen(page, '.tx-card').filter({ hasText: '想学用智能手机挂号' })
      await card.waitFor()
      if (!(await card.textContent()).includes('刘*'))
        throw new Error('the resident’s name is not masked for the member')
      await card.locator('[id^="claim-"]').tap()
      // In place (issue 13 §4): the card stays on 待认领, now 已认领, with what to do next.
      await card.locator('[id^="wish-done-"]').getByText('已认领：送到后').waitFor()
      if (!(await card.textContent()).includes('认领党员：孙伟'))
        throw new Error('the claimed card does not show its claimer in place')
      await shot(page, 'service-13b-member-claimed-in-place')
      await visible(page, '#tab-mine').click()
      const mine = onScreen(page, '.tx-card').filter({ hasText: '想学用智能手机挂号' })
      await mine.locator('[id^="deliver-note-"] input').fill('已上门教会预约挂号')
      await mine.locator('[id^="deliver-"]:not([id^="deliver-note-"])').tap()
      await see(page, '已送达')
      await shot(page, 'service-14-member-delivered')

      // Another resident cannot confirm it: no button is offered.
      await setIdentity(page, base, 'o-res-zhang')
      await go(page, base, 'wishes/index')
      await visible(page, '#tab-all').click()
      const seen = onScreen(page, '.tx-card').filter({ hasText: '想学用智能手机挂号' })
      await seen.waitFor()
      if ((await seen.locator('[id^="confirm-"]').count()) !== 0)
        throw new Error('another resident was offered the confirmation')

      await setIdentity(page, base, 'o-res-liu')
      await visible(page, '#tile-svc-wishes').click()
      await visible(page, '#tab-mine').click()
      const own = onScreen(page, '.tx-card').filter({ hasText: '想学用智能手机挂号' })
      await own.waitFor()
      await own.locator('#star-4').click()
      await own.locator('#wish-thanks input').fill('非常感谢，很耐心！')
      await own.locator('[id^="confirm-"]').tap()
      await see(page, '非常感谢，很耐心！')
      await see(page, '已确认')
      await shot(page, 'service-15-resident-thanked')
    },
  ],
  [
    'issue 14 §5: the claimer sees the claim’s deadline, the two sides message in the app (numbers masked), the claimer releases and the resident sees why',
    async (page, { base }) => {
      await setIdentity(page, base, 'o-res-liu')
      await visible(page, '#tile-svc-wishes').click()
      await visible(page, '#wish-title input').fill('帮忙换个灯泡')
      await visible(page, '#wish-submit').tap()
      await see(page, '帮忙换个灯泡')

      await setIdentity(page, base, 'o-member-sun')
      await go(page, base, 'wishes/index')
      await visible(page, '#tab-open').click()
      const open = onScreen(page, '.tx-card').filter({ hasText: '帮忙换个灯泡' })
      await open.locator('[id^="claim-"]').tap()
      await visible(page, '#tab-mine').click()
      const mine = onScreen(page, '.tx-card').filter({ hasText: '帮忙换个灯泡' })
      await mine.locator('[id^="wish-claim-due-"]').waitFor()
      await mine.locator('[id^="wish-talk-"]').tap()
      await mine
        .locator('[id^="wish-msg-"]:not([id^="wish-msg-send-"]) textarea')
        .fill('我周六上午来，电话 13800138000')
      await mine.locator('[id^="wish-msg-send-"]').tap()
      await mine.getByText('我周六上午来，电话 138****8000').waitFor()
      await page.waitForTimeout(800)
      await shot(page, 'service-28-claimer-messages-resident')

      await setIdentity(page, base, 'o-res-liu')
      await go(page, base, 'wishes/index')
      await visible(page, '#tab-mine').click()
      const own = onScreen(page, '.tx-card').filter({ hasText: '帮忙换个灯泡' })
      await own.locator('[id^="wish-talk-"]').tap()
      await own.getByText('我周六上午来，电话 138****8000').waitFor()
      await own.locator('[id^="wish-msg-"]:not([id^="wish-msg-send-"]) textarea').fill('好的，谢谢')
      await own.locator('[id^="wish-msg-send-"]').tap()
      await own.getByText('好的，谢谢').waitFor()
      await shot(page, 'service-29-resident-replies')

      await setIdentity(page, base, 'o-member-sun')
      await go(page, base, 'wishes/index')
      await visible(page, '#tab-mine').click()
      const again = onScreen(page, '.tx-card').filter({ hasText: '帮忙换个灯泡' })
      await again.locator('[id^="release-"]').tap()
      await again.locator('[id^="release-reason-"] input').fill('临时出差')
      await again.locator('[id^="release-confirm-"]').tap()
      // Released: it leaves the member's own list.
      await again.waitFor({ state: 'detached' })

      await setIdentity(page, base, 'o-res-liu')
      await go(page, base, 'wishes/index')
      await visible(page, '#tab-mine').click()
      const back = onScreen(page, '.tx-card').filter({ hasText: '帮忙换个灯泡' })
      await back.getByText('孙伟：认领人已放弃认领（临时出差）').waitFor()
      await page.waitForTimeout(800)
      await shot(page, 'service-30-resident-sees-release')
    },
  ],
  [
    'a unit liaison sees who named the unit and disputes a claim; the secretary finds it under 异议',
    async (page, { base }) => {
      await setIdentity(page, base, 'o-liaison-xu')
      await visible(page, '#tile-svc-unit').click()
      await visible(page, '#unit-members').waitFor()
      const row = onScreen(page, '#unit-members .svc-list-item').filter({ hasText: '陈立军' })
      await row.waitFor()
      await row.locator('[id^="dispute-"]').first().tap()
      await row.locator('[id^="dispute-reason-"] textarea').fill('本单位没有这名党员')
      await row.locator('[id^="dispute-send-"]').tap()
      await row.getByText('已提出异议：本单位没有这名党员').waitFor()
      await row.scrollIntoViewIfNeeded()
      await page.waitForTimeout(1800) // the toast fades
      await shot(page, 'service-16-liaison-disputes-claim')

      await setIdentity(page, base, 'o-sec-hx')
      await go(page, base, 'review/index')
      await visible(page, '#tab-disputed').click()
      await see(page, '单位异议：本单位没有这名党员')
      await see(page, '单位有异议')
      await shot(page, 'service-17-secretary-sees-dispute')
      // The secretary checks with both and keeps the link: it counts as confirmed, and the member sees why.
      const card = onScreen(page, '.tx-card').filter({ hasText: '陈立军' }).first()
      await card.locator('[id^="settle-reason-"] textarea').fill('已与学校人事处核实，系本校教师')
      await card.locator('[id^="settle-keep-"]').tap()
      await see(page, '没有单位提出异议的党员')
      await page.evaluate((id) => localStorage.setItem('tx.identity', JSON.stringify({ data: id })), 'o-svc-m-hx-1')
      await go(page, base, 'member/index')
      await page.reload()
      await see(page, '社区核实（王秀英）：维持与锦绣区第一中学的关联，已与学校人事处核实，系本校教师')
      await see(page, '单位已确认')
      await shot(page, 'service-17a-member-sees-settlement')
    },
  ],
  [
    'issue 14 §1: the liaison confirms a new member; the secretary links the 单位未报到 member once the unit has checked in',
    async (page, { base }) => {
      await setIdentity(page, base, 'o-liaison-xu')
      await visible(page, '#tile-svc-unit').click()
      const row = onScreen(page, '#unit-members .svc-list-item').filter({ hasText: '周小雨' })
      await row.waitFor()
      await row.getByText('报到社区：和谐社区').waitFor()
      await row.locator('[id^="confirm-member-"]').tap()
      await row.getByText('单位已确认').waitFor()
      await row.scrollIntoViewIfNeeded()
      await page.waitForTimeout(1800) // the toast fades
      await shot(page, 'service-21-liaison-confirms-member')

      // 锦绣区人民医院 checked in in journey 1: the secretary finds 钱晓雯 under 未关联 and links her.
      await setIdentity(page, base, 'o-sec-hx')
      await go(page, base, 'review/index')
      await visible(page, '#tab-unlinked').click()
      const card = onScreen(page, '.tx-card').filter({ hasText: '钱晓雯' }).first()
      await card.waitFor()
      await card.getByText('党员填写的单位：锦绣区人民医院').waitFor()
      await card.locator('[id$="-query"] input').fill('人民医院')
      await card.locator('[id$="-find"]').tap()
      await card.locator('[id*="-unit-u-hx-1"]').click()
      await shot(page, 'service-22-secretary-links-unlisted-member')
      await card.locator('[id$="-send"]').tap()
      await see(page, '没有待关联单位的党员')

      await setIdentity(page, base, 'o-liaison-wu')
      await visible(page, '#tile-svc-unit').click()
      const hers = onScreen(page, '#unit-members .svc-list-item').filter({ hasText: '钱晓雯' })
      await hers.getByText('待单位确认').waitFor()
      await hers.locator('[id^="confirm-member-"]').tap()
      await hers.getByText('单位已确认').waitFor()
      await hers.scrollIntoViewIfNeeded()
      await page.waitForTimeout(1800)
      await shot(page, 'service-23-unit-confirms-linked-member')
    },
  ],
  [
    'issue 14 §3: a unit and a member take a need (认领); the secretary confirms one; the owner posts progress',
    async (page, { base }) => {
      await setIdentity(page, base, 'o-liaison-xu')
      await go(page, base, 'lists/index')
      await visible(page, '#need-open-need-hx-2').tap()
      await see(page, '疏通修复污水沟')
      await pick(page, 'offer-resource', '志愿者 20 人次/季度')
      await visible(page, '#offer-note textarea').fill('每周六上午 8 人')
      await shot(page, 'service-24-unit-offers-resource-for-need')
      await visible(page, '#offer-submit').tap()
      await visible(page, '#offers').getByText('待社区确认').waitFor()

      // A member offers on the same need, writing what he can give.
      await actAs(page, base, 'o-svc-m-hx-1', 'need/index?id=need-hx-2')
      await visible(page, '#offer-title input').fill('带 3 人清理沟内淤泥')
      await visible(page, '#offer-submit').tap()
      await visible(page, '#offers').getByText('带 3 人清理沟内淤泥').waitFor()
      await shot(page, 'service-25-member-offers-on-need')

      // The secretary confirms the school's offer (a project it owns) and answers the member.
      await setIdentity(page, base, 'o-sec-hx')
      await go(page, base, 'need/index?id=need-hx-2')
      await visible(page, '#offer-accept-off-need-hx-2-u-hx-2').tap()
      await see(page, '已对接，形成项目')
      const pending = onScreen(page, '#offers .svc-list-item').filter({ hasText: '带 3 人清理沟内淤泥' })
      await pending.getByText('答复不采纳').tap()
      await pending.getByText('未采纳').waitFor()
      await page.waitForTimeout(1800)
      await shot(page, 'service-26-secretary-confirms-match')

      // The owner, not the secretary, posts the progress.
      await setIdentity(page, base, 'o-liaison-xu')
      await go(page, base, 'lists/index?tab=projects')
      const project = onScreen(page, '.svc-list-item').filter({ hasText: '疏通修复污水沟（锦绣区第一中学）' })
      await project.getByText('负责方：单位 锦绣区第一中学').waitFor()
      await project.locator('[id^="progress-proj"]').tap()
      await pick(page, 'progress-value', '30%')
      await visible(page, '#progress-note input').fill('已清淤 250 米')
      await visible(page, '#progress-send').tap()
      await project.getByText('最新进展：已清淤 250 米').waitFor()
      await page.waitForTimeout(1800)
      await shot(page, 'service-27-owner-posts-progress')
    },
  ],
  [
    'a location sign-in waits for the organiser: 待组织者确认到场, then 确认到场',
    async (page, { base }) => {
      // H5 has no gcj02 location, so the member's phone is played by the API: sign up and sign in on the spot.
      const MEMBER = 'o-svc-m-hx-2'
      const call = (openid, action, input) =>
        page.evaluate(
          async ([o, a, i]) =>
            (
              await fetch('/cloud/service', {
                method: 'POST',
                headers: { 'content-type': 'application/json', 'x-wx-openid': o },
                body: JSON.stringify({ action: a, input: i }),
              })
            ).json(),
          [openid, action, input],
        )
      await page.goto(`${base}/#/pages/home/index`)
      const act = await call(MEMBER, 'activity.get', { activityId: 'act-hx-live' })
      await call(MEMBER, 'activity.signup', { activityId: 'act-hx-live' })
      const signed = await call(MEMBER, 'activity.signin', {
        activityId: 'act-hx-live',
        method: 'location',
        lat: act.data.place.lat,
        lng: act.data.place.lng,
      })
      if (!signed.ok || signed.data.mine.presence !== 'pending')
        throw new Error(`the location sign-in is not waiting: ${JSON.stringify(signed)}`)

      await page.evaluate((id) => localStorage.setItem('tx.identity', JSON.stringify({ data: id })), MEMBER)
      await go(page, base, 'activity/index?id=act-hx-live')
      await page.reload()
      await visible(page, '#my-presence').waitFor()
      await see(page, '定位签到，待组织者确认到场')
      await shot(page, 'service-18-member-location-pending')

      await setIdentity(page, base, 'o-sec-hx')
      await go(page, base, 'activity/index?id=act-hx-live')
      const row = onScreen(page, '.svc-list-item').filter({ hasText: '定位签到，待组织者确认到场' })
      await row.waitFor()
      await row.scrollIntoViewIfNeeded()
      await shot(page, 'service-19-organiser-sees-location-claim')
      await row.locator('[id^="present-"]').tap()
      await see(page, '组织者已确认到场（王秀英）')

      await page.evaluate((id) => localStorage.setItem('tx.identity', JSON.stringify({ data: id })), MEMBER)
      await go(page, base, 'activity/index?id=act-hx-live')
      await page.reload()
      await see(page, '组织者已确认到场')
      await shot(page, 'service-20-member-presence-confirmed')
    },
  ],
  [
    'issue 15 §4: a retired member checks in without a unit and signs up; the dashboard counts members by kind; issue 14 §4: last year’s figures on the year switch',
    async (page, { base }) => {
      // Someone new to the app (no demo person uses this identity): the screen asks the kind first, nothing else.
      await actAs(page, base, RETIRED, 'member/index')
      await visible(page, '#member-kind').waitFor()
      if (await visible(page, '#member-submit').count())
        throw new Error('the check-in form shows its fields before the kind is chosen')
      await shot(page, 'service-40-member-kind-first')
      await visible(page, '#member-kind-retired').click()
      await see(page, '退休党员不用填写工作单位')
      if (await visible(page, '#member-unit-search').count()) throw new Error('a retired member is asked for a unit')
      await visible(page, '#member-name input').fill('何桂芝')
      await pick(page, 'member-community', '和谐社区')
      await visible(page, '#member-skills input').fill('读报、调解邻里纠纷')
      await visible(page, '#member-availability input').fill('工作日上午')
      await shot(page, 'service-41-retired-member-form')
      await visible(page, '#member-submit').tap()
      await see(page, '已提交，等待社区书记审核')
      await visible(page, '#member-kind-line').getByText('退休党员').waitFor()
      await shot(page, 'service-42-retired-member-submitted')

      // The secretary sees the kind on the card (no unit to link) and approves with a grid.
      await setIdentity(page, base, 'o-sec-hx')
      await go(page, base, 'review/index')
      await visible(page, '#tab-members').click()
      const card = onScreen(page, '[id^="member-"]').filter({ hasText: '何桂芝' }).first()
      await card.waitFor()
      await card.getByText('退休党员（不关联单位，服务不计入单位反馈函）').waitFor()
      const id = (await card.getAttribute('id')).slice('member-'.length)
      await pick(page, `grid-${id}`, '第一网格')
      await shot(page, 'service-43-secretary-approves-retired')
      await visible(page, `#member-${id}-approve`).click()
      await onScreen(page, `#member-${id}`).waitFor({ state: 'detached' })

      // Now a member: she signs up to the activity running now.
      await actAs(page, base, RETIRED, 'activities/index')
      await visible(page, '#act-act-hx-live').click()
      await visible(page, '#act-signup').tap()
      await see(page, '已报名')
      await shot(page, 'service-44-retired-member-signed-up')

      // The dashboard counts the community's members by kind: she is the community's one retired member.
      await setIdentity(page, base, 'o-sec-hx')
      await go(page, base, 'dashboard/index')
      await visible(page, '#members-by-kind').waitFor()
      await visible(page, '#stat-kind-retired').getByText('1', { exact: true }).waitFor()
      await visible(page, '#stat-kind-mobile').getByText('0', { exact: true }).waitFor()
      await visible(page, '#members-by-kind').scrollIntoViewIfNeeded()
      await shot(page, 'service-45-dashboard-members-by-kind')

      // Issue 14 §4: the year switch shows last year's figures (孙伟's 240 minutes of last year, seeded).
      const thisYearHours = (await visible(page, '#stat-hours').textContent()).trim()
      const lastYear = onScreen(page, '[id^="tab-y"]').nth(1)
      const y = (await lastYear.getAttribute('id')).slice('tab-y'.length)
      await lastYear.click()
      await see(page, `${y} 年已报到党员（按类别）`)
      await visible(page, '#stat-hours').getByText('4 小时', { exact: true }).waitFor()
      if (thisYearHours === '4 小时') throw new Error('this year shows the same hours as last year')
      await shot(page, 'service-46-dashboard-last-year')
      await go(page, base, 'ledger/index')
      await visible(page, '#ranking-label').waitFor()
      await onScreen(page, '[id^="tab-y"]').nth(1).click()
      await see(page, `${y} 年服务台账`)
      const sun = onScreen(page, '[id^="rank-"]').filter({ hasText: '孙伟' }).first()
      await sun.getByText('4 小时 0 分钟').waitFor()
      await shot(page, 'service-47-ranking-last-year')
      await onScreen(page, '[id^="tab-y"]').nth(0).click()
      await onScreen(page, '[id^="rank-"]').filter({ hasText: '4 小时 0 分钟' }).waitFor({ state: 'detached' })
    },
  ],
]
