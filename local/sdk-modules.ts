/**
 * Resolves the exact module instances the cloud-function code uses:
 * wx-server-sdk → @cloudbase/node-sdk → @cloudbase/database (→ bson), plus the protobufjs
 * that wx-server-sdk encodes openapi calls with.
 *
 * Everything goes through this module's own `require`, so under jest (one module registry per
 * test file) we get the registry's copies — the same ones the code under test gets — and under
 * plain node/tsx we get the process-wide copies.
 */
import path from 'node:path'
import type * as Bson from 'bson'
import type * as Protobuf from 'protobufjs/minimal'

/** Repo root: wx-server-sdk is resolved from here unless a caller says otherwise. */
export const REPO_ROOT = path.resolve(__dirname, '..')

export type EJSONApi = typeof Bson.EJSON
export type BSONRegExpClass = typeof Bson.BSONRegExp
export type ProtobufMinimal = typeof Protobuf

/** The part of wx-server-sdk's export object the seam touches. */
export interface WxServerSdk {
  init(config?: Record<string, unknown>): void
  getWXContext: (...args: unknown[]) => Record<string, unknown>
  [key: string]: unknown
}

/** `Db` of @cloudbase/database: only `reqClass` matters here. */
export interface DbClass {
  reqClass: unknown
}

/** Prototype of @cloudbase/node-sdk's CloudBase (methods replaced by the seam). */
export type CloudBasePrototype = Record<string, unknown>

/** A node-sdk module whose `request` export sends HTTP to Tencent. */
export interface HttpRequesterModule {
  request: (args: { params?: { action?: unknown } }) => Promise<unknown>
}

export interface SdkModules {
  wxServerSdk: WxServerSdk
  Db: DbClass
  cloudBasePrototype: CloudBasePrototype
  /** node-sdk's HTTP requesters (CloudBase API, OpenAPI, common OpenAPI). */
  httpRequesters: HttpRequesterModule[]
  EJSON: EJSONApi
  BSONRegExp: BSONRegExpClass
  protobuf: ProtobufMinimal
  paths: { wxServerSdk: string; nodeSdk: string; database: string; bson: string; protobuf: string }
}

function resolveFrom(fromFile: string, request: string): string {
  return require.resolve(request, { paths: [path.dirname(fromFile)] })
}

export type SdkPaths = SdkModules['paths'] & { cloudBase: string; httpRequesters: string[] }

/** Where the chain lives as reached from `root` (resolution only; nothing is loaded). */
export function sdkPaths(root: string = REPO_ROOT): SdkPaths {
  const wxServerSdk = require.resolve('wx-server-sdk', { paths: [root] })
  const nodeSdk = resolveFrom(wxServerSdk, '@cloudbase/node-sdk')
  const database = resolveFrom(nodeSdk, '@cloudbase/database')
  return {
    wxServerSdk,
    nodeSdk,
    database,
    bson: resolveFrom(database, 'bson'),
    protobuf: resolveFrom(wxServerSdk, 'protobufjs/minimal'),
    // CloudBase class lives next to node-sdk's entry (dist/index.js → dist/cloudbase.js).
    cloudBase: path.join(path.dirname(nodeSdk), 'cloudbase.js'),
    httpRequesters: ['tcbapirequester.js', 'tcbopenapirequester.js', 'tcbopenapicommonrequester.js'].map((f) =>
      path.join(path.dirname(nodeSdk), 'utils', f),
    ),
  }
}

/** The bson that @cloudbase/database serializes with (cheap: does not load the SDK). */
export function loadBson(root: string = REPO_ROOT): typeof Bson {
  return require(sdkPaths(root).bson) as typeof Bson
}

/**
 * Loads the SDK chain as reached from `root` (default: the repo root).
 * Throws if the chain is not where the seam expects it, so an SDK upgrade fails loudly.
 */
export function loadSdkModules(root: string = REPO_ROOT): SdkModules {
  const p = sdkPaths(root)
  const wxServerSdk = require(p.wxServerSdk) as WxServerSdk
  const databaseModule = require(p.database) as { Db?: DbClass }
  const bson = require(p.bson) as typeof Bson
  const cloudBaseModule = require(p.cloudBase) as { CloudBase?: { prototype: CloudBasePrototype } }
  const protobuf = require(p.protobuf) as ProtobufMinimal
  const httpRequesters = p.httpRequesters.map((f) => require(f) as Partial<HttpRequesterModule>)

  if (!databaseModule.Db) throw new Error(`local cloud: no Db export in ${p.database}`)
  if (!cloudBaseModule.CloudBase) throw new Error(`local cloud: no CloudBase export in ${p.cloudBase}`)
  if (typeof wxServerSdk.getWXContext !== 'function') throw new Error('local cloud: wx-server-sdk has no getWXContext')
  httpRequesters.forEach((m, i) => {
    if (typeof m.request !== 'function') throw new Error(`local cloud: no request export in ${p.httpRequesters[i]}`)
  })

  return {
    wxServerSdk,
    Db: databaseModule.Db,
    cloudBasePrototype: cloudBaseModule.CloudBase.prototype,
    httpRequesters: httpRequesters as HttpRequesterModule[],
    EJSON: bson.EJSON,
    BSONRegExp: bson.BSONRegExp,
    protobuf,
    paths: p,
  }
}
