import { ownerToken, OWNER_TOKEN_ENV } from '../../../cloudfunctions/shared/owner-token'

describe('owner tokens', () => {
  const saved = process.env[OWNER_TOKEN_ENV]
  afterEach(() => {
    if (saved === undefined) delete process.env[OWNER_TOKEN_ENV]
    else process.env[OWNER_TOKEN_ENV] = saved
  })

  it('are stable for one person and record, and differ across people, records and secrets', () => {
    process.env[OWNER_TOKEN_ENV] = 'secret-one'
    const a = ownerToken('vote_1', 'o-res-liu')
    expect(ownerToken('vote_1', 'o-res-liu')).toBe(a)
    expect(ownerToken('vote_1', 'o-res-zhang')).not.toBe(a)
    expect(ownerToken('vote_2', 'o-res-liu')).not.toBe(a)
    // The scope and the openid are separated: moving characters between them changes the token.
    expect(ownerToken('vote_1o', '-res-liu')).not.toBe(a)
    expect(a).not.toContain('o-res-liu')
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/)
    process.env[OWNER_TOKEN_ENV] = 'secret-two'
    expect(ownerToken('vote_1', 'o-res-liu')).not.toBe(a)
  })

  it('fail closed when the secret is unset or empty, naming the variable for the operator', () => {
    delete process.env[OWNER_TOKEN_ENV]
    expect(() => ownerToken('vote_1', 'o-res-liu')).toThrow(/OWNER_TOKEN_SECRET is not set/)
    process.env[OWNER_TOKEN_ENV] = ''
    expect(() => ownerToken('vote_1', 'o-res-liu')).toThrow(/OWNER_TOKEN_SECRET is not set/)
  })
})
