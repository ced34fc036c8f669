import { z } from 'zod';
import { type Case, type DisputedItem, LetterFormat, type LetterRecord, type PartyRole } from '../domain/case.js';
import { localDateOf } from '../domain/clock-dates.js';
import { type ImrError, imrError } from '../domain/errors.js';
import type { Letter } from '../domain/letter.js';
import type { Result } from '../domain/result.js';
import type { RecipientKind } from '../letter/index.js';
import { documents, type Handle, items as itemRepo, letters, type StoredFile } from '../store/index.js';
import type { Actor } from './actor.js';
import {
  CaseRef,
  caseAssignments,
  caseDeterminations,
  caseFacts,
  caseItems,
  caseParties,
  caseSummary,
  fail,
  keep,
  loadCase,
  parseCommandInput,
  recordChange,
} from './case-ops.js';
import { attempt, type Scope } from './context.js';
import { addresseesOf, determinationPages, referenceOf, renderPages } from './correspondence.js';
import { CLINICAL_SUMMARY_TITLE } from './determination.js';
import { buildLetter, type ItemOutcome } from './letter-build.js';
import { redactLetter, sensitiveTermsOf } from './redaction.js';
import { CASE_ACTIONS } from './timeline.js';

/**
 * Issuing the Final Determination Letter. Built from the case and its determinations, rendered as
 * text and PDF by src/letter, stored as the final letter, one copy per party entitled to it (LC
 * 4610.6(f): employer and claims administrator, employee and representative, the requesting
 * physician) and a public copy with identifying information removed (LC 4610.6(m)). The outcome of
 * record goes on each item. Rendering and storing the bytes happen before the transaction; the
 * transaction checks that the case is still the version the letter was built from.
 */

/** Who receives a copy of the letter. */
export const LETTER_RECIPIENT: Record<PartyRole, boolean> = {
  employee: true,
  representative: true,
  'requesting-physician': true,
  employer: true,
  'claims-administrator': true,
  insurer: true,
  'ur-organization': false,
  'ur-reviewer': false,
  facility: false,
  manufacturer: false,
};

export const IssueLetterInput = CaseRef.extend({
  /** The summary to print; by default the reviewer's latest clinical case summary on the case. */
  clinicalSummary: z.string().trim().min(1).optional(),
  formats: z.array(LetterFormat).min(1).optional(),
});
export type IssueLetterInput = z.input<typeof IssueLetterInput>;

export interface IssuedLetter {
  readonly case: Case;
  readonly letter: Letter;
  readonly publicLetter: Letter;
  readonly records: readonly LetterRecord[];
}

interface Prepared {
  readonly letter: Letter;
  readonly publicLetter: Letter;
  readonly outcomes: readonly ItemOutcome[];
  readonly finalFiles: Partial<Record<LetterFormat, StoredFile>>;
  readonly publicFiles: Partial<Record<LetterFormat, StoredFile>>;
  readonly partyFiles: readonly { role: PartyRole; format: LetterFormat; file: StoredFile | undefined }[];
  readonly recipients: readonly PartyRole[];
  readonly summaryDocumentId: number | undefined;
  readonly items: readonly DisputedItem[];
}

async function latestSummary(h: Handle, caseId: number): Promise<{ id: number; text: string } | undefined> {
  const docs = (await documents.listByCase(h, caseId)).filter(
    (d) => d.kind === 'other' && d.title === CLINICAL_SUMMARY_TITLE,
  );
  const last = docs.at(-1);
  if (last === undefined) return undefined;
  const full = await documents.getById(h, last.id);
  return full?.extractedText === undefined ? undefined : { id: last.id, text: full.extractedText };
}

type Copy = Parameters<typeof determinationPages>[2];

/** Renders one copy of the letter in each format and stores the files (side by side: mostly file-system waits). */
async function render(
  scope: Scope,
  letter: Letter,
  copy: Copy,
  formats: readonly LetterFormat[],
): Promise<Partial<Record<LetterFormat, StoredFile>>> {
  const pages = determinationPages(scope.options.letterhead, letter, copy);
  const day = letter.case.decisionDate ?? localDateOf(scope.at);
  const stored = await Promise.all(
    formats.map(
      async (format) => [format, await scope.store.files.put(await renderPages(pages, format, day))] as const,
    ),
  );
  return Object.fromEntries(stored);
}

