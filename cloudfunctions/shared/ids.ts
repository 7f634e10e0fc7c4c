import { randomBytes, randomInt } from 'crypto'

/** No 0/O/1/I/L: codes are read aloud and typed by older residents. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

export function randomCode(length = 8): string {
  let out = ''
  for (let i = 0; i < length; i++) out += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
  return out
}

export const newId = (prefix: string) => `${prefix}_${randomBytes(10).toString('hex')}`
