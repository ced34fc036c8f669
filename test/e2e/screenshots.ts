/**
 * `npm run docs:screenshots`: one screenshot of each main page of the web app, in real Chromium,
 * over a throw-away database with the demo data (everything in it is invented), written to
 * docs/screenshots/*.png; the pages people use on a phone also at 375 px wide (`*-375.png`). The web app is built by Vite first (cached by a hash of its sources).
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { QueueResponse, ReviewResponse } from '../../src/server/contract.js';
import { apiCall, blur, type E2E, startE2E } from './harness.js';

const OUT = resolve(import.meta.dirname, '../../docs/screenshots');

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  // Let charts and late requests settle; no spinner in a screenshot.
  await page.waitForLoadState('networkidle');
  await page
    .locator('.loading')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
  // No focus ring on a field the script happened to fill last.
  await blur(page);
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage });
  console.log(`docs/screenshots/${name}.png`);
}

/** The same page at a phone's width (375 px), then back to the desktop width. */
async function phoneShot(page: Page, name: string): Promise<void> {
  const desktop = page.viewportSize();
  await page.setViewportSize({ width: 375, height: 812 });
  await page.evaluate('window.scrollTo(0, 0)');
  await shot(page, `${name}-375`, true);
  if (desktop !== null) await page.setViewportSize(desktop);
}

async function firstCase(e2e: E2E, username: string, stage: string): Promise<number> {
  const { context } = await e2e.signedIn(username);
  const q = await apiCall<QueueResponse>(context, 'GET', `/api/v1/queue?stage=${stage}`);
  await context.close();
  const id = q.body.entries[0]?.case.id;
  if (id === undefined) throw new Error(`no ${stage} case in the demo data`);
  return id;
}

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const e2e = await startE2E();
  try {
    const signedOut = await e2e.browser.newPage({ baseURL: e2e.url, viewport: { width: 1360, height: 800 } });
    await signedOut.goto('/');
    await signedOut.getByRole('heading', { name: 'Sign in' }).waitFor();
    await shot(signedOut, 'sign-in');
    await signedOut.close();

    const coordinator = (await e2e.signedIn('coordinator')).page;
    await shot(coordinator, 'queue');
    await phoneShot(coordinator, 'queue');

    const recordsCase = await firstCase(e2e, 'coordinator', 'records-received');
    await coordinator.goto(`/cases/${recordsCase}`);
    await coordinator.getByRole('heading', { name: 'Statutory clocks' }).waitFor();
    await shot(coordinator, 'case');
    await phoneShot(coordinator, 'case');
    // A case action opened: the legal choices and, once reviewed, the effect on the clocks.
    const actions = coordinator.locator('section[aria-labelledby="ops-heading"]');
    await actions.locator('.op-choices button').first().click();
    await actions.locator('form.op-form').waitFor();
    await actions.scrollIntoViewIfNeeded();
    await shot(coordinator, 'case-actions');

    const eligibleCase = await firstCase(e2e, 'coordinator', 'eligible');
    await coordinator.goto(`/cases/${eligibleCase}/assignment`);
    await coordinator.getByRole('group', { name: 'Ranked reviewers' }).waitFor();
    await shot(coordinator, 'assignment');

    await coordinator.goto('/dashboard');
    await coordinator.getByRole('heading', { name: 'Overturn rate by reviewer specialty' }).waitFor();
    await shot(coordinator, 'dashboard', true);

    const intake = (await e2e.signedIn('intake')).page;
    await intake.goto('/intake');
    await intake.getByLabel('Employee name').fill('Demo Worker Example');
    await intake.getByLabel('Treatment as requested').fill('Physical therapy 2 times a week for 6 weeks, lumbar spine');
    await intake.getByLabel('Add documents').setInputFiles([
      {
        name: 'progress-note.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('Invented progress note for the demo.\n'),
      },
      { name: 'scan.docx', mimeType: 'application/msword', buffer: Buffer.from('not a pdf') },
    ]);
    await intake.getByRole('alert').filter({ hasText: 'not added' }).waitFor();
    await shot(intake, 'intake', true);
    await phoneShot(intake, 'intake');

    await intake.goto('/search?q=lumbar%20epidural%20steroid%20injection');
    await intake.locator('ol.hits li').first().waitFor();
    await shot(intake, 'search');

    const reviewer = await e2e.signedIn('reviewer');
    await shot(reviewer.page, 'my-cases');
    const mine = await apiCall<QueueResponse>(reviewer.context, 'GET', '/api/v1/queue');
    let quoted: number | undefined;
    for (const entry of mine.body.entries) {
      if (!['records-requested', 'records-received', 'in-review'].includes(entry.case.stage)) continue;
      const r = await apiCall<ReviewResponse>(reviewer.context, 'GET', `/api/v1/cases/${entry.case.id}/review`);
      if (r.status === 200 && r.body.items.some((i) => i.review.criteria.some((c) => c.evidence.length > 0))) {
        quoted = entry.case.id;
        break;
      }
    }
    if (quoted === undefined) throw new Error('no case of the demo reviewer quotes the record');
    await reviewer.page.goto(`/cases/${quoted}/review`);
    await reviewer.page.getByRole('button', { name: 'Show in the record' }).first().click();
    await reviewer.page.evaluate('window.scrollTo(0, 0)');
    await shot(reviewer.page, 'review');
    await phoneShot(reviewer.page, 'review');

    const qa = (await e2e.signedIn('qa')).page;
    const determined = await firstCase(e2e, 'qa', 'determined');
    await qa.goto(`/cases/${determined}/letter`);
    await qa.getByRole('heading', { name: 'Quality assurance' }).waitFor();
    await shot(qa, 'letter');
    const issued = await firstCase(e2e, 'qa', 'letter-issued');
    await qa.goto(`/cases/${issued}`);
    await qa.getByRole('heading', { name: 'Timeline' }).waitFor();
    await qa.getByRole('heading', { name: 'Timeline' }).scrollIntoViewIfNeeded();
    await shot(qa, 'timeline');

    const admin = (await e2e.signedIn('admin')).page;
    await admin.goto('/admin');
    await admin.getByRole('tab', { name: 'Reviewers' }).click();
    await admin
      .getByRole('button', { name: /^Credentials and affiliations/ })
      .first()
      .click();
    await shot(admin, 'admin');
  } finally {
    await e2e.close();
  }
}

await main();
