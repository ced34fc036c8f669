import { Fragment, useMemo } from 'react';

export interface Span {
  /** Unique across the text: `item-criterion-n`. */
  readonly key: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Finds where a quote is in the text: at its offsets when the text there is the quote, else the
 * first place the quote occurs (offsets from another copy of the text), else nowhere.
 */
export function locate(
  text: string,
  quote: string,
  start: number,
  end: number,
): { start: number; end: number } | undefined {
  if (start >= 0 && end <= text.length && start < end && text.slice(start, end) === quote) return { start, end };
  const at = quote === '' ? -1 : text.indexOf(quote);
  return at < 0 ? undefined : { start: at, end: at + quote.length };
}

/**
 * The text with the evidence spans marked. Overlapping spans split into pieces; each mark knows the
 * spans it belongs to (`data-ev`, space-separated keys), so a criterion can move focus to its quote
 * (`focusSpan`).
 */
export function HighlightedText({
  text,
  spans,
  active,
}: {
  text: string;
  spans: readonly Span[];
  active?: string | undefined;
}) {
  const pieces = useMemo(() => {
    const cuts = new Set<number>([0, text.length]);
    for (const s of spans) {
      cuts.add(Math.max(0, Math.min(text.length, s.start)));
      cuts.add(Math.max(0, Math.min(text.length, s.end)));
    }
    const points = [...cuts].sort((a, b) => a - b);
    const out: { from: number; to: number; keys: string[] }[] = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const from = points[i] as number;
      const to = points[i + 1] as number;
      out.push({ from, to, keys: spans.filter((s) => s.start <= from && s.end >= to).map((s) => s.key) });
    }
    return out;
  }, [text, spans]);
  return (
    <pre className="doc-text">
      {pieces.map((p) => {
        const chunk = text.slice(p.from, p.to);
        if (p.keys.length === 0) return <Fragment key={p.from}>{chunk}</Fragment>;
        return (
          <mark
            key={p.from}
            className={`evidence${active !== undefined && p.keys.includes(active) ? ' active' : ''}`}
            data-ev={p.keys.join(' ')}
            tabIndex={-1}
          >
            {chunk}
          </mark>
        );
      })}
    </pre>
  );
}

/** Moves focus to the first mark of a span inside `root` and scrolls it into view. */
export function focusSpan(root: HTMLElement | null, key: string): boolean {
  const mark = root?.querySelector<HTMLElement>(`mark[data-ev~="${CSS.escape(key)}"]`);
  if (mark === null || mark === undefined) return false;
  mark.scrollIntoView({ block: 'center' });
  mark.focus({ preventScroll: true });
  return true;
}
