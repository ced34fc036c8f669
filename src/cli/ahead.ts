/**
 * Works on up to `ahead` inputs at once and hands the results over strictly in input order: the PDF
 * pool reads several files side by side while the caller writes one at a time, as before.
 */
export async function inOrder<T, R>(
  inputs: readonly T[],
  ahead: number,
  work: (input: T) => Promise<R>,
  consume: (input: T, result: R, index: number) => Promise<void> | void,
  /** Checked before each result is consumed: true stops the run (work in flight is dropped). */
  stop: () => boolean = () => false,
): Promise<number> {
  const started: Promise<R>[] = [];
  const start = (upTo: number): void => {
    while (started.length < Math.min(upTo, inputs.length)) {
      const p = work(inputs[started.length] as T);
      // A result nobody waits for (the run stopped) must not become an unhandled rejection.
      p.catch(() => undefined);
      started.push(p);
    }
  };
  let consumed = 0;
  for (let i = 0; i < inputs.length; i++) {
    if (stop()) break;
    start(i + Math.max(1, ahead));
    const result = await (started[i] as Promise<R>);
    if (stop()) break;
    await consume(inputs[i] as T, result, i);
    consumed++;
  }
  return consumed;
}
