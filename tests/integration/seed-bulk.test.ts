import { seedDemo, seedInBulk } from '../../local/seed/seed'
import { openCloud } from './harness'

/**
 * The bench seeds its large scales straight into the store (local/seed/insert.ts). What it keeps must
 * be what the demo seed through the SDK keeps, document for document, or the bench measures another world.
 */

async function seededWorld(bulk: boolean): Promise<Record<string, Record<string, unknown>[]>> {
  const h = await openCloud({ seed: false })
  try {
    if (bulk) seedInBulk(h.store)
    try {
      await seedDemo(h.db)
    } finally {
      seedInBulk(null)
    }
    const world = JSON.parse(await h.snapshot()) as Record<string, Record<string, unknown>[]>
    // The seed's marker records when it ran (the machine's clock): the one field that may differ.
    for (const doc of world.counters) if (doc._id === 'seed:demo') delete doc.at
    return world
  } finally {
    h.close()
  }
}

it('writes in bulk exactly the documents the seed writes through the SDK', async () => {
  const viaSdk = await seededWorld(false)
  const inBulk = await seededWorld(true)
  expect(viaSdk.households.length).toBeGreaterThan(0)
  expect(Object.keys(inBulk)).toEqual(Object.keys(viaSdk))
  for (const name of Object.keys(viaSdk)) {
    expect([name, inBulk[name].length]).toEqual([name, viaSdk[name].length])
    for (let i = 0; i < viaSdk[name].length; i++) expect([name, inBulk[name][i]]).toEqual([name, viaSdk[name][i]])
  }
})
