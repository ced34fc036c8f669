import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  conditionWords,
  GUIDELINES_DOC_DIR,
  pageRanges,
  renderGuidelineDocs,
} from '../../scripts/gen-guidelines-doc.js';
import { TOPIC_CHAPTERS, TOPIC_FILES } from './topics/index.js';

/** docs/guidelines/ is what clinicians read and correct: it must say what the data says. */

describe('docs/guidelines', () => {
  const pages = renderGuidelineDocs();

  it('has one page per topic data file, plus the index, and nothing stale', () => {
    expect([...pages.keys()].sort()).toEqual(['README.md', ...TOPIC_FILES.map((f) => `${f}.md`)].sort());
    expect(readdirSync(GUIDELINES_DOC_DIR).sort()).toEqual([...pages.keys()].sort());
  });

  it.each([...pages.keys()])('%s matches the data (run `npm run docs:guidelines` after editing a topic)', (file) => {
    const path = join(GUIDELINES_DOC_DIR, file);
    expect(existsSync(path), path).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(pages.get(file));
  });

  it('shows every topic with its verification status, source, section and every criterion', () => {
    for (const chapter of TOPIC_CHAPTERS) {
      const page = pages.get(`${chapter.chapter}.md`) ?? '';
      for (const t of chapter.topics) {
        const at = page.indexOf(`</a>\`${t.id}\`\n`);
        expect(at, t.id).toBeGreaterThan(0);
        const next = page.indexOf('\n### ', at);
        const section = page.slice(at, next < 0 ? undefined : next);
        expect(section, t.id).toContain(`**Verification:** ${t.verification.status.toUpperCase()}`);
        expect(section, t.id).toContain(`**Section:** ${t.section}`);
        for (const c of t.criteria) {
          expect(section, `${t.id} ${c.id}`).toContain(`\`${c.id}\``);
        }
        expect(section.match(/If the record is silent:/g)?.length ?? 0, t.id).toBe(t.criteria.length);
      }
    }
  });
});

describe('rules in words', () => {
  it('says what a condition asks of the record or the request', () => {
    expect(conditionWords({ fact: 'pain-relief', expect: 'present', min: 50 })).toBe(
      'the record documents pain relief (a reduction, usually a percentage), with a value of at least 50',
    );
    expect(conditionWords({ fact: 'red-flag', expect: 'absent' })).toBe(
      'the record states there is no red flag for serious pathology',
    );
    expect(conditionWords({ request: 'sessions', max: 6 })).toBe('the sessions or visits requested is at most 6');
    expect(conditionWords({ request: 'quantityUnspecified', expect: false })).toBe('the request states the quantity');
    expect(conditionWords({ context: 'surgery-certified', expect: true })).toBe(
      'the surgery this service supports is certified',
    );
  });

  it('writes pages as ranges', () => {
    expect(pageRanges([46])).toBe('46');
    expect(pageRanges([46, 47, 48, 50, 60, 61])).toBe('46–48, 50, 60–61');
  });
});
