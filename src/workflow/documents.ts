import { z } from 'zod';
import { DocumentKind, type NewCaseDocument } from '../domain/case.js';
import { type ImrError, imrError } from '../domain/errors.js';
import { IsoDate } from '../domain/letter.js';
import { err, ok, type Result } from '../domain/result.js';
import { extractPdfText, type OcrResult, ocrOptions, ocrPdfPages } from '../letter/index.js';
import { appendAudit, DocumentFiles, type Tx } from '../store/index.js';
import type { Actor } from './actor.js';
import { DOCUMENT_OCR_ACTION } from './timeline.js';

/**
 * Documents arriving with a command: the bytes go to the content-addressed document store first
 * (outside the transaction; the same bytes twice are one file, and a file no record points to is
 * harmless), the text is read for search — the PDF text layer via src/letter's worker pool, text
 * files decoded — and the records are written in the command's transaction. A PDF past a limit of the
 * PDF reader (IMR_PDF_TIMEOUT, IMR_PDF_TOO_MANY_PAGES, IMR_PDF_TOO_COMPLEX) refuses the command; the
 * scanned pages of a PDF are read by OCR; a damaged one is stored without text. The same bytes twice
 * (SHA-256) are one document: the repeat is left out and reported with what it repeats.
 */

export const DocumentUpload = z.object({
  title: z.string().trim().min(1).max(300),
  kind: DocumentKind,
  documentDate: IsoDate.optional(),
  mime: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/i, 'expected a MIME type'),
  bytes: z.instanceof(Uint8Array),
});
export type DocumentUpload = z.infer<typeof DocumentUpload>;

export type PreparedDocument = Omit<NewCaseDocument, 'caseId'>;

/** An upload left out because the same bytes (SHA-256) are already there. */
export interface DuplicateDocument {
  /** Its position among the uploads. */
  readonly index: number;
  readonly title: string;
  /** What it duplicates: an earlier upload of the same command, or a document the case has. */
  readonly of:
    | { readonly index: number; readonly title: string }
    | { readonly documentId: number; readonly title: string };
}

/** What OCR made of a PDF's scanned pages (documents with a text layer on every page have none). */
export interface DocumentOcr {
  /** Its position among the uploads. */
  readonly index: number;
  /** Its position among the documents stored (`PreparedDocuments.documents`). */
  readonly position: number;
  readonly title: string;
  readonly status: OcrResult['status'];
  readonly pagesWanted: number;
  readonly pagesRead: number;
  readonly message?: string;
}

export interface PreparedDocuments {
  readonly documents: readonly PreparedDocument[];
  /** Documents stored without text (scanned PDFs OCR could not read, unreadable or binary files). */
  readonly withoutText: number;
  /** Uploads not stored: the same bytes came earlier in this command or the case has them. */
  readonly duplicates: readonly DuplicateDocument[];
  /** OCR of scanned pages, per document that had any. */
  readonly ocr: readonly DocumentOcr[];
}

/** PDF failures past a limit: the upload is refused, not stored without text. */
const REFUSED: ReadonlySet<ImrError['code']> = new Set([
  'IMR_PDF_TOO_COMPLEX',
  'IMR_PDF_TIMEOUT',
  'IMR_PDF_TOO_MANY_PAGES',
]);

interface ReadText {
  readonly text: string | undefined;
  readonly ocr?: OcrResult;
}

/** The PDF's text with OCR's reading of its scanned pages put in their places. */
function withOcrPages(pages: readonly string[], ocr: OcrResult): string {
  return pages
    .map(
      (page, i) =>
        ocr.text
          .get(i + 1)
          ?.trimEnd()
          .concat('\n') ?? page,
    )
    .join('\f');
}

/**
 * The text of an upload: a PDF's text layer (read in the PDF worker pool) with its scanned pages read
 * by OCR (src/letter/ocr.ts), a text file decoded. No text when there is none to read (a damaged PDF,
 * other files); an error when the PDF is past a limit of the PDF reader (time, pages, size, complexity).
 */
async function textOf(upload: DocumentUpload): Promise<Result<ReadText, ImrError>> {
  const mime = upload.mime.toLowerCase();
  if (mime === 'application/pdf') {
    const layer = await extractPdfText(upload.bytes);
    if (!layer.ok && REFUSED.has(layer.error.code)) return layer;
    let pages: string[];
    if (layer.ok) pages = layer.value.split('\f');
    else if (layer.error.code === 'IMR_PDF_NO_TEXT' && typeof layer.error.details?.pages === 'number') {
      pages = Array.from({ length: layer.error.details.pages }, () => '');
    } else return ok({ text: undefined });
    const scanned = pages.map((p, i) => (p.trim() === '' ? i + 1 : 0)).filter((n) => n > 0);
    if (scanned.length === 0) return ok({ text: layer.ok ? layer.value : undefined });
    const ocr = await ocrPdfPages(upload.bytes, scanned, ocrOptions());
    const text = withOcrPages(pages, ocr);
    return ok({ text: text.trim() === '' ? undefined : text, ocr });
  }
  if (mime.startsWith('text/')) {
    try {
      return ok({ text: new TextDecoder('utf-8', { fatal: true }).decode(upload.bytes) });
    } catch {
      return ok({ text: new TextDecoder('latin1').decode(upload.bytes) });
    }
  }
  return ok({ text: undefined });
}

