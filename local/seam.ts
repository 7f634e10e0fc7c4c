/**
 * Installs the local cloud under the REAL wx-server-sdk: only the transports to Tencent are
 * replaced (database requester, WeChat openapi call, COS storage, identity), everything above
 * them — query building, serialization, error wrapping, transaction retries — is the shipped SDK.
 */
import fs from 'node:fs'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { DEFAULT_BLOCKED_WORDS, DEFAULT_REVIEW_WORDS, findBlockedWord } from './blocked-words'
import { currentInvocation } from './context'
import { loadSdkModules, REPO_ROOT, type ProtobufMinimal, type SdkModules } from './sdk-modules'
import type { DocStore } from './store/doc-store'
import { StoreError } from './store/errors'
import { TransactionManager } from './store/transactions'
import { requesterClassFor, LocalRequester, type WireBackend } from './wire'

// Must precede any cloud.init(): with it the SDK skips its metadata.tencentyun.com probe.
process.env.TENCENTCLOUD = 'true'

export interface InstallOptions {
  store: DocStore
  /** Where cloud.uploadFile writes (cloud://local/<cloudPath> → <uploadsDir>/<cloudPath>). */
  uploadsDir: string
  blockedWords?: readonly string[]
  /** Words msgSecCheck answers with `suggest: 'review'`. */
  reviewWords?: readonly string[]
  now?: () => Date
  /** Directory wx-server-sdk is resolved from; default the repo root. */
  root?: string
}

export interface LocalCloudSeam {
  readonly sdk: SdkModules
  readonly transactions: TransactionManager
  /** A requester on the current backend (for driving the wire directly, e.g. in contract tests). */
  requester(): LocalRequester
}

/** Mutable settings the patched functions read at call time, so re-installing just swaps them. */
interface SeamState {
  backend: WireBackend
  uploadsDir: string
  blockedWords: readonly string[]
  reviewWords: readonly string[]
}

const MARK = Symbol.for('tongxinyuan.local-cloud.seam')
type Marked = { [MARK]?: SeamState }

export const LOCAL_APPID = 'wx-local'
export const LOCAL_FILE_PREFIX = 'cloud://local/'
export const LOCAL_FILE_URL_PREFIX = '/local/files/'

/**
 * WeChat's msgSecCheck (v2) takes at most 2,500 characters per call ("文本字数的上限为2500字",
 * developers.weixin.qq.com/miniprogram/dev/server/API/sec-center/sec-check/api_msgseccheck.html). The
 * platform documents no errcode for a longer text (the v1 era reported over-size text passing unchecked
 * with errcode 0); locally it is refused loudly with 47001 ("parameters in the wrong format") so a
 * function that sends too much fails in tests instead of passing unchecked.
 */
export const MSG_SEC_CHECK_MAX_CHARS = 2500

/** What the node-sdk would throw for a failed call (TcbError: code/message/requestId). */
const tcbError = (code: 'INVALID_PARAM' | 'STORAGE_FILE_NONEXIST', message: string): StoreError =>
  new StoreError(code, message)

export function installLocalCloud(opts: InstallOptions): LocalCloudSeam {
  const sdk = loadSdkModules(opts.root ?? REPO_ROOT)
  process.env.TENCENTCLOUD = 'true'
  const holder = sdk.Db as unknown as Marked
  const prev = holder[MARK]
  // Keep the transaction manager (and its open transactions) when the store is unchanged.
  const transactions =
    prev && prev.backend.store === opts.store ? prev.backend.transactions : new TransactionManager(opts.store)
  const state: SeamState = {
    backend: { store: opts.store, transactions, now: opts.now ?? (() => new Date()) },
    uploadsDir: path.resolve(opts.uploadsDir),
    blockedWords: opts.blockedWords ?? DEFAULT_BLOCKED_WORDS,
    reviewWords: opts.reviewWords ?? DEFAULT_REVIEW_WORDS,
  }
  if (prev) {
    Object.assign(prev, state)
  } else {
    holder[MARK] = state
    patch(sdk, state)
  }
  const live = holder[MARK] as SeamState
  return {
    sdk,
    transactions: live.backend.transactions,
    requester: () => new LocalRequester(() => live.backend),
  }
}

