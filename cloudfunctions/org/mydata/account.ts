import { BINDING_STATUS_LABEL } from '../../../types/org-enums'
import { NOTICE_LABEL } from '../../../types/notices'
import { ROLE_LABEL, type RoleGrant } from '../../../types/roles'
import { STAFF_POST_LABEL } from '../../../types/staff-posts'
import type { MyDataRow } from '../../../types/mydata'
import type { UserDoc } from '../../shared/actor'
import type { AuditEntry } from '../../shared/audit'
import { COL } from '../../shared/collections'
import { ownRecords, personRecordTarget } from '../../shared/personal-data'
import type { SubscriptionDoc } from '../../council/public'
import type { StaffDoc } from '../../grid/public'
import type { BindingDoc, CommunityDoc, LiaisonApplicationDoc } from '../repo'
import { at, byIds, col, listSection, querySection, txt, type SectionSource } from './table'

/** 我的数据 of the person record and of org: profile, roles and their changes, bindings, applications, posts, subscriptions. */

export const profileRow = (u: UserDoc): MyDataRow => ({
  name: txt(u.name),
  phone: txt(u.phone),
  createdAt: at(u.createdAt),
  updatedAt: at(u.updatedAt),
})

/** The person record is the caller's own, loaded with them: no request. */
export const profile: SectionSource = listSection<UserDoc>({
  columns: [
    col('name', '姓名'),
    col('phone', '手机号'),
    col('createdAt', '开始使用', 'time'),
    col('updatedAt', '最近修改', 'time'),
  ],
  load: (w) => (w.actor.user ? [w.actor.user] : []),
  row: profileRow,
})

export const roleRow = (g: RoleGrant): MyDataRow => ({ role: ROLE_LABEL[g.role], scope: txt(g.scopeName) })

export const roles: SectionSource = listSection<RoleGrant>({
  columns: [col('role', '身份'), col('scope', '范围')],
  load: (w) => w.actor.roles,
  row: roleRow,
})

/**
 * Actions that change a person record, in words. Each is audited under `users/<openid>` with the
 * grants (or the name) before and after. When grant history of its own exists (issue 12 §1), this
 * section reads it instead.
 */
const RECORD_CHANGES: Record<string, string> = {
  'org.binding.request': '提交房屋认证',
  'org.binding.decide': '社区审核房屋认证',
  'org.invitation.redeem': '使用邀请码',
  'org.liaison.decide': '社区审核单位联络员申请',
  'org.bootstrap': '认领首位街道管理员',
  'org.profile.update': '修改资料',
  'service.member.decide': '社区审核党员报到',
}

const grantText = (g: RoleGrant) => `${ROLE_LABEL[g.role] ?? g.role}${g.scopeName ? `（${g.scopeName}）` : ''}`
const sameGrant = (a: RoleGrant, b: RoleGrant) => a.role === b.role && a.scopeId === b.scopeId

/** What changed, in words: grants gained and lost, or the name before → after; '' when nothing the person sees changed. */
export function recordChange(before: unknown, after: unknown): string {
  if (Array.isArray(after)) {
    const was = Array.isArray(before) ? (before as RoleGrant[]) : []
    const now = after as RoleGrant[]
    const gained = now.filter((g) => !was.some((x) => sameGrant(x, g))).map(grantText)
    const lost = was.filter((g) => !now.some((x) => sameGrant(x, g))).map(grantText)
    return [gained.length ? `获得：${gained.join('、')}` : '', lost.length ? `取消：${lost.join('、')}` : '']
      .filter(Boolean)
      .join('；')
  }
  const name = (v: unknown) =>
    v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string' ? (v as { name: string }).name : ''
  if (name(after))
    return name(before) && name(before) !== name(after)
      ? `姓名：${name(before)} → ${name(after)}`
      : `姓名：${name(after)}`
  return ''
}

/** Who made the change is not shown: that names the staff member's record, not the person's. */
export const recordChangeRow = (a: AuditEntry): MyDataRow => ({
  at: at(a.at),
  what: RECORD_CHANGES[`${a.fn}.${a.action}`] ?? '其他变动',
  change: txt(recordChange(a.before, a.after)),
})

export const roleHistory: SectionSource = querySection<AuditEntry>({
  columns: [col('at', '时间', 'time'), col('what', '事项'), col('change', '变化')],
  collection: COL.audit,
  where: (w) => ({ target: personRecordTarget(w.actor.openid) }),
  order: [['at', 'desc']],
  row: recordChangeRow,
})

