import { readFileSync } from 'fs'
import { join } from 'path'
import ExcelJS from 'exceljs'
import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { DAY, iso } from './fixtures'

/**
 * Ballot secrecy against the strongest insider (issue 10 §1, SPEC §5). The secretary knows every
 * household's floor area (household.list) and may poll every action. Two worlds that differ only in
 * who chose what (two households swap their choices), or in which households voted (the same number
 * of ballots, cast at the same moments), and whose legal outcome is the same, must look exactly alike
 * to her: every vote.get after every ballot and across the turnout refresh windows, the closed vote,
 * vote.list and the exported workbook. Each world runs on a fresh cloud.
 */

const MIN = 60_000
type Room = '101' | '102' | '201' | '202' | '301' | '302' | '401' | '402' | '501' | '502'
/** The verified residents of 和谐家园 1号楼 in the demo world, by room. */
const RESIDENT: Record<Room, string> = {
  101: P.liu,
  202: P.zhang,
  102: 'o-res-hx-102',
  201: 'o-res-hx-201',
  301: 'o-res-hx-301',
  302: 'o-res-hx-302',
  401: 'o-res-hx-401',
  402: 'o-res-hx-402',
  501: 'o-res-hx-501',
  502: 'o-res-hx-502',
}

interface World {
  /** vote.open fields besides the meeting item and times. */
  vote: Record<string, unknown>
  /** In order, one every 3 minutes: the household (room) and its option key. */
  ballots: [Room, string][]
}

const yesNo = [
  { label: '同意', kind: 'for' },
  { label: '反对', kind: 'against' },
  { label: '弃权', kind: 'abstain' },
]

type Observed = { what: string; data: unknown }
type VoteOut = {
  id: string
  meetingId?: string
  result?: { passed: boolean; adoptedOptionKey: string | null; ballots: number }
}

/** The workbook's cell values, row by row. */
async function workbookRows(h: Cloud, url: string): Promise<unknown[][]> {
  const path = decodeURIComponent(url.slice(url.indexOf('/local/files/') + '/local/files/'.length))
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(readFileSync(join(h.dir, 'uploads', path)) as unknown as ArrayBuffer)
  const rows: unknown[][] = []
  wb.eachSheet((ws) => ws.eachRow({ includeEmpty: true }, (r) => rows.push([ws.name, ...(r.values as unknown[])])))
  return rows
}

/** Everything the secretary can see of one world, with the vote's random id (and paths made from it) replaced. */
async function observe(world: World): Promise<{ seen: Observed[]; outcome: unknown; knownAreas: Map<string, number> }> {
  const h = await openCloud()
  try {
    const seen: Observed[] = []
    const look = (what: string, data: unknown) => seen.push({ what, data })
    // What she knows beforehand: every household's area.
    const page = await h.ok<{ items: { id: string; floorAreaDm2?: number }[] }>(
      'org',
      'household.list',
      { buildingId: 'b-hx-1-1', pageSize: 50 },
      P.secHx,
    )
    const knownAreas = new Map(page.items.map((x) => [x.id, x.floorAreaDm2 ?? -1]))

    const closesAt = new Date(T0.getTime() + 2 * DAY)
    const opened = await h.ok<VoteOut>(
      'council',
      'vote.open',
      {
        requestId: rid(),
        meetingId: 'meet-winter',
        itemId: 'item-1',
        title: '冬季电动车集中充电点设置方案',
        options: yesNo,
        buildingIds: ['b-hx-1-1'],
        opensAt: iso(T0),
        closesAt: iso(closesAt),
        ...world.vote,
      },
      P.secHx,
    )
    look('vote.open', opened)
    const poll = async (what: string) => {
      look(what, await h.ok('council', 'vote.get', { voteId: opened.id }, P.secHx))
      look(
        `${what} (list)`,
        await h.ok('council', 'vote.list', { communityId: 'c-hx', meetingId: 'meet-winter', pageSize: 50 }, P.secHx),
      )
    }

    for (const [i, [room, option]] of world.ballots.entries()) {
      h.setNow(new Date(T0.getTime() + (i + 1) * 3 * MIN))
      await h.ok('council', 'vote.cast', { voteId: opened.id, optionKey: option }, RESIDENT[room])
      await poll(`after ballot ${i + 1}`)
    }
    // Across several refresh windows while the vote still runs.
    for (let k = 1; k <= 4; k++) {
      h.setNow(new Date(T0.getTime() + world.ballots.length * 3 * MIN + k * 11 * MIN))
      await poll(`later ${k}`)
    }

    h.setNow(new Date(closesAt.getTime() + MIN))
    await poll('past the close')
    const closed = await h.ok<VoteOut>('council', 'vote.close', { voteId: opened.id }, P.secHx)
    look('vote.close', closed)
    await poll('closed')
    const file = await h.ok<{ fileId: string; url: string }>('export', 'council.vote', { voteId: opened.id }, P.secHx)
    look('vote.export', file)
    look('workbook', await workbookRows(h, file.url))

    const r = closed.result!
    return {
      seen: JSON.parse(JSON.stringify(seen).split(opened.id).join('<vote>')),
      outcome: { passed: r.passed, adopted: r.adoptedOptionKey, ballots: r.ballots },
      knownAreas,
    }
  } finally {
    h.close()
  }
}

