import { currentInvocation } from '../../local/context'
import { LocalRequester, type WireParams } from '../../local/wire'

/** One database request as the local wire sees it, with the caller of the invocation that sent it. */
export interface WireRequest {
  openid: string | null
  action: string
  collection?: string
  inTransaction: boolean
}

export interface Hold {
  /** Resolves when the matching request is reached (and held). */
  reached: Promise<void>
  /** Lets the held request go on (and stops matching, if it never matched). */
  release(): void
}

const original = LocalRequester.prototype.send
const holds: { match: (r: WireRequest) => boolean; fired: boolean; arrive: () => void; gate: Promise<void> }[] = []

LocalRequester.prototype.send = async function send(
  this: LocalRequester,
  action: string,
  params: WireParams = {},
  opts?: unknown,
) {
  const inv = currentInvocation()
  const req: WireRequest = {
    openid: inv?.openid ?? null,
    action,
    collection: typeof params.collectionName === 'string' ? params.collectionName : undefined,
    inTransaction: typeof params.transactionId === 'string' && params.transactionId !== '',
  }
  const hold = holds.find((x) => !x.fired && x.match(req))
  if (hold) {
    hold.fired = true
    hold.arrive()
    await hold.gate
  }
  return original.call(this, action, params, opts)
}

/**
 * Holds the first database request that matches, before it reaches the store, until released: two
 * calls can then be interleaved at an exact point, so a race is reproduced every time instead of by luck.
 */
export function holdAt(match: (r: WireRequest) => boolean): Hold {
  let arrive!: () => void
  let open!: () => void
  const reached = new Promise<void>((r) => (arrive = r))
  const gate = new Promise<void>((r) => (open = r))
  const hold = { match, fired: false, arrive, gate }
  holds.push(hold)
  return {
    reached,
    release() {
      holds.splice(holds.indexOf(hold), 1)
      open()
    },
  }
}

/** Shorthands for the points races happen at. */
export const at = {
  /** A plain (non-transaction) write to `collection` by `openid`. */
  plainWrite: (openid: string, collection: string) => (r: WireRequest) =>
    r.openid === openid &&
    r.collection === collection &&
    !r.inTransaction &&
    /^database\.(modifyDocument|insertDocument|modifyAndReturnDoc)$/.test(r.action),
  /** The commit of a transaction run by `openid`. */
  commit: (openid: string) => (r: WireRequest) => r.openid === openid && r.action === 'database.commitTransaction',
  /** Any write to `collection` inside a transaction run by `openid`. */
  txWrite: (openid: string, collection: string) => (r: WireRequest) =>
    r.openid === openid &&
    r.collection === collection &&
    r.inTransaction &&
    /^database\.(modifyDocument|insertDocument)$/.test(r.action),
}

/**
 * Runs `first` until it reaches `point`, runs `second` to its end, then lets `first` finish.
 * Returns both envelopes in the order (first, second).
 */
export async function interleave<A, B>(
  point: (r: WireRequest) => boolean,
  first: () => Promise<A>,
  second: () => Promise<B>,
): Promise<[A, B]> {
  const hold = holdAt(point)
  const a = first()
  const got = await Promise.race([hold.reached.then(() => 'held' as const), a.then(() => 'finished' as const)])
  if (got === 'finished') {
    hold.release()
    throw new Error('the first call finished without reaching the hold point')
  }
  const b = await second()
  hold.release()
  return [await a, b]
}
