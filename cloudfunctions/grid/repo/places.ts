import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import { OPEN_EVENT, OPEN_FOR_HANDLER } from '../domain/rules'

type Agg = {
  aggregate: {
    sum(x: unknown): unknown
    cond(x: unknown[]): unknown
    eq(x: unknown[]): unknown
    first(x: unknown): unknown
    avg(x: unknown): unknown
  }
}

/** Places shown at most (a community has a few estates of a few dozen buildings). */
const PLACES = 500

/** Where an event is: its estate and building (either may be missing). */
export type PlaceKey = { estate?: string | null; building?: string | null }
export interface OpenAtPlace {
  _id: PlaceKey
  open: number
  urgent: number
  estateName?: string
  buildingName?: string
  lat?: number | null
  lng?: number | null
}

const place = { estate: '$estateId', building: '$buildingId' }
const $of = (db: Database) => (db.command as unknown as Agg).aggregate

/** Open events of a scope (a community or a grid) per place: how many, how many urgent, where (the mean of the located ones). One grouped read. */
export async function countOpenEventsByPlace(db: Database, scope: Record<string, string>): Promise<OpenAtPlace[]> {
  const _ = db.command
  const $ = $of(db)
  const { list } = await db
    .collection(COL.gridEvents)
    .aggregate()
    .match({ ...scope, status: _.in(OPEN_EVENT) })
    .group({
      _id: place,
      open: $.sum(1),
      urgent: $.sum($.cond([$.eq(['$urgency', 'urgent']), 1, 0])),
      estateName: $.first('$estateName'),
      buildingName: $.first('$buildingName'),
      lat: $.avg('$lat'),
      lng: $.avg('$lng'),
    })
    .limit(PLACES)
    .end()
  return list as OpenAtPlace[]
}

/** Events of a scope past their deadline and still owed by their handler, per place. One grouped read. */
export async function countOverdueEventsByPlace(
  db: Database,
  scope: Record<string, string>,
  now: Date,
): Promise<{ _id: PlaceKey; n: number }[]> {
  const _ = db.command
  const $ = $of(db)
  const { list } = await db
    .collection(COL.gridEvents)
    .aggregate()
    .match({ ...scope, status: _.in([...OPEN_FOR_HANDLER]), deadline: _.lt(now) })
    .group({ _id: place, n: $.sum(1) })
    .limit(PLACES)
    .end()
  return list as { _id: PlaceKey; n: number }[]
}
