import type { Letter } from '../domain/letter.js';
import {
  BLANK,
  bodyLines,
  collapse,
  DEFAULT_LINES_PER_PAGE,
  DEFAULT_WIDTH,
  type FlowLine,
  flowLetter,
  formatUsDate,
  HEADER_TEXT_COLUMNS,
  headingLine,
  type LayoutPage,
  paginate,
} from './layout.js';

/**
 * The correspondence an IMR organization sends, laid out as pages for the text and PDF renderers:
 * the notice of assignment and request for information (8 CCR 9792.10.4–10.5), the notice of
 * ineligibility (LC 4610.5(k); 8 CCR 9792.10.3), and the copies of the Final Determination Letter —
 * each party's copy with a cover page addressed to them, the organization's file copy, and the
 * public copy (no cover, no signature, the letter already redacted). Every page is numbered
 * "Page i of n". Party copies close with the signature block and the notice of the right to appeal
 * to the WCAB within 30 days (LC 4610.6(h); 8 CCR 10575). All wording is ours.
 */

/** The IMR organization as its letters present it (from configuration). */
export interface Letterhead {
  readonly name: string;
  readonly addressLines: readonly string[];
  readonly phone?: string;
  /** Who signs: a person's name and title (a medical director, say). */
  readonly signatoryName: string;
  readonly signatoryTitle: string;
}

/** A demonstration organization: used when configuration names none. Not a real organization. */
export const DEMO_LETTERHEAD: Letterhead = {
  name: 'Golden Poppy Independent Review',
  addressLines: ['1000 Example Way, Suite 300', 'Sacramento, CA 95814'],
  phone: '(916) 555-0100',
  signatoryName: 'A. Demonstration, MD',
  signatoryTitle: 'Medical Director',
};

/** To whom a copy goes, as the addressee block prints it. */
export type RecipientKind =
  | 'employee'
  | 'representative'
  | 'requesting-physician'
  | 'claims-administrator'
  | 'employer'
  | 'insurer';

export const RECIPIENT_LABEL: Record<RecipientKind, string> = {
  employee: 'Injured Worker',
  representative: 'Representative of the Injured Worker',
  'requesting-physician': 'Requesting Physician',
  'claims-administrator': 'Claims Administrator',
  employer: 'Employer',
  insurer: 'Insurer',
};

export interface Addressee {
  readonly kind: RecipientKind;
  readonly name: string;
  readonly organization?: string;
  /** Street lines, then "City, ST ZIP"; empty when the case holds no address. */
  readonly addressLines: readonly string[];
}

/** The "RE:" block: who and what the correspondence is about. */
export interface CaseReference {
  readonly caseNumber: string;
  readonly employeeName?: string;
  readonly claimNumber?: string;
  readonly injuryDate?: string;
  readonly urDecisionDate?: string;
  readonly applicationReceived?: string;
  readonly requestingPhysician?: string;
}

export interface DisputedTreatmentLine {
  readonly request: string;
  readonly originalRequest?: string;
  readonly authorizedPortion?: string;
}

interface Common {
  readonly letterhead: Letterhead;
  /** ISO date the document is dated. */
  readonly date: string;
  readonly addressee: Addressee;
  readonly reference: CaseReference;
}

export interface NoticeOfAssignmentInput extends Common {
  readonly assignedOn: string;
  readonly priority: 'standard' | 'expedited';
  readonly items: readonly DisputedTreatmentLine[];
  /** ISO date the records are due, when the case's clock gives one. */
  readonly recordsDue?: string;
}

export interface IneligibilityReason {
  readonly message: string;
  /** The rule it rests on ("8 CCR 9792.10.1(b)(1)"). */
  readonly source?: string;
}

export interface NoticeOfIneligibilityInput extends Common {
  readonly reasons: readonly IneligibilityReason[];
  /** Items found ineligible on their own, with their reasons. */
  readonly items: readonly { readonly request: string; readonly reasons: readonly IneligibilityReason[] }[];
}

