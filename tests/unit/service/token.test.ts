import {
  issueToken,
  parseQrText,
  qrText,
  TOKEN_TTL_S,
  tokenSecret,
  verifyToken,
} from '../../../cloudfunctions/service/domain/token'

const SECRET = 'test-secret'
const T = new Date('2026-11-23T02:00:00Z')
const plus = (s: number) => new Date(T.getTime() + s * 1000)

describe('rotating sign-in token', () => {
  const { token, issuedSec, expiresAt } = issueToken(SECRET, 'act-1', T)

  it('is short, and expires TOKEN_TTL_S seconds after it was issued', () => {
    expect(token).toMatch(/^[0-9A-Z]+\.[A-Z2-7]{12}$/)
    expect(expiresAt.getTime() - T.getTime()).toBe(TOKEN_TTL_S * 1000)
    expect(TOKEN_TTL_S).toBeLessThanOrEqual(30)
  })

  it('is accepted for its activity within its validity', () => {
    expect(verifyToken(SECRET, 'act-1', token, T)).toEqual({ ok: true, issuedSec })
    expect(verifyToken(SECRET, 'act-1', token, plus(30))).toEqual({ ok: true, issuedSec })
    expect(verifyToken(SECRET, 'act-1', token.toLowerCase(), plus(5))).toEqual({ ok: true, issuedSec })
  })

  it('is refused once expired', () => {
    expect(verifyToken(SECRET, 'act-1', token, plus(31))).toEqual({
      ok: false,
      problem: '签到码已过期，请扫描最新的二维码',
    })
  })

  it('is refused for another activity', () => {
    expect(verifyToken(SECRET, 'act-2', token, T)).toEqual({ ok: false, problem: '签到码无效或不属于本活动' })
  })

  it('is refused when made with another secret (forged)', () => {
    const forged = issueToken('other', 'act-1', T).token
    expect(verifyToken(SECRET, 'act-1', forged, T).ok).toBe(false)
  })

  it('is refused when its issue time is edited to extend it', () => {
    const later = issueToken(SECRET, 'act-1', plus(60)).token.split('.')[0]
    const tampered = `${later}.${token.split('.')[1]}`
    expect(verifyToken(SECRET, 'act-1', tampered, plus(60)).ok).toBe(false)
  })

  it('is refused when it claims to come from the future', () => {
    const future = issueToken(SECRET, 'act-1', plus(60)).token
    expect(verifyToken(SECRET, 'act-1', future, T).ok).toBe(false)
  })

  it('is refused as a replay when not newer than the code already used', () => {
    expect(verifyToken(SECRET, 'act-1', token, plus(10), issuedSec)).toEqual({
      ok: false,
      problem: '该签到码已使用过，请扫描最新的二维码',
    })
    const newer = issueToken(SECRET, 'act-1', plus(10)).token
    expect(verifyToken(SECRET, 'act-1', newer, plus(12), issuedSec).ok).toBe(true)
  })

  it('refuses garbage', () => {
    expect(verifyToken(SECRET, 'act-1', 'hello', T).ok).toBe(false)
    expect(verifyToken(SECRET, 'act-1', '', T).ok).toBe(false)
  })

  it('round-trips through the QR payload and accepts a bare pasted code', () => {
    expect(parseQrText(qrText('act-1', token))).toEqual({ activityId: 'act-1', token })
    expect(parseQrText(`  ${token} `)).toEqual({ token })
  })
})

describe('the signing secret', () => {
  it('fails closed when SERVICE_QR_SECRET is unset, empty or too short to be a secret', () => {
    expect(() => tokenSecret({})).toThrow(/SERVICE_QR_SECRET is not set/)
    expect(() => tokenSecret({ SERVICE_QR_SECRET: '' })).toThrow(/SERVICE_QR_SECRET is not set/)
    expect(() => tokenSecret({ SERVICE_QR_SECRET: 'short-secret' })).toThrow(/SERVICE_QR_SECRET is not set/)
  })

  it('is the configured value, with no built-in fallback', () => {
    expect(tokenSecret({ SERVICE_QR_SECRET: 'a-long-random-deployment-secret' })).toBe(
      'a-long-random-deployment-secret',
    )
  })
})
