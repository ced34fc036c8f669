import type { FastifyRequest } from 'fastify';
import { type ImrError, imrError } from '../domain/errors.js';
import { err, ok, type Result } from '../domain/result.js';
import { sniff } from '../letter/index.js';
import type { DocumentUpload } from '../workflow/index.js';
import type { DocumentUploadBody } from './contract.js';

/**
 * Documents arrive in JSON as base64, or as `multipart/form-data` file parts: a `body` field holds
 * the JSON without `documents`, a `documents` field describes the file parts in order (title, kind,
 * date). Each document must be a PDF or text (sniffed from its bytes, whatever the MIME type says). Multipart input is turned
 * into the JSON form before validation, so both travel through the same schema.
 */

function bad(message: string, details?: Record<string, string | number>): Result<never, ImrError> {
  return err(imrError('IMR_VALIDATION', message, details));
}

export async function multipartToJson(request: FastifyRequest): Promise<Result<unknown, ImrError>> {
  let body: Record<string, unknown> = {};
  let described: unknown[] | undefined;
  const files: { mime: string; filename: string; bytes: Buffer }[] = [];
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        files.push({ mime: part.mimetype, filename: part.filename, bytes: await part.toBuffer() });
        continue;
      }
      const value = typeof part.value === 'string' ? part.value : '';
      if (part.fieldname === 'body') {
        const parsed = JSON.parse(value) as unknown;
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
          return bad('The body field must hold a JSON object.', { path: 'body' });
        }
        body = parsed as Record<string, unknown>;
      } else if (part.fieldname === 'documents') {
        const parsed = JSON.parse(value) as unknown;
        if (!Array.isArray(parsed)) return bad('The documents field must hold a JSON array.', { path: 'documents' });
        described = parsed;
      }
    }
  } catch (thrown) {
    if (thrown instanceof SyntaxError) return err(imrError('IMR_JSON_INVALID', 'A form field is not valid JSON.'));
    const code = (thrown as { code?: unknown }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') return err(imrError('IMR_INPUT_TOO_LARGE'));
    throw thrown;
  }
  const meta = described ?? [];
  if (meta.length !== files.length) {
    return bad(`The documents field describes ${meta.length} documents but ${files.length} files were sent.`, {
      path: 'documents',
    });
  }
  const documents = files.map((f, i) => ({
    ...(meta[i] as object),
    mime: f.mime,
    contentBase64: f.bytes.toString('base64'),
  }));
  return ok({ ...body, documents });
}

/** The uploads of a validated body, decoded; `IMR_INPUT_EMPTY` names the document that has no bytes. */
export function decodeDocuments(docs: readonly DocumentUploadBody[]): Result<DocumentUpload[], ImrError> {
  const out: DocumentUpload[] = [];
  for (const [index, d] of docs.entries()) {
    const bytes = Buffer.from(d.contentBase64, 'base64');
    if (bytes.byteLength === 0) {
      return err(imrError('IMR_INPUT_EMPTY', `The document "${d.title}" is empty.`, { document: index }));
    }
    const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const kind = sniff(view);
    if (!kind.ok) {
      const why = kind.error.code === 'IMR_INPUT_EMPTY' ? 'holds only whitespace' : 'is neither a PDF nor text';
      return err(imrError(kind.error.code, `The document "${d.title}" ${why}.`, { document: index }));
    }
    out.push({
      title: d.title,
      kind: d.kind,
      // What the bytes are, whatever the browser guessed.
      mime: kind.value.kind === 'pdf' ? 'application/pdf' : 'text/plain',
      bytes: view,
      ...(d.documentDate === undefined ? {} : { documentDate: d.documentDate }),
    });
  }
  return ok(out);
}
