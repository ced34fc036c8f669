/**
 * Prints one plain last line, `N passed, N failed` (plus `, N skipped` when any), for scripts and CI
 * logs to read. Runs alongside the default reporter (vitest.config.ts).
 *
 * A test file that fails outside any test (import error, failing hook) or an unhandled error counts
 * as one failure, so the line never reads `0 failed` for a run that failed.
 */
import type { Reporter, SerializedError, TestModule, Vitest } from 'vitest/node';

export interface RunCounts {
  passed: number;
  failed: number;
  skipped: number;
}

export function countResults(modules: ReadonlyArray<TestModule>, unhandledErrors: number): RunCounts {
  const counts: RunCounts = { passed: 0, failed: 0, skipped: 0 };
  counts.failed += unhandledErrors;
  for (const module of modules) {
    let failedTests = 0;
    for (const test of module.children.allTests()) {
      const { state } = test.result();
      if (state === 'passed') counts.passed += 1;
      else if (state === 'failed') {
        counts.failed += 1;
        failedTests += 1;
      } else if (state === 'skipped') counts.skipped += 1;
    }
    if (failedTests === 0 && module.state() === 'failed') counts.failed += 1;
  }
  return counts;
}

export function summaryLine({ passed, failed, skipped }: RunCounts): string {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}

export default class SummaryReporter implements Reporter {
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  async onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
  ): Promise<void> {
    const line = summaryLine(countResults(testModules, unhandledErrors.length));
    // Vitest calls the default reporter's summary (onFinished) right after this hook, in the same
    // tick; waiting one turn of the event loop makes this line the last one printed.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (this.vitest) this.vitest.logger.log(line);
    else process.stdout.write(`${line}\n`);
  }
}
