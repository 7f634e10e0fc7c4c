import type { MeView } from '../../../types/org'
import { hasRole } from '../../services/roles'
import { ROUTES } from '../../services/nav'

export interface Tile {
  key: string
  title: string
  desc: string
  /** One character shown in the round mark. */
  mark: string
  url: string
}

/** Work entries for the roles the person holds (only modules that exist). */
export function workTiles(me: MeView): Tile[] {
  const out: Tile[] = []
  if (hasRole(me.roles, 'secretary')) {
    out.push(
      { key: 'bindings', title: '审核住户绑定', desc: '审核认证、发户码', mark: '审', url: ROUTES.adminBindings },
      { key: 'liaisons', title: '审核单位联络员', desc: '联络员注册审核', mark: '联', url: ROUTES.adminLiaisons },
    )
  }
  if (hasRole(me.roles, 'street_admin')) {
    out.push(
      { key: 'communities', title: '社区管理', desc: '新建社区和网格', mark: '社', url: ROUTES.adminCommunities },
      { key: 'invitations', title: '邀请码', desc: '任命书记和管理员', mark: '邀', url: ROUTES.adminInvitations },
    )
  }
  return out
}

/** Entries everyone has. */
export function serviceTiles(me: MeView): Tile[] {
  const status = me.binding?.status
  const bindDesc =
    status === 'verified' ? '已认证' : status === 'pending' ? '已提交，待社区审核' : '绑定您家的房屋'
  return [
    { key: 'bind', title: '房屋认证', desc: bindDesc, mark: '房', url: ROUTES.bind },
    { key: 'redeem', title: '使用邀请码', desc: '受邀担任社区工作', mark: '码', url: ROUTES.redeem },
    { key: 'liaison', title: '单位联络员注册', desc: '单位到社区报到', mark: '单', url: ROUTES.liaison },
  ]
}
