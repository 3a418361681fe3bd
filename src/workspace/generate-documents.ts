import {
  composeCompanyBrief,
  composePrepPack,
  composeStageNotes,
  createPrepPackInput,
  nameStageNotes,
  type PrepPackInput,
  type PreviousRound,
} from '../compose/index.js';
import {
  type Application,
  createSource,
  type DocumentVersion,
  type JsonValue,
  PrepkitError,
} from '../domain/index.js';
import type { ExtractContext } from '../extract/index.js';
import type { KnowledgeBase } from '../knowledge/index.js';
import { analyzeApplication } from '../match/index.js';
import { renderMarkdown } from '../render/index.js';
import type { Store } from '../store/index.js';
import { saveComputedDocument } from './save-computed-document.js';

/** What generating documents needs besides the store. */
export interface GenerateContext {
  store: Store;
  extract: ExtractContext;
  knowledge: KnowledgeBase;
  today?: Date;
}

/** The documents prepkit can generate for an application. */
export type GeneratedKind = 'prep-pack' | 'company-brief' | 'stage-notes';

/** The application's stored texts as Sources: posting always, resume and notes when given. */
export function readApplicationSources(application: Application) {
  return {
    job: createSource('markdown', application.postingSource || 'posting', application.postingText),
    resume: application.resumeText.trim()
      ? createSource('markdown', 'resume', application.resumeText)
      : undefined,
    company: application.companyNotes.trim()
      ? createSource('markdown', 'company notes', application.companyNotes)
      : undefined,
  };
}

function readInputs(application: Application, context: GenerateContext): PrepPackInput {
  const today = context.today ?? new Date();
  if (!application.resumeText.trim()) {
    throw new PrepkitError(
      'INVALID_INPUT',
      'Add your resume to this application first: the documents are built from it',
    );
  }
  const analysis = analyzeApplication(readApplicationSources(application), context.extract, {
    today,
  });
  return createPrepPackInput(analysis, context.knowledge, { today });
}

/**
 * Generates one document of an application from its stored posting, resume
 * and notes, and saves it as a new version (older versions, the user's edits
 * included, stay readable). Stage notes read the latest notes of the rounds
 * before them, so what the user wrote there carries over.
 *
 * @example
 * await generateDocument(context, applicationId, 'stage-notes', stageId);
 */
export async function generateDocument(
  context: GenerateContext,
  applicationId: string,
  kind: GeneratedKind,
  stageId?: string | null,
): Promise<DocumentVersion> {
  const { store } = context;
  const application = await store.applications.get(applicationId);
  if (kind === 'company-brief') {
    const { job, company } = readApplicationSources(application);
    const analysis = analyzeApplication({ job, company }, context.extract);
    const brief = composeCompanyBrief({
      job: analysis.job,
      company: analysis.company,
      knowledge: context.knowledge,
    });
    return saveComputedDocument(
      store,
      { applicationId, kind },
      brief as unknown as JsonValue,
      renderMarkdown(brief),
    );
  }
  const input = readInputs(application, context);
  if (kind === 'prep-pack') {
    const pack = composePrepPack(input);
    return saveComputedDocument(
      store,
      { applicationId, kind },
      pack as unknown as JsonValue,
      renderMarkdown(pack),
    );
  }
  if (!stageId) throw new PrepkitError('INVALID_INPUT', 'Stage notes need the stage: ?stage=<id>');
  const stages = await store.stages.list(applicationId);
  const position = stages.findIndex((stage) => stage.id === stageId);
  const stage = stages[position];
  if (!stage)
    throw new PrepkitError(
      'NOT_FOUND',
      `No stage with id ${stageId} in application ${applicationId}`,
    );
  const previous: PreviousRound[] = [];
  for (const [index, earlier] of stages.slice(0, position).entries()) {
    const notes = await store.documents
      .latest({ applicationId, kind: 'stage-notes', stageId: earlier.id })
      .catch(() => undefined);
    if (notes)
      previous.push({
        name: nameStageNotes(index + 1, earlier.kind),
        source: createSource('markdown', nameStageNotes(index + 1, earlier.kind), notes.markdown),
      });
  }
  const document = composeStageNotes({
    ...input,
    stage: stage.kind,
    scheduledAt: stage.scheduledAt ?? undefined,
    interviewer: stage.interviewer,
    previous,
  });
  return saveComputedDocument(
    store,
    { applicationId, kind, stageId },
    document as unknown as JsonValue,
    renderMarkdown(document),
  );
}
