import { orgScenarios } from './scenarios-org'
import { serviceScenarios } from './scenarios-service'
import { councilScenarios } from './scenarios-council'
import { propertyScenarios } from './scenarios-property'
import { gridScenarios } from './scenarios-grid'
import { moderationScenarios } from './scenarios-moderation'
import type { Scenario } from './types'

/** Every function's bench scenarios; a module adds its own list here. */
export function allScenarios(): Scenario[] {
  return [
    ...orgScenarios(),
    ...serviceScenarios(),
    ...councilScenarios(),
    ...propertyScenarios(),
    ...gridScenarios(),
    ...moderationScenarios(),
  ]
}
