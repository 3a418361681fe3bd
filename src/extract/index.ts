export {
  createExtractContext,
  createPhraseMatcher,
  type ExtractContext,
  type PhraseMatcher,
} from './create-extract-context.js';
export {
  createTechnologyMatcher,
  type TechnologyMatcher,
  type TechnologyMention,
} from './create-technology-matcher.js';
export { extractCandidateProfile } from './extract-candidate-profile.js';
export { type CompanyProfile, extractCompanyProfile } from './extract-company-profile.js';
export { extractJobProfile, readLevelFromTitle } from './extract-job-profile.js';
export { findKnownIds, findTechnologies } from './find-technologies.js';
export { type DateRange, parseDateRange, sumYears } from './parse-date-range.js';
export {
  classifyHeading,
  type SectionedLine,
  type SectionKind,
  splitSections,
} from './split-sections.js';
