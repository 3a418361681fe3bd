import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** A Chromium that browser tests can drive. */
export interface ChromiumInfo {
  path: string;
  version: string | undefined;
}

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * Finds the system Chromium used by the browser tests: `PREPKIT_CHROMIUM` if
 * set, else the Debian package's binary. Undefined when there is none.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumInfo | undefined {
  const configured = env.PREPKIT_CHROMIUM?.trim();
  const path = configured || candidates.find((candidate) => existsSync(candidate));
  if (!path || !existsSync(path)) return undefined;
  const result = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  const version = result.status === 0 ? result.stdout.trim() || undefined : undefined;
  return { path, version };
}

/** The launch flags that let headless Chromium run in a closed sandbox like CI. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
