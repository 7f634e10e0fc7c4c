import { readFileSync } from 'fs'
import { join } from 'path'
import { COL } from '../../../cloudfunctions/shared/collections'
import { NO_PERSONAL_DATA, PERSONAL_DATA, ownRecords } from '../../../cloudfunctions/shared/personal-data'
import { memberRecordId } from '../../../cloudfunctions/shared/pseudonym'

interface Declared {
  name: string
  indexes: { name: string; keys: Record<string, number> }[]
}
const declared = (
  JSON.parse(readFileSync(join(__dirname, '../../../database/collections.json'), 'utf8')) as { collections: Declared[] }
).collections

describe('the personal-data registry', () => {
  it('places every declared collection either in the registry or among those holding no personal data', () => {
    const unplaced = declared.map((c) => c.name).filter((n) => !(n in PERSONAL_DATA) && !(n in NO_PERSONAL_DATA))
    expect(unplaced).toEqual([])
  })

  it('places no collection in both lists, and names only declared collections', () => {
    const names = declared.map((c) => c.name)
    expect(Object.keys(PERSONAL_DATA).filter((n) => n in NO_PERSONAL_DATA)).toEqual([])
    expect([...Object.keys(PERSONAL_DATA), ...Object.keys(NO_PERSONAL_DATA)].filter((n) => !names.includes(n))).toEqual(
      [],
    )
  })

  it('names, for every field read by index, an index of that collection that starts with the field', () => {
    const wrong: string[] = []
    for (const [collection, entry] of Object.entries(PERSONAL_DATA)) {
      for (const field of entry!.fields.filter((x) => x.index)) {
        const index = declared.find((c) => c.name === collection)?.indexes.find((i) => i.name === field.index)
        if (!index || Object.keys(index.keys)[0] !== field.path)
          wrong.push(`${collection}.${field.path} → ${field.index}`)
      }
    }
    expect(wrong).toEqual([])
  })

  it('lists each field of a collection once', () => {
    const twice: string[] = []
    for (const [collection, entry] of Object.entries(PERSONAL_DATA)) {
      const paths = entry!.fields.map((x) => x.path)
      twice.push(...paths.filter((p, i) => paths.indexOf(p) !== i).map((p) => `${collection}.${p}`))
    }
    expect(twice).toEqual([])
  })

  it("gives the filter of a person's own records only for registered, indexed subject fields", () => {
    expect(ownRecords(COL.councilTopics, 'authorOpenid', 'o-1')).toEqual({ authorOpenid: 'o-1' })
    expect(ownRecords(COL.svcAssessments, 'subjectId', 'o-1')).toEqual({ subjectId: memberRecordId('o-1') })
    // Not indexed, an actor field, and a field the registry does not know.
    expect(() => ownRecords(COL.svcWishes, 'residentOpenid', 'o-1')).toThrow(/not a registered/)
    expect(() => ownRecords(COL.bindings, 'decidedBy', 'o-1')).toThrow(/not a registered/)
    expect(() => ownRecords(COL.councilTopics, 'authorPhone', 'o-1')).toThrow(/not a registered/)
  })
})
