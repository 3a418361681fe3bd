export { type CompanyBriefInput, composeCompanyBrief } from './compose-company-brief.js';
export { countPlanDays } from './compose-pack-plan-sections.js';
export { composePrepPack } from './compose-prep-pack.js';
export { createOfflineWriter, type DocumentWriter } from './create-offline-writer.js';
export { findUnsupportedClaims } from './find-unsupported-claims.js';
export { mapKnowledgeLevel, type PrepPackInput } from './prep-pack-input.js';
