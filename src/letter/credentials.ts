import type { Reviewer } from '../domain/letter.js';

const LIST_FORM_LICENSURE = /State\(s\)\s*of\s*Licensure\s*:\s*(.*?)\s*(?=Certification\(s\)|$)/i;
const LIST_FORM_SPECIALTY = /Certification\(s\)\s*\/\s*Specialty\s*:\s*(.*)$/i;
const BOARD_CERTIFIED =
  /Board[ -]Certified\s+in\s+(.+?)(?=,?\s+(?:and\s+)?has\s+a\s+sub-?specialty\s+in\s|,?\s+and\s+is\s+licensed\s|\.(?:\s|$)|$)/i;
const SUBSPECIALTY = /has\s+a\s+sub-?specialty\s+in\s+(.+?)(?=,?\s+and\s+is\s+licensed\s|\.(?:\s|$)|$)/i;
const LICENSED = /licensed\s+to\s+practice\s+in\s+(.+?)(?=\.(?:\s|$)|$)/i;

/** Expands the abbreviations letters use for the same board ("Physical Medicine Rehab"). */
export function canonicalSpecialty(name: string): string {
  let s = name.replace(/\s+/g, ' ').trim();
  s = s.replace(/\bRehab\b\.?/gi, 'Rehabilitation');
  s = s.replace(/^Physical Medicine,?\s+Rehabilitation$/i, 'Physical Medicine and Rehabilitation');
  s = s.replace(/^PM\s*&\s*R$/i, 'Physical Medicine and Rehabilitation');
  return s;
}

function splitList(s: string, splitOnAnd: boolean): string[] {
  const parts = s.split(splitOnAnd ? /\s*,\s*|\s+and\s+/i : /\s*,\s*/);
  return parts.map((p) => p.replace(/[\s.;:]+$/, '').trim()).filter((p) => p !== '');
}

/**
 * Reads the reviewer's credentials from the "how the determination was made" section: either the
 * "State(s) of Licensure / Certification(s)/Specialty" lines or a sentence
 * ("Board Certified in … has a subspecialty in … licensed to practice in …").
 */
export function parseCredentials(sectionText: string): Reviewer {
  const reviewer: Reviewer = { licensure: [], specialties: [], subspecialties: [] };
  const lic = LIST_FORM_LICENSURE.exec(sectionText);
  const spec = LIST_FORM_SPECIALTY.exec(sectionText);
  if (lic || spec) {
    reviewer.licensure = splitList(lic?.[1] ?? '', false);
    reviewer.specialties = splitList(spec?.[1] ?? '', false).map(canonicalSpecialty);
    return reviewer;
  }
  const board = BOARD_CERTIFIED.exec(sectionText);
  if (board) reviewer.specialties = splitList(board[1] ?? '', false).map(canonicalSpecialty);
  const sub = SUBSPECIALTY.exec(sectionText);
  if (sub) reviewer.subspecialties = splitList(sub[1] ?? '', false).map(canonicalSpecialty);
  const licensed = LICENSED.exec(sectionText);
  if (licensed) reviewer.licensure = splitList(licensed[1] ?? '', true);
  return reviewer;
}
