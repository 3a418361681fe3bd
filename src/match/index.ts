export { matchFit } from './match-fit.js';