export interface DeterminationCopyInput {
  readonly letterhead: Letterhead;
  /** The letter of this copy (the public copy passes the redacted letter). */
  readonly letter: Letter;
  /** A party's copy: the cover page addressed to them. Absent: the file copy or the public copy. */
  readonly cover?: Omit<Common, 'letterhead'>;
  /** Print the signature block (every copy but the public one). */
  readonly signed: boolean;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** ISO date → "March 4, 2026". */
export function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${MONTHS[Number(m[2]) - 1] ?? m[2]} ${Number(m[3])}, ${m[1]}`;
}

const WIDTH = DEFAULT_WIDTH;
/** Lines of text per page; the last two lines of a page are a gap and the page number. */
const TEXT_LINES = DEFAULT_LINES_PER_PAGE - 2;

function centered(text: string): FlowLine {
  const t = collapse(text);
  return { line: { text: t, style: 'centered', indent: Math.max(0, Math.floor((WIDTH - t.length) / 2)) } };
}

function plain(text: string): FlowLine {
  return { line: { text: collapse(text), style: 'body' } };
}

function letterheadLines(h: Letterhead): FlowLine[] {
  return [
    headingLine(collapse(h.name).toUpperCase(), WIDTH),
    ...h.addressLines.map(centered),
    ...(h.phone === undefined ? [] : [centered(`Telephone ${h.phone}`)]),
    BLANK,
  ];
}

function addresseeLines(a: Addressee): FlowLine[] {
  const lines = [
    plain(a.name),
    ...(a.organization === undefined || collapse(a.organization) === collapse(a.name) ? [] : [plain(a.organization)]),
    ...(a.addressLines.length === 0
      ? [plain('(no mailing address on file; delivered through the case file)')]
      : a.addressLines.map(plain)),
  ];
  return [plain(`To the ${RECIPIENT_LABEL[a.kind]}:`), ...lines.map((l) => ({ line: { ...l.line, indent: 4 } }))];
}

function referenceLines(r: CaseReference): FlowLine[] {
  const rows: [string, string | undefined][] = [
    ['IMR Case Number:', r.caseNumber],
    ['Employee:', r.employeeName],
    ['Claim Number:', r.claimNumber],
    ['Date of Injury:', r.injuryDate === undefined ? undefined : formatUsDate(r.injuryDate)],
    ['UR Decision Date:', r.urDecisionDate === undefined ? undefined : formatUsDate(r.urDecisionDate)],
    ['Requesting Physician:', r.requestingPhysician],
    ['Application Received:', r.applicationReceived === undefined ? undefined : formatUsDate(r.applicationReceived)],
  ];
  const kept = rows.filter((row): row is [string, string] => row[1] !== undefined && collapse(row[1]) !== '');
  return [
    plain('RE:'),
    // Drawn like the letter's header table: label and value at fixed columns (no grid: no row number).
    ...kept.map(([label, value]) => ({
      line: {
        text: `${label.padEnd(HEADER_TEXT_COLUMNS[1])}${collapse(value)}`,
        style: 'header' as const,
        cells: [
          { column: 0 as const, text: label, bold: true },
          { column: 1 as const, text: collapse(value), bold: false },
        ],
      },
    })),
  ];
}

function opening(c: Common): FlowLine[] {
  return [
    ...letterheadLines(c.letterhead),
    plain(longDate(c.date)),
    BLANK,
    ...addresseeLines(c.addressee),
    BLANK,
    ...referenceLines(c.reference),
    BLANK,
  ];
}

function paragraph(text: string): FlowLine[] {
  return [...bodyLines(text, WIDTH), BLANK];
}

function numbered(entries: readonly string[]): FlowLine[] {
  return entries.flatMap((e, i) => {
    const prefix = `${i + 1}. `;
    return bodyLines(`${prefix}${e}`, WIDTH - 4).map((l, j) => ({
      line: { ...l.line, indent: j === 0 ? 2 : 2 + prefix.length },
    }));
  });
}

function signatureLines(h: Letterhead): FlowLine[] {
  return [
    { ...plain('Sincerely,'), keepWithNext: true },
    { ...BLANK, keepWithNext: true },
    { ...plain(h.signatoryName), keepWithNext: true },
    { ...plain(h.signatoryTitle), keepWithNext: true },
    { ...plain(h.name), keepWithNext: true },
    plain("for the Administrative Director, Division of Workers' Compensation"),
  ];
}

const APPEAL_HEADING = 'YOUR RIGHT TO APPEAL THIS DETERMINATION';

/** The notice of appeal rights for a Final Determination (LC 4610.6(g)–(i); 8 CCR 10575), in our words. */
export function appealNoticeParagraphs(): string[] {
  return [
    "This determination is the determination of the Administrative Director of the Division of Workers' " +
      'Compensation and binds the employee and the employer (Labor Code section 4610.6(g)).',
    'A party who disagrees may appeal it to the Workers’ Compensation Appeals Board (WCAB) by filing a verified ' +
      'petition appealing the independent medical review determination within 30 days of the date this ' +
      'determination was mailed, and serving it on every other party and on the DWC Independent Medical Review ' +
      'Unit (Labor Code section 4610.6(h); title 8, California Code of Regulations, section 10575). The petition ' +
      'must give the IMR case number and the WCAB (ADJ) case number, and set out each ground for appeal in detail.',
    'The determination is presumed correct. The WCAB may set it aside only on clear and convincing evidence of ' +
      'one or more of these grounds: (1) the Administrative Director acted without or beyond the Administrative ' +
      "Director's powers; (2) the determination was obtained by fraud; (3) the reviewer had a material conflict " +
      'of interest under Labor Code section 139.5; (4) the determination resulted from bias based on race, national ' +
      'origin, ethnic group identification, religion, age, sex, sexual orientation, color or disability; or (5) ' +
      'it rests on a plainly mistaken finding of fact that is a matter of ordinary knowledge from the records ' +
      'submitted, not a matter of expert opinion. If the appeal succeeds, the dispute goes to a new independent ' +
      'medical review, not to a judge for a decision on medical necessity (Labor Code section 4610.6(i)).',
  ];
}

function appealLines(): FlowLine[] {
  return [
    BLANK,
    headingLine(APPEAL_HEADING, WIDTH),
    ...appealNoticeParagraphs().flatMap((p) => [...bodyLines(p, WIDTH), BLANK]),
  ];
}

/** Number every page "Page i of n" on its last line, the text above it at most `TEXT_LINES` lines. */
export function numberPages(pages: readonly LayoutPage[]): LayoutPage[] {
  const n = pages.length;
  return pages.map((p, i) => {
    const lines = [...p.lines];
    while (lines.length < TEXT_LINES + 1) lines.push({ text: '', style: 'body' });
    const label = `Page ${i + 1} of ${n}`;
    lines.push({ text: label, style: 'centered', indent: Math.floor((WIDTH - label.length) / 2) });
    return { lines };
  });
}

function pages(flow: readonly FlowLine[]): LayoutPage[] {
  return paginate(flow, TEXT_LINES);
}

function treatmentEntries(items: readonly DisputedTreatmentLine[]): string[] {
  return items.map((i) =>
    i.authorizedPortion === undefined
      ? collapse(i.request)
      : `${collapse(i.originalRequest ?? i.request)} (utilization review authorized ${collapse(i.authorizedPortion)}; ` +
        `the remaining portion is in dispute: ${collapse(i.request)})`,
  );
}

function submitTo(h: Letterhead, caseNumber: string): string {
  return (
    `Send documents to ${h.name}, ${h.addressLines.join(', ')}, marked with IMR case number ${caseNumber} on ` +
    'every page, or through the organization’s secure upload service. Do not send original films or records ' +
    'you need returned.'
  );
}

/** Notice of Assignment and Request for Information, addressed to one party. */
export function layoutNoticeOfAssignment(input: NoticeOfAssignmentInput): LayoutPage[] {
  const h = input.letterhead;
  const ref = input.reference;
  const flow: FlowLine[] = [
    ...opening(input),
    headingLine('NOTICE OF ASSIGNMENT AND REQUEST FOR INFORMATION', WIDTH),
    BLANK,
    ...paragraph(
      `The application for independent medical review${ref.applicationReceived === undefined ? '' : ` received on ${longDate(ref.applicationReceived)}`} ` +
        `was found eligible, and on ${longDate(input.assignedOn)} the Administrative Director of the Division of Workers' ` +
        `Compensation assigned it to ${h.name} for ${input.priority === 'expedited' ? 'expedited' : 'standard'} ` +
        'independent medical review (Labor Code section 4610.5; title 8, California Code of Regulations, section 9792.10.4). ' +
        'An expert physician reviewer with no conflict of interest will decide whether the disputed treatment is ' +
        'medically necessary. The reviewer’s name is kept confidential.',
    ),
    { ...plain('Treatment in dispute:'), keepWithNext: true },
    ...numbered(treatmentEntries(input.items)),
    BLANK,
  ];
  if (input.addressee.kind === 'claims-administrator' || input.addressee.kind === 'insurer') {
    const due =
      input.recordsDue === undefined
        ? ''
        : ` For this case that is no later than ${longDate(input.recordsDue)} if this notice was mailed.`;
    flow.push(
      headingLine('REQUEST FOR INFORMATION', WIDTH),
      BLANK,
      ...paragraph(
        `${h.name} must receive the following documents from the claims administrator within 15 days after this ` +
          'notice was mailed, 12 days if it was sent electronically, or 24 hours for an expedited review ' +
          `(title 8, California Code of Regulations, section 9792.10.5).${due}`,
      ),
      ...numbered([
        'The treating physicians’ reports on the employee’s current condition from the six months before the ' +
          'request for authorization, including every report named in the request or in the utilization review decision.',
        'The DWC Form IMR as it was sent to the employee.',
        'Every other notice or document given to the employee about the utilization review decision.',
        'Everything the employee or the requesting physician sent in support of the request.',
        'Any other document the claims administrator or the utilization review organization relied on, with its ' +
          'statement of reasons.',
      ]),
      BLANK,
      ...paragraph(
        'At the same time, send the employee and the requesting physician a copy of these documents, or a list of ' +
          'those they already have. Records received late may lead to administrative penalties (title 8, California ' +
          'Code of Regulations, section 9792.12). Tell us within five working days if the claims administrator changes, ' +
          'and at once if the treatment is authorized or the dispute settles, so that the review can end.',
      ),
    );
  } else {
    flow.push(
      headingLine('INFORMATION YOU MAY SEND', WIDTH),
      BLANK,
      ...paragraph(
        input.addressee.kind === 'requesting-physician'
          ? 'You may send any information that supports the request, such as recent progress reports, test results ' +
              'or the reasons the treatment is needed. The claims administrator must send the medical records listed ' +
              'in its copy of this notice; you need not send them again.'
          : 'You may send any information that supports the request, such as medical records or a statement. You ' +
              'are not required to send anything: the claims administrator must send the medical records the ' +
              'reviewer needs, and must send you a copy or a list of them.',
      ),
    );
  }
  flow.push(...paragraph(submitTo(h, ref.caseNumber)), ...signatureLines(h));
  return numberPages(pages(flow));
}

