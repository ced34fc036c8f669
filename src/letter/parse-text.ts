import { type ImrError, imrError } from '../domain/errors.js';
import type { CaseHeader, Decision, Letter, LetterItem, Patient } from '../domain/letter.js';
import { err, ok, type Result } from '../domain/result.js';
import { parseBasis } from './basis.js';
import { parseCredentials } from './credentials.js';
import { DATE_PATTERN, toIsoDate } from './dates.js';
import { collapse, joinLines, type LogicalLine, toLogicalLines } from './text-lines.js';

export interface ParseOptions {
  /** Recorded in the output as `file`. */
  readonly file?: string;
}

const HOW_MADE = /^HOW THE IMR FINAL DETERMINATION WAS MADE$/i;
const SUMMARY = /^CLINICAL CASE SUMMARY$/i;
const ISSUES = /^IMR ISSUES,? DECISIONS,? AND RATIONALES$/i;
const CA_LABEL = /^Claims Administrator guidelines?\s*:\s*/i;
/** The review organization's label: a short name, then the singular "guideline:" ("MAXIMUS guideline:"). */
const REVIEWER_LABEL = /^(?:[A-Z][A-Za-z.&'-]*\s+){1,4}guideline\s*:\s*/;
const RATIONALE_LABEL = /^Decision rationale\s*:\s*/i;
const DECISION_AT_END = /:\s*(Upheld|Overturned)\s*[.]?\s*$/i;
const SENTENCE_END = /[.!?]["')\]]*$/;

function lineIndex(lines: readonly LogicalLine[], re: RegExp, from = 0): number {
  for (let i = from; i < lines.length; i++) if (re.test(lines[i]?.text ?? '')) return i;
  return -1;
}

function texts(lines: readonly LogicalLine[], from: number, to: number): string[] {
  const out: string[] = [];
  for (let i = Math.max(0, from); i < Math.min(to, lines.length); i++) out.push(lines[i]?.text ?? '');
  return out;
}

// ---------------------------------------------------------------- header

const HEADER_DATE = String.raw`\s*(\d{1,2}/\d{1,2}/\d{2,4})`;
const HEADER_FIELDS = {
  dateAssigned: new RegExp(String.raw`Date\s*Assigned\s*:${HEADER_DATE}`, 'i'),
  decisionDate: new RegExp(String.raw`Decision\s*Date\s*:${HEADER_DATE}`, 'i'),
  urDenialDate: new RegExp(String.raw`UR\s*Denial\s*Date\s*:${HEADER_DATE}`, 'i'),
  applicationReceived: new RegExp(String.raw`Application(?:\s*Received\s*:)?${HEADER_DATE}`, 'i'),
} as const;
const INJURY_IN_HEADER = new RegExp(String.raw`Date\s*of\s*Injury\s*:${HEADER_DATE}`, 'i');
const CASE_NUMBER = /Case\s*Number\s*:\s*([A-Z]{1,4}\d{2}-\d{3,}|[A-Z0-9][A-Z0-9-]{4,})/i;
const PRIORITY = /Priority\s*:\s*([A-Za-z]+)/i;

function parseHeader(text: string): { header: CaseHeader; injuryDate?: string } {
  const header: CaseHeader = {};
  const caseNumber = CASE_NUMBER.exec(text)?.[1];
  if (caseNumber) header.caseNumber = caseNumber.toUpperCase();
  // Dates are read first so that two-digit years can pivot on the decision date.
  const decision = HEADER_FIELDS.decisionDate.exec(text)?.[1];
  const pivot = decision ? Number(toIsoDate(decision)?.slice(0, 4) ?? new Date().getUTCFullYear()) : undefined;
  for (const key of Object.keys(HEADER_FIELDS) as (keyof typeof HEADER_FIELDS)[]) {
    const raw = HEADER_FIELDS[key].exec(text)?.[1];
    const iso = raw ? toIsoDate(raw, pivot) : undefined;
    if (iso) header[key] = iso;
  }
  const priority = PRIORITY.exec(text)?.[1];
  if (priority && !/^(application|date|decision|case|received)$/i.test(priority)) header.priority = priority;
  const injury = INJURY_IN_HEADER.exec(text)?.[1];
  const injuryDate = injury ? toIsoDate(injury, pivot) : undefined;
  return injuryDate ? { header, injuryDate } : { header };
}

// ---------------------------------------------------------------- patient

const AGE_SEX =
  /\b(\d{1,3})[\s-]*(?:-?\s*(?:years?|yrs?)[\s-]*old|y\/o|y\.o\.|yo)[\s,]+(?:(?:[A-Za-z-]+)\s+){0,2}?(male|female|man|woman|gentleman|lady|boy|girl)\b/i;
const SEX_ONLY = /\b(male|female|man|woman|gentleman|lady)\b/i;
const INJURY_IN_SUMMARY = new RegExp(
  String.raw`\b(?:injur(?:y|ies|ed)|date of injury|DOI|claim)\b[^.]{0,40}?\b(?:on|of|from|dated|:)\s+(${DATE_PATTERN})`,
  'i',
);

function sexOf(word: string): Patient['sex'] {
  return /^(female|woman|lady|girl)$/i.test(word) ? 'female' : 'male';
}

function parsePatient(summary: string, headerInjury: string | undefined, pivot: number | undefined): Patient {
  const patient: Patient = {};
  const m = AGE_SEX.exec(summary);
  if (m) {
    const age = Number(m[1]);
    if (age > 0 && age <= 120) patient.age = age;
    patient.sex = sexOf(m[2] ?? '');
  } else {
    const s = SEX_ONLY.exec(summary.slice(0, 400));
    if (s) patient.sex = sexOf(s[1] ?? '');
  }
  if (headerInjury) {
    patient.injuryDate = headerInjury;
  } else {
    const d = INJURY_IN_SUMMARY.exec(summary)?.[1];
    const iso = d ? toIsoDate(d, pivot) : undefined;
    if (iso) patient.injuryDate = iso;
  }
  return patient;
}

// ---------------------------------------------------------------- items

interface ItemAnchors {
  ca: number;
  reviewer: number;
  rationale: number;
}

const ORIGINAL = /^(.+?)\s+was the original request\.?\s+(.*)$/i;
const REMAINING =
  /(?:remaining IMR eligible portion of the original request|The original request)\s*,\s*(.+?)(?:,?\s+is)?$/i;
const AUTHORIZED_BY = /^(.+?)\s+was authorized\b/i;
const CA_AUTHORIZED = /\bauthorized\s+(.+?)(?:,\s*leaving\b|\.\s|$)/i;

function parseItemHeader(
  headerText: string,
): { item: Pick<LetterItem, 'request' | 'originalRequest' | 'authorizedPortion'>; decision: Decision } | undefined {
  const d = DECISION_AT_END.exec(headerText);
  if (!d) return undefined;
  const decision: Decision = (d[1] ?? '').toLowerCase() === 'upheld' ? 'Upheld' : 'Overturned';
  const head = headerText.slice(0, d.index).trim();
  const original = ORIGINAL.exec(head);
  if (original) {
    const rest = original[2] ?? '';
    const remaining = REMAINING.exec(rest);
    if (remaining) {
      const item: Pick<LetterItem, 'request' | 'originalRequest' | 'authorizedPortion'> = {
        request: collapse(remaining[1] ?? ''),
        originalRequest: collapse(original[1] ?? ''),
      };
      const before = rest.slice(0, remaining.index);
      const authorized = AUTHORIZED_BY.exec(before)?.[1] ?? CA_AUTHORIZED.exec(before)?.[1];
      if (authorized) item.authorizedPortion = collapse(authorized);
      return { item, decision };
    }
  }
  return { item: { request: head.replace(/\s+is$/i, '') }, decision };
}

interface Position {
  line: number;
  col: number;
}

/**
 * Where the item header that ends on line `end` begins: after the last paragraph break, narrowed to
 * the last sentence boundary when the break is missing (a page break can swallow the blank line).
 */
function headerStart(lines: readonly LogicalLine[], floor: number, end: number): Position {
  let start = floor;
  for (let i = end; i > floor; i--) {
    if (lines[i]?.breakBefore) {
      start = i;
      break;
    }
  }
  // A modified decision's header begins at the sentence naming the original request; that phrase
  // and the sentence boundary before it may each fall anywhere in the wrapped lines.
  const offsets: number[] = [];
  let joined = '';
  for (let i = start; i <= end; i++) {
    offsets.push(joined.length);
    joined += `${lines[i]?.text ?? ''} `;
  }
  const phrase = [...joined.matchAll(/\bwas the original request\b/gi)].pop();
  if (phrase) {
    let boundary = 0;
    for (const m of joined.slice(0, phrase.index).matchAll(/[.!?]["')\]]*\s+(?=\S)/g)) boundary = m.index + m[0].length;
    let line = start;
    for (let k = 0; k < offsets.length; k++) if ((offsets[k] as number) <= boundary) line = start + k;
    return { line, col: boundary - (offsets[line - start] as number) };
  }
  for (let i = end - 1; i >= start; i--) {
    if (SENTENCE_END.test(lines[i]?.text ?? '')) return { line: i + 1, col: 0 };
  }
  return { line: start, col: 0 };
}

function slice(lines: readonly LogicalLine[], from: Position, to: Position): string[] {
  const out: string[] = [];
  for (let i = from.line; i <= Math.min(to.line, lines.length - 1); i++) {
    let t = lines[i]?.text ?? '';
    if (i === to.line) t = t.slice(0, to.col);
    if (i === from.line) t = t.slice(Math.min(from.col, t.length));
    out.push(t);
  }
  return out;
}

function findAnchors(lines: readonly LogicalLine[], from: number): ItemAnchors[] | ImrError {
  const anchors: ItemAnchors[] = [];
  let i = lineIndex(lines, CA_LABEL, from);
  while (i >= 0) {
    const rationale = lineIndex(lines, RATIONALE_LABEL, i + 1);
    const nextCa = lineIndex(lines, CA_LABEL, i + 1);
    if (rationale < 0 || (nextCa >= 0 && nextCa < rationale)) {
      return imrError('IMR_LETTER_TRUNCATED', `Decided item ${anchors.length + 1} has no decision rationale.`, {
        item: anchors.length + 1,
      });
    }
    // The first candidate that opens a paragraph, else the first candidate.
    let reviewer = -1;
    for (let k = i + 1; k < rationale; k++) {
      if (!REVIEWER_LABEL.test(lines[k]?.text ?? '')) continue;
      if (reviewer < 0) reviewer = k;
      if (lines[k]?.breakBefore) {
        reviewer = k;
        break;
      }
    }
    if (reviewer < 0) {
      return imrError('IMR_LETTER_TRUNCATED', `Decided item ${anchors.length + 1} has no reviewer guideline basis.`, {
        item: anchors.length + 1,
      });
    }
    anchors.push({ ca: i, reviewer, rationale });
    i = nextCa;
  }
  return anchors;
}

function parseItems(lines: readonly LogicalLine[], from: number): Result<LetterItem[], ImrError> {
  const anchors = findAnchors(lines, from);
  if (!Array.isArray(anchors)) return err(anchors);
  const items: LetterItem[] = [];
  const headerStarts: Position[] = [];
  // Locate each item's header first: it bounds the previous item's rationale.
  for (let k = 0; k < anchors.length; k++) {
    const a = anchors[k] as ItemAnchors;
    const floor = k === 0 ? from : (anchors[k - 1] as ItemAnchors).rationale + 1;
    const end = a.ca - 1;
    if (end < floor) {
      return err(
        imrError('IMR_LETTER_TRUNCATED', `Decided item ${k + 1} has no request and decision.`, { item: k + 1 }),
      );
    }
    headerStarts.push(headerStart(lines, floor, end));
  }
  for (let k = 0; k < anchors.length; k++) {
    const a = anchors[k] as ItemAnchors;
    const headerText = joinLines(slice(lines, headerStarts[k] as Position, { line: a.ca, col: 0 }));
    const header = parseItemHeader(headerText);
    if (!header) {
      return err(
        imrError('IMR_LETTER_TRUNCATED', `Decided item ${k + 1} has no decision (Upheld or Overturned).`, {
          item: k + 1,
        }),
      );
    }
    const caLines = texts(lines, a.ca, a.reviewer);
    caLines[0] = (caLines[0] ?? '').replace(CA_LABEL, '');
    const revLines = texts(lines, a.reviewer, a.rationale);
    revLines[0] = (revLines[0] ?? '').replace(REVIEWER_LABEL, '');
    const rationaleEnd = headerStarts[k + 1] ?? { line: lines.length, col: 0 };
    const ratLines = slice(lines, { line: a.rationale, col: 0 }, rationaleEnd);
    ratLines[0] = (ratLines[0] ?? '').replace(RATIONALE_LABEL, '');
    items.push({
      ...header.item,
      decision: header.decision,
      claimsAdministratorBasis: parseBasis(joinLines(caLines)),
      reviewerBasis: parseBasis(joinLines(revLines)),
      rationale: joinLines(ratLines),
    });
  }
  return ok(items);
}

// ---------------------------------------------------------------- letter

/** Parses the text of a Final Determination Letter (public layout or header-less copy) into the letter JSON. */
export function parseLetterText(raw: string, options: ParseOptions = {}): Result<Letter, ImrError> {
  const lines = toLogicalLines(raw);
  if (lines.length === 0) return err(imrError('IMR_INPUT_EMPTY', 'The document has no text.'));
  const howMade = lineIndex(lines, HOW_MADE);
  const summaryAt = lineIndex(lines, SUMMARY);
  const issuesAt = lineIndex(lines, ISSUES);
  const firstCa = lineIndex(lines, CA_LABEL);
  const firstRationale = lineIndex(lines, RATIONALE_LABEL);
  const markers = [howMade, summaryAt, issuesAt, firstCa, firstRationale].filter((i) => i >= 0).length;
  if (markers < 2) {
    return err(imrError('IMR_LETTER_NOT_A_DETERMINATION'));
  }
  const sectionStarts = [howMade, summaryAt, issuesAt, firstCa].filter((i) => i >= 0);
  const firstSection = Math.min(...sectionStarts);
  const { header, injuryDate } = parseHeader(joinLines(texts(lines, 0, firstSection)));
  const pivot = header.decisionDate ? Number(header.decisionDate.slice(0, 4)) : undefined;

  const credEnd = [summaryAt, issuesAt, firstCa]
    .filter((i) => i > howMade)
    .reduce((a, b) => Math.min(a, b), lines.length);
  const reviewer = parseCredentials(joinLines(texts(lines, howMade >= 0 ? howMade + 1 : 0, credEnd)));

  let clinicalSummary = '';
  if (summaryAt >= 0) {
    const end = [issuesAt, firstCa].filter((i) => i > summaryAt).reduce((a, b) => Math.min(a, b), lines.length);
    let start = summaryAt + 1;
    // Skip the section's one-paragraph introduction ("… based on a review of the case file …:").
    for (let i = start; i < Math.min(end, start + 4); i++) {
      if ((lines[i]?.text ?? '').endsWith(':') && (i + 1 >= end || lines[i + 1]?.breakBefore || i === start)) {
        start = i + 1;
        break;
      }
    }
    clinicalSummary = joinLines(texts(lines, start, end));
  }

  if (firstCa < 0) {
    return err(imrError('IMR_LETTER_TRUNCATED', 'The letter has no decided items.'));
  }
  let itemsFrom = issuesAt >= 0 && issuesAt < firstCa ? issuesAt + 1 : summaryAt >= 0 ? summaryAt + 1 : 0;
  // Skip the items section's introduction line ("… set forth below:").
  if (issuesAt >= 0 && itemsFrom < firstCa && (lines[itemsFrom]?.text ?? '').endsWith(':') && itemsFrom + 1 < firstCa) {
    itemsFrom++;
  }
  const items = parseItems(lines, itemsFrom);
  if (!items.ok) return items;
  if (items.value.length === 0) return err(imrError('IMR_LETTER_TRUNCATED', 'The letter has no decided items.'));
  const last = items.value[items.value.length - 1];
  if (last && last.rationale === '') {
    return err(imrError('IMR_LETTER_TRUNCATED', 'The last decided item has no rationale text.'));
  }

  const letter: Letter = {
    case: header,
    reviewer,
    patient: parsePatient(clinicalSummary, injuryDate, pivot),
    clinicalSummary,
    items: items.value,
  };
  return ok(options.file === undefined ? letter : { file: options.file, ...letter });
}
