import { joinLines } from '../src/letter/text-lines.js';

/** Lines that open a block of the format: headings, basis and rationale labels. */
const BLOCK_START = /^\s*(?:[A-Z ,]{12,}$|Claims Administrator guideline:|\S[^:]{0,40}guideline:|Decision rationale:)/;
const DECISION_END = /:\s*(?:Upheld|Overturned)\s*$/;

/** A double-spaced copy marks paragraphs with two or more blank lines: make that one, and drop the single ones. */
function undoubleSpacing(lines: string[]): string[] {
  const content = lines.filter((l) => l.trim() !== '').length;
  const blankAfter = lines.filter(
    (l, i) => l.trim() !== '' && lines[i + 1] !== undefined && lines[i + 1]?.trim() === '',
  ).length;
  if (content < 8 || blankAfter / content < 0.7) return lines;
  const out: string[] = [];
  let blanks = 0;
  for (const l of lines) {
    if (l.trim() === '') {
      blanks++;
      continue;
    }
    if (blanks >= 2 && out.length) out.push('');
    blanks = 0;
    out.push(l);
  }
  return out;
}

/**
 * Re-flows every body paragraph to `width` columns (never breaking after a hyphen-final word) and
 * starts a page every `pageEvery` lines — changes of layout that must not change the parse.
 */
export function reflow(text: string, width: number, pageEvery: number): string {
  const physical = undoubleSpacing(text.replace(/\f/g, '').split('\n'));
  const headingAt = physical.findIndex((l) => /HOW THE IMR FINAL DETERMINATION WAS MADE/i.test(l));
  const keep = physical.slice(0, Math.max(0, headingAt)); // the two-column header table stays as it is
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of physical.slice(Math.max(0, headingAt))) {
    if (line.trim() === '') {
      if (current.length) blocks.push(current);
      current = [];
      continue;
    }
    if (BLOCK_START.test(line) && current.length) {
      blocks.push(current);
      current = [];
    }
    if (DECISION_END.test(line) && current.length > 0) {
      // An item header that follows a paragraph with no blank line between (a page break swallowed
      // it) starts after the last line that ends a sentence: keep the two apart.
      let cut = -1;
      for (let k = current.length - 1; k >= 0; k--) {
        if (/[.!?]["')\]]*\s*$/.test(current[k] ?? '')) {
          cut = k;
          break;
        }
      }
      if (cut >= 0 && !/was the original request/i.test(`${current.join(' ')} ${line}`)) {
        blocks.push(current.slice(0, cut + 1));
        current = current.slice(cut + 1);
      }
    }
    const afterHeading = current.length === 0 && /^[A-Z ,]{12,}$/.test(blocks[blocks.length - 1]?.[0]?.trim() ?? '');
    current.push(line);
    // A section's one-line introduction (ending in a colon, right under the heading) stays its own paragraph.
    if (DECISION_END.test(line) || /^[A-Z ,]{12,}$/.test(line.trim()) || (afterHeading && line.trim().endsWith(':'))) {
      blocks.push(current);
      current = [];
    }
  }
  if (current.length) blocks.push(current);
  const out = [...keep];
  for (const block of blocks) {
    if (block.length === 1 && /^[A-Z ,]{12,}$/.test(block[0]?.trim() ?? '')) {
      out.push(block[0]?.trim() ?? '', '');
      continue;
    }
    const words = joinLines(block).split(' ');
    let line = '';
    for (const w of words) {
      if (line !== '' && line.length + 1 + w.length > width && !line.endsWith('-')) {
        out.push(line);
        line = w;
      } else {
        line = line === '' ? w : `${line} ${w}`;
      }
    }
    if (line) out.push(line);
    out.push('');
  }
  return out.map((l, i) => (i > 0 && i % pageEvery === 0 ? `\f${l}` : l)).join('\n');
}
