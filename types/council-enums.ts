/**
 * council — 红色议事会: the enums and their labels, plain constants with no schema. Its contract
 * (types/council.ts) re-exports them; a module that only shows a label imports this file, so loading it builds
 * none of the contract's schemas (a cloud function's cold start builds only its own contract: docs/decisions.md).
 */

export const TOPIC_STATUS = ['open', 'accepted', 'merged', 'declined'] as const
export type TopicStatus = (typeof TOPIC_STATUS)[number]
export const TOPIC_STATUS_LABEL: Record<TopicStatus, string> = {
  open: '征集中',
  accepted: '已受理',
  merged: '已合并',
  declined: '未受理',
}

export const TIERS = ['urgent', 'minor', 'major'] as const
export type Tier = (typeof TIERS)[number]
export const TIER_LABEL: Record<Tier, string> = { urgent: '急事', minor: '小事', major: '大事' }
export const TIER_PROCEDURE: Record<Tier, string> = {
  urgent: '书记可即时决定，议事会 7 日内追认，24 小时内向居民公开',
  minor: '由相关议事成员或本楼栋住户简单多数决定',
  major: '召开议事会议，并开展居民征求意见表决',
}

export const MEETING_STATUS = ['draft', 'published', 'started', 'ended'] as const
export type MeetingStatus = (typeof MEETING_STATUS)[number]
export const MEETING_STATUS_LABEL: Record<MeetingStatus, string> = {
  draft: '草稿',
  published: '已发布',
  started: '进行中',
  ended: '已结束',
}

export const PARTICIPANT_KINDS = [
  'party',
  'residents_committee',
  'property',
  'owners_committee',
  'resident_rep',
  'unit',
  'grid',
] as const
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number]
export const PARTICIPANT_LABEL: Record<ParticipantKind, string> = {
  party: '社区党组织',
  residents_committee: '居委会',
  property: '物业公司',
  owners_committee: '业主委员会',
  resident_rep: '居民代表',
  unit: '共建单位',
  grid: '网格员',
}

/**
 * What the secretary picks from (meeting invitations, the party responsible for a resolution): the
 * community's units, the companies serving its estates, its grids and grid staff, its approved members
 * and verified residents, and the community itself. Ids are record ids, never an openid.
 */
export const PARTY_TYPES = ['unit', 'company', 'grid', 'gridStaff', 'member', 'resident', 'community'] as const
export type PartyType = (typeof PARTY_TYPES)[number]
export const PARTY_TYPE_LABEL: Record<PartyType, string> = {
  unit: '共建单位',
  company: '物业公司',
  grid: '网格',
  gridStaff: '网格员',
  member: '在职党员',
  resident: '居民',
  community: '社区',
}
/** The participant kinds that are picked (an invitation to a party with an account), and from what. */
export const PARTICIPANT_PARTY: Partial<Record<ParticipantKind, PartyType>> = {
  unit: 'unit',
  property: 'company',
  grid: 'gridStaff',
  resident_rep: 'resident',
}
/** Kinds that must be picked: a typed name would invite nobody. A 居民代表 may also be the typed group. */
export const PICKED_KINDS: readonly ParticipantKind[] = ['unit', 'property', 'grid']

/** Who signed in to a meeting, as the server reads it from the person's roles (never self-declared). */
export const ATTENDEE_KINDS = ['secretary', 'unit', 'company', 'member', 'grid', 'resident', 'street'] as const
export type AttendeeKind = (typeof ATTENDEE_KINDS)[number]
export const ATTENDEE_LABEL: Record<AttendeeKind, string> = {
  secretary: '社区党组织',
  unit: '共建单位',
  company: '物业公司',
  member: '在职党员',
  grid: '网格员',
  resident: '居民',
  street: '街道',
}

export const PRESETS = ['simple', 'civil_code_ordinary', 'civil_code_major', 'custom'] as const
export type Preset = (typeof PRESETS)[number]
export const PRESET_LABEL: Record<Preset, string> = {
  simple: '简单多数（过投票数半数）',
  civil_code_ordinary: '民法典第278条 一般事项',
  civil_code_major: '民法典第278条 重大事项',
  custom: '自定义比例',
}

/**
 * The presets the tier of what is decided allows (SPEC §5's table), shared by the vote form (it offers
 * only these, `preferred` preselected) and vote.open (it refuses any other with `refusal`):
 * a 小事 decided directly is a simple majority; an item with a 大事 among its topics needs the
 * civil-code thresholds or the secretary's own; anything else (小事 or 急事 on an agenda, an item
 * without a topic) may use any, a simple majority first for 小事/急事 and 民法典一般事项 otherwise.
 */
export function presetsFor(
  tiers: readonly (Tier | undefined)[],
  direct: boolean,
): { allowed: Preset[]; preferred: Preset; why: string; refusal: string } {
  if (direct)
    return {
      allowed: ['simple'],
      preferred: 'simple',
      why: '小事由相关住户简单多数议决',
      refusal: '小事按简单多数表决',
    }
  if (tiers.includes('major')) {
    return {
      allowed: ['civil_code_ordinary', 'civil_code_major', 'custom'],
      preferred: 'civil_code_ordinary',
      why: '大事须按民法典第278条的门槛（或书记设定的比例）表决',
      refusal: '大事须使用民法典或自定义门槛',
    }
  }
  const small = tiers.length > 0 && tiers.every((t) => t === 'minor' || t === 'urgent')
  return { allowed: [...PRESETS], preferred: small ? 'simple' : 'civil_code_ordinary', why: '', refusal: '' }
}

export const OPTION_KINDS = ['for', 'against', 'abstain', 'choice'] as const
export type OptionKind = (typeof OPTION_KINDS)[number]

export const VOTE_STATUS = ['scheduled', 'open', 'counting', 'closed'] as const
export type VoteStatus = (typeof VOTE_STATUS)[number]
export const VOTE_STATUS_LABEL: Record<VoteStatus, string> = {
  scheduled: '未开始',
  open: '投票中',
  counting: '待计票',
  closed: '已公布结果',
}

export const RESOLUTION_STATUS = ['open', 'in_progress', 'done'] as const
export type ResolutionStatus = (typeof RESOLUTION_STATUS)[number]
export const RESOLUTION_STATUS_LABEL: Record<ResolutionStatus, string> = {
  open: '待落实',
  in_progress: '落实中',
  done: '已办结',
}

/** Who carries a resolution: a linked record (the party's people see it in their inbox and post progress). */
export const RESPONSIBLE_KINDS = ['community', 'company', 'unit', 'grid', 'member'] as const
export type ResponsibleKind = (typeof RESPONSIBLE_KINDS)[number]
export const RESPONSIBLE_LABEL: Record<ResponsibleKind, string> = {
  community: '社区',
  company: '物业公司',
  unit: '共建单位',
  grid: '网格',
  member: '在职党员',
}
