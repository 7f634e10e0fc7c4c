import * as z from 'zod'
import { action } from './action'
import { IdSchema } from './common'
import { YearSchema } from './service'

/**
 * export — every Excel file the mini-program hands out, made by one cloud function (the only one that
 * carries exceljs, so the others stay small and start fast). Each action is one kind of file, named
 * `<owning module>.<what>`; the function loads the caller itself and applies the owning module's
 * scope rules, whoever asks.
 */

/** A stored workbook: its cloud file id, a temporary download link, a name to save it as, and how many data rows it holds. */
export const ExportFileViewSchema = z.object({
  fileId: z.string(),
  url: z.string(),
  fileName: z.string(),
  rows: z.number().int(),
})
export type ExportFileView = z.infer<typeof ExportFileViewSchema>

export const exportActions = {
  'org.mydata': action({
    summary: '导出我的数据（Excel：说明页和每类记录一页，只含本人的记录）',
    roles: ['authenticated'],
    input: z.object({}),
    output: ExportFileViewSchema,
  }),
  'council.vote': action({
    summary: '导出表决结果（Excel：规则、参与、各选项户数与是否达到门槛，不含面积合计和任何选票）',
    roles: ['secretary'],
    input: z.object({ voteId: IdSchema }),
    output: ExportFileViewSchema,
  }),
  'property.period': action({
    summary: '导出某期评价与榜单（Excel）',
    roles: ['street_admin'],
    input: z.object({ periodId: IdSchema }),
    output: ExportFileViewSchema,
  }),
  'property.inputs': action({
    summary: '下载已发布榜单的核算数据（Excel）',
    roles: ['authenticated'],
    input: z.object({ publicationId: IdSchema }),
    output: ExportFileViewSchema,
  }),
  'property.redProperty': action({
    summary: '导出红色物业覆盖表（Excel：各小区的服务物业与其党组织情况、是否经街道核实，及汇总）',
    roles: ['street_admin'],
    input: z.object({ streetId: IdSchema }),
    output: ExportFileViewSchema,
  }),
  'service.ledgers': action({
    summary: '导出本社区党员年度台账（Excel）',
    roles: ['secretary'],
    input: z.object({ communityId: IdSchema, year: YearSchema }),
    output: ExportFileViewSchema,
  }),
  'service.letter': action({
    summary: '导出双反馈函（Excel）',
    roles: ['secretary', 'unit_liaison'],
    input: z.object({ letterId: IdSchema }),
    output: ExportFileViewSchema,
  }),
  'grid.stats': action({
    summary: '导出网格统计（Excel）',
    roles: ['secretary', 'street_admin'],
    input: z.object({ communityId: IdSchema }),
    output: ExportFileViewSchema,
  }),
} as const

export type ExportActions = typeof exportActions
