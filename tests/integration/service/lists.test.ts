import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { expectPersonalDataRegistered } from '../personal-data'

type Need = {
  id: string
  title: string
  status: string
  quantity?: { tenths: number; unit: string }
  quantityText?: string
}
type Resource = { id: string; ownerType: string; ownerName: string }
type Project = {
  id: string
  status: string
  progress: number
  needTitle: string
  overdue: boolean
  ownerType: string
  ownerId: string
  ownerName: string
}

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

const inDays = (d: number) => new Date(T0.getTime() + d * 86400_000).toISOString()

describe('the three lists', () => {
  it('carries the seed story’s needs list exactly', async () => {
    const page = await h.ok<{ items: Need[] }>('service', 'need.list', { communityId: 'c-hx', pageSize: 50 }, P.liu)
    const byTitle = Object.fromEntries(page.items.map((n) => [n.title, n.quantityText]))
    expect(byTitle).toMatchObject({
      修复坑洼路面: '25616.5 ㎡',
      疏通修复污水沟: '849 m',
      新增路灯: '26 盏',
      更换公益广告: '121 块',
      新增垃圾箱桶: '70 个',
    })
    expect(page.items.find((n) => n.title === '修复坑洼路面')?.quantity).toEqual({ tenths: 256165, unit: '平方米' })
  })

  let needId = ''
  it('lets the secretary post a need; refuses others and fractional tenths', async () => {
    const n = await h.ok<Need>(
      'service',
      'need.create',
      {
        requestId: rid(),
        communityId: 'c-hx',
        title: '加装楼道扶手',
        source: 'council',
        quantity: { tenths: 125, unit: '米' },
      },
      P.secHx,
    )
    expect(n).toMatchObject({ status: 'open', quantityText: '12.5 m' })
    needId = n.id
    await h.expectRefused(
      'service',
      'need.create',
      { requestId: rid(), communityId: 'c-hx', title: 'x', source: 'community' },
      P.secYg,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'service',
      'need.create',
      { requestId: rid(), communityId: 'c-hx', title: 'x', source: 'community' },
      P.member,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'service',
      'need.create',
      { requestId: rid(), communityId: 'c-hx', title: 'x', source: 'community', quantity: { tenths: 1.5, unit: '米' } },
      P.secHx,
      'INVALID_INPUT',
    )
  })

  let unitRes = ''
  let memberRes = ''
  it('lets a unit liaison and a member post resources, each only where they belong', async () => {
    const u = await h.ok<Resource>(
      'service',
      'resource.create',
      { requestId: rid(), communityId: 'c-hx', title: '救护车保障', unitId: 'u-hx-1' },
      P.liaison,
    )
    expect(u).toMatchObject({ ownerType: 'unit' })
    unitRes = u.id
    const m = await h.ok<Resource>(
      'service',
      'resource.create',
      { requestId: rid(), communityId: 'c-hx', title: '家电维修' },
      P.member,
    )
    expect(m).toMatchObject({ ownerType: 'member' })
    memberRes = m.id
    await h.expectRefused(
      'service',
      'resource.create',
      { requestId: rid(), communityId: 'c-yg', title: '家电维修' },
      P.member,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'service',
      'resource.create',
      { requestId: rid(), communityId: 'c-hx', title: '场地', unitId: 'u-hx-2' },
      P.liaison,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'service',
      'resource.create',
      { requestId: rid(), communityId: 'c-yg', title: '场地', unitId: 'u-hx-1' },
      P.liaison,
      'FORBIDDEN',
    )
    const list = await h.ok<{ items: Resource[] }>('service', 'resource.list', { communityId: 'c-hx' }, P.liu)
    expect(list.items.map((r) => r.id)).toEqual(expect.arrayContaining([unitRes, memberRes]))
  })

  let projectId = ''
  it('matches a need with a resource into a project with owner and deadline; the need becomes matched', async () => {
    const p = await h.ok<Project>(
      'service',
      'project.create',
      { requestId: rid(), needId, resourceId: unitRes, title: '楼道扶手共建', deadline: inDays(30) },
      P.secHx,
    )
    // The owner is the resource's owner, linked by id (not a typed name).
    expect(p).toMatchObject({
      status: 'active',
      progress: 0,
      needTitle: '加装楼道扶手',
      overdue: false,
      ownerType: 'unit',
      ownerId: 'u-hx-1',
      ownerName: '锦绣区人民医院',
    })
    projectId = p.id
    const needs = await h.ok<{ items: Need[] }>(
      'service',
      'need.list',
      { communityId: 'c-hx', status: 'matched' },
      P.liu,
    )
    expect(needs.items.map((n) => n.id)).toContain(needId)
    await h.expectRefused(
      'service',
      'project.create',
      { requestId: rid(), needId, resourceId: unitRes, title: 't', deadline: inDays(-1) },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'service',
      'project.create',
      { requestId: rid(), needId, resourceId: unitRes, title: 't', deadline: inDays(3) },
      P.secYg,
      'FORBIDDEN',
    )
    // One live match per need.
    await h.expectRefused(
      'service',
      'project.create',
      { requestId: rid(), needId, resourceId: memberRes, title: 't', deadline: inDays(3) },
      P.secHx,
      'CONFLICT',
    )
  })

  it('tracks progress to done, which closes the need; refuses other people and further updates', async () => {
    await h.expectRefused(
      'service',
      'project.progress',
      { projectId, progress: 50, note: '进行中' },
      'o-liaison-xu',
      'FORBIDDEN',
    )
    await h.expectRefused(
      'service',
      'project.progress',
      { projectId, progress: 50, note: '进行中' },
      P.member,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'service',
      'project.progress',
      { projectId, progress: 50, note: '进行中' },
      P.secYg,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'service',
      'project.progress',
      { projectId, progress: 101, note: '进行中' },
      P.secHx,
      'INVALID_INPUT',
    )
    expect(
      (await h.ok<Project>('service', 'project.progress', { projectId, progress: 50, note: '已安装一半' }, P.liaison))
        .progress,
    ).toBe(50)
    expect(
      (await h.ok<Project>('service', 'project.progress', { projectId, progress: 100, note: '全部完工' }, P.secHx))
        .status,
    ).toBe('done')
    const done = await h.ok<{ items: Need[] }>('service', 'need.list', { communityId: 'c-hx', status: 'done' }, P.liu)
    expect(done.items.map((n) => n.id)).toEqual([needId])
    await h.expectRefused(
      'service',
      'project.progress',
      { projectId, progress: 100, note: '再次' },
      P.secHx,
      'CONFLICT',
    )
    const list = await h.ok<{ items: Project[] }>('service', 'project.list', { communityId: 'c-hx' }, P.liu)
    expect(list.items.map((x) => x.id)).toContain(projectId)
  })
})

describe('personal data', () => {
  it('keeps every field that names a person in the personal-data registry', () => expectPersonalDataRegistered(h))
})
