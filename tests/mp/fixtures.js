/** Contract-shaped answers of org `me` and org `home` for the mini-program tests. */
const ME = {
  openid: 'o-secretary-1',
  name: '李秀英',
  phone: '13800001111',
  roles: [
    { role: 'secretary', scopeType: 'community', scopeId: 'c-xingfu', scopeName: '幸福里社区' },
    { role: 'resident', scopeType: 'household', scopeId: 'h-1', scopeName: '幸福里小区 3号楼 501' },
  ],
  binding: null,
  canBootstrap: false,
}

/** Home for ME: the secretary section with one pending binding (a tap opens the bindings page). */
const HOME = {
  me: ME,
  sections: [
    {
      role: 'secretary',
      title: '社区书记 · 幸福里社区',
      count: 1,
      groups: [
        {
          kind: 'bindings',
          count: 1,
          route: '/packages/admin/pages/bindings/index',
          items: [
            {
              id: 'bind-1',
              title: '幸福里小区 2号楼 301',
              detail: '申请人 张三',
              at: '2025-03-08T06:05:00.000Z',
              overdue: false,
              route: '/packages/admin/pages/bindings/index',
            },
          ],
        },
        { kind: 'topics', count: 0, route: '/packages/council/pages/index/index', items: [] },
      ],
    },
    {
      role: 'resident',
      title: '居民 · 幸福里小区 3号楼 501',
      count: 0,
      groups: [{ kind: 'votes', count: 0, route: '/packages/council/pages/index/index', items: [] }],
    },
  ],
}

const ok = (data) => ({ ok: true, data })

module.exports = { ME, HOME, ok }
