export {
  type AnswerAnalysis,
  type AnswerAnalyzer,
  createAnswerAnalyzer,
  listWords,
  splitSentences,
  stemWord,
} from './analyze-answer.js';
export {
  createDirector,
  type Director,
  type DirectorOptions,
  type DirectorStatus,
  replayDirector,
  wordsPerMinute,
} from './create-director.js';
export {
  type EvaluateInterviewInput,
  evaluateInterview,
  findCriterionSignals,
} from './evaluate-interview.js';
export {
  createReferenceFinder,
  type ReferenceAnswer,
  type ReferenceFinder,
} from './find-reference-answer.js';
export {
  type AnswerSignal,
  type InterviewVocabulary,
  interviewVocabularyFolder,
  loadInterviewVocabulary,
} from './interview-vocabulary.js';
export { listPersonas, loadPersona } from './load-persona.js';
export { describeMissingPersonaParts, parsePersona } from './parse-persona.js';
export {
  type InterviewScript,
  parseInterviewScript,
  runScriptedInterview,
} from './run-scripted-interview.js';
export { type InterviewSubject, requestsCode } from './tailor-questions.js';
