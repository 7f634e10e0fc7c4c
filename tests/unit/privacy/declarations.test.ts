/**
 * app.json declares only what the code uses (issue 12 §6): every private location API the front end
 * calls is in requiredPrivateInfos, and nothing else is; a permission is described only for a scope in use.
 */
import fs from 'fs'
import path from 'path'

/** WeChat's APIs that must be listed in requiredPrivateInfos. */
const PRIVATE_APIS = [
  'getLocation',
  'getFuzzyLocation',
  'onLocationChange',
  'startLocationUpdate',
  'startLocationUpdateBackground',
  'chooseLocation',
  'choosePoi',
  'chooseAddress',
] as const
const LOCATION_APIS = new Set<string>(PRIVATE_APIS.filter((a) => a !== 'chooseAddress'))
const SRC = path.join(__dirname, '../../../src')

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    return e.isDirectory() ? sources(p) : /\.(ts|tsx)$/.test(e.name) ? [p] : []
  })
}

function appConfig() {
  ;(globalThis as unknown as { defineAppConfig: (c: unknown) => unknown }).defineAppConfig = (c) => c
  return require('../../../src/app.config').default as {
    requiredPrivateInfos?: string[]
    permission?: Record<string, unknown>
    __usePrivacyCheck__?: boolean
  }
}

it('declares exactly the private APIs the front end calls', () => {
  const used = new Set<string>()
  for (const f of sources(SRC)) {
    const text = fs.readFileSync(f, 'utf8')
    for (const api of PRIVATE_APIS) if (new RegExp(`Taro\\.${api}\\(`).test(text)) used.add(api)
  }
  expect(used.size).toBeGreaterThan(0)
  const app = appConfig()
  expect([...(app.requiredPrivateInfos ?? [])].sort()).toEqual([...used].sort())
  // The location permission is described only because a location API is used.
  const usesLocation = [...used].some((a) => LOCATION_APIS.has(a))
  expect(Object.keys(app.permission ?? {})).toEqual(usesLocation ? ['scope.userLocation'] : [])
  expect(app.__usePrivacyCheck__).toBe(true)
})

it('declares the privacy guide as a page of the main package (linked from 我的 and 房屋认证)', () => {
  const app = appConfig() as unknown as { pages: string[] }
  expect(app.pages).toContain('pages/privacy/index')
  for (const page of ['pages/me/index.tsx', 'pages/onboarding/bind/index.tsx']) {
    expect(fs.readFileSync(path.join(SRC, page), 'utf8')).toMatch(/go\(ROUTES\.privacy\)/)
  }
})
