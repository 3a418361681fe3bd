export { parseMarkdownDocument } from './parse-markdown-document.js';
export { type AnalysisJson, type FlatProfile, renderAnalysisJson } from './render-analysis-json.js';
export { type AnalysisView, renderAnalysisSummary } from './render-analysis-summary.js';
export { renderDocx } from './render-docx.js';
export { renderFitReportMarkdown } from './render-fit-report-markdown.js';
export { type FlashcardRow, renderFlashcardsCsv } from './render-flashcards-csv.js';
export { type CalendarDay, renderIcs } from './render-ics.js';
export {
  type InterviewRecord,
  renderInterviewMarkdown,
  renderInterviewReport,
  renderInterviewTranscript,
} from './render-interview-markdown.js';
export { describeSource, renderMarkdown } from './render-markdown.js';