function patch(sdk: SdkModules, state: SeamState): void {
  // 1. Database transport. node-sdk assigns Db.reqClass on every cloud.database(); a locked
  //    accessor makes those assignments no-ops.
  const Requester = requesterClassFor(() => state.backend)
  Object.defineProperty(sdk.Db, 'reqClass', { get: () => Requester, set: () => undefined, configurable: true })

  // 2. Identity per invocation (the SDK reads process.env, which concurrent invocations share).
  const cloud = sdk.wxServerSdk
  const originalContext = cloud.getWXContext
  cloud.getWXContext = function getWXContext(this: unknown, ...args: unknown[]): Record<string, unknown> {
    const inv = currentInvocation()
    if (!inv) return originalContext.apply(this, args)
    return { OPENID: inv.openid ?? '', APPID: LOCAL_APPID, UNIONID: undefined, ENV: 'local', SOURCE: 'wx_client' }
  }

  // 3. WeChat openapi (protobuf in, protobuf out), as CloudBase.prototype.callCompatibleWxOpenApi.
  const proto = sdk.cloudBasePrototype
  proto.callCompatibleWxOpenApi = async function callCompatibleWxOpenApi(options: {
    apiName: string
    requestData: Buffer
  }): Promise<Buffer> {
    const params = decodeOpenApiRequest(sdk.protobuf, options.requestData)
    const reply = answerOpenApi(state, options.apiName, params)
    return encodeOpenApiResponse(sdk.protobuf, Buffer.from(JSON.stringify(reply)))
  }

  // 4. Cloud storage (COS) → a local folder.
  proto.uploadFile = async function uploadFile(
    { cloudPath, fileContent }: { cloudPath: string; fileContent: unknown },
    opts?: { onResponseReceived?: (resp: { statusCode: number }) => void },
  ): Promise<{ fileID: string; requestId: string }> {
    const file = localPath(state, cloudPath)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    if (Buffer.isBuffer(fileContent)) {
      fs.writeFileSync(file, fileContent)
    } else if (fileContent instanceof fs.ReadStream) {
      await pipeline(fileContent, fs.createWriteStream(file))
    } else {
      throw tcbError('INVALID_PARAM', '[node-sdk] fileContent should be instance of fs.ReadStream or Buffer')
    }
    opts?.onResponseReceived?.({ statusCode: 200 })
    return { fileID: LOCAL_FILE_PREFIX + cloudPath, requestId: 'local-storage' }
  }

  proto.getTempFileURL = async function getTempFileURL({
    fileList,
  }: {
    fileList: Array<string | { fileID: string; maxAge?: number }>
  }): Promise<{ fileList: Array<Record<string, unknown>>; requestId: string }> {
    if (!Array.isArray(fileList)) throw tcbError('INVALID_PARAM', 'fileList必须是非空的数组')
    return {
      requestId: 'local-storage',
      fileList: fileList.map((f) => {
        const fileID = typeof f === 'string' ? f : f.fileID
        const maxAge = typeof f === 'string' ? 86400 : (f.maxAge ?? 86400)
        const rel = cloudPathOf(fileID)
        if (rel === undefined || !fs.existsSync(localPath(state, rel))) {
          return { fileID, tempFileURL: '', maxAge, code: 'STORAGE_FILE_NONEXIST' }
        }
        const url = LOCAL_FILE_URL_PREFIX + rel.split('/').map(encodeURIComponent).join('/')
        return { fileID, tempFileURL: url, maxAge, code: 'SUCCESS' }
      }),
    }
  }

  proto.downloadFile = async function downloadFile({
    fileID,
  }: {
    fileID: string
  }): Promise<{ fileContent: Buffer; message: string }> {
    const rel = cloudPathOf(fileID)
    const file = rel === undefined ? undefined : localPath(state, rel)
    if (!file || !fs.existsSync(file)) throw tcbError('STORAGE_FILE_NONEXIST', `storage file not exists: ${fileID}`)
    return { fileContent: fs.readFileSync(file), message: '文件下载完成' }
  }

  proto.deleteFile = async function deleteFile({
    fileList,
  }: {
    fileList: string[]
  }): Promise<{ fileList: Array<{ fileID: string; code: string }>; requestId: string }> {
    if (!Array.isArray(fileList)) throw tcbError('INVALID_PARAM', 'fileList必须是非空的数组')
    return {
      requestId: 'local-storage',
      fileList: fileList.map((fileID) => {
        const rel = cloudPathOf(fileID)
        const file = rel === undefined ? undefined : localPath(state, rel)
        if (!file || !fs.existsSync(file)) return { fileID, code: 'STORAGE_FILE_NONEXIST' }
        fs.unlinkSync(file)
        return { fileID, code: 'SUCCESS' }
      }),
    }
  }

  // 5. Anything else the SDK would send to Tencent (callFunction, auth, cloudrun, ...) fails at
  //    once with a clear message instead of a DNS error or a timeout.
  for (const mod of sdk.httpRequesters) {
    mod.request = async (args) => {
      const action = String(args?.params?.action ?? 'unknown action')
      throw new StoreError(
        'LOCAL_UNAVAILABLE',
        `local cloud: "${action}" would go to Tencent CloudBase; the local cloud does not answer it`,
      )
    }
  }
}

// ---- storage helpers ----------------------------------------------------------------------

function cloudPathOf(fileID: unknown): string | undefined {
  return typeof fileID === 'string' && fileID.startsWith(LOCAL_FILE_PREFIX)
    ? fileID.slice(LOCAL_FILE_PREFIX.length)
    : undefined
}

