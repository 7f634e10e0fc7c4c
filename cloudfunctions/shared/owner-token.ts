import { createHmac } from 'crypto'

/**
 * An opaque owner of a record that must not name its author (a household's ballot or rating):
 * HMAC-SHA256 of the OPENID under a server secret, keyed also by the record's scope (e.g. the vote),
 * so the same person's tokens cannot be linked across records. Equal tokens tell "the same person
 * acted again"; without the secret nobody can tell who.
 *
 * The secret is `OWNER_TOKEN_SECRET` on the function. It fails closed: unset, nothing is recorded
 * (the action answers INTERNAL and the operator log says why); there is no built-in fallback.
 */
export const OWNER_TOKEN_ENV = 'OWNER_TOKEN_SECRET'

export function ownerToken(scope: string, openid: string): string {
  const secret = process.env[OWNER_TOKEN_ENV]
  if (!secret)
    throw new Error(
      `${OWNER_TOKEN_ENV} is not set on this function: set it (a long random secret) in the function's environment variables (docs/deploy.md)`,
    )
  return createHmac('sha256', secret).update(scope).update('\u0000').update(openid).digest('base64url')
}
