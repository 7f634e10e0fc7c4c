import { createHash } from 'crypto'
import {
  HIDDEN_TEXT,
  REPORT_KIND_FN,
  REPORT_THRESHOLD,
  type reportActions,
  type CaseStatus,
  type ModerationCaseView,
  type ModerationState,
  type ReportKind,
  type ReportReason,
  type ReportSubmitInput,
} from '../../types/moderation'
import type { Actor } from './actor'
import { COL } from './collections'
import type { Database } from './cloud'
import { txGetOrNull, type Transaction } from './db-types'
import type { Ctx, RouteOf } from './dispatch'
import { conflict, ensure, invalid, notFound } from './errors'
import { notify, TEMPLATES } from './notify'
import { photoKey } from './photos'
import { personKey } from './pseudonym'

/**
 * 举报 and review, one mechanism for every module (types/moderation.ts). Each function that owns a
 * reportable kind describes it with a `ModerationKind` (where it is stored, who sees it, who wrote it,
 * what text it shows) and mounts the routes below; the queue is org's `moderation.queue`, one read of
 * `moderation_cases`.
 *
 * On the item itself: `hidden` (out of everyone's sight but its author's), `moderation` (state, case,
 * when) and `hiddenPhotos` (photos held or removed one by one). Views read these and nothing else, so
 * respecting the flag costs no request.
 */

/** What a reportable record carries once it has met the review queue. */
export interface ItemModeration {
  state: ModerationState | 'restored'
  caseId: string
  at: Date
}
export interface Moderated {
  hidden?: boolean
  moderation?: ItemModeration
  hiddenPhotos?: string[]
}

/** A reportable record as the engine needs it. */
export interface ModerationItem {
  /** The id views show (a property rating's public id). */
  targetId: string
  /** The stored `_id`. */
  docId: string
  communityId: string
  streetId: string
  /** The author, when the record names one (a property rating names its rater privately; a resolution rating only a household). */
  authorOpenid?: string
  /** Households that wrote it, when the record says (a rating's household): their reports do not count. */
  authorHouseholds: string[]
  content: { title?: string; text: string; photos: string[] }
  /** The page that shows it (for the author's notice). */
  page: string
}

export interface ModerationKind<D extends Moderated = Moderated> {
  kind: ReportKind
  collection: string
  /** Who reviews: the community's secretary, or the street admin (property items). */
  reviewer: 'community' | 'street'
  /** The stored record by the id its views show (one request). */
  find(db: Database, id: string): Promise<D | null>
  describe(doc: D): ModerationItem
  /** Whether the caller sees the record (and so may report it): the same rule its views apply. */
  maySee(ctx: Ctx<unknown>, doc: D): Promise<boolean>
  /** Whom a decision is told to, when there is no author openid (a household's members: one read). */
  recipients?(ctx: Ctx<unknown>, doc: D): Promise<string[]>
  /**
   * Other records that copy the item's text (a rectification item, a summons), flagged in the same
   * transaction. `prepare` runs before it, outside (e.g. to find their ids), and returns its argument.
   */
  prepare?(ctx: Ctx<unknown>, doc: D): Promise<unknown>
  cascade?(
    ctx: Ctx<unknown>,
    tx: Transaction,
    doc: D,
    flags: Required<Pick<Moderated, 'hidden' | 'moderation'>>,
    prepared: unknown,
  ): Promise<void>
}