/** Maps a cloudPath into uploadsDir, refusing anything that would escape it. */
function localPath(state: SeamState, cloudPath: unknown): string {
  if (
    typeof cloudPath !== 'string' ||
    cloudPath === '' ||
    cloudPath.startsWith('/') ||
    cloudPath.includes('\\') ||
    cloudPath.split('/').some((seg) => seg === '' || seg === '.' || seg === '..')
  ) {
    throw tcbError('INVALID_PARAM', `invalid cloudPath: ${String(cloudPath)}`)
  }
  return path.join(state.uploadsDir, ...cloudPath.split('/'))
}

// ---- openapi ------------------------------------------------------------------------------

type OpenApiParams = Record<string, unknown>

/** Decodes CommApiData{openapiData(2){pairs(1){key(1), value(2): JSON bytes}}}. */
function decodeOpenApiRequest(pb: ProtobufMinimal, buf: Buffer): OpenApiParams {
  const params: OpenApiParams = {}
  const r = pb.Reader.create(buf)
  while (r.pos < r.len) {
    const tag = r.uint32()
    if (tag >>> 3 !== 2) {
      r.skipType(tag & 7)
      continue
    }
    const end = r.uint32() + r.pos
    while (r.pos < end) {
      const t = r.uint32()
      if (t >>> 3 !== 1) {
        r.skipType(t & 7)
        continue
      }
      const pairEnd = r.uint32() + r.pos
      let key = ''
      let value: Uint8Array = new Uint8Array()
      while (r.pos < pairEnd) {
        const pt = r.uint32()
        if (pt >>> 3 === 1) key = r.string()
        else if (pt >>> 3 === 2) value = r.bytes()
        else r.skipType(pt & 7)
      }
      const text = Buffer.from(value).toString('utf8')
      try {
        params[key] = JSON.parse(text)
      } catch {
        params[key] = Buffer.from(value) // binary media (e.g. imgSecCheck), not JSON
      }
    }
  }
  return params
}

/** Encodes CommOpenApiResp{respData(1), contentType(2), errorCode(3), httpCode(4)}. */
function encodeOpenApiResponse(pb: ProtobufMinimal, body: Buffer): Buffer {
  const w = pb.Writer.create()
  w.uint32(10).bytes(body)
  w.uint32(18).string('application/json; charset=utf-8')
  w.uint32(24).int32(0)
  w.uint32(32).uint32(200)
  return Buffer.from(w.finish())
}

/** WeChat-style JSON reply (snake_case; errcode != 0 makes the SDK throw errCode = errcode). */
function answerOpenApi(state: SeamState, api: string, p: OpenApiParams): Record<string, unknown> {
  switch (api) {
    case 'security.msgSecCheck': {
      const content = typeof p.content === 'string' ? p.content : ''
      // Characters as a person counts them (code points), the more lenient reading of "字".
      if (Array.from(content).length > MSG_SEC_CHECK_MAX_CHARS)
        return { errcode: 47001, errmsg: `content longer than ${MSG_SEC_CHECK_MAX_CHARS} characters` }
      if (findBlockedWord(content, state.blockedWords) !== undefined) return { errcode: 87014, errmsg: 'risky content' }
      const trace = `local-${Date.now()}`
      if (findBlockedWord(content, state.reviewWords) !== undefined)
        return { errcode: 0, errmsg: 'ok', result: { suggest: 'review', label: 21000 }, detail: [], trace_id: trace }
      return { errcode: 0, errmsg: 'ok', result: { suggest: 'pass', label: 100 }, detail: [], trace_id: trace }
    }
    case 'security.imgSecCheck': {
      // The SDK sends the media as raw bytes. WeChat takes up to 1 MB; locally an image is risky when
      // its bytes carry a blocked word (e.g. in a PNG text chunk or a JPEG comment): a deterministic
      // stand-in for Tencent's image review that tests and demos can trigger.
      const media = Buffer.isBuffer(p.media) ? p.media : Buffer.alloc(0)
      if (media.length === 0 || media.length > 1024 * 1024) return { errcode: 40006, errmsg: 'invalid media size' }
      if (state.blockedWords.some((w) => media.includes(Buffer.from(w, 'utf8'))))
        return { errcode: 87014, errmsg: 'risky content' }
      return { errcode: 0, errmsg: 'ok' }
    }
    case 'subscribeMessage.send': {
      if (typeof p.touser !== 'string' || p.touser === '') return { errcode: 40003, errmsg: 'invalid openid' }
      if (typeof p.template_id !== 'string' || p.template_id === '')
        return { errcode: 40037, errmsg: 'invalid template_id' }
      state.backend.store.insert('outbox', [
        {
          toOpenid: p.touser,
          templateId: p.template_id,
          page: typeof p.page === 'string' ? p.page : null,
          data: p.data ?? {},
          at: state.backend.now(),
        },
      ])
      return { errcode: 0, errmsg: 'ok' }
    }
    default:
      return {
        errcode: -604100,
        errmsg: `API not found: local cloud answers only security.msgSecCheck, security.imgSecCheck and subscribeMessage.send (got ${api})`,
      }
  }
}
