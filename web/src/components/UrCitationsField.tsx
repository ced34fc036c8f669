import type { Basis } from '../api/types.ts';
import { Field } from './Field.tsx';

/**
 * What the UR decision cited for one treatment, as intake reads it off the denial: one guideline per
 * line, free text ("MTUS Chronic Pain Medical Treatment Guidelines, Opioids, pages 78-80"; "ODG Low
 * Back, Section: Facet joint injections"). It becomes the claims administrator's basis in the letter.
 */

/** Pages from "page 78", "pp. 78, 80", "Page(s): 78-80" (a range gives every page in it, at most 50). */
function pagesOf(text: string): { rest: string; pages: number[] | undefined } {
  const m = /[,;]?\s*\b(?:pages?|pp?\.|page\(s\)):?\s*([\d,\s–-]+)\s*$/i.exec(text);
  if (m === null) return { rest: text, pages: undefined };
  const pages: number[] = [];
  for (const part of (m[1] ?? '').split(/[,\s]+/).filter((p) => p !== '')) {
    const [a, b] = part.split(/[–-]/).map(Number);
    if (a === undefined || !Number.isInteger(a) || a <= 0) continue;
    if (b !== undefined && Number.isInteger(b) && b >= a && b - a < 50) for (let p = a; p <= b; p++) pages.push(p);
    else pages.push(a);
  }
  return { rest: text.slice(0, m.index).trim(), pages: pages.length > 0 ? [...new Set(pages)] : undefined };
}

export function parseUrCitations(text: string): Basis | undefined {
  const lines = text
    .split('\n')
    .map((l) => l.trim().replace(/\s+/g, ' '))
    .filter((l) => l !== '');
  if (lines.length === 0) return undefined;
  const citations = lines.map((line) => {
    const { rest, pages } = pagesOf(line);
    const section = /[,;]?\s*\bsections?(?:\(s\))?:?\s*(.+)$/i.exec(rest);
    const body = (section === null ? rest : rest.slice(0, section.index)).replace(/[,;\s]+$/, '') || line;
    const source = /\b(?:MTUS|ACOEM)\b/i.test(body) ? ('MTUS' as const) : ('Non-MTUS' as const);
    return {
      source,
      text: source === 'MTUS' ? body.replace(/^(?:CA\s+)?MTUS\s*/i, '') || body : body,
      ...(pages === undefined ? {} : { pages }),
      ...(section?.[1] === undefined ? {} : { sections: section[1].trim() }),
    };
  });
  return { usedMtus: citations.some((c) => c.source === 'MTUS'), citations, raw: '' };
}

export function UrCitationsField({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <Field
      label="Guidelines the UR decision cited"
      hint="One per line: source, section and pages as the denial gives them, e.g. “MTUS Chronic Pain Medical Treatment Guidelines, Opioids, pages 78-80”. Leave empty if it cited none."
      className="wide"
    >
      <textarea id={id} rows={2} value={value} onChange={(e) => onChange(e.target.value)} />
    </Field>
  );
}
