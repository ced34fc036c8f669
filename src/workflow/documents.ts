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
 * harmless), the text is read for search — the PDF text layer via src/letter, text files decoded —
 * and the records are written in the command's transaction.
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

async function textOf(upload: DocumentUpload): Promise<string | undefined> {
  const mime = upload.mime.toLowerCase();
  if (mime === 'application/pdf') {
    const text = await extractPdfText(upload.bytes);
    return text.ok ? text.value : undefined;
  }
  if (mime.startsWith('text/')) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(upload.bytes);
    } catch {
      return new TextDecoder('latin1').decode(upload.bytes);
    }
  }
  return undefined;
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
  const documents: PreparedDocument[] = [];
  let withoutText = 0;
  for (const u of uploads) {
    const text = await textOf(u);
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