/** Notice that an application is not eligible for independent medical review, with the reasons. */
export function layoutNoticeOfIneligibility(input: NoticeOfIneligibilityInput): LayoutPage[] {
  const h = input.letterhead;
  const ref = input.reference;
  const reasonText = (r: IneligibilityReason) => (r.source === undefined ? r.message : `${r.message} (${r.source})`);
  const flow: FlowLine[] = [
    ...opening(input),
    headingLine('NOTICE OF INELIGIBILITY FOR INDEPENDENT MEDICAL REVIEW', WIDTH),
    BLANK,
    ...paragraph(
      `${h.name} screened the application for independent medical review` +
        `${ref.applicationReceived === undefined ? '' : ` received on ${longDate(ref.applicationReceived)}`} for the ` +
        "Administrative Director of the Division of Workers' Compensation (Labor Code section 4610.5(k); title 8, " +
        'California Code of Regulations, section 9792.10.3). The application is not eligible for independent medical ' +
        'review for the following reason(s):',
    ),
    ...numbered(input.reasons.map(reasonText)),
    BLANK,
  ];
  if (input.items.length > 0) {
    flow.push({ ...plain('Treatment found ineligible on its own:'), keepWithNext: true });
    flow.push(
      ...numbered(input.items.map((i) => `${collapse(i.request)}: ${i.reasons.map(reasonText).join(' ')}`)),
      BLANK,
    );
  }
  flow.push(
    ...paragraph(
      'The utilization review decision therefore stands for the treatment named above, unless a new application ' +
        'that cures the reason is received within the time allowed for filing.',
    ),
    headingLine(APPEAL_HEADING, WIDTH),
    BLANK,
    ...paragraph(
      'A determination that an application is ineligible may be appealed to the Workers’ Compensation Appeals Board ' +
        'by a verified petition filed within 30 days after service of this notice and served on every other party and ' +
        'on the DWC Independent Medical Review Unit (title 8, California Code of Regulations, section 10575). The ' +
        'petition must give the IMR case number and the WCAB (ADJ) case number.',
    ),
    ...signatureLines(h),
  );
  return numberPages(pages(flow));
}

