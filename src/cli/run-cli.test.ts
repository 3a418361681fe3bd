import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  runPrepkit,
  type ServeProcess,
  startPrepkitServe,
} from '../../test/support/spawn-prepkit.js';
import type { CliIo } from './run-cli.js';
import { runCli } from './run-cli.js';

const folders: string[] = [];
function makeDataDir(): string {
  const folder = mkdtempSync(join(tmpdir(), 'prepkit-cli-test-'));
  folders.push(folder);
  return folder;
}
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function fakeIo(env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
    env,
    waitForStop: () => Promise.resolve(),
  };
  return { io, out, err };
}

/** GET with an explicit Host header, which fetch does not allow setting. */
function getWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request_ = request(url, { headers: { host } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request_.on('error', reject);
    request_.end();
  });
}

describe('runCli', () => {
  it('prints usage for --help with exit 0, and for no command with exit 2', async () => {
    const help = fakeIo();
    expect(await runCli(['--help'], help.io)).toBe(0);
    expect(help.out.join('\n')).toMatch(/prepkit serve \[--port N\]/);
    const none = fakeIo();
    expect(await runCli([], none.io)).toBe(2);
  });

  it('prints the package version for --version', async () => {
    const { io, out } = fakeIo();
    expect(await runCli(['--version'], io)).toBe(0);
    const manifest = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    );
    expect(out).toEqual([manifest.version]);
  });

  it('answers an unknown command or flag with one line and exit 2', async () => {
    const unknown = fakeIo();
    expect(await runCli(['deploy'], unknown.io)).toBe(2);
    expect(unknown.err).toEqual([
      'prepkit: unknown command "deploy": run `prepkit --help` to see the commands',
    ]);
    const flag = fakeIo();
    expect(await runCli(['serve', '--prot', '80'], flag.io)).toBe(2);
    expect(flag.err).toHaveLength(1);
    expect(flag.err[0]).toMatch(/--prot/);
  });

  it('answers a bad PORT or DATABASE_URL with one clear line and exit 2', async () => {
    const port = fakeIo({ PORT: 'http' });
    expect(await runCli(['serve'], port.io)).toBe(2);
    expect(port.err).toEqual([
      'prepkit: invalid PORT "http": must be a whole number from 0 to 65535',
    ]);
    const url = fakeIo({ DATABASE_URL: 'sqlite:///tmp/db' });
    expect(await runCli(['doctor'], url.io)).toBe(2);
    expect(url.err).toHaveLength(1);
    expect(url.err[0]).toMatch(
      /^prepkit: invalid DATABASE_URL "sqlite:\/\/\/tmp\/db": must look like postgres:\/\//,
    );
  });
});

describe('runCli kb', () => {
  it('checks the knowledge base, and fails on a broken file in PREPKIT_KNOWLEDGE', async () => {
    const ok = fakeIo();
    expect(await runCli(['kb', 'check'], ok.io)).toBe(0);
    expect(ok.out[0]).toMatch(/^ok: \d+ technologies, \d+ topics, \d+ technical questions/);
    const folder = makeDataDir();
    mkdirSync(join(folder, 'topics'));
    writeFileSync(join(folder, 'topics', 'broken.json'), '{"id": "x"}');
    const broken = fakeIo({ PREPKIT_KNOWLEDGE: folder });
    expect(await runCli(['kb', 'check'], broken.io)).toBe(1);
    expect(broken.err.join('\n')).toMatch(/topics\/broken\.json/);
  });

  it('prints stats as JSON and finds entries by words', async () => {
    const stats = fakeIo();
    expect(await runCli(['kb', 'stats', '--json'], stats.io)).toBe(0);
    const parsed = JSON.parse(stats.out.join('\n')) as { counts: { taxonomyEntries: number } };
    expect(parsed.counts.taxonomyEntries).toBeGreaterThanOrEqual(400);
    const search = fakeIo();
    expect(await runCli(['kb', 'search', 'cache', 'stampede'], search.io)).toBe(0);
    expect(search.out.join('\n')).toMatch(/stampede/i);
    const none = fakeIo();
    expect(await runCli(['kb'], none.io)).toBe(2);
  });
});

