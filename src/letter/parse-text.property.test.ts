import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reflow } from '../../test/mutate.js';
import { corpusDir, seedsDir } from '../../test/shared-data.js';
import { ERROR_CODES } from '../domain/errors.js';
import { Letter } from '../domain/letter.js';
import { parseLetterText } from './parse-text.js';

function loadTexts(): string[] {
  const texts: string[] = [];
  for (const dir of [corpusDir(), seedsDir()]) {
    if (!dir) continue;
    for (const f of readdirSync(dir)
      .filter((n) => n.endsWith('.txt'))
      .sort())
      texts.push(readFileSync(join(dir, f), 'utf8'));
  }
  return texts;
}

function withoutFile(value: unknown): unknown {
  const { file: _f, ...rest } = value as Record<string, unknown>;
  return rest;
}

const texts = loadTexts();

describe.skipIf(texts.length === 0)('parser properties over mutated real letters', () => {
  const letterIndex = fc.integer({ min: 0, max: Math.max(0, texts.length - 1) });

  it('never throws: any mutation yields a valid letter or a coded error', () => {
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('drop' as const), seedLines: fc.array(fc.nat(), { minLength: 1, maxLength: 12 }) }),
      fc.record({ kind: fc.constant('truncate' as const), fraction: fc.double({ min: 0, max: 1, noNaN: true }) }),
      fc.record({
        kind: fc.constant('pagebreaks' as const),
        seedLines: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
      }),
      fc.record({ kind: fc.constant('junk' as const), at: fc.nat(), junk: fc.string({ maxLength: 40 }) }),
      fc.record({
        kind: fc.constant('reflow' as const),
        width: fc.integer({ min: 20, max: 160 }),
        pageEvery: fc.integer({ min: 3, max: 70 }),
      }),
      fc.record({
        kind: fc.constant('duplicate' as const),
        seedLines: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
      }),
    );
    fc.assert(
      fc.property(letterIndex, fc.array(mutation, { minLength: 1, maxLength: 4 }), (i, mutations) => {
        let text = texts[i] as string;
        for (const m of mutations) {
          const lines = text.split('\n');
          switch (m.kind) {
            case 'drop':
              for (const s of m.seedLines) lines.splice(s % Math.max(1, lines.length), 1);
              text = lines.join('\n');
              break;
            case 'truncate':
              text = text.slice(0, Math.floor(text.length * m.fraction));
              break;
            case 'pagebreaks':
              for (const s of m.seedLines) {
                const at = s % Math.max(1, lines.length);
                lines[at] = `\f${lines[at] ?? ''}`;
              }
              text = lines.join('\n');
              break;
            case 'junk': {
              const at = m.at % Math.max(1, text.length);
              text = text.slice(0, at) + m.junk + text.slice(at);
              break;
            }
            case 'reflow':
              text = reflow(text, m.width, m.pageEvery);
              break;
            case 'duplicate':
              for (const s of m.seedLines) {
                const at = s % Math.max(1, lines.length);
                lines.splice(at, 0, lines[at] ?? '');
              }
              text = lines.join('\n');
              break;
            default: {
              const never: never = m;
              throw new Error(`unknown mutation ${String(never)}`);
            }
          }
        }
        const result = parseLetterText(text);
        if (result.ok) {
          expect(Letter.safeParse(result.value).success).toBe(true);
        } else {
          expect(Object.keys(ERROR_CODES)).toContain(result.error.code);
          expect(result.error.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('re-wrapping paragraphs and moving page breaks does not change the parse', () => {
    fc.assert(
      fc.property(
        letterIndex,
        fc.integer({ min: 45, max: 150 }),
        fc.integer({ min: 4, max: 60 }),
        (i, width, pageEvery) => {
          const original = parseLetterText(texts[i] as string);
          const moved = parseLetterText(reflow(texts[i] as string, width, pageEvery));
          expect(original.ok).toBe(true);
          expect(moved.ok).toBe(true);
          if (original.ok && moved.ok) expect(withoutFile(moved.value)).toEqual(withoutFile(original.value));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('dropping the decision of an item is reported as a truncated letter, not a wrong parse', () => {
    for (const text of texts) {
      const cut = text.replace(/:([ \t]*)(Upheld|Overturned)([ \t]*)$/m, '$1$3');
      const result = parseLetterText(cut);
      expect(result.ok ? 'parsed' : result.error.code).toBe('IMR_LETTER_TRUNCATED');
    }
  });
});
