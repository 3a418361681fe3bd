import { planStudyDays, type StudyDay } from './compose-pack-plan-sections.js';
import { composeConcepts } from './compose-pack-question-sections.js';
import type { PrepPackInput } from './prep-pack-input.js';

/**
 * The preparation plan alone, as days of blocks: the same plan as the prep
 * pack's, for the calendar export.
 */
export function composeStudyPlan(input: PrepPackInput): StudyDay[] {
  return planStudyDays(input, composeConcepts(input).concepts);
}
