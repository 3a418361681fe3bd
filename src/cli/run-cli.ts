import { parseArgs } from 'node:util';
import { loadConfig } from '../config/index.js';
import { isPrepkitError, PrepkitError } from '../domain/index.js';
import { readPackageVersion } from '../support/index.js';
import { readDocumentFormat } from './emit-document.js';
import { exitCodeForError, exitCodes } from './exit-codes.js';

// Commands load their modules when they run, so `prepkit --version` or a
// document command does not pay for the server, the database and pdf.js.
const loadAnalyze = () => import('./run-analyze.js');
const loadBrief = () => import('./run-brief.js');
const loadDoctor = () => import('./run-doctor.js');
const loadExport = () => import('./run-export.js');
const loadInterview = () => import('./run-interview.js');
const loadKnowledge = () => import('./run-knowledge.js');
const loadPack = () => import('./run-pack.js');
const loadServer = () => import('../server/index.js');

/** Where the CLI reads and writes; the real process in `bin/prepkit.js`, fakes in tests. */
export interface CliIo {
  stdout(line: string): void;
  stderr(line: string): void;
  env: NodeJS.ProcessEnv;
  /** The terminal's input, for `prepkit interview`; absent when there is none. */
  stdin?: NodeJS.ReadableStream | undefined;
  /** Resolves when the user asks a long-running command (serve) to stop. */
  waitForStop(): Promise<void>;
}

const usage = `prepkit — interview preparation workspace

Usage:
  prepkit serve [--port N] [--host H] [--data DIR] [--no-demo]
                          start the web app and API (default http://127.0.0.1:4310/)
  prepkit analyze --job <file|url> [--resume <file>] [--company <file>] [--json]
                          read a posting (and resume, company notes): job profile,
                          candidate profile and fit report
  prepkit pack --job <file|url> --resume <file> [--company <file>]
               [--interview-date YYYY-MM-DD] [--format md|docx|json] [--cite] [--out <file>]
                          write the prep pack (Markdown to stdout by default)
  prepkit plan ... [--format md|ics|json]    the preparation plan, as a calendar with ics
  prepkit cards ... > cards.csv              flashcards for Anki (CSV; or --format json)
  prepkit notes --stage <kind> --job <file|url> --resume <file> [--company <file>]
                [--previous <notes.md>]...   notes for one round (recruiter, hiring-manager,
                          technical, system-design, behavioral, final)
  prepkit brief --company <file> [--job <file|url>] [--format md|docx|json] [--cite] [--out <file>]
                          write the company brief
  prepkit interview --persona <id|file> [--job <file|url>] [--resume <file>] [--company <file>]
                    [--script <file>] [--json] [--out <file>]
                          a mock interview in the terminal; with --script the answers come
                          from a file (separated by lines of ---) and no terminal is needed
  prepkit personas [--json]   list the built-in interviewer personas
  prepkit export <application-id> --vault <dir> [--data DIR]
                          write an application as a folder of Markdown for Obsidian
  prepkit kb check | stats [--json] | search <words>
                          validate, count or search the knowledge base
                          (and your own folder in PREPKIT_KNOWLEDGE)
  prepkit doctor [--data DIR]
                          check the installation: storage, model, browser for tests
  prepkit --help          show this help
  prepkit --version       print the version

Environment:
  PREPKIT_DATA   data directory of the embedded database (default ~/.prepkit)
  DATABASE_URL   postgres://user:password@host:5432/db to use a PostgreSQL server instead
  PORT, HOST     where serve listens (default 4310 on 127.0.0.1)
  PREPKIT_KNOWLEDGE  a folder of your own knowledge entries, same layout as knowledge/
  PREPKIT_MODEL  optional model as provider:model (openai, anthropic, openai-compatible)

Exit codes: 0 ok, 1 unexpected failure, 2 bad command line or configuration,
            6 storage unavailable.`;

