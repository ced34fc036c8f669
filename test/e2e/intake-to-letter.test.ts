import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addTextDocument,
  captureFailuresAndClose,
  daysAgo,
  type E2E,
  HAS_BROWSER,
  signIn,
  startE2E,
} from './harness.js';

/**
 * One application from intake to an issued letter, each step by the role that does it, through the
 * pages only: intake receives it and sees it eligible; the coordinator assigns a ranked reviewer,
 * sends the notice and receives the records; the reviewer decides in the workspace; QA approves and
 * issues the letter and downloads the PDF.
 */

// Invented for the test: no real person, claim or record.
const RECORD = `Synthetic progress note for an end-to-end test.
The patient is a 46-year-old warehouse worker with low back pain after lifting a pallet on the date of injury.
Pain is rated 6/10. Examination shows lumbar paraspinal tenderness and reduced flexion. Straight leg raise is negative.
There are no red flags. The patient has not had physical therapy for this injury.
Plan: physical therapy twice a week for six weeks, home exercise program, ibuprofen as needed.`;

let e2e: E2E;
let caseId: number;
let caseNumber: string;

beforeAll(async () => {
  if (!HAS_BROWSER) return;
  e2e = await startE2E();
}, 240_000);

captureFailuresAndClose(() => e2e);

describe.skipIf(!HAS_BROWSER)('an application from intake to an issued letter', () => {
  it('intake receives the application and it is screened eligible', async () => {
    const { context, page } = await e2e.signedIn('intake');
    await page.getByRole('link', { name: 'New application' }).click();
    await page.getByRole('heading', { level: 1, name: 'New application' }).waitFor();
    await page.getByLabel('Employee name').fill('Synthetic Worker Alpha');
    await page.getByLabel('Claim number').fill('SYN-E2E-0001');
    await page.getByLabel('Date of injury').fill(daysAgo(120));
    await page.getByLabel('Age').fill('46');
    await page.getByLabel('Sex').selectOption('female');
    await page.getByLabel('Employer').fill('Synthetic Warehousing Co');
    await page.getByLabel('Claims administrator').fill('Synthetic Claims Services');
    await page.getByLabel('Requesting physician').fill('Dr. Synthetic Requester');
    await page.getByLabel('UR decision date').fill(daysAgo(6));
    await page.getByLabel('UR organization').fill('Synthetic UR Inc');
    // Nothing is ticked for the clerk: they tick what the form shows.
    await page.getByLabel('The application is signed').check();
    await page.getByLabel('A copy of the UR decision is attached').check();
    await page.getByLabel('Consent to release medical records is given').check();
    await page
      .getByLabel('Treatment as requested')
      .fill('Physical therapy 2 times a week for 6 weeks for the lumbar spine');
    await page.getByLabel('Diagnosis (ICD-10)').fill('M54.50');
    await page.getByLabel('Kind of treatment').selectOption('therapy');
    await page.getByRole('button', { name: 'Add another treatment' }).click();
    await page.getByLabel('Treatment as requested').nth(1).fill('Ibuprofen 800 mg #90');
    await page.getByLabel('Kind of treatment').nth(1).selectOption('medication');
    await addTextDocument(page, 'progress-note.txt', RECORD);
    await page.getByRole('button', { name: 'Receive application' }).click();

    const created = page.getByRole('status').filter({ hasText: /Case .+ created/ });
    await created.waitFor({ timeout: 30_000 });
    expect(await created.innerText()).toContain('2 disputed items, 1 document stored');
    await page.getByText('Eligible for IMR').waitFor();
    const open = page.getByRole('link', { name: /^Open case / });
    caseNumber = ((await open.innerText()).match(/^Open case (.+)$/) ?? [])[1] ?? '';
    caseId = Number((await open.getAttribute('href'))?.match(/\/cases\/(\d+)$/)?.[1]);
    expect(caseNumber).not.toBe('');
    expect(Number.isInteger(caseId)).toBe(true);
    await context.close();
  });

  it('the coordinator assigns a ranked reviewer, sends the notice and receives the records', async () => {
    const { context, page } = await e2e.signedIn('coordinator');
    await page.goto(`/cases/${caseId}`);
    await page.getByRole('link', { name: 'Assign a reviewer' }).click();
    await page.getByRole('heading', { level: 1, name: `Assign a reviewer · ${caseNumber}` }).waitFor();
    await page.getByRole('group', { name: 'Ranked reviewers' }).waitFor();
    const demo = e2e.account('reviewer');
    const radio = page.locator(`#reviewer-${demo.reviewerId}`);
    const showAll = page.getByRole('button', { name: /^Show all \d+ ranked reviewers$/ });
    if ((await radio.count()) === 0 && (await showAll.count()) > 0) await showAll.click();
    // The demo reviewer must be qualified and conflict-free for this case to be among the ranked.
    expect(await radio.count()).toBe(1);
    await radio.check();
    const confirm = page.getByLabel(/I looked at the possible conflict/);
    if ((await confirm.count()) > 0) await confirm.check();
    await page.getByRole('button', { name: /^Assign (?!the best)/ }).click();
    await page.getByText('Reviewer assigned').waitFor();

    await page.goto(`/cases/${caseId}`);
    await page.getByRole('button', { name: 'Send notice of assignment' }).click();
    await page.getByText('Notice of assignment sent').waitFor();
    await addTextDocument(
      page,
      'treating-physician-report.txt',
      `${RECORD}\nFollow-up: symptoms unchanged after two weeks of rest.`,
    );
    await page.getByRole('button', { name: 'Record receipt of the records' }).click();
    await page.getByText('Records received; the decision clock is running.').waitFor();
    await context.close();
  });

  it('the reviewer finds the case among their own, decides every item and writes the summary', async () => {
    const { context, page } = await e2e.signedIn('reviewer');
    await page.getByRole('heading', { level: 1, name: 'My cases' }).waitFor();
    await page.getByRole('link', { name: caseNumber }).click();
    await page.getByRole('link', { name: 'Open the review workspace' }).click();
    await page.getByRole('heading', { level: 1, name: `Review · ${caseNumber}` }).waitFor();
    const items = page.locator('section.item-card');
    await items.first().waitFor();
    expect(await items.count()).toBe(2);
    // Accept what the engine drafted; where it referred the item to the physician, decide Upheld.
    for (let i = 0; i < 2; i++) {
      const group = items.nth(i).getByRole('radiogroup');
      if ((await group.locator('input:checked').count()) === 0) await group.getByLabel(/^Upheld/).check();
    }
    await page
      .getByLabel('Summary for the letter')
      .fill(
        'Synthetic summary: a 46-year-old worker with low back pain after lifting, treated with rest; therapy and an anti-inflammatory are requested.',
      );
    await page.getByRole('button', { name: 'Record my decisions' }).click();
    await page.getByText('Every item is decided. The letter goes to QA next.').waitFor();
    await context.close();
  });

  it('QA approves the letter, issues it, and the PDF downloads', async () => {
    const { context, page } = await e2e.signedIn('qa');
    await page.goto(`/cases/${caseId}/letter`);
    await page.getByRole('heading', { level: 1, name: `Letter · ${caseNumber}` }).waitFor();
    expect(await page.getByRole('button', { name: 'Issue the letter' }).isDisabled()).toBe(true);
    await expect(page.locator('pre.letter-preview').innerText()).resolves.toContain('Synthetic summary');
    await page.getByRole('button', { name: 'Approve the letter' }).click();
    await page.getByText('Approved by QA').waitFor();
    await page.getByRole('button', { name: 'Issue the letter' }).click();
    // Issuing asks first: the letter goes to the parties and cannot be taken back.
    await page.getByRole('alertdialog', { name: 'Issue the Final Determination Letter?' }).waitFor();
    await page.getByRole('button', { name: 'Yes, issue the letter' }).click();
    await page.getByText('The letter has been issued').waitFor();

    const rows = page.locator('table tbody tr th');
    const names = await rows.allInnerTexts();
    expect(names).toContain('Final Determination Letter');
    expect(names).toContain('Public redacted copy');
    expect(names.some((n) => n.startsWith('Copy for the'))).toBe(true);

    const finalPdf = page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Final Determination Letter', exact: true }) })
      .filter({ hasText: 'PDF' })
      .getByRole('link', { name: /Download PDF/ });
    const [download] = await Promise.all([page.waitForEvent('download'), finalPdf.first().click()]);
    const path = await download.path();
    const bytes = await readFile(path);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await context.close();
  });

  it('the case shows its letter issued, for a new sign-in as well', async () => {
    const context = await e2e.browser.newContext({ baseURL: e2e.url });
    const page = await context.newPage();
    await signIn(page, 'coordinator', e2e.account('coordinator').password);
    await page.goto(`/cases/${caseId}`);
    await page.getByRole('heading', { level: 1, name: `Case ${caseNumber}` }).waitFor();
    await page.getByRole('heading', { name: 'Letters issued' }).waitFor();
    await expect(page.getByText('Letter issued', { exact: true }).first().isVisible()).resolves.toBe(true);
    await context.close();
  });
});
