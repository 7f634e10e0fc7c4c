import { createHmac, timingSafeEqual } from 'crypto'

/**
 * The rotating sign-in code shown on the organiser's phone. The cloud function alone can make and
 * check it: an HMAC-SHA256 over the activity id and the second it was issued, with a secret from the
 * environment. A code is bound to its activity and is valid for at most TOKEN_TTL_S seconds, so a
 * screenshot passed around is useless soon after.
 *
 * Format: `<issued second, base36>.<first 12 base32 chars of the HMAC>`, short enough to type.
 */
export const TOKEN_TTL_S = 30
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

function mac(secret: string, activityId: string, issuedSec: number): string {
  const digest = createHmac('sha256', secret).update(`${activityId}|${issuedSec}`).digest()
  let bits = 0
  let value = 0
  let out = ''
  for (const byte of digest) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5 && out.length < 12) {
      out += ALPHABET[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
    if (out.length >= 12) break
  }
  return out
}

export function issueToken(
  secret: string,
  activityId: string,
  now: Date,
): { token: string; issuedSec: number; expiresAt: Date } {
  const issuedSec = Math.floor(now.getTime() / 1000)
  return {
    token: `${issuedSec.toString(36).toUpperCase()}.${mac(secret, activityId, issuedSec)}`,
    issuedSec,
    expiresAt: new Date((issuedSec + TOKEN_TTL_S) * 1000),
  }
}

export type TokenCheck = { ok: true; issuedSec: number } | { ok: false; problem: string }

/**
 * Checks a code for this activity at `now`. `notBeforeSec` refuses a code issued at or before that
 * second — a sign-out must use a newer code than the sign-in did, so one code cannot do both.
 */
export function verifyToken(
  secret: string,
  activityId: string,
  token: string,
  now: Date,
  notBeforeSec?: number,
): TokenCheck {
  const m = /^([0-9A-Z]{1,10})\.([A-Z2-7]{12})$/.exec(token.trim().toUpperCase())
  if (!m) return { ok: false, problem: '签到码格式不正确' }
  const issuedSec = parseInt(m[1], 36)
  const expected = Buffer.from(mac(secret, activityId, issuedSec))
  const given = Buffer.from(m[2])
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, problem: '签到码无效或不属于本活动' }
  const nowSec = now.getTime() / 1000
  if (issuedSec > nowSec + 2) return { ok: false, problem: '签到码无效或不属于本活动' }
  if (nowSec - issuedSec > TOKEN_TTL_S) return { ok: false, problem: '签到码已过期，请扫描最新的二维码' }
  if (notBeforeSec !== undefined && issuedSec <= notBeforeSec)
    return { ok: false, problem: '该签到码已使用过，请扫描最新的二维码' }
  return { ok: true, issuedSec }
}

/** What the QR code carries: the activity and the code, so the scanner knows where it belongs. */
export const qrText = (activityId: string, token: string) => `txsign:${activityId}:${token}`

/** Reads a scanned or pasted text: a full QR payload or a bare code. */
export function parseQrText(text: string): { activityId?: string; token: string } {
  const m = /^txsign:([\w:.-]+):(.+)$/.exec(text.trim())
  return m ? { activityId: m[1], token: m[2] } : { token: text.trim() }
}

/** Shorter than this is no secret: it could be guessed, and every code with it. */
export const MIN_SECRET_LENGTH = 16

/**
 * The secret: SERVICE_QR_SECRET from the function's environment, and no built-in fallback — a code
 * signed with a secret written in the source could be made by anyone. Unset (or too short) fails
 * closed: no code is issued or accepted. The local runtime sets a development secret (local/dev-env.ts).
 */
export function tokenSecret(env: Record<string, string | undefined> = process.env): string {
  const secret = env.SERVICE_QR_SECRET ?? ''
  if (secret.length < MIN_SECRET_LENGTH)
    throw new Error(`SERVICE_QR_SECRET is not set (at least ${MIN_SECRET_LENGTH} characters): QR sign-in is off`)
  return secret
}
