/** Phone and ID numbers are shown whole only to their owner (SPEC §3): mask the middle. */
export function maskPhone(phone: string | undefined): string | undefined {
  if (!phone) return undefined
  if (phone.length < 7) return '*'.repeat(phone.length)
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`
}

export function maskIdNumber(idNo: string | undefined): string | undefined {
  if (!idNo) return undefined
  if (idNo.length < 8) return '*'.repeat(idNo.length)
  return `${idNo.slice(0, 4)}${'*'.repeat(idNo.length - 8)}${idNo.slice(-4)}`
}

/** Codes in lists are masked; the full code is shown once, when created. */
export const maskCode = (code: string) => `${code.slice(0, 2)}****${code.slice(-2)}`