/** A document the case already has, as duplicate detection needs it. */
export interface KnownDocument {
  readonly id: number;
  readonly title: string;
  readonly sha256: string;
}

export async function prepareDocuments(
  files: DocumentFiles,
  uploads: readonly DocumentUpload[],
  receivedAt: string,
  maxBytes: number,
  known: readonly KnownDocument[] = [],
): Promise<Result<PreparedDocuments, ImrError>> {
  for (const [index, u] of uploads.entries()) {
    if (u.bytes.byteLength === 0) return err(imrError('IMR_INPUT_EMPTY', undefined, { document: index }));
    if (u.bytes.byteLength > maxBytes) {
      return err(imrError('IMR_INPUT_TOO_LARGE', undefined, { document: index, limit: maxBytes }));
    }
  }
  // The same bytes are stored once: a repeat within the uploads, or of a document the case has, is
  // left out and reported (before any reading: a repeated scan is not read twice).
  const byHash = new Map<string, DuplicateDocument['of']>(
    known.map((d) => [d.sha256, { documentId: d.id, title: d.title }]),
  );
  const duplicates: DuplicateDocument[] = [];
  const fresh: { readonly index: number; readonly upload: DocumentUpload; readonly sha256: string }[] = [];
  for (const [index, u] of uploads.entries()) {
    const sha256 = DocumentFiles.hash(u.bytes);
    const earlier = byHash.get(sha256);
    if (earlier !== undefined) duplicates.push({ index, title: u.title, of: earlier });
    else {
      byHash.set(sha256, { index, title: u.title });
      fresh.push({ index, upload: u, sha256 });
    }
  }
  // All read at once: the PDF pool (and OCR, a few at a time) reads them side by side.
  const texts = await Promise.all(fresh.map((f) => textOf(f.upload)));
  for (const [i, t] of texts.entries()) {
    if (!t.ok) return err({ ...t.error, details: { ...t.error.details, document: fresh[i]?.index ?? i } });
  }
  const documents: PreparedDocument[] = [];
  const ocr: DocumentOcr[] = [];
  let withoutText = 0;
  for (const [i, { index, upload: u }] of fresh.entries()) {
    const read = texts[i];
    const got = read?.ok === true ? read.value : { text: undefined };
    const text = got.text;
    if (text === undefined || text.trim() === '') withoutText += 1;
    if (got.ocr !== undefined) {
      ocr.push({
        index,
        position: documents.length,
        title: u.title,
        status: got.ocr.status,
        pagesWanted: got.ocr.pagesWanted,
        pagesRead: got.ocr.pagesRead,
        ...(got.ocr.message === undefined ? {} : { message: got.ocr.message }),
      });
    }
    const stored = await files.put(u.bytes);
    documents.push({
      ...stored,
      title: u.title,
      kind: u.kind,
      mime: u.mime.toLowerCase(),
      receivedAt,
      ...(u.documentDate === undefined ? {} : { documentDate: u.documentDate }),
      ...(text === undefined || text.trim() === '' ? {} : { extractedText: text }),
    });
  }
  return ok({ documents, withoutText, duplicates, ocr });
}

/** What the audit event of a command records of its documents' reading: counts, never titles. */
export function ocrAuditDetails(prepared: PreparedDocuments): Record<string, number> {
  if (prepared.duplicates.length === 0 && prepared.ocr.length === 0) return {};
  return {
    documentsDuplicate: prepared.duplicates.length,
    documentsOcr: prepared.ocr.length,
    ocrPagesWanted: prepared.ocr.reduce((n, o) => n + o.pagesWanted, 0),
    ocrPagesRead: prepared.ocr.reduce((n, o) => n + o.pagesRead, 0),
  };
}

/**
 * One `document.ocr` audit event per stored document whose scanned pages OCR read (or tried to), in
 * the command's transaction: the case page shows each document's pages read of those scanned.
 */
export async function recordOcr(
  tx: Tx,
  at: string,
  actor: Actor,
  caseId: number,
  prepared: PreparedDocuments,
  documentIds: readonly number[],
): Promise<void> {
  for (const o of prepared.ocr) {
    const documentId = documentIds[o.position];
    if (documentId === undefined) continue;
    await appendAudit(tx, {
      at,
      actor: actor.userId,
      action: DOCUMENT_OCR_ACTION,
      entityType: 'document',
      entityId: String(documentId),
      caseId,
      requestId: actor.requestId,
      details: { status: o.status, pagesWanted: o.pagesWanted, pagesRead: o.pagesRead },
    });
  }
}
