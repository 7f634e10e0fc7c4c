// Readability of every page for older residents (issue 13 §3), in the H5 build: each page of
// src/app.config.ts is opened as a demo person it is meant for, and on the page on screen
//   - every visible text (and every input) is at least 32 design px (32rpx);
//   - every element with a tap listener (and every input) is at least 88 design px (88rpx) tall;
//   - every text has at least 4.5:1 contrast against the background it is drawn on;
//   - a chosen option (a class ending in --on) is marked by more than colour: a ✓ or a filled ★, or a
//     bolder weight than its unchosen siblings.
// Taro H5 writes design px as rem with 1 rem = 40 design px and sets the root font size from the
// window width (width / 750 × 40): at the 390 px e2e viewport 20.8 px, so the minima are 16.64 CSS px
// of text and 45.76 CSS px of height. They are measured against the root size in force on the page
// (a page laid out at 375 px — e.g. while a scrollbar takes 15 px — has 16 px and 44 px, still 32rpx).
// A visit that lands on an error state fails too. Offenders are reported with page, selector and
// measure. Pages not named in PLAN are still opened (as the default person of their package), so a new
// page cannot be missed.
import { readFileSync, writeFileSync, mkdirSync } from 'fs'
import { join } from 'path'
import { ROOT, SHOTS, setIdentity, shot, visible } from './lib.mjs'

/** The minima in design px (rpx); at 390 px wide: 16.64 and 45.76 CSS px. */
export const MIN_FONT = 32
export const MIN_TAP = 88
const MIN_CONTRAST = 4.5

/** The pages of the mini-program, read from src/app.config.ts (plain object syntax inside defineAppConfig). */
export function appPages() {
  const src = readFileSync(join(ROOT, 'src/app.config.ts'), 'utf8')
  const body = src.slice(src.indexOf('defineAppConfig(') + 'defineAppConfig('.length, src.lastIndexOf(')'))
  const app = new Function(`return (${body})`)()
  return [...app.pages, ...app.subPackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))]
}

const P = {
  sec: 'o-sec-hx',
  admin: 'o-street-admin',
  liu: 'o-res-liu',
  zhang: 'o-res-zhang',
  zhou: 'o-new-zhou',
  member: 'o-member-sun',
  liaison: 'o-liaison-wu',
  prop: 'o-prop-zheng',
  qian: 'o-prop-qian',
  grid: 'o-grid-huang',
}

