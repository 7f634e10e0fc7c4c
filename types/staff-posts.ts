/**
 * The posts of a grid (SPEC §9–10). In a module of their own because an org invitation can offer one
 * (types/org.ts) and the main package, which reads org's contract, should not carry grid's.
 */
export const STAFF_POSTS = ['leader', 'worker', 'cadre', 'branch_secretary'] as const
export type StaffPost = (typeof STAFF_POSTS)[number]
export const STAFF_POST_LABEL: Record<StaffPost, string> = {
  leader: '网格长',
  worker: '网格员',
  cadre: '挂钩干部',
  branch_secretary: '网格党支部书记',
}
