import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { type ImrError, imrError, toImrError } from '../domain/errors.js';
import type { Letter } from '../domain/letter.js';
import { formatReport, type ReplayRow, replayLetter, report } from '../engine/replay.js';
import { reviewCase, topicAgrees } from '../engine/review.js';
import { ReviewInput, type ReviewOutput } from '../engine/review-types.js';
import { parseLetterFile } from '../letter/load.js';
import type { CliIo } from './io.js';
import { expandInputs } from './letter-commands.js';
import { normalizeReviewInput } from './review-input.js';

/**
 * Reads one review input leniently (M/F, US dates: `normalizeReviewInput`), validates it and reviews it; a
 * coded error when it does not match the contract. `normalized` says what was read differently from how it
 * was written.
 */
export function reviewOne(
  json: unknown,
): { ok: true; output: ReviewOutput & { normalized?: string[] } } | { ok: false; error: ImrError } {
  const { input, notes } = normalizeReviewInput(json);
  const parsed = ReviewInput.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    return { ok: false, error: imrError('IMR_REVIEW_INPUT_INVALID', `The review input is invalid: ${issues}`) };
  }
  try {
    const output = reviewCase(parsed.data);
    return { ok: true, output: notes.length > 0 ? { ...output, normalized: [...notes] } : output };
  } catch (e) {
    return { ok: false, error: toImrError(e) };
  }
}

function caseNumberOf(json: unknown): string | undefined {
  if (json && typeof json === 'object' && 'caseNumber' in json) {
    const c = (json as { caseNumber: unknown }).caseNumber;
    return typeof c === 'string' ? c : undefined;
  }
  return undefined;
}

export function registerReviewCommands(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('review')
    .description(
      'Recommend Upheld, Overturned or Refer for each disputed item of a case, with the guideline topic, ' +
        'criteria checked against the record (with quotes) and a drafted rationale. The physician decides.',
    )
    .argument('[file]', 'case JSON: { caseNumber?, patient?, clinicalSummary, documents?, items: [{ request }] }')
    .option('--jsonl', 'read one case per line from standard input; write one result per line, in the same order')
    .option('--pretty', 'indent the JSON')
    .action(async (file: string | undefined, opts: { jsonl?: boolean; pretty?: boolean }) => {
      const print = (value: unknown): void => {
        io.stdout(`${opts.pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value)}\n`);
      };
      if (opts.jsonl) {
        const rl = createInterface({ input: io.stdin ?? process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
        for await (const line of rl) {
          if (line.trim() === '') continue;
          let json: unknown;
          try {
            json = JSON.parse(line);
          } catch {
            print({ error: imrError('IMR_JSON_INVALID') });
            setExit(1);
            continue;
          }
          const r = reviewOne(json);
          const caseNumber = caseNumberOf(json);
          if (r.ok) print({ ...(caseNumber === undefined ? {} : { caseNumber }), ...r.output });
          else {
            print({ ...(caseNumber === undefined ? {} : { caseNumber }), error: r.error });
            setExit(1);
          }
        }
        return;
      }
      if (file === undefined) {
        io.stderr(
          `${JSON.stringify({ error: imrError('IMR_CLI_USAGE', 'Give a case JSON file, or --jsonl with cases on standard input.') })}\n`,
        );
        setExit(2);
        return;
      }
      let json: unknown;
      try {
        json = JSON.parse(await readFile(file, 'utf8'));
      } catch (e) {
        const code = (e as { code?: string }).code;
        io.stderr(`${JSON.stringify({ file, error: imrError(code ? 'IMR_INPUT_UNREADABLE' : 'IMR_JSON_INVALID') })}\n`);
        setExit(1);
        return;
      }
      const r = reviewOne(json);
      if (r.ok) print(r.output);
      else {
        io.stderr(`${JSON.stringify({ file, error: r.error })}\n`);
        setExit(1);
      }
    });

  program
    .command('replay')
    .description(
      'Review published letters blind (only the summary and the requests go in; decisions and rationales are ' +
        'hidden) and report agreement, balanced accuracy, overturn precision and recall, topic agreement and the ' +
        'Refer rate, overall and per kind of request.',
    )
    .argument('<letter...>', 'letter files (PDF or text) or directories of them')
    .option('--json', 'print the report as JSON')
    .option('--rows', 'also print one line per item (request, decision, recommendation, topic)')
    .action(async (files: string[], opts: { json?: boolean; rows?: boolean }) => {
      const inputs = await expandInputs(files);
      const rows: ReplayRow[] = [];
      const failed: { file: string; error: ImrError }[] = [];
      const seen = new Set<string>();
      for (const f of inputs) {
        const parsed = await parseLetterFile(f);
        if ('error' in parsed) {
          failed.push({ file: f, error: parsed.error });
          continue;
        }
        const letter: Letter = parsed.letter;
        // A letter given as PDF and as text counts once.
        const key = letter.case.caseNumber ?? JSON.stringify(letter.items.map((i) => i.request));
        if (seen.has(key)) continue;
        seen.add(key);
        rows.push(...replayLetter(letter, { review: reviewCase, topicAgrees }));
      }
      const r = report(rows);
      if (opts.json) {
        io.stdout(`${JSON.stringify({ letters: seen.size, failed, ...r, ...(opts.rows ? { rows } : {}) }, null, 2)}\n`);
      } else {
        io.stdout(`${seen.size} letters, ${rows.length} decided items\n${formatReport(r)}\n`);
        if (opts.rows) {
          for (const row of rows) {
            const mark = row.recommended === row.actual ? ' ' : '✗';
            io.stdout(
              `${mark} ${row.actual.padEnd(10)} ${row.recommended.padEnd(10)} ${row.kind.padEnd(18)} ${row.engineTopic.padEnd(40)} ${row.request}\n`,
            );
          }
        }
        for (const f of failed) io.stderr(`${JSON.stringify(f)}\n`);
      }
      if (failed.length > 0) setExit(1);
    });
}