/** Who opens a page (and with which query), where the package default is not the right person. */
const PLAN = {
  'pages/home/index': [P.sec, P.admin, P.liu, P.member, P.prop, P.grid, P.liaison, P.zhou].map((who) => ({ who })),
  'pages/me/index': [{ who: P.liu }, { who: P.grid }],
  'pages/identity/index': [{ who: P.liu }],
  'pages/onboarding/bind/index': [{ who: P.zhou }],
  'pages/onboarding/redeem/index': [{ who: P.zhou }],
  'pages/onboarding/liaison/index': [{ who: P.zhou }],
  'pages/onboarding/bootstrap/index': [{ who: P.zhou }],
  'packages/admin/pages/communities/index': [{ who: P.admin }, { who: P.sec }],
  'packages/admin/pages/invitations/index': [{ who: P.admin }],
  'packages/admin/pages/people/index': [{ who: P.admin }, { who: P.sec }],
  'packages/admin/pages/household/index': [{ who: P.sec, query: 'id=h-hx-1-1-101' }],
  'packages/admin/pages/audit/index': [{ who: P.admin }],
  'packages/admin/pages/outbox/index': [{ who: P.sec }],
  'pages/privacy/index': [{ who: P.zhou }],
  'packages/service/pages/member/index': [{ who: P.member }],
  'packages/service/pages/unit/index': [{ who: P.liaison }],
  'packages/service/pages/activities/index': [{ who: P.member }, { who: P.sec }],
  'packages/service/pages/activity/index': [
    { who: P.member, query: 'id=act-hx-live' },
    { who: P.sec, query: 'id=act-hx-past' },
  ],
  'packages/service/pages/wishes/index': [{ who: P.zhang }, { who: P.member }],
  'packages/service/pages/ledger/index': [{ who: P.member }],
  'packages/service/pages/care/index': [{ who: P.sec }, { who: P.grid }, { who: P.liu }],
  'packages/service/pages/need/index': [{ who: P.sec, query: 'id=need-hx-1' }],
  'packages/property/pages/company/index': [{ who: P.liu, query: 'id=co-2' }],
  'packages/property/pages/staff/index': [{ who: P.qian }],
  'packages/property/pages/assess/index': [{ who: P.sec }],
  'packages/property/pages/street/index': [{ who: P.admin }],
  'packages/property/pages/coverage/index': [{ who: P.admin }],
  'packages/council/pages/index/index': [{ who: P.liu }, { who: P.sec }],
  'packages/council/pages/topic/index': [
    { who: P.liu, query: 'id=topic-parking' },
    { who: P.sec, query: 'id=topic-elevator' },
  ],
  'packages/council/pages/propose/index': [{ who: P.liu, query: 'communityId=c-hx' }],
  'packages/council/pages/meeting/index': [
    { who: P.sec, query: 'id=meet-parking' },
    { who: P.liu, query: 'id=meet-winter' },
  ],
  'packages/council/pages/meeting-edit/index': [{ who: P.sec, query: 'communityId=c-hx' }],
  'packages/council/pages/vote/index': [{ who: P.liu, query: 'id=vote-parking' }],
  'packages/council/pages/vote-open/index': [{ who: P.sec, query: 'meetingId=meet-winter&itemId=item-1' }],
  'packages/council/pages/resolution/index': [{ who: P.liu, query: 'id=res%3Ameet-parking%3Aitem-1' }],
  'packages/council/pages/roll/index': [{ who: P.sec, query: 'id=meet-parking' }],
  'packages/council/pages/inbox/index': [{ who: P.prop }],
  'packages/grid/pages/event/index': [
    { who: P.sec, query: 'id=gev-hx-3' },
    { who: P.prop, query: 'id=gev-hx-2' },
  ],
  'packages/grid/pages/inbox/index': [{ who: P.prop }],
  'packages/grid/pages/staff/index': [{ who: P.sec }, { who: P.liu }],
  'packages/grid/pages/buildings/index': [{ who: 'o-bl-hx-1' }],
  'packages/grid/pages/overdue/index': [{ who: P.admin }],
  'packages/grid/pages/stats/index': [{ who: P.sec }],
  'packages/mine/pages/data/index': [{ who: P.liu }, { who: P.member }, { who: P.sec }],
  'packages/mine/pages/section/index': [
    { who: P.liu, query: 'key=bindings' },
    { who: P.member, query: 'key=checkins' },
  ],
  'packages/grid/pages/map/index': [{ who: P.sec }, { who: P.grid }],
  'packages/grid/pages/workers/index': [{ who: P.sec }],
  'packages/joint/pages/committee/index': [{ who: P.liu }, { who: P.sec }, { who: P.admin }],
  'packages/joint/pages/meetings/index': [{ who: P.sec }, { who: P.liu }],
  'packages/joint/pages/convene/index': [{ who: P.sec }],
  'packages/joint/pages/meeting/index': [
    { who: P.sec, query: 'id=jm-hx-2026-11' },
    { who: P.liu, query: 'id=jm-hx-2026-11' },
  ],
  'packages/joint/pages/commitments/index': [{ who: P.liaison }, { who: P.prop }],
}

/** The person a page is opened as when PLAN does not name it. */
const DEFAULT_BY_PACKAGE = { admin: P.sec, service: P.sec, property: P.liu, council: P.liu, grid: P.grid, mine: P.liu }
const visitsOf = (path) => PLAN[path] ?? [{ who: DEFAULT_BY_PACKAGE[path.split('/')[1]] ?? P.liu }]

