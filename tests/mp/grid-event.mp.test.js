/**
 * The grid subpackage's 事件详情 page from the compiled mini-program (dist/), opened by its reporter
 * once the event is handled: the shared Stars take a rating by tap (the number in words beside the
 * stars), send it with 已解决, and the closed event then shows the rating read-only: outlined ☆ for the
 * stars not given, and the number. Needs `npm run build:weapp` first.
 */
const { installWx, mountPage, until } = require('./taro-dist-shim')
const { ME, ok } = require('./fixtures')

const EVENT = {
  id: 'e-1',
  gridId: 'g-1',
  gridName: '第一网格',
  communityId: 'c-xingfu',
  communityName: '幸福里社区',
  place: '3号楼东侧',
  category: 'sanitation',
  description: '垃圾桶满了没人清',
  photos: [],
  urgency: 'normal',
  status: 'done',
  reporterName: '李秀英',
  mine: true,
  handler: { type: 'grid', id: 'g-1', name: '第一网格' },
  deadline: '2025-03-09T06:00:00.000Z',
  overdue: false,
  reopenCount: 0,
  whistled: false,
  progress: [],
  progressCount: 0,
  createdAt: '2025-03-08T06:00:00.000Z',
  doneAt: '2025-03-08T09:00:00.000Z',
}

describe('grid event (compiled weapp, grid subpackage)', () => {
  test('the reporter taps 3 stars and 已解决: the rating is sent, then shown read-only with its number', async () => {
    // Prepare: event.get answers with the event as the last confirm left it
    let event = EVENT
    const wx = installWx(async (name, data) => {
      if (name === 'org' && data.action === 'me') return ok(ME)
      if (name === 'grid' && data.action === 'event.get')
        return ok({ event, summons: [], canAssign: false, canHandle: false })
      if (name === 'grid' && data.action === 'event.confirm') {
        event = { ...EVENT, status: 'closed', rating: data.input.rating, closedAt: '2025-03-08T10:00:00.000Z' }
        return ok(event)
      }
      return { ok: false, error: { code: 'UNKNOWN_ACTION', message: '' } }
    })

    // Act
    const page = mountPage('packages/grid/pages/event/index', { id: 'e-1' })
    await until(() => page.dom.textContent.includes('请确认处置结果'))

    // Assess: the page read its id from the route; the stars start at 5
    expect(wx.callFunction).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'grid', data: { action: 'event.get', input: { eventId: 'e-1' } } }),
    )
    expect(page.dom.textContent).toContain('5 星')

    // Act: tap the third star
    page.querySelector('#star-3').dispatchEvent('tap')
    await until(() => page.dom.textContent.includes('3 星'))

    // Assess: three filled, two outlined
    expect(page.querySelector('#star-3').dom.className).toContain('tx-stars__star--on')
    expect(page.querySelector('#star-4').dom.className).not.toContain('tx-stars__star--on')
    expect(page.querySelector('#star-4').dom.textContent).toBe('☆')

    // Act: 已解决
    page.querySelector('#confirm-resolved').dispatchEvent('tap')
    await until(() => page.dom.textContent.includes('上报人评价'))

    // Assess: the rating went with the confirmation; the closed event shows it read-only, with the number
    const confirm = wx.callFunction.mock.calls.map(([c]) => c.data).find((d) => d.action === 'event.confirm')
    expect(confirm).toEqual({ action: 'event.confirm', input: { eventId: 'e-1', resolved: true, rating: 3 } })
    const text = page.dom.textContent.replace(/\s+/g, '')
    expect(text).toContain('上报人评价★★★☆☆3星')
    expect(page.dom.textContent).not.toContain('请确认处置结果')
  })
})
