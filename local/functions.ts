import { main as council } from '../cloudfunctions/council/index'
import { main as exportFiles } from '../cloudfunctions/export/index'
import { main as org } from '../cloudfunctions/org/index'
import { main as service } from '../cloudfunctions/service/index'
import { main as property } from '../cloudfunctions/property/index'
import { main as grid } from '../cloudfunctions/grid/index'

/** The cloud functions the local runtime serves, by name (the same source that is bundled for deploy). */
export const FUNCTIONS: Record<string, (event: unknown) => Promise<unknown>> = {
  org,
  service,
  property,
  council,
  grid,
  export: exportFiles,
}
