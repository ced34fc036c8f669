import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody, ROUTES, type RouteName, type RouteResponse } from './contract.js';
import { type Client, type TestServer, testServer } from './test-app.js';
import { sampleApplication } from './test-intake.js';

/**
 * Every route's success through HTTP, following one application from intake to a closed case (and
 * others through expedite, extension and termination), then the dashboard, search and
 * administration. Each success is checked against the contract's response schema; the last test
 * fails if a route of the contract was never called successfully.
 */

let t: TestServer;
const covered = new Set<RouteName>();

beforeAll(async () => {
  t = await testServer();
}, 120_000);
afterAll(async () => {
  await t?.dispose();
});

function ok<N extends RouteName>(name: N, r: LightMyRequestResponse): RouteResponse<N> {
  if (r.statusCode !== 200) throw new Error(`${name}: ${r.statusCode} ${r.body.slice(0, 500)}`);
  covered.add(name);
  const spec = ROUTES[name];
  if (spec.response === 'file') return r.rawPayload as unknown as RouteResponse<N>;
  return spec.response.parse(r.json()) as RouteResponse<N>;
}

function errorCode(r: LightMyRequestResponse): string {
  return ErrorBody.parse(r.json()).error.code;
}

const b64 = (s: string) => Buffer.from(s).toString('base64');

const application = (claim: string, treatments: string[]) => sampleApplication(claim, treatments);

function intakeBody(claim: string, treatments: string[]) {
  return {
    receivedAt: '2025-02-25T17:00:00.000Z',
    application: application(claim, treatments),
    urDecision: {
      decisionDate: '2025-02-20',
      serviceDate: '2025-02-20',
      serviceMethod: 'electronic' as const,
      outcome: 'denied' as const,
      items: treatments.map((request) => ({ request, outcome: 'denied' as const })),
    },
    patient: { age: 47, sex: 'female' as const },
    documents: [
      {
        title: 'DWC Form IMR',
        kind: 'application',
        mime: 'text/plain',
        contentBase64: b64(`IMR application ${claim}`),
      },
    ],
  };
}

const RECORD = [
  'Progress report. The patient reports chronic low back pain rated 7/10 with radiation to the left leg.',
  'She has completed 12 sessions of physical therapy with no lasting improvement.',
  'Current medications include ibuprofen. Examination shows reduced lumbar range of motion.',
  'Plan: continue home exercise; request as listed.',
].join(' ');

