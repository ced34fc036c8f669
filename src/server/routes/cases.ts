import type { FastifyInstance } from 'fastify';
import { CaseStage, ENDED_STAGES, OPEN_STAGES } from '../../domain/case.js';
import { imrError } from '../../domain/errors.js';
import { TreatmentKind } from '../../domain/treatment.js';
import { parseRequest } from '../../engine/request.js';
import { auditEvents, caseList, eligibilityScreens, type Handle } from '../../store/index.js';
import { type RankedCandidate, rankCandidates } from '../../workflow/candidates.js';
import { describeItemNeed, itemNeedsOf } from '../../workflow/case-needs.js';
import { casePage, caseView, currentReviewersOf } from '../../workflow/case-view.js';
import { casesInGroup, type DashboardDimension } from '../../workflow/dashboard.js';
import type { DocumentOcr } from '../../workflow/documents.js';
import { actorOf, uploadLimitOf } from '../auth.js';
import { type EligibilityView, type IntakeBody, type QueueState, ROUTES } from '../contract.js';
import { generationOf, ResponseCache } from '../response-cache.js';
import { addRoute, failWith, notFound, type ResponseOf, type RouteQueryOut, unwrap } from '../route.js';
import { responseJson, SerializedBody } from '../serialize.js';
import { decodeDocuments } from '../uploads.js';
import type { ServerContext } from './context.js';

/**
 * The queue, intake, the case page and the steps that move a case up to review. The workflow checks
 * each command's role again and does the work; these routes translate between HTTP and it.
 */

async function caseNumbersOf(h: Handle, ids: readonly number[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await h.db
    .selectFrom('cases')
    .select(['id', 'case_number'])
    .where('id', 'in', [...ids])
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r.case_number]));
  return ids.map((id) => byId.get(id) ?? String(id));
}

/** The stages of each queue state (the domain's stage table: open work, or not). */
const QUEUE_STATE_STAGES: Record<QueueState, readonly CaseStage[]> = {
  open: OPEN_STAGES,
  ended: ENDED_STAGES,
  all: CaseStage.options,
};

/** `o` without its undefined values (for exactOptionalPropertyTypes). */
function definedOnly<T extends Record<string, unknown>>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as never;
}

interface EmployeeAndClaim {
  employeeName?: string;
  claimNumber?: string;
}

/** The employee's name and the claim number of each case's first application (search results only). */
async function employeeAndClaimOf(h: Handle, ids: readonly number[]): Promise<Map<number, EmployeeAndClaim>> {
  const out = new Map<number, EmployeeAndClaim>();
  if (ids.length === 0) return out;
  const rows = await h.db
    .selectFrom('applications')
    .select(['case_id', 'employee_name', 'claim_number'])
    .where('case_id', 'in', [...ids])
    .orderBy('id')
    .execute();
  for (const r of rows) {
    if (out.has(r.case_id)) continue;
    out.set(r.case_id, {
      ...(r.employee_name === null ? {} : { employeeName: r.employee_name }),
      ...(r.claim_number === null ? {} : { claimNumber: r.claim_number }),
    });
  }
  return out;
}

/** What a queue read was asked for, as codes (the search term itself stays out of the audit). */
function queueAuditDetails(
  query: RouteQueryOut<'queue'>,
  matched: readonly string[],
): Record<string, string | number | boolean> {
  const stages = query.stage === undefined ? undefined : Array.isArray(query.stage) ? query.stage : [query.stage];
  return {
    ...(stages === undefined ? { state: query.state } : { stages: stages.join(',') }),
    ...definedOnly({ priority: query.priority, kind: query.kind, source: query.source, group: query.group }),
    sort: `${query.sort} ${query.order}`,
    offset: query.offset,
    ...(query.q === undefined ? {} : { search: true, matched: matched.join(',') }),
  };
}

type ItemDetails = NonNullable<IntakeBody['items']>;

/**
 * The kind of each disputed treatment: intake's choice, or, when intake left it to the desk, what the
 * engine's request parser reads in the request (reviewer matching ranks by it).
 */
