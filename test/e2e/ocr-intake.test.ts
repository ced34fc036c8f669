import { existsSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { scannedPdf } from '../scanned-pdf.js';
import { apiCall, captureFailuresAndClose, daysAgo, type E2E, HAS_BROWSER, startE2E } from './harness.js';

/**
 * Intake in the browser with what arrives in real life: a faxed (image-only) progress report that OCR
 * reads so its words reach the case's record, a UR denial whose kind is guessed from its file name,
 * the same file picked twice, and a value the server refuses shown next to its field. The scan is made
 * at test time from synthetic text (test/scanned-pdf.ts).
 */

const HAS_TESSERACT = existsSync('/usr/bin/tesseract');
if (!HAS_TESSERACT && process.env.CI)
  throw new Error('tesseract missing (required in CI; apt-get install tesseract-ocr)');

let e2e: E2E;
let context: BrowserContext;
let page: Page;
let scan: Buffer;

beforeAll(async () => {
  if (!HAS_BROWSER || !HAS_TESSERACT) return;
  scan = await scannedPdf([
    {
      lines: [
        'Primary treating physician progress report',
        'Worsening lumbar radiculopathy with numbness in the left foot',
        'Plan: epidural steroid injection at L5-S1',
      ],
    },
  ]);
  e2e = await startE2E();
  ({ context, page } = await e2e.signedIn('intake'));
}, 240_000);

captureFailuresAndClose(() => e2e);

describe.skipIf(!HAS_BROWSER || !HAS_TESSERACT)('intake of a scanned record', () => {
  it('guesses each file’s kind, refuses the same file twice, shows the server’s reason at the field, and OCR reads the scan', async () => {
    await page.goto('/intake');
    await page.getByRole('heading', { level: 1, name: 'New application' }).waitFor();
    // The attestations start unticked.
    expect(await page.getByLabel('The application is signed').isChecked()).toBe(false);
    await page.getByLabel('Employee name').fill('Synthetic Scanned Worker');
    await page.getByLabel('Claim number').fill('SYN-OCR-0001');
    await page.getByLabel('Date of injury').fill(daysAgo(200));
    await page.getByLabel('Age').fill('200');
    await page.getByLabel('UR decision date').fill(daysAgo(7));
    await page.getByLabel('Signed on').fill(daysAgo(3));
    await page.getByLabel('Treatment as requested').fill('Lumbar epidural steroid injection L5-S1');
    await page.getByLabel('Diagnosis (ICD-10)').fill('M54.16');
    await page.getByLabel('The application is signed').check();
    await page.getByLabel('A copy of the UR decision is attached').check();
    await page.getByLabel('Consent to release medical records is given').check();
    await page.getByLabel('Attorney name').fill('Synthetic Counsel');
    await page.getByLabel('Law firm').fill('Synthetic Injury Law');

    await page.getByLabel('Add documents').setInputFiles([
      { name: 'pr2-progress-report-fax.pdf', mimeType: 'application/pdf', buffer: scan },
      {
        name: 'ur-denial-letter.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('Synthetic UR denial of the injection.'),
      },
    ]);
    await page.getByRole('cell', { name: /^ur-denial-letter\.txt/ }).waitFor();
    expect(await page.getByLabel('Kind of ur-denial-letter.txt').inputValue()).toBe('ur-decision');
    expect(await page.getByLabel('Kind of pr2-progress-report-fax.pdf').inputValue()).toBe('medical-record');

    await page
      .getByLabel('Add documents')
      .setInputFiles([{ name: 'same-fax-again.pdf', mimeType: 'application/pdf', buffer: scan }]);
    const twice = page.getByRole('alert').filter({ hasText: 'not added' });
    await twice.waitFor();
    expect(await twice.innerText()).toContain(
      '“same-fax-again.pdf” is the same file as “pr2-progress-report-fax.pdf” (identical content)',
    );

    // Age 200 passes the page's own check (digits) and is refused by the server, at the field.
    await page.getByRole('button', { name: 'Receive application' }).click();
    const ageError = page.locator('#intake-age-error');
    await ageError.waitFor();
    expect(await ageError.innerText()).toBe('Enter the employee’s age in whole years, from 14 to 100.');
    expect(await page.getByText('Invalid body').count()).toBe(0);

    await page.getByLabel('Age').fill('52');
    await page.getByRole('button', { name: 'Receive application' }).click();
    const ocr = page.getByRole('status').filter({ hasText: 'Scanned pages were read by OCR' });
    await ocr.waitFor({ timeout: 120_000 });
    expect(await ocr.innerText()).toContain('“pr2-progress-report-fax”: 1 of 1 scanned page read.');

    const open = page.getByRole('link', { name: /^Open case / });
    const caseId = Number((await open.getAttribute('href'))?.match(/\/cases\/(\d+)$/)?.[1]);
    const detail = await apiCall<{
      documents: { id: number; title: string; kind: string }[];
      parties: { role: string; name: string; organization?: string }[];
    }>(context, 'GET', `/api/v1/cases/${caseId}`);
    expect(detail.body.parties).toContainEqual(
      expect.objectContaining({
        role: 'representative',
        name: 'Synthetic Counsel',
        organization: 'Synthetic Injury Law',
      }),
    );
    const kinds = detail.body.documents.map((d) => d.kind).sort();
    expect(kinds).toEqual(['medical-record', 'ur-decision']);
    const fax = detail.body.documents.find((d) => d.kind === 'medical-record');
    const doc = await apiCall<{ extractedText?: string }>(
      context,
      'GET',
      `/api/v1/cases/${caseId}/documents/${fax?.id}`,
    );
    expect(doc.body.extractedText?.replace(/\s+/g, ' ')).toMatch(/lumbar radiculopathy with numbness/i);

    // The case page says, on the document, how many scanned pages OCR read; its text shows the words.
    await page.goto(`/cases/${caseId}`);
    await page.getByText('Scanned: read by OCR (1 of 1 scanned page).').waitFor();
    await page.getByRole('button', { name: 'Show text of pr2-progress-report-fax' }).click();
    await page.getByText(/lumbar radiculopathy/i).waitFor();
  }, 240_000);
});
