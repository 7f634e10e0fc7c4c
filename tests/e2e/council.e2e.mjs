// Journey 4 (SPEC §8): a resident proposes a topic, others second it, the secretary accepts it as 大事,
// puts it on a meeting agenda, opens a civil_code_ordinary vote, households vote, the vote closes with
// the right result, the resolution is tracked to done and rated by residents. Secrecy and wrong-role
// checks along the way.
import { asPerson, attachPhoto, exportedWorkbook, pick, setClockOffset, setIdentity, shot, visible } from './lib.mjs'

/** Wait for `text` in a visible element (pages kept in the DOM behind the current one may hold it too). */
async function see(page, text, timeout = 15_000) {
  await page.getByText(text, { exact: false }).filter({ visible: true }).first().waitFor({ timeout })
}

const C = '/#/packages/council/pages'
const TOPIC = '1号楼楼前增设电动自行车充电棚'

async function confirmModal(page) {
  await page.locator('.taro-model__confirm').click()
}

const pad = (n) => String(n).padStart(2, '0')
/** Asia/Shanghai wall time "YYYY-MM-DD HH:mm" of an instant. */
const cn = (ms) => {
  const t = new Date(ms + 8 * 3600_000)
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`
}

const idFromUrl = (url) => decodeURIComponent(new URL(url.replace('/#/', '/')).searchParams.get('id') ?? '')

async function noText(page, re, what) {
  const text = (await page.locator('.taro_page').filter({ visible: true }).allTextContents()).join('\n')
  if (!text) throw new Error('no page on screen')
  if (re.test(text)) throw new Error(`${what}: ${re}`)
}

export const journeys = [
  [
    'journey 4: topic → seconds → 大事 → agenda → civil-code vote → result → resolution done → rating',
    async (page, { base }) => {
      // 1. 刘芳 proposes a topic.
      await setIdentity(page, base, 'o-res-liu')
      await visible(page, '#tile-council').click()
      await see(page, '规划小区停车位')
      await shot(page, 'council-01-hub-resident')
      await visible(page, '#propose').click()
      await visible(page, '#topic-title input').fill(TOPIC)
      await visible(page, '#topic-body textarea').fill(
        '电动车在楼道充电有火灾隐患，建议在1号楼楼前空地建充电棚，集中充电。',
      )
      await attachPhoto(page, 'corridor.jpg')
      await shot(page, 'council-02a-propose-with-photo')
      await visible(page, '#submit-topic').click()
      await see(page, '附议 0')
      await visible(page, '.cc-body ~ .tx-photos .tx-photos__img').waitFor({ timeout: 15_000 })
      const topicId = idFromUrl(page.url())
      await shot(page, 'council-02-topic-proposed')

      // 2. 张德福 and a member second it; the proposer can no longer edit it.
      await setIdentity(page, base, 'o-res-zhang')
      await page.goto(`${base}${C}/topic/index?id=${encodeURIComponent(topicId)}`)
      await visible(page, '#second').click()
      await see(page, '您已附议')
      await see(page, '附议 1')
      await noText(page, /刘芳/, "another resident sees the proposer's full name")
      await noText(page, /受理议题/, 'a resident sees the triage panel')
      await setIdentity(page, base, 'o-member-sun')
      await page.goto(`${base}${C}/topic/index?id=${encodeURIComponent(topicId)}`)
      await visible(page, '#second').click()
      await see(page, '附议 2')
      await page.waitForTimeout(2200)
      await shot(page, 'council-03-topic-seconded')

      // 3. 王秀英 accepts it as 大事.
      await setIdentity(page, base, 'o-sec-hx')
      await visible(page, '#tile-council').click()
      await visible(page, `#topic-${topicId}`).click()
      await see(page, '受理议题')
      await visible(page, '#tier-major').click()
      await shot(page, 'council-04-triage')
      await visible(page, '#submit-triage').click()
      await see(page, '处理程序：召开议事会议')

      // 4. She puts it on a meeting agenda (several topics may share an item), invites the property company,
      // a co-building unit and a resident picked from the community's records, publishes and starts the meeting.
      await page.goto(`${base}${C}/meeting-edit/index?communityId=c-hx`)
      await visible(page, '#meeting-title input').fill('和谐社区红色议事会（充电安全专题）')
      await visible(page, '#item-title-0 input').fill('电动自行车充电棚建设方案')
      await visible(page, `#item-topics-0-${topicId}`).click()
      await visible(page, '#invite-pick-co-1').click()
      await visible(page, '#invite-type-unit').click()
      await visible(page, '#invite-pick-u-hx-2').click()
      await visible(page, '#invite-type-resident').click()
      await visible(page, '#invite-find input').fill('张德福')
      await visible(page, '#invite-pick-bind-zhang').click()
      await see(page, '居民代表：张德福')
      await shot(page, 'council-05-meeting-editor')
      await visible(page, '#save-meeting').click()
      await see(page, '书记操作')
      await see(page, '物业公司：安居物业服务有限公司（已邀请）')
      const meetingId = idFromUrl(page.url())
      // An accepted 大事 goes straight onto the agenda from its own page.
      await page.goto(`${base}${C}/topic/index?id=topic-parking`)
      await see(page, '列入会议议程')
      await pick(page, 'agenda-meeting', '充电安全专题')
      await shot(page, 'council-05b-topic-to-agenda')
      await visible(page, '#add-to-agenda').click()
      await see(page, '2. 规划小区停车位')
      await visible(page, '#publish-meeting').click()
      await confirmModal(page)
      await see(page, '已发布')
      await visible(page, '#start-meeting').click()
      await confirmModal(page)
      await see(page, '议程已锁定')
      await page.waitForTimeout(2200)
      await shot(page, 'council-06-meeting-started')

      // The invited company sees the meeting on its home and signs in as itself; the secretary sees who came.
      await setIdentity(page, base, 'o-prop-zheng')
      await see(page, '邀请我参加的议事会议')
      await visible(page, '#home-group-invitations .tx-item').first().click()
      await see(page, '充电安全专题')
      await visible(page, '#check-in').click()
      await see(page, '已签到 1 人')
      await setIdentity(page, base, 'o-sec-hx')
      await page.goto(`${base}${C}/meeting/index?id=${encodeURIComponent(meetingId)}`)
      await visible(page, '#open-roll').click()
      await see(page, '已到 1 / 3 方')
      await see(page, '签到：郑凯')
      await page.waitForTimeout(1500)
      await shot(page, 'council-06b-attendance')
      await page.goto(`${base}${C}/meeting/index?id=${encodeURIComponent(meetingId)}`)
      await see(page, '议程已锁定')

      // 5. She opens a civil-code (ordinary) vote for 和谐家园 1号楼, closing at the form's default (in 7 days, 20:00).
      await visible(page, '#open-vote-item-1').click()
      await see(page, '参与表决的住户')
      await pick(page, 'building-estate', '和谐家园')
      await visible(page, '#building-b-hx-1-1').click()
      await see(page, '7 天后')
      await visible(page, '#preset-civil_code_ordinary').click()
      await shot(page, 'council-07-vote-open-form')
      await visible(page, '#submit-vote').click()
      await see(page, '参与情况')
      await see(page, '距参与门槛还差 8 户')
      const voteId = idFromUrl(page.url())
      await shot(page, 'council-08-vote-opened')

      // 6. Eight households vote: six for, one against, one abstains. 刘芳 changes her mind once.
      const voters = [
        ['o-res-liu', 'o2'],
        ['o-res-zhang', 'o1'],
        ['o-res-hx-102', 'o1'],
        ['o-res-hx-201', 'o1'],
        ['o-res-hx-301', 'o1'],
        ['o-res-hx-302', 'o3'],
        ['o-res-hx-401', 'o1'],
        ['o-res-hx-402', 'o1'],
      ]
      for (const [openid, option] of voters) {
        await asPerson(page, base, openid, `${C}/vote/index?id=${encodeURIComponent(voteId)}`)
        await visible(page, `#option-${option}`).click()
        await visible(page, '#cast').click()
        await see(page, '本户已投')
      }
      await shot(page, 'council-09-resident-ballot')
      // 刘芳 changes her ballot before the close.
      await asPerson(page, base, 'o-res-liu', `${C}/vote/index?id=${encodeURIComponent(voteId)}`)
      await see(page, '本户已投：反对')
      await visible(page, '#option-o1').click()
      await visible(page, '#cast').click()
      await see(page, '本户已投：同意')
      // Turnout is a snapshot taken every 10 minutes, never per ballot; a building of 12 households
      // is a small electorate, so its area waits for the count.
      await see(page, '0 / 12 户')
      await see(page, '每 10 分钟更新一次')
      await see(page, '参与面积：计票时公布')
      await page.waitForTimeout(2200)
      await shot(page, 'council-10-live-turnout')

      // 刘芳's husband joins the household with a one-time 户码: the household has voted, and only 刘芳 may change it.
      const api = (openid, fn, action, input) =>
        page.evaluate(
          async ([o, f, a, i]) =>
            (
              await fetch(`/cloud/${f}`, {
                method: 'POST',
                headers: { 'content-type': 'application/json', 'x-wx-openid': o },
                body: JSON.stringify({ action: a, input: i }),
              })
            ).json(),
          [openid, fn, action, input],
        )
      const code = await api('o-sec-hx', 'org', 'householdCode.issue', {
        requestId: `e2e-code-${Date.now()}`,
        householdId: 'h-hx-1-1-101',
      })
      if (!code.ok) throw new Error(`householdCode.issue: ${JSON.stringify(code)}`)
      const bound = await api('o-e2e-liu-husband', 'org', 'binding.request', {
        requestId: `e2e-bind-${Date.now()}`,
        householdId: 'h-hx-1-1-101',
        name: '王建军',
        phone: '13900001111',
        householdCode: code.data.code,
      })
      if (!bound.ok || bound.data.status !== 'verified') throw new Error(`binding.request: ${JSON.stringify(bound)}`)
      await asPerson(page, base, 'o-e2e-liu-husband', `${C}/vote/index?id=${encodeURIComponent(voteId)}`)
      await see(page, '本户已由家人投票：同意')
      await see(page, '只有投票的家人可以在截止前改票')
      if (await page.locator('#cast').filter({ visible: true }).count())
        throw new Error('a later member of the household is offered to vote')
      const refused = await api('o-e2e-liu-husband', 'council', 'vote.cast', { voteId, optionKey: 'o2' })
      if (refused.ok || refused.error.code !== 'CONFLICT')
        throw new Error(`a later member's ballot was not refused: ${JSON.stringify(refused)}`)
      await page.waitForTimeout(1200)
      await shot(page, 'council-10b-household-already-voted')

      // 7. The secretary sees turnout but not who voted what; after the close she counts.
      await setIdentity(page, base, 'o-sec-hx')
      await page.goto(`${base}${C}/vote/index?id=${encodeURIComponent(voteId)}`)
      await see(page, '0 / 12 户')
      await noText(page, /本户已投|刘芳|张德福|1号楼 101|1号楼 202|o-res-/, 'the secretary sees a ballot')
      await noText(page, /本户投票/, 'the secretary gets a ballot panel')
      // The close time comes: the local cloud's clock moves past it (the wheels pick days, not seconds).
      const opened = await api('o-sec-hx', 'council', 'vote.get', { voteId })
      setClockOffset(Date.parse(opened.data.closesAt) - Date.now() + 2_000)
      try {
        await page.reload()
        await visible(page, '#close-vote').click()
        await confirmModal(page)
        await see(page, '表决通过')
      } finally {
        setClockOffset(0)
      }
      await see(page, '表决通过')
      await see(page, '「同意」获 7/8 户')
      await see(page, '参与 8/12 户，参与面积已达到门槛')
      await noText(page, /㎡/, 'the result shows an area sum')
      await page.waitForTimeout(2200)
      await shot(page, 'council-11-vote-result')
      // Export: the export function answers with a link to the workbook, which the page opens.
      await exportedWorkbook(page, base, 'council.vote', 'council', visible(page, '#export-vote'))

      // 8. Resolution for the item: the responsible party picked from the community's records, a day to finish by.
      await page.goto(`${base}${C}/meeting/index?id=${encodeURIComponent(meetingId)}`)
      await visible(page, '#resolve-item-1').click()
      await visible(page, '#decision-item-1 textarea').fill(
        '业主表决通过：在1号楼楼前空地建设电动自行车充电棚一处，物业公司负责施工和日常管理。',
      )
      await visible(page, '#responsible-item-1-type-company').click()
      await visible(page, '#responsible-item-1-pick-co-1').click()
      await see(page, '安居物业服务有限公司（服务')
      await shot(page, 'council-12a-resolution-form')
      await visible(page, '#record-item-1').click()
      await see(page, '决议：业主表决通过')
      await visible(page, '#minutes textarea').fill('会议讨论了充电棚选址和管理办法，表决通过后由物业公司组织施工。')
      await visible(page, '#end-meeting').click()
      await see(page, '会议纪要')
      await page.waitForTimeout(2200)
      await shot(page, 'council-12-meeting-resolution')
      await visible(page, '#agenda-item-1 .tx-item:has-text("决议：")').click()
      await see(page, '落实进度')
      const resolutionPath = page.url().slice(page.url().indexOf('/#/'))

      // The company carries it: it finds the resolution on its home, posts progress with a photo, then marks it done.
      await setIdentity(page, base, 'o-prop-zheng')
      await see(page, '由我方落实的议事决议')
      await visible(page, '#home-group-resolutions .tx-item').first().click()
      await see(page, '更新进度')
      await visible(page, '#progress-note textarea').fill('充电棚钢结构已完成，正在安装充电桩')
      await attachPhoto(page, 'shed.jpg')
      await visible(page, '#save-progress').click()
      await see(page, '安居物业服务有限公司 郑凯 · 落实中')
      await page.waitForTimeout(1500)
      await shot(page, 'council-13a-party-progress')
      await visible(page, '#progress-note textarea').fill('充电棚已完工，12 个充电位投入使用')
      await visible(page, '#progress-done').click()
      await visible(page, '#save-progress').click()
      await see(page, '已办结')
      await page.waitForTimeout(2200)
      await shot(page, 'council-13-resolution-done')

      // 9. Residents rate the outcome.
      await asPerson(page, base, 'o-res-zhang', resolutionPath)
      await see(page, '办结了，您满意吗')
      await visible(page, '#star-5').click()
      await visible(page, '#rate').click()
      await see(page, '平均 5 分，1 户评价')
      await asPerson(page, base, 'o-res-liu', resolutionPath)
      await visible(page, '#star-4').click()
      await visible(page, '#rate').click()
      await see(page, '平均 4.5 分，2 户评价')
      await page.waitForTimeout(2200)
      await shot(page, 'council-14-rated')

      // 10. A re-vote on the item needs a public reason; its page shows the reason and the earlier result.
      await setIdentity(page, base, 'o-sec-hx')
      await page.goto(`${base}${C}/meeting/index?id=${encodeURIComponent(meetingId)}`)
      await visible(page, '#open-vote-item-1').click()
      await see(page, '重新表决须写明理由')
      await pick(page, 'building-estate', '和谐家园')
      await visible(page, '#building-b-hx-1-1').click()
      await visible(page, '#revote-reason textarea').fill('充电棚选址改到2号楼东侧，按调整后的方案重新征求意见')
      await page.waitForTimeout(800)
      await shot(page, 'council-17-revote-form')
      await visible(page, '#submit-vote').click()
      await see(page, '重新表决的理由：充电棚选址改到2号楼东侧')
      await see(page, '「同意」获 7/8 户')
      await page.waitForTimeout(2200)
      await shot(page, 'council-18-revote')
    },
  ],
  [
    'journey 4b: a resolution past its day shows on the secretary’s home and in the street’s overdue queue',
    async (page, { base }) => {
      const api = async (openid, action, input) => {
        const res = await page.request.post(`${base}/cloud/council`, {
          headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
          data: { action, input },
        })
        const body = await res.json()
        if (!body.ok) throw new Error(`council.${action}: ${body.error.code} ${body.error.message}`)
        return body.data
      }
      const today = cn(Date.now()).slice(0, 10)
      await api('o-sec-hx', 'meeting.start', { meetingId: 'meet-winter' })
      await api('o-sec-hx', 'resolution.record', {
        meetingId: 'meet-winter',
        itemId: 'item-1',
        decision: '各楼栋楼道清理堆物，物业每周巡查一次。',
        responsible: { type: 'company', id: 'co-1' },
        deadline: today,
      })
      // Two days on, it is overdue.
      setClockOffset(2 * 86_400_000)
      try {
        await setIdentity(page, base, 'o-sec-hx')
        await see(page, '议事决议已逾期')
        await shot(page, 'council-19-secretary-home-overdue')
        await setIdentity(page, base, 'o-street-admin')
        await see(page, '议事决议已逾期')
        await page.goto(`${base}/#/packages/grid/pages/overdue/index`)
        await visible(page, '#tab-resolutions').click()
        await see(page, '冬季消防通道与电动车充电安全')
        await see(page, '安居物业服务有限公司 负责')
        await page.waitForTimeout(1200)
        await shot(page, 'council-20-street-overdue-resolutions')
      } finally {
        setClockOffset(0)
      }
    },
  ],
  [
    'journey 4 refusals: a resident cannot triage, open votes or count; an outsider cannot vote',
    async (page, { base }) => {
      // The seeded parking vote is closed: a resident sees the result, no ballot change.
      await setIdentity(page, base, 'o-res-zhang')
      await page.goto(`${base}${C}/vote/index?id=vote-parking`)
      await see(page, '表决通过')
      await noText(page, /计票并公布结果|发送截止提醒/, 'a resident sees secretary actions')
      await shot(page, 'council-15-seed-parking-result')
      // The API refuses a resident opening a vote, and the secretary of another community counting.
      const call = (openid, action, input) =>
        page.evaluate(
          async ([o, a, i]) =>
            (
              await fetch('/cloud/council', {
                method: 'POST',
                headers: { 'content-type': 'application/json', 'x-wx-openid': o },
                body: JSON.stringify({ action: a, input: i }),
              })
            ).json(),
          [openid, action, input],
        )
      const r1 = await call('o-res-zhang', 'topic.triage', {
        topicId: 'topic-elevator',
        decision: 'accept',
        tier: 'major',
      })
      const r2 = await call('o-sec-yg', 'vote.close', { voteId: 'vote-parking' })
      const r3 = await call('o-new-zhou', 'vote.cast', { voteId: 'vote-parking', optionKey: 'o1' })
      const r4 = await call('o-sec-hx', 'vote.myBallot', { voteId: 'vote-parking', householdId: 'h-hx-1-1-101' })
      for (const [r, what] of [
        [r1, 'resident triage'],
        [r2, 'other secretary close'],
        [r3, 'unbound vote'],
        [r4, 'secretary reads a ballot'],
      ]) {
        if (r.ok || r.error.code !== 'FORBIDDEN') throw new Error(`${what} was not refused: ${JSON.stringify(r)}`)
      }
      // An unbound person sees why they cannot take part.
      await setIdentity(page, base, 'o-new-zhou')
      await page.goto(`${base}${C}/index/index`)
      await see(page, '请先认证房屋')
      await shot(page, 'council-16-unbound')
    },
  ],
]
