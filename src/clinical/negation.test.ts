import { describe, expect, it } from 'vitest';
import { assertionOf, assertSpan, scopeSentence, scopeSentences } from './negation.js';

/** Assertion of the first occurrence of `phrase` in `sentence`. */
function of(sentence: string, phrase: string): { negated: boolean; uncertain: boolean } {
  const i = sentence.indexOf(phrase);
  if (i === -1) throw new Error(`"${phrase}" not in "${sentence}"`);
  return assertSpan(sentence, i, i + phrase.length);
}

describe('negation: pre-triggers', () => {
  it.each([
    ['The worker denied side effects.', 'side effects'],
    ['There were no radicular symptoms.', 'radicular symptoms'],
    ['Exam showed lack of neural tension or radiculopathic symptoms.', 'radiculopathic symptoms'],
    ['He denies numbness, tingling, or weakness of the hands.', 'weakness'],
    ['Knee without effusion.', 'effusion'],
    ['Imaging negative for fracture.', 'fracture'],
    ['There is no evidence of instability.', 'instability'],
    ['Absence of swelling was noted.', 'swelling'],
    ['The ankle is free of edema.', 'edema'],
    ['She has not started therapy yet.', 'therapy'],
    ['Negative Neer, Hawkins, empty can, and drop arm tests.', 'drop arm'],
    ['There were no positive neurological findings.', 'neurological findings'],
    ['Back is non-tender to touch.', 'tender'],
  ])('"%s" negates "%s"', (sentence, phrase) => {
    expect(of(sentence, phrase).negated).toBe(true);
  });
});

describe('negation: post-triggers', () => {
  it.each([
    ['Straight leg raise was negative bilaterally.', 'Straight leg raise'],
    ['Lachman, drawer and pivot shift were negative.', 'Lachman'],
    ['Lachman, drawer and pivot shift were negative.', 'pivot shift'],
    ['The radiographs were unremarkable.', 'radiographs'],
    ['Nausea was denied.', 'Nausea'],
    ['Facet loading negative, straight leg raise positive.', 'Facet loading'],
  ])('"%s" negates "%s"', (sentence, phrase) => {
    expect(of(sentence, phrase).negated).toBe(true);
  });
});

describe('negation: what must stay affirmed', () => {
  it('pseudo-negations open no scope', () => {
    expect(of('No change in pain since the last visit.', 'pain').negated).toBe(false);
    expect(of('There was no increase in swelling.', 'swelling').negated).toBe(false);
    expect(of('Pain without medication 8/10 and with medication 4/10.', '8/10').negated).toBe(false);
    expect(of('MRI without contrast showed a tear.', 'tear').negated).toBe(false);
    expect(of('Not only pain but stiffness.', 'stiffness').negated).toBe(false);
  });

  it('a scope ends at but, however, although, semicolons and except', () => {
    expect(of('No swelling. However, there was tenderness.', 'tenderness').negated).toBe(false);
    expect(of('No swelling, however there was tenderness.', 'tenderness').negated).toBe(false);
    expect(of('No swelling but tenderness over the joint.', 'tenderness').negated).toBe(false);
    expect(of('No swelling; tenderness over the joint.', 'tenderness').negated).toBe(false);
    expect(of('No deficits except weakness of the toe.', 'weakness').negated).toBe(false);
    expect(of('Although no rash, the skin was red.', 'red').negated).toBe(false);
  });

  it('a positive finding after a negated list is not negated', () => {
    expect(of('Negative facet loading, positive straight leg raise.', 'straight leg raise').negated).toBe(false);
    expect(of('Facet loading negative, straight leg raise positive.', 'straight leg raise').negated).toBe(false);
    expect(of('No weakness, sensation decreased and reflexes intact.', 'reflexes').negated).toBe(false);
    expect(of('No weakness and decreased sensation on the left.', 'decreased sensation').negated).toBe(false);
  });

  it('a new clause after a comma is outside the scope', () => {
    expect(of('No deformity, tenderness over the lateral shoulder muscles.', 'tenderness').negated).toBe(false);
    expect(of('No loss of lordosis, no stiffness or splinting, tenderness over the neck.', 'tenderness').negated).toBe(
      false,
    );
    expect(of('No bruising, the knee has an effusion.', 'effusion').negated).toBe(false);
  });

  it('a trigger inside the span does not negate it', () => {
    expect(of('He is not able to walk far.', 'not able to walk').negated).toBe(false);
    expect(of('She is not working.', 'not working').negated).toBe(false);
  });

  it('a long distance ends the scope', () => {
    const s = 'No swelling was found on the day of the first visit to the clinic in the city center and later spasm.';
    expect(of(s, 'spasm').negated).toBe(false);
  });
});

describe('uncertainty', () => {
  it.each([
    ['MRI to rule out herniated disc.', 'herniated disc'],
    ['Findings of possible tear of the labrum.', 'tear'],
    ['Probable carpal tunnel syndrome.', 'carpal tunnel syndrome'],
    ['R/O fracture of the wrist.', 'fracture'],
    ['He may have a meniscal tear.', 'meniscal tear'],
    ['Suspected nerve entrapment.', 'nerve entrapment'],
    ['Questionable instability of the ankle.', 'instability'],
    ['Findings suggest radiculopathy? on the left.', 'radiculopathy'],
    ['Ligament injury cannot be ruled out.', 'Ligament injury'],
    ['It was not stated whether he was working.', 'working'],
  ])('"%s" hedges "%s"', (sentence, phrase) => {
    const a = of(sentence, phrase);
    expect(a.uncertain).toBe(true);
    expect(a.negated).toBe(false);
  });

  it('affirmed statements are certain', () => {
    expect(of('There is a tear of the labrum.', 'tear').uncertain).toBe(false);
    expect(of('Carpal tunnel syndrome, right.', 'Carpal tunnel syndrome').uncertain).toBe(false);
  });
});

describe('scope maps', () => {
  it('the document form gives the same answers as the sentence form', () => {
    const a = 'There were no spasms. ';
    const b = 'MRI to rule out a tear, but no swelling.';
    const text = `${a}${b}`;
    const maps = scopeSentences(text, [
      { start: 0, end: a.length - 1 },
      { start: a.length, end: text.length },
    ]);
    const second = maps[1];
    expect(second).toBeDefined();
    if (second === undefined) return;
    const one = scopeSentence(b);
    for (const phrase of ['tear', 'swelling']) {
      const i = b.indexOf(phrase);
      expect(assertionOf(second, i, i + phrase.length)).toEqual(assertionOf(one, i, i + phrase.length));
    }
    expect(assertionOf(second, b.indexOf('swelling'), b.indexOf('swelling') + 8).negated).toBe(true);
  });

  it('a sentence without triggers has no scopes', () => {
    const m = scopeSentence('Tenderness over the lumbar spine.');
    expect(m.negation).toEqual([]);
    expect(m.uncertainty).toEqual([]);
  });
});
