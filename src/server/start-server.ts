import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import type { Config } from '../config/index.js';
import { PrepkitError } from '../domain/index.js';
import { createExtractContext } from '../extract/index.js';
import { loadKnowledgeBase } from '../knowledge/index.js';
import { openStore, type Store } from '../store/index.js';
import { findPackageRoot, readPackageVersion } from '../support/index.js';
import { prepareDemoDocuments } from '../workspace/index.js';
import { createApp } from './create-app.js';
import { loadWebAssets } from './load-web-assets.js';

/** A listening prepkit server. */
export interface RunningServer {
  url: string;
  port: number;
  store: Store;
  /** Stops accepting requests, then closes the database. */
  close(): Promise<void>;
}

export interface StartServerOptions {
  /** Create the demo application when the database is new (default true). */
  seedDemo?: boolean;
  /** Folder of the built web app (default `dist/web` in the package). */
  webRoot?: string;
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/**
 * Opens storage, creates the demo on first start and listens.
 *
 * @example
 * const server = await startServer(loadConfig({}, process.env));
 * console.log(`prepkit is running at ${server.url}`);
 */
export async function startServer(
  config: Config,
  options: StartServerOptions = {},
): Promise<RunningServer> {
  const store = await openStore(
    config.databaseUrl
      ? { mode: 'postgres', databaseUrl: config.databaseUrl }
      : { mode: 'embedded', dataDir: config.dataDir },
  );
  try {
    if (options.seedDemo ?? true) {
      const demoId = await store.seedDemo();
      // Only the process that created the demo fills it, once.
      if (demoId) {
        const knowledge = loadKnowledgeBase().knowledge;
        await prepareDemoDocuments(
          { store, extract: createExtractContext(knowledge), knowledge },
          demoId,
        );
      }
    }
    const app = createApp({
      store,
      version: readPackageVersion(),
      webAssets: loadWebAssets(options.webRoot ?? join(findPackageRoot(), 'dist', 'web')),
      allowedHosts: loopbackHosts.has(config.host)
        ? ['127.0.0.1', 'localhost', '[::1]']
        : undefined,
    });
    const server = createAdaptorServer({ fetch: app.fetch }) as Server;
    const port = await listen(server, config.host, config.port);
    const shownHost =
      config.host.includes(':') && !config.host.startsWith('[') ? `[${config.host}]` : config.host;
    return {
      url: `http://${shownHost}:${port}/`,
      port,
      store,
      async close() {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new PrepkitError(
            'INVALID_CONFIG',
            `port ${port} on ${host} is already in use: choose another with --port or PORT`,
            { cause: error },
          ),
        );
      } else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
        reject(
          new PrepkitError('INVALID_CONFIG', `cannot listen on host ${host}: ${error.code}`, {
            cause: error,
          }),
        );
      } else {
        reject(error);
      }
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
