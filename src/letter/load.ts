import { readFile, stat } from 'node:fs/promises';
import { type ImrError, imrError, toImrError } from '../domain/errors.js';
import type { Letter } from '../domain/letter.js';
import { err, ok, type Result } from '../domain/result.js';
import { parseLetterText } from './parse-text.js';
import { type PdfPool, sharedPdfPool } from './pdf-pool.js';

/** Letters are a few pages; anything past this is refused before it is read. */
export const DEFAULT_MAX_LETTER_BYTES = 20 * 1024 * 1024;

export type ParsedFile = { file: string } & ({ letter: Letter } | { error: ImrError });

export type InputKind = 'pdf' | 'text';

const PDF_MAGIC = Buffer.from('%PDF-');

/** PDF by its magic number (which may follow a little leading junk), text when it decodes cleanly. */
export function sniff(bytes: Uint8Array): Result<{ kind: 'pdf' } | { kind: 'text'; text: string }, ImrError> {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024));
  if (head.indexOf(PDF_MAGIC) >= 0) return ok({ kind: 'pdf' });
  const text = decodeText(bytes);
  if (text === undefined) return err(imrError('IMR_INPUT_BINARY'));
  if (text.trim() === '') return err(imrError('IMR_INPUT_EMPTY', 'The file holds only whitespace.'));
  return ok({ kind: 'text', text });
}

/** UTF-8 (or Latin-1 when not valid UTF-8); undefined when the bytes are not text. */
export function decodeText(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('latin1').decode(bytes);
  }
  let control = 0;
  const n = Math.min(text.length, 65_536);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return undefined;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || (c >= 0x7f && c < 0xa0)) control++;
  }
  return n > 0 && control / n > 0.02 ? undefined : text;
}

/**
 * Parses letter bytes (PDF or text). A PDF is read and parsed in a worker of `pool` (default: the
 * shared pool), so only the letter comes back to this thread; text is parsed here.
 */
export async function parseLetterBytes(
  bytes: Uint8Array,
  file: string,
  pool?: PdfPool,
): Promise<Result<Letter, ImrError>> {
  if (bytes.byteLength === 0) return err(imrError('IMR_INPUT_EMPTY'));
  const sniffed = sniff(bytes);
  if (!sniffed.ok) return sniffed;
  if (sniffed.value.kind === 'pdf') return (pool ?? sharedPdfPool()).readLetter(bytes, file);
  return parseLetterText(sniffed.value.text, { file });
}

/**
 * Reads and parses one letter file; every failure comes back as a coded error, never a throw. PDFs go
 * to `options.pool` (default: the shared pool).
 */
export async function parseLetterFile(
  path: string,
  options: { maxBytes?: number; pool?: PdfPool } = {},
): Promise<ParsedFile> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_LETTER_BYTES;
  try {
    let size: number;
    try {
      const st = await stat(path);
      if (!st.isFile())
        return { file: path, error: imrError('IMR_INPUT_UNREADABLE', 'The path is not a regular file.') };
      size = st.size;
    } catch (e) {
      return { file: path, error: unreadable(e) };
    }
    if (size > maxBytes) {
      return {
        file: path,
        error: imrError('IMR_INPUT_TOO_LARGE', `The file is ${size} bytes; the limit is ${maxBytes}.`, {
          size,
          maxBytes,
        }),
      };
    }
    if (size === 0) return { file: path, error: imrError('IMR_INPUT_EMPTY') };
    let bytes: Uint8Array;
    try {
      const buf = await readFile(path);
      bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    } catch (e) {
      return { file: path, error: unreadable(e) };
    }
    const parsed = await parseLetterBytes(bytes, path, options.pool);
    return parsed.ok ? { file: path, letter: parsed.value } : { file: path, error: parsed.error };
  } catch (e) {
    return { file: path, error: toImrError(e) };
  }
}

function unreadable(e: unknown): ImrError {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : 'unknown';
  const reason =
    code === 'ENOENT'
      ? 'The file does not exist.'
      : code === 'EACCES' || code === 'EPERM'
        ? 'Permission to read the file was denied.'
        : code === 'EISDIR'
          ? 'The path is a directory.'
          : 'The file could not be read.';
  return imrError('IMR_INPUT_UNREADABLE', reason, { cause: code });
}
