import type { ModerationCaseView } from '../../../types/moderation'
import { P, type Cloud } from '../harness'

/** Three verified residents of 和谐社区 in three households other than 刘芳's (1号楼 101). */
export const REPORTERS = [P.zhang, 'o-res-hx-102', 'o-res-chen'] as const
/** A second member of 刘芳's household (1号楼 101): their reports must not count against her. */
export const LIU_SPOUSE = 'o-res-liu-spouse'

/** Adds a second verified member to 刘芳's household, straight into the database. */
export async function addLiuSpouse(h: Cloud): Promise<void> {
  await h.db.collection('users').add({
    data: {
      _id: LIU_SPOUSE,
      name: '刘芳家人',
      roles: [
        {
          role: 'resident',
          scopeType: 'household',
          scopeId: 'h-hx-1-1-101',
          scopeName: '和谐家园 1号楼 101',
          communityId: 'c-hx',
          streetId: 'st-jinxiu',
        },
      ],
      createdAt: new Date(),
      updatedAt: new Date(),
    },
  })
}

export async function queue(
  h: Cloud,
  by: string,
  scope: { communityId?: string; streetId?: string },
  status: 'held' | 'decided' = 'held',
) {
  return h.ok<{ items: ModerationCaseView[]; total: number }>('org', 'moderation.queue', { ...scope, status }, by)
}

/** Subscription messages sent to `openid` with this template (the local outbox). */
export async function outboxTo(h: Cloud, openid: string, templateId = 'tpl-content-reviewed') {
  const { data } = await h.db.collection('outbox').where({ toOpenid: openid, templateId }).limit(100).get()
  return data as { page: string; data: Record<string, { value: string }> }[]
}

/** Audit entries written about one record. */
export async function auditOf(h: Cloud, target: string) {
  const { data } = await h.db.collection('audit').where({ target }).limit(100).get()
  return data as { actor: string; action: string; before: unknown; after: Record<string, unknown> | null; at: Date }[]
}
