import { PAGES } from '../../../cloudfunctions/org/waiting/pages'

/** The pages declared in src/app.config.ts (defineAppConfig is a Taro global; here it returns its argument). */
function appPages(): string[] {
  ;(globalThis as unknown as { defineAppConfig: (c: unknown) => unknown }).defineAppConfig = (c) => c
  const app = require('../../../src/app.config').default as {
    pages: string[]
    subPackages: { root: string; pages: string[] }[]
  }
  return [...app.pages, ...app.subPackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))].map((p) => `/${p}`)
}

it('every page a home item or group opens is a page of the mini-program', () => {
  const declared = new Set(appPages())
  const paths = Object.values(PAGES).map((p) => (typeof p === 'function' ? p('x-1') : p).split('?')[0])
  expect(paths.length).toBeGreaterThan(10)
  expect(paths.filter((p) => !declared.has(p))).toEqual([])
})
