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

/** Files and form fields one upload may carry. */
export const MAX_UPLOAD_FILES = 50;
export const MAX_UPLOAD_FIELDS = 20;

/** @fastify/multipart's limits for a per-file limit of `fileBytes`. */
export function multipartLimits(fileBytes: number) {
  return { fileSize: fileBytes, files: MAX_UPLOAD_FILES, fields: MAX_UPLOAD_FIELDS, fieldSize: 10 * 1024 * 1024 };
}

function tooLarge(limitBytes: number): Result<never, ImrError> {
  return err(imrError('IMR_INPUT_TOO_LARGE', undefined, { limitBytes }));
}

/** The coded error of anything the multipart parser throws: limits by their codes, the rest a malformed body. */
function multipartFailure(thrown: unknown, fileLimit: number): Result<never, ImrError> {
  const code = (thrown as { code?: unknown } | null)?.code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(fileLimit);
  if (code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') {
    return err(imrError('IMR_TOO_MANY_PARTS', undefined, { maxFiles: MAX_UPLOAD_FILES, maxFields: MAX_UPLOAD_FIELDS }));
  }
  // Busboy's and the plugin's complaints (no or wrong boundary, a body cut short, malformed part
  // headers, a prototype key): all the body's fault. Their messages are not passed on.
  return err(imrError('IMR_MULTIPART_INVALID'));
}

/**
 * The multipart body as the JSON form. `fileLimit` bounds each file, `totalLimit` all of them
 * together (they are held in memory until the request is validated).
 */
export async function multipartToJson(
  request: FastifyRequest,
  limits: { readonly fileLimit: number; readonly totalLimit: number },
): Promise<Result<unknown, ImrError>> {
  let body: Record<string, unknown> = {};
  let described: unknown[] | undefined;
  const files: { mime: string; filename: string; bytes: Buffer }[] = [];
  let total = 0;
  let parts = 0;
  try {
    for await (const part of request.parts()) {
      parts += 1;
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        total += bytes.byteLength;
        if (total > limits.totalLimit) return tooLarge(limits.totalLimit);
        files.push({ mime: part.mimetype, filename: part.filename, bytes });
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
    return multipartFailure(thrown, limits.fileLimit);
  }
  // Parts without a Content-Disposition name are skipped by the parser: a body of none is malformed.
  if (parts === 0) return err(imrError('IMR_MULTIPART_INVALID', 'The multipart/form-data body holds no named parts.'));
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

/**
 * The uploads of a validated body, decoded; `IMR_INPUT_EMPTY` names the document that has no bytes,
 * `IMR_INPUT_TOO_LARGE` one over `limitBytes` (the same per-file limit as multipart uploads).
 */
export function decodeDocuments(
  docs: readonly DocumentUploadBody[],
  limitBytes: number,
): Result<DocumentUpload[], ImrError> {
  const out: DocumentUpload[] = [];
  for (const [index, d] of docs.entries()) {
    const bytes = Buffer.from(d.contentBase64, 'base64');
    if (bytes.byteLength === 0) {
      return err(imrError('IMR_INPUT_EMPTY', `The document "${d.title}" is empty.`, { document: index }));
    }
    if (bytes.byteLength > limitBytes) {
      return err(
        imrError('IMR_INPUT_TOO_LARGE', `The document "${d.title}" is larger than the upload limit.`, {
          document: index,
          limitBytes,
        }),
      );
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
