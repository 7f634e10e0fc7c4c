/**
 * Content checks that hold in production: WeChat's msgSecCheck takes 2,500 characters per call, the
 * local checker refuses more, and checkText sends longer texts (meeting minutes up to 5,000) in
 * overlapping pieces — so a long text passes only because it is cut, and a blocked word anywhere in
 * it, across a cut too, is still caught. `review` comes back as its own verdict.
 */
import { sdk } from '../../cloudfunctions/shared/cloud'
import { checkText, MSG_SEC_CHECK_MAX_CHARS } from '../../cloudfunctions/shared/content'
import { MSG_SEC_CHECK_MAX_CHARS as LOCAL_LIMIT } from '../../local/seam'
import { openCloud, P, rid, T0, type Cloud } from './harness'

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

type Meeting = { id: string; status: string; minutes?: string }
const DAY = 86_400_000

/** 5,000 characters of plain minutes (a repeating sentence). */
const sentence = '会议讨论了小区停车位规划方案，与会代表充分发表意见，同意提交业主表决。'
const minutes = (n = 5000) => sentence.repeat(Math.ceil(n / sentence.length)).slice(0, n)
const withWordAt = (text: string, at: number, word: string) => text.slice(0, at) + word + text.slice(at + word.length)

async function startedMeeting(): Promise<Meeting> {
  const m = await h.ok<Meeting>(
    'council',
    'meeting.create',
    {
      requestId: rid(),
      communityId: 'c-hx',
      title: '和谐社区红色议事会（纪要）',
      startsAt: new Date(T0.getTime() + 2 * DAY).toISOString(),
      place: '党群服务中心',
      online: false,
      agenda: [{ title: '停车位规划方案' }],
      participants: [{ kind: 'party', name: '和谐社区党委' }],
    },
    P.secHx,
  )
  await h.ok('council', 'meeting.publish', { meetingId: m.id }, P.secHx)
  return h.ok<Meeting>('council', 'meeting.start', { meetingId: m.id }, P.secHx)
}

const msgSecCheck = (content: string) =>
  sdk()
    .openapi.security.msgSecCheck({ content, version: 2, scene: 2, openid: P.secHx })
    .then(
      (r: { errCode: number; result?: { suggest: string } }) => ({ errCode: r.errCode, suggest: r.result?.suggest }),
      (e: { errCode: number }) => ({ errCode: e.errCode, suggest: undefined }),
    )

describe('the local msgSecCheck', () => {
  it('takes up to 2,500 characters per call, as WeChat documents, and refuses more', async () => {
    expect(LOCAL_LIMIT).toBe(MSG_SEC_CHECK_MAX_CHARS)
    expect(await msgSecCheck(minutes(2500))).toEqual({ errCode: 0, suggest: 'pass' })
    expect(await msgSecCheck(minutes(2501))).toEqual({ errCode: 47001, suggest: undefined })
    expect(await msgSecCheck(minutes(5000))).toEqual({ errCode: 47001, suggest: undefined })
  })

  it('answers review for the agreed review word and 87014 for a blocked one', async () => {
    expect(await msgSecCheck('请核实一下待审词的说法')).toEqual({ errCode: 0, suggest: 'review' })
    expect(await msgSecCheck('这里有违禁词')).toEqual({ errCode: 87014, suggest: undefined })
  })
})

describe('meeting minutes of 5,000 characters', () => {
  it('are checked in pieces and stored whole', async () => {
    const m = await startedMeeting()
    const ended = await h.ok<Meeting>('council', 'meeting.minutes', { meetingId: m.id, minutes: minutes() }, P.secHx)
    expect(ended.status).toBe('ended')
    expect(ended.minutes).toBe(minutes())
  })

  it('are refused for a blocked word past the first piece, or cut by a piece boundary, changing nothing', async () => {
    const m = await startedMeeting()
    await h.expectRefused(
      'council',
      'meeting.minutes',
      { meetingId: m.id, minutes: withWordAt(minutes(), 4000, '违禁词') },
      P.secHx,
      'CONTENT_REJECTED',
    )
    await h.expectRefused(
      'council',
      'meeting.minutes',
      { meetingId: m.id, minutes: withWordAt(minutes(), 4997, '违禁词') },
      P.secHx,
      'CONTENT_REJECTED',
    )
    // The first cut is after character 2,500: the word spans it.
    await h.expectRefused(
      'council',
      'meeting.minutes',
      { meetingId: m.id, minutes: withWordAt(minutes(), 2499, '违禁词') },
      P.secHx,
      'CONTENT_REJECTED',
    )
    await h.expectRefused(
      'council',
      'meeting.minutes',
      { meetingId: m.id, minutes: withWordAt(minutes(), 4899, '违禁词') },
      P.secHx,
      'CONTENT_REJECTED',
    )
  })
})

describe('checkText', () => {
  it('says review when any piece of any text was judged so, pass otherwise', async () => {
    expect(await checkText(P.secHx, ['会议纪要', minutes()])).toBe('pass')
    expect(await checkText(P.secHx, ['会议纪要', withWordAt(minutes(), 4500, '待审词')])).toBe('review')
    expect(await checkText(P.secHx, ['待审词', undefined, ''])).toBe('review')
  })
})