function coverLines(h: Letterhead, cover: Omit<Common, 'letterhead'>, letter: Letter): FlowLine[] {
  const kind = cover.addressee.kind;
  const results = letter.items.map(
    (i) =>
      `${collapse(i.request)}: ${i.decision} — ${
        i.decision === 'Overturned'
          ? 'the treatment is medically necessary; the utilization review decision is reversed.'
          : 'the treatment is not medically necessary; the utilization review decision stands.'
      }`,
  );
  const overturned = letter.items.some((i) => i.decision === 'Overturned');
  const flow: FlowLine[] = [
    ...opening({ ...cover, letterhead: h }),
    headingLine('FINAL DETERMINATION OF INDEPENDENT MEDICAL REVIEW', WIDTH),
    BLANK,
    ...paragraph(
      `${h.name} has completed the independent medical review of this case for the Administrative Director of the ` +
        "Division of Workers' Compensation. The Final Determination Letter follows this page; it gives the " +
        'expert reviewer’s qualifications, the summary of the case and, for each disputed item, the decision and ' +
        'its reasons. In short:',
    ),
    ...numbered(results),
    BLANK,
  ];
  if (kind === 'claims-administrator' || kind === 'insurer' || kind === 'employer') {
    flow.push(
      ...paragraph(
        overturned
          ? 'Where an item is Overturned, the claims administrator must authorize the treatment within five working ' +
              'days of receiving this determination, and pay for treatment already given within 20 days, unless it ' +
              'disputes liability on other grounds or an appeal is filed (Labor Code section 4610.6(j)–(k); title 8, ' +
              'California Code of Regulations, section 9792.10.7).'
          : 'Every item is Upheld: the utilization review decision stands and nothing is to be authorized under this ' +
              'determination.',
      ),
    );
  } else if (kind === 'requesting-physician') {
    flow.push(
      ...paragraph(
        overturned
          ? 'Where an item is Overturned, the claims administrator must authorize it within five working days of ' +
              'receiving this determination. A new request for treatment Upheld here needs a documented change in ' +
              'the facts (Labor Code section 4610(k)).'
          : 'A new request for the same treatment within 12 months needs a documented change in the facts that ' +
              'supports it (Labor Code section 4610(k)).',
      ),
    );
  } else {
    flow.push(
      ...paragraph(
        (overturned
          ? 'Where an item is Overturned, the claims administrator must arrange for the treatment. '
          : 'Where an item is Upheld, the claims administrator does not have to pay for that treatment. ') +
          (kind === 'representative'
            ? 'This copy is sent to you as the injured worker’s representative.'
            : 'If you have an attorney, a copy has been sent to them as well.'),
      ),
    );
  }
  flow.push(
    ...paragraph(
      'The reviewer’s name is kept confidential by law (Labor Code section 4610.6(f)). How to appeal is explained at ' +
        'the end of the letter.',
    ),
  );
  return flow;
}

/**
 * A copy of the Final Determination Letter: a party's copy opens with its cover page; every copy but
 * the public one is signed; every copy ends with the appeal-rights notice and has numbered pages.
 */
export function layoutDeterminationCopy(input: DeterminationCopyInput): LayoutPage[] {
  const h = input.letterhead;
  const cover = input.cover === undefined ? [] : pages(coverLines(h, input.cover, input.letter));
  const body: FlowLine[] = [
    ...flowLetter(input.letter, WIDTH, collapse(h.name)),
    ...(input.signed ? [BLANK, ...signatureLines(h)] : []),
    ...appealLines(),
  ];
  return numberPages([...cover, ...pages(body)]);
}
