import type { RoleGrant } from '../../types/roles'

/**
 * The demo world of SPEC §2, built from the seed stories: one street, communities with six grids
 * each, estates with buildings and households, units, property companies and the demo people.
 * Pure and deterministic (fixed ids, no randomness) so tests and screenshots can name things.
 * `scale` multiplies the communities (and everything under them) for the bench.
 */

export const DEMO_EPOCH = new Date('2026-01-05T02:00:00Z')

export const STREET = { _id: 'st-jinxiu', name: '锦绣街道', createdAt: DEMO_EPOCH }

// `at`: the first estate's centre (GCJ-02, in Wuhan); the second estate and the buildings lie a few
// hundred metres around it, so the H5 place picker has known places to offer (docs/frontend.md).
const COMMUNITY_SEEDS = [
  { key: 'hx', name: '和谐社区', address: '锦绣路 88 号', estates: ['和谐家园', '翠竹苑'], at: [30.5928, 114.3055] },
  {
    key: 'yg',
    name: '阳光社区',
    address: '朝阳大道 126 号',
    estates: ['阳光花园', '朝阳新村'],
    at: [30.5801, 114.2902],
  },
  { key: 'lq', name: '柳青社区', address: '柳青街 9 号', estates: ['柳青雅居', '青枫里'], at: [30.6012, 114.3189] },
]

/** A coordinate rounded to 6 decimals (≈ 0.1 m), so the seed is the same on every machine. */
const deg = (x: number) => Math.round(x * 1e6) / 1e6

export const COMPANIES = [
  '安居物业服务有限公司',
  '恒泰物业管理有限公司',
  '绿苑物业服务有限公司',
  '万邦物业管理有限公司',
  '宜家物业服务有限公司',
  '顺和物业管理有限公司',
].map((name, i) => ({ _id: `co-${i + 1}`, streetId: STREET._id, name }))

const UNIT_SEEDS = [
  ['锦绣区人民医院', '锦绣区人民医院党委'],
  ['锦绣区第一中学', '锦绣一中党总支'],
  ['市自来水公司第三分公司', '第三分公司党支部'],
  ['锦绣区市场监管所', '市场监管所党支部'],
  ['城建集团第二工程公司', '第二工程公司党支部'],
  ['锦绣区图书馆', '区图书馆党支部'],
  ['锦绣农商银行', '锦绣农商银行党委'],
  ['锦绣区供电所', '区供电所党支部'],
]

const GRIDS_PER_COMMUNITY = 6
const BUILDINGS_PER_ESTATE = 6
const FLOORS = 6
const ROOMS_PER_FLOOR = 2

export interface DemoWorld {
  streets: object[]
  communities: object[]
  grids: object[]
  estates: object[]
  buildings: object[]
  households: object[]
  companies: object[]
  units: object[]
  users: object[]
  bindings: object[]
  liaisonApplications: object[]
}

/** Deterministic floor area in dm² between 60 and 140 ㎡. */
const areaDm2 = (n: number) => 6000 + ((n * 7919) % 8001)

