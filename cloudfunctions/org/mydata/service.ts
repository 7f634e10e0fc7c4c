import {
  ATTENDANCE_STATUS_LABEL,
  CHECKIN_STATUS_LABEL,
  GRADE_LABEL,
  MEMBER_KIND_LABEL,
  PRESENCE_LABEL,
  WISH_STATUS_LABEL,
  type CheckinStatus,
} from '../../../types/service-enums'
import type { MyDataRow } from '../../../types/mydata'
import { COL } from '../../shared/collections'
import { ownRecords } from '../../shared/personal-data'
import { memberRecordId } from '../../shared/pseudonym'
import { effectiveWishStatus, ratingAvgTenths } from '../../service/public'
import { memberKindOf } from '../../service/public'
import type { AssessmentDoc, AttendanceDoc, LedgerDoc, MemberDoc, WishDoc } from '../../service/public'
import { at, col, listSection, querySection, txt, type SectionSource, type Who } from './table'

/** 我的数据 of 双报到、双服务: the member's check-ins, activities, ledgers and grades; wishes posted and claimed. */

const checkinLabel = (s: string) => CHECKIN_STATUS_LABEL[s as CheckinStatus] ?? s

interface CheckinEntry {
  current: MemberDoc | null
  past?: NonNullable<MemberDoc['history']>[number]
}

/** The current check-in in full, then each earlier year as it was decided. */
export function checkinRow(e: CheckinEntry): MyDataRow {
  if (e.past)
    return {
      year: e.past.year,
      status: checkinLabel(e.past.status),
      submittedAt: at(e.past.at),
      note: txt(e.past.reason),
    }
  const m = e.current!
  return {
    year: m.year,
    status: checkinLabel(m.status),
    kind: MEMBER_KIND_LABEL[memberKindOf(m)],
    originOrg: txt(m.originOrg),
    unit: txt(m.unitName),
    address: txt(m.address),
    skills: txt(m.skills.join('、')),
    availability: txt(m.availability),
    grid: txt(m.gridName),
    buildings: txt(m.buildingNames.join('、')),
    submittedAt: at(m.submittedAt),
    decidedAt: at(m.decidedAt),
    decidedBy: txt(m.decidedByName),
    note: txt(m.reason),
    dispute: m.unitDisputed && m.unitDispute ? `单位联络员提出异议：${m.unitDispute.reason}` : null,
  }
}

/** The member record is one document per person (its id is derived): one request, sliced here. */
async function checkinEntries(w: Who): Promise<CheckinEntry[]> {
  const { data } = await w.db
    .collection(COL.svcMembers)
    .where({ _id: memberRecordId(w.actor.openid) })
    .limit(1)
    .get()
  const m = data[0] as MemberDoc | undefined
  if (!m) return []
  return [{ current: m }, ...[...(m.history ?? [])].reverse().map((past) => ({ current: null, past }))]
}

export const checkins: SectionSource = listSection<CheckinEntry>({
  columns: [
    col('year', '年度', 'number'),
    col('status', '状态'),
    col('kind', '党员类别'),
    col('originOrg', '流出地党组织'),
    col('unit', '工作单位'),
    col('address', '住址'),
    col('skills', '技能特长'),
    col('availability', '服务时间'),
    col('grid', '网格'),
    col('buildings', '包联楼栋'),
    col('submittedAt', '提交时间', 'time'),
    col('decidedAt', '审核时间', 'time'),
    col('decidedBy', '审核人'),
    col('note', '说明'),
    col('dispute', '单位异议'),
  ],
  load: checkinEntries,
  row: checkinRow,
})

export const activityRow = (a: AttendanceDoc): MyDataRow => ({
  activity: a.activityTitle,
  status: ATTENDANCE_STATUS_LABEL[a.status] ?? a.status,
  signedUpAt: at(a.signedUpAt),
  signedInAt: at(a.signedInAt),
  method: a.inMethod === 'qr' ? '扫码' : a.inMethod === 'location' ? '定位' : null,
  signedOutAt: at(a.signedOutAt),
  minutes: a.minutes ?? 0,
  presence: a.presence ? PRESENCE_LABEL[a.presence] : null,
  manual: a.manual ? `补录 ${a.manual.minutes} 分钟：${a.manual.reason}` : null,
  confirmedAt: at(a.confirmedAt),
})

export const activities: SectionSource = querySection<AttendanceDoc>({
  columns: [
    col('activity', '活动'),
    col('status', '状态'),
    col('signedUpAt', '报名时间', 'time'),
    col('signedInAt', '签到时间', 'time'),
    col('method', '签到方式'),
    col('signedOutAt', '签退时间', 'time'),
    col('minutes', '服务时长（分钟）', 'number'),
    col('presence', '到场确认'),
    col('manual', '补录'),
    col('confirmedAt', '时长确认时间', 'time'),
  ],
  collection: COL.svcAttendance,
  where: (w) => ownRecords(COL.svcAttendance, 'openid', w.actor.openid),
  order: [
    ['year', 'desc'],
    ['month', 'desc'],
  ],
  row: activityRow,
})

