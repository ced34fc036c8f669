import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDir, seedsDir } from '../../test/shared-data.js';
import type { Letter } from '../domain/letter.js';
import { syntheticLetter } from '../synthetic/letter.js';
import { parseLetterBytes } from './load.js';
import { parseLetterText } from './parse-text.js';
import { renderLetterPdf } from './render-pdf.js';
import { renderLetterText } from './render-text.js';

function withoutFile(letter: Letter): Omit<Letter, 'file'> {
  const { file: _f, ...rest } = letter;
  return rest;
}

function parsed(text: string): Letter {
  const r = parseLetterText(text);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

async function viaPdf(letter: Letter): Promise<Letter> {
  const r = await parseLetterBytes(await renderLetterPdf(letter), 'rendered.pdf');
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

const realLetters: { name: string; letter: Letter }[] = [];
for (const dir of [corpusDir(), seedsDir()]) {
  if (!dir) continue;
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort()) {
    realLetters.push({ name: f, letter: parsed(readFileSync(join(dir, f), 'utf8')) });
  }
}

describe.skipIf(realLetters.length === 0)('round trip of real letters: render, then parse, gives the same JSON', () => {
  it.each(realLetters)('$name as text', ({ letter }) => {
    expect(withoutFile(parsed(renderLetterText(letter)))).toEqual(withoutFile(letter));
  });
  it.each(realLetters)('$name as PDF', async ({ letter }) => {
    expect(withoutFile(await viaPdf(letter))).toEqual(withoutFile(letter));
  });
});

describe('round trip of synthetic letters', () => {
  const seeds = Array.from({ length: 60 }, (_, i) => i + 1);
  it.each(seeds)('synthetic letter %i as text', (seed) => {
    const letter = syntheticLetter(seed);
    expect(withoutFile(parsed(renderLetterText(letter)))).toEqual(withoutFile(letter));
  });
  it.each(seeds.slice(0, 15))('synthetic letter %i as PDF', async (seed) => {
    const letter = syntheticLetter(seed);
    expect(withoutFile(await viaPdf(letter))).toEqual(withoutFile(letter));
  });
});