export function buildDemo(scale = 1): DemoWorld {
  const w: DemoWorld = {
    streets: [STREET],
    communities: [],
    grids: [],
    estates: [],
    buildings: [],
    households: [],
    companies: COMPANIES,
    units: [],
    users: [],
    bindings: [],
    liaisonApplications: [],
  }
  let n = 0
  for (let copy = 0; copy < scale; copy++) {
    COMMUNITY_SEEDS.forEach((seed, ci) => {
      const suffix = copy === 0 ? '' : `-${copy + 1}`
      const cid = `c-${seed.key}${suffix}`
      const grids = Array.from({ length: GRIDS_PER_COMMUNITY }, (_, gi) => ({
        _id: `g-${seed.key}${suffix}-${gi + 1}`,
        communityId: cid,
        streetId: STREET._id,
        name: `第${'一二三四五六'[gi]}网格`,
        no: gi + 1,
        createdAt: DEMO_EPOCH,
      }))
      w.grids.push(...grids)
      let householdCount = 0
      seed.estates.forEach((estateName, ei) => {
        const eid = `e-${seed.key}${suffix}-${ei + 1}`
        const company = COMPANIES[(ci * 2 + ei) % COMPANIES.length]
        const [lat, lng] = [seed.at[0] + ei * 0.004, seed.at[1] + ei * 0.003]
        w.estates.push({
          _id: eid,
          communityId: cid,
          streetId: STREET._id,
          name: estateName,
          companyId: company._id,
          companyName: company.name,
          lat: deg(lat),
          lng: deg(lng),
        })
        for (let bi = 0; bi < BUILDINGS_PER_ESTATE; bi++) {
          const bid = `b-${seed.key}${suffix}-${ei + 1}-${bi + 1}`
          const grid = grids[(ei * BUILDINGS_PER_ESTATE + bi) % GRIDS_PER_COMMUNITY]
          const bname = `${bi + 1}号楼`
          const spot = { lat: deg(lat + 0.0003 * (Math.floor(bi / 3) + 1)), lng: deg(lng + 0.0004 * ((bi % 3) - 1)) }
          w.buildings.push({
            _id: bid,
            estateId: eid,
            communityId: cid,
            streetId: STREET._id,
            gridId: grid._id,
            name: bname,
            ...spot,
          })
          for (let f = 1; f <= FLOORS; f++) {
            for (let r = 1; r <= ROOMS_PER_FLOOR; r++) {
              const room = `${f}0${r}`
              w.households.push({
                _id: `h-${seed.key}${suffix}-${ei + 1}-${bi + 1}-${room}`,
                buildingId: bid,
                estateId: eid,
                communityId: cid,
                streetId: STREET._id,
                gridId: grid._id,
                room,
                floorAreaDm2: areaDm2(++n),
                address: `${estateName} ${bname} ${room}`,
                estateName,
                buildingName: bname,
              })
              householdCount++
            }
          }
        }
      })
      w.communities.push({
        _id: cid,
        streetId: STREET._id,
        name: copy === 0 ? seed.name : `${seed.name}${copy + 1}`,
        address: seed.address,
        gridCount: grids.length,
        estateCount: seed.estates.length,
        householdCount,
        createdAt: DEMO_EPOCH,
      })
      UNIT_SEEDS.slice(ci * 3, ci * 3 + 3).forEach(([name, partyBody], ui) => {
        w.units.push({
          _id: `u-${seed.key}${suffix}-${ui + 1}`,
          communityId: cid,
          streetId: STREET._id,
          name,
          partyBody,
          createdAt: DEMO_EPOCH,
        })
      })
      // A pending binding and a pending liaison application per community, so the queues are not empty.
      const pendingOpenid = `o-pending-${seed.key}${suffix}`
      const hid = `h-${seed.key}${suffix}-1-2-301`
      w.users.push({
        _id: pendingOpenid,
        name: `待审居民${ci + 1}`,
        phone: `1390000${String(1000 + ci + copy * 10).padStart(4, '0')}`,
        roles: [],
        bindingId: `bind-pending-${seed.key}${suffix}`,
        createdAt: DEMO_EPOCH,
        updatedAt: DEMO_EPOCH,
      })
      w.bindings.push({
        _id: `bind-pending-${seed.key}${suffix}`,
        openid: pendingOpenid,
        householdId: hid,
        communityId: cid,
        streetId: STREET._id,
        estateId: `e-${seed.key}${suffix}-1`,
        buildingId: `b-${seed.key}${suffix}-1-2`,
        address: `${seed.estates[0]} 2号楼 301`,
        communityName: seed.name,
        status: 'pending',
        method: 'secretary',
        applicantName: `待审居民${ci + 1}`,
        applicantPhone: `1390000${String(1000 + ci + copy * 10).padStart(4, '0')}`,
        createdAt: DEMO_EPOCH,
      })
      w.liaisonApplications.push({
        _id: `liaison-pending-${seed.key}${suffix}`,
        openid: `o-liaison-pending-${seed.key}${suffix}`,
        communityId: cid,
        streetId: STREET._id,
        unitName: `${seed.name}共建单位${copy + 1}`,
        partyBody: '机关党支部',
        applicantName: '申请人',
        applicantPhone: '13700001111',
        status: 'pending',
        createdAt: DEMO_EPOCH,
      })
    })
  }
  w.users.push(...demoPeople())
  w.bindings.push(...demoBindings())
  return w
}

