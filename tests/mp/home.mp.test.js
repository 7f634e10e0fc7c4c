/**
 * The real home page from the compiled mini-program (dist/), rendered by miniprogram-simulate with
 * WeChat's own template compiler. Needs `npm run build:weapp` first.
 */
const { installWx, mountPage, until } = require('./taro-dist-shim')
const { ME, ok } = require('./fixtures')

describe('home page (compiled weapp)', () => {
  test('greets the person by name, shows role tags with scopes, and a tile opens household binding', async () => {
    // Prepare
    const wx = installWx(async (name, data) => (name === 'org' && data.action === 'me' ? ok(ME) : { ok: false, error: { code: 'UNKNOWN_ACTION', message: '' } }))

    // Act
    const page = mountPage('pages/home/index')
    await until(() => page.dom.textContent.includes('李秀英'))

    // Assess: the one call made was org/me with an empty input
    expect(wx.callFunction).toHaveBeenCalledWith(expect.objectContaining({ name: 'org', data: { action: 'me', input: {} } }))
    const text = page.dom.textContent
    expect(text).toContain('您好，李秀英')
    expect(text).toContain('社区书记 · 幸福里社区')
    expect(text).toContain('审核住户绑定')
    expect(text).toContain('您还没有认证房屋')
    expect(text).not.toContain('社区管理')

    // Act: tap the 房屋认证 tile
    const tile = page.querySelector('#tile-bind')
    expect(tile).toBeTruthy()
    tile.dispatchEvent('tap')
    await until(() => wx.navigateTo.mock.calls.length > 0)

    // Assess
    expect(wx.navigateTo.mock.calls[0][0].url).toBe('/pages/onboarding/bind/index')
  })
})
