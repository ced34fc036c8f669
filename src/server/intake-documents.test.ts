import { existsSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { scannedPdf } from '../../test/scanned-pdf.js';
import { configureOcr, DEFAULT_OCR_OPTIONS } from '../letter/index.js';
import { CaseDetail, DocumentView, ErrorBody, IntakeResponse } from './contract.js';
import { type Client, type TestServer, testServer } from './test-app.js';
import { pdfIntakeBody } from './test-intake.js';

/**
 * Documents at intake through HTTP: a scanned PDF is read by OCR and its words become the document's
 * text (what the reviewer and the engine read); without tesseract the clerk is told what to install;
 * the same file twice is stored once and the answer says which file it repeats.
 */

const HAS_TESSERACT = existsSync('/usr/bin/tesseract') || process.env.IMR_TESSERACT_PATH !== undefined;

let t: TestServer;
let intake: Client;
let scan: Buffer;

beforeAll(async () => {
  t = await testServer();
  intake = await t.signIn('intake');
  if (HAS_TESSERACT) {
    scan = await scannedPdf([
      { lines: ['Primary treating physician progress report', 'Chronic lumbar pain radiating to the left leg'] },
    ]);
  }
}, 120_000);
afterEach(() => configureOcr(DEFAULT_OCR_OPTIONS));
afterAll(async () => {
  await t?.dispose();
});

describe.skipIf(!HAS_TESSERACT)('a scanned PDF at intake', () => {
  it('is read by OCR: the response says so and the document text holds its words', async () => {
    const r = await intake.request('POST', '/api/v1/cases', {
      body: pdfIntakeBody({ claimNumber: 'OCR-1', employeeName: 'Ottilie Scanwell', title: 'Faxed PR-2', pdf: scan }),
    });
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
    const got = IntakeResponse.parse(r.json());
    expect(got.documentsWithoutText).toBe(0);
    expect(got.ocr).toEqual([{ index: 0, title: 'Faxed PR-2', status: 'read', pagesWanted: 1, pagesRead: 1 }]);
    const id = got.documentIds[0];
    const doc = DocumentView.parse(
      (await intake.request('GET', `/api/v1/cases/${got.case.id}/documents/${id}`)).json(),
    );
    expect(doc.extractedText?.replace(/\s+/g, ' ')).toMatch(/lumbar pain radiating/i);
    // The case page lists the document with what OCR read of it (recorded as a document.ocr event).
    const detail = CaseDetail.parse((await intake.request('GET', `/api/v1/cases/${got.case.id}`)).json());
    expect(detail.documents.find((d) => d.id === id)?.ocr).toEqual({ status: 'read', pagesWanted: 1, pagesRead: 1 });
  }, 120_000);

  it('without tesseract it is stored without text and the clerk is told what to install', async () => {
    configureOcr({ tesseractPath: '/nonexistent/tesseract' });
    const r = await intake.request('POST', '/api/v1/cases', {
      body: pdfIntakeBody({ claimNumber: 'OCR-2', employeeName: 'Ottilie Noscan', title: 'Faxed PR-2', pdf: scan }),
    });
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
    const got = IntakeResponse.parse(r.json());
    expect(got.documentsWithoutText).toBe(1);
    expect(got.ocr[0]?.status).toBe('unavailable');
    expect(got.ocr[0]?.message).toMatch(/tesseract-ocr/);
    const detail = CaseDetail.parse((await intake.request('GET', `/api/v1/cases/${got.case.id}`)).json());
    expect(detail.documents[0]?.ocr?.status).toBe('unavailable');
  }, 120_000);
});

describe('duplicate files at intake', () => {
  it('the same bytes twice are stored once; the answer names the file it repeats', async () => {
    const body = pdfIntakeBody({
      claimNumber: 'DUP-1',
      employeeName: 'Dorrit Twicer',
      title: 'Progress report',
      pdf: new TextEncoder().encode('placeholder'),
    });
    const text = Buffer.from('Progress report. Synthetic record for the duplicate test.').toString('base64');
    body.documents = [
      { title: 'Progress report', kind: 'medical-record', mime: 'text/plain', contentBase64: text },
      {
        title: 'UR decision',
        kind: 'ur-decision',
        mime: 'text/plain',
        contentBase64: Buffer.from('UR denial').toString('base64'),
      },
      { title: 'Progress report (copy)', kind: 'medical-record', mime: 'text/plain', contentBase64: text },
    ];
    const r = await intake.request('POST', '/api/v1/cases', { body });
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
    const got = IntakeResponse.parse(r.json());
    expect(got.documentIds).toHaveLength(2);
    expect(got.duplicateDocuments).toEqual([
      { index: 2, title: 'Progress report (copy)', of: { index: 0, title: 'Progress report' } },
    ]);
    const rows = await t.store.db.selectFrom('documents').select('title').where('case_id', '=', got.case.id).execute();
    expect(rows.map((x) => x.title).sort()).toEqual(['Progress report', 'UR decision']);
  });

  it('an application entered again is refused as a duplicate naming the earlier case', async () => {
    const first = pdfIntakeBody({
      claimNumber: 'DUP-2',
      employeeName: 'Dorrit Again',
      title: 'Form',
      pdf: new TextEncoder().encode('x'),
    });
    first.documents = [];
    const a = await intake.request('POST', '/api/v1/cases', { body: first });
    expect(a.statusCode, a.body.slice(0, 300)).toBe(200);
    const earlier = IntakeResponse.parse(a.json()).case;
    // Entered again without the claim number: still found (same employee, UR date and treatments).
    const again = { ...first, application: { ...first.application, claimNumber: undefined } };
    const b = await intake.request('POST', '/api/v1/cases', { body: again });
    expect(b.statusCode).toBe(409);
    const e = ErrorBody.parse(b.json()).error;
    expect(e.code).toBe('IMR_CASE_DUPLICATE');
    expect(e.details?.originalCaseId).toBe(earlier.id);
    expect(e.details?.originalCaseNumber).toBe(earlier.caseNumber);
  });
});
