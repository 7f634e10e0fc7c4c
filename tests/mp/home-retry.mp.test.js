/**
 * Home page from the compiled mini-program (dist/): a failed org `home` shows a Chinese error with 重试.
 * One page mount per file: the app bundle registers itself once per module registry.
 */
const { installWx, mountPage, until } = require('./taro-dist-shim')
const { ME, ok } = require('./fixtures')

describe('home page (compiled weapp), error state', () => {
  test('shows the server error in Chinese with 重试, and 重试 calls org/home again and shows the pending banner', async () => {
    // Prepare
    let calls = 0
    const pending = {
      ...ME,
      roles: [],
      binding: {
        id: 'b-1',
        householdId: 'h-1',
        address: '幸福里小区 3号楼 501',
        communityId: 'c-xingfu',
        communityName: '幸福里社区',
        status: 'pending',
        method: 'secretary',
        applicantName: '李秀英',
        createdAt: '2025-03-08T06:05:00.000Z',
      },
    }
    const wx = installWx(async () => {
      calls += 1
      return calls === 1 ? { ok: false, error: { code: 'INTERNAL', message: '' } } : ok({ me: pending, sections: [] })
    })

    // Act
    const page = mountPage('pages/home/index')
    await until(() => page.dom.textContent.includes('重试'))

    // Assess: the contract's Chinese text for INTERNAL, since the server sent no message
    expect(page.dom.textContent).toContain('服务暂时不可用，请稍后再试')

    // Act: retry
    page.querySelector('#retry').dispatchEvent('tap')
    await until(() => page.dom.textContent.includes('房屋认证待社区审核'))

    // Assess
    expect(wx.callFunction).toHaveBeenCalledTimes(2)
    expect(page.dom.textContent).toContain('幸福里小区 3号楼 501')
    expect(page.dom.textContent).not.toContain('审核住户绑定')
  })
})
