/**
 * The one place that touches wx-server-sdk. A plain require keeps the module object itself
 * (not an interop copy), so the platform's getWXContext — or the local runtime's — is the one called.
 */
import type { Database } from './db-types'
// eslint-disable-next-line @typescript-eslint/no-require-imports
const cloud: typeof import('wx-server-sdk') = require('wx-server-sdk')

let initialised = false
export function sdk(): typeof import('wx-server-sdk') {
  if (!initialised) {
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
    initialised = true
  }
  return cloud
}

export type { Database }
/** The SDK's own typings allow callback-style `void` results; we only ever use promises. */
export const database = (): Database => sdk().database() as unknown as Database
