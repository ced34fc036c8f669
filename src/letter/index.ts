export { parseBasis, parsePages } from './basis.js';
export {
  type Addressee,
  appealNoticeParagraphs,
  type CaseReference,
  DEMO_LETTERHEAD,
  type DeterminationCopyInput,
  type DisputedTreatmentLine,
  type IneligibilityReason,
  type Letterhead,
  layoutDeterminationCopy,
  layoutNoticeOfAssignment,
  layoutNoticeOfIneligibility,
  longDate,
  type NoticeOfAssignmentInput,
  type NoticeOfIneligibilityInput,
  RECIPIENT_LABEL,
  type RecipientKind,
} from './correspondence.js';
export { canonicalSpecialty, parseCredentials } from './credentials.js';
export { toIsoDate, toUsDate } from './dates.js';
export { checkRationale, type RationaleIssue, type RationaleIssueKind, withoutInternalNotes } from './integrity.js';
export { DEFAULT_MAX_LETTER_BYTES, type ParsedFile, parseLetterBytes, parseLetterFile, sniff } from './load.js';
export { type ParseOptions, parseLetterText } from './parse-text.js';
export {
  closeSharedPdfPool,
  configurePdfPool,
  DEFAULT_PDF_LIMITS,
  extractPdfText,
  PdfPool,
  type PdfPoolOptions,
  type PdfPoolStats,
  pdfPoolOptionsFromEnv,
  readPdfLetter,
  sharedPdfPool,
} from './pdf-pool.js';
export { renderLetterPdf, renderPagesPdf } from './render-pdf.js';
export { renderLetterText, renderPagesText } from './render-text.js';
