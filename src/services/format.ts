const pad = (n: number) => (n < 10 ? `0${n}` : String(n))

/** ISO instant → "2025-03-08 14:05" in the device's time zone (Asia/Shanghai for our users). */
export function formatTime(iso: string | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** Phone with the middle four digits hidden (used only if the server ever sends one whole). */
export function maskPhone(phone: string | undefined): string {
  if (!phone) return ''
  return /^\d{11}$/.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone
}