/** Runs in the page: measures the page on screen and returns the offenders. */
export function measure({ minFont: minFontDesign, minTap: minTapDesign, minContrast }) {
  const root = [...document.querySelectorAll('.taro_page')].find((e) => getComputedStyle(e).display !== 'none')
  if (!root) return [{ rule: 'page', at: 'no page on screen', value: '' }]
  // CSS px per design px on this page (Taro H5: 1 rem = 40 design px).
  const unit = parseFloat(getComputedStyle(document.documentElement).fontSize) / 40
  const minFont = minFontDesign * unit
  const minTap = minTapDesign * unit
  const design = (cssPx) => `${cssPx.toFixed(2)}px = ${(cssPx / unit).toFixed(1)} design px`
  const out = []
  // An error state instead of the page means the visit measured nothing of the page itself.
  const failed = root.querySelector('.tx-error__text')
  if (failed && failed.getBoundingClientRect().height > 0)
    out.push({ rule: 'state', at: 'the page showed an error', value: failed.textContent })
  const shown = (el) => {
    const r = el.getBoundingClientRect()
    if (r.width < 1 || r.height < 1) return false
    for (let e = el; e && e !== root.parentElement; e = e.parentElement) {
      const s = getComputedStyle(e)
      if (s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) === 0) return false
    }
    return true
  }
  const selector = (el) => {
    const part = (e) =>
      `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${[...e.classList]
        .slice(0, 2)
        .map((c) => `.${c}`)
        .join('')}`
    const chain = []
    for (let e = el; e && e !== root && chain.length < 3; e = e.parentElement) {
      chain.unshift(part(e))
      if (e.id) break
    }
    return chain.join(' > ')
  }
  const text = (el) =>
    [...el.childNodes]
      .filter((n) => n.nodeType === 3)
      .map((n) => n.textContent)
      .join('')
      .trim()

  // Colours: parse rgb(a), blend over what is behind.
  const rgba = (c) => {
    const m = /rgba?\(([^)]+)\)/.exec(c)
    if (!m) return null
    const [r, g, b, a = 1] = m[1]
      .split(/[ ,/]+/)
      .filter(Boolean)
      .map(Number)
    return [r, g, b, a]
  }
  const over = (top, under) =>
    top[3] >= 1 ? top : [0, 1, 2].map((i) => top[i] * top[3] + under[i] * (1 - top[3])).concat(1)
  const background = (el) => {
    const layers = []
    for (let e = el; e; e = e.parentElement) {
      const s = getComputedStyle(e)
      const grad = /gradient\((.*)\)/.exec(s.backgroundImage)
      if (grad) {
        const first = rgba((/rgba?\([^)]+\)/.exec(grad[1]) || [''])[0])
        if (first) layers.push(first)
      }
      const bg = rgba(s.backgroundColor)
      if (bg && bg[3] > 0) layers.push(bg)
      if (layers.length && layers[layers.length - 1][3] >= 1) break
    }
    let c = [255, 255, 255, 1]
    for (const l of layers.reverse()) c = over(l, c)
    return c
  }
  const lum = (c) => {
    const f = (v) => {
      v /= 255
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
    }
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2])
  }
  const contrast = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p)
    return (x + 0.05) / (y + 0.05)
  }

  for (const el of root.querySelectorAll('*')) {
    const t = text(el)
    const field = el.tagName === 'INPUT' || el.tagName === 'TEXTAREA'
    if ((!t && !field) || !shown(el)) continue
    const s = getComputedStyle(el)
    const size = parseFloat(s.fontSize)
    if (size < minFont - 0.05)
      out.push({ rule: 'font', at: selector(el), value: design(size), text: (t || el.placeholder || '').slice(0, 20) })
    if (t) {
      const bg = background(el)
      const fg = over(rgba(s.color), bg)
      const ratio = contrast(fg, bg)
      if (ratio < minContrast)
        out.push({
          rule: 'contrast',
          at: selector(el),
          value: `${ratio.toFixed(2)}:1 (${s.color} on rgb(${bg.slice(0, 3).map(Math.round).join(',')}))`,
          text: t.slice(0, 20),
        })
    }
  }

  // Tappable: every element with a tap listener (Taro H5 keeps a component's listeners in el.__events), and inputs.
  const TAPS = ['click', 'tap', 'touchstart', 'touchend', 'longpress']
  for (const el of root.querySelectorAll('*')) {
    const tappable =
      Object.keys(el.__events || {}).some((k) => TAPS.includes(k)) ||
      el.tagName === 'INPUT' ||
      el.tagName === 'TEXTAREA'
    if (!tappable || !shown(el)) continue
    // A backdrop that closes a sheet covers the screen: not a target to measure.
    if (el.classList.contains('tx-sheet__mask')) continue
    const h = el.getBoundingClientRect().height
    if (h < minTap - 0.5)
      out.push({
        rule: 'tap',
        at: selector(el),
        value: `${design(h)} tall`,
        text: (el.textContent || el.placeholder || '').trim().slice(0, 20),
      })
  }

  // A choice shown by more than colour.
  for (const el of root.querySelectorAll('[class*="--on"]')) {
    if (!shown(el)) continue
    const on = [...el.classList].find((c) => c.endsWith('--on'))
    const base = on.slice(0, -4)
    if (/[✓★]/.test(el.textContent)) continue
    const weight = (e) => Number(getComputedStyle(e).fontWeight) || 400
    const peers = [...el.parentElement.children].filter(
      (e) => e !== el && e.classList.contains(base) && !e.classList.contains(on),
    )
    if (peers.length && weight(el) >= 600 && peers.every((e) => weight(e) < 600)) continue
    out.push({
      rule: 'selection',
      at: selector(el),
      value: 'chosen only by colour',
      text: el.textContent.trim().slice(0, 20),
    })
  }
  return out
}

