// Home is a 待办 page (issue 13 §1): each demo person sees what waits for them, with counts, and one
// tap opens the page that deals with it. Some of the waiting is made here through the cloud API
// first (a vote for 和谐家园 1号楼, an event 刘芳 reported that its handler marked done), so a resident's
// home is not empty. The browser is in New York: a close time set at 20:00 Beijing time must show 20:00.
import { api, see, setIdentity, shot, visible } from './lib.mjs'

const SEC = 'o-sec-hx'
const LIU = 'o-res-liu'
const VOTE_TITLE = '楼道照明改造方案（首页待办）'

/** 20:00 Beijing time `days` from now, as an instant. */
function beijingEvening(days) {
  const d = new Date(Date.now() + 8 * 3600_000 + days * 86_400_000)
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 20, 0) - 8 * 3600_000).toISOString()
}

const rid = (tag) => `e2e-home-${tag}-${Date.now().toString(36)}`

/** Home of `who`, waited for, with a screenshot. */
async function home(page, base, who, name) {
  await setIdentity(page, base, who)
  await visible(page, '#waiting-total, .tx-section-title').waitFor()
  await shot(page, `home-${name}`)
}

export const journeys = [
  [
    'the secretary’s home lists the community’s pending binding, topic and event with counts; a tap opens the bindings page',
    async (page, { base }) => {
      await home(page, base, SEC, 'secretary')
      await see(page, '社区书记 · 和谐社区')
      await see(page, '住户认证待审核')
      await see(page, '议题待受理')
      await see(page, '网格事件待派单')
      await see(page, '常用功能')
      if (await visible(page, '#binding-banner').count()) throw new Error('a secretary is asked to verify a household')
      await visible(page, '#home-group-bindings .tx-item').first().click()
      await page.waitForURL(/packages\/admin\/pages\/bindings/)
      await see(page, '待审居民1')
    },
  ],
  [
    'a resident’s home lists a vote of her building with its close time in Beijing time, and the event to confirm; a tap opens the vote',
    async (page, { base }) => {
      await page.goto(`${base}/`)
      await api(page, base, SEC, 'council', 'vote.open', {
        requestId: rid('vote'),
        meetingId: 'meet-winter',
        itemId: 'item-1',
        title: VOTE_TITLE,
        options: [
          { label: '同意', kind: 'for' },
          { label: '反对', kind: 'against' },
        ],
        estateIds: [],
        buildingIds: ['b-hx-1-1'],
        opensAt: new Date().toISOString(),
        closesAt: beijingEvening(5),
        preset: 'civil_code_ordinary',
      })
      const ev = await api(page, base, LIU, 'grid', 'event.report', {
        requestId: rid('event'),
        gridId: 'g-hx-1',
        buildingId: 'b-hx-1-1',
        place: '1号楼门口',
        category: 'facility',
        description: '门口路灯不亮',
        photos: [],
        urgency: 'normal',
      })
      await api(page, base, SEC, 'grid', 'event.assign', { eventId: ev.id, handler: { type: 'community', id: 'c-hx' } })
      await api(page, base, SEC, 'grid', 'event.accept', { eventId: ev.id })
      await api(page, base, SEC, 'grid', 'event.progress', {
        eventId: ev.id,
        note: '已更换灯泡',
        photos: [],
        done: true,
      })

      await home(page, base, LIU, 'resident')
      await see(page, '表决待投票')
      await see(page, VOTE_TITLE)
      const line = await visible(page, '#home-group-votes').textContent()
      if (!/投票截止 \d+月\d+日 20:00/.test(line ?? ''))
        throw new Error(`the close time is not 20:00 Beijing time: ${line}`)
      await see(page, '事件待确认')
      await see(page, '设施损坏·1号楼门口')
      await visible(page, '#home-group-votes .tx-item').first().click()
      await page.waitForURL(/packages\/council\/pages\/vote\/index\?id=/)
      await see(page, VOTE_TITLE)
    },
  ],
  [
    'staff, the street admin, the member and the grid worker each see their own kinds; a newcomer sees no 待办 and is asked to verify a household',
    async (page, { base }) => {
      await home(page, base, 'o-prop-zheng', 'property-staff')
      await see(page, '物业人员 · 安居物业服务有限公司')
      await see(page, '吹哨召集待应答')
      await see(page, '已超期')
      if (await visible(page, '#binding-banner').count())
        throw new Error('property staff are asked to verify a household')

      await home(page, base, 'o-prop-qian', 'property-staff-2')
      await see(page, '评价待答复')

      await home(page, base, 'o-street-admin', 'street-admin')
      await see(page, '评价待复核')
      await see(page, '超期未办结事件')

      await home(page, base, 'o-member-sun', 'member')
      await see(page, '在职党员 · 和谐社区')
      await see(page, '今天的服务活动')
      await see(page, '您还没有认证房屋')

      await home(page, base, 'o-grid-huang', 'grid-worker')
      await see(page, '本网格待派单事件')

      await home(page, base, 'o-liaison-wu', 'liaison')
      await see(page, '单位联络员 · 锦绣区人民医院')

      await home(page, base, 'o-new-zhou', 'newcomer')
      await see(page, '您还没有认证房屋')
      if (await visible(page, '#waiting').count()) throw new Error('a person with no role has a 待办 section')
    },
  ],
]
