/** The command's connection to the terminal; tests pass their own. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Raw bytes to standard output (a PDF piped elsewhere). */
  stdoutBytes(bytes: Uint8Array): void;
  readonly stderrIsTty: boolean;
  readonly stdoutIsTty: boolean;
  /** Standard input, for commands that stream (`imr review --jsonl`); tests pass their own. */
  readonly stdin?: NodeJS.ReadableStream;
}

export function processIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stdoutBytes: (b) => process.stdout.write(b),
    stderrIsTty: Boolean(process.stderr.isTTY),
    stdoutIsTty: Boolean(process.stdout.isTTY),
  };
}
