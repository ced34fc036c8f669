import { beforeAll, describe, expect, it } from 'vitest';
import { addTextDocument, captureFailuresAndClose, daysAgo, type E2E, HAS_BROWSER, startE2E } from './harness.js';

/**
 * Letter integrity through the pages (issue 11): the reviewer departs from the engine but keeps the
 * drafted rationale, which concludes the engine's way — the workspace refuses it and shows the
 * sentence; reworded, it records. QA returns the case with a comment, the reviewer sees it and records
 * again, QA approves the new version and issues after confirming. The UR's cited guideline entered at
 * intake is the claims administrator's basis in the letter.
 */

// Invented for the test: no real person, claim or record.
const RECORD = `Synthetic progress note for an end-to-end test of letter integrity.
The patient is a 52-year-old driver with low back pain after lifting a crate on the date of injury.
Pain is rated 7/10. Examination shows lumbar paraspinal tenderness. Straight leg raise is negative. No red flags.
Plan: lumbar MRI to evaluate persistent pain.`;

let e2e: E2E;
let caseId: number;
let caseNumber: string;

beforeAll(async () => {
  if (!HAS_BROWSER) return;
  e2e = await startE2E();
}, 240_000);

captureFailuresAndClose(() => e2e);

describe.skipIf(!HAS_BROWSER)('a letter that cannot contradict itself', () => {
  it('intake records the application with the guideline the UR decision cited; the case reaches review', async () => {
    const { context, page } = await e2e.signedIn('intake');
    await page.getByRole('link', { name: 'New application' }).click();
    await page.getByLabel('Employee name').fill('Synthetic Worker Beta');
    await page.getByLabel('Claim number').fill('SYN-E2E-0042');
    await page.getByLabel('Date of injury').fill(daysAgo(200));
    await page.getByLabel('Age').fill('52');
    await page.getByLabel('Sex').selectOption('male');
    await page.getByLabel('Employer').fill('Synthetic Freight Co');
    await page.getByLabel('Claims administrator').fill('Synthetic Claims Services');
    await page.getByLabel('Requesting physician').fill('Dr. Synthetic Requester');
    await page.getByLabel('UR decision date').fill(daysAgo(6));
    await page.getByLabel('Treatment as requested').fill('MRI of the lumbar spine');
    await page.getByLabel('Diagnosis (ICD-10)').fill('M54.50');
    await page.getByLabel('Guidelines the UR decision cited').fill('MTUS ACOEM Low Back Complaints, pages 303-304');
    // The attestations start unticked: the clerk ticks what the form shows.
    await page.getByLabel('The application is signed').check();
    await page.getByLabel('A copy of the UR decision is attached').check();
    await page.getByLabel('Consent to release medical records is given').check();
    await addTextDocument(page, 'progress-note.txt', RECORD);
    await page.getByRole('button', { name: 'Receive application' }).click();
    await page.getByText('Eligible for IMR').waitFor({ timeout: 30_000 });
    const open = page.getByRole('link', { name: /^Open case / });
    caseNumber = ((await open.innerText()).match(/^Open case (.+)$/) ?? [])[1] ?? '';
    caseId = Number((await open.getAttribute('href'))?.match(/\/cases\/(\d+)$/)?.[1]);
    await context.close();

    const c = await e2e.signedIn('coordinator');
    await c.page.goto(`/cases/${caseId}/assignment`);
    await c.page.getByRole('group', { name: 'Ranked reviewers' }).waitFor();
    const radio = c.page.locator(`#reviewer-${e2e.account('reviewer').reviewerId}`);
    const showAll = c.page.getByRole('button', { name: /^Show all \d+ ranked reviewers$/ });
    if ((await radio.count()) === 0 && (await showAll.count()) > 0) await showAll.click();
    expect(await radio.count()).toBe(1);
    await radio.check();
    const confirm = c.page.getByLabel(/I looked at the possible conflict/);
    if ((await confirm.count()) > 0) await confirm.check();
    await c.page.getByRole('button', { name: /^Assign (?!the best)/ }).click();
    await c.page.getByText('Reviewer assigned').waitFor();
    await c.page.goto(`/cases/${caseId}`);
    await c.page.getByRole('button', { name: 'Send notice of assignment' }).click();
    await c.page.getByText('Notice of assignment sent').waitFor();
    // The notices are kept with the case, one per party.
    await c.page.goto(`/cases/${caseId}`);
    await c.page
      .getByRole('link', {
        name: /^Download Notice of assignment and request for information — to the claims administrator/,
      })
      .waitFor();
    await addTextDocument(c.page, 'report.txt', `${RECORD}\nFollow-up: unchanged.`);
    await c.page.getByRole('button', { name: 'Record receipt of the records' }).click();
    await c.page.getByText('Records received; the decision clock is running.').waitFor();
    await c.context.close();
  });

  it('the reviewer departs from the engine but keeps its rationale: refused, with the sentence shown', async () => {
    const { context, page } = await e2e.signedIn('reviewer');
    await page.goto(`/cases/${caseId}/review`);
    await page.getByRole('heading', { level: 1, name: `Review · ${caseNumber}` }).waitFor();
    const item = page.locator('section.item-card').first();
    await item.waitFor();
    const group = item.getByRole('radiogroup');
    const engineSaidUpheld = (await group.getByLabel(/^Upheld/).isChecked()) === true;
    const opposite = engineSaidUpheld ? 'Overturned' : 'Upheld';
    await group.getByLabel(new RegExp(`^${opposite}`)).check();
    const reason = item.getByLabel('Why do you depart from the engine’s recommendation?');
    if ((await reason.count()) > 0) await reason.fill('The record shows persistent pain after conservative care.');
    await page
      .getByLabel('Summary for the letter')
      .fill('Synthetic summary: low back pain after lifting; an MRI is requested.');
    await page.getByRole('button', { name: 'Record my decisions' }).click();

    const refusal = page.getByRole('alert').filter({ hasText: /Item 1:/ });
    await refusal.waitFor();
    const said = await refusal.innerText();
    expect(said).toMatch(/the rationale says the opposite of your decision|engine’s note/);
    expect(said).toMatch(/medically necessary|knowledge base|reviewer must decide/);
    await expect(page.getByText('Decisions recorded').count()).resolves.toBe(0);

    await item
      .getByLabel('Rationale')
      .fill(
        opposite === 'Overturned'
          ? 'Persistent pain after six weeks of care is documented and imaging is supported here. The request is medically necessary.'
          : 'No red flag or planned procedure is documented. The request is not medically necessary.',
      );
    await page.getByRole('button', { name: 'Record my decisions' }).click();
    await page.getByText('Every item is decided. The letter goes to QA next.').waitFor();
    await context.close();
  });

  it('QA returns the case with a comment; the reviewer sees it and records again; QA approves and issues', async () => {
    const qa = await e2e.signedIn('qa');
    await qa.page.goto(`/cases/${caseId}/letter`);
    await qa.page.getByRole('heading', { level: 1, name: `Letter · ${caseNumber}` }).waitFor();
    // The UR's cited guideline is the claims administrator's basis, not "did not cite any medical evidence".
    const text = await qa.page.locator('pre.letter-preview').innerText();
    expect(text.replace(/\s+/g, ' ')).toContain(
      'Claims Administrator guideline: Decision based on MTUS ACOEM Low Back Complaints Page(s): 303, 304.',
    );
    expect(text).not.toMatch(/MAXIMUS|is not encoded|The MTUS addresses/);
    await qa.page.getByLabel('Comment for the reviewer').fill('Name the conservative care the record documents.');
    await qa.page.getByRole('button', { name: 'Return to the reviewer' }).click();
    await qa.page.getByRole('heading', { name: 'Returned by QA' }).waitFor();

    const rv = await e2e.signedIn('reviewer');
    await rv.page.goto(`/cases/${caseId}/review`);
    const returned = rv.page.getByRole('alert').filter({ hasText: 'QA returned this case to you' });
    await returned.waitFor();
    expect(await returned.innerText()).toContain('Name the conservative care the record documents.');
    const rationale = rv.page.locator('section.item-card').first().getByLabel('Rationale');
    const before = await rationale.inputValue();
    await rationale.fill(`Six weeks of physical therapy are documented. ${before}`);
    await rv.page.getByRole('button', { name: 'Record my decisions' }).click();
    await rv.page.getByText('Every item is decided. The letter goes to QA next.').waitFor();
    await rv.context.close();

    await qa.page.reload();
    await qa.page.getByRole('button', { name: 'Approve the letter' }).click();
    await qa.page.getByText('Approved by QA').waitFor();
    await qa.page.getByRole('button', { name: 'Issue the letter' }).click();
    const dialog = qa.page.getByRole('alertdialog', { name: 'Issue the Final Determination Letter?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(qa.page.getByText('The letter has been issued').count()).resolves.toBe(0);
    await qa.page.getByRole('button', { name: 'Issue the letter' }).click();
    await qa.page.getByRole('button', { name: 'Yes, issue the letter' }).click();
    await qa.page.getByText('The letter has been issued').waitFor();
    const names = await qa.page.locator('table tbody tr th').allInnerTexts();
    expect(names.filter((n) => n.startsWith('Copy for the')).length).toBeGreaterThanOrEqual(3);
    await qa.context.close();
  });
});
