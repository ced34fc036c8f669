/**
 * PDF text extraction in a pool of worker threads, shared by the server, the CLI and import: the
 * event loop never parses a PDF. Each document gets one worker for at most a wall-clock limit, a
 * page limit, a cap on inflated stream size and on text items per page (checked in the worker, see
 * pdf-text.ts and pdf-scan.ts), and the worker's heap is capped (`resourceLimits`). A worker that
 * runs out of time or memory is terminated and replaced; its caller gets a coded error
 * (`IMR_PDF_TIMEOUT`, `IMR_PDF_TOO_COMPLEX`). A worker that dies for any other reason fails its
 * document the same way, never the process.
 *
 * Workers start on demand (up to `workers`, default the number of cores), keep pdfjs loaded between
 * documents, hold the process open only while they work (idle workers are unref'd, and stopped after
 * a while) and are recycled after many documents.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type Env, wholeFromEnv } from '../domain/env-options.js';
import { type ImrError, imrError } from '../domain/errors.js';
import type { Letter } from '../domain/letter.js';
import { err, ok, type Result } from '../domain/result.js';
import type { ExtractLimits } from './pdf-text.js';

export interface PdfPoolOptions {
  /** Worker threads at most (default: the number of cores). */
  readonly workers: number;
  /** Wall-clock limit per document, from the moment a worker takes it (ms). */
  readonly timeoutMs: number;
  /** Pages a document may have. */
  readonly maxPages: number;
  /** Heap (old generation) a worker may use, MB. */
  readonly maxHeapMb: number;
  /** Inflated bytes all of a document's streams (images aside) may come to. */
  readonly maxInflatedBytes: number;
  /** Text items one page may produce. */
  readonly maxPageItems: number;
  /** Array and dictionary nesting depth. */
  readonly maxNesting: number;
  /** An idle worker stops after this long (ms); the next document starts a fresh one. */
  readonly idleMs: number;
  /** A worker is replaced after this many documents (pdfjs caches grow; a fresh heap is cheap). */
  readonly documentsPerWorker: number;
}

export const DEFAULT_PDF_LIMITS = {
  timeoutMs: 20_000,
  maxPages: 2_000,
  maxHeapMb: 512,
  maxInflatedBytes: 256 * 1024 * 1024,
  maxPageItems: 50_000,
  maxNesting: 256,
  idleMs: 30_000,
  documentsPerWorker: 500,
} as const;

export function defaultPdfPoolOptions(): PdfPoolOptions {
  return { workers: availableParallelism(), ...DEFAULT_PDF_LIMITS };
}

/**
 * The pool's limits from the environment: `IMR_PDF_WORKERS` (default: cores), `IMR_PDF_TIMEOUT_SECONDS`
 * (20), `IMR_PDF_MAX_PAGES` (2000), `IMR_PDF_MAX_HEAP_MB` (512), `IMR_PDF_MAX_INFLATED_MB` (256).
 */
export function pdfPoolOptionsFromEnv(env: Env): Result<PdfPoolOptions, ImrError> {
  const d = defaultPdfPoolOptions();
  const workers = wholeFromEnv(env, 'IMR_PDF_WORKERS', d.workers, 1, 256);
  const seconds = wholeFromEnv(env, 'IMR_PDF_TIMEOUT_SECONDS', d.timeoutMs / 1000, 1, 3600);
  const pages = wholeFromEnv(env, 'IMR_PDF_MAX_PAGES', d.maxPages, 1, 1_000_000);
  const heap = wholeFromEnv(env, 'IMR_PDF_MAX_HEAP_MB', d.maxHeapMb, 64, 65_536);
  const inflated = wholeFromEnv(env, 'IMR_PDF_MAX_INFLATED_MB', d.maxInflatedBytes / 1024 / 1024, 1, 65_536);
  if (!workers.ok) return workers;
  if (!seconds.ok) return seconds;
  if (!pages.ok) return pages;
  if (!heap.ok) return heap;
  if (!inflated.ok) return inflated;
  return ok({
    ...d,
    workers: workers.value,
    timeoutMs: seconds.value * 1000,
    maxPages: pages.value,
    maxHeapMb: heap.value,
    maxInflatedBytes: inflated.value * 1024 * 1024,
  });
}

