/**
 * What the property context publishes to the others (and to the export function): the only module of
 * cloudfunctions/property another context may import (eslint.config.mjs enforces it).
 */
export { coverageOfStreet, readAll, repo } from './repo'
export type { ObjectionDoc, PeriodDoc, PublicationDoc, RatingDoc, RectificationDoc } from './repo'
export { listInputsOf } from './views'
