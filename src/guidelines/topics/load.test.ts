import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TopicsFile } from '../schema.js';
import { ALL_TOPICS, parseTopicFile, TOPIC_CHAPTERS, TOPIC_FILES, topicFileUrl } from './index.js';

/** The topic data files and their loader: what a clinician's edit must keep valid, and what a bad edit reports. */

function chapterJson(name: (typeof TOPIC_FILES)[number]): TopicsFile {
  return JSON.parse(readFileSync(topicFileUrl(name), 'utf8')) as TopicsFile;
}

/** A one-topic file whose only criterion is `criterion` (the rest copied from a real topic). */
function withCriterion(criterion: Record<string, unknown>): string {
  const file = chapterJson('medications');
  const first = file.topics[0];
  if (first === undefined) throw new Error('no topic');
  return JSON.stringify({ ...file, topics: [{ ...first, criteria: [criterion] }] });
}

describe('topic data files', () => {
  it('loads every chapter in precedence order, each file naming its own chapter', () => {
    expect(TOPIC_CHAPTERS.map((c) => c.chapter)).toEqual([...TOPIC_FILES]);
    for (const name of TOPIC_FILES) expect(chapterJson(name).chapter).toBe(name);
    expect(ALL_TOPICS.length).toBe(TOPIC_CHAPTERS.reduce((n, c) => n + c.topics.length, 0));
  });

  it('states the silence rule on every criterion, and the engine flag follows it', () => {
    for (const name of TOPIC_FILES) {
      const raw = chapterJson(name).topics.flatMap((t) => t.criteria);
      const loaded = TOPIC_CHAPTERS.find((c) => c.chapter === name)?.topics.flatMap((t) => t.criteria) ?? [];
      expect(raw.length).toBe(loaded.length);
      for (const [i, c] of raw.entries()) {
        expect(['not-documented', 'met', 'request-decides'], `${name} ${c.id}`).toContain(c.ifSilent);
        expect(loaded[i]?.silentMeansNone === true, `${name} ${c.id}`).toBe(c.ifSilent === 'met');
        expect('silentMeansNone' in c, `${name} ${c.id}: the data files say ifSilent, not silentMeansNone`).toBe(false);
      }
    }
  });
});

describe('parseTopicFile', () => {
  const fact = { fact: 'pain-relief', expect: 'present' };
  const base = { id: 'x-criterion', text: 'Some evidence of benefit is documented', required: true };

  it('accepts a criterion whose silence rule agrees with its evidence', () => {
    const { topics } = parseTopicFile(
      'medications',
      withCriterion({ ...base, ifSilent: 'not-documented', evidence: { anyOf: [fact] } }),
    );
    expect(topics[0]?.criteria[0]).toStrictEqual({ ...base, evidence: { anyOf: [fact] } });
  });

  it("turns ifSilent 'met' on defeaters into the engine's silentMeansNone", () => {
    const { topics } = parseTopicFile(
      'medications',
      withCriterion({ ...base, ifSilent: 'met', evidence: { noneOf: [fact] } }),
    );
    expect(topics[0]?.criteria[0]?.silentMeansNone).toBe(true);
  });

  it("rejects 'met' on silence for evidence that must be shown (anyOf), naming the file and the field", () => {
    expect(() =>
      parseTopicFile('medications', withCriterion({ ...base, ifSilent: 'met', evidence: { anyOf: [fact] } })),
    ).toThrow(/medications\.json[\s\S]*ifSilent/);
  });

  it("rejects 'request-decides' when the evidence reads the record, and 'not-documented' when it reads only the request", () => {
    expect(() =>
      parseTopicFile(
        'medications',
        withCriterion({ ...base, ifSilent: 'request-decides', evidence: { anyOf: [fact] } }),
      ),
    ).toThrow(/implies ifSilent 'not-documented'/);
    const flagOnly = { allOf: [{ request: 'quantityUnspecified', expect: false }] };
    expect(() =>
      parseTopicFile('medications', withCriterion({ ...base, ifSilent: 'not-documented', evidence: flagOnly })),
    ).toThrow(/implies ifSilent 'request-decides'/);
  });

  it('rejects a criterion without a silence rule, an unknown fact kind, and text that is not JSON', () => {
    expect(() => parseTopicFile('medications', withCriterion({ ...base, evidence: { anyOf: [fact] } }))).toThrow(
      /ifSilent/,
    );
    expect(() =>
      parseTopicFile(
        'medications',
        withCriterion({
          ...base,
          ifSilent: 'not-documented',
          evidence: { anyOf: [{ fact: 'mood', expect: 'present' }] },
        }),
      ),
    ).toThrow(/medications\.json/);
    expect(() => parseTopicFile('medications', '{ "chapter": ')).toThrow(/not valid JSON/);
  });

  it('rejects a file that names another chapter', () => {
    expect(() => parseTopicFile('equipment', readFileSync(topicFileUrl('medications'), 'utf8'))).toThrow(
      /names chapter medications/,
    );
  });
});
