/**
 * OCR of scanned PDF pages with Debian's `tesseract-ocr`: the pages a PDF has no text layer on are
 * rendered by poppler's `pdftoppm` and read by `tesseract`, each in a child process — the event loop
 * only waits. In the PDF pool's spirit: a few documents at a time (`concurrency`), a page limit and a
 * wall-clock limit per document (past it the child processes are killed and the pages read so far
 * are kept), pages rendered at a bounded size whatever the page claims to measure, progress reported
 * page by page, nothing written outside a private temporary directory that is removed after. When
 * tesseract (or its English data) is not installed the result says so in words a clerk can pass on.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Env, wholeFromEnv } from '../domain/env-options.js';
import type { ImrError } from '../domain/errors.js';
import { ok, type Result } from '../domain/result.js';

export interface OcrOptions {
  /** The tesseract executable (default `tesseract` on the PATH; `IMR_TESSERACT_PATH`). */
  readonly tesseractPath: string;
  /** poppler-utils' renderer (default `pdftoppm`). */
  readonly pdftoppmPath: string;
  /** Pages read by OCR per document at most; the rest are left unread and the result says so. */
  readonly maxPages: number;
  /** Wall-clock limit for one document's OCR (ms). */
  readonly timeoutMs: number;
  /** The longer side of a rendered page, in pixels (about 200 dpi on a letter-size page). */
  readonly renderPixels: number;
  /** Documents read by OCR at the same time. */
  readonly concurrency: number;
  /** tesseract's language (Debian package `tesseract-ocr-eng`). */
  readonly language: string;
}

export const DEFAULT_OCR_OPTIONS: OcrOptions = {
  tesseractPath: 'tesseract',
  pdftoppmPath: 'pdftoppm',
  maxPages: 50,
  timeoutMs: 120_000,
  renderPixels: 2200,
  concurrency: Math.max(1, Math.floor(availableParallelism() / 2)),
  language: 'eng',
};

/** `IMR_TESSERACT_PATH`, `IMR_OCR_MAX_PAGES` (50), `IMR_OCR_TIMEOUT_SECONDS` (120), `IMR_OCR_WORKERS` (half the cores). */
export function ocrOptionsFromEnv(env: Env): Result<OcrOptions, ImrError> {
  const pages = wholeFromEnv(env, 'IMR_OCR_MAX_PAGES', DEFAULT_OCR_OPTIONS.maxPages, 1, 10_000);
  const seconds = wholeFromEnv(env, 'IMR_OCR_TIMEOUT_SECONDS', DEFAULT_OCR_OPTIONS.timeoutMs / 1000, 1, 3600);
  const workers = wholeFromEnv(env, 'IMR_OCR_WORKERS', DEFAULT_OCR_OPTIONS.concurrency, 1, 64);
  if (!pages.ok) return pages;
  if (!seconds.ok) return seconds;
  if (!workers.ok) return workers;
  const path = env.IMR_TESSERACT_PATH?.trim();
  return ok({
    ...DEFAULT_OCR_OPTIONS,
    ...(path === undefined || path === '' ? {} : { tesseractPath: path }),
    maxPages: pages.value,
    timeoutMs: seconds.value * 1000,
    concurrency: workers.value,
  });
}

/**
 * What OCR made of a document's pages without text.
 * - `read`: every page asked for was read; `partial`: the page or time limit stopped it part-way;
 * - `unavailable`: tesseract is not installed (nothing was read); `failed`: the renderer or tesseract
 *   failed on every page (a damaged file).
 */
export interface OcrResult {
  readonly status: 'read' | 'partial' | 'unavailable' | 'failed';
  /** Pages (1-based) that needed OCR. */
  readonly pagesWanted: number;
  readonly pagesRead: number;
  /** The text read, by page number. */
  readonly text: ReadonlyMap<number, string>;
  /** For anything but `read`: what happened, in words for the clerk (never quoting the document). */
  readonly message?: string;
}

export type OcrProgress = (pagesDone: number, pagesWanted: number) => void;

const INSTALL_HINT =
  'Scanned pages were not read: OCR needs Debian’s tesseract-ocr and tesseract-ocr-eng packages (apt-get install tesseract-ocr tesseract-ocr-eng).';

interface Run {
  readonly stdout: string;
}

function run(file: string, args: readonly string[], signal: AbortSignal, maxBuffer = 16 * 1024 * 1024): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      {
        signal,
        killSignal: 'SIGKILL',
        maxBuffer,
        encoding: 'utf8',
        windowsHide: true,
        // One thread per tesseract: the pool's concurrency decides how many cores OCR takes.
        env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      },
      (error, stdout) => (error === null ? resolve({ stdout }) : reject(error)),
    );
  });
}

const availability = new Map<string, Promise<string | undefined>>();

