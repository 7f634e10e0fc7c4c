// Foundation journey: a new resident binds a household, the community's secretary approves it, the
// resident sees the verified state; the other community's secretary cannot see the request.
import { pick, see, setIdentity, shot, visible } from './lib.mjs'

const onScreen = (page, sel) => page.locator(`.taro_page:not([style*="display: none"]):not(.taro_page_shade) ${sel}`)

export const journeys = [
  [
    'a new resident binds a household and is verified by the secretary',
    async (page, { base }) => {
      await setIdentity(page, base, 'o-new-zhou')
      await see(page, '您还没有认证房屋')
      await shot(page, 'onboarding-01-home-new-resident')

      await visible(page, '#tile-bind').click()
      await visible(page, '#bind-submit').waitFor()
      await pick(page, 'bind-community', '和谐社区')
      await pick(page, 'bind-estate', '和谐家园')
      await pick(page, 'bind-building', '1号楼')
      await visible(page, '#bind-room-301').click()
      await visible(page, '#bind-phone input').fill('13800000006')
      await shot(page, 'onboarding-02-bind-form')
      await visible(page, '#bind-submit').tap()
      await visible(page, '#bind-result').waitFor()
      await see(page, '和谐家园 1号楼 301')
      await see(page, '待社区审核')
      await shot(page, 'onboarding-03-bind-submitted')

      // The other community's secretary does not see it.
      await setIdentity(page, base, 'o-sec-yg')
      await visible(page, '#tile-bindings').click()
      await see(page, '待审居民2')
      if ((await onScreen(page, '.tx-card').filter({ hasText: '周小雨' }).count()) !== 0)
        throw new Error('阳光社区的书记看到了和谐社区的申请')

      // The secretary of 和谐社区 approves it.
      await setIdentity(page, base, 'o-sec-hx')
      await visible(page, '#tile-bindings').click()
      const card = onScreen(page, '.tx-card[id^="binding-"]').filter({ hasText: '周小雨' })
      await card.waitFor()
      const text = await card.textContent()
      if (!text.includes('138****0006')) throw new Error(`phone not masked for the secretary: ${text}`)
      await shot(page, 'onboarding-04-secretary-queue')
      const id = await card.getAttribute('id')
      await visible(page, `#${id}-approve`).click()
      await page.locator('.taro-model__confirm').click()
      await onScreen(page, `#${id}`).waitFor({ state: 'detached' })
      await shot(page, 'onboarding-05-secretary-approved')

      // The resident is verified, with the resident role on that household.
      await setIdentity(page, base, 'o-new-zhou')
      await onScreen(page, '#roles').getByText('和谐家园 1号楼 301').waitFor()
      if ((await onScreen(page, '#binding-banner').count()) !== 0)
        throw new Error('the not-verified banner is still shown')
      await shot(page, 'onboarding-06-resident-verified')
    },
  ],
]
