import { type RawBuilder, sql } from 'kysely';
import type { DocumentKind, LetterKind } from '../domain/case.js';
import { clampLimit } from './repos/common.js';
import type { Handle } from './schema.js';

/**
 * Full-text search, one interface over two engines: FTS5 (BM25 ranking, `snippet()`) on SQLite and
 * a stored tsvector with a GIN index (`ts_rank_cd`, `ts_headline`) on PostgreSQL, both with
 * English stemming. A query is words and "quoted phrases", all of which must match; common English
 * words ("the", "not") are ignored as PostgreSQL ignores them; operators and punctuation have no
 * special meaning and control characters count as spaces, so any user input is a valid query.
 * Scores are higher-better and comparable only within one result list (and one dialect).
 */

/** Snippets mark matched terms with these; escape the rest before rendering as HTML. */
export const SNIPPET_OPEN = '«';
export const SNIPPET_CLOSE = '»';

export interface QueryPart {
  readonly text: string;
  readonly phrase: boolean;
}

/**
 * PostgreSQL's English stop words (Snowball list, `english.stop`). PostgreSQL leaves them out of
 * queries; leaving them out on SQLite too makes both engines answer the same words the same way.
 */
const STOP_WORDS = new Set(
  [
    'i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her',
    'hers herself it its itself they them their theirs themselves what which who whom this that these',
    'those am is are was were be been being have has had having do does did doing a an the and but if or',
    'because as until while of at by for with about against between into through during before after',
    'above below to from up down in out on off over under again further then once here there when where',
    'why how all any both each few more most other some such no nor not only own same so than too very s',
    't can will just don should now',
  ]
    .join(' ')
    .split(' '),
);

const MAX_PARTS = 32;
const MAX_PART_LENGTH = 200;
const HAS_WORD = /[\p{L}\p{N}]/u;

/**
 * Control and format characters (NUL, DEL, C1 controls, zero-width and bidi marks): FTS5 ends a
 * string at a NUL and PostgreSQL refuses one in text, so they are taken as spaces before anything else.
 */
const CONTROL = /[\p{Cc}\p{Cf}]/gu;

/** Splits a query into words and quoted phrases; drops stop words and parts with no letter or digit. */
export function parseQuery(query: string): QueryPart[] {
  const parts: QueryPart[] = [];
  for (const m of query.replace(CONTROL, ' ').matchAll(/"([^"]*)"?|([^\s"]+)/g)) {
    const phrase = m[1] !== undefined;
    const text = (m[1] ?? m[2] ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_PART_LENGTH);
    if (HAS_WORD.test(text) && (phrase || !STOP_WORDS.has(text.toLowerCase()))) parts.push({ text, phrase });
    if (parts.length === MAX_PARTS) break;
  }
  return parts;
}

/** FTS5: every part a quoted string (FTS5 tokenizes inside it), implicitly ANDed. */
export function fts5Query(parts: readonly QueryPart[]): string {
  return parts.map((p) => `"${p.text.replaceAll('"', '""')}"`).join(' ');
}

function tsQuery(parts: readonly QueryPart[]): RawBuilder<unknown> {
  return sql.join(
    parts.map((p) =>
      p.phrase ? sql`phraseto_tsquery('english', ${p.text})` : sql`plainto_tsquery('english', ${p.text})`,
    ),
    sql` && `,
  );
}

const HEADLINE = `StartSel="${SNIPPET_OPEN}", StopSel="${SNIPPET_CLOSE}", MaxFragments=1, MaxWords=24, MinWords=8, FragmentDelimiter=" … "`;

function tidy(snippet: string): string {
  return snippet.replace(/\s+/g, ' ').trim();
}

export interface DocumentSearchOptions {
  /** Only this case's documents. */
  readonly caseId?: number;
  /** Default 20, at most 100. */
  readonly limit?: number;
}

export interface DocumentHit {
  readonly documentId: number;
  readonly caseId: number;
  readonly title: string;
  readonly kind: DocumentKind;
  readonly score: number;
  readonly snippet: string;
}

interface DocumentHitRow {
  document_id: number;
  case_id: number;
  title: string;
  kind: string;
  score: number;
  snippet: string | null;
}

