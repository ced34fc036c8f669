import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLetterText } from '../src/letter/parse-text.js';
import { corpusDir, seedsDir } from './shared-data.js';

/**
 * The disputed items' requests in the real letters beside the project (dev corpus and seeds):
 * each item's `request`, and its `originalRequest` when the UR decision was a modification.
 * Engine tests read them through here because src/engine may not import src/letter.
 * Empty on a machine without the letters (and `corpusDir()` throws in CI when they are missing).
 */
export interface LetterRequest {
  readonly file: string;
  readonly text: string;
  /** The letter's decision date (ISO), to read two-digit years against. */
  readonly decisionDate?: string;
}

export function letterRequests(): LetterRequest[] {
  const out: LetterRequest[] = [];
  for (const dir of [corpusDir(), seedsDir()]) {
    if (!dir) continue;
    for (const file of readdirSync(dir)
      .filter((n) => n.endsWith('.txt'))
      .sort()) {
      const parsed = parseLetterText(readFileSync(join(dir, file), 'utf8'), { file });
      if (!parsed.ok) continue;
      const decisionDate = parsed.value.case.decisionDate;
      for (const item of parsed.value.items) {
        for (const text of [item.request, item.originalRequest]) {
          if (text === undefined) continue;
          out.push(decisionDate ? { file, text, decisionDate } : { file, text });
        }
      }
    }
  }
  return out;
}
