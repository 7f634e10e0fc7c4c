import { MYDATA_SECTIONS } from '../../../types/mydata'
import { recordChange } from '../../../cloudfunctions/org/mydata/account'
import type { MyData } from '../../../cloudfunctions/org/mydata/collect'
import { SECTIONS } from '../../../cloudfunctions/org/mydata/sections'
import { beijingIso, beijingText, myDataJson, myDataWorkbookSheets } from '../../../cloudfunctions/org/mydata/sheets'

const grant = (role: 'resident' | 'member', scopeId: string, scopeName: string) => ({
  role,
  scopeType: 'household' as const,
  scopeId,
  scopeName,
})

describe('a change of the person record, in words', () => {
  it('names the grants gained and lost', () => {
    const home = grant('resident', 'h1', '和谐家园 1号楼 101')
    const member = grant('member', 'c1', '和谐社区')
    expect(recordChange([], [home])).toBe('获得：居民（和谐家园 1号楼 101）')
    expect(recordChange([home, member], [member])).toBe('取消：居民（和谐家园 1号楼 101）')
    expect(recordChange([home], [member])).toBe('获得：在职党员（和谐社区）；取消：居民（和谐家园 1号楼 101）')
    expect(recordChange([home], [home])).toBe('')
  })

  it('names a new name, with the old one when it changed', () => {
    expect(recordChange({ name: '周小雨' }, { name: '周晓雨' })).toBe('姓名：周小雨 → 周晓雨')
    expect(recordChange(null, { name: '周晓雨' })).toBe('姓名：周晓雨')
    expect(recordChange({ name: '周晓雨' }, { name: '周晓雨' })).toBe('姓名：周晓雨')
  })
})

describe('Beijing time in the files', () => {
  it('shifts by eight hours across the date line, with the offset written out', () => {
    expect(beijingIso('2026-11-23T18:30:05.000Z')).toBe('2026-11-24T02:30:05+08:00')
    expect(beijingText('2026-11-23T18:30:05.000Z')).toBe('2026-11-24 02:30')
  })
})

const data: MyData = {
  name: '刘芳',
  collectedAt: '2026-11-23T02:00:00.000Z',
  cap: 500,
  sections: [
    {
      key: 'bindings',
      title: '房屋认证',
      group: 'account',
      about: '房屋认证申请。',
      columns: [
        { key: 'address', title: '房屋', kind: 'text' },
        { key: 'createdAt', title: '提交时间', kind: 'time' },
        { key: 'reason', title: '原因', kind: 'text' },
      ],
      rows: [{ address: '和谐家园 1号楼 101', createdAt: '2026-01-05T02:00:00.000Z', reason: null }],
      total: 1,
      truncated: false,
    },
    {
      key: 'photos',
      title: '我上传的照片',
      group: 'files',
      about: '照片。',
      columns: [
        { key: 'photo', title: '照片', kind: 'photo' },
        { key: 'kb', title: '大小（KB）', kind: 'number' },
      ],
      rows: [{ photo: 'cloud://local/grid/photos/a.jpg', kb: 12 }],
      total: 600,
      truncated: true,
    },
    {
      key: 'topics',
      title: '我提出的议题',
      group: 'council',
      about: '议题。',
      columns: [{ key: 'title', title: '议题', kind: 'text' }],
      rows: [],
      total: 0,
      truncated: false,
    },
  ],
}

describe('the JSON file', () => {
  it('keeps every section with its column titles, rows keyed by column and times in Beijing time', () => {
    const json = myDataJson(data)
    expect(json).toMatchObject({
      format: 'tongxinyuan-mydata/1',
      exportedAt: '2026-11-23T10:00:00+08:00',
      name: '刘芳',
      rowsPerSectionAtMost: 500,
    })
    expect(json.sections.map((s) => [s.key, s.group, s.total, s.truncated])).toEqual([
      ['bindings', '账户与身份', 1, false],
      ['photos', '照片', 600, true],
      ['topics', '红色议事会', 0, false],
    ])
    expect(json.sections[0].rows).toEqual([
      { address: '和谐家园 1号楼 101', createdAt: '2026-01-05T10:00:00+08:00', reason: null },
    ])
    expect(json.sections[0].columns).toEqual([
      { key: 'address', title: '房屋' },
      { key: 'createdAt', title: '提交时间' },
      { key: 'reason', title: '原因' },
    ])
  })
})

describe('the workbook sheets (for the export function)', () => {
  it('opens with 说明 (every section, its count, a cut section marked), then one sheet per section with rows', () => {
    const sheets = myDataWorkbookSheets(data)
    expect(sheets.map((s) => s.name)).toEqual(['说明', '房屋认证', '我上传的照片'])
    expect(sheets[0].rows[0]).toEqual(['导出时间', '2026-11-23 10:00', expect.stringContaining('北京时间')])
    expect(sheets[0].rows.slice(1)).toEqual([
      ['房屋认证', 1, '房屋认证申请。'],
      ['我上传的照片', 600, '照片。（只含最新 500 条，其余请在小程序中查看）'],
      ['我提出的议题', 0, '议题。'],
    ])
    expect(sheets[1]).toEqual({
      name: '房屋认证',
      header: ['房屋', '提交时间', '原因'],
      rows: [['和谐家园 1号楼 101', '2026-01-05 10:00', '']],
    })
    expect(sheets[2].rows).toEqual([['cloud://local/grid/photos/a.jpg', 12]])
  })

  it('makes sheet names Excel accepts', () => {
    const odd = {
      ...data,
      sections: [{ ...data.sections[0], title: '记录/历史：第[1]页?*\\超过三十一个字符的很长很长很长很长很长的名字' }],
    }
    const name = myDataWorkbookSheets(odd)[1].name
    expect(name.length).toBeLessThanOrEqual(31)
    expect(name).not.toMatch(/[[\]:*?/\\]/)
  })
})

describe('the sections', () => {
  it('has a source for every section of the contract, each with distinct column keys', () => {
    expect(Object.keys(SECTIONS).sort()).toEqual([...MYDATA_SECTIONS].sort())
    for (const key of MYDATA_SECTIONS) {
      const keys = SECTIONS[key].columns.map((c) => c.key)
      expect({ key, unique: new Set(keys).size === keys.length }).toEqual({ key, unique: true })
    }
  })
})
