export { type Analysis, analyzeApplication } from './analyze-application.js';
export { matchFit } from './match-fit.js';
