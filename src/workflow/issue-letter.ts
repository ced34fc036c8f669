import { z } from 'zod';
import { type Case, type DisputedItem, LetterFormat, type LetterRecord, type PartyRole } from '../domain/case.js';
import { localDateOf } from '../domain/clock-dates.js';
import { type ImrError, imrError } from '../domain/errors.js';
import type { Letter } from '../domain/letter.js';
import type { Result } from '../domain/result.js';
import { renderLetterPdf, renderLetterText } from '../letter/index.js';
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

async function render(
  scope: Scope,
  letter: Letter,
  formats: readonly LetterFormat[],
): Promise<Partial<Record<LetterFormat, StoredFile>>> {
  const organization = scope.options.organization;
  const layout = organization === undefined ? {} : { organization };
  // The formats' files are written side by side: each write mostly waits on the file system.
  const stored = await Promise.all(
    formats.map(async (format) => {
      const bytes =
        format === 'text'
          ? new TextEncoder().encode(renderLetterText(letter, layout))
          : await renderLetterPdf(letter, layout);
      return [format, await scope.store.files.put(bytes)] as const;
    }),
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
  const [finalFiles, publicFiles] = await Promise.all([
    render(scope, built.value.letter, formats),
    render(scope, publicLetter, formats),
  ]);
  return {
    letter: built.value.letter,
    publicLetter,
    outcomes: built.value.outcomes,
    finalFiles,
    publicFiles,
    recipients: [...new Set(partyList.map((p) => p.role))].filter((r) => LETTER_RECIPIENT[r]),
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
      // The copy each party receives is the final letter itself (the PDF when there is one).
      const delivered = formats.includes('pdf') ? 'pdf' : 'text';
      const copy = p.finalFiles[delivered];
      if (copy === undefined) return fail(imrError('IMR_INTERNAL', 'The letter was not rendered.'));
      for (const recipientRole of p.recipients) {
        records.push(
          await letters.create(tx, {
            ...base,
            kind: 'party-copy',
            recipientRole,
            format: delivered,
            storagePath: copy.storagePath,
            sha256: copy.sha256,
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
