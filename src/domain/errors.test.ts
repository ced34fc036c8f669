import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERRORS_DOC_PATH, renderErrorsDoc } from '../../scripts/gen-errors-doc.js';
import { ERROR_CODES, type ErrorCode, httpStatusOf, ImrFailure, imrError, toImrError } from './errors.js';

const ALL_CODES = Object.keys(ERROR_CODES) as ErrorCode[];

describe('docs/errors.md', () => {
  it('matches what `npm run docs:errors` generates from ERROR_CODES', () => {
    const committed = readFileSync(ERRORS_DOC_PATH, 'utf8');
    expect(committed, 'docs/errors.md is stale: run `npm run docs:errors`').toBe(renderErrorsDoc());
  });

  it('says it is generated and lists every code with its status and message', () => {
    const doc = renderErrorsDoc();
    expect(doc).toContain('generated — do not edit');
    for (const code of ALL_CODES) {
      expect(doc).toContain(`| \`${code}\` | ${ERROR_CODES[code].status} | ${ERROR_CODES[code].message} |`);
    }
  });

  it('renders differently when a code is added, so drift fails the test above', () => {
    const grown = { ...ERROR_CODES, IMR_EXAMPLE: { status: 409, message: 'Example.' } };
    expect(renderErrorsDoc(grown)).not.toBe(renderErrorsDoc());
    expect(renderErrorsDoc(grown)).toContain('| `IMR_EXAMPLE` | 409 | Example. |');
  });

  it('escapes pipes and newlines so a message stays in its table cell', () => {
    const doc = renderErrorsDoc({ IMR_X: { status: 400, message: 'a | b\nc' } });
    expect(doc).toContain('| `IMR_X` | 400 | a \\| b c |');
  });
});

describe('ERROR_CODES', () => {
  it('uses IMR_-prefixed upper-snake codes with a 4xx/5xx status and a sentence message', () => {
    for (const code of ALL_CODES) {
      const { status, message } = ERROR_CODES[code];
      expect(code).toMatch(/^IMR_[A-Z0-9]+(_[A-Z0-9]+)*$/);
      expect(status >= 400 && status <= 599, `${code} status ${status}`).toBe(true);
      expect(message).toMatch(/^[A-Z].*\.$/);
    }
  });
});

describe('imrError', () => {
  it('uses the table message when no message is given', () => {
    expect(imrError('IMR_INPUT_EMPTY')).toEqual({ code: 'IMR_INPUT_EMPTY', message: 'The file is empty.' });
  });

  it('keeps a specific message and details when given', () => {
    const error = imrError('IMR_INPUT_TOO_LARGE', 'The file is 12 MB; the limit is 10 MB.', { bytes: 12_000_000 });
    expect(error).toEqual({
      code: 'IMR_INPUT_TOO_LARGE',
      message: 'The file is 12 MB; the limit is 10 MB.',
      details: { bytes: 12_000_000 },
    });
  });

  it('omits the details key entirely when there are none', () => {
    expect(Object.keys(imrError('IMR_INTERNAL'))).toEqual(['code', 'message']);
  });
});

describe('httpStatusOf', () => {
  it('derives the status from the table for every code', () => {
    for (const code of ALL_CODES) expect(httpStatusOf(code)).toBe(ERROR_CODES[code].status);
  });

  it('maps client faults to 4xx and internal faults to 5xx', () => {
    expect(httpStatusOf('IMR_JSON_INVALID')).toBe(400);
    expect(httpStatusOf('IMR_INPUT_TOO_LARGE')).toBe(413);
    expect(httpStatusOf('IMR_LETTER_NOT_A_DETERMINATION')).toBe(422);
    expect(httpStatusOf('IMR_INTERNAL')).toBe(500);
  });
});

describe('toImrError', () => {
  it('unwraps the coded error an ImrFailure carries', () => {
    const carried = imrError('IMR_PDF_NO_TEXT', undefined, { pages: 3 });
    const failure = new ImrFailure(carried);
    expect(failure).toBeInstanceOf(Error);
    expect(failure.message).toBe(carried.message);
    expect(toImrError(failure)).toBe(carried);
  });

  it('turns any other Error into IMR_INTERNAL naming only the error class, never its message', () => {
    const error = toImrError(new TypeError('patient Jane Doe, DOB 1970-01-01'));
    expect(error).toEqual({ code: 'IMR_INTERNAL', message: 'Internal error: TypeError' });
    expect(JSON.stringify(error)).not.toContain('Jane');
  });

  it('turns a thrown non-Error value into IMR_INTERNAL with the table message', () => {
    for (const thrown of ['boom', 42, undefined, null, { code: 'IMR_INPUT_EMPTY' }]) {
      expect(toImrError(thrown)).toEqual({ code: 'IMR_INTERNAL', message: ERROR_CODES.IMR_INTERNAL.message });
    }
  });
});
