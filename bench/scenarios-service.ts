import { issueToken, tokenSecret } from '../cloudfunctions/service/domain/token'
import { quarterOf, yearOf } from '../cloudfunctions/shared/period'
import { ids } from '../cloudfunctions/service/repo'
import type { Scenario } from './types'

/**
 * One scenario per service action. Creates take a fresh requestId; later scenarios consume what
 * earlier ones made (bench members checked in and approved, then signing up, in and out), so the
 * order matters. Where only the first call can succeed (a decision, an acknowledgement), the note
 * says so: the request count is the maximum over all calls, i.e. the successful path.
 */
export function serviceScenarios(): Scenario[] {
  const made = {
    members: [] as string[],
    needs: [] as string[],
    offers: [] as string[],
    matchNeeds: [] as string[],
    wishesToRelease: [] as string[],
    resources: [] as string[],
    projects: [] as string[],
    activities: [] as string[],
    manual: [] as string[],
    wishes: [] as string[],
    letters: [] as string[],
  }
  const rid = (i: number, tag: string) => `bench-svc-${tag}-${i}-${Math.random().toString(36).slice(2, 8)}`
  const now = new Date()
  const year = yearOf(now)
  const quarter = quarterOf(now)
  const mem = (i: number) => `o-bench-mem-${i}`
  const iso = (min: number) => new Date(Date.now() + min * 60_000).toISOString()
  const PLACE = { lat: 30.5928, lng: 114.3055 }
  const S = (
    action: string,
    openid: (i: number) => string,
    input: (i: number) => unknown,
    extra: Partial<Scenario> = {},
  ): Scenario => ({ fn: 'service', action, openid, input, ...extra })
  const id = (key: keyof typeof made) => (data: unknown) => made[key].push((data as { id: string }).id)
  const sec = () => 'o-sec-hx'
  const wu = () => 'o-liaison-wu'
  const liu = () => 'o-res-liu'
  const careHome = (i: number) => `h-hx-2-${(i % 6) + 1}-${(Math.floor(i / 12) % 6) + 1}0${(Math.floor(i / 6) % 2) + 1}`
  return [
    S('unit.get', wu, () => ({ unitId: 'u-hx-1' })),
    S('unit.checkin', wu, (i) => ({
      requestId: rid(i, 'uc'),
      unitId: 'u-hx-1',
      contactName: '吴敏',
      contactPhone: '13800000008',
      resources: ['医护志愿者', '健康讲座'],
      commitments: ['每月义诊'],
    })),
    S('unit.list', sec, () => ({ communityId: 'c-hx', status: 'all', pageSize: 20 })),
    S('unit.list', sec, () => ({ communityId: 'c-hx', status: 'all', pageSize: 20, q: '医院' }), {
      label: 'service.unit.list (q)',
    }),
    S('unit.decide', sec, () => ({ unitId: 'u-hx-1', approve: true }), {
      note: 'first call approves; later ones: nothing pending',
    }),
    S('unit.setGrids', sec, (i) => ({ unitId: 'u-hx-1', gridIds: [`g-hx-${1 + (i % 6)}`] })),
    S('agreement.sign', wu, () => ({ unitId: 'u-hx-1', year }), {
      note: 'first call signs; later ones: already signed',
    }),
    S('agreement.get', wu, () => ({ unitId: 'u-hx-1', year })),
    S(
      'member.checkin',
      mem,
      (i) => ({
        requestId: rid(i, 'mc'),
        name: `压测党员${i}`,
        communityId: 'c-hx',
        unitId: 'u-hx-1',
        unitName: '锦绣区人民医院',
        skills: ['维修'],
        availability: '周末',
      }),
      { collect: id('members') },
    ),
    S(
      'member.checkin',
      (i) => `o-bench-ret-${i}`,
      (i) => ({
        requestId: rid(i, 'mr'),
        name: `压测退休党员${i}`,
        kind: 'retired',
        communityId: 'c-hx',
        skills: ['读报'],
        availability: '上午',
      }),
      { label: 'service.member.checkin (retired, no unit)' },
    ),
    S(
      'member.checkin',
      (i) => `o-bench-mob-${i}`,
      (i) => ({
        requestId: rid(i, 'mm'),
        name: `压测流动党员${i}`,
        kind: 'mobile',
        originOrg: '外地某村党支部',
        communityId: 'c-hx',
        skills: [],
        availability: '周日',
      }),
      { label: 'service.member.checkin (mobile, origin organisation)' },
    ),
    S('member.mine', mem, () => ({})),
    S('member.list', sec, () => ({ communityId: 'c-hx', status: 'pending', pageSize: 20 })),
    S('member.decide', sec, (i) => ({
      memberId: made.members[i],
      approve: true,
      gridId: 'g-hx-1',
      buildingIds: ['b-hx-1-1'],
    })),
    S('unit.members', wu, () => ({ unitId: 'u-hx-1', pageSize: 20 })),
    S('unit.disputeMember', wu, (i) => ({ memberId: made.members[i], reason: '本单位查无此人' })),
    S('member.settleDispute', sec, (i) => ({ memberId: made.members[i], keep: false, reason: '经核实非本单位' }), {
      note: 'unlinks: reads and relabels the member’s open ledgers (at most 6)',
    }),
    S('member.linkUnit', sec, (i) => ({ memberId: made.members[i], unitId: 'u-hx-2' })),
    S(
      'unit.confirmMember',
      () => 'o-liaison-xu',
      (i) => ({ memberId: made.members[i] }),
    ),
    S('unit.search', liu, () => ({ communityId: 'c-hx', name: '锦绣', pageSize: 20 })),
    S(
      'need.create',
      sec,
      (i) => ({
        requestId: rid(i, 'nc'),
        communityId: 'c-hx',
        title: `压测需求${i}`,
        source: 'community',
        quantity: { tenths: 125, unit: '米' },
      }),
      { collect: id('needs') },
    ),
    S('need.list', liu, () => ({ communityId: 'c-hx', status: 'open', pageSize: 20 })),
    S('need.get', liu, (i) => ({ needId: made.needs[i % made.needs.length] })),
    S(
      'need.offer',
      mem,
      (i) => ({ requestId: rid(i, 'no'), needId: made.needs[i], title: `压测认领${i}`, note: '可出 3 人' }),
      { collect: id('offers') },
    ),
    S('need.offers', liu, (i) => ({ needId: made.needs[i % made.needs.length], pageSize: 20 })),
    S('need.decideOffer', sec, (i) => ({ offerId: made.offers[i], accept: true, deadline: iso(60 * 24 * 30) }), {
      note: 'accepts: the project, the need, the offered resource',
    }),
    S(
      'need.create',
      sec,
      (i) => ({ requestId: rid(i, 'nm'), communityId: 'c-hx', title: `压测对接需求${i}`, source: 'community' }),
      { collect: id('matchNeeds'), label: 'service.need.create (for project.create)' },
    ),
    S(
      'resource.create',
      () => 'o-member-sun',
      (i) => ({ requestId: rid(i, 'rc'), communityId: 'c-hx', title: `压测资源${i}` }),
      { collect: id('resources') },
    ),
    S('resource.list', liu, () => ({ communityId: 'c-hx', pageSize: 20 })),
    S(
      'resource.list',
      () => 'o-member-sun',
      () => ({ communityId: 'c-hx', ownerId: ids.member('o-member-sun'), pageSize: 20 }),
      { label: 'service.resource.list (one owner’s)' },
    ),
    S(
      'project.create',
      sec,
      (i) => ({
        requestId: rid(i, 'pc'),
        needId: made.matchNeeds[i],
        resourceId: made.resources[i],
        title: `压测项目${i}`,
        deadline: iso(60 * 24 * 30),
      }),
      { collect: id('projects') },
    ),
    S('project.progress', sec, (i) => ({ projectId: made.projects[i], progress: 100, note: '完成' })),
    S('project.updates', liu, (i) => ({ projectId: made.projects[i % made.projects.length], pageSize: 20 })),
    S('project.list', liu, () => ({ communityId: 'c-hx', pageSize: 20 })),
    S(
      'activity.create',
      sec,
      (i) => ({
        requestId: rid(i, 'ac'),
        communityId: 'c-hx',
        title: `压测活动${i}`,
        kind: 'volunteer',
        place: { name: '和谐家园东门', ...PLACE },
        startAt: iso(-10),
        endAt: iso(180),
        capacity: 500,
      }),
      { collect: id('activities') },
    ),
    S('activity.list', liu, () => ({ communityId: 'c-hx', pageSize: 20 })),
    S('activity.get', mem, () => ({ activityId: made.activities[0] })),
    S('activity.signup', mem, () => ({ activityId: made.activities[0] })),
    S('activity.token', sec, () => ({ activityId: made.activities[0] })),
    S('activity.signin', mem, () => ({
      activityId: made.activities[0],
      method: 'qr',
      token: issueToken(tokenSecret(), made.activities[0], new Date()).token,
    })),
    S('activity.signout', mem, () => ({ activityId: made.activities[0], method: 'location', ...PLACE })),
    S('activity.attendance', sec, () => ({ activityId: made.activities[0], pageSize: 20 })),
    S('activity.remind', sec, (i) => ({ activityId: made.activities[i] })),
    S(
      'activity.confirmPresence',
      sec,
      (i) => ({ attendanceId: ids.attendance(made.activities[0], mem(i)), present: true }),
      { note: 'the sign-out above was by location' },
    ),
    S('hours.confirm', sec, (i) => ({ attendanceId: ids.attendance(made.activities[0], mem(i)) })),
    S(
      'hours.manual',
      sec,
      (i) => ({
        requestId: rid(i, 'hm'),
        activityId: made.activities[1],
        memberId: ids.member(mem(i)),
        minutes: 30,
        reason: '忘记签到，现场核实',
      }),
      { collect: id('manual') },
    ),
    S(
      'hours.approveManual',
      () => 'o-street-admin',
      (i) => ({ attendanceId: made.manual[i] }),
    ),
    S('wish.create', liu, (i) => ({ requestId: rid(i, 'wc'), title: `压测心愿${i}`, dueAt: iso(60 * 24 * 7) }), {
      collect: id('wishes'),
    }),
    S('wish.list', liu, () => ({ communityId: 'c-hx', status: 'open', pageSize: 20 })),
    S('wish.claim', mem, (i) => ({ wishId: made.wishes[i] })),
    S('wish.message', liu, (i) => ({
      requestId: rid(i, 'wm'),
      wishId: made.wishes[i],
      text: '周六上午在家，电话 13800138000',
    })),
    S('wish.messages', mem, (i) => ({ wishId: made.wishes[i], pageSize: 20 })),
    S('wish.deliver', mem, (i) => ({ wishId: made.wishes[i], note: '已送达' })),
    S('wish.confirm', liu, (i) => ({ wishId: made.wishes[i], rating: 5, thanks: '谢谢' })),
    S('wish.create', liu, (i) => ({ requestId: rid(i, 'wr'), title: `压测放弃${i}`, dueAt: iso(60 * 24 * 7) }), {
      collect: id('wishesToRelease'),
      label: 'service.wish.create (to release)',
    }),
    S('wish.claim', mem, (i) => ({ wishId: made.wishesToRelease[i] }), { label: 'service.wish.claim (to release)' }),
    S('wish.release', mem, (i) => ({ wishId: made.wishesToRelease[i], reason: '临时出差' }), {
      note: 'the wish back to 待认领; the resident told',
    }),
    S('ledger.get', mem, () => ({ year })),
    S('ledger.ranking', sec, () => ({ communityId: 'c-hx', year })),
    S('letter.issue', sec, (i) => ({ requestId: rid(i, 'li'), unitId: 'u-hx-1', quarter }), { collect: id('letters') }),
    S('letter.list', wu, () => ({ unitId: 'u-hx-1', pageSize: 20 })),
    S('letter.versions', wu, () => ({ letterId: made.letters[0], pageSize: 20 }), {
      note: 'one version per letter.issue call above',
    }),
    S('letter.ack', wu, () => ({ letterId: made.letters[made.letters.length - 1] }), {
      note: 'first call acknowledges the latest version; later ones: already acknowledged',
    }),
    S('assessment.set', sec, (i) => ({
      subjectType: 'member',
      subjectId: ids.member(mem(i)),
      year,
      grade: 'qualified',
      reason: '按时参加活动',
    })),
    S(
      'assessment.unit',
      () => 'o-liaison-xu',
      () => ({ unitId: 'u-hx-2', pageSize: 20 }),
    ),
    S('assessment.list', sec, () => ({ communityId: 'c-hx', year, subjectType: 'member', pageSize: 20 })),
    S('dashboard', sec, () => ({ communityId: 'c-hx', year })),
    // 重点关爱: each iteration marks (then revokes) its own household of 翠竹苑 (72 households).
    S('care.mark', sec, (i) => ({
      householdId: careHome(i),
      kinds: ['elderly_alone'],
      note: '压测',
      consentBy: '本人',
      consentAt: iso(-60),
    })),
    S('care.list', sec, () => ({ communityId: 'c-hx', pageSize: 20 })),
    S(
      'care.patrol',
      () => 'o-grid-huang',
      () => ({ gridId: 'g-hx-1', pageSize: 20 }),
    ),
    S('care.mine', liu, () => ({})),
    S('care.revoke', sec, (i) => ({ householdId: careHome(i), reason: '压测撤销' })),
    { fn: 'export', action: 'service.ledgers', openid: sec, input: () => ({ communityId: 'c-hx', year }) },
    { fn: 'export', action: 'service.letter', openid: wu, input: () => ({ letterId: made.letters[0] }) },
  ]
}
