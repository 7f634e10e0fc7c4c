/**
 * The budgets `npm run bench` holds the build to (issue 16). A missed budget makes the bench exit 1.
 * tests/build/weapp-build.test.ts checks the package budgets too, in `npm test`.
 */
export const KB = 1024

export const BUDGET = {
  /** The main package: 1.5 × Taro's 287 KB floor. */
  mainKB: 430,
  /** Every package of the mini-program together. */
  totalKB: 1536,
  /** WeChat's limit for one package. */
  subpackageKB: 2048,
  /** A cloud function's bundle (export excepted: it is the one that carries exceljs). */
  bundleKB: 600,
  /** A cold `require` of a function's bundle, as a multiple of the floor's (a bundle of wx-server-sdk alone). */
  requireVsFloor: 1.3,
  /** p95 of every action at 10× the demo data (scenarios with a `slow` note excepted). */
  p95Ms: 50,
} as const

/** The function that carries exceljs: its bundle and cold start are shown, not held to the budgets above. */
export const EXCEL_FUNCTION = 'export'

/** Data scales of the action runs, as multiples of the demo world's 3 communities: 3, 30 and 300 communities (100× is more than issue 16's street of 100). */
export const SCALES = (process.env.BENCH_SCALES ?? '1,10,100').split(',').map(Number)