function itemDetailsWithKinds(
  treatments: readonly { readonly treatment: string }[],
  details: ItemDetails | undefined,
): ItemDetails {
  return treatments.map((t, i) => {
    const given = details?.[i] ?? {};
    if (given.category !== undefined) return given;
    const kind = TreatmentKind.safeParse(parseRequest(t.treatment).kind);
    return kind.success ? { ...given, category: kind.data } : given;
  });
}

/** What OCR read of an upload, as the contract shows it (without the workflow's storage position). */
function ocrView({ position: _position, ...o }: DocumentOcr): Omit<DocumentOcr, 'position'> {
  return o;
}

/** The case a document belongs to, without reading its text. */
async function documentCaseId(h: Handle, documentId: number): Promise<number | undefined> {
  const row = await h.db.selectFrom('documents').select('case_id').where('id', '=', documentId).executeTakeFirst();
  return row?.case_id;
}

export function registerCaseRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { store, workflow } = ctx;
  const uploadLimit = uploadLimitOf(ctx.config);

  // Kept responses (response-cache.ts): the queue per scope (the desk's, or one reviewer's own) and
  // filter; the case page per case — its body is the same for every role that may open the case.
  const queueBodies = new ResponseCache(200);
  /** What a kept search body's term matched (for its read audit), worked out once with the body. */
  const searchMatches = new WeakMap<SerializedBody, string[]>();
  const caseBodies = new ResponseCache(2000);
  const check = ctx.config.checkResponses;

  addRoute(app, 'queue', async ({ query, request }) => {
    const asOf = ctx.now();
    const user = request.signedIn?.user;
    const reviewerId = user?.role === 'reviewer' ? (user.reviewerId ?? null) : undefined;
    const scope = reviewerId === undefined ? 'desk' : `reviewer ${String(reviewerId)}`;
    const generation = await generationOf(store, asOf, request.signedIn?.changeCount);
    // Kept with the `asOf` of the request that made it: the instant its clocks were computed.
    const kept = await queueBodies.body(generation, JSON.stringify([scope, query]), async () => {
      const body: ResponseOf<'queue'> = { asOf, ...(await queuePage(reviewerId, asOf, query)) };
      const json = responseJson(ROUTES.queue.response, body, check, 'GET', ROUTES.queue.path);
      const made = new SerializedBody(
        json,
        body.entries.map((e) => e.case.id),
      );
      if (query.q !== undefined) searchMatches.set(made, await caseList.matchedFields(store, made.caseIds, query.q));
      return made;
    });
    // Every read is audited, kept body or not: which cases the caller was shown, with the filters
    // and, for a search, which kinds of field matched (never the term: it may be a name).
    const matched =
      query.q === undefined
        ? []
        : (searchMatches.get(kept) ?? (await caseList.matchedFields(store, kept.caseIds, query.q)));
    await ctx.readAudit.queueRead(request, scope.replace(' ', '-'), kept.caseIds, queueAuditDetails(query, matched));
    return kept;
  });

  /** The cases of a dashboard group, under the same source and decision dates as the query. */
  async function groupCases(query: RouteQueryOut<'queue'>): Promise<number[]> {
    const [dimension, ...rest] = (query.group ?? '').split(':');
    return casesInGroup(
      store,
      {
        source: query.source ?? 'all',
        ...(query.decidedFrom === undefined ? {} : { from: query.decidedFrom }),
        ...(query.decidedTo === undefined ? {} : { to: query.decidedTo }),
      },
      dimension as DashboardDimension,
      rest.join(':'),
    );
  }

  /** The queue's page: a reviewer's own cases (none without a reviewer record), or the desk's. */
  async function queuePage(
    reviewerId: number | null | undefined,
    asOf: string,
    query: RouteQueryOut<'queue'>,
  ): Promise<Omit<ResponseOf<'queue'>, 'asOf'>> {
    const page = { total: 0, offset: query.offset, limit: query.limit };
    if (reviewerId === null) return { entries: [], ...page };
    const stages =
      query.stage === undefined
        ? QUEUE_STATE_STAGES[query.state]
        : Array.isArray(query.stage)
          ? query.stage
          : [query.stage];
    const caseIds = query.group === undefined ? undefined : await groupCases(query);
    const listed = await casePage(
      store,
      asOf,
      {
        stages,
        ...(caseIds === undefined ? {} : { caseIds }),
        sort: query.sort,
        order: query.order,
        limit: query.limit,
        offset: query.offset,
        ...(reviewerId === undefined ? {} : { reviewerId }),
        ...definedOnly({
          priority: query.priority,
          kind: query.kind,
          source: query.source,
          search: query.q,
          receivedFrom: query.receivedFrom,
          receivedTo: query.receivedTo,
          decidedFrom: query.decidedFrom,
          decidedTo: query.decidedTo,
        }),
      },
      ctx.dueSoonDays,
    );
    const ids = listed.entries.map((e) => e.case.id);
    const [names, who] = await Promise.all([
      currentReviewersOf(store, ids),
      query.q === undefined ? Promise.resolve(new Map<number, EmployeeAndClaim>()) : employeeAndClaimOf(store, ids),
    ]);
    return {
      ...page,
      total: listed.total,
      entries: listed.entries.map((e) => ({
        case: e.case,
        urgency: e.urgency,
        next: e.next ?? null,
        reviewers: names.get(e.case.id) ?? [],
        ...who.get(e.case.id),
      })),
    };
  }

  addRoute(app, 'intake', async ({ body, request }) => {
    const { documents: uploads, items: details, ...rest } = body;
    const docs = unwrap(decodeDocuments(uploads, uploadLimit));
    const received = unwrap(
      await workflow.receiveApplication(actorOf(request), {
        ...rest,
        items: itemDetailsWithKinds(rest.application.disputedTreatments, details),
        documents: docs,
      }),
    );
    const consolidation =
      received.consolidation === undefined
        ? null
        : {
            caseIds: [...received.consolidation.caseIds],
            caseNumbers: await caseNumbersOf(store, received.consolidation.caseIds),
            reasons: [...received.consolidation.reasons],
          };
    return {
      case: received.case,
      applicationId: received.applicationId,
      itemIds: [...received.itemIds],
      partyIds: [...received.partyIds],
      documentIds: [...received.documentIds],
      documentsWithoutText: received.documentsWithoutText,
      duplicateDocuments: [...received.duplicateDocuments],
      ocr: received.ocr.map(ocrView),
      consolidation,
      duplicateOverridden:
        received.duplicateOverridden === undefined
          ? null
          : { caseId: received.duplicateOverridden.caseId, reasons: [...received.duplicateOverridden.reasons] },
    };
  });

  addRoute(app, 'caseDetail', async ({ params, request }) => {
    const now = ctx.now();
    const generation = await generationOf(store, now, request.signedIn?.changeCount);
    const kept = await caseBodies.body(generation, String(params.caseId), async () => {
      const view = await caseView(store, params.caseId, now, ctx.dueSoonDays);
      if (view === undefined) return notFound('case');
      const body: ResponseOf<'caseDetail'> = {
        case: view.case,
        urgency: view.urgency,
        clocks: view.clocks,
        next: view.next ?? null,
        application: view.application ?? null,
        urDecision: view.urDecision ?? null,
        parties: [...view.parties],
        items: view.items.map((i) => ({ ...i, determinations: [...i.determinations] })),
        documents: view.documents.map(({ storagePath: _path, ...d }) => d),
        assignments: [...view.assignments],
        letters: view.letters.map(({ storagePath: _path, ...l }) => l),
        letterApproval: view.letterApproval ?? null,
        qaReturns: [...view.qaReturns],
        eligibility: (view.eligibility ?? null) as EligibilityView | null,
      };
      return new SerializedBody(responseJson(ROUTES.caseDetail.response, body, check, 'GET', ROUTES.caseDetail.path), [
        params.caseId,
      ]);
    });
    // Every read is audited, kept body or not (the case gate has audited refusals).
    await ctx.readAudit.caseRead(request, params.caseId);
    return kept;
  });

  addRoute(app, 'screen', async ({ params, body, request }) => {
    const { expectedVersion, findings } = body;
    const screened = unwrap(
      await workflow.screenApplication(actorOf(request), { caseId: params.caseId, expectedVersion, findings }),
    );
    // The full result is kept for the case page (the stage and audit event are the record).
    unwrap(
      await store.transaction((tx) =>
        eligibilityScreens.create(tx, { caseId: params.caseId, screenedAt: ctx.now(), result: screened.eligibility }),
      ),
    );
    return { case: screened.case, eligibility: screened.eligibility };
  });

  addRoute(app, 'candidates', async ({ params, query }) => {
    const ranking = unwrap(
      await rankCandidates(store, params.caseId, ctx.now(), {
        capacity: ctx.config.reviewerCapacity,
        ...(query.treatmentKind === undefined ? {} : { treatmentKind: query.treatmentKind }),
        ...(query.bodySystem === undefined ? {} : { bodySystem: query.bodySystem }),
      }),
    );
    const view = ({ ranked: r, name, profession }: RankedCandidate) => ({
      rank: r.rank,
      reviewer: { id: Number(r.reviewerId), name, ...(profession === undefined ? {} : { profession }) },
      matchScore: r.matchScore,
      californiaLicensed: r.californiaLicensed,
      workload: r.workload,
      needsConflictReview: r.needsConflictReview,
      specialty: {
        score: r.qualification.match.score,
        relevant: r.qualification.match.relevant,
        explanation: r.qualification.match.explanation,
        fits: r.qualification.match.fits.map((f) => ({ specialty: f.specialty, via: f.via, score: f.score })),
        items: r.qualification.match.items.map((m) => ({
          need: describeItemNeed(m.need),
          ...(m.specialty === undefined ? {} : { specialty: m.specialty }),
          score: m.score,
          relevant: m.relevant,
        })),
      },
      qualification: {
        qualified: r.qualification.qualified,
        criteria: r.qualification.criteria.map((c) => ({
          criterion: c.criterion,
          passed: c.passed,
          applicable: c.applicable,
          detail: c.detail,
        })),
      },
      conflicts: {
        clear: r.conflicts.clear,
        needsReview: r.conflicts.needsReview,
        hits: r.conflicts.hits.map((h) => ({
          partyRole: h.partyRole,
          affiliation: h.affiliation,
          rule: h.rule,
          severity: h.severity,
          explanation: h.explanation,
        })),
        notes: [...r.conflicts.notes],
        rolesScreened: [...r.conflicts.rolesScreened],
      },
    });
    const needs = ranking.needs;
    return {
      needs: {
        treatmentKind: needs.treatmentKind,
        bodySystem: needs.bodySystem,
        asOf: needs.asOf,
        items: itemNeedsOf(needs).map((n) => ({
          request: n.request,
          treatmentKind: n.treatmentKind,
          bodySystem: n.bodySystem,
          ...(n.region === undefined ? {} : { region: n.region }),
          ...(n.diagnosis === undefined ? {} : { diagnosis: n.diagnosis }),
          source: n.source,
          description: describeItemNeed(n),
        })),
      },
      ranked: ranking.ranked.map(view),
      needsLook: ranking.needsLook.map(view),
      excluded: ranking.excluded.map((x) => ({
        reviewer: { id: x.reviewerId, name: x.name },
        reasons: x.reasons.map((r) => ({ kind: r.kind, detail: r.detail })),
      })),
    };
  });

  addRoute(app, 'assign', async ({ params, body, request }) => {
    const { needs, ...rest } = body;
    const assigned = unwrap(
      await workflow.assignReviewer(actorOf(request), {
        caseId: params.caseId,
        ...rest,
        ...(needs === undefined ? {} : { needs: needs as never }),
      }),
    );
    return { case: assigned.case, assignments: [...assigned.assignments], explanation: assigned.explanation };
  });

  addRoute(app, 'notice', async ({ params, body, request }) => {
    const r = unwrap(await workflow.sendNoticeOfAssignment(actorOf(request), { caseId: params.caseId, ...body }));
    return { case: r.case };
  });

  addRoute(app, 'records', async ({ params, body, request }) => {
    const { documents: uploads, ...rest } = body;
    const docs = unwrap(decodeDocuments(uploads, uploadLimit));
    const r = unwrap(
      await workflow.receiveRecords(actorOf(request), { caseId: params.caseId, ...rest, documents: docs }),
    );
    return {
      case: r.case,
      documentIds: [...r.documentIds],
      duplicateDocuments: [...r.duplicateDocuments],
      ocr: r.ocr.map(ocrView),
    };
  });

  addRoute(app, 'supplementalRecords', async ({ params, body, request }) => {
    const { documents: uploads, ...rest } = body;
    const docs = unwrap(decodeDocuments(uploads, uploadLimit));
    const r = unwrap(
      await workflow.addSupplementalRecords(actorOf(request), { caseId: params.caseId, ...rest, documents: docs }),
    );
    return {
      case: r.case,
      documentIds: [...r.documentIds],
      duplicateDocuments: [...r.duplicateDocuments],
      ocr: r.ocr.map(ocrView),
    };
  });

  addRoute(app, 'expedite', async ({ params, body, request }) => {
    const { documents: uploads, ...rest } = body;
    const docs = unwrap(decodeDocuments(uploads, uploadLimit));
    const r = unwrap(
      await workflow.convertToExpedited(actorOf(request), { caseId: params.caseId, ...rest, documents: docs }),
    );
    return { case: r.case, documentIds: [...r.documentIds] };
  });

  addRoute(app, 'extend', async ({ params, body, request }) => {
    const r = unwrap(await workflow.extendDecision(actorOf(request), { caseId: params.caseId, ...body }));
    return { case: r.case };
  });

  addRoute(app, 'terminate', async ({ params, body, request }) => {
    const r = unwrap(await workflow.terminate(actorOf(request), { caseId: params.caseId, ...body }));
    return { case: r.case };
  });

  addRoute(app, 'close', async ({ params, body, request }) => {
    const r = unwrap(await workflow.closeCase(actorOf(request), { caseId: params.caseId, ...body }));
    return { case: r.case };
  });

  addRoute(app, 'document', async ({ params, request }) => {
    if ((await documentCaseId(store, params.documentId)) !== params.caseId) return notFound('document');
    const read = unwrap(
      await workflow.readDocument(actorOf(request), { documentId: params.documentId, includeBytes: false }),
    );
    const { storagePath: _path, ...doc } = read.document;
    return doc;
  });

  addRoute(app, 'documentContent', async ({ params, query, request }) => {
    if ((await documentCaseId(store, params.documentId)) !== params.caseId) return notFound('document');
    const read = unwrap(
      await workflow.readDocument(actorOf(request), { documentId: params.documentId, includeBytes: true }),
    );
    if (read.bytes === undefined) return failWith(imrError('IMR_DOCUMENT_STORE_FAILED'));
    const ext = read.document.mime === 'application/pdf' ? 'pdf' : 'txt';
    return {
      file: read.bytes,
      mime: read.document.mime === 'application/pdf' ? 'application/pdf' : 'text/plain; charset=utf-8',
      filename: `document-${read.document.id}.${ext}`,
      disposition: query.disposition,
    };
  });

  addRoute(app, 'caseAudit', async ({ params }) => {
    // The case's own events (by caseId) and the reads and refusals filed under it as their entity.
    const [own, filed] = await Promise.all([
      auditEvents.listByCase(store, params.caseId, { limit: 5000 }),
      auditEvents.listByEntity(store, 'case', String(params.caseId), { limit: 5000 }),
    ]);
    const byId = new Map([...own, ...filed].map((e) => [e.id, e]));
    const events = [...byId.values()].sort((a, b) => a.id - b.id).slice(0, 5000);
    return { events };
  });
}
