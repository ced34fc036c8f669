import { beforeAll, describe, expect, it } from 'vitest';
import type { QueueResponse } from '../../src/server/contract.js';
import {
  apiCall,
  captureFailuresAndClose,
  type E2E,
  focused,
  HAS_BROWSER,
  STEP_TIMEOUT_MS,
  startE2E,
  unlabelledControls,
} from './harness.js';

/**
 * Reviewers see only the cases assigned to them, in the pages and in the API; each role's navigation
 * holds its own work only; and the app can be used with the keyboard alone.
 */

let e2e: E2E;
let otherCaseId: number;
let otherCaseNumber: string;

beforeAll(async () => {
  if (!HAS_BROWSER) return;
  e2e = await startE2E();
  const first = await e2e.signedIn('reviewer');
  const mine = await apiCall<QueueResponse>(first.context, 'GET', '/api/v1/queue');
  const second = await e2e.signedIn('reviewer2');
  const theirs = await apiCall<QueueResponse>(second.context, 'GET', '/api/v1/queue');
  const theirIds = new Set(theirs.body.entries.map((e) => e.case.id));
  const target = mine.body.entries.find((e) => !theirIds.has(e.case.id));
  if (target === undefined) throw new Error('the demo data has no case assigned to the first reviewer only');
  otherCaseId = target.case.id;
  otherCaseNumber = target.case.caseNumber;
  await first.context.close();
  await second.context.close();
}, 240_000);

captureFailuresAndClose(() => e2e);

describe.skipIf(!HAS_BROWSER)('a reviewer cannot open a case not assigned to them', () => {
  it('the case is not in their list, and its pages say it is not theirs', async () => {
    const { context, page } = await e2e.signedIn('reviewer2');
    await page.getByRole('heading', { level: 1, name: 'My cases' }).waitFor();
    expect(await page.getByRole('link', { name: otherCaseNumber }).count()).toBe(0);
    for (const path of [`/cases/${otherCaseId}`, `/cases/${otherCaseId}/review`, `/cases/${otherCaseId}/letter`]) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: 'Case not available' }).waitFor();
      expect(await page.getByText('is not assigned to you').isVisible()).toBe(true);
      expect(await page.locator('pre.doc-text, section.item-card').count()).toBe(0);
    }
    await context.close();
  });

  it('the API refuses the case, its review, its documents and a determination', async () => {
    const { context } = await e2e.signedIn('reviewer2');
    const detail = await apiCall(context, 'GET', `/api/v1/cases/${otherCaseId}`);
    expect([403, 404]).toContain(detail.status);
    const review = await apiCall(context, 'GET', `/api/v1/cases/${otherCaseId}/review`);
    expect([403, 404]).toContain(review.status);
    const doc = await apiCall(context, 'GET', `/api/v1/cases/${otherCaseId}/documents/1`);
    expect([403, 404]).toContain(doc.status);
    const decide = await apiCall(context, 'POST', `/api/v1/cases/${otherCaseId}/determination`, {
      expectedVersion: 1,
      items: [
        {
          itemId: 1,
          decision: 'Upheld',
          basis: { usedMtus: false, citations: [], raw: 'x' },
          rationale: 'Synthetic attempt to decide a case that is not mine.',
        },
      ],
    });
    expect([403, 404]).toContain(decide.status);
    // The assigned reviewer can open the same case: the refusal is about assignment, not the case.
    const owner = await e2e.signedIn('reviewer');
    expect((await apiCall(owner.context, 'GET', `/api/v1/cases/${otherCaseId}`)).status).toBe(200);
    await owner.context.close();
    await context.close();
  });
});

describe.skipIf(!HAS_BROWSER)('role-aware navigation', () => {
  const expected: Record<string, string[]> = {
    intake: ['Case queue', 'New application', 'Search letters'],
    coordinator: ['Case queue', 'New application', 'Dashboard', 'Search letters'],
    reviewer: ['My cases', 'Search letters'],
    qa: ['Case queue', 'Dashboard', 'Search letters'],
    admin: ['Case queue', 'New application', 'Dashboard', 'Search letters', 'Administration'],
  };
  for (const [role, links] of Object.entries(expected)) {
    it(`${role} sees ${links.join(', ')}`, async () => {
      const { context, page } = await e2e.signedIn(role);
      const nav = page.getByRole('navigation', { name: 'Main' });
      expect(await nav.getByRole('link').allInnerTexts()).toEqual(links);
      await context.close();
    });
  }

  it('a reviewer who types the administration address is told it is not for their role, and the API refuses', async () => {
    const { context, page } = await e2e.signedIn('reviewer');
    await page.goto('/admin');
    await page.getByRole('heading', { level: 1, name: 'Not available to your role' }).waitFor();
    expect((await apiCall(context, 'GET', '/api/v1/users')).status).toBe(403);
    await context.close();
  });
});

describe.skipIf(!HAS_BROWSER)('keyboard and focus', () => {
  it('signs in, skips to the content and follows the navigation with the keyboard alone', async () => {
    const context = await e2e.browser.newContext({ baseURL: e2e.url });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    const page = await context.newPage();
    await page.goto('/queue');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    // The user name field has focus on arrival.
    expect((await focused(page))?.tag).toBe('INPUT');
    await page.keyboard.type('coordinator');
    await page.keyboard.press('Tab');
    await page.keyboard.type(e2e.account('coordinator').password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Case queue' }).waitFor();
    // The heading of the new page takes focus, so a screen reader announces where we are.
    expect((await focused(page))?.tag).toBe('H1');

    // On a fresh load focus stays at the top: the first Tab reaches the skip link, visibly focused.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Case queue' }).waitFor();
    expect(await focused(page)).toBeNull();
    await page.keyboard.press('Tab');
    const skip = await focused(page);
    expect(skip?.text).toBe('Skip to main content');
    expect(skip?.outline).not.toBe('none');
    await page.keyboard.press('Enter');
    expect((await focused(page))?.id).toBe('main');

    // From the top again, Tab through the header and navigation to "Dashboard", then open it with Enter.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Case queue' }).waitFor();
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      if ((await focused(page))?.text === 'Dashboard') break;
    }
    expect((await focused(page))?.text).toBe('Dashboard');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    // A navigation inside the app moves focus to the new page's heading.
    expect((await focused(page))?.tag).toBe('H1');
    await context.close();
  });

  it('every form control on the intake and administration pages has a label', async () => {
    const { context, page } = await e2e.signedIn('admin');
    for (const path of ['/intake', '/admin']) {
      await page.goto(path);
      await page.locator('h1').waitFor();
      expect(await unlabelledControls(page), path).toEqual([]);
    }
    await context.close();
  });

  it('the administration tabs move with the arrow keys', async () => {
    const { context, page } = await e2e.signedIn('admin');
    await page.goto('/admin');
    await page.getByRole('tab', { name: 'Users' }).focus();
    await page.keyboard.press('ArrowRight');
    const selected = page.getByRole('tab', { name: 'Reviewers' });
    expect(await selected.getAttribute('aria-selected')).toBe('true');
    expect((await focused(page))?.text).toBe('Reviewers');
    await page.getByRole('tabpanel').getByRole('list', { name: 'Reviewers' }).waitFor();
    await context.close();
  });
});