/** Messages to a worker. */
export interface ToWorker {
  readonly id: number;
  readonly bytes: Uint8Array;
  /**
   * Absent: answer the document's layout text. Present: parse that text as a determination letter
   * (`parseLetterText` with this file name) in the worker too, and answer the letter.
   */
  readonly letterFile?: string;
}

/** What a worker answers for one document: its text, or the letter read from it (`letterFile`). */
export type WorkerAnswer = string | Letter;

/** Messages from a worker. */
export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'failed' }
  | {
      readonly type: 'result';
      readonly id: number;
      readonly result: Result<WorkerAnswer, ImrError>;
      /** The worker should be replaced (it gave up on a document part-way). */
      readonly retire?: boolean;
    }
  | { readonly type: 'stray'; readonly name: string };

export interface PdfPoolStats {
  /** Documents answered (any outcome). */
  readonly documents: number;
  readonly workersStarted: number;
  /** Workers terminated for overrunning the time limit. */
  readonly timeouts: number;
  /** Workers that ran out of heap. */
  readonly outOfMemory: number;
  /** Workers that died otherwise (crash, failed start). */
  readonly crashed: number;
  /** Promises pdfjs rejected and left unhandled inside a worker (damaged files): counted, harmless. */
  readonly strayRejections: number;
  /** Workers running now, and documents waiting for one. */
  readonly workers: number;
  readonly queued: number;
}

interface Job {
  readonly id: number;
  readonly bytes: Uint8Array;
  readonly letterFile?: string | undefined;
  readonly resolve: (result: Result<WorkerAnswer, ImrError>) => void;
}

interface Slot {
  readonly worker: Worker;
  state: 'starting' | 'idle' | 'busy' | 'gone';
  job?: Job | undefined;
  timer?: NodeJS.Timeout;
  idleTimer?: NodeJS.Timeout;
  documents: number;
}

/** How long a new worker may take to load pdfjs before it counts as failed. */
const START_TIMEOUT_MS = 120_000;

/**
 * The worker entry beside this file: pdf-worker.js in dist/; from a source checkout (tests, `npm
 * start`), pdf-worker.ts loaded through tsx's require hook. Node 20 does not carry module loader
 * hooks (`--import tsx`) into worker threads, so a one-line CommonJS bootstrap registers tsx in the
 * worker itself (tsx is a devDependency: only source checkouts run .ts).
 */
function workerEntry(): { readonly entry: string | URL; readonly eval: boolean } {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return { entry: new URL('./pdf-worker.js', here), eval: false };
  const tsx = createRequire(here).resolve('tsx/cjs/api');
  const worker = fileURLToPath(new URL('./pdf-worker.ts', here));
  return { entry: `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(worker)});`, eval: true };
}

export class PdfPool {
  readonly options: PdfPoolOptions;
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  private counts = { documents: 0, workersStarted: 0, timeouts: 0, outOfMemory: 0, crashed: 0, strayRejections: 0 };

  constructor(options: Partial<PdfPoolOptions> = {}) {
    this.options = { ...defaultPdfPoolOptions(), ...options };
  }

  /** Workers the pool runs at most: callers feeding it keep about this many documents in flight. */
  get size(): number {
    return this.options.workers;
  }

  /** Extracts a PDF's layout text in a worker (see `extractPdfTextHere`). Never throws. */
  extract(data: Uint8Array): Promise<Result<string, ImrError>> {
    return this.submit(data, undefined) as Promise<Result<string, ImrError>>;
  }

  /**
   * Reads a determination letter from a PDF: the text is extracted and parsed (`parseLetterText`,
   * `file` recorded as the letter's file) in the worker, under the same limits, so the caller's thread
   * only receives the letter. Codes as `extract` plus the parser's (`IMR_LETTER_*`). Never throws.
   */
  readLetter(data: Uint8Array, file: string): Promise<Result<Letter, ImrError>> {
    return this.submit(data, file) as Promise<Result<Letter, ImrError>>;
  }

