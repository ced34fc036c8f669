import { randomUUID } from 'node:crypto';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import type { ImrError } from '../domain/errors.js';
import { imrError, toImrError } from '../domain/errors.js';
import { err, type Result } from '../domain/result.js';
import { DEFAULT_MAX_LETTER_BYTES, parseLetterFile } from '../letter/load.js';
import { type PdfPool, sharedPdfPool } from '../letter/pdf-pool.js';
import { openStore, type StoreConfig, storeConfigFromEnv } from '../store/index.js';
import { type ImportOutcome, importLetter } from '../workflow/import-letter.js';
import { inOrder } from './ahead.js';
import type { CliIo } from './io.js';
import { expandInputs, parseSize } from './letter-commands.js';

/**
 * `imr import PATH...`: published letters (PDF or text files, or directories of them) into the case
 * store, one transaction per letter, so a run that is interrupted — Ctrl-C, kill, power loss — can
 * simply be run again: letters already stored are skipped, and no letter is ever half stored.
 *
 * Counts are per file: `imported` files made a new case, `skipped` files hold a case number already in
 * the store (from an earlier run, or from an earlier file of this run: the .pdf and .txt of one letter
 * give 1 imported + 1 skipped), `failed` files could not be read, parsed or stored. They add up to the
 * files named. Output never carries letter text: file names, codes and counts only.
 */

export interface ImportSummary {
  readonly imported: number;
  readonly skipped: number;
  readonly failed: number;
  /** Present when the run stopped early: the signal, or the code of the error that stopped it. */
  readonly interrupted?: string;
  /** Files not looked at because the run stopped early. */
  readonly remaining?: number;
}

type StopSignal = 'SIGINT' | 'SIGTERM';
const SIGNAL_EXIT: Record<StopSignal, number> = { SIGINT: 130, SIGTERM: 143 };

interface ImportCommandOptions {
  readonly db?: string;
  readonly json?: boolean;
  readonly verbose?: boolean;
  /** Files larger than this (bytes) fail with IMR_INPUT_TOO_LARGE before they are read. */
  readonly maxSize?: number;
}

const PG_URL = /^postgres(ql)?:\/\//;

