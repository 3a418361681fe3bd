import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { findPackageRoot } from '../../src/support/index.js';
import { checkBrowserAvailable, useBrowserSession } from '../support/browser-session.js';

// The mock-interview page: started from the demo application, played turn by
// turn with scripted answers, resumed after a reload, ended with a report;
// and the conflict between two tabs. In the system Chromium against a real
// `prepkit serve` with a fresh data folder.

const browserAvailable = checkBrowserAvailable('test/e2e/interview.test.ts');

const uuidPattern = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** The most answers the scripted interview sends before it ends the interview itself. */
const maxAnswers = 20;

interface Script {
  answers: string[];
  closing: string[];
}

/** Used when fixtures/interviews/backend-engineer-strong.txt does not exist. */
const inlineScript: Script = {
  answers: [
    'Most recently I have worked inside the checkout API of an online shop. It takes a cart, prices it, reserves stock and captures the payment, and it has to stay correct when clients retry because a duplicate charge costs us refunds and trust.',
    'I would warn you about the retry behaviour of the mobile clients: they resend on every timeout, so every write endpoint has to be idempotent, otherwise a slow response turns into a second order.',
    'The service I know best is the order service. The storefront, the warehouse and finance all depend on it, and the hardest promise is that an order total always matches its line items, because finance reconciles against it every night.',
    'I would pick PostgreSQL again, because the order data is relational and we rely on transactions and constraints. The trade-off is that scaling writes takes more planning than with a key-value store, but our write volume is modest, so correctness wins.',
    'Yes: a merchant told us the listing page took seconds. In the first hour I checked the p95 latency by endpoint, found an N+1 query pattern in the query log, and confirmed it with EXPLAIN ANALYZE. Batching the lookups and adding a composite index brought p95 from 820 ms to 210 ms.',
    'The API gateway checks the token and its expiry, and then each service checks authorization on the resource itself, for example that the order belongs to the caller’s merchant, because a valid login alone says nothing about which records you may read.',
    'I would require an idempotency key from the client and store it with a hash of the request body under a unique constraint, in the same transaction as the payment record. A retry with the same key returns the stored response instead of charging again. The trade-off is extra storage and a cleanup job for old keys.',
    'I would use cursor pagination on a stable sort key such as the creation time plus the id, because offset pagination gets slower as the offset grows and skips rows when new orders arrive. The cost is that clients cannot jump to page 50, which is fine for an API.',
    'I would write the order and an outbox row in the same transaction, and let a worker publish the outbox to a queue. The email and warehouse consumers then work asynchronously and retry with backoff, so a slow partner never blocks checkout. The consumers must be idempotent, because the queue delivers at least once.',
    'I would use expand and contract: add the column as nullable, deploy code that writes it, backfill in small batches to avoid long locks and replication lag, then add the constraint as NOT VALID and validate it separately. Each step can be rolled back, which is why I prefer it over one big migration.',
    'An early assumption that aged badly was that one database connection pool per service was enough. Under a traffic peak the pool saturated, requests queued and timed out. We added per-endpoint timeouts and moved reporting queries to a replica, which cut timeouts by 90%.',
    'I was paged when the message backlog reached a million messages during a sales peak. The first alert was on queue depth. Adding consumers did not help because they competed for the same database rows, so we tuned the prefetch, added a dead-letter queue and alerts, and wrote a blameless postmortem with nine actions.',
    'I would use the transactional outbox again: the write and the event row commit together, and a relay publishes the events in order. Consumers deduplicate on the event id, so a redelivered event does no harm.',
  ],
  closing: [
    'What does the on-call rotation look like for the team, and how often are people paged at night?',
    'No more questions from me, thank you for your time.',
  ],
};

