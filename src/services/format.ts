/** Instants are shown in Beijing time by services/time (re-exported: one formatter). */
export { formatTime } from './time'

/** Phone with the middle four digits hidden (used only if the server ever sends one whole). */
export function maskPhone(phone: string | undefined): string {
  if (!phone) return ''
  return /^\d{11}$/.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone
}
