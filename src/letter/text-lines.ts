/**
 * Turns raw letter text (pdftotext-style layout, or a hard-wrapped double-spaced copy) into logical
 * lines: trimmed, with a flag for a paragraph break before each line and for a page break.
 */
export interface LogicalLine {
  readonly text: string;
  /** A blank line (or, in double-spaced copies, a blank run of two or more) precedes this line. */
  readonly breakBefore: boolean;
  /** The line starts a new page (form feed). */
  readonly pageStart: boolean;
}

/** Runs of whitespace (other than line and page breaks) that are not a single ASCII space. */
const ODD_SPACE = /(?:[^\S\n\f]{2,}|[^\S\n\f ])[^\S\n\f]*/g;

export function toLogicalLines(raw: string): LogicalLine[] {
  let text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  // One pass over the whole text is much cheaper than collapsing line by line.
  text = text.replace(ODD_SPACE, ' ');
  const physical = text.split('\n');
  // First pass: trimmed lines with page markers; count blank runs between content lines.
  const contents: { text: string; blanksBefore: number; pageStart: boolean }[] = [];
  let blanks = 0;
  let pending = false;
  for (const line of physical) {
    let trimmed: string;
    if (line.includes('\f')) {
      pending = true;
      trimmed = collapse(line.replace(/\f/g, ' '));
    } else {
      trimmed = line.trim();
    }
    if (trimmed === '') {
      blanks++;
      continue;
    }
    contents.push({ text: trimmed, blanksBefore: blanks, pageStart: pending });
    blanks = 0;
    pending = false;
  }
  // A copy is double-spaced when nearly every gap between content lines holds a blank line.
  let gaps = 0;
  let blankGaps = 0;
  for (let i = 1; i < contents.length; i++) {
    gaps++;
    if ((contents[i]?.blanksBefore ?? 0) > 0) blankGaps++;
  }
  const doubleSpaced = gaps >= 8 && blankGaps / gaps >= 0.7;
  const threshold = doubleSpaced ? 2 : 1;
  return contents.map((c, i) => ({
    text: c.text,
    breakBefore: i > 0 && c.blanksBefore >= threshold,
    pageStart: c.pageStart,
  }));
}

/**
 * Joins wrapped lines into one string with single spaces. A line that ends in a hyphen attached to
 * a word ("L5-", "Non-") is joined to the next without a space, since the wrap split a hyphenated term.
 */
export function joinLines(lines: readonly string[]): string {
  let out = '';
  for (const line of lines) {
    const t = line.trim();
    if (t === '') continue;
    if (out === '') {
      out = t;
    } else if (out.endsWith('-') && out.length > 1 && out[out.length - 2] !== ' ') {
      out += t;
    } else {
      out += ` ${t}`;
    }
  }
  return out;
}

/** True when `t` holds whitespace other than single ASCII spaces (a plain loop: far cheaper than a regex here). */
function needsCollapse(t: string): boolean {
  let prevSpace = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return true;
      prevSpace = true;
    } else {
      if (c < 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029)
        return true;
      if (c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff || c === 0x85) return true;
      prevSpace = false;
    }
  }
  return false;
}

/** Whitespace runs to one space, trimmed; cheap when there is nothing to do (the common case). */
export function collapse(s: string): string {
  const t = s.trim();
  return needsCollapse(t) ? t.replace(/\s+/g, ' ') : t;
}
