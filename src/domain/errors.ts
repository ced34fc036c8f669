/**
 * The one table of error codes. Every error that leaves the system (CLI output, HTTP response)
 * carries one of these codes; the HTTP status is derived here and nowhere else.
 * `docs/errors.md` is generated from this table (`npm run docs:errors`) and a test fails on drift.
 */
export const ERROR_CODES = {
  IMR_INPUT_UNREADABLE: {
    status: 400,
    message: 'The file could not be read (missing, a directory, or no permission).',
  },
  IMR_INPUT_EMPTY: { status: 400, message: 'The file is empty.' },
  IMR_INPUT_TOO_LARGE: { status: 413, message: 'The file is larger than the size limit.' },
  IMR_INPUT_BINARY: { status: 415, message: 'The file is neither a PDF nor readable text.' },
  IMR_PDF_INVALID: {
    status: 422,
    message: 'The file looks like a PDF but could not be read as one (damaged or encrypted).',
  },
  IMR_PDF_NO_TEXT: { status: 422, message: 'The PDF has no extractable text (it may be a scanned image).' },
  IMR_PDF_TOO_COMPLEX: {
    status: 422,
    message:
      'The PDF is too costly to read: it inflates past the size limit, nests too deeply, holds too much text on a page, or needs more memory than a PDF reader may use.',
  },
  IMR_PDF_TIMEOUT: { status: 422, message: 'Reading the PDF took longer than the time limit.' },
  IMR_PDF_TOO_MANY_PAGES: { status: 422, message: 'The PDF has more pages than the page limit.' },
  IMR_LETTER_NOT_A_DETERMINATION: {
    status: 422,
    message: 'The document is not an IMR Final Determination Letter.',
  },
  IMR_LETTER_TRUNCATED: {
    status: 422,
    message: 'The letter is incomplete: a required section or part of a decided item is missing.',
  },
  IMR_LETTER_INVALID: { status: 422, message: 'The letter JSON does not match the letter schema.' },
  IMR_JSON_INVALID: { status: 400, message: 'The input is not valid JSON.' },
  IMR_VALIDATION: { status: 400, message: 'The input failed validation.' },
  IMR_NOT_FOUND: { status: 404, message: 'The requested record does not exist.' },
  IMR_CASE_INELIGIBLE: { status: 422, message: 'The application is not eligible for independent medical review.' },
  IMR_CASE_DUPLICATE: { status: 409, message: 'The application duplicates one already received.' },
  IMR_INVALID_TRANSITION: { status: 409, message: 'The case is not in a stage that allows this step.' },
  IMR_CONFLICT: { status: 409, message: 'The record was changed by someone else; reload and try again.' },
  IMR_REVIEWER_CONFLICT: { status: 409, message: 'The reviewer has a conflict of interest with a party to the case.' },
  IMR_REVIEWER_UNQUALIFIED: {
    status: 422,
    message: 'The reviewer does not meet the qualification standard for this case.',
  },
  IMR_NO_QUALIFIED_REVIEWER: {
    status: 422,
    message: 'No qualified, conflict-free reviewer is available for this case.',
  },
  IMR_STORE_UNAVAILABLE: { status: 503, message: 'The database could not be reached.' },
  IMR_ALREADY_EXISTS: { status: 409, message: 'A record with the same unique key already exists.' },
  IMR_DOCUMENT_STORE_FAILED: { status: 500, message: 'The document could not be saved to the document store.' },
  IMR_REVIEW_INPUT_INVALID: {
    status: 400,
    message: 'The case given for review does not match the review input schema.',
  },
  IMR_UNAUTHENTICATED: { status: 401, message: 'Sign in first.' },
  IMR_FORBIDDEN: { status: 403, message: 'Your role does not allow this.' },
  IMR_LOGIN_FAILED: { status: 401, message: 'The user name or password is not right, or the account is disabled.' },
  IMR_CSRF_INVALID: {
    status: 403,
    message: 'The request lacks the session’s CSRF token (x-csrf-token header); reload and try again.',
  },
  IMR_RATE_LIMITED: { status: 429, message: 'Too many attempts; wait a little and try again.' },
  IMR_LETTER_NOT_APPROVED: {
    status: 409,
    message: 'The letter needs QA approval of the case as it is now before it can issue.',
  },
  IMR_RATIONALE_CONTRADICTS_DECISION: {
    status: 422,
    message:
      'A rationale does not agree with its decision, or holds the engine’s working notes; change the sentence named in the details (start and end in the rationale).',
  },
  IMR_DETERMINATION_LOCKED: {
    status: 409,
    message: 'QA has approved the letter as it stands; the determination can change only after QA returns the case.',
  },
  IMR_CONTROL_CHARACTERS: {
    status: 400,
    message: 'The request holds control characters (such as NUL) that no field accepts.',
  },
  IMR_URL_INVALID: { status: 400, message: 'The URL is not valid (malformed percent-encoding).' },
  IMR_URL_TOO_LONG: { status: 414, message: 'The URL, or a part of it such as an id, is too long.' },
  IMR_HEADERS_TOO_LARGE: { status: 431, message: 'The request line and headers are larger than the server accepts.' },
  IMR_HTTP_MALFORMED: { status: 400, message: 'The request is not well-formed HTTP.' },
  IMR_REQUEST_TIMEOUT: { status: 408, message: 'The request was not received in time.' },
  IMR_MEDIA_TYPE_UNSUPPORTED: {
    status: 415,
    message:
      'The body’s content type is not accepted here: send application/json, or multipart/form-data where documents are uploaded.',
  },
  IMR_MULTIPART_INVALID: {
    status: 400,
    message: 'The multipart/form-data body could not be read (missing or wrong boundary, cut short, or malformed).',
  },
  IMR_TOO_MANY_PARTS: { status: 413, message: 'The upload has more files or form fields than the server accepts.' },
  IMR_CLI_USAGE: { status: 400, message: 'The command was called with missing or invalid arguments.' },
  IMR_OUTPUT_UNWRITABLE: { status: 500, message: 'The output file could not be written.' },
  IMR_INTERNAL: { status: 500, message: 'An unexpected internal error occurred.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ImrError {
  readonly code: ErrorCode;
  readonly message: string;
  /** Extra machine-readable context (never PHI: no letter text, no names). */
  readonly details?: Readonly<Record<string, string | number | boolean>>;
}

export function imrError(code: ErrorCode, message?: string, details?: ImrError['details']): ImrError {
  const base = { code, message: message ?? ERROR_CODES[code].message };
  return details === undefined ? base : { ...base, details };
}

export function httpStatusOf(code: ErrorCode): number {
  return ERROR_CODES[code].status;
}

/** Thrown only to carry a coded error across an async boundary; caught and unwrapped at the edge. */
export class ImrFailure extends Error {
  readonly error: ImrError;
  constructor(error: ImrError) {
    super(error.message);
    this.name = 'ImrFailure';
    this.error = error;
  }
}

/** Converts anything thrown into a coded error, once, at a boundary. */
export function toImrError(thrown: unknown): ImrError {
  if (thrown instanceof ImrFailure) return thrown.error;
  return imrError('IMR_INTERNAL', thrown instanceof Error ? `Internal error: ${thrown.name}` : undefined);
}