export const bindingRow = (b: BindingDoc): MyDataRow => ({
  address: b.address,
  community: txt(b.communityName),
  status: BINDING_STATUS_LABEL[b.status] ?? b.status,
  method: b.method === 'code' ? '户码认证' : '社区审核',
  name: txt(b.applicantName),
  phone: txt(b.applicantPhone),
  createdAt: at(b.createdAt),
  decidedAt: at(b.decidedAt),
  decidedBy: txt(b.decidedByName),
  reason: txt(b.reason),
})

export const bindings: SectionSource = querySection<BindingDoc>({
  columns: [
    col('address', '房屋'),
    col('community', '社区'),
    col('status', '状态'),
    col('method', '方式'),
    col('name', '姓名'),
    col('phone', '手机号'),
    col('createdAt', '提交时间', 'time'),
    col('decidedAt', '审核时间', 'time'),
    col('decidedBy', '审核人'),
    col('reason', '原因'),
  ],
  collection: COL.bindings,
  where: (w) => ownRecords(COL.bindings, 'openid', w.actor.openid),
  order: [['createdAt', 'desc']],
  row: bindingRow,
})

const APPLICATION_STATUS_LABEL = { pending: '待审核', approved: '已通过', rejected: '未通过' } as const

export const liaisonRow = (a: LiaisonApplicationDoc): MyDataRow => ({
  unit: a.unitName,
  partyBody: txt(a.partyBody),
  name: txt(a.applicantName),
  phone: txt(a.applicantPhone),
  status: APPLICATION_STATUS_LABEL[a.status] ?? a.status,
  reason: txt(a.reason),
  createdAt: at(a.createdAt),
  decidedAt: at(a.decidedAt),
})

export const liaison: SectionSource = querySection<LiaisonApplicationDoc>({
  columns: [
    col('unit', '单位'),
    col('partyBody', '党组织'),
    col('name', '姓名'),
    col('phone', '手机号'),
    col('status', '状态'),
    col('reason', '原因'),
    col('createdAt', '提交时间', 'time'),
    col('decidedAt', '审核时间', 'time'),
  ],
  collection: COL.liaisonApplications,
  where: (w) => ownRecords(COL.liaisonApplications, 'openid', w.actor.openid),
  order: [['createdAt', 'desc']],
  row: liaisonRow,
})

export const gridPostRow = (s: StaffDoc): MyDataRow => ({
  grid: s.gridName,
  post: STAFF_POST_LABEL[s.post] ?? s.post,
  title: txt(s.title),
  status: s.status === 'active' ? '在任' : '已免去',
  appointedAt: at(s.appointedAt),
  removedAt: at(s.removedAt),
})

export const gridPosts: SectionSource = querySection<StaffDoc>({
  columns: [
    col('grid', '网格'),
    col('post', '职务'),
    col('title', '称谓'),
    col('status', '状态'),
    col('appointedAt', '任命时间', 'time'),
    col('removedAt', '免去时间', 'time'),
  ],
  collection: COL.gridStaff,
  where: (w) => ownRecords(COL.gridStaff, 'openid', w.actor.openid),
  order: [['appointedAt', 'desc']],
  row: gridPostRow,
})

export const subscriptionRow = (s: SubscriptionDoc, communities: Map<string, CommunityDoc>): MyDataRow => ({
  community: communities.get(s.communityId)?.name ?? null,
  on: s.on ? '接收' : '不接收',
  kinds: txt((s.kinds ?? []).map((k) => NOTICE_LABEL[k] ?? k).join('、')),
  at: at(s.at),
})

export const subscriptions: SectionSource = querySection<SubscriptionDoc, Map<string, CommunityDoc>>({
  columns: [col('community', '社区'), col('on', '议事会通知'), col('kinds', '同意接收'), col('at', '设置时间', 'time')],
  collection: COL.councilSubscriptions,
  where: (w) => ownRecords(COL.councilSubscriptions, 'openid', w.actor.openid),
  order: [['at', 'desc']],
  join: (w, docs) =>
    byIds<CommunityDoc>(
      w.db,
      COL.communities,
      docs.map((s) => s.communityId),
    ),
  row: subscriptionRow,
})
