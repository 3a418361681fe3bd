export { analyzeAndSave, prepareDemoDocuments } from './analyze-and-save.js';
export { exportVault } from './export-vault.js';
export {
  type GenerateContext,
  type GeneratedKind,
  generateDocument,
  readApplicationSources,
} from './generate-documents.js';
export { saveComputedDocument } from './save-computed-document.js';
