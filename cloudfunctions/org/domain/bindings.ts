import type { BindingStatus } from '../../../types/org'

/**
 * A person has at most one current binding. A pending or rejected one may be replaced by a new
 * request (the old one is superseded, not deleted); a verified one may not: a resident who moves first
 * leaves the household (binding.leave) or is unbound by the community (binding.unbind), which ends it.
 */
export function canRequestNewBinding(current: BindingStatus | undefined): boolean {
  return current !== 'verified'
}

/** A binding that no longer stands: a request for the same household starts afresh. */
export const isClosed = (status: BindingStatus) =>
  status === 'rejected' || status === 'superseded' || status === 'ended'

/** Only a pending binding can be decided; deciding twice is a conflict. */
export const isDecidable = (status: BindingStatus) => status === 'pending'

/** A one-time household code works once, for its own household, before it expires. */
export function householdCodeProblem(
  code: { householdId: string; usedBy: string | null; expiresAt: Date; revoked?: boolean } | null,
  householdId: string,
  now: Date,
): string | null {
  if (!code || code.revoked) return '户码无效'
  if (code.householdId !== householdId) return '户码与所选房屋不符'
  if (code.usedBy) return '户码已被使用'
  if (code.expiresAt.getTime() <= now.getTime()) return '户码已过期'
  return null
}

export { formatAddress } from '../../shared/address'
