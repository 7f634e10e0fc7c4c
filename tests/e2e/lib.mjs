// Shared e2e plumbing: a local cloud on a temp data dir, Debian Chromium through playwright-core,
// screenshots into tests/e2e/screenshots/, and a tiny runner that prints "N passed, N failed".
import { spawn } from 'child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs'
import { tmpdir } from 'os'
import { join, resolve } from 'path'
import { chromium } from 'playwright-core'

export const ROOT = resolve(new URL('../..', import.meta.url).pathname)
export const SHOTS = join(ROOT, 'tests/e2e/screenshots')

/** The server's clock offset lives here (tests/e2e/clock-hook.mjs reads it); one per run. */
const CLOCK_FILE = join(tmpdir(), `tx-e2e-clock-${process.pid}`)

/** Move the local cloud's clock `ms` ahead of real time (0 puts it back), e.g. past an objection window. */
export function setClockOffset(ms) {
  if (ms) writeFileSync(CLOCK_FILE, String(ms))
  else rmSync(CLOCK_FILE, { force: true })
}

/** The browser's time zone in the journeys (Beijing time must show whatever it is). */
export const E2E_TIMEZONE = process.env.E2E_TZ ?? 'America/New_York'

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** Start `local/server.ts` on a free port with a fresh data dir; resolves when it answers. */
export async function startServer() {
  const dataDir = mkdtempSync(join(tmpdir(), 'tx-e2e-'))
  const port = 8800 + Math.floor(Math.random() * 900)
  setClockOffset(0)
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--import', './tests/e2e/clock-hook.mjs', 'local/server.ts'],
    {
      cwd: ROOT,
      // Timers off: the journeys press 计票 themselves (tests/integration/timers.test.ts covers the triggers).
      env: {
        ...process.env,
        PORT: String(port),
        DATA_DIR: dataDir,
        TX_QUIET: '1',
        TIMER_SECONDS: '0',
        E2E_CLOCK_FILE: CLOCK_FILE,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let log = ''
  child.stdout.on('data', (d) => (log += d))
  child.stderr.on('data', (d) => (log += d))
  const base = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${log}`)
    try {
      if ((await fetch(`${base}/cloud/_contract`)).ok) break
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not start: ${log}`)
    await new Promise((r) => setTimeout(r, 200))
  }
  return {
    base,
    async stop() {
      child.kill('SIGTERM')
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)))
      rmSync(dataDir, { recursive: true, force: true })
      setClockOffset(0)
    },
  }
}

export async function launch() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  })
  // Phone-sized, touch: Taro's form buttons submit on touchend. The device is NOT in China's zone, so
  // a screen that shows the device's local time instead of Beijing time (services/time) shows it wrong.
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    hasTouch: true,
    isMobile: true,
    locale: 'zh-CN',
    timezoneId: E2E_TIMEZONE,
  })
  return { browser, context }
}

/**
 * Screenshot of the page on screen, whole: Taro pages scroll inside their own element, so the
 * viewport grows to the page's height for the shot. Waits out the page-slide transition first.
 */
export async function shot(page, name) {
  mkdirSync(SHOTS, { recursive: true })
  await page.waitForTimeout(500)
  const size = page.viewportSize()
  const h = await page.evaluate(() => {
    const p = [...document.querySelectorAll('.taro_page')].find((e) => getComputedStyle(e).display !== 'none')
    return p ? p.scrollHeight : document.body.scrollHeight
  })
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, Math.min(h, 4000)) })
  await page.waitForTimeout(200)
  await page.screenshot({ path: join(SHOTS, `${name}.png`) })
  await page.setViewportSize(size)
}