  private submit(data: Uint8Array, letterFile: string | undefined): Promise<Result<WorkerAnswer, ImrError>> {
    if (this.closed) return Promise.resolve(err(imrError('IMR_INTERNAL', 'The PDF reader was shut down.')));
    if (data.length === 0) return Promise.resolve(err(imrError('IMR_PDF_INVALID', undefined, { reason: 'empty' })));
    return new Promise((resolve) => {
      // A copy of its own: its buffer is moved to the worker, the caller's bytes stay as they are.
      this.queue.push({ id: this.nextId++, bytes: new Uint8Array(data), letterFile, resolve });
      this.pump();
    });
  }

  stats(): PdfPoolStats {
    return { ...this.counts, workers: this.slots.size, queued: this.queue.length };
  }

  /** Stops every worker; waiting documents get `IMR_INTERNAL`. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.resolve(err(imrError('IMR_INTERNAL', 'The PDF reader was shut down.')));
    await Promise.all(
      [...this.slots].map((slot) => {
        this.finish(slot, err(imrError('IMR_INTERNAL', 'The PDF reader was shut down.')));
        return this.retire(slot);
      }),
    );
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.closed) {
      const idle = [...this.slots].find((s) => s.state === 'idle');
      if (idle !== undefined) {
        this.dispatch(idle, this.queue.shift() as Job);
        continue;
      }
      const starting = [...this.slots].filter((s) => s.state === 'starting').length;
      if (this.slots.size < this.options.workers && starting < this.queue.length) {
        this.spawn();
        continue;
      }
      return;
    }
  }

  private spawn(): void {
    const o = this.options;
    const entry = workerEntry();
    const limits: ExtractLimits = {
      maxPages: o.maxPages,
      maxInflatedBytes: o.maxInflatedBytes,
      maxNesting: o.maxNesting,
      maxPageItems: o.maxPageItems,
    };
    const worker = new Worker(entry.entry, {
      eval: entry.eval,
      // The bootstrap is CommonJS whatever the parent ran with (`--input-type=module -e …` included).
      ...(entry.eval ? { execArgv: [] } : {}),
      workerData: { limits },
      resourceLimits: {
        maxOldGenerationSizeMb: o.maxHeapMb,
        maxYoungGenerationSizeMb: Math.max(16, Math.min(64, Math.floor(o.maxHeapMb / 8))),
      },
      // pdfjs may print what it finds in a document: nothing a worker writes reaches our logs.
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    const slot: Slot = { worker, state: 'starting', documents: 0 };
    this.slots.add(slot);
    this.counts.workersStarted++;
    slot.timer = setTimeout(() => this.lost(slot, 'start'), START_TIMEOUT_MS);
    worker.on('message', (message: FromWorker) => this.receive(slot, message));
    worker.on('error', (e: Error) => {
      const oom = (e as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.lost(slot, oom ? 'memory' : 'crash');
    });
    worker.on('exit', () => this.lost(slot, 'crash'));
  }

  private receive(slot: Slot, message: FromWorker): void {
    switch (message.type) {
      case 'ready':
        clearTimeout(slot.timer);
        this.becomeIdle(slot);
        this.pump();
        return;
      case 'failed':
        this.lost(slot, 'start');
        return;
      case 'stray':
        this.counts.strayRejections++;
        return;
      case 'result':
        if (slot.job?.id !== message.id) return;
        this.finish(slot, message.result);
        slot.documents++;
        if (message.retire === true || slot.documents >= this.options.documentsPerWorker) void this.retire(slot);
        else this.becomeIdle(slot);
        this.pump();
        return;
    }
  }

  private dispatch(slot: Slot, job: Job): void {
    clearTimeout(slot.idleTimer);
    slot.state = 'busy';
    slot.job = job;
    slot.worker.ref();
    slot.timer = setTimeout(() => this.lost(slot, 'time'), this.options.timeoutMs);
    const message: ToWorker =
      job.letterFile === undefined
        ? { id: job.id, bytes: job.bytes }
        : { id: job.id, bytes: job.bytes, letterFile: job.letterFile };
    slot.worker.postMessage(message, [job.bytes.buffer as ArrayBuffer]);
  }

  private becomeIdle(slot: Slot): void {
    slot.state = 'idle';
    slot.worker.unref();
    slot.idleTimer = setTimeout(() => void this.retire(slot), this.options.idleMs);
    slot.idleTimer.unref();
  }

  /** Answers the slot's document, if it has one. */
  private finish(slot: Slot, result: Result<WorkerAnswer, ImrError>): void {
    clearTimeout(slot.timer);
    const job = slot.job;
    if (job === undefined) return;
    slot.job = undefined;
    this.counts.documents++;
    job.resolve(result);
  }

