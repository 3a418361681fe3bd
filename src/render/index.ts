export { type AnalysisJson, type FlatProfile, renderAnalysisJson } from './render-analysis-json.js';
export { type AnalysisView, renderAnalysisSummary } from './render-analysis-summary.js';
export { renderFitReportMarkdown } from './render-fit-report-markdown.js';
export { describeSource, renderMarkdown } from './render-markdown.js';
