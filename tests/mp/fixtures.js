/** Contract-shaped answers of org `me` for the mini-program tests. */
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

const ok = (data) => ({ ok: true, data })

module.exports = { ME, ok }
