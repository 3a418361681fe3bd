import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../../../test/support/open-test-store.js';
import { createExtractContext } from '../../extract/index.js';
import { loadKnowledgeBase } from '../../knowledge/index.js';
import type { Store } from '../../store/index.js';
import { createApp } from '../create-app.js';

const posting = [
  '# Senior Backend Engineer at Harbor Analytics',
  '## Requirements',
  '- 5+ years of backend development',
  '- Go and PostgreSQL',
  '## Nice to have',
  '- Kafka',
].join('\n');

const resume = [
  'Test Candidate',
  '## Experience',
  'Backend Engineer — Northwind Freight',
  'Jan 2019 – Dec 2024',
  '- Built Node.js services on MySQL serving 2 million requests a day',
].join('\n');

describe('analysis routes', () => {
  let store: Store;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    store = await openTestStore();
    app = createApp({
      store,
      version: '9.9.9',
      extractContext: createExtractContext(),
      knowledge: loadKnowledgeBase({ compiledPath: false }).knowledge,
    });
  });
  afterAll(async () => {
    await store?.close();
  });

  async function createApplication(fields: Record<string, string>) {
    const response = await app.request('/api/applications', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        company: 'Harbor Analytics',
        roleTitle: 'Senior Backend Engineer',
        postingText: posting,
        ...fields,
      }),
    });
    return (await response.json()) as { id: string };
  }

  it('analyzes the stored posting and resume, stores the result as a new version, and returns it', async () => {
    const application = await createApplication({ resumeText: resume });
    const response = await app.request(`/api/applications/${application.id}/analyze`, {
      method: 'POST',
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as {
      version: number;
      analysis: {
        job: {
          level: string;
          yearsRequired: number;
          lines: Record<string, number[]>;
          technologies: { required: Array<{ id: string }> };
        };
        candidate: { yearsOfExperience: number };
        fit: {
          score: number;
          gaps: Array<{ requirement: { id: string }; offsetBy: Array<{ id: string }> }>;
        };
      };
    };
    expect(body.version).toBe(1);
    expect(body.analysis.job.level).toBe('senior');
    expect(body.analysis.job.yearsRequired).toBe(5);
    expect(body.analysis.job.lines.yearsRequired).toEqual([3]);
    expect(body.analysis.job.technologies.required.map((item) => item.id)).toEqual([
      'go',
      'postgresql',
    ]);
    expect(body.analysis.candidate.yearsOfExperience).toBe(6);
    expect(body.analysis.fit.score).toBeGreaterThan(0);
    expect(body.analysis.fit.score).toBeLessThan(100);
    const postgres = body.analysis.fit.gaps.find((gap) => gap.requirement.id === 'postgresql');
    expect(postgres?.offsetBy.map((item) => item.id)).toEqual(['mysql']);

    const stored = await app.request(`/api/applications/${application.id}/analysis`);
    expect(((await stored.json()) as { version: number }).version).toBe(1);
    const again = await app.request(`/api/applications/${application.id}/analyze`, {
      method: 'POST',
    });
    expect(((await again.json()) as { version: number }).version).toBe(2);
    const markdown = await store.documents.latest({
      applicationId: application.id,
      kind: 'fit-report',
    });
    expect(markdown.markdown).toMatch(/^# Fit report: Senior Backend Engineer at Harbor Analytics/);
  });

  it('analyzes a posting alone when there is no resume, without a fit report', async () => {
    const application = await createApplication({});
    const response = await app.request(`/api/applications/${application.id}/analyze`, {
      method: 'POST',
    });
    const body = (await response.json()) as { analysis: Record<string, unknown> };
    expect(Object.keys(body.analysis)).toEqual(['job']);
  });

  it('answers 404 for an unknown application and for an application never analyzed', async () => {
    const unknown = await app.request(
      '/api/applications/00000000-0000-4000-8000-000000000000/analyze',
      {
        method: 'POST',
      },
    );
    expect(unknown.status).toBe(404);
    const application = await createApplication({});
    expect((await app.request(`/api/applications/${application.id}/analysis`)).status).toBe(404);
  });

  it('generates the prep pack, brief and stage notes as new versions', async () => {
    const application = await createApplication({ resumeText: resume });
    const base = `/api/applications/${application.id}`;
    const packResponse = await app.request(`${base}/documents/prep-pack/generate`, {
      method: 'POST',
    });
    expect(packResponse.status).toBe(201);
    const pack = (await packResponse.json()) as { version: number; markdown: string };
    expect(pack.version).toBe(1);
    expect(pack.markdown).toMatch(/^# Interview prep: Senior Backend Engineer/);
    const again = (await (
      await app.request(`${base}/documents/prep-pack/generate`, { method: 'POST' })
    ).json()) as { version: number };
    expect(again.version).toBe(2);
    const stage = (await (
      await app.request(`${base}/stages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'technical' }),
      })
    ).json()) as { id: string };
    const notes = await app.request(`${base}/documents/stage-notes/generate?stage=${stage.id}`, {
      method: 'POST',
    });
    expect(notes.status).toBe(201);
    expect(((await notes.json()) as { markdown: string }).markdown).toMatch(/^# Technical — /);
    expect(
      (await app.request(`${base}/documents/stage-notes/generate`, { method: 'POST' })).status,
    ).toBe(400);
    expect(
      (await app.request(`${base}/documents/fit-report/generate`, { method: 'POST' })).status,
    ).toBe(404);
  });

  it('downloads documents as Markdown and DOCX, the plan as .ics and the cards as CSV', async () => {
    const application = await createApplication({ resumeText: resume });
    const base = `/api/applications/${application.id}`;
    await app.request(`${base}/documents/prep-pack/generate`, { method: 'POST' });
    const markdown = await app.request(`${base}/documents/prep-pack/download?format=md`);
    expect(markdown.status).toBe(200);
    expect(markdown.headers.get('content-disposition')).toBe(
      'attachment; filename="prep-pack-v1.md"',
    );
    expect(await markdown.text()).toMatch(/^# Interview prep:/);
    const docx = await app.request(`${base}/documents/prep-pack/download?format=docx`);
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
    expect([...new Uint8Array(await docx.arrayBuffer()).slice(0, 2)]).toEqual([0x50, 0x4b]);
    const ics = await app.request(`${base}/plan.ics`);
    expect(await ics.text()).toMatch(/^BEGIN:VCALENDAR/);
    const csv = await app.request(`${base}/cards.csv`);
    expect((await csv.text()).split('\r\n')[0]).toBe('#separator:Comma');
    expect((await app.request(`${base}/documents/company-brief/download`)).status).toBe(404);
    // A version the user edited exports their words, not the generated ones.
    const latest = (await (await app.request(`${base}/documents/prep-pack`)).json()) as {
      version: number;
      content: unknown;
      markdown: string;
    };
    await app.request(`${base}/documents/prep-pack`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        baseVersion: latest.version,
        content: latest.content,
        markdown: `${latest.markdown}\n## My own section\n\n- Edited by hand for the DOCX\n`,
      }),
    });
    const edited = await app.request(`${base}/documents/prep-pack/download?format=docx`);
    const { value } = await mammoth.extractRawText({
      buffer: Buffer.from(await edited.arrayBuffer()),
    });
    expect(value).toContain('Edited by hand for the DOCX');
    expect((await app.request(`${base}/documents/prep-pack/download?format=pdf`)).status).toBe(400);
  });

  describe('POST /api/ingest', () => {
    const upload = (body: Uint8Array | string, name?: string) =>
      app.request(`/api/ingest${name === undefined ? '' : `?name=${encodeURIComponent(name)}`}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body,
      });

    it('turns an uploaded file into text with its line count', async () => {
      const response = await upload(resume, 'resume.md');
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        name: 'resume.md',
        kind: 'markdown',
        lineCount: 5,
      });
    });

    it('refuses unreadable, unnamed and oversized uploads with a clear error', async () => {
      const junk = await upload(
        new Uint8Array(2048).map((_, index) => (index * 7919) % 251),
        'resume.pdf',
      );
      expect(junk.status).toBe(422);
      expect(((await junk.json()) as { error: { code: string } }).error.code).toBe(
        'UNREADABLE_FILE',
      );
      expect((await upload('text', undefined)).status).toBe(400);
      const huge = await upload(new Uint8Array(10 * 1024 * 1024 + 1), 'huge.txt');
      expect(huge.status).toBe(413);
    });
  });
});
