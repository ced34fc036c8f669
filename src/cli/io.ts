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
  /**
   * Asks for a secret on the terminal without echoing it; undefined when there is no terminal to
   * ask on (then commands take the secret from standard input, if told to).
   */
  readonly readSecret?: (prompt: string) => Promise<string>;
}

export function processIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stdoutBytes: (b) => process.stdout.write(b),
    stderrIsTty: Boolean(process.stderr.isTTY),
    stdoutIsTty: Boolean(process.stdout.isTTY),
    ...(process.stdin.isTTY ? { readSecret: readSecretFromTerminal } : {}),
  };
}

/** Thrown when the person at the terminal presses Ctrl-C at a prompt. */
export class PromptInterrupted extends Error {
  override readonly name = 'PromptInterrupted';
}

/**
 * Reads one line from the terminal with echo off (raw mode, so nothing typed is shown or kept in
 * the terminal's scrollback): Enter ends it, Backspace deletes, Ctrl-C or Ctrl-D gives up.
 */
function readSecretFromTerminal(prompt: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (): void => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          finish();
          resolve(value);
          return;
        }
        if (ch === '\u0003' || ch === '\u0004') {
          finish();
          reject(new PromptInterrupted('The prompt was cancelled.'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    input.on('data', onData);
  });
}
