import type { CaseHeader, Letter, LetterItem } from '../domain/letter.js';
import { basisText } from './format-basis.js';

/**
 * Line layout of a Final Determination Letter: the single source of truth for line and page breaks.
 * `render-text.ts` prints these lines as they are; `render-pdf.ts` draws each of them at a fixed
 * position, so the text rendering and the PDF have identical lines.
 *
 * Line breaking rules (a parser relies on them):
 * - whitespace runs in every input string are collapsed to one space;
 * - lines break on spaces only, never inside a token;
 * - never after a token that ends with '-' (so joining a line that ends in '-' to the next one
 *   without a space gives back the input);
 * - an item header's decision word is always on its last line, after ": ";
 * - a token longer than the width gets a line of its own (the only way a line exceeds the width).
 */

/**
 * - `body`: plain text (paragraph lines, credentials, intro lines, blank lines);
 * - `heading`: a centered section heading (bold in PDF), centered in text by `indent` spaces;
 * - `label`: the first line of a labeled paragraph; its first `boldPrefixLength` characters are
 *   the label (e.g. "Decision rationale:"), bold in PDF; the paragraph's other lines are `body`;
 * - `item`: a line of a disputed item's header; the first `boldPrefixLength` characters are bold
 *   (the whole line except the decision word and the space before it on the last line);
 * - `header`: a row line of the header table; `cells` says what is drawn in which column;
 * - `centered`: a centered regular line (a letterhead's address, "Page 2 of 5"); `indent` centers it in text.
 */
export type LineStyle = 'body' | 'heading' | 'label' | 'item' | 'header' | 'centered';

/** Header table columns: 0 first label, 1 first value, 2 second label, 3 second value. */
export type HeaderColumn = 0 | 1 | 2 | 3;

export interface HeaderCell {
  readonly column: HeaderColumn;
  readonly text: string;
  /** Labels are bold, values regular. */
  readonly bold: boolean;
}

export interface LayoutLine {
  /** The line's text without the `indent` spaces. Header lines are padded to the text columns. */
  readonly text: string;
  readonly style: LineStyle;
  /** Leading spaces in the text rendering (centered headings). */
  readonly indent?: number;
  /** How many leading characters of `text` are bold (label and item lines). */
  readonly boldPrefixLength?: number;
  /** Header lines: the cells, each drawn at its column's fixed x position in the PDF. */
  readonly cells?: readonly HeaderCell[];
  /** Header lines: the table row (0-based); a row may span two lines ("Application / Received:"). */
  readonly headerRow?: number;
}

export interface LayoutPage {
  readonly lines: readonly LayoutLine[];
}

export interface LayoutOptions {
  /** Characters per line (default 96). */
  readonly width?: number;
  /** Lines per page (default 50). */
  readonly linesPerPage?: number;
  /** Name of the IMR organization in the boilerplate and the reviewer's basis label (default MAXIMUS). */
  readonly organization?: string;
}

export const DEFAULT_WIDTH = 96;
export const DEFAULT_LINES_PER_PAGE = 50;
export const DEFAULT_ORGANIZATION = 'MAXIMUS';

/** Character columns of the header table in the text rendering (as `pdftotext -layout` prints the real letters). */
export const HEADER_TEXT_COLUMNS: Readonly<Record<HeaderColumn, number>> = { 0: 0, 1: 22, 2: 54, 3: 75 };

export const HEADINGS = {
  how: 'HOW THE IMR FINAL DETERMINATION WAS MADE',
  summary: 'CLINICAL CASE SUMMARY',
  issues: 'IMR ISSUES, DECISIONS AND RATIONALES',
} as const;

export const HEADER_LABELS = {
  caseNumber: 'Case Number:',
  dateAssigned: 'Date Assigned:',
  decisionDate: 'Decision Date:',
  priority: 'Priority:',
  injuryDate: 'Date of Injury:',
  urDenialDate: 'UR Denial Date:',
  /** Printed on two lines, "Application" then "Received:", as in the real letters. */
  applicationReceived: ['Application', 'Received:'],
} as const;

