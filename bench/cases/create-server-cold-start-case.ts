import { join } from 'node:path';
import { findPackageRoot } from '../../src/support/index.js';
import { type BenchCase, type RunSample, readChildPeakRss } from '../harness.js';
import { createChildEnvironment } from '../support/create-child-environment.js';
import { createTempDir, removeTempDir } from '../support/create-temp-dir.js';
import { delay } from '../support/delay.js';
import { startChildProcess } from '../support/start-child-process.js';

const startTimeoutMs = 60_000;
const pollIntervalMs = 25;

/**
 * `server cold start`: how long `prepkit serve` takes from spawn to its first
 * 200 from /api/health, on a fresh data dir (the embedded database is created)
 * and on an existing one (a restart). The baseline is the spawn-to-exit time of
 * `node -e 0`: the part of any start that is Node itself.
 */
export function createServerColdStartCase(): BenchCase {
  const bin = join(findPackageRoot(), 'bin', 'prepkit.js');
  let existingDataDir: string | undefined;

  return {
    name: 'server cold start',
    throughputUnit: 'ops/s',
    runs: 5,
    warmupRuns: 1,
    notes: [
      'median/p95 = spawn to first 200 from /api/health (polled every 25 ms once the server prints its port); the baseline is spawn to exit of `node -e 0`.',
      "peak RSS = the server's VmHWM read just before SIGTERM; `node -e 0` exits before it can be read.",
    ],
    async setup() {
      existingDataDir = createTempDir('prepkit-bench-existing-');
      // The first start creates the database; the measured runs are restarts.
      await measureServerStart(bin, existingDataDir);
    },
    async teardown() {
      if (existingDataDir !== undefined) removeTempDir(existingDataDir);
      return {};
    },
    baseline: { name: 'node -e 0', measure: measureEmptyNodeStart },
    variants: [
      {
        name: 'fresh data dir (first start)',
        async measure() {
          const dataDir = createTempDir('prepkit-bench-fresh-');
          try {
            return await measureServerStart(bin, dataDir);
          } finally {
            removeTempDir(dataDir);
          }
        },
      },
      {
        name: 'existing data dir (restart)',
        measure() {
          if (existingDataDir === undefined) throw new Error('setup did not run');
          return measureServerStart(bin, existingDataDir);
        },
      },
    ],
  };
}

async function measureEmptyNodeStart(): Promise<RunSample> {
  const started = performance.now();
  const child = startChildProcess(process.execPath, ['-e', '0'], { env: createChildEnvironment() });
  const exit = await Promise.race([child.exited, delay(startTimeoutMs)]);
  const elapsedMs = performance.now() - started;
  if (exit === undefined) {
    await child.stop();
    throw new Error(`node -e 0 did not exit within ${startTimeoutMs} ms`);
  }
  if (exit.code !== 0) throw new Error(`node -e 0 exited with code ${exit.code}`);
  return { durationsMs: [elapsedMs], operations: 1, elapsedMs };
}

async function measureServerStart(bin: string, dataDir: string): Promise<RunSample> {
  const started = performance.now();
  const deadline = started + startTimeoutMs;
  const child = startChildProcess(
    process.execPath,
    [bin, 'serve', '--host', '127.0.0.1', '--port', '0', '--no-demo', '--data', dataDir],
    { env: createChildEnvironment() },
  );
  try {
    const match = await child.waitForLine(
      /is running at (http:\/\/127\.0\.0\.1:\d+\/)/,
      startTimeoutMs,
    );
    await waitForHealthy(new URL('api/health', match[1]), deadline);
    const elapsedMs = performance.now() - started;
    const peakRssBytes = readChildPeakRss(child.pid);
    return { durationsMs: [elapsedMs], operations: 1, elapsedMs, peakRssBytes };
  } finally {
    const exit = await child.stop();
    if (exit.code !== 0) {
      process.stderr.write(
        `bench: prepkit serve stopped with code ${exit.code}, signal ${exit.signal}:\n${child.readOutputTail()}\n`,
      );
    }
  }
}

/** Polls `url` every 25 ms until it answers 200 or `deadline` passes. */
async function waitForHealthy(url: URL, deadline: number): Promise<void> {
  let lastProblem = 'no answer yet';
  while (performance.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
      lastProblem = `status ${response.status}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await delay(pollIntervalMs);
  }
  throw new Error(`${url.href} did not answer 200 within ${startTimeoutMs} ms (${lastProblem})`);
}
