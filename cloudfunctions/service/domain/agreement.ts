/**
 * The yearly co-building agreement (共建协议, SPEC §4). A new year's agreement starts from last year's
 * lists; this compares the two so both sides see what was carried over, added and dropped.
 */
export interface AgreementLists {
  commitments: string[]
  resources: string[]
}

export function compareLists(
  prev: AgreementLists,
  next: AgreementLists,
): { kept: number; added: number; dropped: number } {
  const count = (a: string[], b: string[]) => {
    const inB = new Set(b)
    const kept = a.filter((x) => inB.has(x)).length
    return { kept, added: a.length - kept, dropped: b.filter((x) => !new Set(a).has(x)).length }
  }
  const c = count(next.commitments, prev.commitments)
  const r = count(next.resources, prev.resources)
  return { kept: c.kept + r.kept, added: c.added + r.added, dropped: c.dropped + r.dropped }
}

/** Why the unit cannot sign now, or null: the community approves first, and a signature is given once. */
export function signProblem(a: { unitSignedAt?: Date } | null): string | null {
  if (!a) return null
  return a.unitSignedAt ? '本年度协议已签署' : null
}
