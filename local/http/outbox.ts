import { COL } from '../../cloudfunctions/shared/collections'
import { database } from '../../cloudfunctions/shared/cloud'
import { TEMPLATES } from '../../cloudfunctions/shared/notify'
import { NOTICE_LABEL, type NoticeKind } from '../../types/notices'

/**
 * The local outbox (SPEC §7: subscription messages "are recorded in an outbox you can read"), for the
 * H5 demo's 消息记录 screen: the messages a journey would have sent, newest first, with the recipient's
 * name and the kind of notice. Local only: WeChat has no such list, and the cloud functions never read it.
 */

const KIND_OF: Map<string, NoticeKind> = new Map(
  Object.entries(TEMPLATES).map(([kind, tpl]) => [tpl, kind as NoticeKind]),
)
const MAX_PAGE = 50

interface OutboxDoc {
  _id: string
  toOpenid: string
  templateId: string
  page: string | null
  data: Record<string, { value?: unknown }>
  at: Date
}

export interface OutboxItem {
  id: string
  at: string
  toName: string
  kind: NoticeKind | null
  kindLabel: string
  page: string | null
  values: string[]
}

export async function outboxPage(
  query: URLSearchParams,
): Promise<{ items: OutboxItem[]; total: number; page: number; pageSize: number }> {
  const db = database()
  const page = Math.max(1, Math.min(10_000, Number(query.get('page')) || 1))
  const pageSize = Math.max(1, Math.min(MAX_PAGE, Number(query.get('pageSize')) || 20))
  const to = query.get('to')
  const where = to && /^[\w-]{1,64}$/.test(to) ? { toOpenid: to } : {}
  const { total } = await db.collection(COL.outbox).where(where).count()
  const { data } = await db
    .collection(COL.outbox)
    .where(where)
    .orderBy('at', 'desc')
    .skip((page - 1) * pageSize)
    .limit(pageSize)
    .get()
  const docs = data as OutboxDoc[]
  const ids = [...new Set(docs.map((d) => d.toOpenid))]
  const names = new Map<string, string>()
  if (ids.length) {
    const { data: users } = await db
      .collection(COL.users)
      .where({ _id: db.command.in(ids) })
      .limit(ids.length)
      .get()
    for (const u of users as { _id: string; name?: string }[]) names.set(u._id, u.name || '（未填写姓名）')
  }
  return {
    total,
    page,
    pageSize,
    items: docs.map((d) => {
      const kind = KIND_OF.get(d.templateId) ?? null
      return {
        id: d._id,
        at: new Date(d.at).toISOString(),
        toName: names.get(d.toOpenid) ?? '（未知）',
        kind,
        kindLabel: kind ? NOTICE_LABEL[kind] : d.templateId,
        page: d.page,
        values: Object.values(d.data ?? {}).map((f) => String(f?.value ?? '')),
      }
    }),
  }
}
