import ExcelJS from 'exceljs'
import { existsSync, readFileSync } from 'fs'
import { join } from 'path'
import { COL } from '../../cloudfunctions/shared/collections'
import type { Cloud } from './harness'

/**
 * What identifies a person and may reach nobody else (SPEC §3, §7; issue 11 §4): every openid in the
 * users collection, and every whole phone number with its owners (a person's own phone; a unit's contact
 * phone belongs to the liaison who entered it).
 */
export interface Traces {
  openids: string[]
  phoneOwners: Map<string, Set<string>>
}

export async function collectTraces(h: Cloud): Promise<Traces> {
  const all = async <T>(col: string): Promise<T[]> => {
    const out: T[] = []
    const { total } = await h.db.collection(col).count()
    for (let skip = 0; skip < total; skip += 1000)
      out.push(...((await h.db.collection(col).skip(skip).limit(1000).get()).data as T[]))
    return out
  }
  const users = await all<{ _id: string; phone?: string }>(COL.users)
  const units = await all<{ contactPhone?: string; checkin?: { submittedBy: string } }>(COL.units)
  const phoneOwners = new Map<string, Set<string>>()
  const own = (phone: string | undefined, owner: string | undefined) => {
    if (!phone) return
    if (!phoneOwners.has(phone)) phoneOwners.set(phone, new Set())
    if (owner) phoneOwners.get(phone)!.add(owner)
  }
  for (const u of users) own(u.phone, u._id)
  for (const u of units) own(u.contactPhone, u.checkin?.submittedBy)
  // Longest first, so a report names the whole openid rather than a prefix of it.
  return { openids: users.map((u) => u._id).sort((a, b) => b.length - a.length), phoneOwners }
}

/** Other people's openids and whole phones found in `text`, as seen by `viewer`. */
export function leaksIn(text: string, viewer: string, t: Traces): string[] {
  const found: string[] = []
  for (const o of t.openids) if (o !== viewer && text.includes(o)) found.push(`openid ${o}`)
  for (const [phone, owners] of t.phoneOwners)
    if (!owners.has(viewer) && text.includes(phone)) found.push(`phone ${phone}`)
  return found
}

/** The cells of an exported workbook (an export's response is a link; what it links to counts too). */
export async function workbookText(h: Cloud, fileId: string): Promise<string> {
  const path = join(h.dir, 'uploads', fileId.replace('cloud://local/', ''))
  if (!existsSync(path)) throw new Error(`export file missing: ${fileId}`)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer)
  const cells: unknown[] = []
  wb.eachSheet((ws) => ws.eachRow((r) => cells.push(r.values)))
  return JSON.stringify(cells)
}

/**
 * Calls through `fn` as a given person, requiring success, and checks the whole envelope (and an export's
 * workbook) for anyone else's openid or phone. Remembers every action it went through.
 */
export function sweeper(h: Cloud, fn: string, traces: Traces) {
  const swept = new Set<string>()
  async function as<T = Record<string, unknown>>(openid: string, action: string, input: unknown): Promise<T> {
    const { env } = await h.call<T>(fn, action, input, openid)
    if (!env.ok) throw new Error(`${fn}.${action} as ${openid} failed: ${env.error.code} ${env.error.message}`)
    swept.add(action)
    let text = JSON.stringify(env)
    const fileId = (env.data as { fileId?: string } | null)?.fileId
    if (fileId?.endsWith('.xlsx')) text += await workbookText(h, fileId)
    expect({ action, as: openid, leaks: leaksIn(text, openid, traces) }).toEqual({ action, as: openid, leaks: [] })
    return env.data
  }
  return { as, swept }
}

/** The contract's actions a person in one of `roles` may call (or anyone signed in). */
export function callableBy(actions: Record<string, { roles: readonly string[] }>, roles: string[]): string[] {
  return Object.entries(actions)
    .filter(([, a]) => a.roles.some((r) => r === 'authenticated' || roles.includes(r)))
    .map(([name]) => name)
    .sort()
}