/** Documents whose extracted text matches, best first. */
export async function searchDocuments(
  h: Handle,
  query: string,
  options: DocumentSearchOptions = {},
): Promise<DocumentHit[]> {
  const parts = parseQuery(query);
  if (parts.length === 0) return [];
  const limit = clampLimit(options.limit, 20, 100);
  const inCase = options.caseId === undefined ? sql`` : sql`and d.case_id = ${options.caseId}`;
  const result =
    h.dialect === 'sqlite'
      ? await sql<DocumentHitRow>`
          select d.id as document_id, d.case_id, d.title, d.kind,
                 -bm25(document_text_fts) as score,
                 snippet(document_text_fts, 0, ${SNIPPET_OPEN}, ${SNIPPET_CLOSE}, '…', 24) as snippet
          from document_text_fts
          join documents d on d.id = document_text_fts.rowid
          where document_text_fts match ${fts5Query(parts)} ${inCase}
          order by bm25(document_text_fts), d.id
          limit ${limit}`.execute(h.db)
      : await sql<DocumentHitRow>`
          with q as (select ${tsQuery(parts)} as query),
          hits as (
            select t.document_id, ts_rank_cd(t.search_vector, q.query) as score
            from document_text t
            join documents d on d.id = t.document_id
            cross join q
            where t.search_vector @@ q.query ${inCase}
            order by score desc, t.document_id
            limit ${limit}
          )
          select d.id as document_id, d.case_id, d.title, d.kind, hits.score,
                 ts_headline('english', t.body, q.query, ${HEADLINE}) as snippet
          from hits
          join documents d on d.id = hits.document_id
          join document_text t on t.document_id = hits.document_id
          cross join q
          order by hits.score desc, d.id`.execute(h.db);
  return result.rows.map((r) => ({
    documentId: r.document_id,
    caseId: r.case_id,
    title: r.title,
    kind: r.kind as DocumentKind,
    score: Number(r.score),
    snippet: tidy(r.snippet ?? ''),
  }));
}

export interface LetterSearchOptions {
  readonly caseId?: number;
  /** Only these kinds of letter (imported letters are `public-redacted`); all when absent. */
  readonly kinds?: readonly LetterKind[];
  /** Default 20, at most 100. */
  readonly limit?: number;
}

export interface LetterHit {
  readonly letterId: number;
  readonly caseId: number;
  readonly caseNumber: string;
  readonly kind: LetterKind;
  readonly score: number;
  readonly snippet: string;
}

interface LetterHitRow {
  letter_id: number;
  case_id: number;
  case_number: string;
  kind: string;
  score: number;
  snippet: string | null;
}

/** Letters whose clinical summary or rationales match, best first. */
export async function searchLetters(h: Handle, query: string, options: LetterSearchOptions = {}): Promise<LetterHit[]> {
  const parts = parseQuery(query);
  if (parts.length === 0 || options.kinds?.length === 0) return [];
  const limit = clampLimit(options.limit, 20, 100);
  const inCase = options.caseId === undefined ? sql`` : sql`and l.case_id = ${options.caseId}`;
  const ofKind =
    options.kinds === undefined ? sql`` : sql`and l.kind in (${sql.join(options.kinds.map((k) => sql`${k}`))})`;
  const result =
    h.dialect === 'sqlite'
      ? await sql<LetterHitRow>`
          select l.id as letter_id, l.case_id, c.case_number, l.kind,
                 -bm25(letter_text_fts) as score,
                 snippet(letter_text_fts, -1, ${SNIPPET_OPEN}, ${SNIPPET_CLOSE}, '…', 24) as snippet
          from letter_text_fts
          join letters l on l.id = letter_text_fts.rowid
          join cases c on c.id = l.case_id
          where letter_text_fts match ${fts5Query(parts)} ${inCase} ${ofKind}
          order by bm25(letter_text_fts), l.id
          limit ${limit}`.execute(h.db)
      : await sql<LetterHitRow>`
          with q as (select ${tsQuery(parts)} as query),
          hits as (
            select t.letter_id, ts_rank_cd(t.search_vector, q.query) as score
            from letter_text t
            join letters l on l.id = t.letter_id
            cross join q
            where t.search_vector @@ q.query ${inCase} ${ofKind}
            order by score desc, t.letter_id
            limit ${limit}
          )
          select l.id as letter_id, l.case_id, c.case_number, l.kind, hits.score,
                 ts_headline('english', t.summary || ' ' || t.rationales, q.query, ${HEADLINE}) as snippet
          from hits
          join letters l on l.id = hits.letter_id
          join cases c on c.id = l.case_id
          join letter_text t on t.letter_id = hits.letter_id
          cross join q
          order by hits.score desc, l.id`.execute(h.db);
  return result.rows.map((r) => ({
    letterId: r.letter_id,
    caseId: r.case_id,
    caseNumber: r.case_number,
    kind: r.kind as LetterKind,
    score: Number(r.score),
    snippet: tidy(r.snippet ?? ''),
  }));
}
