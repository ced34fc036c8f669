import { describe, expect, it } from 'vitest';
import { syntheticLetter } from '../synthetic/letter.js';
import { layoutLetter, lineText } from './layout.js';
import { renderLetterText, renderPagesText } from './render-text.js';

describe('renderLetterText', () => {
  it('prints exactly the layout lines, one per text line, ending with a newline', () => {
    const l = syntheticLetter(11);
    const text = renderLetterText(l);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
    const lines = layoutLetter(l).flatMap((p) => p.lines.map(lineText));
    expect(text.replace(/\f/g, '').slice(0, -1).split('\n')).toEqual(lines);
  });

  it('opens every page after the first with a form feed, as pdftotext does', () => {
    const l = syntheticLetter(3);
    const pages = layoutLetter(l, { linesPerPage: 12 });
    expect(pages.length).toBeGreaterThan(2);
    const text = renderLetterText(l, { linesPerPage: 12 });
    expect(text.split('\f')).toHaveLength(pages.length);
    text
      .split('\f')
      .slice(1)
      .forEach((chunk, i) => {
        expect(chunk.split('\n')[0]).toBe(lineText(pages[i + 1]?.lines[0] ?? { text: '', style: 'body' }));
      });
    for (const chunk of text.split('\f').slice(0, -1)) expect(chunk.endsWith('\n')).toBe(true);
    expect(text).not.toMatch(/\n\f\n/); // no page starts with a blank line
  });

  it('has no form feed for a one-page letter and no trailing spaces', () => {
    const text = renderPagesText([
      {
        lines: [
          { text: 'A', style: 'heading', indent: 3 },
          { text: 'b  ', style: 'body' },
        ],
      },
    ]);
    expect(text).toBe('   A\nb\n');
  });

  it('looks like the public letters at the top', () => {
    const l = syntheticLetter(5);
    const text = renderLetterText(l);
    expect(text).toMatch(
      /^Case Number: {10}CM\d\d-\d{7}\nDate Assigned: {8}\d\d\/\d\d\/\d{4} +Date of Injury: {6}\d\d\/\d\d\/\d{4}\n/,
    );
    expect(text).toMatch(/\n {28}HOW THE IMR FINAL DETERMINATION WAS MADE\n/);
    expect(text).toMatch(/\n {37}CLINICAL CASE SUMMARY\n/);
  });
});
