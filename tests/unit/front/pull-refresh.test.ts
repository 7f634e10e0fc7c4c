import { readdirSync, readFileSync, statSync } from 'fs'
import { join, relative } from 'path'

/**
 * Pull-to-refresh on every page that lists or shows things other people change (issue 13 §4): the
 * page config turns it on, and every query of the page reloads (hooks/useCloud). Only forms and
 * one-off screens are without it — a new page has it unless it is named here.
 */
const ROOT = join(__dirname, '../../..')
const WITHOUT = [
  'pages/identity',
  'pages/me',
  'pages/onboarding/bind',
  'pages/onboarding/bootstrap',
  'pages/onboarding/liaison',
  'pages/onboarding/redeem',
  'packages/council/pages/propose',
  'packages/council/pages/meeting-edit',
  'packages/council/pages/vote-open',
  'packages/grid/pages/report',
  'packages/joint/pages/convene',
  'packages/property/pages/rate',
  'pages/privacy',
  'packages/service/pages/member',
  'packages/service/pages/need',
]

function configs(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? configs(p) : f === 'index.config.ts' ? [p] : []
  })
}

describe('pull to refresh', () => {
  const pages = configs(join(ROOT, 'src')).map((f) => ({
    page: relative(join(ROOT, 'src'), f).replace(/\/index\.config\.ts$/, ''),
    text: readFileSync(f, 'utf8'),
  }))

  it('finds the pages', () => {
    expect(pages.length).toBeGreaterThan(40)
  })

  it.each(pages.filter((p) => !WITHOUT.includes(p.page)).map((p) => [p.page, p.text]))(
    'is on for %s',
    (_page, text) => {
      expect(text).toMatch(/enablePullDownRefresh:\s*true/)
    },
  )

  it('names only pages that exist among those without it', () => {
    expect(WITHOUT.filter((w) => !pages.some((p) => p.page === w))).toEqual([])
  })
})
