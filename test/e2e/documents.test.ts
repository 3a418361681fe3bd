import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkBrowserAvailable, useBrowserSession } from '../support/browser-session.js';

// The documents of the application page (prep pack, versions, downloads) and
// the stage notes editor (autosave, task checkboxes, conflicts between tabs),
// in the system Chromium against a real `prepkit serve` with a fresh data folder.

const browserAvailable = checkBrowserAvailable('test/e2e/documents.test.ts');

describe.skipIf(!browserAvailable)('documents and stage notes in a real browser', () => {
  const { openPage, callApi, findDemoApplicationId } = useBrowserSession('prepkit-e2e-documents-');

  function documents(page: Page): Locator {
    return page.getByRole('region', { name: 'Documents' });
  }

  function notesButton(page: Page): Locator {
    return page.getByRole('button', { name: /^Notes for round \d+ \(Recruiter screen\)$/ });
  }

  function notesEditor(page: Page): Locator {
    return page.getByLabel(/^Notes for round \d+ \(Recruiter screen\) \(Markdown\)$/);
  }

  async function openNotes(page: Page): Promise<Locator> {
    await notesButton(page).click();
    const editor = notesEditor(page);
    await editor.waitFor();
    return editor;
  }

  it('shows the demo’s prep pack at once, and keeps earlier versions on regenerate', async () => {
    const id = await findDemoApplicationId();
    const { page, problems } = await openPage();
    await page.goto(`/applications/${id}`);
    const pack = documents(page).getByRole('region', { name: 'Prep pack' });
    // A newcomer sees a prep pack without generating anything: the demo comes with one.
    await pack.getByRole('button', { name: 'View prep pack' }).click();
    await pack.getByRole('heading', { name: 'STAR stories' }).waitFor();
    expect(
      await pack.getByRole('link', { name: 'Markdown of the prep pack' }).getAttribute('href'),
    ).toBe(`/api/applications/${id}/documents/prep-pack/download?format=md`);
    const docxHref =
      (await pack.getByRole('link', { name: 'DOCX of the prep pack' }).getAttribute('href')) ?? '';
    const docx = await page.request.get(docxHref);
    expect(docx.status()).toBe(200);
    expect(docx.headers()['content-disposition']).toContain('prep-pack-v1.docx');

    await pack.getByRole('button', { name: 'Regenerate prep pack' }).click();
    await pack
      .getByRole('status')
      .filter({ hasText: 'Generated the prep pack: version 2.' })
      .waitFor();
    await pack.getByText('2 versions').click();
    const versions = pack.getByRole('list', { name: 'Versions of the prep pack' });
    expect(await versions.getByRole('listitem').count()).toBe(2);
    await versions.getByRole('button', { name: 'View version 1 of the prep pack' }).click();
    await pack.getByText('Showing version 1 (an earlier version)').waitFor();
    await pack.getByRole('heading', { name: 'STAR stories' }).waitFor();

    await page.reload();
    await pack
      .locator('.document-meta')
      .filter({ hasText: /^Version 2 ·/ })
      .waitFor();
    expect(problems).toEqual([]);
  });

  it('autosaves the recruiter notes and persists a ticked checkbox', async () => {
    const id = await findDemoApplicationId();
    const { page, problems } = await openPage();
    await page.goto(`/applications/${id}`);
    const editor = await openNotes(page);
    expect(await editor.inputValue()).toContain('[ ]');

    await editor.press('End');
    await editor.press('Control+End');
    await editor.pressSequentially('\n\nThe recruiter mentioned a four-day week.');
    await page
      .getByRole('status')
      .filter({ hasText: /^Saved \(version \d+\)$/ })
      .waitFor();

    await page.reload();
    const reopened = await openNotes(page);
    expect(await reopened.inputValue()).toContain('The recruiter mentioned a four-day week.');

    const preview = page.getByRole('region', { name: /^Preview of the notes for round/ });
    const firstTask = preview.getByRole('checkbox').first();
    expect(await firstTask.isChecked()).toBe(false);
    const taskName = (await firstTask.getAttribute('aria-label')) ?? '';
    expect(taskName).toMatch(/^Done: /);
    await firstTask.click();
    expect(await firstTask.isChecked()).toBe(true);
    expect(await reopened.inputValue()).toContain('[x]');
    await page
      .getByRole('status')
      .filter({ hasText: /^Saved \(version \d+\)$/ })
      .waitFor();

    await page.reload();
    await openNotes(page);
    const afterReload = page
      .getByRole('region', { name: /^Preview of the notes for round/ })
      .getByRole('checkbox', { name: taskName, exact: true });
    expect(await afterReload.isChecked()).toBe(true);
    expect(await notesEditor(page).inputValue()).toContain(
      'The recruiter mentioned a four-day week.',
    );
    expect(problems).toEqual([]);
  });

  it('keeps the text of a tab whose notes were saved in another tab', async () => {
    const id = await findDemoApplicationId();
    const tabA = await openPage();
    const tabB = await openPage();
    await tabA.page.goto(`/applications/${id}`);
    await tabB.page.goto(`/applications/${id}`);
    const editorA = await openNotes(tabA.page);
    const editorB = await openNotes(tabB.page);

    await editorA.fill(`${await editorA.inputValue()}\n\nTab A: salary band confirmed.`);
    await tabA.page
      .getByRole('status')
      .filter({ hasText: /^Saved \(version \d+\)$/ })
      .waitFor();

    const textB = `${await editorB.inputValue()}\n\nTab B: ask about the team size.`;
    await editorB.fill(textB);
    const alert = tabB.page.getByRole('alert').filter({ hasText: 'changed elsewhere' });
    await alert.waitFor();
    expect(await editorB.inputValue()).toBe(textB);
    const latest = (
      await callApi(`/applications/${id}/documents/stage-notes?stage=${await stageId(id)}`)
    ).body as { version: number; markdown: string };
    expect(latest.markdown).toContain('Tab A: salary band confirmed.');
    expect(latest.markdown).not.toContain('Tab B');
    expect(await alert.textContent()).toContain(`now at version ${latest.version}`);

    await alert.getByRole('button', { name: 'Save my version' }).click();
    await tabB.page
      .getByRole('status')
      .filter({ hasText: `Saved (version ${latest.version + 1})` })
      .waitFor();
    await alert.waitFor({ state: 'detached' });
    const saved = (
      await callApi(`/applications/${id}/documents/stage-notes?stage=${await stageId(id)}`)
    ).body as { markdown: string };
    expect(saved.markdown).toBe(textB);

    expect(tabA.problems).toEqual([]);
    expect(tabB.problems.filter((problem) => !problem.includes('409 (Conflict)'))).toEqual([]);
  });

  async function stageId(applicationId: string): Promise<string> {
    const { body } = await callApi(`/applications/${applicationId}/stages`);
    const recruiter = (body as { stages: Array<{ id: string; kind: string }> }).stages.find(
      (stage) => stage.kind === 'recruiter',
    );
    if (!recruiter) throw new Error('the demo application has no recruiter stage');
    return recruiter.id;
  }
});
