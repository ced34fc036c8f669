import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Letter, LetterItem } from '../domain/letter.js';
import { syntheticLetter } from '../synthetic/letter.js';
import {
  CLAIMS_ADMINISTRATOR_LABEL,
  collapse,
  HEADINGS,
  ISSUES_INTRO,
  itemHeaderText,
  type LayoutPage,
  layoutLetter,
  lineText,
  RATIONALE_LABEL,
  wrapText,
} from './layout.js';

const cited = (text: string) => ({ usedMtus: true, citations: [{ source: 'MTUS' as const, text }], raw: '' });

function item(over: Partial<LetterItem> = {}): LetterItem {
  return {
    request: 'Invented ointment 3% #2',
    decision: 'Upheld',
    claimsAdministratorBasis: cited('Invented Complaints 2004'),
    reviewerBasis: cited('Invented Treatment 2016'),
    rationale:
      'The imaginary rule asks for a trial first. No trial is recorded. The request is not medically necessary.',
    ...over,
  };
}

function letter(over: Partial<Letter> = {}): Letter {
  return {
    case: {
      caseNumber: 'CM99-0000123',
      dateAssigned: '2099-02-03',
      decisionDate: '2099-03-04',
      urDenialDate: '2099-01-20',
      priority: 'Standard',
      applicationReceived: '2099-01-28',
    },
    reviewer: { licensure: ['Oregon', 'Utah'], specialties: ['Invented Medicine'], subspecialties: [] },
    patient: { age: 40, sex: 'female', injuryDate: '2098-05-06' },
    clinicalSummary: 'The worker is a 40 year old who hurt a wrist while stacking crates. A brace helped a little.',
    items: [item()],
    ...over,
  };
}

const allLines = (pages: readonly LayoutPage[]) => pages.flatMap((p) => p.lines);
const texts = (pages: readonly LayoutPage[]) => allLines(pages).map(lineText);
/** Lines joined by single spaces, whitespace collapsed: what a line-joining parser sees. */
const joined = (pages: readonly LayoutPage[]) => collapse(texts(pages).join(' '));

/** Asserts the strings occur in `haystack` in the given order. */
function expectInOrder(haystack: string, needles: readonly string[]): void {
  let at = 0;
  for (const n of needles) {
    const i = haystack.indexOf(collapse(n), at);
    expect(i, `"${n.slice(0, 60)}" in order`).toBeGreaterThanOrEqual(0);
    at = i + collapse(n).length;
  }
}

