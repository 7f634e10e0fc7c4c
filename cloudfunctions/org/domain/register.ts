/** Pure rules of the register's versions (org_revisions). */

/** A version's id: one per target and version number, so two changes of one version conflict. */
export const revisionId = (targetId: string, version: number) => `rev:${targetId}:v${version}`

/** Floor area as people read it: dm² → "85.50 平方米" (areas are stored as whole dm², 1 ㎡ = 100 dm²). */
export const dm2Text = (dm2: number) => `${(dm2 / 100).toFixed(2)} 平方米`
