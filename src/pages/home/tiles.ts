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
      ...(hasRole(me.roles, 'street_admin')
        ? []
        : [
            {
              key: 'estates',
              title: '小区楼栋',
              desc: '小区、楼栋、住户与面积',
              mark: '楼',
              url: ROUTES.adminCommunities,
            },
            {
              key: 'sec-invitations',
              title: '邀请物业人员',
              desc: '物业人员邀请码',
              mark: '邀',
              url: ROUTES.adminInvitations,
            },
            {
              key: 'sec-people',
              title: '人员任免',
              desc: '党员、联络员、网格、物业人员',
              mark: '任',
              url: ROUTES.adminPeople,
            },
          ]),
    )
  }
  // 双报到、双服务 (packages/service)
  if (hasRole(me.roles, 'secretary')) {
    out.push({
      key: 'svc-dashboard',
      title: '双报到工作台',
      desc: '报到审核、活动、清单',
      mark: '双',
      url: '/packages/service/pages/dashboard/index',
    })
  }
  if (hasRole(me.roles, 'member')) {
    out.push(
      {
        key: 'svc-activities',
        title: '服务活动',
        desc: '报名、扫码签到',
        mark: '活',
        url: '/packages/service/pages/activities/index',
      },
      {
        key: 'svc-wishes',
        title: '微心愿',
        desc: '认领居民心愿',
        mark: '愿',
        url: '/packages/service/pages/wishes/index',
      },
      {
        key: 'svc-ledger',
        title: '我的台账',
        desc: '服务时长与记录',
        mark: '账',
        url: '/packages/service/pages/ledger/index',
      },
    )
  }
  if (hasRole(me.roles, 'street_admin')) {
    out.push({
      key: 'svc-street',
      title: '双报到活动复核',
      desc: '查看活动名单，复核补录时长',
      mark: '核',
      url: '/packages/service/pages/activities/index',
    })
  }
  if (hasRole(me.roles, 'unit_liaison')) {
    out.push(
      {
        key: 'svc-unit',
        title: '单位报到',
        desc: '共建协议、双反馈',
        mark: '报',
        url: '/packages/service/pages/unit/index',
      },
      {
        key: 'svc-lists',
        title: '三张清单',
        desc: '需求、资源、项目',
        mark: '单',
        url: '/packages/service/pages/lists/index',
      },
    )
  }
  if (hasRole(me.roles, 'street_admin')) {
    out.push(
      { key: 'communities', title: '社区管理', desc: '新建社区和网格', mark: '社', url: ROUTES.adminCommunities },
      { key: 'invitations', title: '邀请码', desc: '任命书记和管理员', mark: '邀', url: ROUTES.adminInvitations },
      { key: 'people', title: '人员任免', desc: '书记、管理员、物业人员', mark: '任', url: ROUTES.adminPeople },
    )
  }
  // 物业红黑榜 (packages/property)
  out.push({
    key: 'prop-list',
    title: '物业红黑榜',
    desc: '本期榜单与上榜原因',
    mark: '榜',
    url: '/packages/property/pages/list/index',
  })
  if (hasRole(me.roles, 'resident')) {
    out.push({
      key: 'prop-rate',
      title: '给物业打分',
      desc: '六项评价、整改确认',
      mark: '评',
      url: '/packages/property/pages/rate/index',
    })
  }
  if (hasRole(me.roles, 'property_staff')) {
    out.push({
      key: 'prop-staff',
      title: '物业工作台',
      desc: '答复评价、报告整改',
      mark: '物',
      url: '/packages/property/pages/staff/index',
    })
  }
  if (hasRole(me.roles, 'secretary')) {
    out.push({
      key: 'prop-assess',
      title: '评价物业',
      desc: '社区对物业打分',
      mark: '考',
      url: '/packages/property/pages/assess/index',
    })
  }
  if (hasRole(me.roles, 'street_admin')) {
    out.push({
      key: 'prop-street',
      title: '红黑榜管理',
      desc: '周期、规则、发布、约谈',
      mark: '榜',
      url: '/packages/property/pages/street/index',
    })
  }
  // 网格吹哨 (packages/grid)
  if (
    me.roles.some(
      (g) => g.role === 'grid_worker' || g.role === 'building_leader' || g.role === 'member' || g.role === 'resident',
    )
  ) {
    out.push(
      {
        key: 'grid-report',
        title: '网格随手报',
        desc: '拍照上报身边问题',
        mark: '哨',
        url: '/packages/grid/pages/report/index',
      },
      { key: 'grid-mine', title: '我的上报', desc: '事件处置进度', mark: '报', url: '/packages/grid/pages/mine/index' },
    )
  }
  // 重点关爱 (packages/service): the secretary marks, the grid worker patrols, a household sees its own record.
  if (hasRole(me.roles, 'secretary') || hasRole(me.roles, 'grid_worker') || hasRole(me.roles, 'resident')) {
    out.push({
      key: 'care',
      title: '重点关爱',
      desc: hasRole(me.roles, 'secretary')
        ? '经同意标记，优先服务'
        : hasRole(me.roles, 'grid_worker')
          ? '巡查关照的住户'
          : '我家的关爱记录',
      mark: '爱',
      url: '/packages/service/pages/care/index',
    })
  }
  if (hasRole(me.roles, 'building_leader')) {
    out.push({
      key: 'grid-buildings',
      title: '我的楼栋',
      desc: '楼栋长：上报本楼问题',
      mark: '楼',
      url: '/packages/grid/pages/buildings/index',
    })
  }
  if (hasRole(me.roles, 'secretary') || hasRole(me.roles, 'grid_worker')) {
    out.push({
      key: 'grid-board',
      title: '网格派单台',
      desc: '派单、吹哨、统计',
      mark: '派',
      url: '/packages/grid/pages/board/index',
    })
  }
  if (hasRole(me.roles, 'secretary')) {
    out.push({
      key: 'grid-staff',
      title: '网格人员',
      desc: '任命网格长、网格员',
      mark: '网',
      url: '/packages/grid/pages/staff/index',
    })
  } else if (
    me.roles.some(
      (g) => g.role === 'grid_worker' || g.role === 'building_leader' || g.role === 'member' || g.role === 'resident',
    )
  ) {
    // The same page read-only: the person's own grid, its Party branch and staff.
    out.push({
      key: 'grid-mine-grid',
      title: '我的网格',
      desc: '党支部、楼栋长和网格员',
      mark: '网',
      url: '/packages/grid/pages/staff/index',
    })
  }
  if (me.roles.some((g) => ['property_staff', 'unit_liaison', 'member', 'secretary'].includes(g.role))) {
    out.push({
      key: 'grid-inbox',
      title: '网格事件待办',
      desc: '派单处置、吹哨应答',
      mark: '办',
      url: '/packages/grid/pages/inbox/index',
    })
  }
  if (hasRole(me.roles, 'street_admin')) {
    out.push({
      key: 'grid-overdue',
      title: '超期事件',
      desc: '网格事件超期督办',
      mark: '督',
      url: '/packages/grid/pages/overdue/index',
    })
  }
  // 社区大党委 and 联席会议 (packages/joint): the secretary and street admin run them; residents see the roster and meetings.
  if (hasRole(me.roles, 'secretary') || hasRole(me.roles, 'street_admin')) {
    out.push(
      {
        key: 'joint-committee',
        title: '大党委',
        desc: '兼职委员任命与名单',
        mark: '委',
        url: '/packages/joint/pages/committee/index',
      },
      {
        key: 'joint-meetings',
        title: '联席会议',
        desc: '召集、现场认领、督办',
        mark: '联',
        url: '/packages/joint/pages/meetings/index',
      },
    )
  } else if (me.roles.some((g) => g.communityId || g.role === 'member')) {
    out.push({
      key: 'joint-committee',
      title: '社区大党委',
      desc: '兼职委员和联席会议',
      mark: '委',
      url: '/packages/joint/pages/committee/index',
    })
  }
  if (hasRole(me.roles, 'unit_liaison') || hasRole(me.roles, 'property_staff')) {
    out.push({
      key: 'joint-commitments',
      title: '我的承诺',
      desc: '联席会议认领的事项',
      mark: '诺',
      url: '/packages/joint/pages/commitments/index',
    })
  }
  // 红色议事会 (packages/council): anyone of a community — residents, members, the secretary
  if (me.roles.some((g) => g.communityId || g.role === 'secretary' || g.role === 'member')) {
    out.push({
      key: 'council',
      title: '红色议事会',
      desc: hasRole(me.roles, 'secretary') ? '议题受理、会议、表决' : '议题、议程、表决、决议',
      mark: '议',
      url: '/packages/council/pages/index/index',
    })
  }
  return out
}

/** Entries everyone has. */
export function serviceTiles(me: MeView): Tile[] {
  const status = me.binding?.status
  const bindDesc = status === 'verified' ? '已认证' : status === 'pending' ? '已提交，待社区审核' : '绑定您家的房屋'
  return [
    { key: 'bind', title: '房屋认证', desc: bindDesc, mark: '房', url: ROUTES.bind },
    { key: 'redeem', title: '使用邀请码', desc: '受邀担任社区工作', mark: '码', url: ROUTES.redeem },
    {
      key: 'svc-member',
      title: '党员报到',
      desc: '在职、退休、流动党员到居住地社区报到',
      mark: '党',
      url: '/packages/service/pages/member/index',
    },
    ...(hasRole(me.roles, 'resident') && !hasRole(me.roles, 'member')
      ? [
          {
            key: 'svc-wishes',
            title: '微心愿',
            desc: '许愿，党员帮您实现',
            mark: '愿',
            url: '/packages/service/pages/wishes/index',
          },
        ]
      : []),
    { key: 'liaison', title: '单位联络员注册', desc: '单位到社区报到', mark: '单', url: ROUTES.liaison },
  ]
}