/** One per reported item or photo: `mc:<kind>:<targetId>[:ph:<photo key>]`. */
export interface CaseDoc {
  _id: string
  fn: 'council' | 'property' | 'grid' | 'service'
  kind: ReportKind
  targetId: string
  docId: string
  collection: string
  photo?: string
  communityId: string
  streetId: string
  /** `community:<id>` or `street:<id>`: whose queue it is in. */
  reviewerKey: string
  /** Hashed voices whose reports do not count (the author's person and households). */
  authorVoices: string[]
  /** Hashed voices that counted in this round (a household, or a person without one in the community). */
  voices: string[]
  reasons: Partial<Record<ReportReason, number>>
  /** Every report ever made on it, counted or not. */
  reports: number
  round: number
  source: 'reports' | 'check'
  status: CaseStatus
  /** The content when it was held: what the reviewer judges. */
  content: { title?: string; text: string; photos: string[] }
  heldAt?: Date
  decidedAt?: Date
  decidedBy?: string
  decidedByName?: string
  decisionReason?: string
  createdAt: Date
  updatedAt: Date
}

/** One per person and case, `<caseId>:by:<person key>`: a second report by the same person is refused. No openid. */
export interface ReportDoc {
  _id: string
  caseId: string
  reporter: string
  reason: ReportReason
  counted: boolean
  round: number
  at: Date
}

export const caseId = (kind: ReportKind, targetId: string, photo?: string) =>
  `mc:${kind}:${targetId}${photo ? `:ph:${photoKey(photo)}` : ''}`
const reportId = (cid: string, openid: string) => `${cid}:by:${personKey(openid)}`

/** A voice, hashed: the case never lists households or people in the clear. */
const voiceKey = (v: string) => createHash('sha256').update(`tongxinyuan:voice:${v}`).digest('base64url').slice(0, 20)
/** A person's own voice (reporting without a household in the community, or as an author): what leaving swaps (注销). */
export const personVoice = (openid: string) => voiceKey(`p:${personKey(openid)}`)

/** The households a person holds in a community (verified residents; grants carry their community). */
const householdsIn = (roles: { role: string; scopeId: string; communityId?: string }[], communityId: string) =>
  roles.filter((g) => g.role === 'resident' && g.communityId === communityId).map((g) => g.scopeId)

/** A reporter's voices: their households in the item's community, or themselves when they have none there. */
function voicesOf(actor: Actor, communityId: string): string[] {
  const hs = householdsIn(actor.roles, communityId)
  return hs.length ? hs.map((h) => voiceKey(`h:${h}`)) : [voiceKey(`p:${personKey(actor.openid)}`)]
}

/** The author's voices: their person, their households in the community, and the households the record names. */
async function authorVoicesOf(db: Database, item: ModerationItem): Promise<string[]> {
  const out = item.authorHouseholds.map((h) => voiceKey(`h:${h}`))
  if (item.authorOpenid) {
    out.push(voiceKey(`p:${personKey(item.authorOpenid)}`))
    const { data } = await db.collection(COL.users).where({ _id: item.authorOpenid }).limit(1).get()
    const roles =
      (data[0] as { roles?: { role: string; scopeId: string; communityId?: string }[] } | undefined)?.roles ?? []
    out.push(...householdsIn(roles, item.communityId).map((h) => voiceKey(`h:${h}`)))
  }
  return [...new Set(out)]
}

const reviewerKeyOf = (k: ModerationKind, item: ModerationItem) =>
  k.reviewer === 'street' ? `street:${item.streetId}` : `community:${item.communityId}`

/** Who may review a case: the secretary of its community, or the street admin for street-reviewed kinds. */
export function reviews(actor: Actor, c: Pick<CaseDoc, 'reviewerKey'>): boolean {
  const [type, id] = c.reviewerKey.split(':')
  return type === 'street' ? actor.isStreetAdminOf(id) : actor.isSecretaryOf(id)
}

// ---- what views do with the flags -------------------------------------------------------------

/** The state to show: held or removed while hidden, nothing otherwise. */
export const stateOf = (d: Moderated): ModerationState | undefined =>
  d.hidden ? (d.moderation?.state === 'removed' ? 'removed' : 'held') : undefined

/**
 * How a view shows a record's content to `isAuthor`: the author sees it all, marked, with the photos
 * that are out of sight; everyone else sees the placeholder text and only the visible photos.
 */
