// Journey 8 (issue 12): people come and go. Each step is its own entry on its own local cloud (they
// unbind residents and end roles that the other journeys rely on); later parts of journey 8 (reports,
// 我的数据, leaving) add their entries to this list.
import { api, E2E_TIMEZONE, ownServer, pick, see, setIdentity, shot, visible } from './lib.mjs'

const onScreen = (page, sel) => page.locator(`.taro_page:not([style*="display: none"]) ${sel}`)

/** A second phone (its own storage, so its own demo identity), for two people acting at once. */
async function secondPhone(ctx) {
  return ctx.browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    hasTouch: true,
    isMobile: true,
    locale: 'zh-CN',
    timezoneId: E2E_TIMEZONE,
  })
}

const openMe = async (page, base) => {
  await page.goto(`${base}/#/pages/me/index`)
  await visible(page, '#my-roles').waitFor()
}

export const journeys = [
  [
    '8.1 move house: the secretary sees who lives in 1号楼 101 and unbinds 刘芳, who then binds her new home',
    (page) =>
      ownServer(async (base) => {
        // The secretary opens the household from 小区楼栋: its area, who is bound and since when.
        await setIdentity(page, base, 'o-sec-hx')
        await visible(page, '#tile-estates').click()
        await visible(page, '#estate-open-e-hx-1').click()
        await visible(page, '#building-b-hx-1-1').click()
        await visible(page, '#room-h-hx-1-1-101').waitFor()
        await shot(page, 'people-01-building-rooms')
        await visible(page, '#room-h-hx-1-1-101').click()
        await see(page, '和谐家园 1号楼 101')
        await onScreen(page, '#household-members').getByText('刘芳').waitFor()
        await shot(page, 'people-02-household')

        // 刘芳 moved: unbinding asks for a reason and says what happens to the household's votes.
        await visible(page, '#unbind-bind-liu').click()
        await see(page, '这一户已投的票和评价仍归本户')
        await visible(page, '#unbind-ok').click()
        await see(page, '请写明原因')
        await visible(page, '#unbind-reason textarea').fill('已搬至阳光社区')
        await shot(page, 'people-03-unbind-confirm')
        await visible(page, '#unbind-ok').click()
        await onScreen(page, '#member-bind-liu').getByText('已搬至阳光社区').waitFor()
        await shot(page, 'people-04-unbound')

        // 刘芳 sees it on 我的, with the history, and binds her new home in 阳光社区.
        await setIdentity(page, base, 'o-res-liu')
        await openMe(page, base)
        await onScreen(page, '#my-binding').getByText('已搬至阳光社区').waitFor()
        await onScreen(page, '#role-history').getByText('社区解除房屋绑定').waitFor()
        await shot(page, 'people-05-me-unbound')
        await visible(page, '#bind-again').click()
        await visible(page, '#bind-submit').waitFor()
        await pick(page, 'bind-community', '阳光社区')
        await pick(page, 'bind-estate', '阳光花园')
        await pick(page, 'bind-building', '1号楼')
        await visible(page, '#bind-room-101').click()
        await visible(page, '#bind-phone input').fill('13800000004')
        await visible(page, '#bind-submit').tap()
        await visible(page, '#bind-result').waitFor()
        await see(page, '阳光花园 1号楼 101')
        await see(page, '待社区审核')
        await shot(page, 'people-06-rebind-elsewhere')
      }),
  ],
  [
    '8.2 a resident leaves the household from 我的, after a confirmation that says what happens',
    (page) =>
      ownServer(async (base) => {
        await setIdentity(page, base, 'o-res-zhang')
        await openMe(page, base)
        await visible(page, '#leave-household').click()
        await see(page, '本户已经投的票和评价仍然算本户的')
        await shot(page, 'people-07-leave-confirm')
        await visible(page, '#leave-ok').click()
        await onScreen(page, '#my-binding').getByText('已解除').first().waitFor()
        await visible(page, '#bind-again').waitFor()
        await onScreen(page, '#role-history').getByText('本人退出本户').waitFor()
        await shot(page, 'people-08-left')
      }),
  ],
  [
    '8.3 the street admin ends a property staff member: the next screen they open is refused',
    (page, ctx) =>
      ownServer(async (base) => {
        // 郑凯 has his workbench open.
        await setIdentity(page, base, 'o-prop-zheng')
        await page.goto(`${base}/#/packages/property/pages/staff/index`)
        await see(page, '安居物业服务有限公司')

        // Meanwhile, on another phone, the street admin ends his appointment.
        const other = await secondPhone(ctx)
        const admin = await other.newPage()
        try {
          await setIdentity(admin, base, 'o-street-admin')
          await visible(admin, '#tile-people').click()
          await visible(admin, '#tab-property_staff').click()
          await pick(admin, 'people-scope-property_staff', '安居物业服务有限公司')
          await onScreen(admin, '[id^="holder-"]').filter({ hasText: '郑凯' }).waitFor()
          await shot(admin, 'people-09-holders')
          await onScreen(admin, '[id^="holder-"]').filter({ hasText: '郑凯' }).locator('[id^="end-"]').click()
          await see(admin, '马上就不能再以「物业人员 · 安居物业服务有限公司」的身份办理任何事项')
          await visible(admin, '#end-role-reason textarea').fill('劳动合同到期')
          await shot(admin, 'people-10-end-confirm')
          await visible(admin, '#end-role-ok').click()
          await see(admin, '安居物业服务有限公司目前没有物业人员')
        } finally {
          await other.close()
        }

        // His next screen (the rectification list) is refused.
        await visible(page, '#tab-rect').click()
        await see(page, '您没有权限进行此操作')
        await shot(page, 'people-11-refused')
        await openMe(page, base)
        await onScreen(page, '#role-history').getByText('劳动合同到期').waitFor()
        await see(page, '被免去（街道管理员 赵立新）')
        await shot(page, 'people-12-me-history')
      }),
  ],
  [
    '8.4 a grid worker steps down from 我的',
    (page) =>
      ownServer(async (base) => {
        await setIdentity(page, base, 'o-grid-huang')
        await openMe(page, base)
        await visible(page, '#step-down-grid_worker-g-hx-1').click()
        await see(page, '辞去「网格员 · 和谐社区 第一网格」后')
        await visible(page, '#step-down-reason textarea').fill('年龄原因')
        await shot(page, 'people-13-step-down-confirm')
        await visible(page, '#step-down-ok').click()
        await onScreen(page, '#my-roles').getByText('暂无工作身份').waitFor()
        await onScreen(page, '#role-history').getByText('本人辞去（本人）：年龄原因').waitFor()
        await shot(page, 'people-14-stepped-down')
      }),
  ],
  [
    '8.5 the secretary corrects a household’s floor area; the earlier area stays in its history',
    (page) =>
      ownServer(async (base) => {
        await setIdentity(page, base, 'o-sec-hx')
        await page.goto(`${base}/#/packages/admin/pages/household/index?id=h-hx-1-2-101`)
        await see(page, '和谐家园 2号楼 101')
        await visible(page, '#area-edit').click()
        await visible(page, '#area-input input').fill('88.5')
        await visible(page, '#area-ok').click()
        await see(page, '请写明更正原因')
        await visible(page, '#area-reason textarea').fill('按不动产权证更正')
        await shot(page, 'people-15-area-form')
        await visible(page, '#area-ok').click()
        await onScreen(page, '#household-area-value').getByText('88.50').waitFor()
        await onScreen(page, '#place-history').getByText('按不动产权证更正').waitFor()
        await see(page, '→ 88.50 平方米')
        await shot(page, 'people-16-area-corrected')
      }),
  ],
  [
    '8.6 刘芳 leaves (注销): the red/black list reads the same before and after; the last street admin cannot leave',
    (page) =>
      ownServer(async (base) => {
        const listText = async () => {
          await page.goto(`${base}/#/packages/property/pages/list/index`)
          await see(page, '安居物业服务有限公司')
          return onScreen(page, '.tx-page, page, body').first().innerText()
        }
        await setIdentity(page, base, 'o-new-zhou')
        const before = await listText()

        await setIdentity(page, base, 'o-res-liu')
        await openMe(page, base)
        await visible(page, '#leave-account').click()
        await see(page, '抹去：您的姓名「刘芳」和手机号')
        await see(page, '社区的合计、红黑榜和表决结果都不变')
        await shot(page, 'people-17-leave-account-confirm')
        await visible(page, '#leave-account-ok').click()
        // The same phone, a new person: no name, no roles, no household.
        await onScreen(page, '#my-binding').getByText('还没有认证房屋').waitFor()
        await shot(page, 'people-18-left-new-person')

        await setIdentity(page, base, 'o-new-zhou')
        const after = await listText()
        if (after !== before) throw new Error('the red/black list changed after a leave')

        // The only street admin is told why they cannot leave, and stays.
        await setIdentity(page, base, 'o-street-admin')
        await openMe(page, base)
        await visible(page, '#leave-account').click()
        await see(page, '如果您是本街道唯一的街道管理员')
        await visible(page, '#leave-account-ok').click()
        await see(page, '您是本街道唯一的街道管理员，暂不能注销')
        await shot(page, 'people-19-last-admin-refused')
      }),
  ],
  [
    '8.7 three households report a topic: it is hidden at once (its author sees 审核中), the secretary restores it with a reason',
    (page) =>
      ownServer(async (base) => {
        await page.goto(`${base}/`)
        const title = '小区东门外有人摆摊占道（举报演示）'
        const topic = await api(page, base, 'o-res-liu', 'council', 'topic.propose', {
          requestId: `e2e-report-${Date.now().toString(36)}`,
          communityId: 'c-hx',
          title,
          body: '东门外人行道常被摊位占满，老人推车过不去，希望社区协调。',
          photos: [],
        })
        // Three other households of the community report it.
        for (const who of ['o-res-zhang', 'o-res-hx-102', 'o-res-hx-201'])
          await api(page, base, who, 'council', 'report.submit', { kind: 'topic', id: topic.id, reason: 'ad' })
        const topicPage = `${base}/#/packages/council/pages/topic/index?id=${encodeURIComponent(topic.id)}`

        // Hidden at once for everyone else …
        await setIdentity(page, base, 'o-res-zhang')
        await page.goto(topicPage)
        await see(page, '该内容正在审核')
        if (await page.locator('.taro_page:not([style*="display: none"])').getByText(title).count())
          throw new Error('a hidden topic still shows its title to another household')
        await shot(page, 'people-20-reported-hidden')
        // … while its author sees it, marked.
        await setIdentity(page, base, 'o-res-liu')
        await page.goto(topicPage)
        await see(page, title)
        await see(page, '审核中')
        await shot(page, 'people-21-author-sees-held')

        // The secretary restores it from 内容审核, with a reason the author is told.
        await setIdentity(page, base, 'o-sec-hx')
        await page.goto(`${base}/#/packages/admin/pages/moderation/index`)
        const caseId = `mc:topic:${topic.id}`
        await visible(page, `[id="case-${caseId}"]`).waitFor()
        await visible(page, `[id="case-reason-${caseId}"] input`).fill('属于正常反映问题，不是广告')
        await shot(page, 'people-22-review')
        await visible(page, `[id="case-restore-${caseId}"]`).click()
        await onScreen(page, `[id="case-${caseId}"]`).waitFor({ state: 'detached' })

        await setIdentity(page, base, 'o-res-zhang')
        await page.goto(topicPage)
        await see(page, title)
        await shot(page, 'people-23-restored')
      }),
  ],
]
