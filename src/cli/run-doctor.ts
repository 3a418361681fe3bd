import { loadConfig } from '../config/index.js';
import { isPrepkitError } from '../domain/index.js';
import { describeDatabaseUrl, openStore, readDataDirLockOwner } from '../store/index.js';
import { findChromium, readPackageVersion } from '../support/index.js';
import { exitCodeForError, exitCodes } from './exit-codes.js';
import type { CliIo } from './run-cli.js';

/**
 * `prepkit doctor`: prints what prepkit runs with and checks that storage
 * opens. Exit 0 when prepkit can run; a missing browser is only a warning,
 * since it matters for the test suite alone.
 */
export async function runDoctor(
  flags: Record<string, string | boolean | undefined>,
  io: CliIo,
): Promise<number> {
  const config = loadConfig(
    { data: typeof flags.data === 'string' ? flags.data : undefined },
    io.env,
  );
  const line = (label: string, value: string) => io.stdout(`${label.padEnd(10)}${value}`);
  let exitCode: number = exitCodes.ok;

  line('prepkit', readPackageVersion());
  line('node', process.version);
  line('data', config.dataDir);

  if (config.storage === 'postgres' && config.databaseUrl) {
    line(
      'storage',
      `PostgreSQL server at ${describeDatabaseUrl(config.databaseUrl)} (DATABASE_URL)`,
    );
  } else {
    line('storage', 'embedded PostgreSQL (PGlite) in the data directory');
  }
  const owner = config.storage === 'embedded' ? readDataDirLockOwner(config.dataDir) : undefined;
  if (owner !== undefined) {
    line('database', `in use by a running prepkit process (pid ${owner}); not opened`);
  } else {
    const started = performance.now();
    try {
      const store = await openStore(
        config.databaseUrl
          ? { mode: 'postgres', databaseUrl: config.databaseUrl }
          : { mode: 'embedded', dataDir: config.dataDir },
      );
      try {
        await store.ping();
        const count = await store.applications.count();
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        line('database', `ok: migrations applied, ${count} application(s), opened in ${seconds} s`);
      } finally {
        await store.close();
      }
    } catch (error) {
      if (!isPrepkitError(error)) throw error;
      line('database', `FAILED: ${error.message}`);
      exitCode = exitCodeForError[error.code];
    }
  }

  if (config.model) {
    const { provider, model, baseUrl, hasApiKey } = config.model;
    const key =
      provider === 'openai-compatible'
        ? ''
        : hasApiKey
          ? ', API key present'
          : `, no ${provider === 'anthropic' ? 'ANTHROPIC_API_KEY' : 'OPENAI_API_KEY'} set`;
    line('model', `${provider} ${model}${baseUrl ? ` at ${baseUrl}` : ''}${key}`);
  } else {
    line('model', 'none: the offline writer is used (set PREPKIT_MODEL to add one)');
  }

  const chromium = findChromium(io.env);
  line(
    'browser',
    chromium
      ? `${chromium.path}${chromium.version ? ` (${chromium.version})` : ''}: browser tests will run`
      : 'not found: browser tests are skipped (install the Debian package chromium)',
  );
  return exitCode;
}
