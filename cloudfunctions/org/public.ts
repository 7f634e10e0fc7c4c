/**
 * What the org context publishes to the others (and to the export function): the only module of
 * cloudfunctions/org another context may import (eslint.config.mjs enforces it).
 */
export { invitationState } from './domain/invitations'
export { collectMyData, myDataFilePath } from './mydata/collect'
export type { MyData } from './mydata/collect'
export { beijingText, myDataWorkbookSheets } from './mydata/sheets'
