import { createHash } from 'crypto'

/**
 * A person's key in record ids other people see (a member's 报到 record, attendance, a dispatched
 * handler): 20 url-safe characters of SHA-256 over the openid, so no openid reaches anyone else
 * (issue 11 §4) while the id stays deterministic — "one record per person" remains a document id, not a
 * query, and every function derives the same id without a shared secret or a read. An openid is a
 * random per-app string, so the key cannot be turned back into it (docs/decisions.md).
 */
export function personKey(openid: string): string {
  return createHash('sha256').update(`tongxinyuan:person:${openid}`).digest('base64url').slice(0, 20)
}

/** The id of a person's 双报到 member record (`svc_members`), which service and grid both address. */
export const memberRecordId = (openid: string) => `m:${personKey(openid)}`
