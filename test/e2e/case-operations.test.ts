import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, QueueResponse } from '../../src/server/contract.js';
import {
  apiCall,
  captureFailuresAndClose,
  type E2E,
  focused,
  HAS_BROWSER,
  STEP_TIMEOUT_MS,
  startE2E,
} from './harness.js';

/**
 * The case actions through the pages: an extension, a conversion to expedited review, a termination
 * and closing, each showing its effect on the stage and clocks before it is confirmed and refusing
 * bad input on the field it concerns; the case timeline for QA; and a reviewer reopening a case they
 * decided after its letter issued, read-only.
 */

let e2e: E2E;
/** Cases picked from the demo data by stage, one per journey. */
const picked: Record<'extend' | 'expedite' | 'terminate' | 'close', number> = {
  extend: 0,
  expedite: 0,
  terminate: 0,
  close: 0,
};

beforeAll(async () => {
  if (!HAS_BROWSER) return;
  e2e = await startE2E();
  const { context } = await e2e.signedIn('coordinator');
  const inStage = async (stage: string) =>
    (await apiCall<QueueResponse>(context, 'GET', `/api/v1/queue?stage=${stage}&limit=50`)).body.entries.filter(
      (e) => e.case.priority === 'standard' && e.case.source === 'intake',
    );
  const received = await inStage('records-received');
  const requested = await inStage('records-requested');
  const issued = await inStage('letter-issued');
  const [a, b] = received;
  const c = requested[0] ?? received[2];
  const d = issued[0];
  if (a === undefined || b === undefined || c === undefined || d === undefined) {
    throw new Error('the demo data lacks cases with records or an issued letter');
  }
  picked.extend = a.case.id;
  picked.expedite = b.case.id;
  picked.terminate = c.case.id;
  picked.close = d.case.id;
  await context.close();
}, 240_000);

captureFailuresAndClose(() => e2e);

async function openCase(page: Page, caseId: number): Promise<void> {
  await page.goto(`/cases/${caseId}`);
  await page.getByRole('heading', { name: 'Statutory clocks' }).waitFor();
}

const effect = (page: Page) => page.locator('.op-effect');

