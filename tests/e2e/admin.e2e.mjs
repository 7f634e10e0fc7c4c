// Admin journeys: a secretary sets up a new estate and building (rooms generated floor by floor) and a
// new person binds one of its rooms; a secretary invites staff of a company serving the community.
// Each journey runs on its own local cloud: they change who o-new-zhou is, which the onboarding
// journey (on the shared server) expects to be a person without a house.
import { ownServer, pick, see, setIdentity, shot, visible } from './lib.mjs'

const onScreen = (page, sel) => page.locator(`.taro_page:not([style*="display: none"]):not(.taro_page_shade) ${sel}`)

export const journeys = [
  [
    'a secretary adds an estate and a 2 × 2 building, a new person binds one of its rooms',
    (page) =>
      ownServer(async (base) => {
        await setIdentity(page, base, 'o-sec-hx')
        await visible(page, '#tile-estates').click()
        await onScreen(page, '#estates-c-hx').getByText('和谐家园').waitFor()
        await shot(page, 'admin-01-secretary-estates')

        // New estate: it opens at once, with no buildings yet.
        await visible(page, '#estate-new-c-hx').click()
        await visible(page, '#estate-name input').fill('同心苑')
        await visible(page, '#estate-submit').tap()
        const estate = onScreen(page, '.estate--open').filter({ hasText: '同心苑' })
        await estate.getByText('还没有楼栋').waitFor()
        await estate.locator('[id^="building-new-"]').click()

        // A building of 2 floors × 2 rooms; the area is checked in 平方米 before anything is sent.
        await visible(page, '#building-name input').fill('1号楼')
        await pick(page, 'building-grid', '第二网格')
        await visible(page, '#building-grid').getByText('第二网格').waitFor()
        await visible(page, '#building-floors input').fill('2')
        await visible(page, '#building-rooms input').fill('2')
        await visible(page, '#building-area input').fill('9.5')
        await see(page, '将生成 4 户，房号 101 – 202')
        await visible(page, '#building-submit').tap()
        await see(page, '面积不小于 10 平方米')
        await shot(page, 'admin-02-building-form-error')
        await visible(page, '#building-area input').fill('86.25')
        await visible(page, '#building-submit').tap()
        await visible(page, '#building-result').waitFor()
        await see(page, '已建立 1号楼')
        await see(page, '生成 4 户：2 层 × 每层 2 户，房号 101 – 202')
        await estate.locator('.tx-chip', { hasText: '1号楼' }).waitFor()
        await shot(page, 'admin-03-building-created')

        // A new person finds room 202 of the new building in 房屋认证 and asks to bind it.
        await setIdentity(page, base, 'o-new-zhou')
        await visible(page, '#tile-bind').click()
        await visible(page, '#bind-submit').waitFor()
        await pick(page, 'bind-community', '和谐社区')
        await pick(page, 'bind-estate', '同心苑')
        await pick(page, 'bind-building', '1号楼')
        for (const room of ['101', '102', '201', '202']) await visible(page, `#bind-room-${room}`).waitFor()
        await visible(page, '#bind-room-202').click()
        await visible(page, '#bind-phone input').fill('13800000006')
        await shot(page, 'admin-04-bind-new-room')
        await visible(page, '#bind-submit').tap()
        await visible(page, '#bind-result').waitFor()
        await see(page, '同心苑 1号楼 202')
        await see(page, '待社区审核')
        await shot(page, 'admin-05-bind-submitted')

        // It reaches the secretary's queue.
        await setIdentity(page, base, 'o-sec-hx')
        await visible(page, '#tile-bindings').click()
        await onScreen(page, '.tx-card[id^="binding-"]')
          .filter({ hasText: '同心苑 1号楼 202' })
          .filter({ hasText: '周小雨' })
          .waitFor()

        // The secretary finds people and homes by a few words (issue 13 §5): the function searches.
        await visible(page, '#pending-search input').fill('周小雨')
        await see(page, '找到 1 条')
        await visible(page, '#pending-search input').fill('无此人')
        await see(page, '没有找到含“无此人”的申请')
        await visible(page, '#tab-residents').click()
        await visible(page, '#resident-search input').fill('刘芳')
        await see(page, '找到 1 位住户')
        await onScreen(page, '.tx-card[id^="resident-"]').filter({ hasText: '和谐家园 1号楼 101' }).waitFor()
        await shot(page, 'admin-06-secretary-finds-resident')
        await visible(page, '#tab-households').click()
        await see(page, '输入楼号或房号查找房屋')
        await visible(page, '#household-search input').fill('同心苑 1号楼')
        await see(page, '找到 4 户')
        await onScreen(page, '.tx-card[id^="household-"]').filter({ hasText: '同心苑 1号楼 202' }).waitFor()
        await shot(page, 'admin-07-secretary-finds-household')
      }),
  ],
  [
    'a secretary invites staff of a company serving the community, the street admin staff of any company',
    (page) =>
      ownServer(async (base) => {
        await setIdentity(page, base, 'o-sec-hx')
        await visible(page, '#tile-sec-invitations').click()
        await see(page, '物业人员：物业公司的工作人员')
        await visible(page, '#invite-company .tx-field__picker').waitFor()
        await visible(page, '#invite-submit').tap()
        await see(page, '请选择物业公司')
        await pick(page, 'invite-company', '安居物业服务有限公司')
        await shot(page, 'admin-06-secretary-invite-form')
        await visible(page, '#invite-submit').tap()
        await visible(page, '#invite-result').waitFor()
        await see(page, '物业人员 · 安居物业服务有限公司')
        const code = (await visible(page, '#issued-code').textContent()).trim()
        if (!/^[A-Z0-9]{8}$/.test(code)) throw new Error(`unexpected code: ${code}`)
        await shot(page, 'admin-07-secretary-invite-issued')

        await visible(page, '#tab-list').click()
        await onScreen(page, '[id^="invitation-"]').filter({ hasText: '物业人员 · 安居物业服务有限公司' }).waitFor()

        // The street admin chooses among all companies of the street.
        await setIdentity(page, base, 'o-street-admin')
        await visible(page, '#tile-invitations').click()
        await pick(page, 'invite-role', '物业人员')
        await pick(page, 'invite-company', '恒泰物业管理有限公司')
        await visible(page, '#invite-company').getByText('恒泰物业管理有限公司').waitFor()
        await visible(page, '#invite-submit').tap()
        await visible(page, '#invite-result').waitFor()
        await see(page, '物业人员 · 恒泰物业管理有限公司')
        await shot(page, 'admin-08-street-invite-issued')
      }),
  ],
]
