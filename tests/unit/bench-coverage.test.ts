// The seed first, as bench/run.ts loads it: local/seed/seed.ts and seed/property.ts import each other.
import '../../local/seed/seed'
import { allScenarios } from '../../bench/scenarios'
import { CONTRACT } from '../../types'

/** `npm run bench` must time every action of the contract (issue bar: a row for every action). */
it('has a bench scenario for every action of every function', () => {
  const benched = new Set(allScenarios().map((s) => `${s.fn}.${s.action}`))
  const actions = Object.entries(CONTRACT).flatMap(([fn, actions]) => Object.keys(actions).map((a) => `${fn}.${a}`))
  expect(actions.filter((a) => !benched.has(a))).toEqual([])
})
