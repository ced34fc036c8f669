import { describe, expect, it } from 'vitest';
import { metrics, type ReplayRow } from './replay.js';

function row(actual: ReplayRow['actual'], recommended: ReplayRow['recommended'], topicAgrees = true): ReplayRow {
  return { request: 'x', kind: 'therapy', actual, recommended, topicAgrees, reviewerCited: true, engineTopic: 't' };
}

describe('metrics', () => {
  it('computes agreement, balanced accuracy, overturn precision and recall, topic agreement and refer rate', () => {
    const rows = [
      row('Upheld', 'Upheld'),
      row('Upheld', 'Upheld'),
      row('Upheld', 'Overturned', false),
      row('Upheld', 'Refer', false),
      row('Overturned', 'Overturned'),
      row('Overturned', 'Upheld'),
    ];
    const m = metrics(rows);
    expect(m.agreement).toBeCloseTo(3 / 6);
    expect(m.upheldRecall).toBeCloseTo(2 / 4);
    expect(m.overturnRecall).toBeCloseTo(1 / 2);
    expect(m.balancedAccuracy).toBeCloseTo(0.5);
    expect(m.overturnPrecision).toBeCloseTo(1 / 2);
    expect(m.topicAgreement).toBeCloseTo(4 / 6);
    expect(m.referRate).toBeCloseTo(1 / 6);
  });

  it('always answering Upheld scores a balanced accuracy of one half', () => {
    const rows = [...Array.from({ length: 9 }, () => row('Upheld', 'Upheld')), row('Overturned', 'Upheld')];
    const m = metrics(rows);
    expect(m.agreement).toBeCloseTo(0.9);
    expect(m.balancedAccuracy).toBeCloseTo(0.5);
  });
});
