/**
 * Settings a deployment must configure (docs/deploy.md) that the local runtime sets for itself, so
 * that nothing in the functions needs a built-in fallback: they fail closed when a setting is missing.
 * Applied by the local server, the integration tests and the bench; an explicit value wins.
 */
export const DEVELOPMENT_ENV = {
  /** Signs the rotating activity sign-in codes (cloudfunctions/service/domain/token.ts). Development only. */
  SERVICE_QR_SECRET: 'local-development-only-qr-secret-0f3a9c',
  /** Keys the household owner tokens of ballots and ratings (cloudfunctions/shared/owner-token.ts). Development only. */
  OWNER_TOKEN_SECRET: 'local-development-only-owner-token-secret-7d21e4',
} as const

export function applyDevelopmentEnv(): void {
  for (const [k, v] of Object.entries(DEVELOPMENT_ENV)) if (!process.env[k]) process.env[k] = v
}
