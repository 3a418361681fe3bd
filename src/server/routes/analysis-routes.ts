import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { composeFlashcards, composeStudyPlan, createPrepPackInput } from '../../compose/index.js';
import { ComposedDocumentSchema, PrepkitError } from '../../domain/index.js';
import type { ExtractContext } from '../../extract/index.js';
import { ingestLimits, readInput } from '../../ingest/index.js';
import type { KnowledgeBase } from '../../knowledge/index.js';
import { analyzeApplication } from '../../match/index.js';
import {
  parseMarkdownDocument,
  renderDocx,
  renderFlashcardsCsv,
  renderIcs,
  renderMarkdown,
} from '../../render/index.js';
import type { Store } from '../../store/index.js';
import { analyzeAndSave, generateDocument, readApplicationSources } from '../../workspace/index.js';
import { readDocumentKind, readId } from '../route-params.js';

/**
 * `POST /api/applications/:id/analyze` reads the application's posting,
 * resume and notes and stores the analysis as a new version of its
 * `fit-report` document; `GET .../analysis` returns the latest one.
 * `POST .../documents/<kind>/generate[?stage=<id>]` composes the prep pack,
 * company brief or a round's stage notes and saves it as a new version.
 * `POST /api/ingest?name=<file name>` turns an uploaded file (PDF, DOCX, HTML,
 * Markdown, text) into text, so the web app can fill a resume from a file.
 */
export function createAnalysisRoutes(
  store: Store,
  getContext: () => ExtractContext,
  getKnowledge: () => KnowledgeBase,
): Hono {
  const routes = new Hono();

  routes.post('/applications/:id/analyze', async (c) => {
    const applicationId = readId(c.req.param('id'), 'application');
    const saved = await analyzeAndSave({ store, extract: getContext() }, applicationId);
    return c.json(
      { version: saved.version, createdAt: saved.createdAt, analysis: saved.content },
      201,
    );
  });

  routes.post('/applications/:id/documents/:kind/generate', async (c) => {
    const applicationId = readId(c.req.param('id'), 'application');
    const kind = c.req.param('kind');
    if (kind !== 'prep-pack' && kind !== 'company-brief' && kind !== 'stage-notes') {
      throw new PrepkitError(
        'NOT_FOUND',
        `prepkit generates prep-pack, company-brief and stage-notes, not ${JSON.stringify(kind)}`,
      );
    }
    const stage = c.req.query('stage');
    const saved = await generateDocument(
      { store, extract: getContext(), knowledge: getKnowledge() },
      applicationId,
      kind,
      stage ? readId(stage, 'stage') : null,
    );
    return c.json(saved, 201);
  });

  routes.get('/applications/:id/documents/:kind/download', async (c) => {
    const applicationId = readId(c.req.param('id'), 'application');
    const kind = readDocumentKind(c.req.param('kind'));
    const stage = c.req.query('stage');
    const format = c.req.query('format') ?? 'md';
    if (format !== 'md' && format !== 'docx')
      throw new PrepkitError('INVALID_INPUT', 'format must be md or docx');
    const latest = await store.documents.latest({
      applicationId,
      kind,
      stageId: stage ? readId(stage, 'stage') : null,
    });
    const name = `${kind}-v${latest.version}`;
    if (format === 'md') {
      c.header('Content-Type', 'text/markdown; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="${name}.md"`);
      return c.body(latest.markdown);
    }
    // A version the user edited carries their Markdown; the structured content
    // is used only while it still renders to exactly that Markdown.
    const structured = ComposedDocumentSchema.safeParse(latest.content);
    const composed =
      structured.success && renderMarkdown(structured.data) === latest.markdown
        ? structured.data
        : parseMarkdownDocument(
            latest.markdown,
            structured.success ? structured.data.kind : 'study-plan',
          );
    c.header(
      'Content-Type',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    c.header('Content-Disposition', `attachment; filename="${name}.docx"`);
    return c.body((await renderDocx(composed)) as Uint8Array<ArrayBuffer>);
  });

  const packInputOf = async (applicationId: string) => {
    const application = await store.applications.get(applicationId);
    if (!application.resumeText.trim()) {
      throw new PrepkitError(
        'INVALID_INPUT',
        'Add your resume to this application first: the plan and cards are built from it',
      );
    }
    const today = new Date();
    return {
      application,
      input: createPrepPackInput(
        analyzeApplication(readApplicationSources(application), getContext(), { today }),
        getKnowledge(),
        { today },
      ),
    };
  };

  routes.get('/applications/:id/plan.ics', async (c) => {
    const { application, input } = await packInputOf(readId(c.req.param('id'), 'application'));
    c.header('Content-Type', 'text/calendar; charset=utf-8');
    c.header('Content-Disposition', 'attachment; filename="preparation-plan.ics"');
    return c.body(
      renderIcs(composeStudyPlan(input), {
        name: `Interview prep: ${application.company}`,
        stamp: input.today,
      }),
    );
  });

  routes.get('/applications/:id/cards.csv', async (c) => {
    const { input } = await packInputOf(readId(c.req.param('id'), 'application'));
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', 'attachment; filename="flashcards.csv"');
    return c.body(renderFlashcardsCsv(composeFlashcards(input)));
  });

  routes.get('/applications/:id/analysis', async (c) => {
    const applicationId = readId(c.req.param('id'), 'application');
    const saved = await store.documents.latest({ applicationId, kind: 'fit-report' });
    return c.json({ version: saved.version, createdAt: saved.createdAt, analysis: saved.content });
  });

  routes.post(
    '/ingest',
    bodyLimit({
      maxSize: ingestLimits.maxBytes,
      onError: () => {
        throw new PrepkitError(
          'INPUT_TOO_LARGE',
          `Files over ${ingestLimits.maxBytes / 1024 / 1024} MiB are not accepted`,
        );
      },
    }),
    async (c) => {
      const name = c.req.query('name')?.trim();
      if (!name)
        throw new PrepkitError('INVALID_INPUT', 'Name the uploaded file with ?name=<file name>');
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const source = await readInput(bytes, name.slice(0, 255));
      return c.json({
        name: source.name,
        kind: source.kind,
        text: source.text,
        lineCount: source.lines.length,
        pages: source.pages ?? null,
      });
    },
  );

  return routes;
}
