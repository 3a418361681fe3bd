import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { PrepkitError } from '../../domain/index.js';
import type { ExtractContext } from '../../extract/index.js';
import { ingestLimits, readInput } from '../../ingest/index.js';
import type { KnowledgeBase } from '../../knowledge/index.js';
import { analyzeApplication } from '../../match/index.js';
import { renderAnalysisJson, renderFitReportMarkdown } from '../../render/index.js';
import type { Store } from '../../store/index.js';
import {
  generateDocument,
  readApplicationSources,
  saveComputedDocument,
} from '../../workspace/index.js';
import { readId } from '../route-params.js';

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
    const application = await store.applications.get(applicationId);
    const analysis = analyzeApplication(readApplicationSources(application), getContext());
    const content = JSON.parse(JSON.stringify(renderAnalysisJson(analysis)));
    const saved = await saveComputedDocument(
      store,
      { applicationId, kind: 'fit-report' },
      content,
      renderFitReportMarkdown(analysis),
    );
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