/** Opens path?query as `who` with a fresh load, and waits for its content (no spinner). */
async function open(page, base, path, query) {
  await page.goto('about:blank')
  await page.goto(`${base}/#/${path}${query ? `?${query}` : ''}`)
  await visible(page, '.tx-page').waitFor({ timeout: 20_000 })
  await page.waitForFunction(
    () => {
      const root = [...document.querySelectorAll('.taro_page')].find((e) => getComputedStyle(e).display !== 'none')
      return root && !root.querySelector('.tx-loading') && !root.querySelector('.tx-btn__spinner')
    },
    null,
    { timeout: 20_000 },
  )
  await page.waitForTimeout(300)
}

const LIMITS = { minFont: MIN_FONT, minTap: MIN_TAP, minContrast: MIN_CONTRAST }

function report(name, offenders) {
  mkdirSync(SHOTS, { recursive: true })
  writeFileSync(join(SHOTS, `${name}.json`), JSON.stringify(offenders, null, 2))
  if (!offenders.length) return
  const lines = offenders
    .slice(0, 40)
    .map((o) => `${o.page} · ${o.rule} · ${o.at} · ${o.value}${o.text ? ` · “${o.text}”` : ''}`)
  throw new Error(
    `${offenders.length} below the minima (all in tests/e2e/screenshots/${name}.json):\n      ${lines.join('\n      ')}`,
  )
}

export const journeys = [
  [
    'every page of app.config.ts, as its people: text ≥ 32rpx, taps ≥ 88rpx, contrast ≥ 4.5:1, choices not by colour alone',
    async (page, { base }) => {
      const pages = appPages()
      if (pages.length < 40) throw new Error(`only ${pages.length} pages read from app.config.ts`)
      const offenders = []
      let who = ''
      let visits = 0
      for (const path of pages) {
        for (const v of visitsOf(path)) {
          if (v.who !== who) {
            await setIdentity(page, base, v.who)
            who = v.who
          }
          await open(page, base, path, v.query)
          const at = `${path}${v.query ? `?${v.query}` : ''} (${v.who})`
          for (const o of await page.evaluate(measure, LIMITS)) offenders.push({ page: at, ...o })
          visits++
        }
      }
      console.log(`    ${pages.length} pages, ${visits} visits`)
      report('a11y-pages', offenders)
    },
  ],
  [
    'the pop-ups: the option sheet (rows 96rpx, a tick) and the date wheel (readable text, full-height 取消/确定)',
    async (page, { base }) => {
      const offenders = []
      await setIdentity(page, base, P.zhou)
      await open(page, base, 'pages/onboarding/bind/index')
      await visible(page, '#bind-community .tx-field__picker').click()
      await visible(page, '.tx-sheet__option').waitFor()
      await shot(page, 'a11y-option-sheet')
      for (const o of await page.evaluate(measure, LIMITS))
        offenders.push({ page: 'option sheet (bind-community)', ...o })

      await setIdentity(page, base, P.zhang)
      await open(page, base, 'packages/service/pages/wishes/index')
      await page
        .locator('.taro_page:not([style*="display: none"]):not(.taro_page_shade) .tx-field', {
          hasText: '希望在此日期前实现',
        })
        .locator('.tx-field__picker')
        .click()
      const wheel = page.locator('.weui-picker:visible').last()
      await wheel.waitFor()
      await page.waitForTimeout(500)
      await shot(page, 'a11y-date-wheel')
      const wheelOffenders = await wheel.evaluate((el, limits) => {
        const unit = parseFloat(getComputedStyle(document.documentElement).fontSize) / 40
        const minFont = limits.minFont * unit
        const minTap = limits.minTap * unit
        const out = []
        for (const a of el.querySelectorAll('.weui-picker__action')) {
          const h = a.getBoundingClientRect().height
          const f = parseFloat(getComputedStyle(a).fontSize)
          if (h < minTap - 0.5)
            out.push({ rule: 'tap', at: `.weui-picker__action “${a.textContent}”`, value: `${h.toFixed(1)}px tall` })
          if (f < minFont - 0.05)
            out.push({ rule: 'font', at: `.weui-picker__action “${a.textContent}”`, value: `${f}px` })
        }
        // The wheel's rows are a fixed 34 CSS px (Taro's picker computes positions with it): they are
        // dragged, so only their text is held to the minimum.
        for (const i of [...el.querySelectorAll('.weui-picker__item')].slice(0, 5)) {
          const f = parseFloat(getComputedStyle(i).fontSize)
          if (f < minFont - 0.05)
            out.push({ rule: 'font', at: `.weui-picker__item “${i.textContent}”`, value: `${f}px` })
        }
        return out
      }, LIMITS)
      for (const o of wheelOffenders) offenders.push({ page: 'date wheel (wishes)', ...o })
      await wheel.locator('.weui-picker__action', { hasText: '取消' }).tap()
      report('a11y-popups', offenders)
    },
  ],
]