export function shown(d: Moderated, isAuthor: boolean, photos: string[] = []) {
  const state = stateOf(d)
  const hiddenPhotos = d.hiddenPhotos ?? []
  const visible = state ? [] : photos.filter((p) => !hiddenPhotos.includes(p))
  return {
    /** Replace the text with this, when set. */
    blank: !isAuthor && state ? HIDDEN_TEXT[state] : undefined,
    photos: isAuthor ? photos : visible,
    fields: {
      ...(state ? { moderation: state } : {}),
      ...(isAuthor && hiddenPhotos.some((p) => photos.includes(p))
        ? { heldPhotos: hiddenPhotos.filter((p) => photos.includes(p)) }
        : {}),
    },
  }
}

/**
 * A list query shows only visible records, and the caller's own (marked) where `own` says which those
 * are (`{ authorOpenid: openid }`, a household…; any of several). Same number of requests as without it.
 */
export function visibleWhere(
  db: Database,
  filter: Record<string, unknown>,
  ...own: Record<string, unknown>[]
): Record<string, unknown> {
  const _ = db.command
  const visible = { hidden: _.neq(true) }
  if (!own.length) return { ...filter, ...visible }
  return _.and([filter, _.or([visible, ...own])]) as unknown as Record<string, unknown>
}

/** A held or removed record cannot be edited by its author: the reviewer judges what was reported. */
export function ensureEditable(d: Moderated): void {
  const state = stateOf(d)
  if (state) throw conflict(state === 'held' ? '内容正在审核，审核完成前不能修改' : '内容已被移除，不能修改')
}

// ---- held at store: the platform's check said "review" ---------------------------------------

/** The label of a hold by the platform's check in the audit log (day only, no author). */
const CHECK_ACTOR = 'content_check'

/**
 * A reportable record whose text the platform wants a person to look at is stored held, in the same
 * transaction as its case (source `check`). Returns the fields to write on the record. The author is
 * the caller, so their voices need no read.
 */
export async function holdOnStore(
  ctx: Ctx<unknown>,
  tx: Transaction,
  k: ModerationKind,
  item: ModerationItem,
): Promise<Required<Pick<Moderated, 'hidden' | 'moderation'>>> {
  const id = caseId(k.kind, item.targetId)
  ctx.within(item)
  const prior = await txGetOrNull<CaseDoc>(tx, COL.moderationCases, id)
  const now = ctx.now
  const doc: Omit<CaseDoc, '_id'> = {
    fn: REPORT_KIND_FN[k.kind],
    kind: k.kind,
    targetId: item.targetId,
    docId: item.docId,
    collection: k.collection,
    communityId: item.communityId,
    streetId: item.streetId,
    reviewerKey: reviewerKeyOf(k, item),
    authorVoices: prior?.authorVoices ?? [
      ...new Set([
        ...voicesOf(ctx.actor, item.communityId),
        ...item.authorHouseholds.map((h) => voiceKey(`h:${h}`)),
        voiceKey(`p:${personKey(ctx.actor.openid)}`),
      ]),
    ],
    voices: [],
    reasons: {},
    reports: prior?.reports ?? 0,
    round: (prior?.round ?? 0) + 1,
    source: 'check',
    status: 'held',
    content: item.content,
    heldAt: now,
    createdAt: prior?.createdAt ?? now,
    updatedAt: now,
  }
  await tx.collection(COL.moderationCases).doc(id).set({ data: doc })
  // Anonymous, as reports are: the author of a property rating must not be named next to it in the log.
  await ctx.audit(
    `${COL.moderationCases}/${id}`,
    prior ? { status: prior.status } : null,
    { status: 'held', source: 'check', kind: k.kind },
    tx,
    CHECK_ACTOR,
  )
  return { hidden: true, moderation: { state: 'held', caseId: id, at: now } }
}

