import ExcelJS from 'exceljs'
import { crc32, inflateRawSync } from 'zlib'
import { plainWorkbook } from '../../../cloudfunctions/export/plain-xlsx'

/** The file as a spreadsheet program reads it: exceljs's reader, sheet by sheet, row by row. */
async function read(file: Buffer): Promise<Record<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(file as unknown as ArrayBuffer)
  const out: Record<string, unknown[][]> = {}
  wb.eachSheet((ws) => {
    out[ws.name] = []
    ws.eachRow((r) => out[ws.name].push((r.values as unknown[]).slice(1)))
  })
  return out
}

/** Every entry of the zip with its stored CRC-32 and its inflated content's. */
function entries(file: Buffer): { name: string; stored: number; actual: number }[] {
  const out = []
  for (let at = 0; file.readUInt32LE(at) === 0x04034b50;) {
    const size = file.readUInt32LE(at + 18)
    const nameLength = file.readUInt16LE(at + 26)
    const start = at + 30 + nameLength + file.readUInt16LE(at + 28)
    const content = inflateRawSync(file.subarray(start, start + size))
    out.push({
      name: file.toString('utf8', at + 30, at + 30 + nameLength),
      stored: file.readUInt32LE(at + 14),
      actual: crc32(content),
    })
    at = start + size
  }
  return out
}

describe('a workbook of plain tables', () => {
  it('reads back sheet by sheet with its text and numbers', async () => {
    const file = plainWorkbook([
      {
        name: '居民评价',
        rows: [
          ['物业公司', '星级'],
          ['万邦物业', 4],
          ['红星物业', 2.5],
        ],
      },
      { name: '红黑榜', rows: [['本期榜单尚未发布']] },
    ])
    expect(await read(file)).toEqual({
      居民评价: [
        ['物业公司', '星级'],
        ['万邦物业', 4],
        ['红星物业', 2.5],
      ],
      红黑榜: [['本期榜单尚未发布']],
    })
  })

  it('keeps XML’s special characters and spaces, drops the control characters XML cannot hold, and leaves empty cells empty', async () => {
    const file = plainWorkbook([
      { name: 'a', rows: [['<b>&"\'', '  两头有空格  ', 'x\u0001y\u001fz', '', null, undefined, 'end']] },
    ])
    const [row] = (await read(file)).a
    expect(row).toEqual(['<b>&"\'', '  两头有空格  ', 'xyz', undefined, undefined, undefined, 'end'])
  })

  it('names the cells past Z as Excel does (AA, AB, …)', async () => {
    const wide = Array.from({ length: 30 }, (_, i) => i)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(plainWorkbook([{ name: 'wide', rows: [wide] }]) as unknown as ArrayBuffer)
    const ws = wb.getWorksheet('wide')!
    expect([ws.getCell('Z1').value, ws.getCell('AA1').value, ws.getCell('AD1').value]).toEqual([25, 26, 29])
  })

  it('is a zip whose every entry carries its content’s CRC-32', () => {
    const rows = Array.from({ length: 500 }, (_, i) => [`公司${i % 7}`, `小区${i}`, i % 5, '意见'.repeat(i % 4)])
    const found = entries(plainWorkbook([{ name: '居民评价', rows }]))
    expect(found.map((e) => e.name)).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml',
    ])
    expect(found.filter((e) => e.stored !== e.actual)).toEqual([])
  })

  it('refuses a sheet name Excel would refuse', () => {
    expect(() => plainWorkbook([{ name: '第一季度/第二季度', rows: [] }])).toThrow('sheet name')
    expect(() => plainWorkbook([{ name: 'x'.repeat(32), rows: [] }])).toThrow('sheet name')
  })
})
