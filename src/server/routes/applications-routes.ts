import { Hono } from 'hono';
import { ApplicationPatchSchema, NewApplicationSchema } from '../../domain/index.js';
import type { Store } from '../../store/index.js';
import { readJsonBody } from '../read-json-body.js';
import { readId, readVersion } from '../route-params.js';

/** `/api/applications`: list, create, read, update (with version) and delete. */
export function createApplicationsRoutes(store: Store): Hono {
  const routes = new Hono();

  routes.get('/', async (c) => c.json({ applications: await store.applications.list() }));

  routes.post('/', async (c) => {
    const input = await readJsonBody(c, NewApplicationSchema, 'application');
    const application = await store.applications.create(input);
    c.header('Location', `/api/applications/${application.id}`);
    return c.json(application, 201);
  });

  routes.get('/:id', async (c) => {
    const application = await store.applications.get(readId(c.req.param('id'), 'application'));
    return c.json(application);
  });

  routes.patch('/:id', async (c) => {
    const id = readId(c.req.param('id'), 'application');
    const patch = await readJsonBody(c, ApplicationPatchSchema, 'application update');
    return c.json(await store.applications.update(id, patch));
  });

  routes.delete('/:id', async (c) => {
    const id = readId(c.req.param('id'), 'application');
    await store.applications.remove(id, readVersion(c.req.query('version')));
    return c.body(null, 204);
  });

  return routes;
}
