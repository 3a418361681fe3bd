import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { type ServeProcess, startPrepkitServe } from '../../test/support/spawn-prepkit.js';
import { EvaluationSchema, InterviewTurnSchema } from '../domain/index.js';
import { findPackageRoot } from '../support/index.js';
import type { CliIo } from './run-cli.js';
import { runCli } from './run-cli.js';
import { runInterview } from './run-interview.js';

const root = findPackageRoot();
const folders: string[] = [];
function makeFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'prepkit-interview-test-'));
  folders.push(folder);
  return folder;
}
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function fakeIo(stdin?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
    env: {},
    stdin: stdin === undefined ? undefined : Readable.from([stdin]),
    waitForStop: () => Promise.resolve(),
  };
  return { io, out, err };
}

const demo = (file: string) => join(root, 'fixtures', 'demo', file);

describe('prepkit interview', () => {
  it('runs a script without a terminal and prints the transcript and evaluation as JSON', async () => {
    const folder = makeFolder();
    const script = join(folder, 'answers.txt');
    writeFileSync(
      script,
      [
        'Mostly the billing API. I picked PostgreSQL because invoices need transactions; the trade-off is harder sharding.',
        'Not sure.',
        'We put Redis in front of the price lookups because reads dominate, and we check authorization on every call.',
        '[closing]\nWhat does on-call look like for the team?',
        '[closing]\nNo, that is all, thanks.',
      ].join('\n---\n'),
    );
    const { io, out } = fakeIo();
    const code = await runCli(
      [
        'interview',
        '--persona',
        'backend-engineer',
        '--job',
        demo('posting.md'),
        '--resume',
        demo('resume.md'),
        '--script',
        script,
        '--json',
      ],
      io,
    );
    expect(code).toBe(0);
    const result = JSON.parse(out.join('\n'));
    const transcript = InterviewTurnSchema.array().parse(result.transcript);
    const evaluation = EvaluationSchema.parse(result.evaluation);
    expect(transcript[0]?.speaker).toBe('interviewer');
    expect(transcript.map((turn) => turn.turn)).toEqual(transcript.map((_, index) => index + 1));
    expect(transcript.some((turn) => turn.act === 'rephrase')).toBe(true);
    expect(transcript.some((turn) => turn.act === 'closing-invite')).toBe(true);
    expect(transcript.some((turn) => turn.act === 'closing-answer')).toBe(true);
    expect(transcript[transcript.length - 1]?.act).toBe('closing');
    expect(evaluation.criteria.length).toBeGreaterThan(10);
    expect(evaluation.criteria[0]).toMatchObject({
      kind: expect.stringMatching(/strong|red-flag/),
    });
    expect(['strong', 'solid', 'mixed', 'not-yet']).toContain(evaluation.rating.level);
  });

  it('runs interactively from standard input and saves the transcript and report as Markdown', async () => {
    const folder = makeFolder();
    const out = join(folder, 'interview.md');
    const { io, out: printed } = fakeIo(
      [
        'Mostly the billing API for merchants,',
        'which takes card payments in three countries.',
        '',
        'I would warn you about the nightly export because it locks tables.',
        '',
        '/end',
        '',
      ].join('\n'),
    );
    const code = await runCli(['interview', '--persona', 'backend-engineer', '--out', out], io);
    expect(code).toBe(0);
    const markdown = readFileSync(out, 'utf8');
    expect(markdown).toMatch(/^# Mock interview: Backend Engineering Interviewer/);
    expect(markdown).toContain('## Report');
    expect(markdown).toContain('## Transcript');
    // A multi-line answer is one turn.
    expect(markdown).toContain(
      '> Mostly the billing API for merchants,\n> which takes card payments',
    );
    expect(markdown).toContain('**Rating:**');
    expect(printed.join('\n')).toContain('Interviewer:');
  });

  it('times a typed answer from when its typing began, not from when its first line arrived', async () => {
    // The terminal hands over a line only once it is typed: this one arrives
    // 30 s after the question, about as long as it takes to type.
    let clock = 0;
    let sent = false;
    const line =
      'I would warn you about the nightly export first, because it locks the orders table for about ten minutes.';
    const stdin = new Readable({
      read() {
        if (sent) return;
        sent = true;
        clock = 30;
        this.push(`${line}\n\n/end\n`);
        this.push(null);
      },
    });
    const { io, out } = fakeIo();
    const folder = makeFolder();
    const code = await runInterview(
      {
        persona: 'backend-engineer',
        json: true,
        out: join(folder, 'interview.md'),
        allowPrivateUrls: false,
      },
      { ...io, stdin },
      () => new Date(Date.UTC(2025, 0, 1) + clock * 1000),
    );
    expect(code).toBe(0);
    const result = JSON.parse(out[out.length - 1] as string);
    const transcript = InterviewTurnSchema.array().parse(result.transcript);
    const evaluation = EvaluationSchema.parse(result.evaluation);
    const answer = transcript.find((turn) => turn.speaker === 'candidate');
    expect(answer?.text).toBe(line);
    expect(answer?.durationSeconds).toBeGreaterThan(20);
    expect(evaluation.delivery.longPauses?.count).toBe(0);
    expect(evaluation.delivery.wordsPerMinute).toBeLessThan(100);
  });

  it('takes a persona file of the user’s own', async () => {
    const personas = join(root, 'fixtures', 'personas');
    const file = readdirSync(personas).find((name) => !/broken|empty|no-|invalid|json/i.test(name));
    expect(file).toBeDefined();
    const { io, out } = fakeIo();
    const folder = makeFolder();
    const script = join(folder, 'answers.txt');
    writeFileSync(
      script,
      'I run the data platform and its pipelines.\n---\n[closing]\nNo questions.',
    );
    const code = await runCli(
      ['interview', '--persona', join(personas, file as string), '--script', script, '--json'],
      io,
    );
    expect(code).toBe(0);
    const result = JSON.parse(out.join('\n'));
    expect(result.persona.id).toBe((file as string).replace(/\.md$/, ''));
  });

  it('refuses a missing persona with the list of built-in ones, and an empty script', async () => {
    const missing = fakeIo();
    expect(
      await runCli(
        ['interview', '--persona', 'no-such-persona', '--script', demo('posting.md')],
        missing.io,
      ),
    ).toBe(4);
    expect(missing.err.join('\n')).toContain('backend-engineer');
    const folder = makeFolder();
    const empty = join(folder, 'empty.txt');
    writeFileSync(empty, '\n---\n\n');
    const blank = fakeIo();
    expect(
      await runCli(['interview', '--persona', 'backend-engineer', '--script', empty], blank.io),
    ).toBe(3);
    expect(blank.err.join('\n')).toMatch(/no answers|empty/i);
    const none = fakeIo();
    expect(await runCli(['interview'], none.io)).toBe(2);
    expect(none.err.join('\n')).toContain('prepkit personas');
  });

  it('lists the built-in personas', async () => {
    const { io, out } = fakeIo();
    expect(await runCli(['personas', '--json'], io)).toBe(0);
    const personas = JSON.parse(out.join('\n')) as Array<{ id: string; phases: string[] }>;
    expect(personas.map((persona) => persona.id).sort()).toEqual([
      'backend-engineer',
      'frontend-engineer',
      'hiring-manager',
      'recruiter-screen',
      'system-design',
    ]);
    expect(personas.every((persona) => persona.phases.length >= 3)).toBe(true);
  });
});

describe('mock interviews on the server', () => {
  it('survive a restart of the server and continue where they stopped', async () => {
    const dataDir = makeFolder();
    let server: ServeProcess | undefined = await startPrepkitServe([
      '--port',
      '0',
      '--data',
      dataDir,
    ]);
    try {
      const post = (base: string, path: string, body: unknown) =>
        fetch(new URL(path, base), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      const list = (await (await fetch(new URL('/api/applications', server.url))).json()) as {
        applications: Array<{ id: string }>;
      };
      const started = (await (
        await post(server.url, '/api/interviews', {
          applicationId: list.applications[0]?.id,
          persona: 'backend-engineer',
        })
      ).json()) as { interview: { id: string; version: number } };
      const id = started.interview.id;
      const answered = (await (
        await post(server.url, `/api/interviews/${id}/answers`, {
          text: 'Mostly the payroll calculation service, which runs for a few thousand employers.',
          version: started.interview.version,
        })
      ).json()) as { interview: { version: number }; turns: Array<{ text: string }> };
      expect(await server.stop()).toBe(0);
      server = undefined;

      server = await startPrepkitServe(['--port', '0', '--data', dataDir]);
      const resumed = (await (
        await fetch(new URL(`/api/interviews/${id}`, server.url))
      ).json()) as {
        interview: { version: number };
        turns: Array<{ turn: number; text: string }>;
        status: { finished: boolean };
      };
      expect(resumed.turns).toHaveLength(3);
      expect(resumed.turns[2]?.text).toBe(answered.turns[1]?.text);
      expect(resumed.status.finished).toBe(false);
      const next = await post(server.url, `/api/interviews/${id}/answers`, {
        text: 'I would warn you about the year-end run, because it touches every employer at once.',
        version: resumed.interview.version,
      });
      expect(next.status).toBe(201);
      const after = (await next.json()) as { turns: Array<{ turn: number }> };
      expect(after.turns.map((turn) => turn.turn)).toEqual([4, 5]);
    } finally {
      await server?.stop();
    }
  });
});
