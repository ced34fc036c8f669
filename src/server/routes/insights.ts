import type { FastifyInstance } from 'fastify';
import { letters, searchLetters } from '../../store/index.js';
import { dashboard } from '../../workflow/dashboard.js';
import { addRoute, notFound } from '../route.js';
import type { ServerContext } from './context.js';

/** The dashboard's aggregates, and search over published (redacted) letters. */
export function registerInsightRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { store } = ctx;

  addRoute(app, 'dashboard', async ({ query }) => {
    const asOf = ctx.now();
    const d = await dashboard(
      store,
      {
        source: query.source,
        ...(query.from === undefined ? {} : { from: query.from }),
        ...(query.to === undefined ? {} : { to: query.to }),
      },
      asOf,
      ctx.dueSoonDays,
    );
    return { asOf, ...d };
  });

  addRoute(app, 'searchLetters', async ({ query }) => {
    // Only public, redacted copies: a search must not surface a party's copy with names in it.
    const found = await searchLetters(store, query.q, { kinds: ['public-redacted'], limit: 100 });
    const page = found.slice(query.offset, query.offset + query.limit);
    const hits = [];
    for (const h of page) {
      const record = await letters.getById(store, h.letterId);
      hits.push({
        letterId: h.letterId,
        caseId: h.caseId,
        caseNumber: h.caseNumber,
        score: h.score,
        snippet: h.snippet,
        ...(record?.letter.case.decisionDate === undefined ? {} : { decisionDate: record.letter.case.decisionDate }),
        items: (record?.letter.items ?? []).map((i) => ({ request: i.request, decision: i.decision })),
      });
    }
    return { hits, total: found.length };
  });

  addRoute(app, 'publishedLetter', async ({ params }) => {
    const record = await letters.getById(store, params.letterId);
    if (record === undefined || record.kind !== 'public-redacted') return notFound('published letter');
    const c = await store.db
      .selectFrom('cases')
      .select('case_number')
      .where('id', '=', record.caseId)
      .executeTakeFirst();
    return { letterId: record.id, caseNumber: c?.case_number ?? '', letter: record.letter };
  });
}
