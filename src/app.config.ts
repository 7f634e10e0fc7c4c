export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/me/index',
    'pages/identity/index',
    'pages/onboarding/bind/index',
    'pages/onboarding/redeem/index',
    'pages/onboarding/liaison/index',
    'pages/onboarding/bootstrap/index',
    'pages/privacy/index',
  ],
  subPackages: [
    {
      root: 'packages/admin',
      pages: [
        'pages/bindings/index',
        'pages/liaisons/index',
        'pages/communities/index',
        'pages/invitations/index',
        'pages/people/index',
        'pages/household/index',
        'pages/audit/index',
        'pages/outbox/index',
        'pages/moderation/index',
      ],
    },
    {
      root: 'packages/service',
      pages: [
        'pages/member/index',
        'pages/unit/index',
        'pages/activities/index',
        'pages/activity/index',
        'pages/wishes/index',
        'pages/ledger/index',
        'pages/dashboard/index',
        'pages/review/index',
        'pages/lists/index',
        'pages/assess/index',
        'pages/need/index',
        'pages/care/index',
      ],
    },
    {
      root: 'packages/property',
      pages: [
        'pages/list/index',
        'pages/company/index',
        'pages/rate/index',
        'pages/mine/index',
        'pages/staff/index',
        'pages/assess/index',
        'pages/street/index',
        'pages/coverage/index',
      ],
    },
    {
      root: 'packages/council',
      pages: [
        'pages/index/index',
        'pages/topic/index',
        'pages/propose/index',
        'pages/meeting/index',
        'pages/meeting-edit/index',
        'pages/vote/index',
        'pages/vote-open/index',
        'pages/resolution/index',
        'pages/roll/index',
        'pages/inbox/index',
      ],
    },
    {
      // 我的数据 (SPEC §7): opened from 我的, loaded on demand.
      root: 'packages/mine',
      pages: ['pages/data/index', 'pages/section/index'],
    },
    {
      root: 'packages/grid',
      pages: [
        'pages/report/index',
        'pages/mine/index',
        'pages/event/index',
        'pages/board/index',
        'pages/inbox/index',
        'pages/staff/index',
        'pages/overdue/index',
        'pages/stats/index',
        'pages/map/index',
        'pages/workers/index',
        'pages/buildings/index',
      ],
    },
    {
      // 社区大党委 / 街道大工委 and the 联席会议 (issue 15 §2): loaded on demand.
      root: 'packages/joint',
      pages: [
        'pages/committee/index',
        'pages/meetings/index',
        'pages/convene/index',
        'pages/meeting/index',
        'pages/commitments/index',
      ],
    },
  ],
  preloadRule: {
    // What most people open next; 网格吹哨 (grid staff) loads on demand. Total kept under the 2 MB preload limit (tested).
    'pages/home/index': {
      network: 'all',
      packages: ['packages/admin', 'packages/council', 'packages/property', 'packages/service'],
    },
  },
  window: {
    navigationBarBackgroundColor: '#C8161D',
    navigationBarTitleText: '同心圆',
    navigationBarTextStyle: 'white',
    backgroundColor: '#F7F3EE',
    backgroundTextStyle: 'dark',
  },
  // WeChat privacy: personal information is collected only after the platform's privacy consent.
  __usePrivacyCheck__: true,
  // Location is declared for activity sign-in by place (SPEC §4) and the place of a grid event report (§10);
  // chooseLocation for the secretary picking an activity's place on the map. Nothing in the main package asks for either.
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  permission: {
    'scope.userLocation': { desc: '用于活动定位签到和记录网格上报事件的位置' },
  },
})