export const CLAIMS_ADMINISTRATOR_LABEL = 'Claims Administrator guideline:';
export const RATIONALE_LABEL = 'Decision rationale:';
export const reviewerBasisLabel = (organization: string): string => `${organization} guideline:`;

export const CREDENTIALS_INTRO = 'Credentials of the expert reviewer:';
export const LICENSURE_LABEL = 'State(s) of Licensure:';
export const SPECIALTY_LABEL = 'Certification(s)/Specialty:';
export const SUMMARY_INTRO = 'Case summary written by the expert reviewer after reviewing the complete medical record:';
export const ISSUES_INTRO = 'Each disputed item or service is listed below with its decision and the reasons for it:';

/** How the reviewer was chosen, in our own words. */
export function selectionBoilerplate(organization: string): string {
  return (
    `${organization} assigned this case to an independent expert reviewer and forwarded the full case file ` +
    'to that reviewer. The reviewer is not affiliated with the employer, the injured worker, the treating ' +
    'providers or the claims administrator, has been in clinical practice for over five years and currently ' +
    'practices at least 24 hours per week. The reviewer was matched to the case by specialty: their training ' +
    'and experience are in the same or a similar field as the physicians who evaluate and treat this condition ' +
    'and the disputed items or services. The reviewer knows the governing statutes and regulations, including ' +
    'the hierarchy of medical evidence used in Independent Medical Review decisions.'
  );
}

/**
 * The credentials sentence used when the reviewer has subspecialties (kept phrases:
 * "Board Certified in ", " has a subspecialty in ", " and is licensed to practice in ").
 */
export function credentialSentence(reviewer: Letter['reviewer']): string {
  const join = (xs: readonly string[]) => xs.map(collapse).join(', ');
  let s = 'The expert reviewer';
  if (reviewer.specialties.length > 0) s += ` is Board Certified in ${join(reviewer.specialties)}`;
  s += ` has a subspecialty in ${join(reviewer.subspecialties)}`;
  if (reviewer.licensure.length > 0) s += ` and is licensed to practice in ${join(reviewer.licensure)}`;
  return `${s}.`;
}

