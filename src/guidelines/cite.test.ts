import { describe, expect, it } from 'vitest';
import { Citation } from '../domain/letter.js';
import {
  citationAgrees,
  citationLine,
  findTopicByCitation,
  formatCitation,
  identifySource,
  matchCitation,
} from './cite.js';
import { ALL_TOPICS, topicById } from './topics/index.js';

function topicOf(id: string) {
  const t = topicById(id);
  if (t === undefined) throw new Error(`no topic ${id}`);
  return t;
}

describe('formatCitation: topics cited the way the letters cite them', () => {
  it('renders a 2016 Chronic Pain section as an MTUS citation with sections', () => {
    const c = formatCitation(topicOf('chronic-pain-2016.physical-medicine'));
    expect(c).toEqual({
      source: 'MTUS',
      text: 'Chronic Pain Medical Treatment 2016',
      sections: 'Physical medicine treatment',
    });
    expect(citationLine(c)).toBe('MTUS Chronic Pain Medical Treatment 2016, Section(s): Physical medicine treatment');
  });

  it('renders the 2009 edition with its pages, and ACOEM chapters by chapter title and year', () => {
    expect(citationLine(formatCitation(topicOf('chronic-pain-2009.physical-medicine')))).toBe(
      'MTUS Chronic Pain Medical Treatment 2009, Section(s): Physical Medicine Page(s): 98, 99',
    );
    expect(formatCitation(topicOf('acoem-2004-low-back.special-studies-imaging'))).toMatchObject({
      source: 'MTUS',
      text: 'Low Back Complaints 2004',
      sections: 'Special Studies',
    });
    expect(formatCitation(topicOf('acoem-2007-elbow.immobilization-bracing')).text).toBe('Elbow Complaints 2007');
  });

  it('cites the acupuncture guidelines without a section, as the letters do', () => {
    expect(formatCitation(topicOf('acupuncture-2007.acupuncture'))).toEqual({
      source: 'MTUS',
      text: 'Acupuncture Treatment 2007',
    });
  });

  it('renders ODG as a Non-MTUS citation naming chapter and section', () => {
    const c = formatCitation(topicOf('odg-low-back.epidural-steroid-injections'));
    expect(c.source).toBe('Non-MTUS');
    expect(citationLine(c)).toBe(
      'Non-MTUS Citation Official Disability Guidelines (ODG), Low Back Chapter, Epidural steroid injections (ESIs), therapeutic',
    );
  });

  it('produces citations that satisfy the letter contract for every topic', () => {
    for (const t of ALL_TOPICS) expect(Citation.safeParse(formatCitation(t)).success, t.id).toBe(true);
  });
});

