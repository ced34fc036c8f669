import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiCall, captureFailuresAndClose, type E2E, HAS_BROWSER, startE2E } from './harness.js';

/**
 * Bad uploads get a clear message that names the file and says what is wrong and what to do. The
 * server runs with a small upload limit of its own (IMR_UPLOAD_MAX_BYTES): the page takes its limit
 * from the server, not from a number of its own.
 */

const SERVER_UPLOAD_LIMIT = 3 * 1024 * 1024;

let e2e: E2E;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  if (!HAS_BROWSER) return;
  e2e = await startE2E({ config: { uploadMaxBytes: SERVER_UPLOAD_LIMIT } });
  ({ context, page } = await e2e.signedIn('intake'));
}, 240_000);

captureFailuresAndClose(() => e2e);

async function pick(files: { name: string; mimeType: string; buffer: Buffer }[]): Promise<string> {
  await page.goto('/intake');
  await page.getByLabel('Add documents').setInputFiles(files);
  const alert = page.getByRole('alert').filter({ hasText: /not added/ });
  await alert.waitFor();
  return (await alert.innerText()).replace(/\s+/g, ' ');
}

describe.skipIf(!HAS_BROWSER)('bad uploads on the intake page', () => {
  it('refuses a file that is neither PDF nor text, naming it and its type', async () => {
    const text = await pick([
      {
        name: 'progress-note.docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        buffer: Buffer.from('PK\u0003\u0004 not really a document'),
      },
    ]);
    expect(text).toContain('“progress-note.docx” is not a PDF or a plain-text file');
    expect(text).toContain('Save it as PDF or .txt');
    await expect(page.getByText('No documents added.').isVisible()).resolves.toBe(true);
  });

  it("refuses a file larger than the server's limit, saying the size and the limit", async () => {
    const session = await apiCall<{ uploadLimitBytes: number }>(context, 'GET', '/api/v1/auth/session');
    const limit = session.body.uploadLimitBytes;
    expect(limit).toBe(SERVER_UPLOAD_LIMIT);
    const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
    const text = await pick([
      { name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(limit + 1024 * 1024, 0x25) },
    ]);
    expect(text).toContain(`“scan.pdf” is ${mb(limit + 1024 * 1024)}, larger than the ${mb(limit)} limit`);
    expect(await page.getByText(`up to ${mb(limit)} each`).isVisible()).toBe(true);
  });

  it('refuses an empty file and a file named .pdf that is not a PDF', async () => {
    const text = await pick([
      { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
      { name: 'renamed.pdf', mimeType: 'application/pdf', buffer: Buffer.from('GIF89a not a pdf at all') },
    ]);
    expect(text).toContain('2 files were not added');
    expect(text).toContain('“empty.txt” is empty (0 bytes)');
    expect(text).toContain('“renamed.pdf” is named like a PDF but is not a PDF file');
  });

  it('refuses a .txt file holding binary bytes as unreadable', async () => {
    const text = await pick([
      {
        name: 'notes.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from([0x00, 0xff, 0xfe, 0x00, 0x01, 0x02, 0x80, 0x81]),
      },
    ]);
    expect(text).toContain('“notes.txt” is not readable text');
  });

  it('keeps good files and lists them while refusing the bad one beside them', async () => {
    const text = await pick([
      {
        name: 'pt-note.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('Synthetic physical therapy note for testing.\n'),
      },
      { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
    ]);
    expect(text).toContain('“photo.png” is not a PDF or a plain-text file (it is image/png)');
    await expect(page.getByRole('cell', { name: /^pt-note\.txt/ }).isVisible()).resolves.toBe(true);
  });
});

describe.skipIf(!HAS_BROWSER)('uploads the server refuses or cannot read', () => {
  it('a damaged PDF is stored but the clerk is told no text could be read from it', async () => {
    await page.goto('/intake');
    await page.getByLabel('Employee name').fill('Synthetic Upload Tester');
    await page.getByLabel('UR decision date').fill(new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10));
    await page.getByLabel('Treatment as requested').fill('Physical therapy 2x6 lumbar spine');
    await page.getByLabel('Add documents').setInputFiles([
      {
        name: 'damaged.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n%%garbage, no objects, no xref\n'),
      },
    ]);
    await page.getByRole('button', { name: 'Receive application' }).click();
    const warning = page.getByRole('alert').filter({ hasText: 'Some documents have no readable text' });
    await warning.waitFor();
    expect(await warning.innerText()).toMatch(/1 of the documents were stored, but no text could be read/);
  });

  it('the API itself refuses bytes that are neither PDF nor text, naming the document', async () => {
    const res = await apiCall<{ error: { code: string; message: string } }>(context, 'POST', '/api/v1/cases', {
      application: {
        employeeName: 'Synthetic Api Tester',
        disputedTreatments: [{ treatment: 'Acupuncture 6 sessions' }],
        alsoDisputedForOtherReasons: false,
        deniedForMissingInformation: false,
        signaturePresent: true,
        consentToRecords: true,
        urDecisionAttached: true,
      },
      documents: [
        {
          title: 'Binary blob',
          kind: 'medical-record',
          mime: 'text/plain',
          contentBase64: Buffer.from([0, 1, 2, 3, 0, 255, 254, 0, 7]).toString('base64'),
        },
      ],
    });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('IMR_INPUT_BINARY');
    expect(res.body.error.message).toContain('Binary blob');
  });
});