/** Answers separated by lines of `---`; an answer starting with `[closing]` is for the closing. */
function readScript(): Script {
  const path = join(findPackageRoot(), 'fixtures', 'interviews', 'backend-engineer-strong.txt');
  if (!existsSync(path)) return inlineScript;
  const script: Script = { answers: [], closing: [] };
  const blocks = readFileSync(path, 'utf8')
    .replace(/\r\n?/g, '\n')
    .split(/^[ \t]*---[ \t]*$/m)
    .map((block) => block.trim())
    .filter((block) => block !== '');
  for (const block of blocks) {
    if (/^\[closing\]/i.test(block)) {
      script.closing.push(block.replace(/^\[closing\]\s*/i, '').trim());
    } else {
      script.answers.push(block);
    }
  }
  return script.answers.length > 0 ? script : inlineScript;
}

interface ShownTurn {
  turn: number;
  speaker: string;
  act: string | null;
  text: string;
}

/** The messages on the page, in order, as the chat or the transcript shows them. */
function readTurns(page: Page): Promise<ShownTurn[]> {
  return page.locator('[data-turn]').evaluateAll((elements) =>
    elements.map((element) => ({
      turn: Number(element.getAttribute('data-turn')),
      speaker: element.getAttribute('data-speaker') ?? '',
      act: element.getAttribute('data-act'),
      text: element.querySelector('.chat-text')?.textContent ?? '',
    })),
  );
}

function answerBox(page: Page) {
  return page.getByLabel(/^Your (answer|question for the interviewer)$/);
}

function reportHeading(page: Page) {
  return page.getByRole('heading', { level: 2, name: 'Report' });
}

/** Waits until the reply to an answer is shown: `count` messages, in the chat or the transcript. */
async function waitForTurns(page: Page, count: number): Promise<void> {
  await page
    .locator('[data-turn]')
    .nth(count - 1)
    .waitFor();
}

