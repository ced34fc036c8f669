/**
 * A PDF worker thread (started by pdf-pool.ts, never imported): loads pdfjs, says `ready`, then
 * extracts the text of one document per message — and, when asked (`letterFile`), parses it as a
 * determination letter — and answers with a result: a coded error for any failure, never a throw. A promise pdfjs rejects and never handles (damaged files do this) is
 * counted to the pool instead of ending the thread; only the error's class name travels, never its
 * message, which may quote the document.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type ImrError, imrError } from '../domain/errors.js';
import type { Result } from '../domain/result.js';
import { err } from '../domain/result.js';
import { parseLetterText } from './parse-text.js';
import type { FromWorker, ToWorker, WorkerAnswer } from './pdf-pool.js';
import { type ExtractLimits, extractPdfTextHere, loadPdfJs } from './pdf-text.js';

const port = parentPort;
if (port === null) throw new Error('pdf-worker.ts runs only as a worker thread (see pdf-pool.ts)');
const limits = (workerData as { limits: ExtractLimits }).limits;

const send = (message: FromWorker): void => port.postMessage(message);

process.on('unhandledRejection', (reason: unknown) => {
  send({ type: 'stray', name: reason instanceof Error ? reason.name : typeof reason });
});

/** The document's text, or the letter parsed from it (under the pool's time and memory limits too). */
async function answer(message: ToWorker): Promise<Result<WorkerAnswer, ImrError>> {
  const text = await extractPdfTextHere(message.bytes, limits);
  if (!text.ok || message.letterFile === undefined) return text;
  return parseLetterText(text.value, { file: message.letterFile });
}

port.on('message', (message: ToWorker) => {
  answer(message).then(
    // A document given up part-way may leave pdfjs busy with it: this worker is replaced.
    (result) =>
      send({
        type: 'result',
        id: message.id,
        result,
        retire: !result.ok && result.error.code === 'IMR_PDF_TOO_COMPLEX',
      }),
    (thrown: unknown) =>
      send({
        type: 'result',
        id: message.id,
        result: err(imrError('IMR_INTERNAL', undefined, { reason: thrown instanceof Error ? thrown.name : 'unknown' })),
      }),
  );
});

loadPdfJs().then(
  () => send({ type: 'ready' }),
  () => send({ type: 'failed' }),
);
