/**
 * Letter parsing: text parse (target ≥ 5,000 letters/s on one core), PDF extraction in process with
 * pdfjs, and `pdftotext -layout` on the same PDFs as the baseline (target: ours ≤ 2.0× its time).
 * Every figure is from this run; each is paired with a baseline measured in alternating rounds.
 */
import { spawnSync } from 'node:child_process';
import { extractPdfText, parseLetterText } from '../../src/letter/index.js';
import { type LetterCorpus, loadLetterCorpus, type PdfLetter, type TextLetter } from '../lib/letter-corpus.js';
import { collectGarbage, measuredRow, now, pairedRatio } from '../lib/measure.js';
import type { BenchContext, Row, Suite, SuiteResult } from '../lib/types.js';

/** Text letters per timed round (the corpus repeated up to at least this many). */
const TEXT_LETTERS = 10_000;
const TEXT_ROUNDS = 5;
const TEXT_TARGET_PER_SECOND = 5_000;

/** Passes over the PDFs: at least this many, at most PDF_MAX_ROUNDS while within the time budget. */
const PDF_MIN_ROUNDS = 2;
const PDF_MAX_ROUNDS = 8;
const PDF_BUDGET_SECONDS = 45;
const PDF_MAX_RATIO = 2.0;

export const suite: Suite = {
  name: 'letter-parse',
  description: 'parseLetterText on letter text; extractPdfText (+ parse) on letter PDFs vs pdftotext -layout',
  async run(ctx: BenchContext): Promise<SuiteResult> {
    const corpus = await loadLetterCorpus(ctx.projectRoot, ctx.flags.has('synthetic'));
    try {
      return await measure(corpus);
    } finally {
      await corpus.dispose();
    }
  },
};

async function measure(corpus: LetterCorpus): Promise<SuiteResult> {
  const text = measureText(corpus.texts);
  const pdf = await measurePdf(corpus.pdfs);
  return {
    name: suite.name,
    title: `${corpus.label}; text × ${text.repeat} per round, PDF × 1 per round`,
    rows: [...text.rows, ...pdf.rows],
    notes: [...corpus.notes, ...text.notes, ...pdf.notes],
    data: { text: text.data, pdf: pdf.data },
  };
}

// ---------------------------------------------------------------- text

/** Parses every letter `repeat` times; returns how many parsed ok (also keeps the work observable). */
function parseRound(texts: readonly TextLetter[], repeat: number): number {
  let ok = 0;
  for (let r = 0; r < repeat; r++) {
    for (const t of texts) if (parseLetterText(t.text, { file: t.name }).ok) ok++;
  }
  return ok;
}

/**
 * Same-run floors for the parser, returning a checksum so the work is not optimized away. `splitRound`
 * only cuts every letter into lines; `collapseRound` also collapses each line's whitespace, which any
 * parser of layout text must at least do (and which is most of what the parser's first pass does).
 */
function splitRound(texts: readonly TextLetter[], repeat: number): number {
  let sum = 0;
  for (let r = 0; r < repeat; r++) {
    for (const t of texts) for (const line of t.text.split('\n')) sum += line.length;
  }
  return sum;
}

function collapseRound(texts: readonly TextLetter[], repeat: number): number {
  let sum = 0;
  for (let r = 0; r < repeat; r++) {
    for (const t of texts) {
      for (const line of t.text.split('\n')) sum += line.replace(/\s+/g, ' ').trim().length;
    }
  }
  return sum;
}

function timed<T>(fn: () => T): { seconds: number; value: T } {
  collectGarbage();
  const start = now();
  const value = fn();
  return { seconds: now() - start, value };
}

