import * as z from 'zod'
import { PageInputSchema } from './common'

/**
 * 我的数据 (SPEC §7, PIPL): what 同心圆 holds about the caller, section by section. Each section is a
 * table — columns with titles and rows of cells — read a page at a time; all of them together are
 * the person's export file. The sections are built in cloudfunctions/org/mydata from the
 * personal-data registry (cloudfunctions/shared/personal-data.ts).
 */

export const MYDATA_GROUPS = ['account', 'service', 'council', 'property', 'grid', 'files'] as const
export type MyDataGroup = (typeof MYDATA_GROUPS)[number]
export const MYDATA_GROUP_LABEL: Record<MyDataGroup, string> = {
  account: '账户与身份',
  service: '双报到、双服务',
  council: '红色议事会',
  property: '物业红黑榜',
  grid: '网格吹哨',
  files: '照片',
}

export const MYDATA_SECTIONS = [
  'profile',
  'roles',
  'roleHistory',
  'bindings',
  'liaison',
  'gridPosts',
  'subscriptions',
  'checkins',
  'activities',
  'ledgers',
  'assessments',
  'wishesPosted',
  'wishesClaimed',
  'topics',
  'seconds',
  'meetings',
  'ballots',
  'resolutionRatings',
  'propertyRatings',
  'events',
  'photos',
] as const
export type MyDataSection = (typeof MYDATA_SECTIONS)[number]

/** Title, group and one line in plain words on what the section holds. */
export const MYDATA_SECTION_INFO: Record<MyDataSection, { title: string; group: MyDataGroup; about: string }> = {
  profile: { title: '我的资料', group: 'account', about: '您填写的姓名和手机号。完整号码只有您自己能看到。' },
  roles: { title: '我的身份', group: 'account', about: '您现在在同心圆中的身份和所属范围。' },
  roleHistory: { title: '身份和资料变动记录', group: 'account', about: '您何时获得或失去身份，何时修改了资料。' },
  bindings: { title: '房屋认证', group: 'account', about: '您提交的房屋认证申请和社区的审核结果。' },
  liaison: { title: '单位联络员申请', group: 'account', about: '您以单位联络员身份提交的注册申请。' },
  gridPosts: { title: '网格职务', group: 'account', about: '社区任命您担任的网格职务，包括已免去的。' },
  subscriptions: { title: '消息订阅', group: 'account', about: '您同意接收的议事会通知。' },
  checkins: {
    title: '党员报到',
    group: 'service',
    about: '您每年的党员报到（在职、退休或流动党员）和社区的审核结果。',
  },
  activities: { title: '服务活动', group: 'service', about: '您报名、签到、签退的服务活动和服务时长。' },
  ledgers: { title: '服务台账', group: 'service', about: '按年度和季度汇总的服务时长，仅为记录，不作为考核评分。' },
  assessments: { title: '年度评议', group: 'service', about: '社区给您的年度评议等级和理由。' },
  wishesPosted: { title: '我发布的微心愿', group: 'service', about: '您发布的微心愿和办理情况。' },
  wishesClaimed: { title: '我认领的微心愿', group: 'service', about: '您认领并帮助完成的微心愿。' },
  topics: { title: '我提出的议题', group: 'council', about: '您在红色议事会提出的议题。' },
  seconds: { title: '我附议的议题', group: 'council', about: '您附议过的议题。' },
  meetings: { title: '会议签到', group: 'council', about: '您签到参加的议事会议。' },
  ballots: {
    title: '正在进行的表决',
    group: 'council',
    about: '表决进行中时，这里显示本户当前的选择。表决结束后这里不再显示，任何人（包括社区）都查不到本户投了什么。',
  },
  resolutionRatings: {
    title: '对决议的评价',
    group: 'council',
    about: '本户对决议落实情况的评价。家人给出的评价只写明由家人评价，不显示内容。',
  },
  propertyRatings: { title: '对物业的评价', group: 'property', about: '您对物业服务的评价。物业公司看不到是谁评的。' },
  events: { title: '我上报的网格事件', group: 'grid', about: '您上报的网格事件和处理情况。' },
  photos: { title: '我上传的照片', group: 'files', about: '您上传到议题、评价和网格事件中的照片。' },
}

/** Most rows of one section in the export file; a longer section says so (`truncated`) and is read in full on its page. */
export const MYDATA_EXPORT_CAP = 500

/** How a cell is shown: `time` cells are ISO instants (shown in Beijing time), `photo` cells stored file ids. */
export const MYDATA_CELL_KINDS = ['text', 'time', 'number', 'photo'] as const
export type MyDataCellKind = (typeof MYDATA_CELL_KINDS)[number]

export const MyDataColumnViewSchema = z.object({ key: z.string(), title: z.string(), kind: z.enum(MYDATA_CELL_KINDS) })
export type MyDataColumnView = z.infer<typeof MyDataColumnViewSchema>
export const MyDataCellSchema = z.union([z.string(), z.number(), z.null()])
export type MyDataCell = z.infer<typeof MyDataCellSchema>
export const MyDataRowSchema = z.record(z.string(), MyDataCellSchema)
export type MyDataRow = z.infer<typeof MyDataRowSchema>

export const MyDataSummaryViewSchema = z.object({
  sections: z.array(z.object({ key: z.enum(MYDATA_SECTIONS), count: z.number().int() })),
  exportCap: z.number().int(),
})
export type MyDataSummaryView = z.infer<typeof MyDataSummaryViewSchema>

export const MyDataSectionViewSchema = z.object({
  key: z.enum(MYDATA_SECTIONS),
  columns: z.array(MyDataColumnViewSchema),
  rows: z.array(MyDataRowSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
})
export type MyDataSectionView = z.infer<typeof MyDataSectionViewSchema>

export const MyDataFileViewSchema = z.object({
  fileId: z.string(),
  url: z.string(),
  fileName: z.string(),
  rows: z.number().int(),
  /** Sections with more rows than MYDATA_EXPORT_CAP: the file holds the newest ones. */
  truncated: z.array(z.enum(MYDATA_SECTIONS)),
})
export type MyDataFileView = z.infer<typeof MyDataFileViewSchema>

export const MyDataSectionInputSchema = PageInputSchema.extend({ section: z.enum(MYDATA_SECTIONS) })
