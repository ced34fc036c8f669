import type { Basis, Citation } from '../domain/letter.js';
import { collapse } from './text-lines.js';

/** Phrases by which a letter says a decision did not rest on the MTUS. */
const NOT_MTUS =
  /did not base (?:their|its|his|her) decision on (?:the )?MTUS|based (?:their|its|his|her) decision on recommendations?(?:\(s\))? outside (?:of )?the MTUS|did not cite any (?:medical )?evidence/i;

const DECISION_BASED_ON = /Decision based on\s+/gi;
const NON_MTUS_LEAD = /^Non-?\s*MTUS\s+Citations?:?\s*/i;
const MTUS_LEAD = /^(?:the\s+)?(?:CA\s+)?MTUS\b:?\s*/i;
const AND_JOIN = /,\s+and\s+/g;
const YEAR = /\b(?:19|20)\d{2}\b/;
const GUIDELINE_AHEAD = /^[A-Z][^.;:]{0,80}?\s(?:19|20)\d{2}(?:[,.]|\s+(?:Pages?|Sections?)\b|\s*$)/;

/**
 * Splits "A 2004, Section(s): x, and B 2016, Section(s): y" into its guideline parts; a ", and" splits
 * only when the part before already names an edition year and a titled edition follows
 * (so "Forearm, Wrist, and Hand Complaints 2004" stays whole).
 */
function splitMtusParts(body: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const m of body.matchAll(AND_JOIN)) {
    const before = body.slice(from, m.index);
    const after = body.slice(m.index + m[0].length);
    if (YEAR.test(before) && GUIDELINE_AHEAD.test(after)) {
      parts.push(before);
      from = m.index + m[0].length;
    }
  }
  parts.push(body.slice(from));
  return parts;
}
const PAGES = /[,;.]?\s*Pages?(?:\(s\))?\s*:?\s*(\d+(?:\s*[-–]\s*\d+)?(?:\s*(?:,|and|&)\s*\d+(?:\s*[-–]\s*\d+)?)*)/i;
const SECTIONS = /[,;.]?\s*Sections?(?:\(s\))?\s*:\s*/i;

function trimEnd(s: string): string {
  return s.replace(/[\s.,;:]+$/u, '').trim();
}

/** "63,64" / "98, 99" / "88-89" / "60, 78, 86" → page numbers; ranges expand. */
export function parsePages(list: string): number[] {
  const pages: number[] = [];
  for (const m of list.matchAll(/(\d+)(?:\s*[-–]\s*(\d+))?/g)) {
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (a <= 0) continue;
    if (b >= a && b - a <= 100) {
      for (let p = a; p <= b; p++) if (!pages.includes(p)) pages.push(p);
    } else if (!pages.includes(a)) {
      pages.push(a);
    }
  }
  return pages;
}

function mtusCitation(part: string): Citation | undefined {
  let text = part;
  let sections: string | undefined;
  let pages: number[] | undefined;
  const s = SECTIONS.exec(text);
  if (s) {
    sections = trimEnd(text.slice(s.index + s[0].length));
    text = text.slice(0, s.index);
  }
  const p = PAGES.exec(text);
  if (p) {
    const found = parsePages(p[1] ?? '');
    if (found.length > 0) pages = found;
    text = text.slice(0, p.index);
  }
  const title = trimEnd(text);
  if (title === '') return undefined;
  const citation: Citation = { source: 'MTUS', text: title };
  if (pages !== undefined) citation.pages = pages;
  if (sections !== undefined && sections !== '') citation.sections = sections;
  return citation;
}

/** Reads a basis paragraph ("Claims Administrator guideline: …" without its label). */
export function parseBasis(rawText: string): Basis {
  const raw = collapse(rawText);
  const citations: Citation[] = [];
  const starts = [...raw.matchAll(DECISION_BASED_ON)].map((m) => ({ at: m.index, body: m.index + m[0].length }));
  for (let i = 0; i < starts.length; i++) {
    const cur = starts[i];
    if (cur === undefined) continue;
    const end = starts[i + 1]?.at ?? raw.length;
    const segment = raw.slice(cur.body, end).trim();
    const nonMtus = NON_MTUS_LEAD.exec(segment);
    if (nonMtus) {
      const text = trimEnd(segment.slice(nonMtus[0].length));
      if (text !== '') citations.push({ source: 'Non-MTUS', text });
      continue;
    }
    const mtus = MTUS_LEAD.exec(segment);
    if (!mtus) continue;
    const body = segment.slice(mtus[0].length);
    for (const part of splitMtusParts(body)) {
      const c = mtusCitation(part);
      if (c) citations.push(c);
    }
  }
  const usedMtus = !NOT_MTUS.test(raw) && citations.some((c) => c.source === 'MTUS');
  return { usedMtus, citations, raw };
}
