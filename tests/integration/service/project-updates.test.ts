import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { expectPersonalDataRegistered } from '../personal-data'

/** Issue 11 §6: a project's progress history is paged, never cut (it was kept to the last 50). */

type Update = { seq: number; progress: number; note: string; byName: string; at: string }
type Page = { items: Update[]; total: number }
type Project = { id: string; progress: number; status: string; lastNote?: string; updateCount: number }

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

async function project(): Promise<Project> {
  const need = await h.ok<{ id: string }>(
    'service',
    'need.create',
    { requestId: rid(), communityId: 'c-hx', title: '楼道照明改造', source: 'community' },
    P.secHx,
  )
  const res = await h.ok<{ id: string }>(
    'service',
    'resource.create',
    { requestId: rid(), communityId: 'c-hx', title: '电工服务' },
    P.member,
  )
  return h.ok<Project>(
    'service',
    'project.create',
    {
      requestId: rid(),
      needId: need.id,
      resourceId: res.id,
      title: '楼道照明',
      deadline: new Date(T0.getTime() + 60 * 86400_000).toISOString(),
    },
    P.secHx,
  )
}

describe('project updates', () => {
  let p: Project
  const N = 55

  it('keeps every one of 55 updates, the first included', async () => {
    p = await project()
    for (let i = 1; i <= N; i++) {
      h.setNow(new Date(T0.getTime() + i * 60_000))
      await h.ok('service', 'project.progress', { projectId: p.id, progress: i, note: `第 ${i} 次更新` }, P.secHx)
    }
    h.setNow(T0)
    const first = await h.ok<Page>('service', 'project.updates', { projectId: p.id, page: 2, pageSize: 50 }, P.liu)
    expect(first.total).toBe(N)
    expect(first.items.map((u) => u.seq)).toEqual([5, 4, 3, 2, 1])
    expect(first.items.at(-1)).toMatchObject({ progress: 1, note: '第 1 次更新', byName: '王秀英' })
    const latest = await h.ok<Page>('service', 'project.updates', { projectId: p.id, pageSize: 3 }, P.member)
    expect(latest.items.map((u) => u.note)).toEqual(['第 55 次更新', '第 54 次更新', '第 53 次更新'])
  })

  it('shows the count and the latest note on the project', async () => {
    const list = await h.ok<{ items: Project[] }>(
      'service',
      'project.list',
      { communityId: 'c-hx', pageSize: 50 },
      P.liu,
    )
    expect(list.items.find((x) => x.id === p.id)).toMatchObject({
      progress: N,
      lastNote: `第 ${N} 次更新`,
      updateCount: N,
    })
  })

  it('pages with a fixed number of requests whatever the page size', async () => {
    const small = await h.call<Page>('service', 'project.updates', { projectId: p.id, pageSize: 2 }, P.liu)
    const large = await h.call<Page>('service', 'project.updates', { projectId: p.id, pageSize: 50 }, P.liu)
    expect(small.env.ok && small.env.data.items).toHaveLength(2)
    expect(small.dbRequests).toBe(large.dbRequests)
  })

  it('refuses bad input, an unknown project and a caller without identity, changing nothing', async () => {
    await h.expectRefused('service', 'project.updates', { projectId: 'proj-none' }, P.liu, 'NOT_FOUND')
    await h.expectRefused('service', 'project.updates', { projectId: p.id, pageSize: 51 }, P.liu, 'INVALID_INPUT')
    await h.expectRefused('service', 'project.updates', {}, P.liu, 'INVALID_INPUT')
    await h.expectRefused('service', 'project.updates', { projectId: p.id }, null, 'UNAUTHENTICATED')
  })

  it('two updates at once: both are kept, or one is refused and nothing is lost', async () => {
    const q = await project()
    const calls = await Promise.all([
      h.call<Project>('service', 'project.progress', { projectId: q.id, progress: 20, note: '甲：已勘察' }, P.secHx),
      h.call<Project>('service', 'project.progress', { projectId: q.id, progress: 30, note: '乙：已采购' }, P.secHx),
    ])
    const outcomes = calls.map((c) => (c.env.ok ? 'ok' : c.env.error.code))
    expect(outcomes.every((o) => o === 'ok' || o === 'CONFLICT')).toBe(true)
    const page = await h.ok<Page>('service', 'project.updates', { projectId: q.id }, P.secHx)
    expect(page.total).toBe(outcomes.filter((o) => o === 'ok').length)
    expect(new Set(page.items.map((u) => u.seq)).size).toBe(page.total)
    const list = await h.ok<{ items: Project[] }>(
      'service',
      'project.list',
      { communityId: 'c-hx', pageSize: 50 },
      P.liu,
    )
    expect(list.items.find((x) => x.id === q.id)!.updateCount).toBe(page.total)
  })
})

describe('personal data', () => {
  it('keeps every field that names a person in the personal-data registry', () => expectPersonalDataRegistered(h))
})