describe.skipIf(!HAS_BROWSER)('case actions show their effect before they are confirmed', () => {
  it('extension: the reason is required, the decision clock moves, and past three days the days field says so', async () => {
    const { context, page } = await e2e.signedIn('coordinator');
    await openCase(page, picked.extend);
    await page.getByRole('button', { name: 'Extend the decision period' }).click();
    await page.getByRole('button', { name: 'Review the effect' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Fix this first' });
    await summary.getByRole('link', { name: 'Choose why the extension was approved.' }).waitFor();
    // Focus moves to the summary (on the next frame), so the keyboard user hears it.
    await expect.poll(async () => (await focused(page))?.tag, { timeout: STEP_TIMEOUT_MS }).toBe('DIV');

    await page.getByLabel('Good cause').check();
    await page.getByLabel('Days of extension').selectOption('2');
    await page.getByRole('button', { name: 'Review the effect' }).click();
    await effect(page).getByRole('heading', { name: 'What will change' }).waitFor();
    expect(await effect(page).innerText()).toContain('The case stays at “Records received”');
    const row = effect(page).getByRole('row', { name: /Final determination issued/ });
    expect(await row.getByRole('cell').nth(1).innerText()).toContain('extended 2 days');
    expect(await row.getByRole('cell').nth(0).innerText()).not.toContain('extended');
    await expect.poll(async () => (await focused(page))?.text, { timeout: STEP_TIMEOUT_MS }).toBe('What will change');

    await page.getByRole('button', { name: 'Confirm the extension' }).click();
    await page.getByRole('status').filter({ hasText: 'The extension is recorded' }).waitFor();

    // Two more days would pass the three the law allows: the server's coded error, on the days field.
    await page.getByRole('button', { name: 'Extend the decision period' }).click();
    await page.getByText('2 granted already, 1 left').waitFor();
    await page.getByLabel('Extraordinary circumstances').check();
    await page.getByLabel('Days of extension').selectOption('2');
    await page.getByRole('button', { name: 'Review the effect' }).click();
    const fieldError = page.locator('.field-error').filter({ hasText: '1 day is left' });
    await fieldError.waitFor();
    expect(await fieldError.innerText()).toContain('(IMR_VALIDATION)');
    expect(await page.getByLabel('Days of extension').getAttribute('aria-invalid')).toBe('true');
    expect(await effect(page).count()).toBe(0);
    await context.close();
  });

  it('expedite: the certification is required, then the review becomes expedited with shorter clocks', async () => {
    const { context, page } = await e2e.signedIn('intake');
    await openCase(page, picked.expedite);
    // Intake may convert a review, but an extension, a termination or closing is not theirs.
    expect(await page.getByRole('button', { name: 'Extend the decision period' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Terminate or withdraw' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Convert to expedited review' }).click();
    await page.getByRole('button', { name: 'Review the effect' }).click();
    await page.getByRole('link', { name: /Add the physician's certification/ }).waitFor();

    // The case page has another document picker (supplemental records): this one is the form's.
    await page
      .locator('.op-form')
      .getByLabel('Add documents')
      .setInputFiles([
        {
          name: 'certification.txt',
          mimeType: 'text/plain',
          buffer: Buffer.from('Synthetic certification of an imminent and serious threat, invented for a test.'),
        },
      ]);
    await page
      .locator('.op-form')
      .getByRole('cell', { name: /^certification\.txt/ })
      .waitFor();
    await page.getByRole('button', { name: 'Review the effect' }).click();
    await effect(page).getByText('The review becomes expedited.').waitFor();
    expect(
      await effect(page)
        .getByRole('row', { name: /Final determination issued/ })
        .count(),
    ).toBe(1);
    await page.getByRole('button', { name: 'Confirm the conversion' }).click();
    await page.getByRole('status').filter({ hasText: 'The review is expedited' }).waitFor();
    await page.locator('.page-head .badge', { hasText: 'Expedited' }).waitFor();
    // Converted once: the action is gone.
    expect(await page.getByRole('button', { name: 'Convert to expedited review' }).count()).toBe(0);
    await context.close();
  });

  it('termination: a date in the future is refused on its field; the review ends and the reviewer is released', async () => {
    const { context, page } = await e2e.signedIn('coordinator');
    await openCase(page, picked.terminate);
    await page.getByRole('button', { name: 'Terminate or withdraw' }).click();
    await page.getByRole('button', { name: 'Review the effect' }).click();
    await page.getByRole('link', { name: 'Choose why the review ends.' }).waitFor();
    await page.getByLabel('The employee withdrew the request').check();
    await page.getByLabel('Date of the notice').fill('2099-01-01');
    await page.getByRole('button', { name: 'Review the effect' }).click();
    const dateError = page.locator('.field-error').filter({ hasText: 'in the future' });
    await dateError.waitFor();
    expect(await dateError.innerText()).toContain('(IMR_VALIDATION)');

    await page.getByLabel('Date of the notice').fill('');
    await page.getByRole('button', { name: 'Review the effect' }).click();
    await effect(page).getByText('to “Withdrawn”').waitFor();
    expect(await effect(page).innerText()).toContain("The reviewer's assignment ends.");
    expect(await effect(page).innerText()).toContain('Every running clock stops');
    await page.getByRole('button', { name: 'Confirm the termination' }).click();
    await page.getByRole('status').filter({ hasText: 'The review has ended' }).waitFor();
    await page.locator('.page-head .badge', { hasText: 'Withdrawn' }).waitFor();
    await context.close();
  });

  it('close: a case whose letter issued closes after its effect is shown', async () => {
    const { context, page } = await e2e.signedIn('coordinator');
    await openCase(page, picked.close);
    await page.getByRole('button', { name: 'Close the case' }).click();
    await page.getByRole('button', { name: 'Review the effect' }).click();
    await effect(page).getByText('from “Letter issued” to “Closed”').waitFor();
    expect(await effect(page).innerText()).toContain('No statutory clock changes.');
    await page.getByRole('button', { name: 'Confirm closing' }).click();
    await page.getByRole('status').filter({ hasText: 'The case is closed.' }).waitFor();
    await page.locator('.page-head .badge', { hasText: 'Closed' }).waitFor();
    // Nothing more to do on a closed case.
    expect(await page.locator('.op-choices button').count()).toBe(0);
    await context.close();
  });
});

describe.skipIf(!HAS_BROWSER)('the case timeline', () => {
  it('QA reads who did what and when in plain language; reads show on request', async () => {
    const { context, page } = await e2e.signedIn('qa');
    await openCase(page, picked.extend);
    const timeline = page.locator('section', { has: page.getByRole('heading', { name: 'Timeline' }) });
    await timeline.locator('ol.timeline li').first().waitFor();
    const items = timeline.locator('ol.timeline > li');
    expect(await items.first().innerText()).toContain('Application received');
    const extended = items.filter({ hasText: 'Decision period extended by 2 days' });
    expect(await extended.innerText()).toContain('by Demo Coordinator (coordinator)');
    expect(await extended.innerText()).toContain('Good cause (LC 4610.6(d))');
    const text = await timeline.innerText();
    expect(text).not.toMatch(/IMR_|case\.[a-z-]+|document\.read|eventAt|reviewerIds/);
    expect(await items.filter({ hasText: 'Opened the case' }).count()).toBe(0);
    await timeline.getByLabel(/Also show who opened the case/).check();
    await items.filter({ hasText: 'Opened the case' }).first().waitFor();
    // In time order, oldest first.
    const times = await timeline
      .locator('ol.timeline time')
      .evaluateAll((els) => els.map((el) => el.getAttribute('datetime') ?? ''));
    expect(times).toEqual([...times].sort());
    await context.close();
  });

  it('is not shown to roles that may not read the audit', async () => {
    const { context, page } = await e2e.signedIn('coordinator');
    await openCase(page, picked.extend);
    await page.getByRole('heading', { name: 'Documents' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Timeline' }).count()).toBe(0);
    await context.close();
  });
});

describe.skipIf(!HAS_BROWSER)('a reviewer reopens a case they decided', () => {
  it('after the letter issues, and after the case closes, they read it and their determination, read-only', async () => {
    const reviewer = await e2e.signedIn('reviewer');
    const mine = await apiCall<QueueResponse>(reviewer.context, 'GET', '/api/v1/queue?stage=determined');
    const caseId = mine.body.entries[0]?.case.id;
    if (caseId === undefined) throw new Error('the demo reviewer has no decided case waiting for QA');

    // QA approves and issues the letter (their journey is tested elsewhere).
    const qa = await e2e.signedIn('qa');
    const version = (await apiCall<CaseDetail>(qa.context, 'GET', `/api/v1/cases/${caseId}`)).body.case.version;
    expect(
      (await apiCall(qa.context, 'POST', `/api/v1/cases/${caseId}/letter/approval`, { expectedVersion: version }))
        .status,
    ).toBe(200);
    const issued = await apiCall<{ case: { version: number } }>(
      qa.context,
      'POST',
      `/api/v1/cases/${caseId}/letter/issue`,
      { expectedVersion: version, formats: ['pdf'] },
    );
    expect(issued.status).toBe(200);

    const page = reviewer.page;
    const readOnly = async () => {
      await page.goto(`/cases/${caseId}`);
      const mineSection = page.locator('section', { has: page.getByRole('heading', { name: 'Your determination' }) });
      await mineSection.getByText('Read-only').waitFor();
      expect(await mineSection.getByText(/^Upheld|^Overturned/).count()).toBeGreaterThan(0);
      expect(await mineSection.locator('dd').first().innerText()).not.toBe('');
      expect(await page.locator('textarea, input[type="radio"]').count()).toBe(0);
      expect(await page.getByRole('heading', { name: 'Case actions' }).count()).toBe(0);
      // The review tab shows the same read-only determination, not "opens once a reviewer is assigned".
      await page.getByRole('link', { name: 'Review workspace' }).click();
      await page.getByRole('heading', { name: 'Your determination' }).waitFor();
      expect(await page.getByText('opens once a reviewer is assigned').count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Record my decisions' }).count()).toBe(0);
      expect(await page.locator('textarea').count()).toBe(0);
      // The issued letter.
      await page.getByRole('link', { name: 'Letter', exact: true }).click();
      await page.getByRole('heading', { name: 'Issued letters' }).waitFor();
      const download = page.getByRole('link', { name: /Download PDF of the Final Determination Letter/ });
      const href = await download.getAttribute('href');
      expect((await reviewer.context.request.get(href ?? '')).status()).toBe(200);
    };
    await readOnly();

    const coordinator = await e2e.signedIn('coordinator');
    expect(
      (
        await apiCall(coordinator.context, 'POST', `/api/v1/cases/${caseId}/close`, {
          expectedVersion: issued.body.case.version,
        })
      ).status,
    ).toBe(200);
    await readOnly();
    expect(await page.locator('.page-head .badge', { hasText: 'Closed' }).count()).toBe(1);

    // Another reviewer still cannot open it.
    const other = await e2e.signedIn('reviewer2');
    await other.page.goto(`/cases/${caseId}`);
    await other.page.getByRole('heading', { level: 1, name: 'Case not available' }).waitFor();
    for (const c of [reviewer.context, qa.context, coordinator.context, other.context]) await c.close();
  });

  it('when the request is withdrawn after their decision, the assignment ends and the case stays readable', async () => {
    const reviewer = await e2e.signedIn('reviewer');
    const mine = await apiCall<QueueResponse>(reviewer.context, 'GET', '/api/v1/queue?stage=determined');
    const caseId = mine.body.entries[0]?.case.id;
    if (caseId === undefined) throw new Error('the demo reviewer has no second decided case');
    const coordinator = await e2e.signedIn('coordinator');
    await openCase(coordinator.page, caseId);
    await coordinator.page.getByRole('button', { name: 'Terminate or withdraw' }).click();
    await coordinator.page.getByLabel('The employee withdrew the request').check();
    await coordinator.page.getByRole('button', { name: 'Review the effect' }).click();
    await effect(coordinator.page).getByText('from “Determined” to “Withdrawn”').waitFor();
    await coordinator.page.getByRole('button', { name: 'Confirm the termination' }).click();
    await coordinator.page.getByRole('status').filter({ hasText: 'The review has ended' }).waitFor();

    const page = reviewer.page;
    await page.goto(`/cases/${caseId}`);
    const mineSection = page.locator('section', { has: page.getByRole('heading', { name: 'Your determination' }) });
    await mineSection.getByText('The request was withdrawn.').waitFor();
    await page.getByText('The case is no longer assigned to you').waitFor();
    expect(await page.getByRole('button', { name: 'Show text' }).count()).toBe(0);
    // The server agrees: the record's documents and the review are closed to them now, the case is not.
    expect((await apiCall(reviewer.context, 'GET', `/api/v1/cases/${caseId}/review`)).status).toBe(403);
    expect((await apiCall(reviewer.context, 'GET', `/api/v1/cases/${caseId}`)).status).toBe(200);
    await reviewer.context.close();
    await coordinator.context.close();
  });
});
