import { changeCount, type Handle } from '../store/index.js';
import type { SerializedBody } from './serialize.js';

/**
 * Response bodies kept while the database stays as it was. A body is kept under the generation it
 * was made in — the change counter read before making it (every committed transaction on any server
 * moves it, see `changeCount`) and the minute of the request's instant (clocks and "due soon" move
 * with time; they are computed at most once a minute, as the desk reads already do) — and given again
 * only to requests of the same generation. A request of a new generation drops everything kept.
 *
 * What may be kept: bodies that are a function of the database, the minute and the key alone. The key
 * must hold whatever else the body depends on (the caller's scope: a reviewer's queue is their own).
 * Access checks stay outside: run them before asking. Bodies that read a case document never come
 * here (each such read is audited).
 */
export class ResponseCache {
  readonly #limit: number;
  #generation: string | undefined;
  readonly #kept = new Map<string, Promise<SerializedBody>>();

  constructor(limit: number) {
    this.#limit = limit;
  }

  /**
   * The body kept under `key` in `generation`, or the one `make` makes (kept; requests that ask
   * while it is being made wait for it). A failure is handed to every waiter and not kept.
   */
  body(generation: string, key: string, make: () => Promise<SerializedBody>): Promise<SerializedBody> {
    if (generation !== this.#generation) {
      this.#kept.clear();
      this.#generation = generation;
    }
    const hit = this.#kept.get(key);
    if (hit !== undefined) return hit;
    const made = make();
    this.#kept.set(key, made);
    made.catch(() => {
      if (this.#kept.get(key) === made) this.#kept.delete(key);
    });
    if (this.#kept.size > this.#limit) {
      const oldest = this.#kept.keys().next().value;
      if (oldest !== undefined) this.#kept.delete(oldest);
    }
    return made;
  }

  /** How many bodies are kept (tests). */
  get size(): number {
    return this.#kept.size;
  }
}

/**
 * The generation of a request at `now` (an ISO instant): the change counter — `known` when the
 * request has read it already (with its session), else read now — and the minute.
 */
export async function generationOf(h: Handle, now: string, known: number | undefined): Promise<string> {
  const count = known ?? (await changeCount(h));
  return `${count}|${new Date(now).toISOString().slice(0, 16)}`;
}