function measureText(texts: readonly TextLetter[]): {
  repeat: number;
  rows: Row[];
  notes: string[];
  data: Record<string, unknown>;
} {
  const repeat = Math.ceil(TEXT_LETTERS / texts.length);
  const letters = repeat * texts.length;
  const bytes = repeat * texts.reduce((a, t) => a + t.bytes, 0);

  // Warm-up: one full untimed round of each, so all run optimized code when timing starts.
  const okWarm = parseRound(texts, repeat);
  splitRound(texts, repeat);
  collapseRound(texts, repeat);

  const parseSec: number[] = [];
  const splitSec: number[] = [];
  const collapseSec: number[] = [];
  for (let round = 0; round < TEXT_ROUNDS; round++) {
    parseSec.push(timed(() => parseRound(texts, repeat)).seconds);
    splitSec.push(timed(() => splitRound(texts, repeat)).seconds);
    collapseSec.push(timed(() => collapseRound(texts, repeat)).seconds);
  }

  const failed = letters - okWarm;
  const notes = [
    `text: ${letters.toLocaleString('en-US')} letters (${texts.length} × ${repeat}) per round, one process, one thread; 1 warm-up + ${TEXT_ROUNDS} timed rounds, rounds alternate parse / baselines`,
    'text baselines: "split" = text.split("\\n") only; "collapse" = split plus line.replace(/\\s+/g, " ").trim() per line — reading the text, nothing parsed',
  ];
  if (failed > 0) notes.push(`text: ${failed / repeat} of ${texts.length} letters did not parse (timed all the same)`);
  const common = { unit: 'letters', itemsPerRound: letters, bytesPerRound: bytes };
  return {
    repeat,
    rows: [
      measuredRow({ label: 'text parse', ...common, seconds: parseSec, minRate: TEXT_TARGET_PER_SECOND }),
      measuredRow({
        label: 'text baseline split',
        ...common,
        seconds: splitSec,
        ratios: [pairedRatio('parse/baseline', parseSec, splitSec)],
      }),
      measuredRow({
        label: 'text baseline collapse',
        ...common,
        seconds: collapseSec,
        ratios: [pairedRatio('parse/baseline', parseSec, collapseSec)],
      }),
    ],
    notes,
    data: {
      lettersPerRound: letters,
      repeat,
      parseFailuresPerRound: failed,
      parseSeconds: parseSec,
      splitSeconds: splitSec,
      splitCollapseSeconds: collapseSec,
    },
  };
}

// ---------------------------------------------------------------- pdf

interface PdfPass {
  /** Summed time inside extractPdfText. */
  extract: number;
  /** Summed time inside extractPdfText + parseLetterText. */
  extractParse: number;
  extractFailures: number;
  parseFailures: number;
}

/** One pass over the PDFs, one at a time (through the worker pool); each letter is extracted then parsed, each step timed. */
async function ourPass(pdfs: readonly PdfLetter[]): Promise<PdfPass> {
  collectGarbage();
  const pass: PdfPass = { extract: 0, extractParse: 0, extractFailures: 0, parseFailures: 0 };
  for (const pdf of pdfs) {
    const t0 = now();
    const extracted = await extractPdfText(pdf.bytes);
    const t1 = now();
    if (extracted.ok) {
      if (!parseLetterText(extracted.value, { file: pdf.name }).ok) pass.parseFailures++;
    } else {
      pass.extractFailures++;
    }
    const t2 = now();
    pass.extract += t1 - t0;
    pass.extractParse += t2 - t0;
  }
  return pass;
}

/** `pdftotext -layout file -` once per file, one after another; wall time including process start. */
function pdftotextPass(pdfs: readonly PdfLetter[]): { seconds: number; failures: number } {
  collectGarbage();
  let failures = 0;
  const start = now();
  for (const pdf of pdfs) {
    const res = spawnSync('pdftotext', ['-layout', pdf.path, '-'], { maxBuffer: 64 * 1024 * 1024 });
    if (res.status !== 0 || res.stdout.length === 0) failures++;
  }
  return { seconds: now() - start, failures };
}

