import type { DocumentVersion } from '../domain/index.js';
import { analyzeApplication } from '../match/index.js';
import { renderAnalysisJson, renderFitReportMarkdown } from '../render/index.js';
import {
  type GenerateContext,
  generateDocument,
  readApplicationSources,
} from './generate-documents.js';
import { saveComputedDocument } from './save-computed-document.js';

/**
 * Analyzes an application's stored posting, resume and notes and saves the
 * result as a new version of its `fit-report` document.
 *
 * @example
 * const saved = await analyzeAndSave({ store, extract, knowledge }, applicationId);
 */
export async function analyzeAndSave(
  context: Pick<GenerateContext, 'store' | 'extract'>,
  applicationId: string,
): Promise<DocumentVersion> {
  const application = await context.store.applications.get(applicationId);
  const analysis = analyzeApplication(readApplicationSources(application), context.extract);
  const content = JSON.parse(JSON.stringify(renderAnalysisJson(analysis)));
  return saveComputedDocument(
    context.store,
    { applicationId, kind: 'fit-report' },
    content,
    renderFitReportMarkdown(analysis),
  );
}

/**
 * Fills a newly created demo application: its fit report, prep pack and
 * company brief, so someone opening prepkit for the first time sees the
 * documents at once rather than empty sections.
 */
export async function prepareDemoDocuments(
  context: GenerateContext,
  applicationId: string,
): Promise<void> {
  await analyzeAndSave(context, applicationId);
  await generateDocument(context, applicationId, 'prep-pack');
  await generateDocument(context, applicationId, 'company-brief');
}
