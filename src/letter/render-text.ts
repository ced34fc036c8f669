import type { Letter } from '../domain/letter.js';
import { type LayoutOptions, type LayoutPage, layoutLetter, lineText } from './layout.js';

/** Print laid-out pages as `pdftotext -layout` would: '\f' opens every page after the first, final '\n'. */
export function renderPagesText(pages: readonly LayoutPage[]): string {
  return `${pages.map((p) => p.lines.map(lineText).join('\n')).join('\n\f')}\n`;
}

/** Render a letter as plain text in the public layout (same lines and pages as `renderLetterPdf`). */
export function renderLetterText(letter: Letter, opts: LayoutOptions = {}): string {
  return renderPagesText(layoutLetter(letter, opts));
}