describe('prepkit (the installed command)', () => {
  let server: ServeProcess | undefined;
  afterAll(async () => {
    await server?.stop();
  });

  it('serves the API with the demo application on a fresh data directory, and stops on SIGTERM', async () => {
    const dataDir = makeDataDir();
    server = await startPrepkitServe(['--port', '0', '--data', dataDir]);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const health = await fetch(new URL('/api/health', server.url));
    expect(await health.json()).toMatchObject({ status: 'ok', storage: 'embedded' });
    const list = (await (await fetch(new URL('/api/applications', server.url))).json()) as {
      applications: Array<{ company: string; stageCount: number }>;
    };
    expect(list.applications).toEqual([
      expect.objectContaining({ company: 'Tidewater Payroll', stageCount: 4 }),
    ]);
    // DNS rebinding: a page on another host name must not reach the local API.
    expect(await getWithHost(new URL('/api/health', server.url).href, 'attacker.example')).toBe(
      400,
    );

    // A second server on the same data directory is refused while the first runs.
    const second = await runPrepkit(['serve', '--port', '0', '--data', dataDir]);
    expect(second.code).toBe(6);
    expect(second.stderr.trim().split('\n')).toHaveLength(1);
    expect(second.stderr).toMatch(/in use by another prepkit process/);

    // The port is taken: one line, exit 2.
    const port = new URL(server.url).port;
    const clash = await runPrepkit(['serve', '--port', port, '--data', makeDataDir()]);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(new RegExp(`port ${port} on 127.0.0.1 is already in use`));

    expect(await server.stop()).toBe(0);
    server = undefined;

    // Restarting keeps the data and does not create the demo twice.
    server = await startPrepkitServe(['--port', '0', '--data', dataDir]);
    const again = (await (await fetch(new URL('/api/applications', server.url))).json()) as {
      applications: unknown[];
    };
    expect(again.applications).toHaveLength(1);
    expect(await server.stop()).toBe(0);
    server = undefined;
  });

  it('exports an application as an Obsidian vault folder', async () => {
    const dataDir = makeDataDir();
    server = await startPrepkitServe(['--port', '0', '--data', dataDir]);
    const list = (await (await fetch(new URL('/api/applications', server.url))).json()) as {
      applications: Array<{ id: string }>;
    };
    expect(await server.stop()).toBe(0);
    server = undefined;
    const id = list.applications[0]?.id ?? '';
    const vault = makeDataDir();
    const result = await runPrepkit(['export', id, '--vault', vault, '--data', dataDir]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const folder = join(vault, 'Tidewater Payroll - Backend Engineer');
    expect(result.stdout.trim()).toBe(`exported to ${folder}`);
    expect(readFileSync(join(folder, '2-hiring-manager.md'), 'utf8')).toMatch(
      /^# Hiring manager — Tidewater Payroll/,
    );
    const missing = await runPrepkit([
      'export',
      '00000000-0000-4000-8000-000000000000',
      '--vault',
      vault,
      '--data',
      dataDir,
    ]);
    expect(missing.code).toBe(4);
  });

  it('reports the installation with doctor and exits 0', async () => {
    const dataDir = makeDataDir();
    const result = await runPrepkit(['doctor', '--data', dataDir]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^prepkit\s+\d+\.\d+\.\d+$/m);
    expect(result.stdout).toContain(`data      ${dataDir}`);
    expect(result.stdout).toMatch(/^storage\s+embedded PostgreSQL \(PGlite\)/m);
    expect(result.stdout).toMatch(/^database\s+ok: migrations applied/m);
    expect(result.stdout).toMatch(/^model\s+none/m);
    expect(result.stdout).toMatch(/^browser\s+/m);
  });

  it('analyzes a posting and resume into one JSON object with job, candidate and fit', async () => {
    const demo = (file: string) => new URL(`../../fixtures/demo/${file}`, import.meta.url).pathname;
    const result = await runPrepkit([
      'analyze',
      '--job',
      demo('posting.md'),
      '--resume',
      demo('resume.md'),
      '--company',
      demo('company-notes.md'),
      '--json',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const analysis = JSON.parse(result.stdout) as {
      job: {
        level: string;
        yearsRequired: number | null;
        technologies: {
          required: Array<{ id: string; name: string; lines: number[] }>;
          niceToHave: unknown[];
        };
      };
      candidate: { yearsOfExperience: number | null; technologies: Array<{ id: string }> };
      company: { founded: number };
      fit: { score: number; matches: unknown[]; gaps: unknown[] };
    };
    expect(analysis.job.level).toBe('mid');
    expect(analysis.job.yearsRequired).toBe(3);
    expect(analysis.job.technologies.required).toContainEqual({
      id: 'go',
      name: 'Go',
      lines: expect.any(Array),
    });
    expect(analysis.candidate.yearsOfExperience).toBeGreaterThan(4);
    expect(analysis.company.founded).toBe(2018);
    expect(analysis.fit.score).toBeGreaterThanOrEqual(0);
    expect(analysis.fit.score).toBeLessThanOrEqual(100);
    expect(analysis.fit.matches.length).toBeGreaterThan(0);
  });

  it('prints a readable summary, and one clear line for a missing file or a private URL', async () => {
    const posting = new URL('../../fixtures/demo/posting.md', import.meta.url).pathname;
    const summary = await runPrepkit(['analyze', '--job', posting]);
    expect(summary.code).toBe(0);
    expect(summary.stdout).toMatch(/^JOB\n {2}Title {10}Backend Engineer/);
    expect(summary.stdout).not.toMatch(/^FIT/m);
    const missing = await runPrepkit(['analyze', '--job', '/nonexistent/posting.md']);
    expect(missing.code).toBe(4);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    const local = await runPrepkit(['analyze', '--job', 'http://127.0.0.1:9/job']);
    expect(local.code).not.toBe(0);
    expect(local.stderr.trim().split('\n')).toHaveLength(1);
    expect(local.stderr).toMatch(/private|local|loopback/i);
    const noJob = await runPrepkit(['analyze']);
    expect(noJob.code).toBe(2);
  });

  it('writes the prep pack as Markdown, as JSON to a file, and refuses a malformed interview date', async () => {
    const demo = (file: string) => new URL(`../../fixtures/demo/${file}`, import.meta.url).pathname;
    const markdown = await runPrepkit([
      'pack',
      '--job',
      demo('posting.md'),
      '--resume',
      demo('resume.md'),
      '--cite',
    ]);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toMatch(/^# Interview prep: Backend Engineer/);
    expect(markdown.stdout).toContain('## STAR stories');
    expect(markdown.stdout).toMatch(/\[\^1\]: posting line \d+/);
    const out = join(makeDataDir(), 'pack.json');
    const json = await runPrepkit([
      'pack',
      '--job',
      demo('posting.md'),
      '--resume',
      demo('resume.md'),
      '--format',
      'json',
      '--out',
      out,
    ]);
    expect(json.code).toBe(0);
    const pack = JSON.parse(readFileSync(out, 'utf8')) as {
      kind: string;
      sections: Array<{ id: string }>;
    };
    expect(pack.kind).toBe('prep-pack');
    expect(pack.sections).toHaveLength(13);
    const docx = join(makeDataDir(), 'pack.docx');
    expect(
      (
        await runPrepkit([
          'pack',
          '--job',
          demo('posting.md'),
          '--resume',
          demo('resume.md'),
          '--format',
          'docx',
          '--out',
          docx,
        ])
      ).code,
    ).toBe(0);
    expect([...readFileSync(docx).subarray(0, 2)]).toEqual([0x50, 0x4b]);
    const noOut = await runPrepkit([
      'pack',
      '--job',
      demo('posting.md'),
      '--resume',
      demo('resume.md'),
      '--format',
      'docx',
    ]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toMatch(/--format docx needs --out/);
    const badDate = await runPrepkit([
      'pack',
      '--job',
      demo('posting.md'),
      '--resume',
      demo('resume.md'),
      '--interview-date',
      '25/11/2026',
    ]);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/--interview-date must be YYYY-MM-DD/);
  });

  it('exports the plan as a calendar and the flashcards as CSV', async () => {
    const demo = (file: string) => new URL(`../../fixtures/demo/${file}`, import.meta.url).pathname;
    const base = ['--job', demo('posting.md'), '--resume', demo('resume.md')];
    const ics = await runPrepkit([
      'plan',
      ...base,
      '--format',
      'ics',
      '--interview-date',
      '2099-01-02',
    ]);
    expect(ics.code).toBe(0);
    expect(ics.stdout).toMatch(/^BEGIN:VCALENDAR/);
    expect(ics.stdout.match(/BEGIN:VEVENT/g)?.length).toBeGreaterThan(5);
    const cards = await runPrepkit(['cards', ...base]);
    expect(cards.code).toBe(0);
    expect(cards.stdout.split('\r\n').slice(0, 3)).toEqual([
      '#separator:Comma',
      '#html:false',
      '#tags column:3',
    ]);
    expect(cards.stdout).toMatch(/"prepkit go (junior|mid|senior) \w+"/);
    const wrong = await runPrepkit(['cards', ...base, '--format', 'ics']);
    expect(wrong.code).toBe(2);
  });

  it('writes stage notes and a company brief, and refuses an unknown stage', async () => {
    const demo = (file: string) => new URL(`../../fixtures/demo/${file}`, import.meta.url).pathname;
    const notes = await runPrepkit([
      'notes',
      '--stage',
      'technical',
      '--job',
      demo('posting.md'),
      '--resume',
      demo('resume.md'),
    ]);
    expect(notes.code).toBe(0);
    expect(notes.stdout).toMatch(/^# Technical — /);
    expect(notes.stdout).toContain('   - Answer:');
    const unknown = await runPrepkit([
      'notes',
      '--stage',
      'lunch',
      '--job',
      demo('posting.md'),
      '--resume',
      demo('resume.md'),
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--stage must be one of recruiter, hiring-manager/);
    const brief = await runPrepkit(['brief', '--company', demo('company-notes.md')]);
    expect(brief.code).toBe(0);
    expect(brief.stdout).toMatch(/^# Company brief: Tidewater Payroll/);
  });

  it('says in one line when the PostgreSQL server cannot be reached, with exit 6', async () => {
    const result = await runPrepkit(['serve', '--port', '0'], {
      DATABASE_URL: 'postgres://prepkit:topsecret@127.0.0.1:1/prepkit',
    });
    expect(result.code).toBe(6);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^prepkit: Cannot connect to PostgreSQL at postgres:\/\/prepkit@127\.0\.0\.1:1\/prepkit: /,
    );
    expect(result.stderr).not.toContain('topsecret');
  });
});
