/**
 * Canonical EJSON in and out, with the bson copy @cloudbase/database itself uses, so what the
 * SDK serializes (Dates, Int32/Double/Long numbers, regexes) round-trips exactly.
 */
import type * as Bson from 'bson'
import { loadBson } from '../sdk-modules'
import { isPlainObject } from './engine'

export interface Codec {
  /** Canonical (non-relaxed) EJSON text: what is stored and what goes back on the wire. */
  stringify(value: unknown): string
  /**
   * Relaxed parse to plain JS values that mingo can evaluate: BSONRegExp → RegExp, and
   * `{$tcb_server_date: {offset}}` → `new Date(now() + offset)` when `now` is given.
   */
  parse(text: string, now?: () => Date): unknown
  /** The same conversions on an already-parsed value (e.g. aggregation stage values). */
  revive(value: unknown, now?: () => Date): unknown
}

// JS RegExp knows i/m/s/u; MongoDB's x (extended) has no JS equivalent and is dropped.
const JS_FLAGS = new Set(['i', 'm', 's', 'u'])

function isBsonRegExp(v: unknown): v is { pattern: string; options: string } {
  return typeof v === 'object' && v !== null && (v as { _bsontype?: unknown })._bsontype === 'BSONRegExp'
}

function revive(v: unknown, now: (() => Date) | undefined): unknown {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i += 1) v[i] = revive(v[i], now)
    return v
  }
  if (isBsonRegExp(v)) {
    const flags = [...new Set(v.options.split(''))].filter((f) => JS_FLAGS.has(f)).join('')
    return new RegExp(v.pattern, flags)
  }
  if (isPlainObject(v)) {
    const keys = Object.keys(v)
    if (now && keys.length === 1 && keys[0] === '$tcb_server_date') {
      const spec = v.$tcb_server_date
      const offset = isPlainObject(spec) && typeof spec.offset === 'number' ? spec.offset : 0
      return new Date(now().getTime() + offset)
    }
    for (const k of keys) v[k] = revive(v[k], now)
    return v
  }
  return v
}

export function createCodec(bson: typeof Bson = loadBson()): Codec {
  const { EJSON } = bson
  return {
    stringify: (value) => EJSON.stringify(value as Bson.EJSON.SerializableTypes, { relaxed: false }),
    parse: (text, now) => revive(EJSON.parse(text, { relaxed: true }), now),
    revive: (value, now) => revive(value, now),
  }
}
