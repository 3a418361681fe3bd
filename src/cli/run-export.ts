import { loadConfig } from '../config/index.js';
import { PrepkitError } from '../domain/index.js';
import { createExtractContext } from '../extract/index.js';
import { loadKnowledgeBase } from '../knowledge/index.js';
import { openStore } from '../store/index.js';
import { exportVault } from '../workspace/index.js';
import { exitCodes } from './exit-codes.js';
import type { CliIo } from './run-cli.js';

/** `prepkit export <application-id> --vault <dir>`: an application as an Obsidian-ready folder. */
export async function runExport(
  applicationId: string | undefined,
  flags: { vault?: string | undefined; data?: string | undefined },
  io: CliIo,
): Promise<number> {
  if (!applicationId || !flags.vault) {
    throw new PrepkitError(
      'INVALID_INPUT',
      'export needs an application id and --vault <dir>: prepkit export <id> --vault ~/notes',
    );
  }
  if (!/^[0-9a-f-]{36}$/i.test(applicationId))
    throw new PrepkitError('NOT_FOUND', `No application with id ${applicationId}`);
  const config = loadConfig({ data: flags.data }, io.env);
  const store = await openStore(
    config.databaseUrl
      ? { mode: 'postgres', databaseUrl: config.databaseUrl }
      : { mode: 'embedded', dataDir: config.dataDir },
  );
  try {
    const knowledge = loadKnowledgeBase({ extraFolders: [io.env.PREPKIT_KNOWLEDGE] }).knowledge;
    const folder = await exportVault(
      { store, extract: createExtractContext(knowledge), knowledge },
      applicationId,
      flags.vault,
    );
    io.stdout(`exported to ${folder}`);
    return exitCodes.ok;
  } finally {
    await store.close();
  }
}
