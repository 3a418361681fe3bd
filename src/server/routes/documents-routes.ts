import { type Context, Hono } from 'hono';
import { SaveDocumentSchema } from '../../domain/index.js';
import type { DocumentAddress, Store } from '../../store/index.js';
import { readJsonBody } from '../read-json-body.js';
import { readDocumentKind, readId, readVersion } from '../route-params.js';

/**
 * `/api/applications/:id/documents`: versioned documents. `?stage=<id>` names
 * the stage for stage notes. A save (PUT) names its base version and is
 * refused with 409 when someone saved since.
 */
export function createDocumentsRoutes(store: Store): Hono {
  const routes = new Hono();

  routes.get('/:id/documents', async (c) => {
    const applicationId = readId(c.req.param('id'), 'application');
    return c.json({ documents: await store.documents.listLatest(applicationId) });
  });

  routes.get('/:id/documents/:kind', async (c) => {
    return c.json(await store.documents.latest(readAddress(c)));
  });

  routes.get('/:id/documents/:kind/versions', async (c) => {
    return c.json({ versions: await store.documents.history(readAddress(c)) });
  });

  routes.get('/:id/documents/:kind/versions/:version', async (c) => {
    const version = readVersion(c.req.param('version')) ?? 1;
    return c.json(await store.documents.getVersion(readAddress(c), version));
  });

  routes.put('/:id/documents/:kind', async (c) => {
    const applicationId = readId(c.req.param('id'), 'application');
    const kind = readDocumentKind(c.req.param('kind'));
    const input = await readJsonBody(c, SaveDocumentSchema, 'document');
    const saved = await store.documents.save({ applicationId, kind }, input);
    return c.json(saved, 201);
  });

  return routes;
}

/** The document a URL names: application, kind and, with `?stage=`, the stage. */
function readAddress(c: Context): DocumentAddress {
  const stage = c.req.query('stage');
  return {
    applicationId: readId(c.req.param('id'), 'application'),
    kind: readDocumentKind(c.req.param('kind')),
    stageId: stage === undefined || stage === '' ? null : readId(stage, 'stage'),
  };
}
