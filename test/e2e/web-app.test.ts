import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkBrowserAvailable, useBrowserSession } from '../support/browser-session.js';

// The web app, built into dist/web, driven in the system Chromium against a
// real `prepkit serve` with a fresh data folder (so the demo application exists).

const browserAvailable = checkBrowserAvailable('test/e2e/web-app.test.ts');

const uuidPath = /\/applications\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe.skipIf(!browserAvailable)('web app in a real browser', () => {
  const { openPage, callApi } = useBrowserSession('prepkit-e2e-');

  async function listApplications(): Promise<
    Array<{ id: string; company: string; roleTitle: string }>
  > {
    const { status, body } = await callApi('/applications');
    expect(status).toBe(200);
    return (body as { applications: Array<{ id: string; company: string; roleTitle: string }> })
      .applications;
  }

  async function findDemoApplicationId(): Promise<string> {
    const demo = (await listApplications()).find(
      (application) => application.company === 'Tidewater Payroll',
    );
    if (!demo) throw new Error('the demo application is missing');
    return demo.id;
  }

  async function readText(locator: Locator): Promise<string> {
    await locator.waitFor();
    return (await locator.textContent()) ?? '';
  }

  async function isFocused(locator: Locator): Promise<boolean> {
    return locator.evaluate((element) => element === element.ownerDocument.activeElement);
  }

  it('lists the demo application with its stages, filters by status, and opens it with Enter', async () => {
    const { page, problems } = await openPage();
    await page.goto('/');

    const card = page.getByRole('link', { name: /Tidewater Payroll/ });
    const cardText = await readText(card);
    expect(cardText).toContain('Backend Engineer');
    expect(cardText).toContain('Interviewing');
    expect(cardText).toContain('4 stages');
    // The recruiter screen is completed; the hiring-manager round is the next one, with a date.
    expect(cardText).toContain('Next: Hiring manager');
    expect(await card.locator('time').count()).toBe(1);
    expect(await page.title()).toBe('Applications · prepkit');

    const interviewing = page.getByRole('button', { name: /^Interviewing/ });
    expect(await readText(interviewing)).toMatch(/Interviewing\s*1/);

    await page.getByRole('button', { name: /^Withdrawn/ }).click();
    await page.getByText('No application is at “Withdrawn”').waitFor();
    expect(await page.getByRole('link', { name: /Tidewater Payroll/ }).count()).toBe(0);
    expect(new URL(page.url()).search).toBe('?status=withdrawn');

    await page.getByRole('button', { name: 'Show all applications' }).click();
    await card.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(uuidPath);
    expect(await readText(page.getByRole('heading', { level: 1 }))).toBe('Tidewater Payroll');
    expect(await page.title()).toBe('Tidewater Payroll · Backend Engineer · prepkit');

    expect(problems).toEqual([]);
  });

  it('creates an application from the keyboard and keeps it after a reload', async () => {
    const { page, problems } = await openPage();
    await page.goto('/');
    await page.getByRole('link', { name: 'New application' }).click();
    await page.waitForURL('**/applications/new');
    expect(await page.title()).toBe('New application · prepkit');

    const company = page.getByLabel('Company', { exact: true });
    const roleTitle = page.getByLabel('Role title');
    const posting = page.getByLabel('Job posting');
    await company.focus();
    await page.keyboard.type('Lumen Freight');
    await page.keyboard.press('Tab');
    expect(await isFocused(roleTitle)).toBe(true);
    await page.keyboard.type('Senior Platform Engineer');
    await page.keyboard.press('Tab');
    expect(await isFocused(posting)).toBe(true);
    await posting.fill(
      'Senior Platform Engineer at Lumen Freight\nWe run our routing services on Kubernetes and PostgreSQL.\nRequirements: 5+ years of Go.',
    );
    // Enter in a one-line field submits the form.
    await roleTitle.press('Enter');

    await page.waitForURL(uuidPath);
    const id = new URL(page.url()).pathname.split('/').pop() ?? '';
    expect(await readText(page.getByRole('heading', { level: 1 }))).toBe('Lumen Freight');
    expect(await readText(page.getByText('Senior Platform Engineer', { exact: true }))).toBe(
      'Senior Platform Engineer',
    );

    await page.reload();
    expect(await readText(page.getByRole('heading', { level: 1 }))).toBe('Lumen Freight');
    expect(await readText(page.getByText('Senior Platform Engineer', { exact: true }))).toBe(
      'Senior Platform Engineer',
    );
    // The posting is shown too, line by line.
    await page.getByText('We run our routing services on Kubernetes and PostgreSQL.').waitFor();
    await page.getByText('Requirements: 5+ years of Go.').waitFor();
    expect(await page.getByLabel('Status', { exact: true }).inputValue()).toBe('saved');

    await page.getByRole('link', { name: 'prepkit' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    const card = page.getByRole('link', { name: /Lumen Freight/ });
    expect(await readText(card)).toContain('Senior Platform Engineer');
    expect(await card.getAttribute('href')).toBe(`/applications/${id}`);

    const stored = (await listApplications()).find((application) => application.id === id);
    expect(stored).toMatchObject({
      company: 'Lumen Freight',
      roleTitle: 'Senior Platform Engineer',
    });

    expect(problems).toEqual([]);
  });

  it('adds a technical stage with a local date and time, and keeps it after a reload', async () => {
    const id = await findDemoApplicationId();
    const { page, problems } = await openPage();
    await page.goto(`/applications/${id}`);
    await page.getByRole('heading', { level: 1, name: 'Tidewater Payroll' }).waitFor();

    await page.getByLabel('Kind').selectOption({ label: 'Technical' });
    await page.getByLabel('Date and time').fill('2030-03-14T15:30');
    await page.getByRole('textbox', { name: /^Interviewer/ }).fill('Staff engineer, payments team');
    await page.getByRole('button', { name: 'Add stage' }).click();

    const stage = page.getByRole('listitem').filter({ hasText: 'Staff engineer, payments team' });
    const checkStage = async () => {
      const text = await readText(stage);
      expect(text).toContain('Technical');
      // Shown in the browser's time zone (Europe/Berlin, UTC+1 in March).
      expect(text).toContain('14 Mar 2030');
      expect(text).toContain('15:30');
      expect(await stage.getByRole('combobox').inputValue()).toBe('scheduled');
      expect(await readText(page.getByRole('heading', { name: /Interview stages/ }))).toMatch(
        /Interview stages\s*5/,
      );
    };
    await checkStage();
    expect(await readText(page.getByRole('status').filter({ hasText: 'Added' }))).toBe(
      'Added the Technical round.',
    );

    const { body } = await callApi(`/applications/${id}/stages`);
    const stored = (body as { stages: Array<Record<string, unknown>> }).stages.find(
      (candidate) => candidate.interviewer === 'Staff engineer, payments team',
    );
    expect(stored).toMatchObject({
      kind: 'technical',
      status: 'scheduled',
      scheduledAt: '2030-03-14T14:30:00.000Z',
    });

    await page.reload();
    await checkStage();

    expect(problems).toEqual([]);
  });

  it('refuses an application without a company, says why next to the field, and stays on the form', async () => {
    const before = (await listApplications()).length;
    const { page, problems } = await openPage();
    await page.goto('/applications/new');

    const company = page.getByLabel('Company', { exact: true });
    await page.getByLabel('Role title').fill('Data Engineer');
    await page.getByLabel('Job posting').fill('Data Engineer at Northwind. Python and Airflow.');
    await page.getByLabel('Role title').press('Enter');

    const summary = page.getByRole('alert').filter({ hasText: 'not saved' });
    expect(await readText(summary)).toContain('Company is required');
    expect(await company.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await company.getAttribute('aria-describedby')) ?? '';
    expect(describedBy).not.toBe('');
    expect(await readText(page.locator(`[id="${describedBy}"]`))).toBe('Company is required');
    expect(await isFocused(company)).toBe(true);

    expect(new URL(page.url()).pathname).toBe('/applications/new');
    expect(await page.getByLabel('Role title').inputValue()).toBe('Data Engineer');
    expect((await listApplications()).length).toBe(before);

    // Fixing the field clears its message.
    await company.fill('Northwind');
    await page.locator(`[id="${describedBy}"]`).waitFor({ state: 'detached' });
    expect(await company.getAttribute('aria-invalid')).toBeNull();

    expect(problems).toEqual([]);
  });

  it('never overwrites a status changed elsewhere: it reloads and says so', async () => {
    const created = await callApi('/applications', {
      method: 'POST',
      body: {
        company: 'Harbor Analytics',
        roleTitle: 'Backend Developer',
        postingText: 'Backend Developer at Harbor Analytics. Node.js and PostgreSQL.',
        status: 'applied',
      },
    });
    expect(created.status).toBe(201);
    const { id, version } = created.body as { id: string; version: number };

    const { page, problems } = await openPage();
    await page.goto(`/applications/${id}`);
    const status = page.getByLabel('Status', { exact: true });
    await page.getByRole('heading', { level: 1, name: 'Harbor Analytics' }).waitFor();
    expect(await status.inputValue()).toBe('applied');

    // Another tab moves the application on while this page still shows version 1.
    const elsewhere = await callApi(`/applications/${id}`, {
      method: 'PATCH',
      body: { version, status: 'interviewing' },
    });
    expect(elsewhere.status).toBe(200);

    await status.selectOption('offer');
    const alert = page.getByRole('alert').filter({ hasText: 'changed elsewhere' });
    expect(await readText(alert)).toContain('changed elsewhere — reloaded');
    expect(await status.inputValue()).toBe('interviewing');
    const stored = await callApi(`/applications/${id}`);
    expect(stored.body).toMatchObject({ status: 'interviewing', version: version + 1 });

    // With the fresh version, the same change now goes through.
    await status.selectOption('offer');
    await page.getByRole('status').filter({ hasText: 'Status changed to Offer.' }).waitFor();
    expect((await callApi(`/applications/${id}`)).body).toMatchObject({ status: 'offer' });

    // The refused PATCH is logged by Chromium as a failed resource; nothing else may be.
    expect(problems.filter((problem) => !problem.includes('409 (Conflict)'))).toEqual([]);
  });

  it('shows a friendly not-found page for an unknown application and for an unknown address', async () => {
    const { page, problems } = await openPage();
    await page.goto('/applications/00000000-0000-4000-8000-000000000000');
    expect(await readText(page.getByRole('heading', { level: 1 }))).toBe('Application not found');
    expect(await page.title()).toBe('Application not found · prepkit');
    await page.getByRole('link', { name: 'Back to your applications' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('link', { name: /Tidewater Payroll/ }).waitFor();

    await page.goto('/no/such/page');
    expect(await readText(page.getByRole('heading', { level: 1 }))).toBe('Page not found');

    expect(problems.filter((problem) => !problem.includes('404 (Not Found)'))).toEqual([]);
  });

  it('says when the server cannot be reached and loads again on Retry', async () => {
    const { page, problems } = await openPage();
    await page.route('**/api/applications', (route) => route.abort('connectionrefused'));
    await page.goto('/');

    const alert = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
    expect(await readText(alert)).toContain('Could not reach the prepkit server');

    await page.unroute('**/api/applications');
    await alert.getByRole('button', { name: 'Retry' }).click();
    await page.getByRole('link', { name: /Tidewater Payroll/ }).waitFor();
    expect(await alert.count()).toBe(0);

    expect(problems.filter((problem) => !problem.includes('ERR_CONNECTION_REFUSED'))).toEqual([]);
  });
});
