import { readFile } from 'node:fs/promises';
import type { BrowserContext } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { QueueResponse } from '../../src/server/contract.js';
import { apiCall, captureFailuresAndClose, daysAgo, type E2E, HAS_BROWSER, signIn, startE2E } from './harness.js';

/**
 * The queue shows what is due (an unscreened formulary dispute ranks by its 5-working-day clock),
 * finds a case by its claim number, and the dashboard's figures lead to their cases; on a 375 px
 * phone the content starts right under the header and navigation, and wide tables (assignment, the
 * intake's documents) scroll in their own box, not the page.
 */

// Invented for the test: no real person or claim.
const FORMULARY_CLAIM = 'SYN-FQ-55021';
const REGULAR_CLAIM = 'SYN-RQ-55022';

let e2e: E2E;
let formularyNumber: string;
let regularNumber: string;

async function receive(context: BrowserContext, claim: string, kind: 'regular' | 'formulary', receivedAt: string) {
  const treatment = kind === 'formulary' ? 'Celecoxib 200 mg #30' : 'Physical therapy 2x6 lumbar spine';
  const r = await apiCall<{ case: { caseNumber: string } }>(context, 'POST', '/api/v1/cases', {
    receivedAt,
    kind,
    application: {
      employeeName: kind === 'formulary' ? 'Synthetic Worker Formulary' : 'Synthetic Worker Regular',
      claimNumber: claim,
      injuryDate: daysAgo(400),
      urDecisionDate: daysAgo(30),
      requestingPhysicianName: 'Dr. Synthetic Requester',
      employerName: 'Synthetic Crates Inc',
      claimsAdministratorName: 'Synthetic Claims Services',
      disputedTreatments: [{ treatment }],
      alsoDisputedForOtherReasons: false,
      deniedForMissingInformation: false,
      signaturePresent: true,
      consentToRecords: true,
      urDecisionAttached: true,
      urServiceMethod: 'electronic',
      filedBy: 'employee',
    },
    patient: { age: 52 },
  });
  if (r.status !== 200) throw new Error(`intake ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
  return r.body.case.caseNumber;
}

beforeAll(async () => {
  if (!HAS_BROWSER) return;
  e2e = await startE2E();
  const { context } = await e2e.signedIn('intake');
  // Both received at the same moment, 20 days ago, and not screened since.
  const at = `${daysAgo(20)}T16:00:00.000Z`;
  regularNumber = await receive(context, REGULAR_CLAIM, 'regular', at);
  formularyNumber = await receive(context, FORMULARY_CLAIM, 'formulary', at);
  await context.close();
}, 240_000);

captureFailuresAndClose(() => e2e);

describe.skipIf(!HAS_BROWSER)('the queue shows what is due', () => {
  it('an unscreened formulary application sorts first, overdue on its 5-working-day clock', async () => {
    const { context, page } = await e2e.signedIn('coordinator');
    await page.getByRole('heading', { level: 1, name: 'Case queue' }).waitFor();
    await page.getByLabel('Stage').selectOption('received');
    await page.getByRole('status').filter({ hasText: 'Showing' }).waitFor();
    const rows = page.locator('table.queue-table tbody tr');
    await rows.first().waitFor();
    const first = rows.first();
    expect(await first.getByRole('rowheader').textContent()).toContain(formularyNumber);
    expect(await first.textContent()).toContain('Overdue');
    expect(await first.textContent()).toContain('Eligibility screened (target)');
    // In the whole open queue it still comes before the regular application received with it.
    await page.getByLabel('Stage').selectOption('');
    await page.getByRole('status').filter({ hasText: 'Showing' }).waitFor();
    const numbers = await page.locator('table.queue-table tbody tr th[scope=row] a').allTextContents();
    expect(numbers).toContain(formularyNumber);
    if (numbers.includes(regularNumber)) {
      expect(numbers.indexOf(formularyNumber)).toBeLessThan(numbers.indexOf(regularNumber));
    }
    // No issued letter counts as open work.
    expect(await page.locator('table.queue-table').getByText('Letter issued').count()).toBe(0);
    await context.close();
  });

  it('case search finds a case by its claim number', async () => {
    const { context, page } = await e2e.signedIn('intake');
    await page.getByLabel('Case number, employee name or claim number').fill(FORMULARY_CLAIM.toLowerCase());
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Showing 1–1 of 1 case' }).waitFor();
    const row = page.locator('table.queue-table tbody tr');
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain(formularyNumber);
    expect(await row.textContent()).toContain(`Claim ${FORMULARY_CLAIM}`);
    await row.getByRole('link', { name: formularyNumber }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(formularyNumber) }).waitFor();
    await context.close();
  });

  it('ineligible, issued and closed cases stay reachable in their own tab', async () => {
    const { context, page } = await e2e.signedIn('coordinator');
    await page.getByRole('button', { name: 'Ineligible, issued and closed' }).click();
    // The earlier page stays on screen until the new one arrives: wait for an ended case's badge.
    const endedBadge = /^(Ineligible|Letter issued|Closed|Terminated|Withdrawn)$/;
    await page.locator('table.queue-table tbody tr td .badge', { hasText: endedBadge }).first().waitFor();
    await page.waitForLoadState('networkidle');
    const stages = await page.locator('table.queue-table tbody tr td .badge').allTextContents();
    expect(stages.length).toBeGreaterThan(0);
    for (const s of stages) expect(s).toMatch(endedBadge);
    await context.close();
  });
});

describe.skipIf(!HAS_BROWSER)('the dashboard', () => {
  it('says when From is after To, leads from a chart to its cases, and exports CSV', async () => {
    const { context, page } = await e2e.signedIn('coordinator');
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Open cases by stage' }).waitFor();
    // The open count agrees with the queue's total.
    const open = await apiCall<QueueResponse>(context, 'GET', '/api/v1/queue?limit=1');
    expect(await page.locator('.stat').first().textContent()).toBe(String(open.body.total));

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const csv = await readFile((await (await download).path()) as string, 'utf8');
    expect(csv).toContain(`Open cases,${open.body.total}`);
    expect(csv).toContain('Kind of request,Decided,Overturned,Overturn rate');

    // Drill-down: the stage table's link opens the queue filtered to that stage, with the same count.
    const card = page.locator('section.card', { has: page.getByRole('heading', { name: 'Open cases by stage' }) });
    await card.getByText('Show the numbers').click();
    const received = card.getByRole('row', { name: /Application received/ });
    const count = Number(await received.locator('td').textContent());
    await received.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: 'Case queue' }).waitFor();
    expect(new URL(page.url()).searchParams.get('stage')).toBe('received');
    await page
      .getByRole('status')
      .filter({ hasText: `of ${count} ` })
      .waitFor();

    // From an overturn chart's numbers: the cases decided in that group.
    await page.goBack();
    const kinds = page.locator('section.card', {
      has: page.getByRole('heading', { name: 'Overturn rate by kind of request' }),
    });
    await kinds.getByText('Show the numbers').click();
    const firstKind = kinds.locator('tbody tr th a').first();
    const kindLabel = (await firstKind.textContent()) ?? '';
    await firstKind.click();
    await page.getByText(`From the dashboard: Kind of request: ${kindLabel}`).waitFor();
    await page.getByRole('status').filter({ hasText: 'Showing' }).waitFor();
    expect(await page.locator('table.queue-table tbody tr').count()).toBeGreaterThan(0);

    await page.goBack();
    await page.getByLabel('From').fill('2025-06-01');
    await page.getByLabel('To').fill('2025-01-01');
    await page.getByText('"To" must be on or after "From".').waitFor();
    expect(await page.getByText('0%').count()).toBe(0);
    await context.close();
  });
});

describe.skipIf(!HAS_BROWSER)('a 375 px phone', () => {
  it('shows the content right under the header and navigation, with no blank block and no sideways scroll', async () => {
    const context = await e2e.browser.newContext({ baseURL: e2e.url, viewport: { width: 375, height: 812 } });
    const page = await context.newPage();
    await signIn(page, 'coordinator', e2e.account('coordinator').password);
    // The search page is short: a stretching grid row shows there as a blank block under the navigation.
    for (const path of ['/search', '/queue', '/dashboard']) {
      await page.goto(path);
      await page.locator('main h1').waitFor();
      const box = (await page.evaluate(`(() => {
        const rect = (s) => document.querySelector(s).getBoundingClientRect();
        return { main: rect('main').top, nav: rect('.app-nav').bottom, navHeight: rect('.app-nav').height,
                 links: rect('.app-nav ul').height, h1: rect('main h1').top,
                 width: document.documentElement.scrollWidth };
      })()`)) as { main: number; nav: number; navHeight: number; links: number; h1: number; width: number };
      // The navigation is as tall as its links (plus padding), and the content starts right under it.
      expect(box.navHeight - box.links, path).toBeLessThan(24);
      expect(box.main, path).toBeLessThanOrEqual(box.nav + 1);
      expect(box.h1, path).toBeLessThan(160);
      expect(box.width, path).toBeLessThanOrEqual(375);
    }
    await context.close();
  });

  it('keeps wide tables inside their own scrolling box: the assignment page and the intake documents', async () => {
    const context = await e2e.browser.newContext({ baseURL: e2e.url, viewport: { width: 375, height: 812 } });
    const page = await context.newPage();
    await signIn(page, 'coordinator', e2e.account('coordinator').password);
    const pageWidth = () => page.evaluate('document.documentElement.scrollWidth') as Promise<number>;
    // The file's regular application, screened now (the earlier tests needed it unscreened): eligible.
    const found = await apiCall<QueueResponse>(context, 'GET', `/api/v1/queue?q=${REGULAR_CLAIM}`);
    const regular = found.body.entries[0]?.case;
    if (regular === undefined) throw new Error('the regular application is not in the queue');
    const screened = await apiCall<{ case: { stage: string } }>(
      context,
      'POST',
      `/api/v1/cases/${regular.id}/screening`,
      { expectedVersion: regular.version },
    );
    expect(screened.body.case?.stage, JSON.stringify(screened.body).slice(0, 300)).toBe('eligible');
    const caseId = regular.id;
    await page.goto(`/cases/${caseId}/assignment`);
    await page.getByRole('group', { name: 'Ranked reviewers' }).waitFor();
    // The ranked table is some 860 px wide: it scrolls in its box, the page does not.
    expect(
      await page
        .locator('table.data')
        .first()
        .evaluate((t) => t.scrollWidth),
    ).toBeGreaterThan(375);
    expect(await pageWidth(), 'assignment').toBeLessThanOrEqual(375);
    await page.goto('/intake');
    await page.getByRole('heading', { level: 1, name: 'New application' }).waitFor();
    await page.getByLabel('Add documents').setInputFiles([
      {
        name: 'synthetic-progress-note-with-a-long-name.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('Synthetic note.'),
      },
    ]);
    await page
      .getByRole('cell', { name: /^synthetic-progress-note/ })
      .first()
      .waitFor();
    expect(await pageWidth(), 'intake with a document').toBeLessThanOrEqual(375);
    await context.close();
  });
});
