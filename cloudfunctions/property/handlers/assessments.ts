import type { AssessmentDirection } from '../../../types/property'
import type { Handler } from '../../shared/dispatch'
import { COL } from '../../shared/collections'
import { conflict, ensure, invalid, notFound } from '../../shared/errors'
import { canAssess } from '../domain/periods'
import {
  findAssessmentInTx,
  findEstateOfCompanyIn,
  findPeriodInTx,
  listAssessments,
  listCommunitiesByIds,
  listEstatesOf,
  markInputsChangedInTx,
  putAssessmentInTx,
  putRevisionInTx,
  repo,
  type AssessmentDoc,
} from '../repo'
import { assessmentView } from '../views'

export const assessmentId = (
  periodId: string,
  communityId: string,
  companyId: string,
  direction: AssessmentDirection,
) => `as:${periodId}:${communityId}:${companyId}:${direction}`

/**
 * Two-way evaluation: the community's secretary assesses a company serving the community, and the
 * company's staff assess the community's support. One per pair and direction per period; a new
 * score supersedes the old (kept as a revision) until the list is published.
 */
export const assessmentSubmit: Handler<'property.assessment.submit'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    if (input.direction === 'of_company')
      ensure(actor.isSecretaryOf(input.communityId), '只有本社区书记可以评价服务本社区的物业')
    else ensure(actor.has('property_staff', input.companyId), '只有本公司物业人员可以评价社区')
    const [period, community, company, served] = await Promise.all([
      repo.period(db, input.periodId),
      repo.community(db, input.communityId),
      repo.company(db, input.companyId),
      findEstateOfCompanyIn(db, input.communityId, input.companyId),
    ])
    if (!period || !community || !company || period.streetId !== community.streetId)
      throw notFound('评价周期、社区或物业')
    if (!served) throw invalid('该物业不服务本社区的小区', ['companyId'])
    if (!canAssess(period.status)) throw conflict('本期榜单已发布，不能再评价')
    await ctx.checkText(input.comment)
    const id = assessmentId(period._id, community._id, company._id, input.direction)
    const saved = await ctx.transaction(async (tx) => {
      // Re-read: the list may have been published since the check above; an assessment never lands after it.
      const fresh = await findPeriodInTx(tx, period._id)
      if (!fresh || !canAssess(fresh.status)) throw conflict('本期榜单已发布，不能再评价')
      const before = await findAssessmentInTx(tx, id)
      const doc: AssessmentDoc = {
        _id: id,
        periodId: period._id,
        streetId: period.streetId,
        communityId: community._id,
        communityName: community.name,
        companyId: company._id,
        companyName: company.name,
        direction: input.direction,
        score: input.score,
        ...(input.comment ? { comment: input.comment } : {}),
        by: actor.openid,
        byName: actor.name,
        at: now,
        revisions: before ? before.revisions + 1 : 0,
      }
      if (before) {
        const { _id: _old, ...snapshot } = before
        await putRevisionInTx(tx, { kind: 'assessment', targetId: id, snapshot, supersededBy: actor.openid, at: now })
      }
      await putAssessmentInTx(tx, doc)
      await markInputsChangedInTx(ctx, tx, period._id)
      await ctx.audit(
        `${COL.propertyAssessments}/${id}`,
        before ? { score: before.score } : null,
        { score: doc.score },
        tx,
      )
      return doc
    })
    return assessmentView(saved)
  },
}

/** Both directions for a community or a company in a period, plus the pairs (community × company) to assess. */
export const assessmentList: Handler<'property.assessment.list'> = {
  async run(ctx) {
    const { db, input } = ctx
    if (!input.communityId && !input.companyId) throw invalid('请指定社区或物业', ['communityId'])
    const pair = { communityId: input.communityId, companyId: input.companyId }
    const [assessments, estates] = await Promise.all([
      listAssessments(db, { periodId: input.periodId, ...pair }),
      listEstatesOf(db, pair),
    ])
    const communityIds = [...new Set(estates.map((e) => e.communityId))]
    const communities = communityIds.length ? await listCommunitiesByIds(db, communityIds) : []
    const names = new Map(communities.map((c) => [c._id, c.name]))
    const pairs = new Map<
      string,
      { communityId: string; communityName: string; companyId: string; companyName: string }
    >()
    for (const e of estates) {
      if (!e.companyId) continue
      pairs.set(`${e.communityId}:${e.companyId}`, {
        communityId: e.communityId,
        communityName: names.get(e.communityId) ?? '',
        companyId: e.companyId,
        companyName: e.companyName ?? '',
      })
    }
    return { items: assessments.map(assessmentView), pairs: [...pairs.values()] }
  },
}