/** An edit that the check passes leaves the record as it is; one it wants reviewed holds it (as at store). */
export async function holdIfReview(
  ctx: Ctx<unknown>,
  tx: Transaction,
  k: ModerationKind,
  item: ModerationItem,
  verdict: 'pass' | 'review',
): Promise<Partial<Moderated>> {
  return verdict === 'review' ? holdOnStore(ctx, tx, k, item) : {}
}

// ---- report.submit ------------------------------------------------------------------------------

/** The label audit entries of reports carry: a reporter is never named in the log (nor whether they counted). */
const REPORT_ACTOR = 'report'

/**
 * 举报: one report per person and item (or photo). A report counts unless it comes from the author or
 * a household that wrote it; the answer is the same either way. The third distinct voice hides the item
 * (or photo) in the same transaction and puts it in its reviewer's queue. Reports of a held item are
 * recorded; a removed one takes none.
 */
export async function reportSubmit(
  ctx: Ctx<ReportSubmitInput>,
  kinds: readonly ModerationKind[],
): Promise<{ received: true }> {
  const { db, actor, input, now } = ctx
  const k = kinds.find((x) => x.kind === input.kind)
  if (!k) throw invalid('该内容不能在这里举报', ['kind'])
  const doc = await k.find(db, input.id)
  if (!doc) throw notFound('内容')
  const item = k.describe(doc)
  ctx.within(item)
  // Everyone in the audience holds a role (a verified resident or an appointed person); `maySee` is the
  // record's own reading rule, so only people of its community (or street) who see it can report it.
  ensure(await k.maySee(ctx, doc), '只能举报您能看到的内容')
  if (item.authorOpenid === actor.openid) throw conflict('不能举报自己发布的内容')
  if (input.photo && !item.content.photos.includes(input.photo)) throw invalid('照片不属于这条内容', ['photo'])
  const id = caseId(k.kind, item.targetId, input.photo)
  const rid = reportId(id, actor.openid)
  const existing = await findCase(db, id)
  const authorVoices = existing?.authorVoices ?? (await authorVoicesOf(db, item))
  const mine = voicesOf(actor, item.communityId)
  const counted = !mine.some((v) => authorVoices.includes(v))
  const prepared = k.prepare ? await k.prepare(ctx, doc) : undefined
  await ctx.transaction(async (tx) => {
    if (await txGetOrNull<ReportDoc>(tx, COL.moderationReports, rid)) throw conflict('您已举报过这条内容')
    const prior = await txGetOrNull<CaseDoc>(tx, COL.moderationCases, id)
    if (prior?.status === 'removed') throw conflict('该内容已被移除')
    const fresh = await txGetOrNull<Moderated>(tx, k.collection, item.docId)
    if (!fresh) throw notFound('内容')
    const { _id: _known, ...found } = prior ?? { _id: id }
    const c: Omit<CaseDoc, '_id'> = prior
      ? (found as Omit<CaseDoc, '_id'>)
      : {
          fn: REPORT_KIND_FN[k.kind],
          kind: k.kind,
          targetId: item.targetId,
          docId: item.docId,
          collection: k.collection,
          ...(input.photo ? { photo: input.photo } : {}),
          communityId: item.communityId,
          streetId: item.streetId,
          reviewerKey: reviewerKeyOf(k, item),
          authorVoices,
          voices: [],
          reasons: {},
          reports: 0,
          round: 1,
          source: 'reports',
          status: 'open',
          content: snapshot(item.content, input.photo),
          createdAt: now,
          updatedAt: now,
        }
    const voice = mine[0]
    const adds = counted && c.status !== 'held' && !c.voices.includes(voice)
    const next: Omit<CaseDoc, '_id'> = {
      ...c,
      reports: c.reports + 1,
      updatedAt: now,
      ...(adds
        ? {
            voices: [...c.voices, voice],
            reasons: { ...c.reasons, [input.reason]: (c.reasons[input.reason] ?? 0) + 1 },
          }
        : {}),
    }
    const holds = adds && next.voices.length >= REPORT_THRESHOLD
    if (holds) {
      const content = k.describe({ ...doc, ...fresh } as never).content
      Object.assign(next, { status: 'held', source: 'reports', heldAt: now, content: snapshot(content, input.photo) })
    }
    const report: Omit<ReportDoc, '_id'> = {
      caseId: id,
      reporter: personKey(actor.openid),
      reason: input.reason,
      counted,
      round: c.round,
      at: now,
    }
    await tx.collection(COL.moderationReports).doc(rid).set({ data: report })
    await tx.collection(COL.moderationCases).doc(id).set({ data: next })
    await ctx.audit(`${COL.moderationCases}/${id}`, null, { report: input.reason }, tx, REPORT_ACTOR)
    if (holds) {
      await writeFlags(ctx, tx, k, doc, item, fresh, input.photo, { hidden: true, state: 'held', caseId: id }, prepared)
      await ctx.audit(
        `${COL.moderationCases}/${id}`,
        { status: c.status },
        { status: 'held', reports: next.voices.length },
        tx,
        REPORT_ACTOR,
      )
    }
  })
  return { received: true }
}