/** Run named journeys in order; each gets a fresh page; failures are printed with a screenshot. */
export async function runJourneys(journeys, ctx) {
  let passed = 0
  let failed = 0
  for (const [name, fn] of journeys) {
    const page = await ctx.context.newPage()
    const errors = []
    page.on('pageerror', (e) => errors.push(String(e)))
    const started = Date.now()
    try {
      await fn(page, ctx)
      if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`)
      passed++
      console.log(`  ✓ ${name} (${Date.now() - started} ms)`)
    } catch (e) {
      failed++
      console.log(
        `  ✗ ${name}\n    ${String(e?.stack ?? e)
          .split('\n')
          .slice(0, 14)
          .join('\n    ')}`,
      )
      await shot(page, `FAILED-${name.replace(/\W+/g, '-')}`).catch(() => undefined)
    } finally {
      await page.close()
    }
  }
  return { passed, failed }
}

/** Taro H5 keeps hidden pages in the DOM: scope selectors to the page on screen. */
export const visible = (page, sel) =>
  page.locator(`.taro_page:not([style*="display: none"]):not(.taro_page_shade) ${sel}`).first()

/** Act as a demo person: pick them on the 身份切换 page, wait for home. */
export async function setIdentity(page, base, openid) {
  // A full load, not a hash change: a same-document navigation keeps the old page stack (and its
  // slide transition) in the DOM, where a slow machine can leave the card never "stable" to click.
  await page.goto('about:blank')
  await page.goto(`${base}/#/pages/identity/index`)
  await visible(page, `#identity-${openid}`).waitFor()
  await visible(page, `#identity-${openid}`).click()
  await visible(page, '#greeting').waitFor({ timeout: 15_000 })
}

/** Choose `text` in the option sheet of field #fieldId (tap the field, then the first row showing that text). */
export async function pick(page, fieldId, text) {
  await visible(page, `#${fieldId} .tx-field__picker:not(.tx-field__picker--disabled)`).click()
  const sheet = visible(page, `#${fieldId} .tx-sheet`)
  await sheet.waitFor()
  if (!text) {
    await sheet.locator('.tx-sheet__close').click()
    await sheet.waitFor({ state: 'detached' })
    return
  }
  const option = sheet.locator('.tx-sheet__option', { hasText: text }).first()
  if (!(await option.count())) throw new Error(`picker ${fieldId} has no option ${text}`)
  await option.click()
  await sheet.waitFor({ state: 'detached' })
  const shown = await visible(page, `#${fieldId} .tx-field__picker-text`).textContent()
  if (!shown?.includes(text)) throw new Error(`picker ${fieldId} shows "${shown}" after choosing ${text}`)
}

/** Wait until the page on screen shows `text`. */
export async function see(page, text, timeout = 15_000) {
  // Visible matches only: a page further down the stack (e.g. home's 待办) can hold the same words.
  await page
    .locator('.taro_page:not([style*="display: none"]):not(.taro_page_shade)')
    .getByText(text, { exact: false })
    .filter({ visible: true })
    .first()
    .waitFor({ timeout })
}

/** Adds a real JPEG (a screenshot of the page itself) through the photo picker and waits for its thumbnail. */
export async function attachPhoto(page, name) {
  const buffer = await page.screenshot({ type: 'jpeg', quality: 40, clip: { x: 0, y: 0, width: 200, height: 200 } })
  const picker = visible(page, '.tx-photo-picker')
  const before = await picker.locator('.tx-photos__img').count()
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), visible(page, '#add-photo').tap()])
  await chooser.setFiles({ name, mimeType: 'image/jpeg', buffer })
  await picker.locator('.tx-photos__img').nth(before).waitFor({ timeout: 15_000 })
}

/**
 * Taps `button` and checks what the export function answered: a link to an .xlsx under
 * exports/<folder>/ that downloads as a workbook (a zip, "PK"). Answers the envelope's data.
 */
export async function exportedWorkbook(page, base, action, folder, button) {
  const [res] = await Promise.all([
    page.waitForResponse(
      (r) => r.url().endsWith('/cloud/export') && (r.request().postData() ?? '').includes(`"${action}"`),
    ),
    button.click(),
  ])
  const answer = await res.json()
  if (!answer.ok || !new RegExp(`/local/files/exports/${folder}/.+\\.xlsx$`).test(answer.data.url))
    throw new Error(`${action}: ${JSON.stringify(answer)}`)
  const file = await page.request.get(
    answer.data.url.startsWith('http') ? answer.data.url : `${base}${answer.data.url}`,
  )
  const body = await file.body()
  if (!file.ok() || body.length < 1000 || body.subarray(0, 2).toString() !== 'PK')
    throw new Error(`${action} file: ${file.status()}, ${body.length} bytes`)
  return answer.data
}

/** A journey on a server of its own (a fresh demo world), for one that changes what others rely on. */
export async function ownServer(fn) {
  const server = await startServer()
  try {
    await fn(server.base)
  } finally {
    await server.stop()
  }
}

/** People not on the 身份切换 list: set the H5 identity directly, then open `path`. */
export async function asPerson(page, base, openid, path) {
  await page.goto(`${base}/#/pages/home/index`)
  await page.evaluate((id) => localStorage.setItem('tx.identity', JSON.stringify({ data: id })), openid)
  await page.goto(`${base}${path}`)
  await page.reload()
}

/** Calls a function action as `openid` through the local cloud's HTTP wire (setting up or reading what a journey needs). */
export async function api(page, base, openid, fn, action, input) {
  const res = await page.request.post(`${base}/cloud/${fn}`, {
    headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
    data: { action, input },
  })
  const body = await res.json()
  if (!body.ok) throw new Error(`${fn}.${action} as ${openid}: ${body.error.code} ${body.error.message}`)
  return body.data
}
