import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, QueueResponse, ReviewResponse } from '../../src/server/contract.js';
import { apiCall, captureFailuresAndClose, type E2E, focused, HAS_BROWSER, startE2E } from './harness.js';

/**
 * The reviewer workspace: the engine's recommendation, criteria and quotes per item; the reviewer
 * accepts one recommendation and departs from another, which the page refuses until a reason is
 * given; what is recorded is what was chosen.
 */

let e2e: E2E;
let context: BrowserContext;
let page: Page;
let caseId: number;
let review: ReviewResponse;
/** A case of the reviewer whose engine review quotes the record. */
let quotedCaseId: number;
let quoted: ReviewResponse;

type Decided = ReviewResponse['items'][number] & { review: { recommendation: 'Upheld' | 'Overturned' } };
const decidedByEngine = (i: ReviewResponse['items'][number]): i is Decided =>
  i.review.recommendation === 'Upheld' || i.review.recommendation === 'Overturned';

beforeAll(async () => {
  if (!HAS_BROWSER) return;
  e2e = await startE2E();
  ({ context, page } = await e2e.signedIn('reviewer'));
  // A case of the demo reviewer, open for decision, with two items the engine decided.
  const queue = await apiCall<QueueResponse>(context, 'GET', '/api/v1/queue');
  expect(queue.status).toBe(200);
  for (const entry of queue.body.entries) {
    if (!['records-requested', 'records-received', 'in-review'].includes(entry.case.stage)) continue;
    const r = await apiCall<ReviewResponse>(context, 'GET', `/api/v1/cases/${entry.case.id}/review`);
    if (r.status !== 200) continue;
    const quotes = r.body.items.some((i) => i.review.criteria.some((c) => c.evidence.length > 0));
    if (quotes && quotedCaseId === undefined) {
      quotedCaseId = entry.case.id;
      quoted = r.body;
    }
    if (
      caseId === undefined &&
      r.body.items.filter(decidedByEngine).length >= 2 &&
      r.body.myDeterminations.length === 0
    ) {
      caseId = entry.case.id;
      review = r.body;
    }
  }
  if (caseId === undefined) throw new Error('the demo data has no open case with two items the engine decided');
  if (quotedCaseId === undefined) throw new Error('the demo data has no open case whose review quotes the record');
}, 240_000);

captureFailuresAndClose(() => e2e);

describe.skipIf(!HAS_BROWSER)('the reviewer workspace', () => {
  it('shows each item with the engine’s recommendation and its criteria', async () => {
    await page.goto(`/cases/${caseId}/review`);
    await page.getByRole('heading', { level: 1, name: /^Review · / }).waitFor();
    const cards = page.locator('section.item-card');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(review.items.length);
    for (const [i, item] of review.items.entries()) {
      const text = await cards.nth(i).innerText();
      expect(text).toContain(item.review.topic.title);
      // Every criterion the engine checked is listed with its status in words.
      expect(await cards.nth(i).locator('ul.criteria .badge').count()).toBe(item.review.criteria.length);
    }
  });

  it('highlights the quotes in the record, and “Show in the record” takes focus to the quote', async () => {
    await page.goto(`/cases/${quotedCaseId}/review`);
    await page.locator('section.item-card').first().waitFor();
    const quotes = quoted.items.flatMap((i) => i.review.criteria.flatMap((c) => c.evidence));
    const marked = (await page.locator('mark.evidence').allInnerTexts()).join(' ');
    for (const q of quotes) expect(marked).toContain(q.quote.slice(0, 20));
    await page.getByRole('button', { name: 'Show in the record' }).first().click();
    const mark = await focused(page);
    expect(mark?.tag).toBe('MARK');
    expect(mark?.classes).toContain('active');
    expect(quotes.some((q) => q.quote.includes((mark?.text ?? '').trim()))).toBe(true);
  });

  it('prefills the decision and rationale from the engine’s draft', async () => {
    await page.goto(`/cases/${caseId}/review`);
    await page.locator('section.item-card').first().waitFor();
    const [a] = review.items.filter(decidedByEngine);
    if (a === undefined) throw new Error('no decided item');
    const card = page.locator('section.item-card').nth(review.items.indexOf(a));
    expect(await card.getByLabel(new RegExp(`^${a.review.recommendation}`)).isChecked()).toBe(true);
    expect(await card.getByLabel('Rationale').inputValue()).toBe(a.draft.rationale);
  });

  it('asks for a reason when the reviewer departs from the engine, and records both decisions as made', async () => {
    const decided = review.items.filter(decidedByEngine);
    const [accept, override] = decided;
    if (accept === undefined || override === undefined) throw new Error('needs two decided items');
    const other = override.review.recommendation === 'Upheld' ? 'Overturned' : 'Upheld';
    const cards = page.locator('section.item-card');
    const overrideCard = cards.nth(review.items.indexOf(override));
    await overrideCard.getByLabel(new RegExp(`^${other}`)).check();
    const reason = overrideCard.getByLabel('Why do you depart from the engine’s recommendation?');
    await reason.waitFor();
    // Items the engine referred to the physician need a decision too.
    for (const item of review.items.filter((i) => !decidedByEngine(i))) {
      await cards
        .nth(review.items.indexOf(item))
        .getByLabel(/^Upheld/)
        .check();
    }
    const summary = page.getByLabel('Summary for the letter');
    if ((await summary.count()) > 0) await summary.fill('Synthetic summary written by the end-to-end test.');

    await page.getByRole('button', { name: 'Record my decisions' }).click();
    const problems = page.getByRole('alert').filter({ hasText: 'Before recording' });
    await problems.waitFor();
    expect(await problems.innerText()).toContain('give a reason for departing from the engine’s recommendation');
    // The message links to the field that needs the reason.
    await problems.getByRole('link').first().click();
    expect((await focused(page))?.id).toBe(`override-${override.itemId}`);

    const why = 'The record documents a failed trial of the same treatment, which the engine did not weigh.';
    await reason.fill(why);
    // The engine's draft concludes the other way; the letter check refuses it until it is reworded.
    await page.getByRole('button', { name: 'Record my decisions' }).click();
    await page.getByRole('alert').filter({ hasText: 'says the opposite of your decision' }).waitFor();
    const conclusion =
      other === 'Overturned'
        ? 'The record documents what the guideline asks for. Therefore, the request is medically necessary.'
        : 'The record does not document what the guideline asks for. Therefore, the request is not medically necessary.';
    await overrideCard.getByLabel('Rationale').fill(conclusion);
    await page.getByRole('button', { name: 'Record my decisions' }).click();
    await page.getByRole('status').filter({ hasText: 'Decisions recorded' }).waitFor();

    const after = await apiCall<CaseDetail>(context, 'GET', `/api/v1/cases/${caseId}`);
    expect(after.status).toBe(200);
    const latest = (itemId: number) => after.body.items.find((i) => i.id === itemId)?.determinations.at(-1);
    expect(latest(accept.itemId)?.decision).toBe(accept.review.recommendation);
    expect(latest(accept.itemId)?.overrideReason).toBeUndefined();
    expect(latest(override.itemId)?.decision).toBe(other);
    expect(latest(override.itemId)?.overrideReason).toBe(why);
  });
});
