/**
 * The real home page from the compiled mini-program (dist/), rendered by miniprogram-simulate with
 * WeChat's own template compiler. Needs `npm run build:weapp` first.
 */
const { installWx, mountPage, until } = require('./taro-dist-shim')
const { HOME, ok } = require('./fixtures')

describe('home page (compiled weapp)', () => {
  test('greets the person, shows what waits per role with counts, a tap on an item opens its page, and 常用功能 stay below', async () => {
    // Prepare
    const wx = installWx(async (name, data) =>
      name === 'org' && data.action === 'home'
        ? ok(HOME)
        : { ok: false, error: { code: 'UNKNOWN_ACTION', message: '' } },
    )

    // Act
    const page = mountPage('pages/home/index')
    await until(() => page.dom.textContent.includes('李秀英'))

    // Assess: the one call made was org/home with an empty input
    expect(wx.callFunction).toHaveBeenCalledTimes(1)
    expect(wx.callFunction).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'org', data: { action: 'home', input: {} } }),
    )
    const text = page.dom.textContent
    expect(text).toContain('您好，李秀英')
    expect(text).toContain('社区书记 · 幸福里社区')
    expect(text).toContain('住户认证待审核')
    expect(text).toContain('1 项')
    expect(text).toContain('幸福里小区 2号楼 301')
    expect(text).toContain('暂时没有要您处理的事项')
    expect(text).not.toContain('议题待受理')
    expect(text).toContain('常用功能')
    expect(text).toContain('审核住户绑定')
    expect(text).toContain('您还没有认证房屋')
    expect(text).not.toContain('社区管理')

    // Act: tap the waiting binding
    page.querySelector('#home-item-bind-1').dispatchEvent('tap')
    await until(() => wx.navigateTo.mock.calls.length > 0)
    expect(wx.navigateTo.mock.calls[0][0].url).toBe('/packages/admin/pages/bindings/index')

    // Act: tap the 房屋认证 tile
    const tile = page.querySelector('#tile-bind')
    expect(tile).toBeTruthy()
    tile.dispatchEvent('tap')
    await until(() => wx.navigateTo.mock.calls.length > 1)

    // Assess
    expect(wx.navigateTo.mock.calls[1][0].url).toBe('/pages/onboarding/bind/index')
  })
})
