import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBrowserAvailable, useBrowserSession } from '../support/browser-session.js';

// The fit report and the text editors of the application page, in the system
// Chromium against a real `prepkit serve` with a fresh data folder.

const browserAvailable = checkBrowserAvailable('test/e2e/fit-report.test.ts');

const posting = [
  '# Senior Backend Engineer — Quayside Logistics',
  '',
  'Remote within Europe.',
  '',
  '## Requirements',
  '',
  '- 5+ years building backend services',
  '- Strong Go and PostgreSQL',
  '- Apache Kafka for event streaming',
  '- Kubernetes and Terraform in production',
  '',
  '## Nice to have',
  '',
  '- gRPC',
].join('\n');

const firstResume = [
  '# Old Resume',
  '',
  '## Experience',
  '',
  '### Web Developer — Sandpiper Studio',
  'Jan 2021 – Present',
  '- Built marketing sites in PHP and jQuery.',
].join('\n');

/** Written in the test's own words: a resume that names what the posting asks for. */
const uploadedResume = [
  '# Test Candidate',
  '',
  'Backend engineer who likes queues, databases and boring deploys.',
  '',
  '## Experience',
  '',
  '### Senior Backend Engineer — Fernhill Freight',
  'March 2020 – Present',
  '- Wrote Go services that move shipment events through Apache Kafka.',
  '- Tuned PostgreSQL queries and schemas for the tracking API.',
  '- Ran the services on Kubernetes; described the clusters in Terraform.',
  '',
  '### Backend Developer — Lantern Maps',
  'June 2016 – February 2020',
  '- Built REST APIs in Go with PostgreSQL.',
  '- Added gRPC endpoints between internal services.',
].join('\n');

