/**
 * The council subpackage's 我的议事事项 page from the compiled mini-program (dist/): the shared
 * Segmented switches between its two tabs, and the shared Pager asks the function for page 2.
 * Needs `npm run build:weapp` first.
 */
const { installWx, mountPage, until } = require('./taro-dist-shim')
const { ME, ok } = require('./fixtures')

/** 25 meeting invitations in all; each page answers with the meetings of the page asked for. */
const invitations = ({ page, pageSize }) => ({
  items: Array.from({ length: Math.min(pageSize, 25 - (page - 1) * pageSize) }, (_, i) => {
    const n = (page - 1) * pageSize + i + 1
    return {
      id: `m-${n}`,
      title: `第 ${n} 次议事会`,
      startsAt: '2025-03-08T06:00:00.000Z',
      online: false,
      place: '社区会议室',
    }
  }),
  total: 25,
  page,
  pageSize,
})

function reply(name, data) {
  if (name === 'org' && data.action === 'me') return ok(ME)
  if (name === 'council' && data.action === 'resolution.inbox')
    return ok({ items: [], total: 0, page: 1, pageSize: 10 })
  if (name === 'council' && data.action === 'meeting.invitations') return ok(invitations(data.input))
  return { ok: false, error: { code: 'UNKNOWN_ACTION', message: '' } }
}

const calls = (wx, action) => wx.callFunction.mock.calls.map(([c]) => c.data).filter((d) => d.action === action)

describe('council inbox (compiled weapp, council subpackage)', () => {
  test('a tap on a tab switches it; 下一页 asks for page 2 and shows it', async () => {
    // Prepare
    const wx = installWx(async (name, data) => reply(name, data))

    // Act: the page opens on 落实决议
    const page = mountPage('packages/council/pages/inbox/index')
    await until(() => page.dom.textContent.includes('没有需要您方落实的决议'))

    // Assess: the two tabs are drawn, the first one chosen (bold class, said in its label)
    expect(page.querySelector('#tab-resolutions').dom.className).toContain('tx-seg__item--on')
    expect(page.querySelector('#tab-meetings').dom.className).not.toContain('tx-seg__item--on')
    expect(calls(wx, 'meeting.invitations')).toHaveLength(0)

    // Act: tap 会议邀请
    page.querySelector('#tab-meetings').dispatchEvent('tap')
    await until(() => page.dom.textContent.includes('第 1 次议事会'))

    // Assess: the tab switched and the first page of invitations was asked for
    expect(page.querySelector('#tab-meetings').dom.className).toContain('tx-seg__item--on')
    expect(page.querySelector('#tab-resolutions').dom.className).not.toContain('tx-seg__item--on')
    expect(calls(wx, 'meeting.invitations')).toEqual([
      { action: 'meeting.invitations', input: { page: 1, pageSize: 10 } },
    ])
    expect(page.dom.textContent).toContain('第 1 / 3 页')
    expect(page.dom.textContent).not.toContain('第 11 次议事会')

    // Act: tap 下一页
    page.querySelector('#pager-next').dispatchEvent('tap')
    await until(() => page.dom.textContent.includes('第 11 次议事会'))

    // Assess: page 2 was asked for and is shown with its counter
    expect(calls(wx, 'meeting.invitations').at(-1)).toEqual({
      action: 'meeting.invitations',
      input: { page: 2, pageSize: 10 },
    })
    expect(page.dom.textContent).toContain('第 2 / 3 页')
    expect(page.dom.textContent).not.toContain('第 1 次议事会')
  })
})
