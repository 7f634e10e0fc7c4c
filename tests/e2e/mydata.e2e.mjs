// 我的数据 (issue 12 §3, SPEC §7): a resident, a member and a secretary open 我的 → 我的数据, see what
// 同心圆 holds about them with counts, open a section's records and export everything as one JSON
// file. The household's ballot shows while its vote is open, and nowhere once the vote has closed.
import { api, exportedWorkbook, see, setClockOffset, setIdentity, shot, visible } from './lib.mjs'

const SEC = 'o-sec-hx'
const LIU = 'o-res-liu'
const MEMBER = 'o-member-sun'
const VOTE_TITLE = '一号楼加装电梯意向征询（我的数据）'
const DAY = 86_400_000
const ACTIVITY_TITLE = '党员学习读书会（我的数据）'

const rid = (tag) => `e2e-mydata-${tag}-${Date.now().toString(36)}`

/** 我的 → 我的数据, as `who`; waits for the sections. */
async function openMyData(page, base, who, meShot) {
  await setIdentity(page, base, who)
  await visible(page, '#to-me').click()
  await visible(page, '#me-mydata').waitFor()
  if (meShot) await shot(page, meShot)
  await visible(page, '#me-mydata').click()
  await visible(page, '#mydata-profile').waitFor({ timeout: 15_000 })
}

/**
 * Taps 导出我的数据 and returns the stored file's JSON, read from the link the export answered (the
 * browser's own download needs the tap's user activation, which a slow export on a busy machine can
 * outlive; the link is what the person gets either way).
 */
async function exportFile(page, base) {
  // After a goBack the 我的数据 page must be the one on screen again before its button is tapped.
  await visible(page, '#mydata-profile').waitFor({ timeout: 15_000 })
  await visible(page, '#mydata-export').waitFor()
  const [res] = await Promise.all([
    page.waitForResponse(
      (r) => r.url().endsWith('/cloud/org') && (r.request().postData() ?? '').includes('mydata.export'),
    ),
    visible(page, '#mydata-export').click(),
  ])
  const body = await res.json()
  if (!body.ok) throw new Error(`mydata.export: ${body.error.code} ${body.error.message}`)
  if (!/^我的数据-\d{4}-\d{2}-\d{2}\.json$/.test(body.data.fileName))
    throw new Error(`file named ${body.data.fileName}`)
  const text = await (await page.request.get(new URL(body.data.url, base).href)).text()
  await see(page, '文件已生成')
  return { text, json: JSON.parse(text) }
}

