export { type CompanyBriefInput, composeCompanyBrief } from './compose-company-brief.js';
export { composeFlashcards, type Flashcard } from './compose-flashcards.js';
export { countPlanDays, type StudyBlock, type StudyDay } from './compose-pack-plan-sections.js';
export { composePrepPack } from './compose-prep-pack.js';
export {
  composeStageNotes,
  nameStageNotes,
  type PreviousRound,
  type StageNotesInput,
} from './compose-stage-notes.js';
export { composeStudyPlan } from './compose-study-plan.js';
export { createOfflineWriter, type DocumentWriter } from './create-offline-writer.js';
export { findUnsupportedClaims } from './find-unsupported-claims.js';
export { createPrepPackInput, mapKnowledgeLevel, type PrepPackInput } from './prep-pack-input.js';
