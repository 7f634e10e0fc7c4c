/** A client-generated id for a create action: one per form opening, reused when the person retries. */
export function newRequestId(): string {
  const rand = Math.random().toString(36).slice(2, 10).padEnd(8, '0')
  return `r-${Date.now().toString(36)}-${rand}`
}