/** Collapse whitespace runs to one space and trim. */
export function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** ISO `YYYY-MM-DD` → `MM/DD/YYYY` (anything else is returned unchanged). */
export function formatUsDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[2]}/${m[3]}/${m[1]}` : iso;
}

/**
 * Split text into unbreakable units: whitespace-separated tokens, where a token ending in '-' is
 * glued (with its space) to the token after it.
 */
export function breakUnits(text: string): string[] {
  const tokens = collapse(text)
    .split(' ')
    .filter((t) => t !== '');
  const units: string[] = [];
  let pending = '';
  for (const t of tokens) {
    pending = pending === '' ? t : `${pending} ${t}`;
    if (!t.endsWith('-')) {
      units.push(pending);
      pending = '';
    }
  }
  if (pending !== '') units.push(pending);
  return units;
}

/** Greedy word wrap of units into lines of at most `width` characters (a longer unit stands alone). */
export function wrapUnits(units: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const u of units) {
    if (line === '') line = u;
    else if (line.length + 1 + u.length <= width) line += ` ${u}`;
    else {
      lines.push(line);
      line = u;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Word-wrap text (whitespace collapsed) to `width`. */
export function wrapText(text: string, width: number): string[] {
  return wrapUnits(breakUnits(text), width);
}

export interface FlowLine {
  readonly line: LayoutLine;
  /** Keep this line on the same page as the next non-blank line. */
  readonly keepWithNext?: boolean;
}

export const BLANK: FlowLine = { line: { text: '', style: 'body' } };

function isBlank(f: FlowLine): boolean {
  return f.line.text.trim() === '' && f.line.cells === undefined;
}

export function bodyLines(text: string, width: number): FlowLine[] {
  return wrapText(text, width).map((t) => ({ line: { text: t, style: 'body' } }));
}

/** A paragraph that starts with a bold label; the label is one unit, so it always stays on the first line. */
export function labelledLines(label: string, text: string, width: number): FlowLine[] {
  const lines = wrapUnits([label, ...breakUnits(text)], width);
  return lines.map((t, i) => ({
    line: i === 0 ? { text: t, style: 'label', boldPrefixLength: label.length } : { text: t, style: 'body' },
  }));
}

export function headingLine(text: string, width: number): FlowLine {
  return {
    line: { text, style: 'heading', indent: Math.max(0, Math.floor((width - text.length) / 2)) },
    keepWithNext: true,
  };
}

/** The item header text without the decision, ending with ':'. */
export function itemHeaderText(item: LetterItem): string {
  const request = collapse(item.request);
  if (item.authorizedPortion !== undefined) {
    const original = collapse(item.originalRequest ?? item.request);
    return (
      `${original} was the original request. ${collapse(item.authorizedPortion)} was authorized by the Claims ` +
      `Administrator. The remaining IMR eligible portion of the original request, ${request} is:`
    );
  }
  return `${request}:`;
}

function itemHeaderLines(item: LetterItem, width: number): FlowLine[] {
  const units = breakUnits(itemHeaderText(item));
  const last = units.pop() ?? ':';
  units.push(`${last} ${item.decision}`);
  const lines = wrapUnits(units, width);
  return lines.map((t, i) => ({
    line: {
      text: t,
      style: 'item',
      boldPrefixLength: i === lines.length - 1 ? t.length - item.decision.length - 1 : t.length,
    },
    keepWithNext: true,
  }));
}

function padCells(cells: readonly HeaderCell[]): string {
  let s = '';
  for (const c of cells) {
    const col = HEADER_TEXT_COLUMNS[c.column];
    s = s.length > 0 && s.length >= col ? `${s} ` : s.padEnd(col);
    s += c.text;
  }
  return s;
}

function hasCaseHeader(c: CaseHeader): boolean {
  return (
    c.caseNumber !== undefined ||
    c.dateAssigned !== undefined ||
    c.decisionDate !== undefined ||
    c.urDenialDate !== undefined ||
    c.priority !== undefined ||
    c.applicationReceived !== undefined
  );
}

function headerLines(letter: Letter): FlowLine[] {
  const c = letter.case;
  const cell = (column: HeaderColumn, text: string, bold: boolean): HeaderCell => ({ column, text, bold });
  const side = (label: string, value: string | undefined, left: boolean): HeaderCell[] =>
    value === undefined ? [] : [cell(left ? 0 : 2, label, true), cell(left ? 1 : 3, value, false)];
  const date = (d: string | undefined) => (d === undefined ? undefined : formatUsDate(d));
  const text = (s: string | undefined) => (s === undefined ? undefined : collapse(s));

  const rows: HeaderCell[][][] = [];
  const pushRow = (...lines: HeaderCell[][]) => {
    const kept = lines.filter((l) => l.length > 0);
    if (kept.length > 0) rows.push(kept);
  };
  pushRow(side(HEADER_LABELS.caseNumber, text(c.caseNumber), true));
  pushRow([
    ...side(HEADER_LABELS.dateAssigned, date(c.dateAssigned), true),
    ...side(HEADER_LABELS.injuryDate, date(letter.patient.injuryDate), false),
  ]);
  pushRow([
    ...side(HEADER_LABELS.decisionDate, date(c.decisionDate), true),
    ...side(HEADER_LABELS.urDenialDate, date(c.urDenialDate), false),
  ]);
  const received = date(c.applicationReceived);
  pushRow(
    [
      ...side(HEADER_LABELS.priority, text(c.priority), true),
      ...side(HEADER_LABELS.applicationReceived[0], received, false),
    ],
    received === undefined ? [] : [cell(2, HEADER_LABELS.applicationReceived[1], true)],
  );

  const out: FlowLine[] = [];
  rows.forEach((lines, row) => {
    for (const cells of lines)
      out.push({ line: { text: padCells(cells), style: 'header', cells, headerRow: row }, keepWithNext: true });
  });
  return out;
}

function credentialLines(letter: Letter, width: number): FlowLine[] {
  const r = letter.reviewer;
  if (r.subspecialties.length > 0) return [];
  const lines: FlowLine[] = [];
  if (r.licensure.length > 0)
    lines.push(...bodyLines(`${LICENSURE_LABEL} ${r.licensure.map(collapse).join(', ')}`, width));
  if (r.specialties.length > 0)
    lines.push(...bodyLines(`${SPECIALTY_LABEL} ${r.specialties.map(collapse).join(', ')}`, width));
  if (lines.length === 0) return [];
  return [BLANK, { line: { text: CREDENTIALS_INTRO, style: 'body' }, keepWithNext: true }, ...lines];
}

/** All lines of the letter in order, before pagination. */
export function flowLetter(letter: Letter, width: number, organization: string): FlowLine[] {
  const flow: FlowLine[] = [];
  if (hasCaseHeader(letter.case)) flow.push(...headerLines(letter), BLANK);

  let selection = selectionBoilerplate(organization);
  if (letter.reviewer.subspecialties.length > 0) selection += ` ${credentialSentence(letter.reviewer)}`;
  flow.push(headingLine(HEADINGS.how, width), ...bodyLines(selection, width), ...credentialLines(letter, width));

  flow.push(BLANK, headingLine(HEADINGS.summary, width), ...bodyLines(SUMMARY_INTRO, width));
  const summary = bodyLines(letter.clinicalSummary, width);
  if (summary.length > 0) flow.push(BLANK, ...summary);

  flow.push(BLANK, headingLine(HEADINGS.issues, width), ...bodyLines(ISSUES_INTRO, width));
  for (const item of letter.items) {
    flow.push(BLANK, ...itemHeaderLines(item, width));
    flow.push(
      BLANK,
      ...labelledLines(
        CLAIMS_ADMINISTRATOR_LABEL,
        basisText(item.claimsAdministratorBasis, 'claims-administrator'),
        width,
      ),
    );
    flow.push(
      BLANK,
      ...labelledLines(reviewerBasisLabel(organization), basisText(item.reviewerBasis, 'reviewer'), width),
    );
    flow.push(BLANK, ...labelledLines(RATIONALE_LABEL, item.rationale, width));
  }
  return flow;
}

/** Cut the flow into pages: no page starts or ends with a blank line; headings stay with what follows. */
export function paginate(flow: readonly FlowLine[], linesPerPage: number): LayoutPage[] {
  const pages: LayoutLine[][] = [[]];
  let page: LayoutLine[] = pages[0] ?? [];
  const newPage = () => {
    page = [];
    pages.push(page);
  };
  for (let i = 0; i < flow.length; i++) {
    const f = flow[i];
    if (f === undefined) continue;
    const blank = isBlank(f);
    if (page.length >= linesPerPage) newPage();
    if (blank && page.length === 0) continue;
    if (f.keepWithNext === true && page.length > 0) {
      let need = 1;
      let j = i + 1;
      for (; j < flow.length; j++) {
        const g = flow[j];
        if (g === undefined || !isBlank(g)) break;
        need++;
      }
      if (j < flow.length) need++;
      if (page.length + need > linesPerPage && need <= linesPerPage) newPage();
    }
    page.push(f.line);
  }
  const out: LayoutPage[] = [];
  for (const p of pages) {
    let end = p.length;
    while (end > 0 && (p[end - 1]?.text.trim() ?? '') === '' && p[end - 1]?.cells === undefined) end--;
    if (end > 0) out.push({ lines: p.slice(0, end) });
  }
  return out;
}

/** Lay out a letter as pages of lines; both renderers draw exactly these lines. */
export function layoutLetter(letter: Letter, opts: LayoutOptions = {}): LayoutPage[] {
  const width = Math.max(20, Math.floor(opts.width ?? DEFAULT_WIDTH));
  const linesPerPage = Math.max(5, Math.floor(opts.linesPerPage ?? DEFAULT_LINES_PER_PAGE));
  const organization = collapse(opts.organization ?? DEFAULT_ORGANIZATION) || DEFAULT_ORGANIZATION;
  return paginate(flowLetter(letter, width, organization), linesPerPage);
}

/** The text of a line as printed: indent spaces, then the text, trailing spaces removed. */
export function lineText(line: LayoutLine): string {
  return `${' '.repeat(line.indent ?? 0)}${line.text}`.trimEnd();
}
