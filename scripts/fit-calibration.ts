/**
 * Fits the mapping of the engine's support score to a probability of overturn (Platt scaling: a logistic
 * regression of "the reviewer overturned" on the score) over the dev corpus (../shared/corpus/dev), and
 * prints a reliability table (predicted against observed overturn rates). `--write` stores the two
 * parameters in src/engine/calibration.ts. The weights and the decision threshold are not fitted (see that
 * file); the held-aside validation letters are never read here.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { probabilityOf, scoreOf } from '../src/engine/assess.js';
import { blindInput } from '../src/engine/replay.js';
import { reviewCase } from '../src/engine/review.js';
import { parseLetterText } from '../src/letter/parse-text.js';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const corpus = join(root, '..', 'shared', 'corpus', 'dev');

const rows: { score: number; y: 0 | 1 }[] = [];
for (const f of readdirSync(corpus)
  .filter((name) => name.endsWith('.txt'))
  .sort()) {
  const parsed = parseLetterText(readFileSync(join(corpus, f), 'utf8'));
  if (!parsed.ok) throw new Error(`${f}: ${parsed.error.code}`);
  const out = reviewCase(blindInput(parsed.value));
  parsed.value.items.forEach((item, i) => {
    const s = out.items[i]?.support;
    if (s) rows.push({ score: scoreOf(s), y: item.decision === 'Overturned' ? 1 : 0 });
  });
}

/** Newton steps on the log-loss of p = logistic(a + b·score), with a small ridge for stability. */
function plattScale(): { a: number; b: number } {
  let a = 0;
  let b = 0;
  for (let step = 0; step < 50; step++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-3;
    let hab = 0;
    let hbb = 1e-3;
    for (const r of rows) {
      const p = probabilityOf(r.score, { a, b });
      const w = p * (1 - p);
      ga += p - r.y;
      gb += (p - r.y) * r.score;
      haa += w;
      hab += w * r.score;
      hbb += w * r.score * r.score;
    }
    const det = haa * hbb - hab * hab;
    a -= (hbb * ga - hab * gb) / det;
    b -= (haa * gb - hab * ga) / det;
  }
  return { a: Math.round(a * 1000) / 1000, b: Math.round(b * 1000) / 1000 };
}

const platt = plattScale();
console.log(`dev corpus: ${rows.length} items, ${rows.filter((r) => r.y === 1).length} overturned`);
console.log(`platt: a=${platt.a} b=${platt.b}`);
console.log('predicted   items  observed');
for (const [lo, hi] of [
  [0, 0.05],
  [0.05, 0.15],
  [0.15, 0.3],
  [0.3, 0.5],
  [0.5, 1.01],
] as const) {
  const inBin = rows.filter((r) => {
    const p = probabilityOf(r.score, platt);
    return p >= lo && p < hi;
  });
  const observed = inBin.length === 0 ? '–' : (inBin.filter((r) => r.y === 1).length / inBin.length).toFixed(2);
  console.log(`${lo.toFixed(2)}–${Math.min(hi, 1).toFixed(2)}  ${String(inBin.length).padStart(6)}  ${observed}`);
}
if (process.argv.includes('--write')) {
  const file = join(root, 'src', 'engine', 'calibration.ts');
  const src = readFileSync(file, 'utf8');
  writeFileSync(file, src.replace(/platt: \{[^}]*\}/, `platt: { a: ${platt.a}, b: ${platt.b} }`));
  console.log(`wrote ${file}`);
}