/** What the reviewer judges: the record's content, or one photo of it (with the record's title for context). */
const snapshot = (content: ModerationItem['content'], photo?: string): ModerationItem['content'] =>
  photo ? { ...(content.title ? { title: content.title } : {}), text: '', photos: [photo] } : content

async function findCase(db: Database, id: string): Promise<CaseDoc | null> {
  const { data } = await db.collection(COL.moderationCases).where({ _id: id }).limit(1).get()
  return (data[0] as CaseDoc | undefined) ?? null
}

/** Hide or show the item (or one photo of it) inside the transaction, with the records that copy its text. */
async function writeFlags(
  ctx: Ctx<unknown>,
  tx: Transaction,
  k: ModerationKind,
  doc: Moderated,
  item: ModerationItem,
  fresh: Moderated,
  photo: string | undefined,
  to: { hidden: boolean; state: ItemModeration['state']; caseId: string },
  prepared: unknown,
): Promise<void> {
  const ref = tx.collection(k.collection).doc(item.docId)
  if (photo) {
    const held = fresh.hiddenPhotos ?? []
    const hiddenPhotos = to.hidden ? [...new Set([...held, photo])] : held.filter((p) => p !== photo)
    await ref.update({ data: { hiddenPhotos: ctx.db.command.set(hiddenPhotos) } })
    return
  }
  const moderation: ItemModeration = { state: to.state, caseId: to.caseId, at: ctx.now }
  await ref.update({ data: { hidden: to.hidden, moderation: ctx.db.command.set(moderation) } })
  if (k.cascade) await k.cascade(ctx, tx, doc, { hidden: to.hidden, moderation }, prepared)
}

// ---- moderation.review -------------------------------------------------------------------------

export function caseView(c: CaseDoc): ModerationCaseView {
  const iso = (d?: Date) => (d ? new Date(d).toISOString() : undefined)
  return {
    id: c._id,
    fn: c.fn,
    kind: c.kind,
    targetId: c.targetId,
    ...(c.photo ? { photo: c.photo } : {}),
    communityId: c.communityId,
    streetId: c.streetId,
    ...(c.content.title ? { title: c.content.title } : {}),
    text: c.content.text,
    photos: c.content.photos,
    source: c.source,
    status: c.status,
    reports: c.voices.length,
    reasons: Object.entries(c.reasons).map(([reason, count]) => ({
      reason: reason as ReportReason,
      count: count ?? 0,
    })),
    heldAt: iso(c.heldAt),
    decidedAt: iso(c.decidedAt),
    decidedByName: c.decidedByName,
    decisionReason: c.decisionReason,
  }
}

