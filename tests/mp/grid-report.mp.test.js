/**
 * The grid subpackage's 上报网格事件 page from the compiled mini-program (dist/): the shared Chips
 * choose one category by tap, and the chosen chip carries a tick besides its colour.
 * Needs `npm run build:weapp` first.
 */
const { installWx, mountPage, until } = require('./taro-dist-shim')
const { ME, ok } = require('./fixtures')

/** A verified resident of 幸福里社区. */
const RESIDENT = {
  ...ME,
  roles: [
    {
      role: 'resident',
      scopeType: 'household',
      scopeId: 'h-1',
      scopeName: '幸福里小区 3号楼 501',
      communityId: 'c-xingfu',
    },
  ],
}
const none = { items: [], total: 0, page: 1, pageSize: 20 }

describe('grid report (compiled weapp, grid subpackage)', () => {
  test('a tap on a category chip chooses it with a tick; a tap on another moves the choice', async () => {
    // Prepare
    installWx(async (name, data) => {
      if (name === 'org' && data.action === 'me') return ok(RESIDENT)
      if (name === 'org' && (data.action === 'grid.list' || data.action === 'estate.list')) return ok(none)
      return { ok: false, error: { code: 'UNKNOWN_ACTION', message: '' } }
    })
    const page = mountPage('packages/grid/pages/report/index')
    await until(() => !!page.querySelector('#cat-facility'))
    const chip = (id) => page.querySelector(`#${id}`).dom
    const chosen = (id) => chip(id).className.includes('tx-chip--on')

    // Assess: nothing chosen yet, no tick; urgency starts at 一般
    expect(chosen('cat-facility')).toBe(false)
    expect(chip('cat-facility').textContent).not.toContain('✓')
    expect(chosen('urg-normal')).toBe(true)
    expect(chip('urg-normal').textContent).toContain('✓')

    // Act
    page.querySelector('#cat-facility').dispatchEvent('tap')
    await until(() => chosen('cat-facility'))

    // Assess: chosen with a tick
    expect(chip('cat-facility').textContent).toContain('✓')
    expect(chosen('cat-safety')).toBe(false)

    // Act: another category
    page.querySelector('#cat-safety').dispatchEvent('tap')
    await until(() => chosen('cat-safety'))

    // Assess: the choice moved, the tick with it
    expect(chosen('cat-facility')).toBe(false)
    expect(chip('cat-facility').textContent).not.toContain('✓')
    expect(chip('cat-safety').textContent).toContain('✓')
  })
})
