import type { NeedStatus } from '../../../types/service'

/** Why a need cannot be matched now, or null: a need has one live match (project) at a time. */
export const matchProblem = (n: { status: NeedStatus }) =>
  n.status === 'done' ? '该需求已完成' : n.status === 'matched' ? '该需求已对接' : null