const DECISION_TEXT = { restore: '审核后已恢复显示', remove: '审核后已移除' } as const

/**
 * The reviewer restores a held item (a new round of reports starts) or removes it (kept, marked,
 * hidden for good), with a reason. Audited; the author is told after the commit.
 */
export async function moderationReview(
  ctx: Ctx<ModerationReviewInput>,
  kinds: readonly ModerationKind[],
): Promise<ModerationCaseView> {
  const { db, actor, input, now } = ctx
  const c = await findCase(db, input.caseId)
  const k = c ? kinds.find((x) => x.kind === c.kind) : undefined
  if (!c || !k) throw notFound('审核事项')
  ensure(reviews(actor, c), c.reviewerKey.startsWith('street:') ? '只能审核本街道的物业评价' : '只能审核本社区的内容')
  if (c.status !== 'held') throw conflict('该内容已审核')
  await ctx.checkText(input.reason)
  const doc = await k.find(db, c.targetId)
  if (!doc) throw notFound('内容')
  const item = k.describe(doc)
  ctx.within(item)
  const prepared = k.prepare ? await k.prepare(ctx, doc) : undefined
  const restore = input.decision === 'restore'
  const status: CaseStatus = restore ? 'restored' : 'removed'
  let after: CaseDoc = c
  await ctx.transaction(async (tx) => {
    const fresh = await txGetOrNull<CaseDoc>(tx, COL.moderationCases, c._id)
    if (fresh?.status !== 'held') throw conflict('该内容已审核')
    const record = await txGetOrNull<Moderated>(tx, k.collection, c.docId)
    if (!record) throw notFound('内容')
    after = {
      ...fresh,
      _id: c._id,
      status,
      decidedAt: now,
      decidedBy: actor.openid,
      decidedByName: actor.name,
      decisionReason: input.reason,
      updatedAt: now,
      // A restored item starts a new round: three more households are needed to hide it again.
      ...(restore ? { voices: [], reasons: {}, round: fresh.round + 1 } : {}),
    }
    const { _id, ...rest } = after
    await tx.collection(COL.moderationCases).doc(_id).set({ data: rest })
    await writeFlags(
      ctx,
      tx,
      k,
      doc,
      item,
      record,
      c.photo,
      { hidden: !restore, state: status, caseId: c._id },
      prepared,
    )
    await ctx.audit(`${COL.moderationCases}/${c._id}`, { status: 'held' }, { status, reason: input.reason }, tx)
    // The item by the id its views show (a property rating's stored id names its household).
    await ctx.audit(
      `${k.collection}/${c.targetId}${c.photo ? '#photo' : ''}`,
      { hidden: true },
      { hidden: !restore, moderation: status },
      tx,
    )
  })
  const to = item.authorOpenid ? [item.authorOpenid] : k.recipients ? await k.recipients(ctx, doc) : []
  for (const openid of to) {
    await notify({
      toOpenid: openid,
      templateId: TEMPLATES.contentReviewed,
      page: item.page,
      data: {
        thing1: { value: (item.content.title || item.content.text || '您发布的内容').slice(0, 20) },
        thing2: { value: `${DECISION_TEXT[input.decision]}：${input.reason}`.slice(0, 20) },
      },
    })
  }
  return caseView(after)
}

/** The two actions every function with reportable items mounts (types/moderation.ts `reportActions`). */
type ReportActions = ReturnType<typeof reportActions>
type ModerationReviewInput = Parameters<RouteOf<ReportActions, 'moderation.review'>['run']>[0]['input']

/** The two routes a function mounts for its kinds, typed from the contract. */
export const moderationRoutes = (
  kinds: readonly ModerationKind[],
): { [A in keyof ReportActions]: RouteOf<ReportActions, A> } => ({
  'report.submit': { run: (ctx) => reportSubmit(ctx, kinds) },
  'moderation.review': { run: (ctx) => moderationReview(ctx, kinds) },
})
