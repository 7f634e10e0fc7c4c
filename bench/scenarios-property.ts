import { DEFAULT_RULE } from '../cloudfunctions/property/domain/rules'
import { BENCH, OPEN_PERIOD, setPropertyBenchStreet } from '../local/seed/property'
import { BENCH_JPEG } from './photos'
import type { Scenario } from './types'

/**
 * One scenario per property action. The bench also seeds 锦绣压测街道 (100 companies; 2,000 ratings
 * at 1×, 20,000 at 10×): `list.publish` runs there, so its row shows that publishing costs the same
 * number of requests for 10× the ratings. Order matters: later scenarios use what earlier ones made.
 */
export function propertyScenarios(): Scenario[] {
  setPropertyBenchStreet(true)
  const made = {
    photos: [] as string[],
    rating: '',
    rect: '',
    objections: [] as string[],
    pub: '',
    black: '',
    summons: [] as string[],
  }
  const rid = (i: number, tag: string) => `bench-p${tag}-${i}-${Math.random().toString(36).slice(2, 8)}`
  const stars = (i: number) => ({ cleaning: 1 + (i % 5), order: 4, repairs: 2, greening: 4, attitude: 5, fees: 3 })
  return [
    { fn: 'property', action: 'company.list', openid: () => 'o-new-zhou', input: () => ({ streetId: 'st-jinxiu' }) },
    {
      fn: 'property',
      action: 'company.list',
      label: 'property.company.list (q)',
      openid: () => 'o-new-zhou',
      input: () => ({ streetId: 'st-jinxiu', q: '物业' }),
    },
    { fn: 'property', action: 'company.get', openid: () => 'o-res-liu', input: () => ({ companyId: 'co-2' }) },
    {
      fn: 'property',
      action: 'company.create',
      openid: () => 'o-street-admin',
      input: (i) => ({ requestId: rid(i, 'cc'), streetId: 'st-jinxiu', name: `压测物业公司${i}` }),
    },
    {
      fn: 'property',
      action: 'company.assignEstate',
      openid: () => BENCH.admin,
      input: (i) => ({ estateId: 'e-b-1', companyId: i % 2 === 0 ? 'co-b-2' : 'co-b-1' }),
    },
    {
      fn: 'property',
      action: 'company.unassignEstate',
      openid: () => BENCH.admin,
      input: (i) => ({ estateId: `e-b-${i + 2}`, reason: '压测：合同到期' }),
    },
    // 红色物业 on the bench street (100 companies, 100 estates): the i-th call declares and then verifies company i.
    {
      fn: 'property',
      action: 'redProperty.declare',
      openid: () => BENCH.admin,
      iterations: 50,
      input: (i) => ({
        companyId: `co-b-${i + 1}`,
        expectedVersion: 0,
        kind: i % 2 ? 'joint_branch' : 'members_only',
        branchName: i % 2 ? '压测联合党支部' : undefined,
        staffMembers: 2,
        onSiteMembers: 1,
        committeeMembers: [{ name: '王委员', body: 'yeweihui' }],
      }),
    },
    {
      fn: 'property',
      action: 'redProperty.verify',
      openid: () => BENCH.admin,
      iterations: 50,
      input: (i) => ({ companyId: `co-b-${i + 1}`, version: 1, instructorName: '李指导员' }),
    },
    {
      fn: 'property',
      action: 'redProperty.coverage',
      openid: () => BENCH.admin,
      input: () => ({ streetId: BENCH.street }),
      note: '100 estates and companies of the bench street',
    },
    {
      fn: 'export',
      action: 'property.redProperty',
      openid: () => BENCH.admin,
      input: () => ({ streetId: BENCH.street }),
      note: 'Excel of 100 estates',
    },
    { fn: 'property', action: 'rule.current', openid: () => 'o-res-liu', input: () => ({ streetId: 'st-jinxiu' }) },
    {
      fn: 'property',
      action: 'rule.get',
      openid: () => 'o-res-liu',
      input: (i) => ({ streetId: 'st-jinxiu', version: i % 2 }),
    },
    {
      fn: 'property',
      action: 'rule.publish',
      openid: () => 'o-street-admin',
      input: (i) => ({
        requestId: rid(i, 'rp'),
        streetId: 'st-jinxiu',
        rule: { ...DEFAULT_RULE, redThreshold: 80 + (i % 10) },
      }),
    },
    { fn: 'property', action: 'period.list', openid: () => 'o-res-liu', input: () => ({ streetId: 'st-jinxiu' }) },
    {
      fn: 'property',
      action: 'rating.context',
      openid: () => 'o-res-liu',
      input: () => ({ householdId: 'h-hx-1-1-101' }),
    },
    {
      fn: 'property',
      action: 'photo.upload',
      openid: () => 'o-res-liu',
      input: () => ({ ext: 'jpg', data: BENCH_JPEG }),
      collect: (d) => made.photos.push((d as { fileId: string }).fileId),
    },
    {
      fn: 'property',
      action: 'rating.submit',
      openid: () => 'o-res-liu',
      input: (i) => ({
        requestId: rid(i, 'rs'),
        periodId: OPEN_PERIOD,
        householdId: 'h-hx-1-1-101',
        stars: stars(i),
        comment: '维修太慢',
        photos: [made.photos[i % made.photos.length]],
      }),
      collect: (d) => {
        const r = d as { id: string; rectificationId?: string }
        made.rating = r.id
        made.rect = r.rectificationId ?? made.rect
      },
      note: 'first call creates, later calls edit',
    },
    {
      fn: 'property',
      action: 'rating.inbox',
      openid: () => 'o-prop-zheng',
      input: () => ({ companyId: 'co-1', onlyComments: true }),
    },
    { fn: 'property', action: 'rating.summary', openid: () => 'o-prop-zheng', input: () => ({ companyId: 'co-1' }) },
    {
      fn: 'property',
      action: 'rating.summary',
      label: 'property.rating.summary (bench street, 2,000 × scale ratings)',
      openid: () => BENCH.admin,
      input: () => ({ companyId: 'co-b-1', periodId: BENCH.publishPeriod }),
    },
    {
      fn: 'property',
      action: 'rating.answer',
      openid: () => 'o-prop-zheng',
      input: (i) => ({ ratingId: made.rating, text: `第${i}次答复` }),
    },
    {
      fn: 'property',
      action: 'rectification.list',
      openid: () => 'o-prop-zheng',
      input: () => ({ companyId: 'co-1' }),
    },
    { fn: 'property', action: 'rectification.mine', openid: () => 'o-res-liu', input: () => ({}) },
    {
      fn: 'property',
      action: 'rectification.report',
      openid: () => 'o-prop-zheng',
      input: (i) => ({ rectificationId: made.rect, text: `进展${i}`, done: true }),
    },
    {
      fn: 'property',
      action: 'rectification.confirm',
      openid: () => 'o-res-liu',
      input: () => ({ rectificationId: made.rect, fixed: false, comment: '还没修好' }),
      note: 'first call sends it back; later calls refused (not reported again)',
    },
    {
      fn: 'property',
      action: 'assessment.submit',
      openid: () => 'o-sec-hx',
      input: (i) => ({
        periodId: OPEN_PERIOD,
        communityId: 'c-hx',
        companyId: 'co-1',
        direction: 'of_company',
        score: 80 + (i % 20),
      }),
    },
    {
      fn: 'property',
      action: 'assessment.list',
      openid: () => 'o-res-liu',
      input: () => ({ periodId: OPEN_PERIOD, communityId: 'c-hx' }),
    },
    { fn: 'property', action: 'review.list', openid: () => BENCH.admin, input: () => ({ streetId: BENCH.street }) },
    {
      fn: 'property',
      action: 'review.decide',
      openid: () => BENCH.admin,
      input: (i) => ({ ratingId: `rt_bh_0_${i}`, approve: i % 2 === 0, reason: '核实' }),
    },
    {
      fn: 'property',
      action: 'list.preview',
      openid: () => 'o-street-admin',
      input: () => ({ periodId: OPEN_PERIOD }),
    },
    {
      fn: 'property',
      action: 'list.readiness',
      openid: () => BENCH.admin,
      input: () => ({ periodId: BENCH.publishPeriod }),
      note: '100 companies: their estates, communities and aggregates in pages of 100',
    },
    {
      // One pending objection per company: the bench's staff member works for the first 50 companies.
      fn: 'property',
      action: 'objection.submit',
      openid: () => BENCH.staff,
      input: (i) => ({
        requestId: rid(i, 'os'),
        periodId: BENCH.objectionPeriod,
        companyId: `co-b-${(i % BENCH.staffCompanies) + 1}`,
        text: `异议${i}`,
      }),
      collect: (d) => made.objections.push((d as { id: string }).id),
    },
    {
      fn: 'property',
      action: 'objection.list',
      openid: () => BENCH.admin,
      input: () => ({ periodId: BENCH.objectionPeriod }),
    },
    {
      fn: 'property',
      action: 'objection.decide',
      openid: () => BENCH.admin,
      iterations: 20,
      input: (i) => ({
        objectionId: made.objections[i],
        upheld: i % 2 === 0,
        decision: '已核实',
        ...(i % 2 === 0 ? { effect: 'annotate' } : {}),
      }),
      note: 'rejected, or upheld with a note on the placement',
    },
    {
      fn: 'property',
      action: 'objection.decide',
      label: 'property.objection.decide (exclude 3)',
      openid: () => BENCH.admin,
      iterations: 20,
      input: (i) => ({
        objectionId: made.objections[20 + i],
        upheld: true,
        decision: '核实后剔除',
        effect: 'exclude',
        ratingIds: [0, 1, 2].map((k) => `rt_bo_${20 + i}_${k}`),
      }),
      note: 'upheld, three named ratings excluded (requests grow with the ratings named, at most 20, never with the data)',
    },
    {
      fn: 'property',
      action: 'list.publish',
      openid: () => BENCH.admin,
      input: (i) => ({ requestId: rid(i, 'lp'), periodId: BENCH.publishPeriod }),
      collect: (d) => {
        const p = d as { id: string; entries: { companyId: string; placement: string }[] }
        made.pub = p.id
        made.black = p.entries.find((e) => e.placement === 'black')?.companyId ?? ''
      },
      note: '压测街道: 100 companies, 2,000 ratings at 1× / 20,000 at 10×; each call republishes (new version)',
    },
    { fn: 'property', action: 'list.current', openid: () => 'o-res-liu', input: () => ({ streetId: 'st-jinxiu' }) },
    {
      fn: 'property',
      action: 'list.recompute',
      openid: () => 'o-new-zhou',
      input: () => ({ publicationId: made.pub }),
      note: 'recomputes 100 companies from frozen inputs',
    },
    {
      fn: 'property',
      action: 'list.inputs',
      openid: () => 'o-new-zhou',
      input: () => ({ publicationId: made.pub }),
      note: '核算数据 of 100 companies',
    },
    {
      fn: 'property',
      action: 'list.download',
      openid: () => 'o-new-zhou',
      input: () => ({ publicationId: made.pub }),
      note: 'JSON of 100 companies, stored once per publication',
    },
    {
      fn: 'export',
      action: 'property.inputs',
      openid: () => 'o-new-zhou',
      input: () => ({ publicationId: made.pub }),
      note: 'Excel of 100 companies, stored once per publication',
    },
    {
      fn: 'property',
      action: 'summons.create',
      openid: () => BENCH.admin,
      input: (i) => ({
        requestId: rid(i, 'sc'),
        publicationId: made.pub,
        companyId: made.black,
        date: '2026-12-01',
        attendees: '街道、物业',
        problems: '满意度低',
        commitments: '限期整改',
        followUpDate: '2026-12-15',
      }),
      collect: (d) => made.summons.push((d as { id: string }).id),
    },
    { fn: 'property', action: 'summons.list', openid: () => BENCH.admin, input: () => ({ streetId: BENCH.street }) },
    {
      fn: 'property',
      action: 'summons.followUp',
      openid: () => BENCH.admin,
      input: (i) => ({ summonsId: made.summons[i], text: `跟进${i}` }),
    },
    {
      fn: 'export',
      action: 'property.period',
      openid: () => 'o-street-admin',
      input: () => ({ periodId: OPEN_PERIOD }),
      grows:
        'an export writes every rating of the period: pages of 1000 (380 ratings at 10×, 3,800 at 100×; docs/property.md)',
    },
    {
      fn: 'property',
      action: 'period.close',
      openid: () => 'o-street-admin',
      input: () => ({ periodId: OPEN_PERIOD }),
      note: 'first call closes; later calls refused (already closed)',
    },
    {
      fn: 'property',
      action: 'period.open',
      openid: () => BENCH.admin,
      input: (i) => ({ requestId: rid(i, 'po'), streetId: BENCH.street }),
      note: 'first call opens this month; later calls refused (one open period)',
    },
  ]
}
