import { Readable } from 'node:stream';
import type { CliIo } from './io.js';
import { main } from './main.js';

/** What a CLI run printed and returned, for tests that drive `imr` in-process. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
  /** Binary output (`--format pdf` to standard output), chunk by chunk. */
  bytes: Uint8Array[];
}

/** Runs `imr ARGS…` in-process with captured output (and `stdin` when given). */
export async function runCli(args: string[], opts: { stdin?: string; tty?: boolean } = {}): Promise<CliRun> {
  let out = '';
  let err = '';
  const bytes: Uint8Array[] = [];
  const io: CliIo = {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    stdoutBytes: (b) => {
      bytes.push(b);
    },
    stderrIsTty: opts.tty ?? false,
    stdoutIsTty: opts.tty ?? false,
    ...(opts.stdin === undefined ? {} : { stdin: Readable.from([opts.stdin]) }),
  };
  const code = await main(args, io);
  return { code, out, err, bytes };
}
