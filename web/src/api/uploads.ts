import type { DocumentKind } from './types.ts';

/**
 * Checking a picked file before it is sent, so a clerk learns at once what is wrong with it: the
 * type (PDF or plain text only), the size, an empty file, a file that claims to be a PDF but is not
 * one, or text that is not readable text. The server checks again; these messages only come sooner.
 * The size limit is the server's own (`uploadLimitBytes` of the session response, `useUploadLimit`).
 */

export const ACCEPT = '.pdf,.txt,application/pdf,text/plain';

export interface CheckedFile {
  readonly mime: 'application/pdf' | 'text/plain';
  readonly bytes: Uint8Array;
}

export type FileCheck = { ok: true; file: CheckedFile } | { ok: false; message: string };

function sizeText(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

export async function checkFile(file: File, maxBytes: number): Promise<FileCheck> {
  const name = file.name;
  const lower = name.toLowerCase();
  const isPdf = lower.endsWith('.pdf') || file.type === 'application/pdf';
  const isText = lower.endsWith('.txt') || file.type === 'text/plain';
  if (!isPdf && !isText) {
    return {
      ok: false,
      message: `“${name}” is not a PDF or a plain-text file${file.type === '' ? '' : ` (it is ${file.type})`}. Save it as PDF or .txt and choose it again.`,
    };
  }
  if (file.size === 0)
    return { ok: false, message: `“${name}” is empty (0 bytes). Choose the file that has the document in it.` };
  if (file.size > maxBytes) {
    return {
      ok: false,
      message: `“${name}” is ${sizeText(file.size)}, larger than the ${sizeText(maxBytes)} limit. Split it into smaller files.`,
    };
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return {
      ok: false,
      message: `“${name}” could not be read from your computer. Check that it is not open elsewhere.`,
    };
  }
  if (isPdf) {
    if (!PDF_MAGIC.every((b, i) => bytes[i] === b)) {
      return {
        ok: false,
        message: `“${name}” is named like a PDF but is not a PDF file (it may be damaged or renamed). Export it to PDF again.`,
      };
    }
    return { ok: true, file: { mime: 'application/pdf', bytes } };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.includes('\u0000')) throw new Error('binary');
  } catch {
    return {
      ok: false,
      message: `“${name}” is not readable text (it looks like a binary file). Save it as plain text or PDF.`,
    };
  }
  return { ok: true, file: { mime: 'text/plain', bytes } };
}

export const DOCUMENT_KINDS: readonly { value: DocumentKind; label: string }[] = [
  { value: 'application', label: 'Application (DWC Form IMR)' },
  { value: 'ur-decision', label: 'UR decision' },
  { value: 'medical-record', label: 'Medical record' },
  { value: 'imaging-report', label: 'Imaging report' },
  { value: 'correspondence', label: 'Correspondence' },
  { value: 'other', label: 'Other' },
];

/** A title from a file name: `pt-note_2024-03.pdf` → `pt-note 2024-03`. */
export function titleFromName(name: string): string {
  return (
    name
      .replace(/\.[a-z0-9]+$/i, '')
      .replace(/[_]+/g, ' ')
      .trim() || name
  );
}

/**
 * The kind of a document guessed from its file name, for the clerk to correct: a UR denial is not a
 * medical record, an IMR application is not either. `undefined` when the name says nothing.
 */
export function guessKindFromName(name: string): DocumentKind | undefined {
  const n = name.toLowerCase().replace(/[_\-.]+/g, ' ');
  if (/\b(ur|utilization|denial|denied|non ?cert\w*|uro|modification)\b/.test(n)) return 'ur-decision';
  if (/\b(imr|application|dwc ?form|imr ?1)\b/.test(n)) return 'application';
  if (/\b(mri|x ?ray|xr|ct|emg|ncs|ultrasound|radiology|imaging)\b/.test(n)) return 'imaging-report';
  if (/\b(letter|correspondence|cover|fax ?cover|notice)\b/.test(n)) return 'correspondence';
  if (
    /\b(pr ?2|pr ?4|progress|report|note|notes|record|records|exam|consult|visit|evaluation|qme|ame|op|operative)\b/.test(
      n,
    )
  ) {
    return 'medical-record';
  }
  return undefined;
}

/** Whether two picked files hold the same bytes (the server compares SHA-256; this is the same test, sooner). */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}
