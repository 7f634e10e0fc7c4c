/**
 * The contract's zod, built small for the mini-program (issue 16 §2). The app imports the same schema
 * files as the cloud functions (types/*.ts, `import * as z from 'zod'`); the Taro build aliases `zod` to
 * this module, which gives those files the part of zod's classic API they use — made with zod's own
 * `zod/mini` on the same core, so a schema checks exactly as on the server (same issues, same
 * messages: tests/unit/front/zod-lite.test.ts compares every action's schema on both builds) — for
 * about a fifth of the bytes. The cloud functions' bundles use it too (scripts/build-cloud.ts: it
 * makes the contract faster when a function starts); the tests run the sources on the real `zod`.
 *
 * Only what types/ uses is here: a contract that reaches for more fails its build-time test, not a phone.
 */
import * as m from 'zod/mini'
import { en } from 'zod/v4/locales'

// Classic zod registers English messages on its first schema; mini does not. Same default messages.
m.config(en())

type Schema = m.ZodMiniType
/** Methods added to zod/mini's prototypes: each instance gets them bound, as zod supports. */
type Methods = Record<string, (this: Schema, ...args: never[]) => unknown>

function install(ctor: { prototype: object }, methods: Methods): void {
  Object.assign(ctor.prototype, methods)
}

// The methods classic zod defines (zod/v4/classic/schemas.js), each the same call on the core.
install(m.ZodMiniType, {
  optional() {
    return m.optional(this)
  },
  nullable() {
    return m.nullable(this)
  },
  default(value: unknown) {
    return m._default(this, value as never)
  },
  array() {
    return m.array(this)
  },
  refine(...args: Parameters<typeof m.refine>) {
    return this.check(m.refine(...args))
  },
  transform(fn: (input: unknown, ctx: m.core.ParsePayload) => unknown) {
    return m.pipe(this, m.transform(fn))
  },
})
install(m.ZodMiniString, {
  min(...args: Parameters<typeof m.minLength>) {
    return this.check(m.minLength(...args))
  },
  max(...args: Parameters<typeof m.maxLength>) {
    return this.check(m.maxLength(...args))
  },
  regex(...args: Parameters<typeof m.regex>) {
    return this.check(m.regex(...args))
  },
  trim() {
    return this.check(m.trim())
  },
  toUpperCase() {
    return this.check(m.toUpperCase())
  },
  datetime(...args: Parameters<typeof m.iso.datetime>) {
    return this.check(m.iso.datetime(...args))
  },
})
install(m.ZodMiniNumber, {
  min(...args: Parameters<typeof m.gte>) {
    return this.check(m.gte(...args))
  },
  max(...args: Parameters<typeof m.lte>) {
    return this.check(m.lte(...args))
  },
  int(...args: Parameters<typeof m.int>) {
    return this.check(m.int(...args))
  },
})
install(m.ZodMiniArray, {
  min(...args: Parameters<typeof m.minLength>) {
    return this.check(m.minLength(...args))
  },
  max(...args: Parameters<typeof m.maxLength>) {
    return this.check(m.maxLength(...args))
  },
})
install(m.ZodMiniObject, {
  extend(shape: m.core.$ZodLooseShape) {
    return m.extend(this as m.ZodMiniObject, shape)
  },
})

export { array, boolean, enum, literal, null, number, object, record, string, union, unknown } from 'zod/mini'