/** A multipart body: the JSON without documents, the documents' descriptions, and the files. */
function multipart(
  body: object,
  files: { title: string; kind: string; name: string; mime: string; content: string }[],
) {
  const boundary = '----imrtestboundary';
  const parts = [
    `--${boundary}\r\nContent-Disposition: form-data; name="body"\r\n\r\n${JSON.stringify(body)}\r\n`,
    `--${boundary}\r\nContent-Disposition: form-data; name="documents"\r\n\r\n${JSON.stringify(files.map((f) => ({ title: f.title, kind: f.kind })))}\r\n`,
    ...files.map(
      (f) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: ${f.mime}\r\n\r\n${f.content}\r\n`,
    ),
    `--${boundary}--\r\n`,
  ];
  return { payload: parts.join(''), contentType: `multipart/form-data; boundary=${boundary}` };
}

let intake: Client;
let coordinator: Client;
let qa: Client;
let admin: Client;
let caseId: number;
let version: number;
let reviewerClient: Client;

describe('one application from intake to a closed case', () => {
  beforeAll(async () => {
    [intake, coordinator, qa, admin] = await Promise.all([
      t.signIn('intake'),
      t.signIn('coordinator'),
      t.signIn('qa'),
      t.signIn('admin'),
    ]);
  });

  it('health, sign-in, session', async () => {
    expect(ok('health', await t.anonymous.request('GET', '/api/health'))).toEqual({ status: 'ok' });
    const r = await t.anonymous.request('POST', '/api/v1/auth/login', {
      body: { username: 'intake', password: 'correct horse battery staple' },
    });
    expect(ok('login', r).user.role).toBe('intake');
    expect(ok('session', await intake.request('GET', '/api/v1/auth/session')).user.username).toBe('intake');
  });

  it('intake receives the application with its documents', async () => {
    const r = await intake.request('POST', '/api/v1/cases', {
      body: intakeBody('ROUTE-1', ['Physical therapy 2x6 lumbar spine', 'Ibuprofen 800mg #90']),
    });
    const received = ok('intake', r);
    expect(received.case.stage).toBe('received');
    expect(received.itemIds).toHaveLength(2);
    expect(received.documentIds).toHaveLength(1);
    expect(received.consolidation).toBeNull();
    caseId = received.case.id;
    version = received.case.version;
  });

  it('intake refuses the same application again as a duplicate, naming the original case', async () => {
    const r = await intake.request('POST', '/api/v1/cases', {
      body: intakeBody('ROUTE-1', ['Physical therapy 2x6 lumbar spine', 'Ibuprofen 800mg #90']),
    });
    expect(r.statusCode).toBe(409);
    expect(ErrorBody.parse(r.json()).error).toMatchObject({
      code: 'IMR_CASE_DUPLICATE',
      details: { originalCaseId: caseId },
    });
  });

  it('intake refuses a document that is neither PDF nor text, naming it', async () => {
    const body = intakeBody('ROUTE-BIN', ['Ibuprofen 800mg #90']);
    const r = await intake.request('POST', '/api/v1/cases', {
      body: {
        ...body,
        documents: [
          {
            title: 'scan.docx',
            kind: 'other',
            mime: 'application/octet-stream',
            contentBase64: Buffer.from([0, 1, 2, 0, 255, 0, 3]).toString('base64'),
          },
        ],
      },
    });
    expect(r.statusCode).toBe(415);
    expect(ErrorBody.parse(r.json()).error.code).toBe('IMR_INPUT_BINARY');
    expect(r.body).toContain('scan.docx');
  });

  it('the case page shows the application, items and documents without their text', async () => {
    const d = ok('caseDetail', await coordinator.request('GET', `/api/v1/cases/${caseId}`));
    expect(d.case.id).toBe(caseId);
    expect(d.application?.claimNumber).toBe('ROUTE-1');
    expect(d.items.map((i) => i.request)).toEqual(['Physical therapy 2x6 lumbar spine', 'Ibuprofen 800mg #90']);
    expect(d.documents).toHaveLength(1);
    expect(JSON.stringify(d.documents)).not.toContain('IMR application');
    expect(d.eligibility).toBeNull();
    expect(d.clocks.clocks.length).toBeGreaterThan(0);
  });

  it('screening finds the application eligible, with the result kept for the case page', async () => {
    const s = ok(
      'screen',
      await intake.request('POST', `/api/v1/cases/${caseId}/screening`, { body: { expectedVersion: version } }),
    );
    expect(s.case.stage).toBe('eligible');
    expect(s.eligibility.status).toBe('eligible');
    expect(s.eligibility.filing.timely).toBe(true);
    version = s.case.version;
    const d = ok('caseDetail', await coordinator.request('GET', `/api/v1/cases/${caseId}`));
    expect(d.eligibility?.status).toBe('eligible');
  });

  it('a stale version is refused with IMR_CONFLICT', async () => {
    const r = await coordinator.request('POST', `/api/v1/cases/${caseId}/assignment`, {
      body: { expectedVersion: version - 1 },
    });
    expect(r.statusCode).toBe(409);
    expect(errorCode(r)).toBe('IMR_CONFLICT');
  });

  it('candidates come ranked with specialty match and conflict screen; the coordinator assigns the first', async () => {
    const c = ok('candidates', await coordinator.request('GET', `/api/v1/cases/${caseId}/reviewer-candidates`));
    expect(c.ranked.length).toBeGreaterThan(0);
    expect(c.ranked.map((r) => r.rank)).toEqual(c.ranked.map((_, i) => i + 1));
    for (const [i, r] of c.ranked.entries()) {
      expect(r.qualification.qualified).toBe(true);
      expect(r.conflicts.clear).toBe(true);
      if (i > 0) expect(r.matchScore).toBeLessThanOrEqual(c.ranked[i - 1]?.matchScore ?? 1);
    }
    // Every disputed item is read, each with what it asks of the reviewer in words.
    expect(c.needs.items.map((n) => n.request)).toEqual(['Physical therapy 2x6 lumbar spine', 'Ibuprofen 800mg #90']);
    expect(c.needs.items.map((n) => n.bodySystem)).toEqual(['spine', 'spine']);
    expect(c.needs.items[0]?.description).toBe('therapy of the lumbar spine');
    // A reviewer whose screen needs a look is in its own group, never among the conflict-free.
    expect(c.ranked.every((r) => !r.needsConflictReview)).toBe(true);
    expect(c.needsLook.every((r) => r.needsConflictReview && r.conflicts.hits.length > 0)).toBe(true);
    // One workload figure: the registry shows what the candidate list shows.
    const registry = ok('listReviewers', await coordinator.request('GET', '/api/v1/reviewers?active=true'));
    for (const r of [...c.ranked, ...c.needsLook]) {
      const profile = registry.reviewers.find((p) => p.reviewer.id === r.reviewer.id);
      expect([profile?.openAssignments, profile?.capacity]).toEqual([r.workload.open, r.workload.capacity]);
    }
    const first = c.ranked[0];
    expect(first).toBeDefined();
    const a = ok(
      'assign',
      await coordinator.request('POST', `/api/v1/cases/${caseId}/assignment`, {
        body: { expectedVersion: version, reviewerIds: [first?.reviewer.id] },
      }),
    );
    expect(a.case.stage).toBe('assigned');
    expect(a.assignments[0]?.reviewerId).toBe(first?.reviewer.id);
    version = a.case.version;
    // An account for that reviewer, made by the administrator.
    const made = ok(
      'createUser',
      await admin.request('POST', '/api/v1/users', {
        body: {
          username: 'assigned-reviewer',
          displayName: 'Assigned Reviewer',
          role: 'reviewer',
          reviewerId: first?.reviewer.id,
          password: 'a long enough test password',
        },
      }),
    );
    expect(made.user.reviewerId).toBe(first?.reviewer.id);
    const login = await t.anonymous.request('POST', '/api/v1/auth/login', {
      body: { username: 'assigned-reviewer', password: 'a long enough test password' },
    });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.find((x) => x.name === 'imr_session')?.value as string;
    const csrf = login.json<{ csrfToken: string }>().csrfToken;
    reviewerClient = {
      user: 'reviewer',
      request: (method, url, options = {}) =>
        t.app.inject({
          method,
          url,
          headers: { cookie: `imr_session=${cookie}`, ...(options.csrf === false ? {} : { 'x-csrf-token': csrf }) },
          ...(options.body === undefined ? {} : { payload: options.body as string }),
        }),
    };
  });

  it('notice of assignment, then the records arrive as a multipart upload', async () => {
    const n = ok(
      'notice',
      await intake.request('POST', `/api/v1/cases/${caseId}/notice`, {
        body: { expectedVersion: version, method: 'electronic', sentAt: '2025-02-26T17:00:00.000Z' },
      }),
    );
    expect(n.case.stage).toBe('records-requested');
    // The notice itself went to each party the case names, kept with the case and audited.
    const detail = ok('caseDetail', await coordinator.request('GET', `/api/v1/cases/${caseId}`));
    const notices = detail.documents.filter((d) => d.kind === 'notice');
    expect(notices.length).toBeGreaterThanOrEqual(3);
    expect(notices.every((d) => d.mime === 'application/pdf' && /^Notice of assignment/.test(d.title))).toBe(true);
    expect(new Set(notices.map((d) => d.sha256)).size).toBe(notices.length);
    const generated = await t.store.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'case.correspondence-generated')
      .where('case_id', '=', caseId)
      .execute();
    expect(generated).toHaveLength(1);
    expect(generated[0]?.details).toContain('notice-of-assignment');
    const form = multipart({ expectedVersion: n.case.version, receivedAt: '2025-03-01T17:00:00.000Z' }, [
      { title: 'Progress report', kind: 'medical-record', name: 'pr2.txt', mime: 'text/plain', content: RECORD },
    ]);
    const r = await intake.request('POST', `/api/v1/cases/${caseId}/records`, {
      body: form.payload,
      headers: { 'content-type': form.contentType },
    });
    const rec = ok('records', r);
    expect(rec.case.stage).toBe('records-received');
    expect(rec.documentIds).toHaveLength(1);
    version = rec.case.version;
  });

  it('supplemental records join the case after receipt (audited); a file the case has is not stored twice', async () => {
    const LATER = 'Supplemental progress report. Lumbar MRI shows a disc protrusion at L4-5.';
    const r = await intake.request('POST', `/api/v1/cases/${caseId}/supplemental-records`, {
      body: {
        expectedVersion: version,
        documents: [
          { title: 'Later report', kind: 'medical-record', mime: 'text/plain', contentBase64: b64(LATER) },
          { title: 'Same report again', kind: 'medical-record', mime: 'text/plain', contentBase64: b64(RECORD) },
        ],
      },
    });
    const sup = ok('supplementalRecords', r);
    expect(sup.case.stage).toBe('records-received');
    expect(sup.documentIds).toHaveLength(1);
    const earlierId = (
      await t.store.db
        .selectFrom('documents')
        .select('id')
        .where('case_id', '=', caseId)
        .where('title', '=', 'Progress report')
        .executeTakeFirstOrThrow()
    ).id;
    expect(sup.duplicateDocuments).toEqual([
      { index: 1, title: 'Same report again', of: { documentId: earlierId, title: 'Progress report' } },
    ]);
    const events = await t.store.db
      .selectFrom('audit_events')
      .select('action')
      .where('case_id', '=', caseId)
      .where('action', '=', 'case.records-supplemented')
      .execute();
    expect(events).toHaveLength(1);
    const detail = ok('caseDetail', await intake.request('GET', `/api/v1/cases/${caseId}`));
    expect(detail.documents.map((d) => d.title)).toContain('Later report');
    expect(detail.documents.filter((d) => d.title === 'Same report again')).toHaveLength(0);
    version = sup.case.version;
  });

  it('the assigned reviewer reads a document with its text, and the read is audited', async () => {
    const docId = (
      await t.store.db
        .selectFrom('documents')
        .select('id')
        .where('case_id', '=', caseId)
        .where('kind', '=', 'medical-record')
        .executeTakeFirstOrThrow()
    ).id;
    const before = await auditCount('document.read', docId);
    const d = ok('document', await reviewerClient.request('GET', `/api/v1/cases/${caseId}/documents/${docId}`));
    expect(d.extractedText).toBe(RECORD);
    const bytes = ok(
      'documentContent',
      await reviewerClient.request('GET', `/api/v1/cases/${caseId}/documents/${docId}/content`),
    );
    expect(Buffer.from(bytes).toString('utf8')).toBe(RECORD);
    expect(await auditCount('document.read', docId)).toBe(before + 2);
    // A document of another case through this case's path: not found, and not audited.
    const foreign = (
      await t.store.db.selectFrom('documents').select('id').where('case_id', '!=', caseId).executeTakeFirstOrThrow()
    ).id;
    const r = await coordinator.request('GET', `/api/v1/cases/${caseId}/documents/${foreign}`);
    expect(r.statusCode).toBe(404);
    expect(await auditCount('document.read', foreign)).toBe(0);
  });

  it("the workspace gives the engine's review with quotes inside the record, and audits the record read", async () => {
    const rv = ok('review', await reviewerClient.request('GET', `/api/v1/cases/${caseId}/review`));
    expect(rv.caseVersion).toBe(version);
    expect(rv.items).toHaveLength(2);
    // The records and the supplemental report (added after receipt): the reviewer's engine reads both.
    expect(rv.segments).toHaveLength(2);
    const seg = rv.segments[0];
    expect(rv.text.slice(seg?.start, seg?.end)).toBe(RECORD);
    expect(rv.text).toContain('disc protrusion at L4-5');
    for (const item of rv.items) {
      for (const c of item.review.criteria) {
        for (const e of c.evidence) expect(rv.text.slice(e.start, e.end)).toBe(e.quote);
      }
      expect(item.draft.decision).toBe(item.review.recommendation === 'Refer' ? null : item.review.recommendation);
    }
    const reads = await t.store.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'document.read')
      .where('case_id', '=', caseId)
      .execute();
    expect(reads.some((x) => x.details.includes('"via":"review"'))).toBe(true);
  });

  it('a decision departing from the engine needs a reason; the engine recommendation stored is the server’s', async () => {
    const rv = ok('review', await reviewerClient.request('GET', `/api/v1/cases/${caseId}/review`));
    const departing = (i: (typeof rv.items)[number]) =>
      i.review.recommendation === 'Upheld' ? ('Overturned' as const) : ('Upheld' as const);
    const items = rv.items.map((i) => ({
      itemId: i.itemId,
      decision: departing(i),
      basis: i.draft.basis,
      rationale: i.draft.rationale || 'Reasons given.',
    }));
    const refused = await reviewerClient.request('POST', `/api/v1/cases/${caseId}/determination`, {
      body: { expectedVersion: version, items },
    });
    const firstEngine = rv.items[0]?.review.recommendation;
    if (firstEngine !== 'Refer') {
      expect(refused.statusCode).toBe(400);
      expect(errorCode(refused)).toBe('IMR_VALIDATION');
    }
    const reason = 'The record shows a failed trial the engine missed.';
    // The engine's drafted rationale concludes its own recommendation: kept under the opposite decision, it
    // contradicts it, and the server names where the sentence is (issue 11).
    const kept = items.find((i) => /medically necessary\.?$/.test(i.rationale));
    if (kept !== undefined) {
      const contradicting = await reviewerClient.request('POST', `/api/v1/cases/${caseId}/determination`, {
        body: { expectedVersion: version, items: items.map((i) => ({ ...i, overrideReason: reason })) },
      });
      expect(contradicting.statusCode).toBe(422);
      const body = contradicting.json() as { error: { code: string; details: Record<string, unknown> } };
      expect(body.error.code).toBe('IMR_RATIONALE_CONTRADICTS_DECISION');
      const bad = items.find((i) => i.itemId === body.error.details.itemId);
      const sentence = bad?.rationale.slice(Number(body.error.details.start), Number(body.error.details.end));
      expect(sentence).toMatch(/medically necessary\.$/);
      expect(JSON.stringify(body)).not.toContain(sentence);
    }
    const agreeing = (decision: 'Upheld' | 'Overturned') =>
      decision === 'Overturned'
        ? 'The record documents a failed trial of conservative care. The request is medically necessary.'
        : 'The record does not document what the guideline asks. The request is not medically necessary.';
    const d = ok(
      'determine',
      await reviewerClient.request('POST', `/api/v1/cases/${caseId}/determination`, {
        body: {
          expectedVersion: version,
          items: items.map((i) => ({ ...i, rationale: agreeing(i.decision), overrideReason: reason })),
          clinicalSummary: 'A worker with chronic low back pain after failed therapy.',
        },
      }),
    );
    expect(d.complete).toBe(true);
    expect(d.case.stage).toBe('determined');
    for (const det of d.determinations) {
      const engine = rv.items.find((i) => i.itemId === det.itemId)?.review.recommendation;
      expect(det.engineRecommendation?.recommendation).toBe(engine);
    }
    version = d.case.version;
  });

  it('QA returns the case to the reviewer with a comment; the reviewer sees it and decides again', async () => {
    const returned = ok(
      'returnToReviewer',
      await qa.request('POST', `/api/v1/cases/${caseId}/letter/return`, {
        body: { expectedVersion: version, comment: 'Item 1: say which failed trial the record documents.' },
      }),
    );
    expect(returned.case.stage).toBe('in-review');
    expect(returned.qaReturn.comment).toBe('Item 1: say which failed trial the record documents.');
    // The comment is the reviewer's to read; the audit event names the return, not its words.
    const seen = ok('caseDetail', await reviewerClient.request('GET', `/api/v1/cases/${caseId}`));
    expect(seen.qaReturns.map((r) => r.comment)).toEqual(['Item 1: say which failed trial the record documents.']);
    const events = await t.store.db
      .selectFrom('audit_events')
      .select(['details'])
      .where('action', '=', 'case.returned-to-reviewer')
      .where('case_id', '=', caseId)
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]?.details).not.toContain('failed trial');
    // A reviewer cannot return a case.
    const byReviewer = await reviewerClient.request('POST', `/api/v1/cases/${caseId}/letter/return`, {
      body: { expectedVersion: returned.case.version, comment: 'x' },
    });
    expect(byReviewer.statusCode).toBe(403);

    const standing = seen.items.flatMap((i) => i.determinations.slice(-1));
    const again = ok(
      'determine',
      await reviewerClient.request('POST', `/api/v1/cases/${caseId}/determination`, {
        body: {
          expectedVersion: returned.case.version,
          items: standing.map((x) => ({
            itemId: x.itemId,
            decision: x.decision,
            basis: x.basis,
            rationale: `${x.rationale} The failed trial is the six weeks of therapy in the progress report.`,
            ...(x.engineRecommendation === undefined ? {} : { engineRecommendation: x.engineRecommendation }),
            ...(x.overrideReason === undefined ? {} : { overrideReason: x.overrideReason }),
          })),
        },
      }),
    );
    expect(again.case.stage).toBe('determined');
    version = again.case.version;
  });

  it('the letter needs QA approval of the current version before it issues', async () => {
    const summaryReads = async () =>
      (
        await t.store.db
          .selectFrom('audit_events')
          .select('details')
          .where('action', '=', 'document.read')
          .where('case_id', '=', caseId)
          .execute()
      ).filter((e) => e.details.includes('"via":"letter-preview"')).length;
    const readsBefore = await summaryReads();
    const p = ok('letterPreview', await qa.request('GET', `/api/v1/cases/${caseId}/letter/preview`));
    expect(p.caseVersion).toBe(version);
    expect(p.letter.clinicalSummary).toContain('chronic low back pain');
    expect(await summaryReads()).toBe(readsBefore + 1);
    expect(p.approval).toBeNull();
    expect(p.letter.items).toHaveLength(2);
    expect(p.text).toContain(p.letter.case.caseNumber ?? 'no case number');
    expect(JSON.stringify(p.publicLetter)).not.toContain('Pennywhistle');

    const early = await coordinator.request('POST', `/api/v1/cases/${caseId}/letter/issue`, {
      body: { expectedVersion: version },
    });
    expect(early.statusCode).toBe(409);
    expect(errorCode(early)).toBe('IMR_LETTER_NOT_APPROVED');

    const a = ok(
      'approveLetter',
      await qa.request('POST', `/api/v1/cases/${caseId}/letter/approval`, { body: { expectedVersion: version } }),
    );
    expect(a.approval).toMatchObject({ caseId, caseVersion: version, current: true });
    // Approved as it stands: the reviewer can no longer change it (only a return reopens it).
    const now = ok('caseDetail', await reviewerClient.request('GET', `/api/v1/cases/${caseId}`));
    const mine = now.items.flatMap((i) => i.determinations.slice(-1));
    const locked = await reviewerClient.request('POST', `/api/v1/cases/${caseId}/determination`, {
      body: {
        expectedVersion: version,
        items: mine.map((x) => ({
          itemId: x.itemId,
          decision: x.decision,
          basis: x.basis,
          rationale: x.rationale,
          ...(x.engineRecommendation === undefined ? {} : { engineRecommendation: x.engineRecommendation }),
          ...(x.overrideReason === undefined ? {} : { overrideReason: x.overrideReason }),
        })),
      },
    });
    expect(locked.statusCode).toBe(409);
    expect(errorCode(locked)).toBe('IMR_DETERMINATION_LOCKED');

    const issued = ok(
      'issueLetter',
      await coordinator.request('POST', `/api/v1/cases/${caseId}/letter/issue`, {
        body: { expectedVersion: version, formats: ['text', 'pdf'] },
      }),
    );
    expect(issued.case.stage).toBe('letter-issued');
    const kinds = new Set(issued.letters.map((l) => l.kind));
    expect(kinds).toEqual(new Set(['final', 'party-copy', 'public-redacted']));
    // Each party's copy is its own document (its cover page is addressed to that party).
    const copies = issued.letters.filter((l) => l.kind === 'party-copy');
    expect(copies.length).toBeGreaterThanOrEqual(3);
    expect(new Set(copies.map((l) => l.sha256)).size).toBe(copies.length);
    const employeeCopy = copies.find((l) => l.recipientRole === 'employee');
    const copyText = await coordinator.request('GET', `/api/v1/cases/${caseId}/letters/${employeeCopy?.id}/file`);
    expect(copyText.headers['content-type']).toBe('application/pdf');
    const publicText = issued.letters.find((l) => l.kind === 'public-redacted' && l.format === 'text');
    const pub = await coordinator.request('GET', `/api/v1/cases/${caseId}/letters/${publicText?.id}/file`);
    expect(pub.body).not.toContain('Pennywhistle');
    expect(pub.body).toMatch(/Page 1 of \d+/);
    expect(pub.body).toContain('YOUR RIGHT TO APPEAL');
    version = issued.case.version;

    const finalPdf = issued.letters.find((l) => l.kind === 'final' && l.format === 'pdf');
    const before = await auditCount('letter.read', finalPdf?.id as number, 'letter');
    const rec = ok('letter', await coordinator.request('GET', `/api/v1/cases/${caseId}/letters/${finalPdf?.id}`));
    expect(rec.letter.items.map((i) => i.decision)).toEqual(p.letter.items.map((i) => i.decision));
    const file = await coordinator.request('GET', `/api/v1/cases/${caseId}/letters/${finalPdf?.id}/file`);
    const bytes = ok('letterFile', file);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(String(file.headers['content-disposition'])).toMatch(/^attachment; filename=".+\.pdf"$/);
    expect(Buffer.from(bytes).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await auditCount('letter.read', finalPdf?.id as number, 'letter')).toBe(before + 2);
  });

  it('the case closes; its audit trail holds every step', async () => {
    const preview = ok(
      'operationPreview',
      await coordinator.request(
        'GET',
        `/api/v1/cases/${caseId}/operations/preview?operation=close&expectedVersion=${version}`,
      ),
    );
    expect(preview.stage).toEqual({ from: 'letter-issued', to: 'closed' });
    const c = ok(
      'close',
      await coordinator.request('POST', `/api/v1/cases/${caseId}/close`, { body: { expectedVersion: version } }),
    );
    expect(c.case.stage).toBe('closed');
    const audit = ok('caseAudit', await qa.request('GET', `/api/v1/cases/${caseId}/audit`));
    const actions = audit.events.map((e) => e.action);
    for (const a of [
      'case.received',
      'case.screened',
      'case.reviewer-assigned',
      'case.notice-sent',
      'case.records-received',
      'document.read',
      'case.determination-recorded',
      'case.returned-to-reviewer',
      'case.correspondence-generated',
      'letter.qa-approved',
      'case.letter-issued',
      'letter.read',
      'case.closed',
    ]) {
      expect(actions).toContain(a);
    }
    // The same trail in plain language, one entry per event, oldest first.
    const timeline = ok('caseTimeline', await qa.request('GET', `/api/v1/cases/${caseId}/timeline`));
    expect(timeline.entries.map((e) => e.id)).toEqual(audit.events.map((e) => e.id));
    const told = timeline.entries.map((e) => e.what);
    for (const what of [
      'Application received',
      'Notice of assignment sent',
      'Final Determination Letter issued',
      'Case closed',
    ]) {
      expect(told).toContain(what);
    }
  });
});

async function auditCount(action: string, entityId: number, entityType = 'document'): Promise<number> {
  const rows = await t.store.db
    .selectFrom('audit_events')
    .select('id')
    .where('action', '=', action)
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', String(entityId))
    .execute();
  return rows.length;
}

describe('reading a case right after a change', () => {
  it('opens in the same minute as the command that changed it', async () => {
    // Half a minute past a whole minute (the clock only moves forward: later tests see this case).
    t.clock.now = new Date(Date.parse(t.clock.now) + 5 * 60_000 + 30_000).toISOString();
    const body = intakeBody('ROUTE-NOW', ['Naproxen 550mg #60']);
    const { receivedAt: _default, ...rest } = body;
    const r = ok('intake', await intake.request('POST', '/api/v1/cases', { body: rest }));
    const d = ok('caseDetail', await coordinator.request('GET', `/api/v1/cases/${r.case.id}`));
    expect(d.case.receivedDate).toBe(t.clock.now.slice(0, 10));
  });

  it('works out the kind of a request intake left blank, for matching reviewers', async () => {
    const r = ok(
      'intake',
      await intake.request('POST', '/api/v1/cases', {
        body: intakeBody('ROUTE-KIND', ['Physical therapy 2 times a week for 6 weeks for the lumbar spine']),
      }),
    );
    const d = ok('caseDetail', await coordinator.request('GET', `/api/v1/cases/${r.case.id}`));
    expect(d.items[0]?.category).toBe('therapy');
  });
});

describe('the other ways a case moves', () => {
  async function freshCase(claim: string): Promise<{ id: number; version: number }> {
    const r = ok(
      'intake',
      await intake.request('POST', '/api/v1/cases', { body: intakeBody(claim, ['Naproxen 550mg #60']) }),
    );
    return { id: r.case.id, version: r.case.version };
  }

  it('conversion to expedited review on a physician’s certification', async () => {
    const c = await freshCase('ROUTE-EXP');
    const r = ok(
      'expedite',
      await intake.request('POST', `/api/v1/cases/${c.id}/expedite`, {
        body: {
          expectedVersion: c.version,
          documents: [
            {
              title: 'Certification',
              kind: 'correspondence',
              mime: 'text/plain',
              contentBase64: b64('Imminent threat certified.'),
            },
          ],
        },
      }),
    );
    expect(r.case.priority).toBe('expedited');
    expect(r.documentIds).toHaveLength(1);
  });

  it('termination when the request is withdrawn', async () => {
    const c = await freshCase('ROUTE-TERM');
    const r = ok(
      'terminate',
      await coordinator.request('POST', `/api/v1/cases/${c.id}/termination`, {
        body: { expectedVersion: c.version, reason: 'request-withdrawn' },
      }),
    );
    expect(r.case.stage).toBe('withdrawn');
  });

  it('an extension of the decision period for a case with its records', async () => {
    const row = await t.store.db
      .selectFrom('cases')
      .select(['id', 'version'])
      .where('stage', '=', 'records-received')
      .executeTakeFirstOrThrow();
    const r = ok(
      'extend',
      await coordinator.request('POST', `/api/v1/cases/${row.id}/extension`, {
        body: { expectedVersion: row.version, days: 2, reason: 'good-cause' },
      }),
    );
    expect(r.case.version).toBe(row.version + 1);
    const d = ok('caseDetail', await coordinator.request('GET', `/api/v1/cases/${row.id}`));
    expect(d.clocks.extensions.map((e) => e.days)).toEqual([2]);
  });
});

describe('queue, dashboard and search', () => {
  it('the queue lists open cases, overdue and due soon first, filtered by stage', async () => {
    const q = ok('queue', await coordinator.request('GET', '/api/v1/queue?limit=200'));
    expect(q.entries.length).toBeGreaterThan(0);
    const order = { overdue: 0, 'due-soon': 1, 'on-track': 2, 'no-deadline': 3 } as const;
    const ranks = q.entries.map((e) => order[e.urgency]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const only = ok('queue', await coordinator.request('GET', '/api/v1/queue?stage=records-received&stage=determined'));
    expect(new Set(only.entries.map((e) => e.case.stage))).toEqual(new Set(['records-received', 'determined']));
    const mine = ok('queue', await (await t.signIn('reviewer')).request('GET', '/api/v1/queue'));
    for (const e of mine.entries) expect(e.reviewers.map((r) => r.id)).toContain(t.demo.reviewerId);
  });

  it('the dashboard counts decided items and their overturn rates consistently', async () => {
    const d = ok('dashboard', await qa.request('GET', '/api/v1/dashboard'));
    expect(d.volumes.decidedItems).toBeGreaterThan(0);
    expect(d.overturn.overall.decided).toBe(d.volumes.decidedItems);
    for (const rows of [d.overturn.byKind, d.overturn.byGuideline, d.overturn.bySpecialty]) {
      expect(rows.reduce((s, r) => s + r.decided, 0)).toBe(d.volumes.decidedItems);
      expect(rows.reduce((s, r) => s + r.overturned, 0)).toBe(d.overturn.overall.overturned);
    }
    expect(d.timeliness.onTime + d.timeliness.late).toBe(d.timeliness.measured);
    const imports = ok('dashboard', await qa.request('GET', '/api/v1/dashboard?source=import'));
    expect(imports.volumes.decidedItems).toBeLessThan(d.volumes.decidedItems);
    expect(imports.timeliness.measured).toBe(0);
  });

  it('search finds published letters by words of their summary, and only redacted copies', async () => {
    const published = await t.store.db
      .selectFrom('letters')
      .select(['id', 'letter'])
      .where('kind', '=', 'public-redacted')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const words = (JSON.parse(published.letter) as { clinicalSummary: string }).clinicalSummary
      .split(/\W+/)
      .filter((w) => w.length > 7);
    const q = words.slice(0, 2).join(' ');
    const s = ok('searchLetters', await intake.request('GET', `/api/v1/search/letters?q=${encodeURIComponent(q)}`));
    expect(s.hits.map((h) => h.letterId)).toContain(published.id);
    expect(s.total).toBeGreaterThanOrEqual(s.hits.length);
    const kinds = await t.store.db
      .selectFrom('letters')
      .select('kind')
      .where(
        'id',
        'in',
        s.hits.map((h) => h.letterId),
      )
      .execute();
    for (const k of kinds) expect(k.kind).toBe('public-redacted');
    const reviewer = await t.signIn('reviewer');
    const l = ok('publishedLetter', await reviewer.request('GET', `/api/v1/published-letters/${published.id}`));
    expect(l.letterId).toBe(published.id);
    const final = await t.store.db
      .selectFrom('letters')
      .select('id')
      .where('kind', '=', 'final')
      .executeTakeFirstOrThrow();
    expect((await reviewer.request('GET', `/api/v1/published-letters/${final.id}`)).statusCode).toBe(404);
  });
});

describe('administration', () => {
  it('users: list and change', async () => {
    const list = ok('listUsers', await admin.request('GET', '/api/v1/users'));
    expect(list.users.map((u) => u.username)).toContain('qa');
    expect(JSON.stringify(list)).not.toContain('argon2');
    const qaUser = list.users.find((u) => u.username === 'qa');
    const u = ok(
      'updateUser',
      await admin.request('PATCH', `/api/v1/users/${qaUser?.id}`, { body: { displayName: 'QA Lead' } }),
    );
    expect(u.user.displayName).toBe('QA Lead');
  });

  it('reviewers with credentials and affiliations', async () => {
    const list = ok('listReviewers', await coordinator.request('GET', '/api/v1/reviewers?active=true'));
    expect(list.reviewers.length).toBeGreaterThan(0);
    expect(list.reviewers.every((r) => r.reviewer.active)).toBe(true);
    const created = ok(
      'createReviewer',
      await admin.request('POST', '/api/v1/reviewers', {
        body: {
          name: 'Dr. Invented Person',
          profession: 'medical-doctor',
          qmeStatus: 'none',
          disciplinaryHistory: false,
          active: true,
        },
      }),
    );
    const id = created.profile.reviewer.id;
    expect(ok('getReviewer', await coordinator.request('GET', `/api/v1/reviewers/${id}`)).profile.reviewer.name).toBe(
      'Dr. Invented Person',
    );
    const upd = ok(
      'updateReviewer',
      await admin.request('PATCH', `/api/v1/reviewers/${id}`, { body: { weeklyClinicalHours: 30 } }),
    );
    expect(upd.profile.reviewer.weeklyClinicalHours).toBe(30);
    const cred = ok(
      'addCredential',
      await admin.request('POST', `/api/v1/reviewers/${id}/credentials`, {
        body: { type: 'licence', name: 'Physician and Surgeon', state: 'CA', status: 'active', number: 'A-1' },
      }),
    );
    const cu = ok(
      'updateCredential',
      await admin.request('PATCH', `/api/v1/reviewers/${id}/credentials/${cred.credential.id}`, {
        body: { status: 'expired' },
      }),
    );
    expect(cu.credential.status).toBe('expired');
    const aff = ok(
      'addAffiliation',
      await admin.request('POST', `/api/v1/reviewers/${id}/affiliations`, {
        body: { organizationName: 'Harbor Crates Inc.', kind: 'employer', relationship: 'consulting' },
      }),
    );
    const au = ok(
      'updateAffiliation',
      await admin.request('PATCH', `/api/v1/reviewers/${id}/affiliations/${aff.affiliation.id}`, {
        body: { until: '2024-12-31' },
      }),
    );
    expect(au.affiliation.until).toBe('2024-12-31');
    // An end before the start is refused.
    const backwards = await admin.request('PATCH', `/api/v1/reviewers/${id}/affiliations/${aff.affiliation.id}`, {
      body: { since: '2025-01-01' },
    });
    expect([backwards.statusCode, errorCode(backwards)]).toEqual([400, 'IMR_VALIDATION']);
    // Another reviewer's credential through this reviewer's path is not found.
    const other = await admin.request('DELETE', `/api/v1/reviewers/${id + 0}/credentials/999999`);
    expect(other.statusCode).toBe(404);
    ok(
      'removeAffiliation',
      await admin.request('DELETE', `/api/v1/reviewers/${id}/affiliations/${aff.affiliation.id}`),
    );
    ok('removeCredential', await admin.request('DELETE', `/api/v1/reviewers/${id}/credentials/${cred.credential.id}`));
    const after = ok('getReviewer', await admin.request('GET', `/api/v1/reviewers/${id}`));
    expect(after.profile.credentials).toHaveLength(0);
    expect(after.profile.affiliations).toHaveLength(0);
  });

  it('sign-out', async () => {
    const c = await t.signIn('qa');
    ok('logout', await c.request('POST', '/api/v1/auth/logout'));
  });
});

describe('coverage', () => {
  it('every route of the contract was called successfully above', () => {
    expect((Object.keys(ROUTES) as RouteName[]).filter((n) => !covered.has(n))).toEqual([]);
  });
});
