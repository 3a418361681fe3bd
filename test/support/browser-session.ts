import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, findChromium } from '../../src/support/index.js';
import { type ServeProcess, startPrepkitServe } from './spawn-prepkit.js';

/** A page with everything it reported that a user would count as a bug. */
export interface WatchedPage {
  page: Page;
  /** Console errors and uncaught exceptions, in the order they happened. */
  problems: string[];
}

/** What a browser test file drives: the server's URL, fresh pages, the API. */
export interface BrowserSession {
  baseUrl(): string;
  /** A new page in its own context, with a fixed locale and time zone so dates are checkable. */
  openPage(): Promise<WatchedPage>;
  /** Calls the API directly, as another tab or the CLI would. */
  callApi(
    path: string,
    init?: { method?: string; body?: unknown },
  ): Promise<{ status: number; body: unknown }>;
  /** The id of the demo application the server creates on first start. */
  findDemoApplicationId(): Promise<string>;
}

const chromiumInfo = findChromium();
const missingChromium =
  'No Chromium for the browser tests: install the Debian package `chromium` ' +
  '(/usr/bin/chromium) or point PREPKIT_CHROMIUM at a Chromium binary.';

/**
 * Whether the browser tests of `file` can run. Without Chromium they are
 * skipped with a loud notice, except in CI (`CI` set), where a failing test
 * says what is missing.
 */
export function checkBrowserAvailable(file: string): boolean {
  if (chromiumInfo) return true;
  if (process.env.CI) {
    describe(`browser tests of ${file} in CI`, () => {
      it('finds a Chromium to run in', () => {
        throw new Error(`${missingChromium} CI must run the browser tests.`);
      });
    });
  } else {
    console.warn(
      `\n!!! SKIPPED: the browser tests of ${file} did not run.\n!!! ${missingChromium}\n`,
    );
  }
  return false;
}

/**
 * Registers the hooks of one browser test file: a real `prepkit serve` on a
 * free port with a fresh data folder (so the demo application exists), the
 * system Chromium, a new context per page, and clean-up. Call it inside the
 * file's `describe`.
 */
export function useBrowserSession(dataDirPrefix: string): BrowserSession {
  let dataDir: string | undefined;
  let server: ServeProcess | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), dataDirPrefix));
    server = await startPrepkitServe(['--port', '0', '--host', '127.0.0.1', '--data', dataDir]);
    browser = await chromium.launch({
      executablePath: chromiumInfo?.path ?? '',
      args: chromiumArgs,
      headless: true,
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (server) {
      const code = await server.stop();
      expect(code, `prepkit serve stderr:\n${server.stderr()}`).toBe(0);
    }
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });

  const baseUrl = () => {
    if (!server) throw new Error('the server did not start');
    return server.url;
  };

  return {
    baseUrl,
    async openPage() {
      if (!browser) throw new Error('the browser did not start');
      const context = await browser.newContext({
        baseURL: baseUrl(),
        locale: 'en-GB',
        timezoneId: 'Europe/Berlin',
        viewport: { width: 1100, height: 900 },
      });
      contexts.push(context);
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      return { page, problems };
    },
    async callApi(path, init = {}) {
      const response = await fetch(new URL(`/api${path}`, baseUrl()), {
        method: init.method ?? 'GET',
        headers: init.body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: init.body === undefined ? null : JSON.stringify(init.body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
    },
    async findDemoApplicationId() {
      const response = await fetch(new URL('/api/applications', baseUrl()));
      const { applications } = (await response.json()) as {
        applications: Array<{ id: string; company: string }>;
      };
      const demo = applications.find((application) => application.company === 'Tidewater Payroll');
      if (!demo) throw new Error('the demo application is missing');
      return demo.id;
    },
  };
}
