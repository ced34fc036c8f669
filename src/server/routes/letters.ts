import type { FastifyInstance } from 'fastify';
import type { LetterRecord } from '../../domain/case.js';
import { DEMO_LETTERHEAD } from '../../letter/index.js';
import { auditDocumentReads, readLetter } from '../../workflow/audited-reads.js';
import { approveLetter, issueApprovedLetter, previewLetter } from '../../workflow/letter-approval.js';
import { actorOf } from '../auth.js';
import { addRoute, notFound, unwrap } from '../route.js';
import type { ServerContext } from './context.js';

/** The letter: preview, QA approval, issue, and the issued copies (every read audited). */

function metaOf(r: LetterRecord) {
  return {
    id: r.id,
    caseId: r.caseId,
    kind: r.kind,
    ...(r.recipientRole === undefined ? {} : { recipientRole: r.recipientRole }),
    format: r.format,
    ...(r.sha256 === undefined ? {} : { sha256: r.sha256 }),
    issuedAt: r.issuedAt,
  };
}

export function registerLetterRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { store, workflow } = ctx;

  addRoute(app, 'letterPreview', async ({ params, request }) => {
    const p = unwrap(
      await previewLetter(
        store,
        params.caseId,
        ctx.now(),
        ctx.config.organization ?? ctx.config.letterhead?.name ?? DEMO_LETTERHEAD.name,
      ),
    );
    // The letter prints the reviewer's summary: reading it here is a read of that document.
    if (p.summaryDocumentId !== undefined) {
      unwrap(
        await auditDocumentReads(store, actorOf(request), {
          caseId: params.caseId,
          documentIds: [p.summaryDocumentId],
          via: 'letter-preview',
          at: ctx.now(),
        }),
      );
    }
    return {
      caseVersion: p.caseVersion,
      letter: p.letter,
      text: p.text,
      publicLetter: p.publicLetter,
      approval: p.approval ?? null,
    };
  });

  addRoute(app, 'approveLetter', async ({ params, body, request }) => {
    const approval = unwrap(
      await approveLetter(store, actorOf(request), { caseId: params.caseId, ...body }, ctx.now()),
    );
    return { approval };
  });

  addRoute(app, 'issueLetter', async ({ params, body, request }) => {
    const issued = unwrap(
      await issueApprovedLetter(store, workflow, actorOf(request), { caseId: params.caseId, ...body }),
    );
    return { case: issued.case, letters: issued.records.map(metaOf) };
  });

  addRoute(app, 'returnToReviewer', async ({ params, body, request }) => {
    const returned = unwrap(await workflow.returnToReviewer(actorOf(request), { caseId: params.caseId, ...body }));
    return { case: returned.case, qaReturn: returned.qaReturn };
  });

  addRoute(app, 'letter', async ({ params, request }) => {
    const read = unwrap(
      await readLetter(store, actorOf(request), {
        caseId: params.caseId,
        letterId: params.letterId,
        includeBytes: false,
        at: ctx.now(),
      }),
    );
    return { ...metaOf(read.record), letter: read.record.letter };
  });

  addRoute(app, 'letterFile', async ({ params, query, request }) => {
    const read = unwrap(
      await readLetter(store, actorOf(request), {
        caseId: params.caseId,
        letterId: params.letterId,
        includeBytes: true,
        at: ctx.now(),
      }),
    );
    if (read.bytes === undefined) return notFound('letter file');
    const r = read.record;
    const who = r.recipientRole === undefined ? r.kind : `${r.kind}-${r.recipientRole}`;
    return {
      file: read.bytes,
      mime: r.format === 'pdf' ? 'application/pdf' : 'text/plain; charset=utf-8',
      filename: `${r.letter.case.caseNumber ?? `case-${r.caseId}`}-${who}.${r.format === 'pdf' ? 'pdf' : 'txt'}`,
      disposition: query.disposition,
    };
  });
}
