import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { z } from 'zod';
import {
  type BenchCase,
  formatMebibytes,
  type RunSample,
  readChildCurrentRss,
  readChildPeakRss,
} from '../harness.js';
import { createChildEnvironment } from '../support/create-child-environment.js';
import { createTempDir, removeTempDir } from '../support/create-temp-dir.js';
import { type RunningChild, startChildProcess } from '../support/start-child-process.js';

/** How hard and how long each load run is. */
export interface LoadOptions {
  connections: number;
  durationSeconds: number;
}

const PortsSchema = z.object({
  appPort: z.number().int().min(1).max(65_535),
  barePort: z.number().int().min(1).max(65_535),
});
const ApplicationListSchema = z.object({ applications: z.array(z.object({ id: z.string() })) });

/** The demo application plus the twenty the bench server adds. */
const expectedApplications = 21;

/**
 * `GET /api/applications throughput`: autocannon against prepkit's list route,
 * served by a real store with 21 applications, and against a bare Hono route
 * in the same process, the baseline: what Node, the HTTP adapter and Hono cost
 * on this machine before prepkit's middleware, database and validation.
 */
export function createApplicationsThroughputCase(load: LoadOptions): BenchCase {
  const serverScript = fileURLToPath(new URL('../fixtures/bench-server.js', import.meta.url));
  let server: RunningChild | undefined;
  let dataDir: string | undefined;
  let appUrl = '';
  let bareUrl = '';

  return {
    name: 'GET /api/applications throughput',
    throughputUnit: 'req/s',
    runs: 3,
    warmupRuns: 1,
    runTimeoutMs: (load.durationSeconds + 60) * 1000,
    notes: [
      `each run is autocannon with ${load.connections} connections for ${load.durationSeconds} s; median/p95 are over every request's latency; throughput = requests ÷ seconds.`,
      'the load generator runs in the benchmark process, on the same two cores as the server.',
    ],
    async setup() {
      dataDir = createTempDir('prepkit-bench-server-');
      server = startChildProcess(process.execPath, [serverScript, '--data', dataDir], {
        env: createChildEnvironment(),
        keepStdinOpen: true,
      });
      try {
        const line = await server.waitForLine(/^\{.*\}$/, 60_000);
        const ports = PortsSchema.parse(JSON.parse(line[0]));
        appUrl = `http://127.0.0.1:${ports.appPort}/api/applications`;
        bareUrl = `http://127.0.0.1:${ports.barePort}/hello`;
        await checkRoutes(appUrl, bareUrl);
      } catch (error) {
        await stopServer();
        throw error;
      }
    },
    async teardown() {
      // Both must be read while the process still exists.
      const sharedPeakRssBytes = readChildPeakRss(server?.pid);
      const currentRssBytes = readChildCurrentRss(server?.pid);
      await stopServer();
      const notes =
        currentRssBytes === undefined
          ? []
          : [
              `peak RSS includes creating the database at start-up; after the last run the server's RSS (VmRSS) was ${formatMebibytes(currentRssBytes)}.`,
            ];
      return { sharedPeakRssBytes, notes };
    },
    baseline: { name: 'bare Hono GET /hello', measure: () => runLoad(bareUrl, load) },
    variants: [{ name: 'GET /api/applications', measure: () => runLoad(appUrl, load) }],
  };

  async function stopServer(): Promise<void> {
    if (server) {
      const exit = await server.stop();
      if (exit.code !== 0) {
        process.stderr.write(
          `bench: bench server stopped with code ${exit.code}, signal ${exit.signal}:\n${server.readOutputTail()}\n`,
        );
      }
      server = undefined;
    }
    if (dataDir !== undefined) removeTempDir(dataDir);
    dataDir = undefined;
  }
}

/** Fails before any load if a route does not answer as the benchmark expects. */
async function checkRoutes(appUrl: string, bareUrl: string): Promise<void> {
  const list = await fetch(appUrl, { signal: AbortSignal.timeout(10_000) });
  if (list.status !== 200) throw new Error(`GET ${appUrl} answered ${list.status}`);
  const { applications } = ApplicationListSchema.parse(await list.json());
  if (applications.length !== expectedApplications) {
    throw new Error(`expected ${expectedApplications} applications, got ${applications.length}`);
  }
  const bare = await fetch(bareUrl, { signal: AbortSignal.timeout(10_000) });
  await bare.arrayBuffer();
  if (bare.status !== 200) throw new Error(`GET ${bareUrl} answered ${bare.status}`);
}

/** One autocannon run; every response's latency is kept for the percentiles. */
async function runLoad(url: string, load: LoadOptions): Promise<RunSample> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections: load.connections, duration: load.durationSeconds, timeout: 10 },
      (error: unknown, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', (_client, _statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
  if (result.errors > 0 || result.non2xx > 0) {
    throw new Error(
      `${url}: ${result.errors} connection errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers`,
    );
  }
  if (latencies.length === 0) throw new Error(`${url}: no response in ${load.durationSeconds} s`);
  return {
    durationsMs: latencies,
    operations: result.requests.total,
    elapsedMs: result.duration * 1000,
  };
}