/**
 * Runs one `prepkit` command line and returns its exit code.
 *
 * @example
 * process.exitCode = await runCli(process.argv.slice(2), io);
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(usage);
        return command === undefined ? exitCodes.usage : exitCodes.ok;
      case '--version':
      case '-v':
      case 'version':
        io.stdout(readPackageVersion());
        return exitCodes.ok;
      case 'serve':
        return await runServe(rest, io);
      case 'analyze': {
        const flags = parseFlags(rest, {
          job: { type: 'string' },
          resume: { type: 'string' },
          company: { type: 'string' },
          json: { type: 'boolean' },
          'allow-private-urls': { type: 'boolean' },
        });
        const job = str(flags.job);
        if (!job) {
          throw new PrepkitError(
            'INVALID_INPUT',
            'analyze needs --job <file|url>: the job posting to read',
          );
        }
        return await (await loadAnalyze()).runAnalyze(
          {
            job,
            resume: str(flags.resume),
            company: str(flags.company),
            json: flags.json === true,
            allowPrivateUrls: flags['allow-private-urls'] === true,
          },
          io,
        );
      }
      case 'pack':
      case 'plan':
      case 'cards': {
        const flags = parseFlags(rest, {
          job: { type: 'string' },
          resume: { type: 'string' },
          company: { type: 'string' },
          'interview-date': { type: 'string' },
          format: { type: 'string' },
          cite: { type: 'boolean' },
          out: { type: 'string' },
          'allow-private-urls': { type: 'boolean' },
        });
        const job = str(flags.job);
        const resume = str(flags.resume);
        if (!job || !resume) {
          throw new PrepkitError(
            'INVALID_INPUT',
            `${command} needs --job <file|url> and --resume <file>`,
          );
        }
        return await (await loadPack()).runPack(
          command,
          {
            job,
            resume,
            company: str(flags.company),
            interviewDate: str(flags['interview-date']),
            format: str(flags.format) ?? '',
            cite: flags.cite === true,
            out: str(flags.out),
            allowPrivateUrls: flags['allow-private-urls'] === true,
          },
          io,
        );
      }
      case 'notes': {
        let parsed: ReturnType<typeof parseArgs>;
        try {
          parsed = parseArgs({
            args: rest,
            strict: true,
            allowPositionals: false,
            options: {
              stage: { type: 'string' },
              job: { type: 'string' },
              resume: { type: 'string' },
              company: { type: 'string' },
              previous: { type: 'string', multiple: true },
              format: { type: 'string' },
              cite: { type: 'boolean' },
              out: { type: 'string' },
              'allow-private-urls': { type: 'boolean' },
            },
          });
        } catch (error) {
          throw new PrepkitError(
            'INVALID_INPUT',
            `${error instanceof Error ? error.message : String(error)}. Run \`prepkit --help\` for usage.`,
          );
        }
        const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
        const text = (name: string) =>
          typeof values[name] === 'string' ? (values[name] as string) : undefined;
        const job = text('job');
        const resume = text('resume');
        const stage = text('stage');
        if (!job || !resume || !stage) {
          throw new PrepkitError(
            'INVALID_INPUT',
            'notes needs --stage <kind>, --job <file|url> and --resume <file>',
          );
        }
        return await (await loadPack()).runNotes(
          {
            stage,
            job,
            resume,
            company: text('company'),
            previous: Array.isArray(values.previous) ? values.previous : [],
            format: text('format') ?? '',
            cite: values.cite === true,
            out: text('out'),
            allowPrivateUrls: values['allow-private-urls'] === true,
          },
          io,
        );
      }
      case 'interview': {
        const flags = parseFlags(rest, {
          persona: { type: 'string' },
          job: { type: 'string' },
          resume: { type: 'string' },
          company: { type: 'string' },
          script: { type: 'string' },
          json: { type: 'boolean' },
          out: { type: 'string' },
          'allow-private-urls': { type: 'boolean' },
        });
        return await (await loadInterview()).runInterview(
          {
            persona: str(flags.persona),
            job: str(flags.job),
            resume: str(flags.resume),
            company: str(flags.company),
            script: str(flags.script),
            json: flags.json === true,
            out: str(flags.out),
            allowPrivateUrls: flags['allow-private-urls'] === true,
          },
          io,
        );
      }
      case 'personas':
        return await (await loadInterview()).runPersonas(
          { json: parseFlags(rest, { json: { type: 'boolean' } }).json === true },
          io,
        );
      case 'export': {
        const [applicationId, ...exportArgs] = rest;
        const flags = parseFlags(exportArgs, {
          vault: { type: 'string' },
          data: { type: 'string' },
        });
        return await (await loadExport()).runExport(
          applicationId?.startsWith('--') ? undefined : applicationId,
          { vault: str(flags.vault), data: str(flags.data) },
          io,
        );
      }
      case 'brief': {
        const flags = parseFlags(rest, {
          company: { type: 'string' },
          job: { type: 'string' },
          format: { type: 'string' },
          cite: { type: 'boolean' },
          out: { type: 'string' },
          'allow-private-urls': { type: 'boolean' },
        });
        return await (await loadBrief()).runBrief(
          {
            company: str(flags.company),
            job: str(flags.job),
            format: readDocumentFormat(str(flags.format)),
            cite: flags.cite === true,
            out: str(flags.out),
            allowPrivateUrls: flags['allow-private-urls'] === true,
          },
          io,
        );
      }
      case 'kb': {
        const [subcommand, ...words] = rest;
        const { values, positionals } = parseArgs({
          args: words,
          options: { json: { type: 'boolean' } },
          strict: false,
          allowPositionals: true,
        });
        return await (await loadKnowledge()).runKnowledge(
          subcommand,
          positionals,
          { json: values.json === true },
          io,
        );
      }
      case 'doctor':
        return await (await loadDoctor()).runDoctor(
          parseFlags(rest, { data: { type: 'string' } }),
          io,
        );
      default:
        throw new PrepkitError(
          'INVALID_INPUT',
          `unknown command ${JSON.stringify(command)}: run \`prepkit --help\` to see the commands`,
        );
    }
  } catch (error) {
    if (isPrepkitError(error)) {
      io.stderr(`prepkit: ${error.message}`);
      return exitCodeForError[error.code];
    }
    io.stderr(`prepkit: unexpected error: ${error instanceof Error ? error.stack : String(error)}`);
    return exitCodes.failure;
  }
}

async function runServe(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, {
    port: { type: 'string' },
    host: { type: 'string' },
    data: { type: 'string' },
    'no-demo': { type: 'boolean' },
  });
  const config = loadConfig(
    { port: str(flags.port), host: str(flags.host), data: str(flags.data) },
    io.env,
  );
  const server = await (await loadServer()).startServer(config, {
    seedDemo: flags['no-demo'] !== true,
  });
  const where =
    server.store.mode === 'postgres'
      ? `PostgreSQL at ${server.store.location}`
      : `embedded database in ${server.store.location}`;
  io.stdout(`prepkit ${readPackageVersion()} is running at ${server.url} (${where})`);
  io.stdout('Press Ctrl+C to stop.');
  await io.waitForStop();
  await server.close();
  return exitCodes.ok;
}

type FlagSpec = Record<string, { type: 'string' | 'boolean' }>;

function parseFlags(
  args: string[],
  options: FlagSpec,
): Record<string, string | boolean | undefined> {
  try {
    const { values } = parseArgs({ args, options, strict: true, allowPositionals: false });
    return values as Record<string, string | boolean | undefined>;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new PrepkitError('INVALID_INPUT', `${reason}. Run \`prepkit --help\` for usage.`, {
      cause: error,
    });
  }
}

function str(value: string | boolean | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
