import { Hono } from 'hono';
import { NewStageSchema, StagePatchSchema } from '../../domain/index.js';
import type { Store } from '../../store/index.js';
import { readJsonBody } from '../read-json-body.js';
import { readId, readVersion } from '../route-params.js';

/** `/api/applications/:id/stages`: the interview rounds of one application. */
export function createStagesRoutes(store: Store): Hono {
  const routes = new Hono();

  routes.get('/:id/stages', async (c) => {
    const applicationId = readId(c.req.param('id'), 'application');
    return c.json({ stages: await store.stages.list(applicationId) });
  });

  routes.post('/:id/stages', async (c) => {
    const applicationId = readId(c.req.param('id'), 'application');
    const input = await readJsonBody(c, NewStageSchema, 'stage');
    const stage = await store.stages.create(applicationId, input);
    c.header('Location', `/api/applications/${applicationId}/stages/${stage.id}`);
    return c.json(stage, 201);
  });

  routes.get('/:id/stages/:stageId', async (c) => {
    const applicationId = readId(c.req.param('id'), 'application');
    const stageId = readId(c.req.param('stageId'), 'stage');
    return c.json(await store.stages.get(applicationId, stageId));
  });

  routes.patch('/:id/stages/:stageId', async (c) => {
    const applicationId = readId(c.req.param('id'), 'application');
    const stageId = readId(c.req.param('stageId'), 'stage');
    const patch = await readJsonBody(c, StagePatchSchema, 'stage update');
    return c.json(await store.stages.update(applicationId, stageId, patch));
  });

  routes.delete('/:id/stages/:stageId', async (c) => {
    const applicationId = readId(c.req.param('id'), 'application');
    const stageId = readId(c.req.param('stageId'), 'stage');
    await store.stages.remove(applicationId, stageId, readVersion(c.req.query('version')));
    return c.body(null, 204);
  });

  return routes;
}
