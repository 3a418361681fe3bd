import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../../test/support/open-test-store.js';
import type { Store } from '../store/index.js';
import { createApp } from './create-app.js';
import type { WebAssets } from './load-web-assets.js';

const posting = 'Senior Platform Engineer\nRequirements: Kubernetes, Terraform, AWS.';

describe('createApp', () => {
  let store: Store;
  const logged: unknown[] = [];
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    store = await openTestStore();
    app = createApp({ store, version: '9.9.9', logError: (error) => logged.push(error) });
  });
  afterAll(async () => {
    await store?.close();
  });

  const sendJson = (method: string, path: string, body: unknown) =>
    app.request(path, {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  async function createApplication(company = 'Northwind Freight') {
    const response = await sendJson('POST', '/api/applications', {
      company,
      roleTitle: 'Platform Engineer',
      postingText: posting,
    });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string; version: number; company: string };
  }

  describe('GET /api/health', () => {
    it('answers ok with the version and storage mode when the database answers', async () => {
      const response = await app.request('/api/health');
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        status: 'ok',
        version: '9.9.9',
        storage: 'embedded',
      });
    });

    it('answers 503 STORAGE_UNAVAILABLE when the database does not answer', async () => {
      const broken = createApp({
        store: { ...store, ping: () => Promise.reject(new Error('connection reset')) },
        version: '9.9.9',
      });
      const response = await broken.request('/api/health');
      expect(response.status).toBe(503);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'STORAGE_UNAVAILABLE',
      );
    });
  });

  describe('applications', () => {
    it('creates an application with 201 and a Location, then lists and reads it', async () => {
      const response = await sendJson('POST', '/api/applications', {
        company: '  Harbor Analytics ',
        roleTitle: 'Data Engineer',
        postingText: posting,
      });
      expect(response.status).toBe(201);
      const created = (await response.json()) as { id: string; company: string; version: number };
      expect(created.company).toBe('Harbor Analytics');
      expect(response.headers.get('location')).toBe(`/api/applications/${created.id}`);

      const list = (await (await app.request('/api/applications')).json()) as {
        applications: Array<{ id: string }>;
      };
      expect(list.applications.map((item) => item.id)).toContain(created.id);
      const read = await app.request(`/api/applications/${created.id}`);
      expect(read.status).toBe(200);
      expect(((await read.json()) as { postingText: string }).postingText).toBe(posting);
    });

    it('rejects a body missing required fields with 400 and one issue per field', async () => {
      const response = await sendJson('POST', '/api/applications', {
        company: '',
        postingText: ' ',
      });
      expect(response.status).toBe(400);
      const { error } = (await response.json()) as {
        error: { code: string; issues: Array<{ path: string }> };
      };
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.issues.map((issue) => issue.path).sort()).toEqual([
        'company',
        'postingText',
        'roleTitle',
      ]);
    });

    it('rejects unknown fields, malformed JSON, non-objects and other content types', async () => {
      const unknownField = await sendJson('POST', '/api/applications', {
        company: 'A',
        roleTitle: 'B',
        postingText: 'C',
        isAdmin: true,
      });
      expect(unknownField.status).toBe(400);
      const malformed = await app.request('/api/applications', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"company": ',
      });
      expect(malformed.status).toBe(400);
      expect(((await malformed.json()) as { error: { message: string } }).error.message).toMatch(
        /not valid JSON/,
      );
      const array = await sendJson('POST', '/api/applications', [1, 2]);
      expect(array.status).toBe(400);
      const form = await app.request('/api/applications', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'company=A',
      });
      expect(form.status).toBe(400);
      expect(((await form.json()) as { error: { message: string } }).error.message).toMatch(
        /Content-Type: application\/json/,
      );
    });

    it('rejects a body over the limit with 413 before reading it all', async () => {
      const small = createApp({ store, version: '9.9.9', maxBodyBytes: 1024 });
      const response = await small.request('/api/applications', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ company: 'A', roleTitle: 'B', postingText: 'x'.repeat(5000) }),
      });
      expect(response.status).toBe(413);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'INPUT_TOO_LARGE',
      );
    });

    it('answers 404 for an unknown id and for an id that is not a UUID', async () => {
      const unknown = await app.request('/api/applications/00000000-0000-4000-8000-000000000000');
      expect(unknown.status).toBe(404);
      const malformed = await app.request('/api/applications/not-a-uuid');
      expect(malformed.status).toBe(404);
      expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe(
        'NOT_FOUND',
      );
    });

    it('refuses a stale PATCH with 409 and the current version, keeping the first edit', async () => {
      const created = await createApplication();
      const first = await sendJson('PATCH', `/api/applications/${created.id}`, {
        version: 1,
        status: 'applied',
      });
      expect(first.status).toBe(200);
      const stale = await sendJson('PATCH', `/api/applications/${created.id}`, {
        version: 1,
        status: 'withdrawn',
      });
      expect(stale.status).toBe(409);
      const body = (await stale.json()) as { error: { code: string; currentVersion: number } };
      expect(body.error).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
      const read = (await (await app.request(`/api/applications/${created.id}`)).json()) as {
        status: string;
      };
      expect(read.status).toBe('applied');
    });

    it('requires the version on PATCH', async () => {
      const created = await createApplication();
      const response = await sendJson('PATCH', `/api/applications/${created.id}`, {
        status: 'offer',
      });
      expect(response.status).toBe(400);
    });

    it('deletes with 204, and 409 when the named version is stale', async () => {
      const created = await createApplication('Delete Me');
      await sendJson('PATCH', `/api/applications/${created.id}`, {
        version: 1,
        status: 'rejected',
      });
      const stale = await app.request(`/api/applications/${created.id}?version=1`, {
        method: 'DELETE',
      });
      expect(stale.status).toBe(409);
      const badVersion = await app.request(`/api/applications/${created.id}?version=abc`, {
        method: 'DELETE',
      });
      expect(badVersion.status).toBe(400);
      const deleted = await app.request(`/api/applications/${created.id}?version=2`, {
        method: 'DELETE',
      });
      expect(deleted.status).toBe(204);
      expect((await app.request(`/api/applications/${created.id}`)).status).toBe(404);
    });
  });

  describe('stages', () => {
    it('adds, lists, updates and deletes the stages of an application', async () => {
      const application = await createApplication('Stage Route Co');
      const base = `/api/applications/${application.id}/stages`;
      const added = await sendJson('POST', base, {
        kind: 'system-design',
        scheduledAt: '2031-05-04T10:30:00+02:00',
        interviewer: 'Staff engineer',
      });
      expect(added.status).toBe(201);
      const stage = (await added.json()) as { id: string; status: string; scheduledAt: string };
      expect(stage.status).toBe('scheduled');
      expect(stage.scheduledAt).toBe('2031-05-04T08:30:00.000Z');

      const listed = (await (await app.request(base)).json()) as { stages: Array<{ id: string }> };
      expect(listed.stages.map((item) => item.id)).toEqual([stage.id]);

      const patched = await sendJson('PATCH', `${base}/${stage.id}`, {
        version: 1,
        status: 'completed',
      });
      expect(patched.status).toBe(200);
      const stale = await sendJson('PATCH', `${base}/${stage.id}`, {
        version: 1,
        status: 'cancelled',
      });
      expect(stale.status).toBe(409);

      expect((await app.request(`${base}/${stage.id}`, { method: 'DELETE' })).status).toBe(204);
      expect((await app.request(`${base}/${stage.id}`)).status).toBe(404);
    });

    it('rejects an unknown stage kind and a malformed time', async () => {
      const application = await createApplication();
      const base = `/api/applications/${application.id}/stages`;
      const badKind = await sendJson('POST', base, { kind: 'coffee-chat' });
      expect(badKind.status).toBe(400);
      const badTime = await sendJson('POST', base, {
        kind: 'technical',
        scheduledAt: 'next tuesday',
      });
      expect(badTime.status).toBe(400);
      const { error } = (await badTime.json()) as { error: { issues: Array<{ path: string }> } };
      expect(error.issues[0]?.path).toBe('scheduledAt');
    });

    it('answers 404 when adding a stage to an unknown application', async () => {
      const response = await sendJson(
        'POST',
        '/api/applications/00000000-0000-4000-8000-000000000000/stages',
        { kind: 'technical' },
      );
      expect(response.status).toBe(404);
    });
  });

  describe('documents', () => {
    it('saves versions and refuses a stale save with 409, keeping both earlier versions', async () => {
      const application = await createApplication('Doc Route Co');
      const url = `/api/applications/${application.id}/documents/prep-pack`;
      const save = (baseVersion: number, markdown: string) =>
        sendJson('PUT', url, { baseVersion, content: { markdown }, markdown });
      expect((await save(0, 'v1')).status).toBe(201);
      expect((await save(1, 'v2')).status).toBe(201);
      const stale = await save(1, 'stale');
      expect(stale.status).toBe(409);
      const latest = (await (await app.request(url)).json()) as {
        version: number;
        markdown: string;
      };
      expect(latest).toMatchObject({ version: 2, markdown: 'v2' });
      const versions = (await (await app.request(`${url}/versions`)).json()) as {
        versions: Array<{ version: number }>;
      };
      expect(versions.versions.map((entry) => entry.version)).toEqual([2, 1]);
      const first = (await (await app.request(`${url}/versions/1`)).json()) as { markdown: string };
      expect(first.markdown).toBe('v1');
    });

    it('answers 404 for an unknown document kind', async () => {
      const application = await createApplication();
      const response = await app.request(`/api/applications/${application.id}/documents/diary`);
      expect(response.status).toBe(404);
    });
  });

  describe('errors and headers', () => {
    it('answers unknown API routes with a JSON 404', async () => {
      const response = await app.request('/api/nothing-here');
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
    });

    it('answers an unexpected failure with a generic 500 and logs the cause', async () => {
      const failing = createApp({
        store: {
          ...store,
          applications: {
            ...store.applications,
            list: () => Promise.reject(new Error('secret internal detail')),
          },
        },
        version: '9.9.9',
        logError: (error) => logged.push(error),
      });
      const response = await failing.request('/api/applications');
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(text).not.toContain('secret internal detail');
      expect(String(logged.at(-1))).toContain('secret internal detail');
    });

    it('sets security headers, including a content security policy', async () => {
      const response = await app.request('/api/health');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('cache-control')).toBe('no-store');
    });

    it('refuses requests for a foreign host name when limited to local hosts', async () => {
      const local = createApp({
        store,
        version: '9.9.9',
        allowedHosts: ['127.0.0.1', 'localhost'],
      });
      const foreign = await local.request('http://attacker.example:4310/api/applications');
      expect(foreign.status).toBe(400);
      const own = await local.request('http://127.0.0.1:4310/api/health');
      expect(own.status).toBe(200);
    });
  });

  describe('web app', () => {
    const encoder = new TextEncoder();
    const webAssets: WebAssets = new Map([
      [
        '/index.html',
        {
          body: encoder.encode('<div id="root"></div>'),
          contentType: 'text/html; charset=utf-8',
          etag: '"i1"',
          immutable: false,
        },
      ],
      [
        '/assets/app-1a2b.js',
        {
          body: encoder.encode('console.log(1)'),
          contentType: 'text/javascript; charset=utf-8',
          etag: '"a1"',
          immutable: true,
        },
      ],
    ]);
    const withWeb = () => createApp({ store, version: '9.9.9', webAssets });

    it('serves index.html at / and for client-side routes', async () => {
      for (const path of ['/', '/applications/123']) {
        const response = await withWeb().request(path);
        expect(response.status).toBe(200);
        expect(await response.text()).toBe('<div id="root"></div>');
        expect(response.headers.get('cache-control')).toBe('no-cache');
      }
    });

    it('serves hashed assets as immutable, answers 304 to a matching ETag and 404 for missing files', async () => {
      const asset = await withWeb().request('/assets/app-1a2b.js');
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toContain('immutable');
      const cached = await withWeb().request('/assets/app-1a2b.js', {
        headers: { 'if-none-match': '"a1"' },
      });
      expect(cached.status).toBe(304);
      expect((await withWeb().request('/assets/missing.js')).status).toBe(404);
      expect((await withWeb().request('/../package.json')).status).not.toBe(200);
    });

    it('explains how to build the web app when it is missing', async () => {
      const response = await app.request('/');
      expect(response.status).toBe(503);
      expect(await response.text()).toMatch(/npm run build/);
    });
  });
});