const grant = (
  role: RoleGrant['role'],
  scopeType: RoleGrant['scopeType'],
  scopeId: string,
  scopeName: string,
  communityId?: string,
): RoleGrant => ({
  role,
  scopeType,
  scopeId,
  scopeName,
  streetId: STREET._id,
  ...(communityId ? { communityId } : {}),
})

/** The demo people: one or more per role of SPEC §1 and §9. Names are invented. */
export const DEMO_PEOPLE = [
  {
    _id: 'o-street-admin',
    name: '赵立新',
    phone: '13800000001',
    roles: [grant('street_admin', 'street', STREET._id, STREET.name)],
  },
  {
    _id: 'o-sec-hx',
    name: '王秀英',
    phone: '13800000002',
    roles: [grant('secretary', 'community', 'c-hx', '和谐社区', 'c-hx')],
  },
  {
    _id: 'o-sec-yg',
    name: '李建华',
    phone: '13800000003',
    roles: [grant('secretary', 'community', 'c-yg', '阳光社区', 'c-yg')],
  },
  {
    _id: 'o-res-liu',
    name: '刘芳',
    phone: '13800000004',
    roles: [grant('resident', 'household', 'h-hx-1-1-101', '和谐家园 1号楼 101', 'c-hx')],
    bindingId: 'bind-liu',
  },
  {
    _id: 'o-res-zhang',
    name: '张德福',
    phone: '13800000005',
    roles: [grant('resident', 'household', 'h-hx-1-1-202', '和谐家园 1号楼 202', 'c-hx')],
    bindingId: 'bind-zhang',
  },
  { _id: 'o-new-zhou', name: '周小雨', phone: '13800000006', roles: [] },
  {
    _id: 'o-member-sun',
    name: '孙伟',
    phone: '13800000007',
    roles: [grant('member', 'community', 'c-hx', '和谐社区', 'c-hx')],
  },
  {
    _id: 'o-liaison-wu',
    name: '吴敏',
    phone: '13800000008',
    roles: [grant('unit_liaison', 'unit', 'u-hx-1', '锦绣区人民医院', 'c-hx')],
  },
  {
    _id: 'o-prop-zheng',
    name: '郑凯',
    phone: '13800000009',
    roles: [grant('property_staff', 'company', 'co-1', '安居物业服务有限公司')],
  },
  {
    _id: 'o-grid-huang',
    name: '黄丽',
    phone: '13800000010',
    roles: [grant('grid_worker', 'grid', 'g-hx-1', '和谐社区 第一网格', 'c-hx')],
  },
].map((p) => ({ ...p, createdAt: DEMO_EPOCH, updatedAt: DEMO_EPOCH }))

function demoPeople() {
  return DEMO_PEOPLE
}

/** The estate and building of a seeded household, from its id (`h-<community>-<estate>-<building>-<room>`). */
export function placeOfHousehold(hid: string): { estateId: string; buildingId: string } {
  const [, c, e, b] = hid.split('-')
  return { estateId: `e-${c}-${e}`, buildingId: `b-${c}-${e}-${b}` }
}

function demoBindings() {
  const verified = (id: string, openid: string, hid: string, address: string, name: string, phone: string) => ({
    _id: id,
    openid,
    householdId: hid,
    communityId: 'c-hx',
    streetId: STREET._id,
    ...placeOfHousehold(hid),
    address,
    communityName: '和谐社区',
    status: 'verified',
    method: 'secretary',
    applicantName: name,
    applicantPhone: phone,
    createdAt: DEMO_EPOCH,
    decidedAt: DEMO_EPOCH,
    decidedBy: 'o-sec-hx',
    decidedByName: '王秀英',
  })
  return [
    verified('bind-liu', 'o-res-liu', 'h-hx-1-1-101', '和谐家园 1号楼 101', '刘芳', '13800000004'),
    verified('bind-zhang', 'o-res-zhang', 'h-hx-1-1-202', '和谐家园 1号楼 202', '张德福', '13800000005'),
  ]
}
