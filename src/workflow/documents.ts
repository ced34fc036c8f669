import { z } from 'zod';
import { DocumentKind, type NewCaseDocument } from '../domain/case.js';
import { type ImrError, imrError } from '../domain/errors.js';
import { IsoDate } from '../domain/letter.js';
import { err, ok, type Result } from '../domain/result.js';
import { extractPdfText } from '../letter/index.js';
import type { DocumentFiles } from '../store/index.js';

/**
 * Documents arriving with a command: the bytes go to the content-addressed document store first
 * (outside the transaction; the same bytes twice are one file, and a file no record points to is
 * harmless), the text is read for search — the PDF text layer via src/letter's worker pool, text
 * files decoded — and the records are written in the command's transaction. A PDF past a limit of the
 * PDF reader (IMR_PDF_TIMEOUT, IMR_PDF_TOO_MANY_PAGES, IMR_PDF_TOO_COMPLEX) refuses the command; a
 * damaged or scanned one is stored without text.
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

export interface PreparedDocuments {
  readonly documents: readonly PreparedDocument[];
  /** Documents stored without text (scanned PDFs, unreadable or binary files). */
  readonly withoutText: number;
}

/** PDF failures past a limit: the upload is refused, not stored without text. */
const REFUSED: ReadonlySet<ImrError['code']> = new Set([
  'IMR_PDF_TOO_COMPLEX',
  'IMR_PDF_TIMEOUT',
  'IMR_PDF_TOO_MANY_PAGES',
]);

/**
 * The text of an upload: a PDF's text layer (read in the PDF worker pool), a text file decoded.
 * undefined when there is none to read (scanned or damaged PDF, other files); an error when the PDF
 * is past a limit of the PDF reader (time, pages, size, complexity).
 */
async function textOf(upload: DocumentUpload): Promise<Result<string | undefined, ImrError>> {
  const mime = upload.mime.toLowerCase();
  if (mime === 'application/pdf') {
    const text = await extractPdfText(upload.bytes);
    if (text.ok) return ok(text.value);
    return REFUSED.has(text.error.code) ? text : ok(undefined);
  }
  if (mime.startsWith('text/')) {
    try {
      return ok(new TextDecoder('utf-8', { fatal: true }).decode(upload.bytes));
    } catch {
      return ok(new TextDecoder('latin1').decode(upload.bytes));
    }
  }
  return ok(undefined);
}

export async function prepareDocuments(
  files: DocumentFiles,
  uploads: readonly DocumentUpload[],
  receivedAt: string,
  maxBytes: number,
): Promise<Result<PreparedDocuments, ImrError>> {
  for (const [index, u] of uploads.entries()) {
    if (u.bytes.byteLength === 0) return err(imrError('IMR_INPUT_EMPTY', undefined, { document: index }));
    if (u.bytes.byteLength > maxBytes) {
      return err(imrError('IMR_INPUT_TOO_LARGE', undefined, { document: index, limit: maxBytes }));
    }
  }
  // All read at once: the PDF pool reads them side by side.
  const texts = await Promise.all(uploads.map(textOf));
  for (const [index, t] of texts.entries()) {
    if (!t.ok) return err({ ...t.error, details: { ...t.error.details, document: index } });
  }
  const documents: PreparedDocument[] = [];
  let withoutText = 0;
  for (const [index, u] of uploads.entries()) {
    const read = texts[index];
    const text = read?.ok === true ? read.value : undefined;
    if (text === undefined || text.trim() === '') withoutText += 1;
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
  return ok({ documents, withoutText });
}