const periodLabel = (p: string) => (/^\d{4}Q[1-4]$/.test(p) ? `${p.slice(0, 4)}年第${p.slice(5)}季度` : `${p}年`)

export function ledgerRow(l: LedgerDoc): MyDataRow {
  const avg = ratingAvgTenths(l.ratingSum, l.ratingCount)
  return {
    period: periodLabel(l.period),
    minutes: l.minutes,
    activities: l.activities,
    wishes: l.wishes,
    rating: avg === undefined ? null : avg / 10,
  }
}

export const ledgers: SectionSource = querySection<LedgerDoc>({
  columns: [
    col('period', '期间'),
    col('minutes', '服务时长（分钟）', 'number'),
    col('activities', '参加活动（次）', 'number'),
    col('wishes', '完成心愿（个）', 'number'),
    col('rating', '居民评价（均分）', 'number'),
  ],
  collection: COL.svcLedgers,
  where: (w) => ownRecords(COL.svcLedgers, 'openid', w.actor.openid),
  order: [['period', 'desc']],
  row: ledgerRow,
})

export const assessmentRow = (a: AssessmentDoc): MyDataRow => ({
  year: a.year,
  grade: GRADE_LABEL[a.grade] ?? a.grade,
  reason: txt(a.reason),
  at: at(a.at),
  revisions: a.revisions?.length ?? 0,
})

export const assessments: SectionSource = querySection<AssessmentDoc>({
  columns: [
    col('year', '年度', 'number'),
    col('grade', '等级'),
    col('reason', '理由'),
    col('at', '评议时间', 'time'),
    col('revisions', '修改次数', 'number'),
  ],
  collection: COL.svcAssessments,
  where: (w) => ({ ...ownRecords(COL.svcAssessments, 'subjectId', w.actor.openid), subjectType: 'member' }),
  order: [['year', 'desc']],
  row: assessmentRow,
})

const wishStatus = (wish: WishDoc, now: Date) =>
  WISH_STATUS_LABEL[effectiveWishStatus({ status: wish.status, dueAt: new Date(wish.dueAt) }, now)]

export const wishPostedRow = (wish: WishDoc, now: Date): MyDataRow => ({
  title: wish.title,
  detail: txt(wish.detail),
  address: txt(wish.address),
  resident: txt(wish.residentName),
  status: wishStatus(wish, now),
  dueAt: at(wish.dueAt),
  claimer: txt(wish.claimerName),
  delivered: txt(wish.deliveredNote),
  rating: wish.rating ?? null,
  thanks: txt(wish.thanks),
  createdAt: at(wish.createdAt),
})

export const wishesPosted: SectionSource = querySection<WishDoc>({
  columns: [
    col('title', '心愿'),
    col('detail', '说明'),
    col('address', '房屋'),
    col('resident', '居民'),
    col('status', '状态'),
    col('dueAt', '期望完成', 'time'),
    col('claimer', '认领人'),
    col('delivered', '送达说明'),
    col('rating', '评分', 'number'),
    col('thanks', '感谢的话'),
    col('createdAt', '发布时间', 'time'),
  ],
  collection: COL.svcWishes,
  where: (w) => ownRecords(COL.svcWishes, 'postedBy', w.actor.openid),
  order: [['createdAt', 'desc']],
  row: (wish, _j, w) => wishPostedRow(wish, w.now),
})

export const wishClaimedRow = (wish: WishDoc, now: Date): MyDataRow => ({
  title: wish.title,
  resident: txt(wish.residentName),
  address: txt(wish.address),
  status: wishStatus(wish, now),
  claimedAt: at(wish.claimedAt),
  deliveredAt: at(wish.deliveredAt),
  delivered: txt(wish.deliveredNote),
  rating: wish.rating ?? null,
  thanks: txt(wish.thanks),
})

export const wishesClaimed: SectionSource = querySection<WishDoc>({
  columns: [
    col('title', '心愿'),
    col('resident', '居民'),
    col('address', '房屋'),
    col('status', '状态'),
    col('claimedAt', '认领时间', 'time'),
    col('deliveredAt', '送达时间', 'time'),
    col('delivered', '送达说明'),
    col('rating', '居民评分', 'number'),
    col('thanks', '居民感谢'),
  ],
  collection: COL.svcWishes,
  where: (w) => ownRecords(COL.svcWishes, 'claimerOpenid', w.actor.openid),
  order: [['claimedAt', 'desc']],
  row: (wish, _j, w) => wishClaimedRow(wish, w.now),
})
