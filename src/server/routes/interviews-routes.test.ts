import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../../../test/support/open-test-store.js';
import type { InterviewTurn } from '../../domain/index.js';
import { createExtractContext } from '../../extract/index.js';
import { loadKnowledgeBase } from '../../knowledge/index.js';
import type { Store } from '../../store/index.js';
import { createApp } from '../create-app.js';

const posting = [
  '# Senior Backend Engineer at Harbor Payments',
  'Harbor Payments runs card payments and payouts for online merchants.',
  '## Requirements',
  '- 5+ years of backend development',
  '- Go and PostgreSQL',
].join('\n');

const resume = [
  'Test Candidate',
  '## Experience',
  'Backend Engineer — Northwind Freight',
  'Jan 2019 – Dec 2024',
  '- Built Go services on PostgreSQL serving 2 million requests a day',
].join('\n');

interface InterviewView {
  interview: {
    id: string;
    version: number;
    status: string;
    evaluation: unknown;
    applicationId: string | null;
  };
  turns: InterviewTurn[];
  status: { phase: { title: string }; finished: boolean; closing: boolean } | null;
}

describe('interview routes', () => {
  let store: Store;
  let app: ReturnType<typeof createApp>;
  const knowledge = loadKnowledgeBase({ compiledPath: false }).knowledge;

  beforeAll(async () => {
    store = await openTestStore();
    app = createApp({
      store,
      version: '9.9.9',
      extractContext: createExtractContext(knowledge),
      knowledge,
    });
  });
  afterAll(async () => {
    await store?.close();
  });

  const post = (path: string, body: unknown) =>
    app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  async function createApplication() {
    const response = await post('/api/applications', {
      company: 'Harbor Payments',
      roleTitle: 'Senior Backend Engineer',
      postingText: posting,
      resumeText: resume,
    });
    return (await response.json()) as { id: string };
  }

  it('lists the built-in personas', async () => {
    const response = await app.request('/api/personas');
    const body = (await response.json()) as { personas: Array<{ id: string }> };
    expect(body.personas.map((persona) => persona.id)).toContain('backend-engineer');
  });

  it('starts an interview for an application, answers turn by turn, and ends with a stored report', async () => {
    const application = await createApplication();
    const started = await post('/api/interviews', {
      applicationId: application.id,
      persona: 'backend-engineer',
      clock: 'simulated',
    });
    expect(started.status).toBe(201);
    let view = (await started.json()) as InterviewView;
    expect(view.turns).toHaveLength(1);
    expect(view.turns[0]?.act).toBe('opening');
    expect(view.turns[0]?.text).toContain('Hi Test,');
    const id = view.interview.id;

    const answered = await post(`/api/interviews/${id}/answers`, {
      text: 'Mostly Go services on PostgreSQL at Northwind Freight, about two million requests a day.',
      version: view.interview.version,
    });
    expect(answered.status).toBe(201);
    view = (await answered.json()) as InterviewView;
    expect(view.turns.map((turn) => turn.speaker)).toEqual(['candidate', 'interviewer']);
    expect(view.turns[0]?.turn).toBe(2);

    // The saved interview replays to the same state: a fresh GET shows every turn.
    const fetched = (await (await app.request(`/api/interviews/${id}`)).json()) as InterviewView;
    expect(fetched.turns).toHaveLength(3);
    expect(fetched.status?.phase.title).toBe(view.status?.phase.title);

    const ended = await post(`/api/interviews/${id}/end`, { version: view.interview.version });
    expect(ended.status).toBe(200);
    const final = (await ended.json()) as InterviewView;
    expect(final.interview.status).toBe('ended');
    expect(final.turns[0]?.act).toBe('closing');

    const report = (await (await app.request(`/api/interviews/${id}/report`)).json()) as {
      evaluation: { criteria: unknown[]; rating: { level: string } };
      turns: InterviewTurn[];
    };
    expect(report.evaluation.criteria.length).toBeGreaterThan(0);
    expect(report.turns).toHaveLength(4);
    const markdown = await app.request(`/api/interviews/${id}/report?format=md`);
    expect(markdown.headers.get('content-type')).toContain('text/markdown');
    expect(await markdown.text()).toContain('## Report');

    const listed = (await (
      await app.request(`/api/applications/${application.id}/interviews`)
    ).json()) as {
      interviews: Array<{ id: string; turnCount: number; rating: string | null }>;
    };
    expect(listed.interviews[0]).toMatchObject({ id, turnCount: 4 });
    expect(listed.interviews[0]?.rating).toBe(report.evaluation.rating.level);
  });

  it('refuses a stale version with 409 and keeps one answer of two sent at once', async () => {
    const started = (await (
      await post('/api/interviews', { persona: 'backend-engineer' })
    ).json()) as InterviewView;
    const id = started.interview.id;
    const version = started.interview.version;
    const [first, second] = await Promise.all([
      post(`/api/interviews/${id}/answers`, {
        text: 'I build payment APIs in Go for merchants.',
        version,
      }),
      post(`/api/interviews/${id}/answers`, {
        text: 'I work on the data platform and its pipelines.',
        version,
      }),
    ]);
    expect([first.status, second.status].sort()).toEqual([201, 409]);
    const turns = ((await (await app.request(`/api/interviews/${id}`)).json()) as InterviewView)
      .turns;
    expect(turns).toHaveLength(3);
    const loser = first.status === 409 ? first : second;
    const error = (await loser.json()) as { error: { code: string; message: string } };
    expect(error.error.code).toBe('CONFLICT');
    expect(error.error.message).toMatch(/another tab/);
  });

  it('keeps asking the questions it started with after the resume is edited', async () => {
    const application = (await (
      await post('/api/applications', {
        company: 'Harbor Payments',
        roleTitle: 'Senior Backend Engineer',
        postingText: posting,
        resumeText: resume,
      })
    ).json()) as { id: string; version: number };
    const started = (await (
      await post('/api/interviews', { applicationId: application.id, persona: 'backend-engineer' })
    ).json()) as InterviewView;
    expect(started.turns[0]?.text).toContain('Hi Test,');
    const patched = await app.request(`/api/applications/${application.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        version: application.version,
        resumeText: resume.replace('Test Candidate', 'Other Person'),
      }),
    });
    expect(patched.status).toBe(200);
    const answered = await post(`/api/interviews/${started.interview.id}/answers`, {
      text: 'Mostly Go services on PostgreSQL at Northwind Freight, about two million requests a day.',
      version: started.interview.version,
    });
    expect(answered.status).toBe(201);
    const view = (await answered.json()) as InterviewView;
    expect(view.turns.map((turn) => turn.turn)).toEqual([2, 3]);
    expect(view).not.toHaveProperty('interview.subject');
  });

  it('keeps an interview that no longer replays readable, and lets it end with a report', async () => {
    // Turns recorded by another version of the interviewer: the opening it
    // would say now is not the saved one.
    const markdown = knowledge.personas.get('backend-engineer') as string;
    const { interview } = await store.interviews.create(
      {
        applicationId: null,
        personaId: 'backend-engineer',
        personaTitle: 'Backend Engineering Interviewer',
        personaMarkdown: markdown,
        clock: 'real',
      },
      [
        {
          turn: 1,
          speaker: 'interviewer',
          phase: 'opening',
          act: 'opening',
          text: 'An opening an older version of prepkit used to say. What do you work on?',
          startedAtSeconds: 0,
          durationSeconds: 5,
        },
      ],
    );
    const id = interview.id;

    const fetched = await app.request(`/api/interviews/${id}`);
    expect(fetched.status).toBe(200);
    const view = (await fetched.json()) as InterviewView;
    expect(view.turns).toHaveLength(1);
    expect(view.status).toBeNull();

    const answered = await post(`/api/interviews/${id}/answers`, {
      text: 'Mostly Go services on PostgreSQL at Northwind Freight, about two million requests a day.',
      version: view.interview.version,
    });
    expect(answered.status).toBe(409);
    expect(((await answered.json()) as { error: { message: string } }).error.message).toMatch(
      /another version of the interviewer/,
    );

    const ended = await post(`/api/interviews/${id}/end`, { version: view.interview.version });
    expect(ended.status).toBe(200);
    expect(((await ended.json()) as InterviewView).interview.status).toBe('ended');
    const report = await app.request(`/api/interviews/${id}/report`);
    expect(report.status).toBe(200);
  });

  it('refuses bad requests with clear errors', async () => {
    expect((await post('/api/interviews', { persona: '../../etc/passwd' })).status).toBe(404);
    expect((await post('/api/interviews', {})).status).toBe(400);
    expect(
      (await post('/api/interviews', { persona: 'backend-engineer', personaMarkdown: '# x' }))
        .status,
    ).toBe(400);
    const broken = await post('/api/interviews', {
      personaMarkdown: '# Only a title\n\nNo phases here.',
    });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: { message: string } }).error.message).toMatch(
      /phase/i,
    );
    expect((await app.request('/api/interviews/not-a-uuid')).status).toBe(404);
    const started = (await (
      await post('/api/interviews', { persona: 'backend-engineer' })
    ).json()) as InterviewView;
    const tooLong = await post(`/api/interviews/${started.interview.id}/answers`, {
      text: 'x'.repeat(20_001),
      version: started.interview.version,
    });
    expect(tooLong.status).toBe(400);
    const noReport = await app.request(`/api/interviews/${started.interview.id}/report`);
    expect(noReport.status).toBe(404);
  });
});
