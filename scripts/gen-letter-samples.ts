/**
 * Renders the correspondence of the invented case in src/letter/test-correspondence.ts to PDF and writes
 * PNG pages of a few documents into docs/letters/ (`pdftoppm` from poppler-utils), to look at.
 * Run: npx tsx scripts/gen-letter-samples.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEMO_LETTERHEAD,
  layoutDeterminationCopy,
  layoutNoticeOfAssignment,
  layoutNoticeOfIneligibility,
} from '../src/letter/correspondence.js';
import { renderPagesPdf } from '../src/letter/render-pdf.js';
import { letter, reference, to } from '../src/letter/test-correspondence.js';

const out = join(process.cwd(), 'docs', 'letters');
mkdirSync(out, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'letters-'));

const docs = {
  'determination-employee': layoutDeterminationCopy({
    letterhead: DEMO_LETTERHEAD,
    letter,
    cover: { addressee: to.employee as never, reference, date: '2026-02-12' },
    signed: true,
  }),
  'determination-public': layoutDeterminationCopy({ letterhead: DEMO_LETTERHEAD, letter, signed: false }),
  'notice-of-assignment-claims-administrator': layoutNoticeOfAssignment({
    letterhead: DEMO_LETTERHEAD,
    date: '2026-01-22',
    addressee: to['claims-administrator'] as never,
    reference,
    assignedOn: '2026-01-22',
    priority: 'standard',
    items: letter.items.map((i) => ({ request: i.request })),
    recordsDue: '2026-02-06',
  }),
  'notice-of-ineligibility-employee': layoutNoticeOfIneligibility({
    letterhead: DEMO_LETTERHEAD,
    date: '2026-01-27',
    addressee: to.employee as never,
    reference,
    reasons: [
      { message: 'The application was received after the filing period had ended.', source: 'LC 4610.5(h)(1)' },
    ],
    items: [],
  }),
};

for (const [name, pages] of Object.entries(docs)) {
  const pdf = join(work, `${name}.pdf`);
  writeFileSync(pdf, await renderPagesPdf(pages, { creationDate: new Date('2026-02-12T00:00:00Z') }));
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '3', pdf, join(out, name)]);
}
console.log(`wrote PNG pages to ${out}`);