/** The first observation that differs between the two worlds (undefined when none does). */
function firstDifference(a: Observed[], b: Observed[]) {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (JSON.stringify(a[i]) !== JSON.stringify(b[i])) return { a: a[i], b: b[i] }
  }
  return undefined
}

async function expectIndistinguishable(a: World, b: World) {
  const wa = await observe(a)
  const wb = await observe(b)
  // The legal outcome is the same in both worlds, so nothing may tell them apart.
  expect(wa.outcome).toEqual(wb.outcome)
  expect(wa.seen.length).toBeGreaterThan(2 * a.ballots.length + 12)
  expect(firstDifference(wa.seen, wb.seen)).toBeUndefined()
  // She did see turnout move (in snapshots, not per ballot) and a result.
  const households = (what: string) =>
    (wa.seen.find((x) => x.what === what)!.data as { turnout: { households: number } }).turnout.households
  expect(households('after ballot 1')).toBe(0)
  expect(households('later 1')).toBe(a.ballots.length)
  return wa
}

describe('the secretary cannot tell how or when a household voted', () => {
  it("knows every household's area (the assumption the other cases rest on)", async () => {
    const w = await observe({ vote: { preset: 'simple' }, ballots: [['101', 'o1']] })
    expect(w.knownAreas.get('h-hx-1-1-101')).toBe(13919)
    expect(w.knownAreas.get('h-hx-1-1-202')).toBe(13673)
    expect(new Set(w.knownAreas.values()).size).toBe(w.knownAreas.size)
  })

  it("custom vote by area, two voters: 刘芳's household and 张德福's swap 同意 and 反对 (the issue's reproduction)", async () => {
    const vote = {
      preset: 'custom',
      custom: { participationPercent: 10, approvalPercent: 50, approvalMoreThan: true, byArea: true },
    }
    const w = await expectIndistinguishable(
      {
        vote,
        ballots: [
          ['101', 'o2'],
          ['202', 'o1'],
        ],
      },
      {
        vote,
        ballots: [
          ['101', 'o1'],
          ['202', 'o2'],
        ],
      },
    )
    expect(w.outcome).toEqual({ passed: false, adopted: null, ballots: 2 })
  })

  it('civil-code ordinary vote: two households of different area swap their choices', async () => {
    const vote = { preset: 'civil_code_ordinary' }
    const rest: [Room, string][] = [
      ['102', 'o1'],
      ['201', 'o1'],
      ['301', 'o1'],
      ['302', 'o3'],
      ['401', 'o1'],
      ['402', 'o1'],
    ]
    const w = await expectIndistinguishable(
      { vote, ballots: [['101', 'o1'], ['202', 'o2'], ...rest] },
      { vote, ballots: [['101', 'o2'], ['202', 'o1'], ...rest] },
    )
    expect(w.outcome).toEqual({ passed: true, adopted: 'o1', ballots: 8 })
  })

  it('civil-code ordinary vote: different households cast the same number of ballots at the same moments', async () => {
    const vote = { preset: 'civil_code_ordinary' }
    const choices = ['o1', 'o1', 'o2', 'o1', 'o1', 'o1', 'o3', 'o1']
    const a: Room[] = ['101', '102', '201', '202', '301', '302', '401', '402']
    const b: Room[] = ['101', '102', '201', '202', '301', '302', '401', '501']
    const w = await expectIndistinguishable(
      { vote, ballots: a.map((room, i) => [room, choices[i]]) },
      { vote, ballots: b.map((room, i) => [room, choices[i]]) },
    )
    expect(w.outcome).toEqual({ passed: true, adopted: 'o1', ballots: 8 })
  })
})