describe.skipIf(!browserAvailable)('fit report and texts in a real browser', () => {
  const { openPage, callApi, findDemoApplicationId } = useBrowserSession('prepkit-e2e-fit-');
  let fileDir: string;

  beforeAll(async () => {
    fileDir = await mkdtemp(join(tmpdir(), 'prepkit-e2e-files-'));
  });

  afterAll(async () => {
    if (fileDir) await rm(fileDir, { recursive: true, force: true });
  });

  async function createApplication(company: string): Promise<string> {
    const created = await callApi('/applications', {
      method: 'POST',
      body: {
        company,
        roleTitle: 'Senior Backend Engineer',
        postingText: posting,
        resumeText: firstResume,
      },
    });
    expect(created.status).toBe(201);
    return (created.body as { id: string }).id;
  }

  async function readText(locator: Locator): Promise<string> {
    await locator.waitFor();
    return (await locator.textContent()) ?? '';
  }

  function fitReport(page: Page): Locator {
    return page.getByRole('region', { name: 'Fit report' });
  }

  async function readScore(page: Page): Promise<number> {
    const text = await readText(fitReport(page).locator('.fit-score'));
    const match = /(\d+)\s*\/100/.exec(text);
    if (!match?.[1]) throw new Error(`no score in ${JSON.stringify(text)}`);
    return Number(match[1]);
  }

  it('analyses the demo application and shows the stored report after a reload', async () => {
    const id = await findDemoApplicationId();
    const { page, problems } = await openPage();
    await page.goto(`/applications/${id}`);
    const report = fitReport(page);
    // The demo comes analysed; analysing again stores a new version.
    await report.getByRole('table', { name: 'How the score is made up' }).waitFor();
    await report.getByRole('button', { name: 'Analyze again' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Analysis done: \d+ out of 100/ })
      .waitFor();

    const checkReport = async () => {
      const score = await readScore(page);
      expect(score).toBeGreaterThan(0);
      expect(score).toBeLessThanOrEqual(100);
      const breakdown = report.getByRole('table', { name: 'How the score is made up' });
      expect(await breakdown.getByRole('row').count()).toBeGreaterThanOrEqual(3);
      await breakdown.getByRole('rowheader', { name: 'Required technologies' }).waitFor();
      await breakdown.getByRole('rowheader', { name: 'Years of experience' }).waitFor();
      expect(await readText(report.locator('.fit-experience'))).toContain('years');

      const matches = report.locator('.fit-column').filter({
        has: page.getByRole('heading', { name: /Matched requirements/ }),
      });
      const firstMatch = matches.getByRole('listitem').first();
      expect(await readText(firstMatch)).toMatch(/resume lines? \d+/);
      expect(await readText(firstMatch)).toMatch(/Direct|Transferable/);
      expect(await readText(firstMatch)).toMatch(/posting lines? \d+/);

      const gaps = report.locator('.fit-column').filter({
        has: page.getByRole('heading', { name: /Gaps/ }),
      });
      expect(await gaps.locator('.fit-item').count()).toBeGreaterThan(0);
      expect(await readText(gaps.getByRole('heading', { level: 4 }).first())).toMatch(
        /High|Medium|Low/,
      );

      const profile = report.locator('.job-profile');
      expect(await readText(profile)).toContain('Backend Engineer');
      expect(await readText(profile)).toContain('Required technologies');
      expect(await profile.locator('.chip').count()).toBeGreaterThan(3);
    };
    await checkReport();
    await report.getByRole('button', { name: 'Analyze again' }).waitFor();

    await page.reload();
    await checkReport();
    expect(await readText(report.locator('.fit-report-date'))).toContain('Last analysed');

    expect(problems).toEqual([]);
  });

  it('reads an uploaded resume into the editor, saves it, and analyses with it', async () => {
    const id = await createApplication('Quayside Logistics');
    const resumePath = join(fileDir, 'test-candidate.md');
    await writeFile(resumePath, uploadedResume);

    const { page, problems } = await openPage();
    await page.goto(`/applications/${id}`);
    const report = fitReport(page);
    await report.getByRole('button', { name: 'Analyze', exact: true }).click();
    const before = await readScore(page);

    await page.getByRole('button', { name: 'Edit resume' }).click();
    const textarea = page.getByLabel('Resume text');
    expect(await textarea.inputValue()).toBe(firstResume);
    await page.getByLabel('Upload file').setInputFiles(resumePath);
    const lineCount = uploadedResume.split('\n').length;
    await page
      .getByRole('status')
      .filter({ hasText: `Read ${lineCount} lines from test-candidate.md` })
      .waitFor();
    expect(await textarea.inputValue()).toContain('Test Candidate');
    expect(await textarea.inputValue()).toContain('Apache Kafka');
    // Nothing is saved until the user says so.
    expect((await callApi(`/applications/${id}`)).body).toMatchObject({ resumeText: firstResume });

    await page.getByRole('button', { name: 'Save resume' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved the resume.' }).waitFor();
    expect(
      ((await callApi(`/applications/${id}`)).body as { resumeText: string }).resumeText,
    ).toContain('Test Candidate');
    await report.getByText('The texts changed since this analysis').waitFor();

    await report.getByRole('button', { name: 'Analyze again' }).click();
    await report.getByText('The texts changed since this analysis').waitFor({ state: 'detached' });
    await page
      .getByRole('status')
      .filter({ hasText: /Analysis done/ })
      .waitFor();
    const after = await readScore(page);
    expect(after).toBeGreaterThan(before);
    const showAll = report.getByRole('button', { name: /Show all \d+ matched requirements/ });
    if ((await showAll.count()) > 0) await showAll.click();
    const matches = await readText(report.locator('.fit-column').first());
    expect(matches).toContain('Apache Kafka');
    expect(matches).toContain('Kubernetes');

    await page.reload();
    expect(await readScore(page)).toBe(after);
    expect(problems).toEqual([]);
  });

  it('shows why an unreadable file was refused, and saves nothing', async () => {
    const id = await createApplication('Brackwater Systems');
    const junkPath = join(fileDir, 'resume.pdf');
    await writeFile(junkPath, randomBytes(4096));

    const { page, problems } = await openPage();
    await page.goto(`/applications/${id}`);
    await page.getByRole('button', { name: 'Edit resume' }).click();
    const upload = page.getByLabel('Upload file');
    await upload.setInputFiles(junkPath);

    const alert = page.getByRole('alert').filter({ hasText: 'The file was not read' });
    const message = await readText(alert);
    expect(message).toContain('resume.pdf');
    expect(message).toContain('not a readable PDF');
    // The message is tied to the control it is about.
    const describedBy = (await upload.getAttribute('aria-describedby')) ?? '';
    expect(describedBy).toContain((await alert.getAttribute('id')) ?? 'missing');
    expect(await page.getByLabel('Resume text').inputValue()).toBe(firstResume);

    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await isFocused(page.getByRole('button', { name: 'Edit resume' }))).toBe(true);
    await page.reload();
    await page.getByRole('button', { name: 'Edit resume' }).click();
    expect(await page.getByLabel('Resume text').inputValue()).toBe(firstResume);
    expect((await callApi(`/applications/${id}`)).body).toMatchObject({ resumeText: firstResume });

    // The refused upload is logged by Chromium as a failed resource; nothing else may be.
    expect(problems.filter((problem) => !problem.includes('422 (Unprocessable'))).toEqual([]);
  });

  it('keeps the unsaved text when the application changed elsewhere, then saves it', async () => {
    const id = await createApplication('Saltmarsh Labs');
    const { page, problems } = await openPage();
    await page.goto(`/applications/${id}`);
    await page.getByRole('button', { name: 'Add company notes' }).click();
    const notes = page.getByLabel('Company notes text');
    await notes.fill('Series A in 2025. Ask about the on-call rota.');

    const current = (await callApi(`/applications/${id}`)).body as { version: number };
    const elsewhere = await callApi(`/applications/${id}`, {
      method: 'PATCH',
      body: { version: current.version, status: 'applied' },
    });
    expect(elsewhere.status).toBe(200);

    await page.getByRole('button', { name: 'Save company notes' }).click();
    await page.getByRole('alert').filter({ hasText: 'changed elsewhere — reloaded' }).waitFor();
    expect(await notes.inputValue()).toBe('Series A in 2025. Ask about the on-call rota.');
    expect(await page.getByLabel('Status', { exact: true }).inputValue()).toBe('applied');

    await page.getByRole('button', { name: 'Save company notes' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved the company notes.' }).waitFor();
    await page.getByText('Ask about the on-call rota.').waitFor();
    expect((await callApi(`/applications/${id}`)).body).toMatchObject({
      companyNotes: 'Series A in 2025. Ask about the on-call rota.',
      status: 'applied',
    });

    expect(problems.filter((problem) => !problem.includes('409 (Conflict)'))).toEqual([]);
  });

  async function isFocused(locator: Locator): Promise<boolean> {
    return locator.evaluate((element) => element === element.ownerDocument.activeElement);
  }
});
