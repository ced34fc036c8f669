/**
 * The letters the bench reads: the dev corpus beside the project (`../shared/corpus/dev`, read in
 * place, never copied), or — when it is absent or `--synthetic` is given — invented letters rendered
 * by our own renderers. Synthetic PDFs go to a temporary directory (pdftotext needs files) that
 * `dispose()` removes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { renderLetterPdf } from '../../src/letter/render-pdf.js';
import { renderLetterText } from '../../src/letter/render-text.js';
import { syntheticLetter } from '../../src/synthetic/letter.js';

export interface TextLetter {
  readonly name: string;
  readonly text: string;
  /** UTF-8 size. */
  readonly bytes: number;
}

export interface PdfLetter {
  readonly name: string;
  readonly path: string;
  readonly bytes: Uint8Array;
}

export interface LetterCorpus {
  /** e.g. "55 dev letters" or "55 synthetic letters". */
  readonly label: string;
  readonly texts: readonly TextLetter[];
  readonly pdfs: readonly PdfLetter[];
  readonly notes: readonly string[];
  dispose(): Promise<void>;
}

/** How many letters to invent when the dev corpus is absent (the dev corpus has 55). */
export const SYNTHETIC_COUNT = 55;

export function devCorpusDir(projectRoot: string): string {
  return resolve(projectRoot, '../shared/corpus/dev');
}

export async function loadLetterCorpus(projectRoot: string, forceSynthetic: boolean): Promise<LetterCorpus> {
  const dir = devCorpusDir(projectRoot);
  const files = !forceSynthetic && existsSync(dir) ? readdirSync(dir).sort() : [];
  const texts: TextLetter[] = files
    .filter((f) => f.endsWith('.txt'))
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      return { name: f, text, bytes: Buffer.byteLength(text, 'utf8') };
    });
  const pdfs: PdfLetter[] = files
    .filter((f) => f.endsWith('.pdf'))
    .map((f) => ({ name: f, path: join(dir, f), bytes: new Uint8Array(readFileSync(join(dir, f))) }));
  if (texts.length > 0 && pdfs.length > 0) {
    return {
      label: `${Math.max(texts.length, pdfs.length)} dev letters`,
      texts,
      pdfs,
      notes: [`input: dev corpus ${dir} (${texts.length} .txt, ${pdfs.length} .pdf), read in place`],
      dispose: () => Promise.resolve(),
    };
  }

  const why = forceSynthetic
    ? '--synthetic given'
    : existsSync(dir)
      ? `${dir} holds no .txt or no .pdf letters`
      : `${dir} not found`;
  const tmp = await mkdtemp(join(tmpdir(), 'imr-bench-'));
  const synthTexts: TextLetter[] = [];
  const synthPdfs: PdfLetter[] = [];
  for (let seed = 1; seed <= SYNTHETIC_COUNT; seed++) {
    const letter = syntheticLetter(seed);
    const name = `synthetic-${String(seed).padStart(3, '0')}`;
    const text = renderLetterText(letter);
    synthTexts.push({ name: `${name}.txt`, text, bytes: Buffer.byteLength(text, 'utf8') });
    const bytes = await renderLetterPdf(letter);
    const path = join(tmp, `${name}.pdf`);
    await writeFile(path, bytes);
    synthPdfs.push({ name: `${name}.pdf`, path, bytes });
  }
  return {
    label: `${SYNTHETIC_COUNT} synthetic letters`,
    texts: synthTexts,
    pdfs: synthPdfs,
    notes: [
      `input: SYNTHETIC letters (${why}): syntheticLetter(1..${SYNTHETIC_COUNT}) rendered by renderLetterText / renderLetterPdf — not real letters, figures are indicative only`,
    ],
    dispose: () => rm(tmp, { recursive: true, force: true }),
  };
}
