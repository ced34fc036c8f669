import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../domain/case.js';
import { parseLetterText } from '../letter/index.js';
import { assignments, auditEvents, cases, determinations, items, type Store, users } from '../store/index.js';
import { storeTargets, type TestStore } from '../store/test-targets.js';
import {
  actorAs,
  faultyStore,
  intakeInput,
  MTUS_BASIS,
  SYSTEM,
  seedReviewer,
  TestClock,
  textDocument,
} from './test-fixtures.js';
import { CASE_ACTIONS, DOCUMENT_READ_ACTION } from './timeline.js';
import { createWorkflow, type WorkflowService } from './workflow.js';

const targets = await storeTargets();

let claimCounter = 0;
const freshClaim = () => {
  claimCounter += 1;
  return `CLM-${String(process.pid % 1000).padStart(3, '0')}${String(claimCounter).padStart(5, '0')}`;
};

function value<T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code} ${JSON.stringify(r.error)}`);
  return r.value;
}

async function auditCount(store: Store, caseId: number): Promise<number> {
  return (await auditEvents.listByCase(store, caseId)).filter((e) => e.action !== DOCUMENT_READ_ACTION).length;
}

for (const target of targets) {
  describe.skipIf(target.skip !== undefined)(`case lifecycle — ${target.title}`, () => {
    let t: TestStore;
    let store: Store;
    let clock: TestClock;
    let wf: WorkflowService;
    const reviewer: Record<'pmr' | 'conflicted' | 'qme' | 'ortho' | 'spouse', number> = {
      pmr: 0,
      conflicted: 0,
      qme: 0,
      ortho: 0,
      spouse: 0,
    };

    beforeAll(async () => {
      t = await target.open();
      store = t.store;
      clock = new TestClock('2024-03-01T17:00:00Z');
      wf = createWorkflow({ store, now: clock.now, options: { letterFormats: ['text'] } });
      const seeded = await store.transaction(async (tx) => ({
        // Best specialty fit for a spine injection, but employed by the employer: conflicted.
        conflicted: await seedReviewer(tx, {
          name: 'Dr. Ines Marlow',
          boards: ['Pain Medicine'],
          affiliations: [
            { organizationName: 'Brightwater Packing Company', kind: 'employer', relationship: 'employment' },
          ],
        }),
        // Also pain medicine, but a QME: unqualified.
        qme: await seedReviewer(tx, { name: 'Dr. Oren Vasquez', boards: ['Pain Medicine'], qme: 'certified' }),
        pmr: await seedReviewer(tx, { name: 'Dr. Hana Okafor', boards: ['Physical Medicine and Rehabilitation'] }),
        ortho: await seedReviewer(tx, { name: 'Dr. Felix Brandt', boards: ['Orthopedic Surgery'], states: ['NV'] }),
        // Married to the requesting physician.
        spouse: await seedReviewer(tx, {
          name: 'Dr. Lena Ellsworth',
          boards: ['Physical Medicine and Rehabilitation'],
          affiliations: [
            {
              organizationName: 'Ellsworth Family',
              kind: 'family',
              relationship: 'spouse',
              personName: 'Rowan Ellsworth',
            },
          ],
        }),
      }));
      Object.assign(reviewer, value(seeded));
    });
    afterAll(async () => {
      await t?.dispose();
    });

    /** Intake and screening of a fresh eligible case. */
    async function eligibleCase(overrides: Parameters<typeof intakeInput>[0] = {}): Promise<Case> {
      clock.set('2024-03-01T17:00:00Z');
      const received = value(
        await wf.receiveApplication(SYSTEM, intakeInput({ claimNumber: freshClaim(), ...overrides })),
      );
      clock.set('2024-03-04T16:00:00Z');
      const screened = value(
        await wf.screenApplication(SYSTEM, { caseId: received.case.id, expectedVersion: received.case.version }),
      );
      expect(screened.case.stage).toBe('eligible');
      return screened.case;
    }

    it('takes a case from intake to an issued letter, auditing every step', async () => {
      const coordinator = actorAs('coordinator', 11, 'req-happy');
      clock.set('2024-03-01T17:00:00Z');
      const claim = freshClaim();
      // The claim number as someone might type it in free text: other separators.
      const typedClaim = `${claim.slice(0, 3)} ${claim.slice(4, 7)} ${claim.slice(7)}`;
      const received = value(await wf.receiveApplication(coordinator, intakeInput({ claimNumber: claim })));
      expect(received.case.stage).toBe('received');
      expect(received.itemIds).toHaveLength(2);
      expect(received.documentIds).toHaveLength(1);

      clock.set('2024-03-04T16:00:00Z');
      const screened = value(
        await wf.screenApplication(coordinator, { caseId: received.case.id, expectedVersion: received.case.version }),
      );
      expect(screened.eligibility.status).toBe('eligible');
      expect(screened.case.stage).toBe('eligible');
      // The notice of assignment is due one business day after eligibility (Tuesday).
      expect(screened.case.dueDate).toBe('2024-03-05');

      const assigned = value(
        await wf.assignReviewer(coordinator, { caseId: received.case.id, expectedVersion: screened.case.version }),
      );
      // The conflicted and the QME pain specialists rank above on fit but are passed over.
      expect(assigned.assignments.map((a) => a.reviewerId)).toEqual([reviewer.pmr]);
      expect(assigned.explanation).toMatch(
        /^Chosen automatically .*Physical Medicine & Rehabilitation is a strong fit/,
      );
      expect(assigned.explanation).toContain('one who has a conflict of interest with the employer');
      expect(assigned.explanation).toContain('one who holds a current QME certification');
      expect(assigned.explanation).not.toMatch(/reviewer \d+ \(|\b\d+: |not-a-qme/);
      expect(assigned.explanation).not.toMatch(/Okafor|Marlow|Vasquez|Quillfeather|Brightwater/);
      expect(assigned.case.reviewerCredentials).toEqual({
        licensure: ['California'],
        specialties: ['Physical Medicine & Rehabilitation'],
        subspecialties: [],
      });
      const stored = value(await store.transaction((tx) => assignments.listByCase(tx, received.case.id)));
      expect(stored[0]?.conflictScreen.clear).toBe(true);
      expect(stored[0]?.qualification.qualified).toBe(true);
      expect(stored[0]?.qualification.selection).toMatchObject({ explanation: assigned.explanation });

      const noticed = value(
        await wf.sendNoticeOfAssignment(coordinator, {
          caseId: received.case.id,
          expectedVersion: assigned.case.version,
          method: 'electronic',
        }),
      );
      expect(noticed.case.stage).toBe('records-requested');
      expect(noticed.case.dueDate).toBe('2024-03-18'); // 12 days after an electronic notice, a Saturday → Monday

      clock.set('2024-03-12T18:00:00Z');
      const records = value(
        await wf.receiveRecords(coordinator, {
          caseId: received.case.id,
          expectedVersion: noticed.case.version,
          documents: [textDocument('PR-2 report', 'Pain 7/10 radiating to the left leg; positive straight leg raise.')],
        }),
      );
      expect(records.case.stage).toBe('records-received');
      expect(records.case.dueDate).toBe('2024-04-11'); // 30 days after the records

      const caseItems = value(await store.transaction((tx) => items.listByCase(tx, received.case.id)));
      const [esi, pt] = caseItems;
      if (esi === undefined || pt === undefined) throw new Error('items missing');
      clock.set('2024-03-20T20:00:00Z');
      const determined = value(
        await wf.recordDetermination(SYSTEM, {
          caseId: received.case.id,
          expectedVersion: records.case.version,
          reviewerId: reviewer.pmr,
          clinicalSummary:
            'The injured worker is a 52-year-old female with chronic low back pain since 2022. Pat Quillfeather ' +
            `reports radiating leg pain; Dr. Rowan Ellsworth requested an injection. Claim ${typedClaim} is open.`,
          items: [
            {
              itemId: esi.id,
              decision: 'Overturned',
              basis: MTUS_BASIS,
              rationale: 'Radicular findings are documented on examination and imaging; the criteria are met.',
              engineRecommendation: { recommendation: 'Upheld', topic: { id: 'esi' } },
              overrideReason: 'The imaging report the engine did not read confirms the root compression.',
            },
            {
              itemId: pt.id,
              decision: 'Upheld',
              basis: MTUS_BASIS,
              rationale: 'Prior therapy gave no functional gain.',
            },
          ],
        }),
      );
      expect(determined.complete).toBe(true);
      expect(determined.case.stage).toBe('determined');
      expect(determined.summaryDocumentId).toBeDefined();

      clock.set('2024-03-21T18:00:00Z');
      const issued = value(
        await wf.issueLetter(coordinator, {
          caseId: received.case.id,
          expectedVersion: determined.case.version,
          formats: ['text', 'pdf'],
        }),
      );
      expect(issued.case.stage).toBe('letter-issued');
      expect(issued.case.decisionDate).toBe('2024-03-21');
      expect(issued.case.dueDate).toBeUndefined();
      expect(issued.letter.items.map((i) => i.decision)).toEqual(['Overturned', 'Upheld']);
      expect(issued.letter.case).toMatchObject({
        dateAssigned: '2024-03-04',
        decisionDate: '2024-03-21',
        urDenialDate: '2024-02-10',
        applicationReceived: '2024-03-01',
        priority: 'Standard',
      });
      const kinds = issued.records.map((r) => `${r.kind}:${r.recipientRole ?? ''}:${r.format}`);
      expect(kinds).toEqual(
        expect.arrayContaining([
          'final::text',
          'final::pdf',
          'party-copy:employee:pdf',
          'party-copy:representative:pdf',
          'party-copy:requesting-physician:pdf',
          'party-copy:employer:pdf',
          'party-copy:claims-administrator:pdf',
          'public-redacted::text',
          'public-redacted::pdf',
        ]),
      );
      expect(kinds.filter((k) => k.startsWith('party-copy:ur-'))).toEqual([]);
      // The public copy names nobody; the final one is the reviewer's text.
      expect(issued.letter.clinicalSummary).toContain('Pat Quillfeather');
      const publicText = JSON.stringify(issued.publicLetter);
      for (const secret of ['Quillfeather', 'Ellsworth', 'Rowan', typedClaim, 'Brightwater']) {
        expect(publicText).not.toContain(secret);
      }
      expect(issued.publicLetter.patient).toEqual(issued.letter.patient);
      // The stored text renders and parses back to the letter's decisions.
      const publicRecord = issued.records.find((r) => r.kind === 'public-redacted' && r.format === 'text');
      const bytes = await store.files.read(publicRecord?.storagePath ?? '');
      const reparsed = parseLetterText(bytes.toString('utf8'));
      expect(reparsed.ok && reparsed.value.items.map((i) => i.decision)).toEqual(['Overturned', 'Upheld']);
      const pdf = await store.files.read(issued.records.find((r) => r.format === 'pdf')?.storagePath ?? '');
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const after = value(await store.transaction((tx) => items.listByCase(tx, received.case.id)));
      expect(after.map((i) => [i.status, i.decision])).toEqual([
        ['determined', 'Overturned'],
        ['determined', 'Upheld'],
      ]);

      // One audit event per change, in order, each with who and the request id; no names in details.
      const events = await auditEvents.listByCase(store, received.case.id);
      expect(events.map((e) => e.action)).toEqual([
        CASE_ACTIONS.received,
        CASE_ACTIONS.screened,
        CASE_ACTIONS.reviewerAssigned,
        CASE_ACTIONS.noticeSent,
        CASE_ACTIONS.recordsReceived,
        CASE_ACTIONS.determinationRecorded,
        CASE_ACTIONS.letterIssued,
      ]);
      expect(events.length).toBe(issued.case.version);
      expect(events.filter((e) => e.requestId === 'req-happy').length).toBe(6);
      expect(events[0]?.actor).toBe(11);
      expect(JSON.stringify(events)).not.toMatch(/Quillfeather|Ellsworth|Brightwater|CLM-|Okafor/);

      // The clocks from the stored timeline: every IMRO clock met.
      const clocks = value(await wf.caseClocks(coordinator, received.case.id, '2024-04-01T00:00:00Z'));
      expect(clocks.clocks.clocks.map((c) => [c.id, c.status])).toEqual([
        ['application-filing', 'met'],
        ['screening', 'met'],
        ['notice-of-assignment', 'met'],
        ['records', 'met'],
        ['decision', 'met'],
      ]);

      // Reading a document is audited, in its own transaction with the read.
      const doc = value(
        await wf.readDocument(actorAs('qa', 12, 'req-read'), {
          documentId: records.documentIds[0] ?? 0,
          includeBytes: true,
        }),
      );
      expect(doc.document.extractedText).toContain('straight leg raise');
      expect(new TextDecoder().decode(doc.bytes)).toContain('straight leg raise');
      const reads = (await auditEvents.listByCase(store, received.case.id)).filter(
        (e) => e.action === DOCUMENT_READ_ACTION,
      );
      expect(reads.map((e) => [e.entityId, e.actor, e.requestId])).toEqual([
        [String(records.documentIds[0]), 12, 'req-read'],
      ]);

      const closed = value(
        await wf.closeCase(coordinator, { caseId: received.case.id, expectedVersion: issued.case.version }),
      );
      expect(closed.case.stage).toBe('closed');
    });

    it('refuses a conflicted reviewer named by a coordinator, and changes nothing', async () => {
      const c = await eligibleCase();
      const before = await auditCount(store, c.id);
      const r = await wf.assignReviewer(SYSTEM, {
        caseId: c.id,
        expectedVersion: c.version,
        reviewerIds: [reviewer.conflicted],
      });
      expect(r.ok || r.error).toMatchObject({
        code: 'IMR_REVIEWER_CONFLICT',
        details: { reviewerId: reviewer.conflicted, partyRoles: 'employer' },
      });
      const spouse = await wf.assignReviewer(SYSTEM, {
        caseId: c.id,
        expectedVersion: c.version,
        reviewerIds: [reviewer.spouse],
      });
      expect(spouse.ok || spouse.error).toMatchObject({
        code: 'IMR_REVIEWER_CONFLICT',
        details: { partyRoles: 'requesting-physician' },
      });
      expect(r.ok || JSON.stringify(r.error)).not.toMatch(/Marlow|Brightwater/);
      const now = await cases.getById(store, c.id);
      expect(now?.version).toBe(c.version);
      expect(now?.stage).toBe('eligible');
      expect(await auditCount(store, c.id)).toBe(before);
      expect(value(await store.transaction((tx) => assignments.listByCase(tx, c.id)))).toEqual([]);
    });

    it('refuses an unqualified reviewer and an inactive or unknown one', async () => {
      const c = await eligibleCase();
      const r = await wf.assignReviewer(SYSTEM, {
        caseId: c.id,
        expectedVersion: c.version,
        reviewerIds: [reviewer.qme],
      });
      expect(r.ok || r.error).toMatchObject({ code: 'IMR_REVIEWER_UNQUALIFIED', details: { criteria: 'not-a-qme' } });
      const unknown = await wf.assignReviewer(SYSTEM, {
        caseId: c.id,
        expectedVersion: c.version,
        reviewerIds: [999_999],
      });
      expect(unknown.ok || unknown.error.code).toBe('IMR_NOT_FOUND');
      expect((await cases.getById(store, c.id))?.version).toBe(c.version);
    });

    it('screens a late application as ineligible with coded reasons, then refuses to assign it', async () => {
      clock.set('2024-04-30T17:00:00Z');
      const received = value(
        await wf.receiveApplication(
          SYSTEM,
          intakeInput({ claimNumber: freshClaim(), receivedAt: '2024-04-30T17:00:00Z', signed: false }),
        ),
      );
      const screened = value(
        await wf.screenApplication(SYSTEM, { caseId: received.case.id, expectedVersion: received.case.version }),
      );
      expect(screened.eligibility.status).toBe('ineligible');
      expect(screened.case.stage).toBe('ineligible');
      expect(screened.case.stageReason?.split(',').sort()).toEqual(['filed-late', 'not-signed']);
      const caseItems = value(await store.transaction((tx) => items.listByCase(tx, received.case.id)));
      expect(caseItems.every((i) => i.status === 'ineligible')).toBe(true);
      const assign = await wf.assignReviewer(SYSTEM, {
        caseId: received.case.id,
        expectedVersion: screened.case.version,
      });
      expect(assign.ok || assign.error.code).toBe('IMR_CASE_INELIGIBLE');
    });

    it('defers a case whose liability is disputed', async () => {
      clock.set('2024-03-01T17:00:00Z');
      const received = value(
        await wf.receiveApplication(SYSTEM, intakeInput({ claimNumber: freshClaim(), liabilityDisputed: true })),
      );
      const screened = value(
        await wf.screenApplication(SYSTEM, { caseId: received.case.id, expectedVersion: received.case.version }),
      );
      expect(screened.case.stage).toBe('deferred');
      expect(screened.case.stageReason).toBe('liability-disputed');
      // Resolved later: screened again, now eligible.
      const again = value(
        await wf.screenApplication(SYSTEM, {
          caseId: received.case.id,
          expectedVersion: screened.case.version,
          findings: { liabilityDispute: { employerAgreesEligible: true } },
        }),
      );
      expect(again.case.stage).toBe('eligible');
    });

    it('refuses steps out of order with IMR_INVALID_TRANSITION', async () => {
      clock.set('2024-03-01T17:00:00Z');
      const received = value(await wf.receiveApplication(SYSTEM, intakeInput({ claimNumber: freshClaim() })));
      const ref = { caseId: received.case.id, expectedVersion: received.case.version };
      const letter = await wf.issueLetter(SYSTEM, ref);
      expect(letter.ok || letter.error).toMatchObject({
        code: 'IMR_INVALID_TRANSITION',
        details: { command: 'issueLetter', stage: 'received' },
      });
      const notice = await wf.sendNoticeOfAssignment(SYSTEM, { ...ref, method: 'mail' });
      expect(notice.ok || notice.error.code).toBe('IMR_INVALID_TRANSITION');
      const extend = await wf.extendDecision(SYSTEM, { ...ref, days: 2, reason: 'good-cause' });
      expect(extend.ok || extend.error.code).toBe('IMR_INVALID_TRANSITION');
      expect(await auditCount(store, received.case.id)).toBe(1);
    });

    it('lets one of two concurrent changes win; the other gets IMR_CONFLICT and writes nothing', async () => {
      const c = await eligibleCase();
      const assigned = value(await wf.assignReviewer(SYSTEM, { caseId: c.id, expectedVersion: c.version }));
      const ref = { caseId: c.id, expectedVersion: assigned.case.version };
      const results = await Promise.all([
        wf.sendNoticeOfAssignment(actorAs('coordinator', 21, 'req-a'), { ...ref, method: 'mail' }),
        wf.sendNoticeOfAssignment(actorAs('coordinator', 22, 'req-b'), { ...ref, method: 'electronic' }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['IMR_CONFLICT']);
      const events = await auditEvents.listByCase(store, c.id);
      expect(events.filter((e) => e.action === CASE_ACTIONS.noticeSent)).toHaveLength(1);
      expect((await cases.getById(store, c.id))?.version).toBe(assigned.case.version + 1);
      // A stale version is refused the same way.
      const stale = await wf.terminate(SYSTEM, { ...ref, reason: 'settled' });
      expect(stale.ok || stale.error).toMatchObject({
        code: 'IMR_CONFLICT',
        details: { expectedVersion: ref.expectedVersion },
      });
    });

    for (const fault of ['audit-insert', 'after-body'] as const) {
      it(`leaves neither the change nor its audit event when the transaction fails (${fault})`, async () => {
        const c = await eligibleCase();
        const broken = createWorkflow({ store: faultyStore(store, fault), now: clock.now });
        const before = await auditCount(store, c.id);
        const r = await broken.assignReviewer(SYSTEM, { caseId: c.id, expectedVersion: c.version });
        expect(r.ok || r.error).toMatchObject({ code: 'IMR_STORE_UNAVAILABLE', details: { injected: fault } });
        const now = await cases.getById(store, c.id);
        expect(now).toEqual(c);
        expect(await auditCount(store, c.id)).toBe(before);
        expect(value(await store.transaction((tx) => assignments.listByCase(tx, c.id)))).toEqual([]);
        // The same command on the healthy store goes through.
        const ok = await wf.assignReviewer(SYSTEM, { caseId: c.id, expectedVersion: c.version });
        expect(ok.ok).toBe(true);
      });
    }

    it('refuses a duplicate application unless intake confirms it, and suggests consolidation', async () => {
      const claim = freshClaim();
      clock.set('2024-03-01T17:00:00Z');
      const first = value(await wf.receiveApplication(SYSTEM, intakeInput({ claimNumber: claim })));
      const dup = await wf.receiveApplication(SYSTEM, intakeInput({ claimNumber: claim }));
      expect(dup.ok || dup.error).toMatchObject({
        code: 'IMR_CASE_DUPLICATE',
        details: { originalCaseId: first.case.id },
      });
      expect(dup.ok || dup.error.details?.reasons).toContain('same-employee-ur-date-and-treatments');
      const confirmed = value(
        await wf.receiveApplication(SYSTEM, { ...intakeInput({ claimNumber: claim }), confirmedNotDuplicate: true }),
      );
      expect(confirmed.duplicateOverridden?.caseId).toBe(first.case.id);
      // Same employee, physician and injury, another UR decision: one determination could cover both
      // (the confirmed duplicate is not offered: suggestConsolidation leaves duplicates out).
      const other = value(
        await wf.receiveApplication(
          SYSTEM,
          intakeInput({ claimNumber: claim, urDecisionDate: '2024-02-20', treatments: ['MRI lumbar spine'] }),
        ),
      );
      expect(other.consolidation?.caseIds).toEqual([first.case.id]);
      expect(other.consolidation?.reasons).toEqual([
        'same-employee',
        'same-requesting-physician',
        'same-date-of-injury',
      ]);
    });

    it('decides a panel by majority, an even split for the service (Overturned)', async () => {
      const c = await eligibleCase({ treatments: ['Lumbar epidural steroid injection L4-5'] });
      const lone = await wf.assignReviewer(SYSTEM, { caseId: c.id, expectedVersion: c.version, panelSize: 2 });
      expect(lone.ok || lone.error.code).toBe('IMR_VALIDATION');
      const assigned = value(
        await wf.assignReviewer(SYSTEM, {
          caseId: c.id,
          expectedVersion: c.version,
          panelSize: 2,
          adApprovedPanel: true,
        }),
      );
      expect(assigned.assignments.map((a) => a.role)).toEqual(['primary', 'panel']);
      const noticed = value(
        await wf.sendNoticeOfAssignment(SYSTEM, {
          caseId: c.id,
          expectedVersion: assigned.case.version,
          method: 'mail',
        }),
      );
      const records = value(await wf.receiveRecords(SYSTEM, { caseId: c.id, expectedVersion: noticed.case.version }));
      const [item] = value(await store.transaction((tx) => items.listByCase(tx, c.id)));
      const [first, second] = assigned.assignments.map((a) => a.reviewerId);
      const one = value(
        await wf.recordDetermination(SYSTEM, {
          caseId: c.id,
          expectedVersion: records.case.version,
          reviewerId: first ?? 0,
          clinicalSummary: 'A 52-year-old female with low back pain.',
          items: [{ itemId: item?.id ?? 0, decision: 'Upheld', basis: MTUS_BASIS, rationale: 'Criteria unmet.' }],
        }),
      );
      expect(one.complete).toBe(false);
      expect(one.case.stage).toBe('in-review');
      const two = value(
        await wf.recordDetermination(SYSTEM, {
          caseId: c.id,
          expectedVersion: one.case.version,
          reviewerId: second ?? 0,
          items: [{ itemId: item?.id ?? 0, decision: 'Overturned', basis: MTUS_BASIS, rationale: 'Criteria met.' }],
        }),
      );
      expect(two.case.stage).toBe('determined');
      const issued = value(await wf.issueLetter(SYSTEM, { caseId: c.id, expectedVersion: two.case.version }));
      expect(issued.letter.items[0]?.decision).toBe('Overturned');
      expect(issued.letter.items[0]?.rationale).toBe(
        'Reviewer 1 (Upheld): Criteria unmet. Reviewer 2 (Overturned): Criteria met.',
      );
      const stored = value(await store.transaction((tx) => determinations.listByCase(tx, c.id)));
      expect(stored).toHaveLength(2);
    });

    it('needs a reason to depart from the engine, and lets only the assigned reviewer decide', async () => {
      const c = await eligibleCase({ treatments: ['Lumbar epidural steroid injection L4-5'] });
      const assigned = value(await wf.assignReviewer(SYSTEM, { caseId: c.id, expectedVersion: c.version }));
      const noticed = value(
        await wf.sendNoticeOfAssignment(SYSTEM, {
          caseId: c.id,
          expectedVersion: assigned.case.version,
          method: 'mail',
        }),
      );
      const [item] = value(await store.transaction((tx) => items.listByCase(tx, c.id)));
      const decision = {
        itemId: item?.id ?? 0,
        decision: 'Overturned' as const,
        basis: MTUS_BASIS,
        rationale: 'Criteria met.',
        engineRecommendation: { recommendation: 'Upheld' },
      };
      const ref = { caseId: c.id, expectedVersion: noticed.case.version };
      const noReason = await wf.recordDetermination(SYSTEM, { ...ref, reviewerId: reviewer.pmr, items: [decision] });
      expect(noReason.ok || noReason.error.code).toBe('IMR_VALIDATION');
      const other = assigned.assignments[0]?.reviewerId === reviewer.pmr ? reviewer.ortho : reviewer.pmr;
      const notAssigned = await wf.recordDetermination(SYSTEM, {
        ...ref,
        reviewerId: other,
        items: [{ ...decision, overrideReason: 'Imaging.' }],
      });
      expect(notAssigned.ok || notAssigned.error.code).toBe('IMR_VALIDATION');
      const user = value(
        await store.transaction((tx) =>
          users.create(tx, {
            username: `rev${c.id}`,
            displayName: 'Reviewer',
            role: 'reviewer',
            reviewerId: other,
            passwordHash: 'x',
            active: true,
          }),
        ),
      );
      const asOther = await wf.recordDetermination(actorAs('reviewer', user.id), {
        ...ref,
        reviewerId: assigned.assignments[0]?.reviewerId ?? 0,
        items: [{ ...decision, overrideReason: 'Imaging.' }],
      });
      expect(asOther.ok || asOther.error.code).toBe('IMR_FORBIDDEN');
      const read = await wf.readDocument(actorAs('reviewer', user.id), { documentId: 1 });
      expect(read.ok || read.error.code).toMatch(/IMR_FORBIDDEN|IMR_NOT_FOUND/);
      // Decided without the records (8 CCR 9792.10.6(b)(2)): allowed from records-requested.
      const done = value(
        await wf.recordDetermination(SYSTEM, {
          ...ref,
          reviewerId: assigned.assignments[0]?.reviewerId ?? 0,
          items: [{ ...decision, overrideReason: 'Imaging.' }],
        }),
      );
      expect(done.case.stage).toBe('determined');
      const stored = value(await store.transaction((tx) => determinations.listByCase(tx, c.id)));
      expect(stored[0]?.overrideReason).toBe('Imaging.');
      expect(stored[0]?.engineRecommendation).toEqual({ recommendation: 'Upheld' });
    });

    it('converts to expedited review, extends the decision by at most three days, and terminates', async () => {
      const c = await eligibleCase();
      const assigned = value(await wf.assignReviewer(SYSTEM, { caseId: c.id, expectedVersion: c.version }));
      clock.set('2024-03-05T16:00:00Z');
      const noticed = value(
        await wf.sendNoticeOfAssignment(SYSTEM, {
          caseId: c.id,
          expectedVersion: assigned.case.version,
          method: 'mail',
        }),
      );
      expect(noticed.case.dueDate).toBe('2024-03-20');
      clock.set('2024-03-06T15:00:00Z');
      const converted = value(
        await wf.convertToExpedited(SYSTEM, {
          caseId: c.id,
          expectedVersion: noticed.case.version,
          documents: [textDocument('Certification', 'Imminent and serious threat certified.', 'correspondence')],
        }),
      );
      expect(converted.case.priority).toBe('expedited');
      expect(converted.case.stage).toBe('records-requested');
      // Records now due 24 hours after the certification.
      expect(converted.case.dueDate).toBe('2024-03-07');
      const twice = await wf.convertToExpedited(SYSTEM, {
        caseId: c.id,
        expectedVersion: converted.case.version,
        documents: [textDocument('Again', 'again', 'correspondence')],
      });
      expect(twice.ok || twice.error.code).toBe('IMR_INVALID_TRANSITION');
      const records = value(await wf.receiveRecords(SYSTEM, { caseId: c.id, expectedVersion: converted.case.version }));
      expect(records.case.dueDate).toBe('2024-03-09'); // 3 days, not extended past the weekend
      const extended = value(
        await wf.extendDecision(SYSTEM, {
          caseId: c.id,
          expectedVersion: records.case.version,
          days: 2,
          reason: 'good-cause',
        }),
      );
      expect(extended.case.dueDate).toBe('2024-03-11');
      const tooMuch = await wf.extendDecision(SYSTEM, {
        caseId: c.id,
        expectedVersion: extended.case.version,
        days: 2,
        reason: 'good-cause',
      });
      expect(tooMuch.ok || tooMuch.error.code).toBe('IMR_VALIDATION');
      const ended = value(
        await wf.terminate(SYSTEM, {
          caseId: c.id,
          expectedVersion: extended.case.version,
          reason: 'treatment-authorized',
        }),
      );
      expect(ended.case.stage).toBe('terminated');
      expect(ended.case.stageReason).toBe('treatment-authorized');
      expect(ended.assignmentsEnded).toBe(1);
      const clocks = value(await wf.caseClocks(SYSTEM, c.id, '2024-03-20T00:00:00Z'));
      expect(clocks.clocks.stopped?.reason).toBe('treatment-authorized');
      expect(clocks.clocks.clocks.find((k) => k.id === 'decision')?.extensionDays).toBe(2);
      expect(await auditCount(store, c.id)).toBe(ended.case.version);
    });

    it('lists the queue with overdue and due-soon cases first', async () => {
      const entries = value(await wf.queue(SYSTEM, { now: '2024-03-25T12:00:00Z', limit: 1000 }));
      expect(entries.length).toBeGreaterThan(0);
      const order = entries.map((e) => e.urgency);
      const rank = { overdue: 0, 'due-soon': 1, 'on-track': 2, 'no-deadline': 3 } as const;
      expect([...order].sort((a, b) => rank[a] - rank[b])).toEqual(order);
      expect(entries.every((e) => e.case.stage !== 'closed' && e.case.stage !== 'ineligible')).toBe(true);
      const overdue = entries.filter((e) => e.urgency === 'overdue');
      expect(overdue.length).toBeGreaterThan(0);
      for (const e of overdue) expect(e.next?.status).toBe('late');
      const forbidden = await wf.queue(actorAs('reviewer', 3), { now: '2024-03-25T12:00:00Z' });
      expect(forbidden.ok || forbidden.error.code).toBe('IMR_FORBIDDEN');
    });

    it('runs commands in a batch: one transaction, a savepoint per command that fails alone', async () => {
      const a = await eligibleCase();
      const b = await eligibleCase();
      const c = await eligibleCase();
      let armed = false;
      const flaky = createWorkflow({ store: faultyStore(store, 'audit-insert', () => armed), now: clock.now });
      const outcome = value(
        await flaky.batch(async (w) => {
          const first = await w.assignReviewer(SYSTEM, { caseId: a.id, expectedVersion: a.version });
          armed = true;
          // Fails at its audit event, after its case update and before its assignment: the savepoint goes.
          const second = await w.assignReviewer(SYSTEM, { caseId: b.id, expectedVersion: b.version });
          armed = false;
          const third = await w.assignReviewer(SYSTEM, { caseId: c.id, expectedVersion: c.version });
          return { first, second, third };
        }),
      );
      expect(outcome.first.ok && outcome.third.ok).toBe(true);
      expect(outcome.second.ok || outcome.second.error.code).toBe('IMR_STORE_UNAVAILABLE');
      expect((await cases.getById(store, a.id))?.stage).toBe('assigned');
      expect(await cases.getById(store, b.id)).toEqual(b);
      expect(await auditCount(store, b.id)).toBe(b.version);
      expect(value(await store.transaction((tx) => assignments.listByCase(tx, b.id)))).toEqual([]);
      expect((await cases.getById(store, c.id))?.stage).toBe('assigned');
      // The batch's cache did not keep the rolled-back change: the case goes on from where it is.
      const retried = value(await flaky.assignReviewer(SYSTEM, { caseId: b.id, expectedVersion: b.version }));
      expect(retried.case.version).toBe(b.version + 1);
    });
  });
}