/** `pdftotext -v` → "pdftotext version 22.02.0", or undefined when it is not on PATH. */
function pdftotextVersion(): string | undefined {
  const res = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
  if (res.error !== undefined) return undefined;
  const line = `${res.stderr}\n${res.stdout}`.split('\n').find((l) => /version/i.test(l));
  return line?.trim() ?? 'pdftotext (version unknown)';
}

async function measurePdf(
  pdfs: readonly PdfLetter[],
): Promise<{ rows: Row[]; notes: string[]; data: Record<string, unknown> }> {
  const bytes = pdfs.reduce((a, p) => a + p.bytes.byteLength, 0);
  const version = pdftotextVersion();
  const baseline = version !== undefined;

  // Warm-up: the first pass also loads pdfjs (a one-time cost per process, reported separately).
  const coldStart = now();
  const cold = await ourPass(pdfs);
  const coldSeconds = now() - coldStart;
  if (baseline) pdftotextPass(pdfs);

  const start = now();
  const passes: PdfPass[] = [];
  const baseSec: number[] = [];
  let baseFailures = 0;
  while (
    passes.length < PDF_MIN_ROUNDS ||
    (passes.length < PDF_MAX_ROUNDS && (now() - start) * (1 + 1 / passes.length) <= PDF_BUDGET_SECONDS)
  ) {
    passes.push(await ourPass(pdfs));
    if (baseline) {
      const b = pdftotextPass(pdfs);
      baseSec.push(b.seconds);
      baseFailures += b.failures;
    }
  }
  const extractSec = passes.map((p) => p.extract);
  const extractParseSec = passes.map((p) => p.extractParse);
  const rounds = passes.length;
  const common = { unit: 'letters', itemsPerRound: pdfs.length, bytesPerRound: bytes };

  const rows: Row[] = [
    measuredRow({ label: 'pdf extract', ...common, seconds: extractSec }),
    measuredRow({ label: 'pdf extract+parse', ...common, seconds: extractParseSec }),
  ];
  const notes = [
    `pdf: ${pdfs.length} PDFs (${(bytes / 1e6).toFixed(2)} MB) per round; 1 warm-up + ${rounds} timed rounds (${rounds * pdfs.length} letters each way), rounds alternate ours / pdftotext`,
    `pdf: ours = extractPdfText, one letter at a time, through the PDF worker pool (pdfjs in a worker thread, the bytes and text passed by message); first pass incl. starting a worker and loading pdfjs took ${coldSeconds.toFixed(2)} s`,
  ];
  if (cold.extractFailures > 0 || cold.parseFailures > 0) {
    notes.push(`pdf: ${cold.extractFailures} extraction and ${cold.parseFailures} parse failures per pass`);
  }
  if (baseline) {
    rows.push(
      measuredRow({
        label: 'pdftotext -layout',
        ...common,
        seconds: baseSec,
        ratios: [
          pairedRatio('extract/pdftotext', extractSec, baseSec, PDF_MAX_RATIO),
          pairedRatio('extract+parse/pdftotext', extractParseSec, baseSec),
        ],
      }),
    );
    notes.push(
      `pdf baseline: ${version}, spawned once per file, sequentially, wall time INCLUDING process start-up (that is how it is used); ours runs in an already started worker thread`,
    );
    if (baseFailures > 0) notes.push(`pdf baseline: pdftotext failed ${baseFailures / rounds} times per pass`);
  } else {
    rows.push({ label: 'pdftotext -layout', unavailable: 'baseline unavailable: pdftotext is not on PATH' });
    notes.push('pdf baseline unavailable: pdftotext is not on PATH; no ratio reported');
  }
  return {
    rows,
    notes,
    data: {
      pdfs: pdfs.length,
      bytes,
      rounds,
      coldFirstPassSeconds: coldSeconds,
      extractFailuresPerPass: cold.extractFailures,
      parseFailuresPerPass: cold.parseFailures,
      extractSeconds: extractSec,
      extractParseSeconds: extractParseSec,
      pdftotext: baseline ? { version, seconds: baseSec, failures: baseFailures } : null,
    },
  };
}