  /** A worker that overran, ran out of memory, crashed or never started: its document fails, it goes. */
  private lost(slot: Slot, why: 'time' | 'memory' | 'crash' | 'start'): void {
    if (slot.state === 'gone') return;
    const wasStarting = slot.state === 'starting';
    if (why === 'time') this.counts.timeouts++;
    else if (why === 'memory') this.counts.outOfMemory++;
    else this.counts.crashed++;
    this.finish(
      slot,
      why === 'time'
        ? err(
            imrError('IMR_PDF_TIMEOUT', `Reading the PDF took longer than ${this.options.timeoutMs / 1000} s.`, {
              timeoutSeconds: this.options.timeoutMs / 1000,
            }),
          )
        : why === 'memory'
          ? err(imrError('IMR_PDF_TOO_COMPLEX', undefined, { reason: 'memory', maxHeapMb: this.options.maxHeapMb }))
          : err(imrError('IMR_PDF_INVALID', undefined, { reason: 'reader-crashed' })),
    );
    // A worker that cannot start fails one waiting document, so a broken install cannot hang callers.
    if (wasStarting) this.queue.shift()?.resolve(err(imrError('IMR_INTERNAL', 'The PDF reader could not be started.')));
    void this.retire(slot);
    this.pump();
  }

  private async retire(slot: Slot): Promise<void> {
    if (slot.state === 'gone') return;
    slot.state = 'gone';
    clearTimeout(slot.timer);
    clearTimeout(slot.idleTimer);
    this.slots.delete(slot);
    await slot.worker.terminate().catch(() => undefined);
  }
}

let shared: PdfPool | undefined;
let sharedOptions: Partial<PdfPoolOptions> = {};

/** Sets the shared pool's options (from `pdfPoolOptionsFromEnv`); a running shared pool is replaced. */
export function configurePdfPool(options: Partial<PdfPoolOptions>): void {
  sharedOptions = options;
  const old = shared;
  shared = undefined;
  void old?.close();
}

/** The process's pool, made on first use. */
export function sharedPdfPool(): PdfPool {
  shared ??= new PdfPool(sharedOptions);
  return shared;
}

/** Stops the shared pool's workers (a later extraction starts a new pool). */
export async function closeSharedPdfPool(): Promise<void> {
  const old = shared;
  shared = undefined;
  await old?.close();
}

/**
 * Extracts the text of a PDF as layout text (see `extractPdfTextHere`) in the shared worker pool.
 * Besides pdfjs's `IMR_PDF_INVALID` and `IMR_PDF_NO_TEXT`: `IMR_PDF_TIMEOUT`, `IMR_PDF_TOO_MANY_PAGES`
 * and `IMR_PDF_TOO_COMPLEX` past a limit. Never throws; error details never quote the document.
 */
export function extractPdfText(data: Uint8Array): Promise<Result<string, ImrError>> {
  return sharedPdfPool().extract(data);
}

/** Reads a determination letter from a PDF in the shared pool (see `PdfPool.readLetter`). Never throws. */
export function readPdfLetter(data: Uint8Array, file: string): Promise<Result<Letter, ImrError>> {
  return sharedPdfPool().readLetter(data, file);
}
