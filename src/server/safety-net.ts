/**
 * The process-level safety net of the server and the CLI: a promise rejected with nobody to handle it
 * is logged and counted instead of ending the process (Node's default). It is a net, not a path:
 * nothing known reaches it (PDFs are read in worker threads, which catch their own; a test runs the
 * damaged-PDF fuzz and checks the count stays 0). The log line carries the error's class name and
 * code only, never its message, which may quote a document.
 */

let count = 0;

/** Unhandled rejections caught by the net in this process so far. */
export function unhandledRejections(): number {
  return count;
}

/** The class name and code of a rejection reason: nothing that could carry document text. */
export function describeReason(reason: unknown): { errorClass: string; code?: string } {
  const errorClass =
    reason instanceof Error
      ? reason.name
      : reason === null
        ? 'null'
        : typeof reason === 'object'
          ? 'object'
          : typeof reason;
  const code = typeof reason === 'object' && reason !== null ? (reason as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{0,63}$/.test(code) ? { errorClass, code } : { errorClass };
}

let installed: ((reason: unknown) => void) | undefined;

/** Installs the net (once per process); `write` takes one JSON line. Returns a function that removes it. */
export function installSafetyNet(
  write: (line: string) => void = (line) => void process.stderr.write(line),
): () => void {
  if (installed !== undefined) process.off('unhandledRejection', installed);
  const handler = (reason: unknown): void => {
    count++;
    write(
      `${JSON.stringify({ level: 'error', event: 'unhandledRejection', ...describeReason(reason), count, time: new Date().toISOString() })}\n`,
    );
  };
  installed = handler;
  process.on('unhandledRejection', handler);
  return () => {
    process.off('unhandledRejection', handler);
    if (installed === handler) installed = undefined;
  };
}