describe('findTopicByCitation: from a letter citation back to the topic', () => {
  it('finds every topic from its own formatted citation (same source, edition and section)', () => {
    for (const t of ALL_TOPICS) {
      const m = matchCitation(formatCitation(t));
      expect(m, t.id).toBeDefined();
      expect(m?.topic.sourceId, t.id).toBe(t.sourceId);
      expect(m?.topic.edition, t.id).toBe(t.edition);
      expect(m?.level, t.id).not.toBe('source');
      expect(citationAgrees(t, formatCitation(t)), t.id).toBe('section');
    }
  });

  it('normalizes case, punctuation, "Guidelines" and the edition year', () => {
    expect(
      findTopicByCitation({
        source: 'MTUS',
        text: 'chronic pain medical treatment guidelines (2016)',
        sections: 'PHYSICAL MEDICINE TREATMENT.',
      })?.id,
    ).toBe('chronic-pain-2016.physical-medicine');
    expect(
      findTopicByCitation({
        source: 'MTUS',
        text: 'Chronic Pain Medical Treatment 2009',
        sections: 'Manual Therapy and Manipulation',
      })?.id,
    ).toBe('chronic-pain-2009.manual-therapy');
  });

  it('reads the older form with the section in the text and pages', () => {
    expect(
      findTopicByCitation({
        source: 'MTUS',
        text: 'Chronic Pain Treatment Guidelines Opioids when to continue',
        pages: [80],
      })?.id,
    ).toBe('chronic-pain-2009.opioids-ongoing');
    expect(
      findTopicByCitation({
        source: 'MTUS',
        text: 'Chronic Pain Treatment Guidelines Muscle Relaxants',
        pages: [63, 64],
      })?.id,
    ).toBe('chronic-pain-2009.muscle-relaxants');
    const acoem = matchCitation({ source: 'MTUS', text: 'ACOEM Chapter 12 Low Back Complaints', pages: [300] });
    expect(acoem?.source.id).toBe('mtus-acoem-low-back');
    expect(acoem?.level).toBe('pages');
  });

  it('reads the numbered sections of the 2016 Opioids guidelines', () => {
    const t = (sections: string) =>
      findTopicByCitation({ source: 'MTUS', text: 'Opioid Treatment 2016', sections })?.id;
    expect(
      t('3.3.9 Opioids for Chronic Pain and Chronic Opioid Treatment: Maintenance of Chronic Opioid Treatment'),
    ).toBe('opioids-2016.maintenance');
    expect(t('1.4 Opioids for Acute Pain: Opioids for Post-operative Pain')).toBe('opioids-2016.post-operative');
    expect(t('2. Opioids for Subacute Pain')).toBe('opioids-2016.subacute');
  });

  it('finds ODG sections by chapter, and infers ODG from a bare chapter name', () => {
    expect(
      findTopicByCitation({
        source: 'Non-MTUS',
        text: 'Official Disability Guidelines (ODG) Knee - Platelet-rich plasma (PRP)',
      })?.id,
    ).toBe('odg-knee.platelet-rich-plasma');
    expect(findTopicByCitation({ source: 'Non-MTUS', text: 'Low Back (Hyperstimulation analgesia)' })?.id).toBe(
      'odg-low-back.hyperstimulation-analgesia',
    );
    expect(
      findTopicByCitation({
        source: 'Non-MTUS',
        text: 'ACOEM Occupational Medicine Practice Guidelines, 3rd ed., Low Back Disorders, pg. 607',
      })?.id,
    ).toBe('acoem-3rd-low-back.facet-injections');
  });

  it('uses the request to choose among topics when the citation names only a source', () => {
    const bare = { source: 'MTUS', text: 'Low Back Complaints 2004' } as const;
    expect(matchCitation(bare)?.level).toBe('source');
    expect(findTopicByCitation(bare, { kind: 'imaging', text: 'MRI of the lumbar spine' })?.id).toBe(
      'acoem-2004-low-back.special-studies-imaging',
    );
    expect(findTopicByCitation(bare, { kind: 'equipment', text: 'Lumbar support' })?.id).toBe(
      'acoem-2004-low-back.lumbar-supports',
    );
  });

  it('identifies sources only among citations of their own kind, and undated names by their usual edition', () => {
    expect(identifySource({ source: 'MTUS', text: 'Chronic Pain Treatment Guidelines' })?.edition.id).toBe('2009');
    expect(identifySource({ source: 'MTUS', text: 'Chronic Pain Medical Treatment 2016' })?.edition.id).toBe('2016');
    expect(
      identifySource({ source: 'Non-MTUS', text: 'Sildenafil: Drug information, accessed from UpToDate.com' })?.source
        .tier,
    ).toBe(4);
    expect(identifySource({ source: 'MTUS', text: 'Official Disability Guidelines' })).toBeUndefined();
  });

  it('compares an engine topic with a letter citation for topic agreement', () => {
    const t = topicOf('chronic-pain-2016.cyclobenzaprine');
    expect(
      citationAgrees(t, {
        source: 'MTUS',
        text: 'Chronic Pain Medical Treatment 2016',
        sections: 'Cyclobenzaprine (Flexeril)',
      }),
    ).toBe('section');
    expect(
      citationAgrees(t, {
        source: 'MTUS',
        text: 'Chronic Pain Medical Treatment 2016',
        sections: 'Physical medicine treatment',
      }),
    ).toBe('source');
    expect(citationAgrees(t, { source: 'Non-MTUS', text: 'Official Disability Guidelines (ODG), Pain Chapter' })).toBe(
      'none',
    );
  });
});