async function prepare(scope: Scope, ref: CaseRef, input: z.infer<typeof IssueLetterInput>): Promise<Prepared> {
  const h = scope.read;
  const c = await loadCase(h, ref, 'issueLetter');
  const [itemList, decisions, all, partyList, facts, summary] = await Promise.all([
    caseItems(h, c, scope),
    caseDeterminations(h, c, scope),
    caseAssignments(h, c, scope),
    caseParties(h, c.id, scope),
    caseFacts(h, c, scope),
    input.clinicalSummary === undefined
      ? caseSummary(scope, c, () => latestSummary(h, c.id))
      : Promise.resolve(undefined),
  ]);
  const built = buildLetter({
    case: c,
    items: itemList,
    determinations: decisions,
    assignments: all.filter((a) => a.endedAt === undefined),
    clinicalSummary: input.clinicalSummary ?? summary?.text ?? '',
    issuedOn: localDateOf(scope.at),
  });
  if (!built.ok) return fail(built.error);
  const publicLetter = redactLetter(
    built.value.letter,
    sensitiveTermsOf(partyList, facts.application, facts.urDecision),
  );
  const formats = [...new Set(input.formats ?? scope.options.letterFormats)];
  // Each party's copy is the letter behind a cover page addressed to them (the PDF when there is one).
  const delivered: LetterFormat = formats.includes('pdf') ? 'pdf' : 'text';
  const letter = built.value.letter;
  const reference = referenceOf(c, facts.application);
  const date = localDateOf(scope.at);
  const roles = (Object.keys(LETTER_RECIPIENT) as PartyRole[]).filter((r) => LETTER_RECIPIENT[r]);
  const addressees = addresseesOf(roles as RecipientKind[], partyList, facts.application);
  const [finalFiles, publicFiles, partyFiles] = await Promise.all([
    render(scope, letter, { kind: 'file' }, formats),
    render(scope, publicLetter, { kind: 'public' }, formats),
    Promise.all(
      addressees.map(async (addressee) => {
        const files = await render(scope, letter, { kind: 'party', addressee, reference, date }, [delivered]);
        return { role: addressee.kind as PartyRole, format: delivered, file: files[delivered] };
      }),
    ),
  ]);
  return {
    letter,
    publicLetter,
    outcomes: built.value.outcomes,
    finalFiles,
    publicFiles,
    partyFiles,
    recipients: addressees.map((a) => a.kind as PartyRole),
    items: itemList,
    summaryDocumentId: summary?.id,
  };
}

export async function issueLetter(scope: Scope, actor: Actor, raw: unknown): Promise<Result<IssuedLetter, ImrError>> {
  const parsed = parseCommandInput(IssueLetterInput, raw, 'letter issue');
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  const ref = { caseId: input.caseId, expectedVersion: input.expectedVersion };
  return attempt(async () => {
    const p = await prepare(scope, ref, input);
    return scope.write(async (tx) => {
      const c = await loadCase(tx, ref, 'issueLetter');
      const day = localDateOf(scope.at);
      const formats = Object.keys(p.finalFiles) as LetterFormat[];
      const upheld = p.outcomes.filter((o) => o.decision === 'Upheld').length;
      const changed = await recordChange(tx, scope, actor, {
        case: c,
        stage: 'letter-issued',
        patch: { decisionDate: day, letterIssuedDate: day },
        action: CASE_ACTIONS.letterIssued,
        details: {
          eventAt: scope.at,
          items: p.outcomes.length,
          upheld,
          overturned: p.outcomes.length - upheld,
          panelItems: p.outcomes.filter((o) => o.rule !== 'single-reviewer').length,
          formats: formats.join(','),
          recipients: p.recipients.join(','),
          summaryDocumentId: p.summaryDocumentId ?? null,
        },
      });
      const updated = new Map<number, DisputedItem>();
      for (const o of p.outcomes) {
        updated.set(
          o.itemId,
          await itemRepo.update(tx, o.itemId, {
            status: 'determined',
            decision: o.decision,
            reviewerBasis: o.reviewerBasis,
            rationale: o.rationale,
          }),
        );
      }
      keep(
        scope,
        changed.case,
        'items',
        p.items.map((i) => updated.get(i.id) ?? i),
      );
      const records: LetterRecord[] = [];
      const base = { caseId: c.id, issuedAt: scope.at };
      for (const format of formats) {
        const file = p.finalFiles[format];
        if (file === undefined) continue;
        records.push(
          await letters.create(tx, {
            ...base,
            kind: 'final',
            format,
            storagePath: file.storagePath,
            sha256: file.sha256,
            letter: p.letter,
          }),
        );
      }
      for (const copy of p.partyFiles) {
        if (copy.file === undefined) return fail(imrError('IMR_INTERNAL', 'A party copy was not rendered.'));
        records.push(
          await letters.create(tx, {
            ...base,
            kind: 'party-copy',
            recipientRole: copy.role,
            format: copy.format,
            storagePath: copy.file.storagePath,
            sha256: copy.file.sha256,
            letter: p.letter,
          }),
        );
      }
      for (const format of formats) {
        const file = p.publicFiles[format];
        if (file === undefined) continue;
        records.push(
          await letters.create(tx, {
            ...base,
            kind: 'public-redacted',
            format,
            storagePath: file.storagePath,
            sha256: file.sha256,
            letter: p.publicLetter,
          }),
        );
      }
      return { case: changed.case, letter: p.letter, publicLetter: p.publicLetter, records };
    });
  });
}
