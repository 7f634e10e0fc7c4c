import { deflateRawSync } from 'zlib'

/**
 * A workbook of plain tables — text and numbers, no styles, widths or formulas — written straight as
 * SpreadsheetML (content types, the workbook, its sheets, one default style — the part some viewers
 * insist on; text as inline strings) and zipped on Node's native deflate. For a long export of rows (a period's
 * ratings): exceljs builds an object per cell, renders them and zips in JavaScript, ≈ 10× the CPU for
 * the same table (bench, docs/decisions.md). Every styled export stays on exceljs.
 */

/** A cell: text, a number, or nothing (an empty cell). */
export type PlainCell = string | number | null | undefined

export interface PlainTable {
  /** The sheet's tab: at most 31 characters, none of []:*?/\ (Excel's rule). */
  name: string
  rows: PlainCell[][]
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships'
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
/** The one default cell style (font, no fill, no border): every cell uses it. */
const STYLES =
  `<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>` +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'

/** The workbook as an .xlsx file. */
export function plainWorkbook(tables: PlainTable[]): Buffer {
  for (const t of tables) {
    if (!t.name || t.name.length > 31 || /[[\]:*?/\\]/.test(t.name))
      throw new Error(`sheet name not allowed in Excel: ${t.name}`)
  }
  const sheets = tables.map((t, i) => ({ ...t, n: i + 1 }))
  return zip([
    [
      '[Content_Types].xml',
      XML_HEAD +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        sheets
          .map(
            (s) =>
              `<Override PartName="/xl/worksheets/sheet${s.n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join('') +
        '</Types>',
    ],
    [
      '_rels/.rels',
      XML_HEAD +
        `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      XML_HEAD +
        `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
        sheets.map((s) => `<sheet name="${escape(s.name)}" sheetId="${s.n}" r:id="rId${s.n}"/>`).join('') +
        '</sheets></workbook>',
    ],
    [
      'xl/_rels/workbook.xml.rels',
      XML_HEAD +
        `<Relationships xmlns="${PKG_REL}">` +
        sheets
          .map((s) => `<Relationship Id="rId${s.n}" Type="${REL}/worksheet" Target="worksheets/sheet${s.n}.xml"/>`)
          .join('') +
        `<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ],
    ['xl/styles.xml', XML_HEAD + STYLES],
    ...sheets.map((s): [string, string] => [`xl/worksheets/sheet${s.n}.xml`, sheetXml(s.rows)]),
  ])
}

function sheetXml(rows: PlainCell[][]): string {
  const out: string[] = [XML_HEAD, `<worksheet xmlns="${MAIN}"><sheetData>`]
  rows.forEach((row, i) => {
    const r = i + 1
    out.push(`<row r="${r}">`)
    row.forEach((v, c) => {
      if (v === null || v === undefined || v === '') return
      const ref = column(c) + r
      if (typeof v === 'number' && Number.isFinite(v)) out.push(`<c r="${ref}"><v>${v}</v></c>`)
      else out.push(`<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escape(String(v))}</t></is></c>`)
    })
    out.push('</row>')
  })
  out.push('</sheetData></worksheet>')
  return out.join('')
}

/** 0 → A, 25 → Z, 26 → AA. */
function column(i: number): string {
  let s = ''
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s
  return s
}

/** XML text: the five special characters escaped, and the control characters XML 1.0 cannot hold left out. */
const escape = (s: string) =>
  s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"']/g, (c) => ENTITY[c])
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

// ---- zip (PKWARE APPNOTE: local headers, central directory, end record; deflate, no zip64) ----------

const CRC_TABLE = (() => {
  const t = new Int32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c
  }
  return t
})()

function crc32(b: Buffer): number {
  let c = -1
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]) & 0xff] ^ (c >>> 8)
  return (c ^ -1) >>> 0
}

/** 1980-01-01 00:00, the zip format's first instant: the entries carry no meaningful time. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1

function zip(files: [string, string][]): Buffer {
  const parts: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const [name, text] of files) {
    const raw = Buffer.from(text, 'utf8')
    const packed = deflateRawSync(raw, { level: 1 })
    const fileName = Buffer.from(name, 'utf8')
    const crc = crc32(raw)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4) // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6) // names are UTF-8
    local.writeUInt16LE(8, 8) // deflate
    local.writeUInt16LE(0, 10)
    local.writeUInt16LE(DOS_DATE, 12)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(packed.length, 18)
    local.writeUInt32LE(raw.length, 22)
    local.writeUInt16LE(fileName.length, 26)
    local.writeUInt16LE(0, 28)
    const entry = Buffer.alloc(46)
    entry.writeUInt32LE(0x02014b50, 0)
    entry.writeUInt16LE(20, 4) // made by: 2.0
    local.copy(entry, 6, 4, 30) // version needed … name length, extra length: as in the local header
    // comment length, disk, internal and external attributes: 0
    entry.writeUInt32LE(offset, 42)
    parts.push(local, fileName, packed)
    central.push(entry, fileName)
    offset += local.length + fileName.length + packed.length
  }
  const directory = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(files.length, 8)
  end.writeUInt16LE(files.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...parts, directory, end])
}