/** "59:58" → 3598, "1:00:00" → 3600. */
function readClock(text: string): number {
  return text.split(':').reduce((sum, part) => sum * 60 + Number(part), 0);
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

describe.skipIf(!browserAvailable)('mock interview in a real browser', () => {
  const { openPage, callApi, findDemoApplicationId } = useBrowserSession('prepkit-e2e-interview-');

  /** Starts a backend-engineer interview from the application page; returns its id. */
  async function startFromApplicationPage(page: Page, applicationId: string): Promise<string> {
    await page.goto(`/applications/${applicationId}`);
    const section = page.getByRole('region', { name: 'Mock interviews' });
    const persona = section.getByLabel('Interviewer persona');
    await persona.waitFor();
    await persona.selectOption('backend-engineer');
    await section.getByRole('button', { name: 'Start mock interview' }).click();
    await page.waitForURL(new RegExp(`/interviews/${uuidPattern}$`));
    await page.locator('[data-turn="1"]').waitFor();
    return new URL(page.url()).pathname.split('/').pop() ?? '';
  }

  it('plays a scripted interview, resumes after a reload, and shows the report and transcript', async () => {
    const applicationId = await findDemoApplicationId();
    const { page, problems } = await openPage();
    const answerRequests: Array<Record<string, unknown>> = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && /\/api\/interviews\/[^/]+\/answers$/.test(request.url())) {
        answerRequests.push(request.postDataJSON() as Record<string, unknown>);
      }
    });

    const id = await startFromApplicationPage(page, applicationId);
    expect(await page.title()).toBe('Mock interview · Backend Engineering Interviewer · prepkit');
    await page
      .getByRole('heading', { level: 1, name: 'Backend Engineering Interviewer' })
      .waitFor();
    await page.getByText(/^Phase 1 of \d+: Opening$/).waitFor();

    const [opening, ...rest] = await readTurns(page);
    expect(rest).toEqual([]);
    expect(opening?.speaker).toBe('interviewer');
    expect(opening?.act).toBe('opening');
    // The demo resume's first name is used, and the line asks something.
    expect(opening?.text).toMatch(/^Hi Demo\b/);
    expect(opening?.text).toContain('?');

    // The clock counts down between requests.
    const totalLeft = page
      .getByRole('definition')
      .filter({ has: page.locator('time') })
      .last();
    const clockText = (await totalLeft.textContent()) ?? '';
    expect(clockText).toMatch(/^(\d+:)?\d+:\d\d$/);
    const firstReading = readClock(clockText);
    expect(firstReading).toBeGreaterThan(40 * 60);
    await expect
      .poll(async () => readClock((await totalLeft.textContent()) ?? ''), { timeout: 5000 })
      .toBeLessThan(firstReading);

    const script = readScript();
    const typed: string[] = [];
    let nextAnswer = 0;
    let nextClosing = 0;
    let ended = false;

    const sendAnswer = async (text: string, withKeyboard: boolean) => {
      const before = (await readTurns(page)).length;
      const box = answerBox(page);
      if (typed.length === 0) {
        // Type a little, pause, then the rest: the page measures both.
        await box.pressSequentially(text.slice(0, 12));
        await page.waitForTimeout(1200);
      }
      await box.fill(text);
      if (withKeyboard) await box.press('Control+Enter');
      else await page.getByRole('button', { name: 'Send' }).click();
      typed.push(text);
      await waitForTurns(page, before + 2);
      ended = await reportHeading(page).isVisible();
    };

    while (!ended && typed.length < maxAnswers) {
      const turns = await readTurns(page);
      const lastInterviewer = turns.filter((turn) => turn.speaker === 'interviewer').pop();
      const inClosing =
        lastInterviewer?.act === 'closing-invite' || lastInterviewer?.act === 'closing-answer';
      const text = inClosing ? script.closing[nextClosing++] : script.answers[nextAnswer++];
      if (text === undefined) break;
      await sendAnswer(text, typed.length % 2 === 0);

      if (!ended) {
        const shown = await readTurns(page);
        const reply = shown[shown.length - 1];
        const mine = shown[shown.length - 2];
        expect(mine).toMatchObject({ speaker: 'candidate', text });
        expect(reply?.speaker).toBe('interviewer');
        // The new line is announced to screen readers.
        expect(await page.locator('[aria-live="polite"]').textContent()).toBe(
          `Interviewer: ${reply?.text}`,
        );
        expect(await answerBox(page).inputValue()).toBe('');
      }

      if (typed.length === 2 && !ended) {
        const beforeReload = await readTurns(page);
        await page.reload();
        await page.locator(`[data-turn="${beforeReload.length}"]`).waitFor();
        expect(await readTurns(page)).toEqual(beforeReload);
        await page.getByText(/^Phase \d+ of \d+: /).waitFor();
      }
    }

    const first = answerRequests[0];
    expect(first?.text).toBe(typed[0]);
    expect(first?.version).toEqual(expect.any(Number));
    expect(first?.pauseSeconds).toEqual(expect.any(Number));
    expect(first?.durationSeconds as number).toBeGreaterThanOrEqual(1.2);
    // After the reload, the interview went on: the third answer was accepted.
    expect(answerRequests.length).toBe(typed.length);
    expect(typed.length).toBeGreaterThan(2);

    if (!ended) {
      await page.getByRole('button', { name: 'End interview' }).click();
    }
    await reportHeading(page).waitFor();
    expect(await answerBox(page).count()).toBe(0);

    const report = page.getByRole('region', { name: 'Report' });
    const rating = normalize(
      (await report.getByRole('region', { name: 'Overall rating' }).textContent()) ?? '',
    );
    expect(rating).toMatch(/^Overall rating(Strong|Solid|Mixed|Not yet): \S/);

    const improvements = report
      .getByRole('region', { name: 'What to improve' })
      .getByRole('listitem');
    expect(await improvements.count()).toBeGreaterThanOrEqual(1);
    expect(await improvements.filter({ hasText: /Stronger: \S/ }).count()).toBeGreaterThanOrEqual(
      1,
    );

    await report.getByRole('heading', { name: 'Strong indicators' }).waitFor();
    await report.getByRole('heading', { name: 'Red flags' }).waitFor();
    const transcriptTurns = await readTurns(page);
    const evidence = await report
      .getByRole('list', { name: /^Evidence for/ })
      .getByRole('listitem')
      .allTextContents();
    expect(evidence.length).toBeGreaterThan(0);
    for (const item of evidence) {
      const match = /^Turn (\d+): “(.+)”$/s.exec(item);
      expect(match, item).not.toBeNull();
      const quoted = transcriptTurns.find((turn) => turn.turn === Number(match?.[1]));
      expect(quoted?.speaker).toBe('candidate');
      const quote = (match?.[2] ?? '').replace(/…$/, '');
      expect(normalize(quoted?.text ?? '')).toContain(quote);
    }
    await report.getByRole('heading', { name: 'Delivery' }).waitFor();
    await report.getByRole('heading', { name: 'STAR checks' }).waitFor();
    await report.getByRole('heading', { name: 'Notes by phase' }).waitFor();

    const transcript = page.getByRole('region', { name: 'Transcript' });
    const answersShown = await transcript
      .locator('[data-speaker="candidate"] .chat-text')
      .allTextContents();
    expect(answersShown).toEqual(typed.map((text) => text.trim()));
    expect(transcriptTurns.map((turn) => turn.turn)).toEqual(
      transcriptTurns.map((_, index) => index + 1),
    );
    expect(transcriptTurns[transcriptTurns.length - 1]?.act).toBe('closing');

    const download = page.getByRole('link', { name: 'Download Markdown' });
    expect(await download.getAttribute('href')).toBe(`/api/interviews/${id}/report?format=md`);
    const markdown = await page.request.get(`/api/interviews/${id}/report?format=md`);
    expect(markdown.status()).toBe(200);
    expect(markdown.headers()['content-disposition']).toContain('attachment');

    // The application lists the interview, ended and rated.
    await page.getByRole('link', { name: 'Tidewater Payroll' }).click();
    const row = page
      .getByRole('region', { name: 'Mock interviews' })
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: 'Backend Engineering Interviewer' }) });
    await row.waitFor();
    const rowText = (await row.textContent()) ?? '';
    expect(rowText).toContain('Ended');
    expect(rowText).toContain(rating.replace(/^Overall rating/, '').split(':')[0] ?? '');

    expect(problems).toEqual([]);
  }, 180_000);

  it('keeps the typed answer when the interview moved on in another tab, and sends it after Reload', async () => {
    const applicationId = await findDemoApplicationId();
    const { page, problems } = await openPage();
    const id = await startFromApplicationPage(page, applicationId);

    // Another tab answers first.
    const current = (await callApi(`/interviews/${id}`)).body as { interview: { version: number } };
    const otherTab = await callApi(`/interviews/${id}/answers`, {
      method: 'POST',
      body: {
        text: 'I have spent the last two years inside a checkout API that prices carts and captures payments.',
        version: current.interview.version,
      },
    });
    expect(otherTab.status).toBe(201);

    const mine =
      'I would start by asking who calls the service and which promise matters most to them.';
    await answerBox(page).fill(mine);
    await page.getByRole('button', { name: 'Send' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'changed in another tab' });
    await alert.waitFor();
    expect(await answerBox(page).inputValue()).toBe(mine);
    expect(await page.locator('[data-turn]').count()).toBe(1);

    await alert.getByRole('button', { name: 'Reload' }).click();
    await page.locator('[data-turn="3"]').waitFor();
    await alert.waitFor({ state: 'detached' });
    expect(await answerBox(page).inputValue()).toBe(mine);
    const reloaded = await readTurns(page);
    expect(reloaded[1]).toMatchObject({ speaker: 'candidate' });
    expect(reloaded[1]?.text).toContain('checkout API');

    await page.getByRole('button', { name: 'Send' }).click();
    await waitForTurns(page, 5);
    const after = await readTurns(page);
    expect(after[3]).toMatchObject({ turn: 4, speaker: 'candidate', text: mine });
    expect(after[4]?.speaker).toBe('interviewer');

    expect(problems.filter((problem) => !problem.includes('409 (Conflict)'))).toEqual([]);
  });
});
