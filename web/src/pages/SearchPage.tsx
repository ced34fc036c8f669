import { useQuery } from '@tanstack/react-query';
import { type FormEvent, Fragment, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { call } from '../api/client.ts';
import { ErrorAlert, Loading } from '../components/Alert.tsx';
import { DecisionBadge } from '../components/Badges.tsx';
import { formatDate } from '../components/format.ts';
import { Page } from '../components/Page.tsx';

const PAGE = 20;

/** The snippet's matched terms (between « and ») as <mark>; everything else as plain text. */
function Snippet({ text }: { text: string }) {
  const parts = text.split(/«|»/);
  return (
    <p className="snippet">
      {parts.map((p, i) =>
        // Odd pieces sit between « and ».
        // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one string never reorder
        i % 2 === 1 ? <mark key={i}>{p}</mark> : <Fragment key={i}>{p}</Fragment>,
      )}
    </p>
  );
}

/** Full-text search over published (redacted) determination letters. */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const offset = Number(params.get('offset') ?? '0') || 0;
  const [text, setText] = useState(q);
  const inputId = useId();
  const hintId = useId();
  const search = useQuery({
    queryKey: ['search', q, offset],
    queryFn: ({ signal }) => call('searchLetters', { query: { q, limit: PAGE, offset }, signal }),
    enabled: q.trim() !== '',
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    setParams(text.trim() === '' ? {} : { q: text.trim() });
  }

  const hits = search.data?.hits ?? [];
  return (
    <Page title="Search letters" sub="Published determination letters, redacted">
      <search>
        <form onSubmit={submit} className="row" style={{ marginBottom: '1rem' }}>
          <div className="field" style={{ flex: '1 1 28rem' }}>
            <label htmlFor={inputId}>Search for</label>
            <span className="hint" id={hintId}>
              Words in the requests, summaries or rationales, e.g. “lumbar epidural steroid injection”.
            </span>
            <input
              id={inputId}
              type="search"
              value={text}
              aria-describedby={hintId}
              onChange={(e) => setText(e.target.value)}
            />
          </div>
          <div className="field" style={{ flex: '0 0 auto' }}>
            <button type="submit" className="btn">
              Search
            </button>
          </div>
        </form>
      </search>
      {search.isFetching ? <Loading what="results" /> : null}
      <ErrorAlert error={search.error} title="The search did not run" />
      {search.data === undefined ? null : (
        <>
          <p role="status">
            {hits.length === 0
              ? `No letters match “${q}”.`
              : `Results ${offset + 1}–${offset + hits.length} for “${q}”.`}
          </p>
          <ol className="hits" start={offset + 1}>
            {hits.map((h) => (
              <li key={h.letterId} className="card">
                <h2 style={{ fontSize: '1.05rem' }}>
                  <Link to={`/published-letters/${h.letterId}`}>Case {h.caseNumber}</Link>{' '}
                  <span className="muted" style={{ fontWeight: 400 }}>
                    decided {formatDate(h.decisionDate)}
                  </span>
                </h2>
                <ul>
                  {h.items.map((it, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the items of a letter are in letter order
                    <li key={i}>
                      {it.request} <DecisionBadge decision={it.decision} />
                    </li>
                  ))}
                </ul>
                <Snippet text={h.snippet} />
              </li>
            ))}
          </ol>
          <nav aria-label="Result pages" className="form-actions">
            {offset > 0 ? (
              <Link
                className="btn secondary"
                to={`/search?q=${encodeURIComponent(q)}&offset=${Math.max(0, offset - PAGE)}`}
              >
                Previous results
              </Link>
            ) : null}
            {hits.length === PAGE && offset + PAGE < 100 ? (
              <Link className="btn secondary" to={`/search?q=${encodeURIComponent(q)}&offset=${offset + PAGE}`}>
                More results
              </Link>
            ) : null}
          </nav>
        </>
      )}
    </Page>
  );
}
