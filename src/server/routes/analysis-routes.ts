import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createSource, isPrepkitError, PrepkitError } from '../../domain/index.js';
import type { ExtractContext } from '../../extract/index.js';
import { ingestLimits, readInput } from '../../ingest/index.js';
import { analyzeApplication } from '../../match/index.js';
import { renderAnalysisJson, renderFitReportMarkdown } from '../../render/index.js';
import type { Store } from '../../store/index.js';
import { readId } from '../route-params.js';

/**
 * `POST /api/applications/:id/analyze` reads the application's posting,
 * resume and notes and stores the analysis as a new version of its
 * `fit-report` document; `GET .../analysis` returns the latest one.
 * `POST /api/ingest?name=<file name>` turns an uploaded file (PDF, DOCX, HTML,
 * Markdown, text) into text, so the web app can fill a resume from a file.
 */
export function createAnalysisRoutes(store: Store, getContext: () => ExtractContext): Hono {
  const routes = new Hono();

  routes.post('/applications/:id/analyze', async (c) => {
    const applicationId = readId(c.req.param('id'), 'application');
    const application = await store.applications.get(applicationId);
    const analysis = analyzeApplication(
      {
        job: createSource(
          'markdown',
          application.postingSource || 'posting',
          application.postingText,
        ),
        resume: application.resumeText.trim()
          ? createSource('markdown', 'resume', application.resumeText)
          : undefined,
        company: application.companyNotes.trim()
          ? createSource('markdown', 'company notes', application.companyNotes)
          : undefined,
      },
      getContext(),
    );
    const content = JSON.parse(JSON.stringify(renderAnalysisJson(analysis)));
    const markdown = renderFitReportMarkdown(analysis);
    const address = { applicationId, kind: 'fit-report' as const };
    // The analysis is computed, not edited by hand: when another save wins the
    // race, save again on top of it rather than fail.
    for (let attempt = 0; ; attempt++) {
      const base = await store.documents.latest(address).then(
        (document) => document.version,
        (error: unknown) => {
          if (isPrepkitError(error, 'NOT_FOUND')) return 0;
          throw error;
        },
      );
      try {
        const saved = await store.documents.save(address, {
          stageId: null,
          baseVersion: base,
          content,
          markdown,
        });
        return c.json(
          { version: saved.version, createdAt: saved.createdAt, analysis: saved.content },
          201,
        );
      } catch (error) {
        if (!isPrepkitError(error, 'CONFLICT') || attempt >= 2) throw error;
      }
    }
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
