import type { ComposedDocument } from '../domain/index.js';
import {
  composeClosing,
  composeGaps,
  composePitch,
  composeStrategicAdvice,
} from './compose-pack-advice-sections.js';
import { composePlan, composeStarStories, planStudyDays } from './compose-pack-plan-sections.js';
import {
  composeCompanySummary,
  composeJobOverview,
  composeResumeHighlights,
  composeWhyFit,
} from './compose-pack-profile-sections.js';
import {
  composeConcepts,
  composePredictedQuestions,
  composeQuestionsToAsk,
} from './compose-pack-question-sections.js';
import type { PrepPackInput } from './prep-pack-input.js';

/**
 * The prep pack: the thirteen sections of the product specification, in
 * order, each item with its sources. Deterministic: the same input gives the
 * same value.
 *
 * @example
 * const pack = composePrepPack({ job, candidate, fit, company, knowledge, today: new Date() });
 * renderMarkdown(pack);
 */
export function composePrepPack(input: PrepPackInput): ComposedDocument {
  const concepts = composeConcepts(input);
  const title = [input.job.title.value ?? 'Interview prep', input.job.company.value]
    .filter(Boolean)
    .join(' — ');
  return {
    kind: 'prep-pack',
    title: `Interview prep: ${title}`,
    sections: [
      composeJobOverview(input),
      composeWhyFit(input),
      composeGaps(input),
      composePitch(input),
      composeResumeHighlights(input),
      composeCompanySummary(input),
      composePredictedQuestions(input),
      composeQuestionsToAsk(input),
      concepts.section,
      composeStrategicAdvice(input),
      composePlan(input, planStudyDays(input, concepts.concepts)),
      composeStarStories(input),
      composeClosing(input),
    ],
  };
}
