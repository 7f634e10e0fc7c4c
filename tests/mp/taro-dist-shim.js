/**
 * Runs a page of Taro's compiled weapp output (dist/) inside miniprogram-simulate.
 *
 * simulate knows custom components only, so `Page(options)` is adapted to `Component(...)`: the page's
 * functions become methods and its lifecycle (onLoad → onShow → onReady) is driven from the
 * component's lifetimes. `App(options)` is captured so the app can be launched first. `wx.cloud` and
 * the navigation APIs are jest mocks the test can inspect.
 */
const path = require('path')
const simulate = require('miniprogram-simulate')

const DIST = path.resolve(__dirname, '../../dist')

let appOptions = null
/** The page being mounted and its query (a subpackage page reads its id from the route). */
let current = { route: 'pages/home/index', query: {} }

function installGlobals() {
  global.App = (options) => {
    appOptions = options
  }
  global.getApp = () => appOptions
  global.requirePlugin = () => ({})
  global.getCurrentPages = () => [{ route: current.route, options: current.query }]
  global.Page = (options) => {
    const methods = {}
    for (const [key, value] of Object.entries(options)) {
      if (typeof value === 'function') methods[key] = value
    }
    return global.Component({
      data: options.data || {},
      methods,
      lifetimes: {
        attached() {
          this.route = current.route
          this.__route__ = this.route
          this.onLoad({ ...current.query })
          this.onShow()
        },
        ready() {
          this.onReady()
        },
      },
    })
  }
}

/** Mocks of the WeChat APIs a page reaches. `callFunction` answers with `reply(name, data)`. */
function installWx(reply) {
  const wx = global.wx
  const callFunction = jest.fn(async ({ name, data }) => ({
    result: await reply(name, data),
    errMsg: 'cloud.callFunction:ok',
  }))
  wx.cloud = { init: jest.fn(), callFunction }
  const ok = (api) =>
    jest.fn((opts = {}) => {
      const res = { errMsg: `${api}:ok` }
      if (opts.success) opts.success(res)
      if (opts.complete) opts.complete(res)
      return Promise.resolve(res)
    })
  wx.navigateTo = ok('navigateTo')
  wx.reLaunch = ok('reLaunch')
  wx.showToast = ok('showToast')
  wx.showModal = ok('showModal')
  return { callFunction, navigateTo: wx.navigateTo }
}

/**
 * Loads dist/app.js, launches the app, then loads and attaches one page (a main-package or a subpackage
 * page, e.g. `packages/grid/pages/event/index` with `{ id: 'e-1' }`). Returns the simulate component.
 */
function mountPage(pagePath, query = {}) {
  current = { route: pagePath, query }
  installGlobals()
  require(path.join(DIST, 'app.js'))
  if (!appOptions) throw new Error('dist/app.js did not call App()')
  if (appOptions.onLaunch) appOptions.onLaunch({ path: pagePath, query })
  if (appOptions.onShow) appOptions.onShow({ path: pagePath, query })
  const id = simulate.load(path.join(DIST, pagePath), { rootPath: DIST })
  const page = simulate.render(id)
  page.attach(document.createElement('parent-wrapper'))
  return page
}

/** Waits until `predicate()` is true (React commits asynchronously), failing after `ms`. */
async function until(predicate, ms = 3000) {
  const start = Date.now()
  while (!predicate()) {
    if (Date.now() - start > ms) throw new Error('condition not met in time')
    await simulate.sleep(20)
  }
}

module.exports = { DIST, installWx, mountPage, until, simulate }