describe('wrapText', () => {
  it('wraps greedily on spaces, collapsing whitespace', () => {
    expect(wrapText('aa  bb\n cc\tdd', 5)).toEqual(['aa bb', 'cc dd']);
    expect(wrapText('   ', 10)).toEqual([]);
  });

  it('never breaks after a token ending in "-" and never inside a token', () => {
    expect(wrapText('xx pre- and post-op yy', 8)).toEqual(['xx', 'pre- and', 'post-op', 'yy']);
    expect(wrapText('supercalifragilistic a', 5)).toEqual(['supercalifragilistic', 'a']);
  });

  it('keeps every token, in order, within the width (property)', () => {
    const token = fc.stringMatching(/^[A-Za-z0-9/#%.,:()-]{1,12}$/);
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }), fc.integer({ min: 20, max: 100 }), (tokens, width) => {
        const text = tokens.join(' ');
        const lines = wrapText(text, width);
        expect(lines.join(' ')).toBe(collapse(text));
        // A parser that joins a line ending in '-' to the next without a space gets the same string.
        expect(lines.reduce((acc, l) => (acc === '' ? l : acc.endsWith('-') ? acc + l : `${acc} ${l}`), '')).toBe(
          collapse(text),
        );
        lines.forEach((l, i) => {
          if (i < lines.length - 1) expect(l.endsWith('-')).toBe(false);
          if (l.length > width)
            expect(l.includes(' ')).toBe(
              l
                .split(' ')
                .slice(0, -1)
                .every((t) => t.endsWith('-')),
            );
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('layoutLetter', () => {
  it('prints the header table in the columns of the public letters', () => {
    const lines = texts(layoutLetter(letter()));
    expect(lines.slice(0, 6)).toEqual([
      'Case Number:          CM99-0000123',
      'Date Assigned:        02/03/2099                      Date of Injury:      05/06/2098',
      'Decision Date:        03/04/2099                      UR Denial Date:      01/20/2099',
      'Priority:             Standard                        Application          01/28/2099',
      '                                                      Received:',
      '',
    ]);
    const header = allLines(layoutLetter(letter())).filter((l) => l.style === 'header');
    expect(header.map((l) => l.headerRow)).toEqual([0, 1, 2, 3, 3]);
    expect(header[1]?.cells).toEqual([
      { column: 0, text: 'Date Assigned:', bold: true },
      { column: 1, text: '02/03/2099', bold: false },
      { column: 2, text: 'Date of Injury:', bold: true },
      { column: 3, text: '05/06/2098', bold: false },
    ]);
  });

  it('omits absent header labels, and the whole header when no case field exists', () => {
    const partial = texts(layoutLetter(letter({ case: { caseNumber: 'CM99-0000001', decisionDate: '2099-03-04' } })));
    expect(partial.slice(0, 3)).toEqual([
      'Case Number:          CM99-0000001',
      '                                                      Date of Injury:      05/06/2098',
      'Decision Date:        03/04/2099',
    ]);
    expect(partial.join('\n')).not.toMatch(/Priority|Application|Received|UR Denial|Date Assigned/);

    const none = layoutLetter(letter({ case: {} }));
    expect(allLines(none).some((l) => l.style === 'header')).toBe(false);
    expect(texts(none)[0]?.trim()).toBe(HEADINGS.how);
    expect(texts(none).join('\n')).not.toContain('Date of Injury');
  });

  it('has the sections in the order of the public letters, headings centered', () => {
    const pages = layoutLetter(letter());
    const lines = allLines(pages);
    const headings = lines.filter((l) => l.style === 'heading');
    expect(headings.map((l) => l.text)).toEqual([HEADINGS.how, HEADINGS.summary, HEADINGS.issues]);
    for (const h of headings) expect(h.indent).toBe(Math.floor((96 - h.text.length) / 2));
    const t = texts(pages);
    const at = (s: string) => t.findIndex((l) => l.startsWith(s));
    expect(at('State(s) of Licensure: Oregon, Utah')).toBeGreaterThan(at(`${' '.repeat(28)}HOW`));
    expect(at('Certification(s)/Specialty: Invented Medicine')).toBe(at('State(s) of Licensure:') + 1);
    expect(t[at('State(s) of Licensure:') - 1]?.endsWith(':')).toBe(true);
    expect(at('Invented ointment 3% #2: Upheld')).toBeGreaterThan(t.findIndex((l) => l.trim() === HEADINGS.issues));
    // Every intro line after a heading ends with a colon.
    for (const h of [HEADINGS.summary, HEADINGS.issues]) {
      const i = t.findIndex((l) => l.trim() === h);
      expect(t[i + 1]?.endsWith(':')).toBe(true);
    }
  });

  it('lays an item out as header, two bases and the rationale, separated by blank lines', () => {
    const t = texts(layoutLetter(letter()));
    const i = t.indexOf('Invented ointment 3% #2: Upheld');
    expect(t.slice(i - 1, i + 8)).toEqual([
      '',
      'Invented ointment 3% #2: Upheld',
      '',
      'Claims Administrator guideline: Decision based on MTUS Invented Complaints 2004.',
      '',
      'MAXIMUS guideline: Decision based on MTUS Invented Treatment 2016.',
      '',
      'Decision rationale: The imaginary rule asks for a trial first. No trial is recorded. The request',
      'is not medically necessary.',
    ]);
    const lines = allLines(layoutLetter(letter()));
    const label = lines.find((l) => l.text.startsWith(CLAIMS_ADMINISTRATOR_LABEL));
    expect(label).toMatchObject({ style: 'label', boldPrefixLength: CLAIMS_ADMINISTRATOR_LABEL.length });
    const rat = lines.find((l) => l.text.startsWith(RATIONALE_LABEL));
    expect(rat?.boldPrefixLength).toBe(RATIONALE_LABEL.length);
    const head = lines.find((l) => l.style === 'item');
    expect(head?.boldPrefixLength).toBe('Invented ointment 3% #2:'.length);
  });

  it('uses the organization option and basis.raw when present', () => {
    const l = letter({
      items: [item({ reviewerBasis: { ...cited('Ignored'), raw: 'Written   basis\ntext.' } })],
    });
    const t = texts(layoutLetter(l, { organization: 'Acme Review' }));
    expect(t).toContain('Acme Review guideline: Written basis text.');
    expect(t[t.findIndex((s) => s.trim() === HEADINGS.how) + 1]).toMatch(/^Acme Review /);
  });

  it('writes a modified UR decision with the connective phrases the parser keys on', () => {
    const l = letter({
      items: [
        item({
          request: 'Invented therapy, 4 sessions',
          originalRequest: 'Invented therapy, 10 sessions',
          authorizedPortion: 'Invented therapy, 6 sessions',
          decision: 'Overturned',
        }),
      ],
    });
    const pages = layoutLetter(l);
    expect(joined(pages)).toContain(
      'Invented therapy, 10 sessions was the original request. Invented therapy, 6 sessions was authorized by the ' +
        'Claims Administrator. The remaining IMR eligible portion of the original request, Invented therapy, ' +
        '4 sessions is: Overturned',
    );
    const head = allLines(pages).filter((l) => l.style === 'item');
    expect(head.length).toBeGreaterThan(1);
    const last = head[head.length - 1];
    expect(last?.text.endsWith(' is: Overturned')).toBe(true);
    expect(last?.boldPrefixLength).toBe((last?.text.length ?? 0) - ' Overturned'.length);
    for (const h of head.slice(0, -1)) expect(h.boldPrefixLength).toBe(h.text.length);
  });

  it('keeps the decision word on the last line of a long item header', () => {
    const request = `Invented device ${'with extra parts '.repeat(7).trim()} zz`;
    for (const width of [30, 40, 50, 60, 96]) {
      const head = allLines(layoutLetter(letter({ items: [item({ request })] }), { width })).filter(
        (l) => l.style === 'item',
      );
      const last = head[head.length - 1]?.text ?? '';
      expect(last.endsWith('zz: Upheld')).toBe(true);
      expect(head.map((h) => h.text).join(' ')).toBe(`${request}: Upheld`);
    }
  });

  it('writes the credentials block without subspecialties', () => {
    const many = Array.from({ length: 14 }, (_, i) => `Invented State ${i}`);
    const t = texts(
      layoutLetter(letter({ reviewer: { licensure: many, specialties: ['A', 'B'], subspecialties: [] } })),
    );
    const i = t.findIndex((s) => s.startsWith('State(s) of Licensure: '));
    expect(t[i]?.length).toBeLessThanOrEqual(96);
    expect(collapse(`${t[i]} ${t[i + 1]} ${t[i + 2]}`)).toContain(`State(s) of Licensure: ${many.join(', ')}`);
    expect(t).toContain('Certification(s)/Specialty: A, B');
    expect(t.join('\n')).not.toContain('Board Certified');
  });

  it('writes the credentials sentence inside the boilerplate with subspecialties', () => {
    const l = letter({
      reviewer: {
        licensure: ['Oregon', 'Utah'],
        specialties: ['Invented Medicine', 'Other'],
        subspecialties: ['Sub X'],
      },
    });
    const pages = layoutLetter(l);
    expect(joined(pages)).toContain(
      'The expert reviewer is Board Certified in Invented Medicine, Other has a subspecialty in Sub X and is licensed ' +
        'to practice in Oregon, Utah.',
    );
    const t = texts(pages);
    expect(t.join('\n')).not.toMatch(/State\(s\) of Licensure|Certification\(s\)\/Specialty/);
    // The sentence belongs to the boilerplate paragraph: no blank line between the heading and it.
    const how = t.findIndex((s) => s.trim() === HEADINGS.how);
    const end = t.findIndex((s, i) => i > how && s.endsWith('Oregon, Utah.'));
    expect(t.slice(how, end + 1).every((s) => s !== '')).toBe(true);
  });

  it('collapses whitespace in inputs', () => {
    const l = letter({
      clinicalSummary: '  The  worker\n\nfell.\tTwice. ',
      items: [item({ request: ' Invented\n cream ' })],
    });
    const t = texts(layoutLetter(l));
    expect(t).toContain('The worker fell. Twice.');
    expect(t).toContain('Invented cream: Upheld');
  });

  it('keeps every input word in order, within the width, for synthetic letters', () => {
    for (let seed = 0; seed < 150; seed++) {
      const l = syntheticLetter(seed);
      for (const width of [96, 70]) {
        const pages = layoutLetter(l, { width });
        // The header table has fixed columns (85 characters); everything else wraps at the width.
        for (const line of allLines(pages)) {
          if (line.style !== 'header') expect(lineText(line).length, line.text).toBeLessThanOrEqual(width);
        }
        const header = (it: LetterItem) =>
          it.authorizedPortion !== undefined ? `${it.request} is: ${it.decision}` : `${it.request}: ${it.decision}`;
        const itemTexts = l.items.flatMap((it) => [
          header(it),
          `Claims Administrator guideline: ${it.claimsAdministratorBasis.raw}`,
          `MAXIMUS guideline: ${it.reviewerBasis.raw}`,
          `Decision rationale: ${it.rationale}`,
        ]);
        expectInOrder(joined(pages), [l.clinicalSummary, ...itemTexts]);
        // Token sequence check: after the issues intro, the words are exactly the items' words.
        const words = joined(pages).split(' ');
        const introWords = ISSUES_INTRO.split(' ');
        const start = words.findIndex((_, i) => introWords.every((w, k) => words[i + k] === w)) + introWords.length;
        const expected = l.items.flatMap((it) =>
          collapse(
            [
              it.authorizedPortion !== undefined ? itemHeaderText(it) : `${collapse(it.request)}:`,
              it.decision,
              `Claims Administrator guideline: ${it.claimsAdministratorBasis.raw}`,
              `MAXIMUS guideline: ${it.reviewerBasis.raw}`,
              `Decision rationale: ${it.rationale}`,
            ].join(' '),
          ).split(' '),
        );
        expect(words.slice(start)).toEqual(expected);
      }
    }
  });

  it('fills pages up to linesPerPage, never starting or ending a page with a blank line', () => {
    for (let seed = 0; seed < 60; seed++) {
      const l = syntheticLetter(seed);
      for (const linesPerPage of [50, 20, 9]) {
        const pages = layoutLetter(l, { linesPerPage });
        const flat = layoutLetter(l, { linesPerPage: 100_000 });
        expect(pages.length).toBeGreaterThanOrEqual(Math.ceil(allLines(flat).length / linesPerPage) - 1);
        for (const p of pages) {
          expect(p.lines.length).toBeGreaterThan(0);
          expect(p.lines.length).toBeLessThanOrEqual(linesPerPage);
          expect(lineText(p.lines[0] ?? { text: 'x', style: 'body' })).not.toBe('');
          expect(lineText(p.lines[p.lines.length - 1] ?? { text: 'x', style: 'body' })).not.toBe('');
          // A heading is never the last line of a page.
          expect(p.lines[p.lines.length - 1]?.style).not.toBe('heading');
        }
        // Pagination only drops blank lines: the non-blank lines are the same.
        expect(texts(pages).filter((s) => s !== '')).toEqual(texts(flat).filter((s) => s !== ''));
      }
    }
  });

  it('breaks pages inside paragraphs (long summary)', () => {
    const clinicalSummary = Array.from({ length: 300 }, (_, i) => `Invented sentence number ${i} about the knee.`).join(
      ' ',
    );
    const pages = layoutLetter(letter({ clinicalSummary }));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages[0]?.lines.length).toBe(50);
    expectInOrder(joined(pages), [clinicalSummary]);
  });

  it('is deterministic and pure', () => {
    const l = syntheticLetter(7);
    const copy = structuredClone(l);
    expect(layoutLetter(l)).toEqual(layoutLetter(l));
    expect(l).toEqual(copy);
  });
});