/** undefined when tesseract and the language are there; else why not, for the clerk. */
export function ocrUnavailableReason(
  options: Pick<OcrOptions, 'tesseractPath' | 'language'>,
): Promise<string | undefined> {
  const key = `${options.tesseractPath}\n${options.language}`;
  let known = availability.get(key);
  if (known === undefined) {
    known = run(options.tesseractPath, ['--list-langs'], AbortSignal.timeout(20_000)).then(
      (r) =>
        r.stdout.split(/\s+/).includes(options.language)
          ? undefined
          : `Scanned pages were not read: tesseract has no “${options.language}” language data (apt-get install tesseract-ocr-${options.language}).`,
      () => INSTALL_HINT,
    );
    availability.set(key, known);
  }
  return known;
}

/** A small semaphore: documents beyond `concurrency` wait their turn. */
class Gate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  async run<T>(limit: number, work: () => Promise<T>): Promise<T> {
    if (this.active >= limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await work();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}
const gate = new Gate();

/**
 * Reads the given pages (1-based) of a PDF by OCR. Never throws; never runs on the event loop beyond
 * waiting for the child processes.
 */
export async function ocrPdfPages(
  pdf: Uint8Array,
  pages: readonly number[],
  options: OcrOptions = DEFAULT_OCR_OPTIONS,
  onProgress?: OcrProgress,
): Promise<OcrResult> {
  const wanted = [...new Set(pages)].filter((p) => Number.isInteger(p) && p > 0).sort((a, b) => a - b);
  const none = (status: OcrResult['status'], message: string): OcrResult => ({
    status,
    pagesWanted: wanted.length,
    pagesRead: 0,
    text: new Map(),
    message,
  });
  if (wanted.length === 0) return { status: 'read', pagesWanted: 0, pagesRead: 0, text: new Map() };
  const unavailable = await ocrUnavailableReason(options);
  if (unavailable !== undefined) return none('unavailable', unavailable);
  return gate.run(options.concurrency, () => readPages(pdf, wanted, options, onProgress));
}

async function readPages(
  pdf: Uint8Array,
  wanted: readonly number[],
  options: OcrOptions,
  onProgress: OcrProgress | undefined,
): Promise<OcrResult> {
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const dir = await mkdtemp(join(tmpdir(), 'imr-ocr-'));
  const text = new Map<number, string>();
  let failures = 0;
  let stoppedBy: 'time' | 'pages' | undefined;
  try {
    const input = join(dir, 'in.pdf');
    await writeFile(input, pdf, { mode: 0o600 });
    onProgress?.(0, wanted.length);
    for (const [i, page] of wanted.entries()) {
      if (i >= options.maxPages) {
        stoppedBy = 'pages';
        break;
      }
      if (deadline.aborted) {
        stoppedBy = 'time';
        break;
      }
      const image = join(dir, `page-${page}`);
      try {
        await run(
          options.pdftoppmPath,
          [
            '-f',
            String(page),
            '-l',
            String(page),
            '-singlefile',
            '-gray',
            '-png',
            '-scale-to',
            String(options.renderPixels),
            input,
            image,
          ],
          deadline,
        );
        const read = await run(options.tesseractPath, [`${image}.png`, 'stdout', '-l', options.language], deadline);
        text.set(page, read.stdout);
      } catch {
        if (deadline.aborted) {
          stoppedBy = 'time';
          break;
        }
        failures++;
      } finally {
        await rm(`${image}.png`, { force: true });
      }
      onProgress?.(i + 1, wanted.length);
    }
  } catch {
    failures = wanted.length;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const pagesRead = text.size;
  const base = { pagesWanted: wanted.length, pagesRead, text };
  if (stoppedBy === 'time') {
    return {
      ...base,
      status: 'partial',
      message: `OCR stopped at its time limit (${options.timeoutMs / 1000} s) after ${pagesRead} of ${wanted.length} scanned pages.`,
    };
  }
  if (stoppedBy === 'pages') {
    return {
      ...base,
      status: 'partial',
      message: `OCR read the first ${options.maxPages} of ${wanted.length} scanned pages (its page limit).`,
    };
  }
  if (pagesRead === 0)
    return { ...base, status: 'failed', message: 'The scanned pages could not be rendered or read.' };
  if (failures > 0) {
    return { ...base, status: 'partial', message: `${failures} of ${wanted.length} scanned pages could not be read.` };
  }
  return { ...base, status: 'read' };
}

let configured: OcrOptions = DEFAULT_OCR_OPTIONS;

/** Sets the process's OCR options (from `ocrOptionsFromEnv`; tests may point at a missing tesseract). */
export function configureOcr(options: Partial<OcrOptions>): void {
  configured = { ...DEFAULT_OCR_OPTIONS, ...options };
}

/** The process's OCR options. */
export function ocrOptions(): OcrOptions {
  return configured;
}