export const journeys = [
  [
    '刘芳 (resident) sees her records with counts, her phone whole, her household’s live ballot, and exports all of it as JSON',
    async (page, { base }) => {
      await page.goto(`${base}/`)
      const vote = await api(page, base, SEC, 'council', 'vote.open', {
        requestId: rid('vote'),
        meetingId: 'meet-winter',
        itemId: 'item-2',
        title: VOTE_TITLE,
        options: [
          { label: '同意加装', kind: 'for' },
          { label: '暂不加装', kind: 'against' },
        ],
        estateIds: [],
        buildingIds: ['b-hx-1-1'],
        opensAt: new Date().toISOString(),
        closesAt: new Date(Date.now() + 3 * DAY).toISOString(),
        preset: 'simple',
      })
      await api(page, base, LIU, 'council', 'vote.cast', { voteId: vote.id, optionKey: 'o1' })

      await openMyData(page, base, LIU, 'mydata-me-entry')
      await see(page, '账户与身份')
      await see(page, '正在进行的表决')
      await see(page, '没有您记录的类别')
      await shot(page, 'mydata-resident')

      await visible(page, '#mydata-profile').click()
      await see(page, '13800000004')
      await shot(page, 'mydata-resident-profile')
      await page.goBack()

      await visible(page, '#mydata-ballots').click()
      await see(page, VOTE_TITLE)
      await see(page, '同意加装')
      await see(page, '本户当前的选择')
      await shot(page, 'mydata-resident-ballot')
      await page.goBack()

      // Her own ratings of resolutions, with their content (a family member's would show only that the
      // family rated: tests/integration/org/mydata.test.ts).
      await visible(page, '#mydata-resolutionRatings').click()
      await see(page, '评价人')
      await see(page, '星级')
      await page.goBack()

      const { json, text } = await exportFile(page, base)
      if (json.format !== 'tongxinyuan-mydata/1' || json.name !== '刘芳')
        throw new Error(`unexpected file head: ${text.slice(0, 200)}`)
      const ballots = json.sections.find((s) => s.key === 'ballots')
      if (ballots?.rows?.[0]?.choice !== '同意加装') throw new Error('the export lacks the household’s live ballot')
      if (!text.includes('13800000004')) throw new Error('the export lacks her own phone')
      for (const other of ['o-res-zhang', 'o-sec-hx', '13800000005'])
        if (text.includes(other)) throw new Error(`the export names someone else: ${other}`)
      await see(page, '文件已生成')
      await shot(page, 'mydata-resident-exported')
      // The same records as Excel, through the export function.
      const xlsx = await exportedWorkbook(page, base, 'org.mydata', 'mydata', visible(page, '#mydata-export-xlsx'))
      if (!/^我的数据-\d{4}-\d{2}-\d{2}\.xlsx$/.test(xlsx.fileName)) throw new Error(`workbook named ${xlsx.fileName}`)
      await see(page, 'Excel 文件已生成')
      await shot(page, 'mydata-resident-exported-xlsx')

      // The vote closes: nothing says what the household chose any more.
      setClockOffset(3 * DAY + 60_000)
      try {
        await api(page, base, SEC, 'council', 'vote.close', { voteId: vote.id })
        await openMyData(page, base, LIU)
        if (await visible(page, '#mydata-ballots').count())
          throw new Error('the closed vote still shows the household’s choice')
        const after = await exportFile(page, base)
        if (after.text.includes(VOTE_TITLE) || after.text.includes('同意加装'))
          throw new Error('the export still names the closed vote’s choice')
        await shot(page, 'mydata-resident-after-close')
      } finally {
        setClockOffset(0)
      }
    },
  ],
  [
    '孙伟 (member) sees his check-ins, topics, seconds and activity, and reads a check-in record in words',
    async (page, { base }) => {
      await page.goto(`${base}/`)
      // An activity of its own: the service journey signs 孙伟 up to the seeded one.
      const start = new Date(Date.now() + 2 * DAY)
      const activity = await api(page, base, SEC, 'service', 'activity.create', {
        requestId: rid('activity'),
        communityId: 'c-hx',
        title: ACTIVITY_TITLE,
        kind: 'study',
        place: { name: '和谐社区党群服务中心', lat: 39.9087, lng: 116.3975 },
        startAt: start.toISOString(),
        endAt: new Date(start.getTime() + 2 * 3600_000).toISOString(),
        capacity: 30,
      })
      await api(page, base, MEMBER, 'service', 'activity.signup', { activityId: activity.id })
      await openMyData(page, base, MEMBER)
      await see(page, '双报到、双服务')
      await see(page, '党员报到')
      await see(page, '我附议的议题')
      await shot(page, 'mydata-member')
      await visible(page, '#mydata-checkins').click()
      await see(page, '锦绣区人民医院')
      await see(page, '工作单位')
      await shot(page, 'mydata-member-checkins')
      await page.goBack()
      await visible(page, '#mydata-activities').click()
      await see(page, ACTIVITY_TITLE)
      await see(page, '已报名')
    },
  ],
  [
    '王秀英 (secretary) sees her profile, her role and her notice subscription, no ballot section, and exports them',
    async (page, { base }) => {
      await page.goto(`${base}/`)
      await api(page, base, SEC, 'council', 'notice.subscribe', { communityId: 'c-hx', on: true })
      await openMyData(page, base, SEC)
      await see(page, '我的身份')
      await see(page, '消息订阅')
      if (await visible(page, '#mydata-ballots').count()) throw new Error('the secretary is shown a ballot section')
      await visible(page, '#mydata-roles').click()
      await see(page, '社区书记')
      await see(page, '和谐社区')
      await shot(page, 'mydata-secretary-roles')
      await page.goBack()
      await visible(page, '#mydata-subscriptions').click()
      await see(page, '接收')
      // 我的数据 afresh (not through the browser's history, which earlier journeys in this tab filled).
      await openMyData(page, base, SEC)
      await shot(page, 'mydata-secretary')
      const { json } = await exportFile(page, base)
      if (json.name !== '王秀英' || json.sections.find((s) => s.key === 'ballots').rows.length !== 0)
        throw new Error('the secretary’s export is wrong')
    },
  ],
]
