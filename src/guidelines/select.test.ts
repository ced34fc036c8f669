import { describe, expect, it } from 'vitest';
import { knownDrugClass } from '../terminology/drug-classes.js';
import { regionsInText } from './regions.js';
import { type TopicQuery, topicsFor } from './select.js';

const norco = { name: 'Norco', generic: 'hydrocodone/acetaminophen', drugClass: 'opioid' };

function top(q: TopicQuery): string | undefined {
  return topicsFor(q).topics[0]?.topic.id;
}

describe('topicsFor: the Medical Evidence Search Sequence', () => {
  it('picks the MTUS over ODG when both address the request, and keeps ODG as supporting', () => {
    const s = topicsFor({
      kind: 'injection',
      text: 'Right L5-S1 transforaminal epidural steroid injection',
      bodyParts: ['lumbar spine'],
      phase: 'chronic',
      date: '2017-01-15',
    });
    expect(s.tier).toBe(1);
    expect(s.topics[0]?.source.citationSource).toBe('MTUS');
    expect(s.topics.every((t) => t.source.tier === 1)).toBe(true);
    expect(s.supporting.map((t) => t.topic.id)).toContain('odg-low-back.epidural-steroid-injections');
    expect(s.reason).toMatch(/^The MTUS addresses/);
  });

  it('falls back to ODG when the MTUS is silent, and says why', () => {
    const s = topicsFor({
      kind: 'equipment',
      text: 'Cervical pillow',
      bodyParts: ['cervical spine'],
      date: '2017-01-15',
    });
    expect(s.tier).toBe(2);
    expect(s.topics[0]?.topic.id).toBe('odg-neck.cervical-pillow');
    expect(s.reason).toMatch(/MTUS does not address Cervical pillow; the Official Disability Guidelines \(ODG\) used/);
    expect(s.reason).toContain('9792.21.1');
  });

  it('goes down to the literature when no guideline addresses a drug, naming each silent tier', () => {
    const s = topicsFor({
      kind: 'medication',
      text: 'Viagra 50mg',
      drugs: [{ name: 'Viagra', generic: 'sildenafil', drugClass: 'pde5-inhibitor' }],
      phase: 'chronic',
    });
    expect(s.tier).toBe(4);
    expect(s.reason).toMatch(
      /nor does the most current ACOEM or ODG guideline or another nationally recognized guideline/,
    );
  });

  it('refers when nothing in the knowledge base applies', () => {
    const s = topicsFor({ kind: 'other', text: 'Hyperbaric oxygen sessions' });
    expect(s.topics).toEqual([]);
    expect(s.tier).toBeUndefined();
    expect(s.reason).toMatch(/needs a reviewer's decision/);
  });

  it('with a strict phase policy, leaves the chronic-pain guidelines for acute pain and says so', () => {
    const q: TopicQuery = {
      kind: 'medication',
      text: 'Anecream 4% #30',
      drugs: [{ name: 'Anecream', generic: 'lidocaine', drugClass: 'topical-anesthetic', form: 'cream' }],
      phase: 'acute',
      date: '2017-01-20',
      phasePolicy: 'strict',
    };
    const s = topicsFor(q);
    expect(s.tier).toBe(2);
    expect(s.topics[0]?.source.id).toBe('odg');
    expect(s.reason).toMatch(/applies to chronic pain, and this request is in the acute phase/);
    // By default the MTUS section still answers, with the phase noted.
    const soft = topicsFor({ ...q, phasePolicy: undefined });
    expect(soft.tier).toBe(1);
    expect(soft.reason).toMatch(/written for chronic pain/);
  });

  it('uses the edition in force on the request date', () => {
    const q: TopicQuery = { kind: 'medication', text: 'Norco 10/325 #90', drugs: [norco], phase: 'chronic' };
    expect(top({ ...q, date: '2015-03-01' })).toBe('chronic-pain-2009.opioids-ongoing');
    expect(top({ ...q, date: '2017-02-01' })).toBe('opioids-2016.maintenance');
    const later = topicsFor({ ...q, date: '2018-06-01' });
    expect(later.tier).toBe(1);
    expect(later.reason).toMatch(/in force on 2018-06-01 is not encoded/);
  });

  it('matches single drugs to their own section and compounds to the compounded-topical rules', () => {
    expect(
      top({
        kind: 'medication',
        text: 'Flexeril 10mg #90',
        drugs: [{ name: 'Flexeril', generic: 'cyclobenzaprine', drugClass: 'muscle-relaxant' }],
        phase: 'chronic',
        date: '2017-02-01',
      }),
    ).toBe('chronic-pain-2016.cyclobenzaprine');
    const compound = topicsFor({
      kind: 'compounded-topical',
      text: 'Gabapentin 10%, Cyclobenzaprine 6%, Bupivacaine 5% in cream base',
      drugs: [
        { name: 'Gabapentin', generic: 'gabapentin', drugClass: 'anticonvulsant' },
        { name: 'Cyclobenzaprine', generic: 'cyclobenzaprine', drugClass: 'muscle-relaxant' },
        { name: 'Bupivacaine', generic: 'bupivacaine', drugClass: 'topical-anesthetic' },
      ],
      phase: 'chronic',
      date: '2017-02-01',
    });
    expect(compound.topics[0]?.topic.id).toBe('chronic-pain-2016.topical-compounded');
    expect(compound.topics.map((t) => t.topic.id)).not.toContain('chronic-pain-2016.cyclobenzaprine');
  });

  it('ties services to a surgery to their surgical topics', () => {
    expect(
      top({
        kind: 'medication',
        text: 'Post-op Norco 5/325mg #60',
        drugs: [norco],
        associatedSurgery: true,
        date: '2017-02-01',
      }),
    ).toBe('opioids-2016.post-operative');
    expect(top({ kind: 'surgical-associated', text: 'Pre-op labs: PT/PTT', associatedSurgery: true })).toBe(
      'odg-low-back.preoperative-lab-testing',
    );
    expect(
      top({
        kind: 'surgical-associated',
        text: 'Associated surgical service: Physical therapy sessions, 12',
        bodyParts: ['knee'],
        associatedSurgery: true,
      }),
    ).toMatch(/^postsurgical-2009\./);
    expect(
      top({
        kind: 'therapy',
        text: 'Physical therapy 2x6 lumbar',
        bodyParts: ['lumbar spine'],
        phase: 'chronic',
        date: '2017-01-05',
      }),
    ).toBe('chronic-pain-2016.physical-medicine');
  });

  it('prefers the body-part chapter when the request names the region', () => {
    expect(top({ kind: 'imaging', text: 'MRI of the lumbar spine without contrast', date: '2017-01-05' })).toBe(
      'acoem-2004-low-back.special-studies-imaging',
    );
    expect(top({ kind: 'imaging', text: 'MRI of the right shoulder', date: '2017-01-05' })).toBe(
      'acoem-2004-shoulder.special-studies-imaging',
    );
    expect(
      top({ kind: 'surgery', text: 'Right shoulder arthroscopy with rotator cuff repair', date: '2017-01-05' }),
    ).toBe('acoem-2004-shoulder.surgical-considerations');
  });

  it('routes consultations and evaluations to their sections', () => {
    expect(top({ kind: 'consultation', text: 'Spine surgery evaluation for the lumbar', date: '2017-01-05' })).toBe(
      'chronic-pain-2016.office-visits',
    );
    expect(top({ kind: 'consultation', text: 'Functional capacity evaluation', date: '2017-01-05' })).toBe(
      'acoem-2004-general.functional-capacity-evaluation',
    );
    expect(top({ kind: 'consultation', text: 'Specialist referral', date: '2015-01-05' })).toBe(
      'acoem-2004-general.consultations',
    );
  });
});

describe('request reading helpers', () => {
  it('reads body regions from words and spinal levels', () => {
    expect(regionsInText('Facet joint injections L4-5, L5-S1')).toContain('lumbar spine');
    expect(regionsInText('MRI of the cervical and thoracic spine')).toEqual(['thoracic spine', 'cervical spine']);
    expect(regionsInText('EMG/NCV of the bilateral upper extremities')).toContain('upper extremity');
    expect(regionsInText('CT scan of the upper back')).toEqual(['thoracic spine']);
  });

  it('takes drug classes only as vocabulary ids: no synonyms, and unknown is no class', () => {
    expect(knownDrugClass('topical-nsaid')).toBe('topical-nsaid');
    expect(knownDrugClass('hypnotic')).toBeUndefined();
    expect(knownDrugClass('unknown')).toBeUndefined();
  });
});

describe('topicsFor: the requester’s own words', () => {
  it('chooses the device the request names over the class the vocabulary files it under', () => {
    // The parser files an interferential unit under "electrical stimulation unit", a TENS keyword; the
    // requester wrote "interferential", and the MTUS has a section for exactly that.
    const q = (text: string): TopicQuery => ({
      kind: 'equipment',
      text,
      modality: 'electrical stimulation unit',
      phase: 'chronic',
      date: '2017-03-01',
    });
    expect(top(q('Interferential unit, 30-day rental'))).toBe('chronic-pain-2016.interferential');
    expect(top(q('IF unit purchase'))).toBe('chronic-pain-2016.interferential');
    expect(top(q('E-stim unit'))).toBe('chronic-pain-2016.tens');
  });

  it('routes electrodiagnostic requests the needle-EMG sections do not cover to their own sections', () => {
    const q = (text: string): TopicQuery => ({ kind: 'electrodiagnostic', text, phase: 'chronic', date: '2017-03-01' });
    expect(top(q('Surface EMG of the lumbar paraspinals'))).toBe('odg-low-back.surface-emg');
    expect(top(q('SSEP of the bilateral lower extremities'))).toBe('odg-low-back.evoked-potentials');
    expect(top(q('Quantitative sensory testing'))).toBe('odg-low-back.current-perception-threshold');
    expect(top(q('EMG/NCV of the bilateral lower extremities'))).toBe('chronic-pain-2016.electrodiagnostic-testing');
  });
});
