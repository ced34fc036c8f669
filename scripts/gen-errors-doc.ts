/**
 * Writes docs/errors.md from the ERROR_CODES table (`npm run docs:errors`).
 * src/domain/errors.test.ts compares the committed file with `renderErrorsDoc` and fails on drift.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ERROR_CODES } from '../src/domain/errors.js';

export const ERRORS_DOC_PATH = fileURLToPath(new URL('../docs/errors.md', import.meta.url));

type ErrorTable = Readonly<Record<string, { readonly status: number; readonly message: string }>>;

/** Markdown table cells: a pipe would end the cell, a newline would end the row. */
function cell(text: string): string {
  return text
    .replaceAll('\\', '\\\\')
    .replaceAll('|', '\\|')
    .replace(/\s*\n\s*/g, ' ');
}

/** The whole docs/errors.md, in table order. Pure: the test calls it. */
export function renderErrorsDoc(codes: ErrorTable = ERROR_CODES): string {
  const rows = Object.entries(codes).map(
    ([code, { status, message }]) => `| \`${code}\` | ${status} | ${cell(message)} |`,
  );
  return [
    '<!-- generated — do not edit. Source: src/domain/errors.ts (ERROR_CODES); regenerate with `npm run docs:errors`. -->',
    '',
    '# Error codes',
    '',
    'Every error that leaves IMR Desk (CLI output, HTTP response) carries one of these codes. The HTTP',
    'status is derived from the code, never chosen per route.',
    '',
    '| Code | HTTP status | Message |',
    '| --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

function isMain(): boolean {
  const entry = process.argv[1];
  return entry !== undefined && fileURLToPath(import.meta.url) === resolve(entry);
}

if (isMain()) {
  writeFileSync(ERRORS_DOC_PATH, renderErrorsDoc());
  console.log(`wrote ${ERRORS_DOC_PATH} (${Object.keys(ERROR_CODES).length} codes)`);
}
