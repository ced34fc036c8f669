/**
 * Damaged copies of a PDF for fuzzing: deterministic from a seed (the same seed and source bytes give
 * the same damage), so a failing case is kept as a seed, never as a file. Three kinds of damage, as a
 * bad disk, a cut-off transfer or a confused copy make them: bytes flipped at random places, the file
 * cut short, a slice of the file written twice.
 */

/** mulberry32: a small, fast, seedable PRNG (uniform in [0, 1)). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export type Damage = 'flip' | 'truncate' | 'duplicate';

export interface Damaged {
  readonly bytes: Uint8Array;
  readonly damage: Damage;
  /** What was done, for a failure message (offsets and counts only). */
  readonly description: string;
}

/**
 * A damaged copy of `source` chosen by `seed`: about 3 in 5 get 1–32 flipped bytes, 1 in 5 is cut
 * short, 1 in 5 has a slice written twice. Never returns the source unchanged.
 */
export function damagePdf(source: Uint8Array, seed: number): Damaged {
  const random = prng(seed);
  const int = (n: number): number => Math.floor(random() * n);
  const pick = random();
  const n = source.length;
  if (pick < 0.6) {
    const bytes = new Uint8Array(source);
    const flips = 1 + int(32);
    for (let i = 0; i < flips; i++) {
      const at = int(n);
      bytes[at] = (bytes[at] as number) ^ (1 + int(255));
    }
    return { bytes, damage: 'flip', description: `${flips} bytes flipped` };
  }
  if (pick < 0.8) {
    const keep = 1 + int(n - 1);
    return { bytes: source.slice(0, keep), damage: 'truncate', description: `cut at ${keep} of ${n}` };
  }
  const from = int(n);
  const length = 1 + int(Math.min(4096, n - from));
  const at = int(n + 1);
  const bytes = new Uint8Array(n + length);
  bytes.set(source.subarray(0, at), 0);
  bytes.set(source.subarray(from, from + length), at);
  bytes.set(source.subarray(at), at + length);
  return { bytes, damage: 'duplicate', description: `${length} bytes from ${from} repeated at ${at}` };
}
