import { COL } from '../../cloudfunctions/shared/collections'
import { now as clockNow } from '../../cloudfunctions/shared/clock'
import type { Database } from '../../cloudfunctions/shared/db-types'
import { ids, type CareDoc } from '../../cloudfunctions/service/repo'
import { STREET } from './demo-data'
import { insertAll } from './insert'
import type { ModuleSeed } from './seed'

/**
 * 重点关爱 of the demo world (issue 15 §5): two households of 柳青社区 marked with their consent — the
 * household of the seeded wishes (柳青雅居 1号楼 202, an elderly man living alone: its open wishes carry the
 * mark) and a disabled resident of 青枫里 1号楼 101. 柳青社区 is used by no journey and no wish test.
 */
export const careSeed: ModuleSeed = async (db: Database, scale: number) => {
  const now = clockNow()
  const day = (d: number) => new Date(now.getTime() - d * 86400_000)
  const docs: CareDoc[] = []
  for (let copy = 0; copy < scale; copy++) {
    const sfx = copy === 0 ? '' : `-${copy + 1}`
    const cid = `c-lq${sfx}`
    const marks = [
      {
        hid: `h-lq${sfx}-1-1-202`,
        kinds: ['elderly_alone'] as CareDoc['kinds'],
        note: '老伴去世，子女在外地，每周需上门看望',
        consentBy: '本人（居民）',
        ago: 40,
      },
      {
        hid: `h-lq${sfx}-2-1-101`,
        kinds: ['disabled', 'hardship'] as CareDoc['kinds'],
        note: '下肢残疾，行动不便',
        consentBy: '本人及其女儿',
        ago: 20,
      },
    ]
    for (const m of marks) {
      const h = (await db.collection(COL.households).where({ _id: m.hid }).limit(1).get()).data[0] as {
        _id: string
        gridId: string
        buildingId: string
        address: string
      }
      docs.push({
        _id: ids.care(h._id),
        householdId: h._id,
        communityId: cid,
        streetId: STREET._id,
        gridId: h.gridId,
        buildingId: h.buildingId,
        address: h.address,
        status: 'active',
        kinds: m.kinds,
        note: m.note,
        consentBy: m.consentBy,
        consentAt: day(m.ago + 1),
        recordedBy: 'o-sec-lq',
        recordedByName: '社区书记',
        markedAt: day(m.ago),
        version: 1,
      })
      await db
        .collection(COL.svcWishes)
        .where({ householdId: h._id, status: db.command.in(['open', 'claimed', 'delivered']) })
        .update({ data: { care: true } })
    }
  }
  await insertAll(db, COL.svcCare, docs)
}