/** `--db` (a SQLite file or a postgres:// URL) over the environment (`DATABASE_URL`, `IMR_DB_PATH`). */
export function importStoreConfig(
  db: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Result<StoreConfig, ImrError> {
  if (db === undefined) return storeConfigFromEnv(env);
  if (db.trim() === '') return err(imrError('IMR_CLI_USAGE', '--db needs a SQLite file path or a postgres:// URL.'));
  return PG_URL.test(db)
    ? storeConfigFromEnv({ ...env, DATABASE_URL: db })
    : storeConfigFromEnv({ ...env, DATABASE_URL: undefined, IMR_DB_PATH: db });
}

/** Stops the run at the next letter boundary on SIGINT or SIGTERM; a second signal exits at once. */
function watchSignals(): { readonly signal: () => StopSignal | undefined; dispose(): void } {
  let received: StopSignal | undefined;
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((sig) => {
    const handler = (): void => {
      // Second signal: leave now. The open transaction, if any, dies with the connection (rolled back).
      if (received !== undefined) process.exit(SIGNAL_EXIT[sig]);
      received = sig;
    };
    process.on(sig, handler);
    return [sig, handler] as const;
  });
  return {
    signal: () => received,
    dispose: () => {
      for (const [sig, handler] of handlers) process.off(sig, handler);
    },
  };
}

interface Reporter {
  start(total: number): void;
  fileDone(file: string, outcome: ImportOutcome, counts: ImportSummary): void;
  fileFailed(file: string, error: ImrError, counts: ImportSummary): void;
  stop(): void;
}

function reporter(io: CliIo, opts: ImportCommandOptions): Reporter {
  const json = opts.json === true;
  const verbose = opts.verbose === true;
  // The bar goes through io.stderr; cli-progress only needs write, isTTY and a width.
  const bar =
    io.stderrIsTty && !verbose
      ? new cliProgress.SingleBar(
          {
            stream: {
              isTTY: true,
              get columns() {
                return process.stderr.columns || 80;
              },
              write: (s: string) => {
                io.stderr(String(s));
                return true;
              },
            } as unknown as NodeJS.WritableStream,
            format:
              'import [{bar}] {value}/{total} files | imported {imported}, skipped {skipped}, failed {failed} | {eta_formatted}',
            hideCursor: false,
            clearOnComplete: false,
          },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
  const line = (text: string): void => {
    // Over the bar: clear its line first; it redraws itself below on the next update.
    io.stderr(`${bar === undefined ? '' : '\r\x1b[2K'}${text}\n`);
  };
  return {
    start: (total) => bar?.start(total, 0, { imported: 0, skipped: 0, failed: 0 }),
    fileDone(file, outcome, counts) {
      if (verbose) {
        const items = outcome.status === 'imported' ? outcome.items : undefined;
        line(
          json
            ? JSON.stringify({ file, status: outcome.status, ...(items === undefined ? {} : { items }) })
            : `${outcome.status} ${file}${items === undefined ? ' (case already stored)' : ` (${items} items)`}`,
        );
      }
      bar?.increment(1, { ...counts });
    },
    fileFailed(file, error, counts) {
      line(json ? JSON.stringify({ file, error }) : `failed ${file}: ${error.code}: ${error.message}`);
      bar?.increment(1, { ...counts });
    },
    stop: () => bar?.stop(),
  };
}

function printSummary(io: CliIo, summary: ImportSummary, files: number, json: boolean): void {
  if (json) {
    io.stdout(`${JSON.stringify(summary)}\n`);
    return;
  }
  const counts = `imported ${summary.imported}, skipped ${summary.skipped}, failed ${summary.failed}`;
  if (summary.interrupted === undefined) {
    io.stdout(`${counts} (${files} files)\n`);
    return;
  }
  io.stdout(
    `stopped (${summary.interrupted}): ${counts}; ${summary.remaining ?? 0} of ${files} files not processed — run the same command again to finish\n`,
  );
}

/**
 * Runs the import; returns the exit code (0, 1 when anything failed, 130/143 when interrupted). PDFs
 * are read and parsed in `pool`'s workers (default: the process's shared pool).
 */
export async function runImport(
  paths: readonly string[],
  opts: ImportCommandOptions,
  io: CliIo,
  env: Readonly<Record<string, string | undefined>> = process.env,
  pool: PdfPool = sharedPdfPool(),
): Promise<number> {
  const json = opts.json === true;
  const fatal = (error: ImrError): number => {
    io.stderr(`${JSON.stringify({ error })}\n`);
    return 1;
  };
  const config = importStoreConfig(opts.db, env);
  if (!config.ok) return fatal(config.error);
  const inputs = await expandInputs(paths);
  if (inputs.length === 0) return fatal(imrError('IMR_CLI_USAGE', 'No letter files were found.'));

  const signals = watchSignals();
  try {
    const opened = await openStore(config.value);
    if (!opened.ok) return fatal(opened.error);
    const store = opened.value;
    const requestId = `import-${randomUUID()}`;
    let imported = 0;
    let skipped = 0;
    let failed = 0;
    let stoppedBy: string | undefined;
    let done = 0;
    const counts = (): ImportSummary => ({ imported, skipped, failed });
    const report = reporter(io, opts);
    report.start(inputs.length);
    try {
      // PDFs are read and parsed side by side in the PDF pool's workers, a few ahead of the writes, so
      // this thread only stores letters: one transaction each, in the order given, as one at a time.
      await inOrder(
        inputs,
        2 * pool.size,
        (file) => parseLetterFile(file, { maxBytes: opts.maxSize ?? DEFAULT_MAX_LETTER_BYTES, pool }),
        async (file, parsed) => {
          let result: Result<ImportOutcome, ImrError>;
          if ('error' in parsed) {
            result = err(parsed.error);
          } else {
            try {
              result = await importLetter(store, parsed.letter, 'system', { requestId });
            } catch (thrown) {
              result = err(toImrError(thrown));
            }
          }
          done++;
          if (result.ok) {
            if (result.value.status === 'imported') imported++;
            else skipped++;
            report.fileDone(file, result.value, counts());
          } else {
            failed++;
            report.fileFailed(file, result.error, counts());
            // Every later letter would fail the same way: stop, and say so.
            if (result.error.code === 'IMR_STORE_UNAVAILABLE') stoppedBy = result.error.code;
          }
        },
        // A signal (or a lost store) stops the run at the next letter boundary: nothing more is written.
        () => signals.signal() !== undefined || stoppedBy !== undefined,
      );
    } finally {
      report.stop();
      await store.close();
    }
    const signal = signals.signal();
    if (signal !== undefined) stoppedBy = signal;
    const remaining = inputs.length - done;
    const summary: ImportSummary =
      stoppedBy === undefined ? counts() : { ...counts(), interrupted: stoppedBy, remaining };
    printSummary(io, summary, inputs.length, json);
    if (signal !== undefined) return SIGNAL_EXIT[signal];
    return failed > 0 ? 1 : 0;
  } finally {
    signals.dispose();
  }
}

export function registerImportCommands(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('import')
    .description(
      'Import published Final Determination Letters (PDF or text files, or directories of them) into the case ' +
        'store as closed cases, one transaction per letter. Letters whose case number is already stored are ' +
        'skipped, so an interrupted import can be run again to completion. Prints {imported, skipped, failed} ' +
        '(counted per file); the exit code is 1 when any file failed, 130/143 when stopped by SIGINT/SIGTERM.',
    )
    .argument('<path...>', 'letter files (.pdf or text) or directories of them')
    .option(
      '--db <file-or-url>',
      'SQLite database file or postgres:// URL (default: DATABASE_URL, else IMR_DB_PATH, else ./data/imr.sqlite)',
    )
    .option('--max-size <size>', 'refuse files larger than this (e.g. 500k, 20m)', parseSize, DEFAULT_MAX_LETTER_BYTES)
    .option('--json', 'print the summary (and --verbose lines and errors) as JSON')
    .option('--verbose', 'one line per file on standard error (file name and outcome), instead of a progress bar')
    .action(async (paths: string[], opts: ImportCommandOptions) => {
      setExit(await runImport(paths, opts, io));
    });
}
