import { randomBytes } from 'node:crypto';
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { imrError } from '../domain/errors.js';
import { Letter } from '../domain/letter.js';
import { DEFAULT_MAX_LETTER_BYTES, parseLetterFile } from '../letter/load.js';
import { sharedPdfPool } from '../letter/pdf-pool.js';
import { renderLetterPdf } from '../letter/render-pdf.js';
import { renderLetterText } from '../letter/render-text.js';
import { inOrder } from './ahead.js';
import type { CliIo } from './io.js';

const LETTER_EXTENSIONS = /\.(pdf|txt|text)$/i;

/** Files named on the command line; a directory stands for the letters (.pdf, .txt) directly inside it. */
export async function expandInputs(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = (await stat(p)).isDirectory();
    } catch {
      // Not readable: passed through so the parser reports it as a coded error.
    }
    if (!isDir) {
      out.push(p);
      continue;
    }
    const names = (await readdir(p)).filter((n) => LETTER_EXTENSIONS.test(n)).sort();
    for (const n of names) out.push(join(p, n));
  }
  return out;
}

/** A size on the command line: bytes, or with k/m/g (binary units), e.g. `500k`, `20m`. */
export function parseSize(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(k|kb|m|mb|g|gb)?$/i.exec(value.trim());
  if (!m) throw new InvalidArgumentError('expected a size such as 500k or 20m');
  const unit = (m[2] ?? '').toLowerCase()[0];
  const mult = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Math.floor(Number(m[1]) * mult);
}

/** Writes through a temporary file and a rename, so a failed write leaves nothing half-written. */
export async function writeAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

export function registerLetterCommands(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const letter = program.command('letter').description('Read and write IMR Final Determination Letters (PDF or text)');

  letter
    .command('parse')
    .description(
      'Parse letters (PDF or text files, or directories of them) into letter JSON, one object per line. ' +
        'A file that cannot be parsed yields {file, error: {code, message}} and the exit code is 1; the batch goes on.',
    )
    .argument('<file...>', 'letter files (.pdf or text) or directories')
    .option('--pretty', 'indent the JSON (one object per file, no longer one per line)')
    .option('--max-size <size>', 'refuse files larger than this (e.g. 500k, 20m)', parseSize, DEFAULT_MAX_LETTER_BYTES)
    .option('--quiet', 'no progress or summary on standard error')
    .action(async (files: string[], opts: { pretty?: boolean; maxSize: number; quiet?: boolean }) => {
      const inputs = await expandInputs(files);
      let failed = 0;
      const showProgress = !opts.quiet && io.stderrIsTty && inputs.length > 1;
      // Files are read side by side in the PDF pool, printed in the order given.
      await inOrder(
        inputs,
        2 * sharedPdfPool().size,
        (file) => parseLetterFile(file, { maxBytes: opts.maxSize }),
        (_file, result, i) => {
          const out = 'letter' in result ? result.letter : result;
          if ('error' in result) failed++;
          io.stdout(`${opts.pretty ? JSON.stringify(out, null, 2) : JSON.stringify(out)}\n`);
          if (showProgress) io.stderr(`\rparsed ${i + 1}/${inputs.length}${failed ? `, ${failed} failed` : ''}`);
        },
      );
      if (showProgress) io.stderr('\n');
      if (!opts.quiet && inputs.length > 1) {
        io.stderr(`${JSON.stringify({ parsed: inputs.length - failed, failed })}\n`);
      }
      if (inputs.length === 0) {
        io.stderr(`${JSON.stringify({ error: imrError('IMR_CLI_USAGE', 'No letter files were found.') })}\n`);
        setExit(1);
      }
      if (failed > 0) setExit(1);
    });

  letter
    .command('render')
    .description('Render a letter JSON (as printed by `imr letter parse`) to the public letter layout')
    .argument('<file>', 'letter JSON file (a single object, or the first line of JSON Lines)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'pdf']).default('text'))
    .option('-o, --output <path>', 'output file (default: standard output)')
    .option('--organization <name>', 'the review organization named in the letter', 'MAXIMUS')
    .action(async (file: string, opts: { format: 'text' | 'pdf'; output?: string; organization: string }) => {
      const fail = (error: ReturnType<typeof imrError>): void => {
        io.stderr(`${JSON.stringify({ file, error })}\n`);
        setExit(1);
      };
      let raw: string;
      try {
        raw = await readFile(file, 'utf8');
      } catch {
        fail(imrError('IMR_INPUT_UNREADABLE'));
        return;
      }
      let json: unknown;
      try {
        const trimmed = raw.trim();
        json = JSON.parse(
          trimmed.startsWith('{') && trimmed.includes('\n{') ? (trimmed.split('\n')[0] ?? '') : trimmed,
        );
      } catch {
        fail(imrError('IMR_JSON_INVALID'));
        return;
      }
      const parsed = Letter.safeParse(json);
      if (!parsed.success) {
        const issues = parsed.error.issues
          .slice(0, 5)
          .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
          .join('; ');
        fail(imrError('IMR_LETTER_INVALID', `The letter JSON does not match the letter schema: ${issues}`));
        return;
      }
      const options = { organization: opts.organization };
      const output =
        opts.format === 'pdf' ? await renderLetterPdf(parsed.data, options) : renderLetterText(parsed.data, options);
      if (opts.output === undefined) {
        if (typeof output === 'string') io.stdout(output);
        else if (io.stdoutIsTty) fail(imrError('IMR_CLI_USAGE', 'Refusing to write a PDF to a terminal; use -o FILE.'));
        else io.stdoutBytes(output);
        return;
      }
      try {
        await writeAtomically(opts.output, output);
      } catch {
        fail(imrError('IMR_OUTPUT_UNWRITABLE'));
      }
    });
}
