import { openCloud, P, T0, type Cloud } from '../harness'

type Vote = {
  status: string
  title: string
  result?: {
    passed: boolean
    adoptedOptionKey: string | null
    summary: string
    rule: { preset: string }
    participation: { households: { count: number; total: number } }
    options: { key: string; label: string; households: number }[]
  }
}

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

describe('the demo parking-plan story', () => {
  it('has the parking plan approved by more than 90% of the households under civil-code rules', async () => {
    const v = await h.ok<Vote>('council', 'vote.get', { voteId: 'vote-parking' }, P.liu)
    expect(v.status).toBe('closed')
    expect(v.result).toMatchObject({ passed: true, adoptedOptionKey: 'o1', rule: { preset: 'civil_code_ordinary' } })
    const yes = v.result!.options.find((o) => o.key === 'o1')!.households
    const total = v.result!.participation.households.total
    expect(yes * 10).toBeGreaterThan(total * 9)
  })

  it('computes the stored result again from the stored ballots', async () => {
    const { data } = await h.db.collection('council_ballots').where({ voteId: 'vote-parking' }).limit(1000).get()
    const yes = (data as { choice: string }[]).filter((b) => b.choice === 'o1').length
    const v = await h.ok<Vote>('council', 'vote.get', { voteId: 'vote-parking' }, P.secHx)
    expect(v.result!.options.find((o) => o.key === 'o1')!.households).toBe(yes)
    expect(v.result!.participation.households.count).toBe(data.length)
  })

  it('links the topic, the meeting with its minutes and the resolution carried out to done', async () => {
    const t = await h.ok<{ status: string; tier: string }>(
      'council',
      'topic.get',
      { topicId: 'topic-parking' },
      P.zhang,
    )
    expect(t).toMatchObject({ status: 'accepted', tier: 'major' })
    const m = await h.ok<{ status: string; minutes?: string; agenda: { topicIds: string[] }[] }>(
      'council',
      'meeting.get',
      { meetingId: 'meet-parking' },
      P.zhang,
    )
    expect(m.status).toBe('ended')
    expect(m.agenda[0].topicIds).toEqual(['topic-parking'])
    const r = await h.ok<{ status: string; voteId: string; rating: { count: number } }>(
      'council',
      'resolution.get',
      { resolutionId: 'res:meet-parking:item-1' },
      P.zhang,
    )
    expect(r).toMatchObject({ status: 'done', voteId: 'vote-parking' })
    expect(r.rating.count).toBeGreaterThan(0)
  })
})

describe('exporting a vote result', () => {
  it('gives the secretary a workbook of the result with counts and no household', async () => {
    const ExcelJS = (await import('exceljs')).default
    const { readFileSync } = await import('fs')
    const { join } = await import('path')
    const out = await h.ok<{ fileId: string; url: string; fileName: string; rows: number }>(
      'export',
      'council.vote',
      { voteId: 'vote-parking' },
      P.secHx,
    )
    expect(out.url).toContain('/local/files/exports/council/vote-parking-')
    expect(out.fileName).toMatch(/-表决结果\.xlsx$/)
    expect(out.rows).toBeGreaterThanOrEqual(2)
    const path = out.url.slice(out.url.indexOf('/local/files/') + '/local/files/'.length)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(readFileSync(join(h.dir, 'uploads', decodeURIComponent(path))) as unknown as ArrayBuffer)
    const ws = wb.getWorksheet('表决结果')!
    const rows: string[] = []
    ws.eachRow((r) => rows.push(JSON.stringify(r.values)))
    const text = rows.join('\n')
    expect(text).toContain('同意')
    expect(text).toContain('66')
    expect(text).not.toMatch(/h-hx-|o-res-|刘芳/)
  })

  it("refuses residents, other communities' secretaries, and open votes", async () => {
    await h.expectRefused('export', 'council.vote', { voteId: 'vote-parking' }, P.liu, 'FORBIDDEN')
    await h.expectRefused('export', 'council.vote', { voteId: 'vote-parking' }, P.secYg, 'FORBIDDEN')
    const open = await h.ok<{ id: string }>(
      'council',
      'vote.open',
      {
        requestId: 'req-export-open-1',
        meetingId: 'meet-winter',
        itemId: 'item-1',
        title: '未计票的表决',
        options: [
          { label: '同意', kind: 'for' },
          { label: '反对', kind: 'against' },
        ],
        buildingIds: ['b-hx-1-2'],
        opensAt: T0.toISOString(),
        closesAt: new Date(T0.getTime() + 86_400_000).toISOString(),
        preset: 'simple',
      },
      P.secHx,
    )
    await h.expectRefused('export', 'council.vote', { voteId: open.id }, P.secHx, 'CONFLICT')
  })
})
