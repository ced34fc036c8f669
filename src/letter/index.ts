export { parseBasis, parsePages } from './basis.js';
export { canonicalSpecialty, parseCredentials } from './credentials.js';
export { toIsoDate, toUsDate } from './dates.js';
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
  sharedPdfPool,
} from './pdf-pool.js';
export { renderLetterPdf } from './render-pdf.js';
export { renderLetterText } from './render-text.js';
