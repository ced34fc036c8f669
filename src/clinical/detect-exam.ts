import type { ClinicalDoc } from './document.js';

/** Examination findings, radicular symptoms and neurological deficits. */

interface ExamPattern {
  readonly re: RegExp;
  readonly value: string;
  /** Lower-case substrings, one of which every match contains (a cheap pre-check). */
  readonly gate?: readonly string[];
  /** The wording itself states the normal finding ("5/5 strength", "sensation intact"): emitted as negated. */
  readonly normal?: boolean;
}

const W = "(?:[\\w'’/-]+\\s+)"; // one word and its space

const p = (source: string): RegExp => new RegExp(source, 'gi');

const EXAM: readonly ExamPattern[] = [
  {
    value: 'straight-leg-raise',
    gate: ['straight', 'slr', 'lasegue', 'lasègue', 'brag'],
    re: p(
      "\\b(?:(?:seated|supine|sitting|single|crossed|contralateral|bilateral)\\s+)?(?:straight[- ]leg[- ]rais(?:e|ing)(?:\\s+(?:test(?:ing)?|sign|maneuver|exam(?:ination)?))?|SLR|Las[eè]gue'?s?(?:\\s+(?:test|sign))?|Brag+ard'?s?(?:\\s+(?:test|sign))?)(?![\\w'])",
    ),
  },
  {
    value: 'facet-loading',
    gate: ['facet', 'kemp', 'extension'],
    re: p(
      "\\b(?:facet (?:loading|signs?|load(?:ing)? test|provocation)|Kemp'?s?(?:\\s+(?:test|sign|maneuver))?|pain (?:with|on) (?:lumbar )?(?:extension[- ](?:and[- ])?rotation|facet loading)|extension[- ]rotation (?:test|maneuver))(?![\\w'])",
    ),
  },
  {
    value: 'facet-tenderness',
    gate: ['facet'],
    re: p(
      `\\b(?:facet(?: joint)? tenderness|tender(?:ness)? (?:at|over|to|of) (?:the )?${W}{0,2}facets?(?: joints?)?)\\b`,
    ),
  },
  {
    value: 'tenderness',
    gate: ['tender', 'ttp', 'palpa'],
    re: p(
      '\\b(?:tender(?:ness)?|TTP|(?:pain|discomfort) (?:up)?on palpation|(?:pain|discomfort) to palpation|palpable pain|point tenderness)\\b',
    ),
  },
  { value: 'tenderness', gate: ['tender', 'ttp', 'palpa'], normal: true, re: p('\\bnon-?tender(?:ness)?\\b') },
  {
    value: 'spasm',
    gate: ['spasm', 'hypertonic', 'guarding'],
    re: p('\\b(?:(?:muscle |paraspinal |paravertebral )?spasms?|hypertonicity|hypertonic|muscle guarding)\\b'),
  },
  { value: 'guarding', gate: ['guarding'], re: p('\\b(?<!muscle )guarding\\b') },
  {
    value: 'rom-limited',
    gate: ['motion', 'rom', 'flexion', 'extension', 'rotation', 'abduction', 'mobility'],
    re: p(
      `\\b(?:(?:decreased|limited|restricted|reduced|diminished|painful|guarded|stiff|loss of|limitation of|limitations? (?:in|of)|restrictions? (?:in|of)|decrease in|decreased and painful)\\s+${W}{0,4}?(?:range of motion|ROM|motion|mobility|flexion|extension|rotation|abduction)|(?:range of motion|ROM|flexion|extension|rotation|abduction)\\s+${W}{0,6}?(?:was\\s+|is\\s+|were\\s+|are\\s+)?(?:(?:noted|found)\\s+(?:to be\\s+)?)?(?:mildly\\s+|moderately\\s+|severely\\s+|slightly\\s+|significantly\\s+|markedly\\s+)?(?:decreased|limited|restricted|reduced|diminished)|(?:range of motion|ROM) (?:restrictions?|limitations?|deficits?|loss))\\b`,
    ),
  },
  {
    value: 'rom-limited',
    gate: ['motion', 'rom', 'flexion', 'extension', 'rotation', 'abduction', 'mobility'],
    normal: true,
    re: p(
      `\\b(?:(?:full|normal|unrestricted|pain[- ]free|full pain[- ]free|intact)\\s+${W}{0,3}?(?:range of motion|ROM)|(?:range of motion|ROM)\\s+${W}{0,6}?(?:was|is|were|are)\\s+(?:noted to be\\s+)?(?:full|normal|unrestricted|within normal limits|intact|WNL))\\b`,
    ),
  },
  {
    value: 'weakness',
    gate: ['weak', 'strength', 'paresis', 'motor', 'walk'],
    re: p(
      '\\b(?:weakness|decreased (?:motor )?strength|diminished (?:motor )?strength|reduced (?:motor )?strength|(?:motor|strength) deficits?|loss of strength|give[- ]way weakness|paresis)\\b',
    ),
  },
  {
    value: 'weakness',
    gate: ['weak', 'strength', 'paresis', 'motor', 'walk'],
    re: p(
      '\\b(?:inability|unable|difficulty|cannot|could not)\\s+(?:to\\s+)?(?:perform\\s+)?(?:a\\s+)?(?:heel|toe)(?:[- ]| to | and |\\/)?(?:toe|heel)?[- ]?walk\\w*',
    ),
  },
  {
    value: 'weakness',
    gate: ['weak', 'strength', 'paresis', 'motor', 'walk'],
    normal: true,
    re: p(
      `\\b(?:(?:normal|full|intact)\\s+${W}{0,2}?(?:motor\\s+)?strength|(?:motor\\s+)?strength\\s+${W}{0,4}?(?:was|is|were|are)\\s+(?:\\w+\\s+)?(?:normal|intact|full|symmetric(?:al)?|equal)|motor (?:exam(?:ination)?|function|testing|power) (?:was |is )?(?:normal|intact|grossly intact))\\b`,
    ),
  },
  {
    value: 'sensory-deficit',
    gate: ['sens', 'esthesia', 'pinprick', 'pin prick', 'light touch', 'discrimination', 'hypoalgesia'],
    re: p(
      `\\b(?:(?:decreased|diminished|reduced|altered|impaired|abnormal|absent|loss of|lost|decrease in)\\s+${W}{0,4}?(?:sensation|sensory|sensibility|light touch|pinprick|pin prick|two[- ]point discrimination)|(?:sensation|sensory(?: exam(?:ination)?)?)\\s+${W}{0,5}?(?:was|is|were|are)\\s+(?:\\w+\\s+)?(?:decreased|diminished|reduced|altered|impaired|abnormal|absent)|hyp(?:o|er)?a?esthesia|dysesthesia|hypoalgesia|sensory (?:deficits?|loss|changes?|disturbances?|abnormalit\\w+)|(?:decreased|diminished|reduced) (?:motor )?strength,? (?:and )?sensation)\\b`,
    ),
  },
  {
    value: 'sensory-deficit',
    gate: ['sens', 'esthesia', 'pinprick', 'pin prick', 'light touch', 'discrimination', 'hypoalgesia'],
    normal: true,
    re: p(
      `\\b(?:(?:intact|normal|grossly intact|symmetric)\\s+${W}{0,2}?sensation|sensation\\s+${W}{0,6}?(?:was|is|were|are)\\s+(?:\\w+\\s+)?(?:intact|normal|symmetric(?:al)?|good)|sensation (?:is |was )?(?:grossly )?intact|sensory (?:exam(?:ination)?|function|testing) (?:was |is )?(?:normal|intact|grossly intact))\\b`,
    ),
  },
  {
    value: 'reflex-change',
    gate: ['reflex', 'clonus', 'babinski', 'hoffman'],
    re: p(
      `\\b(?:(?:decreased|diminished|reduced|absent|hypoactive|hyperactive|brisk|asymmetric(?:al)?|depressed|trace|increased|abnormal)\\s+${W}{0,3}?(?:deep tendon )?reflex(?:es)?|reflex(?:es)?\\s+${W}{0,6}?(?:was|is|were|are)\\s+(?:\\w+\\s+)?(?:decreased|diminished|reduced|absent|hypoactive|hyperactive|brisk|asymmetric(?:al)?|1\\+|trace)|reflex asymmetry|hyporeflexia|areflexia|hyperreflexia|clonus|(?:positive|upgoing) Babinski|Hoffmann?'?s? sign)(?![\\w'])`,
    ),
  },
  {
    value: 'reflex-change',
    gate: ['reflex', 'clonus', 'babinski', 'hoffman'],
    normal: true,
    re: p(
      `\\b(?:reflex(?:es)?\\s+${W}{0,6}?(?:was|is|were|are)\\s+(?:\\w+\\s+)?(?:normal|intact|symmetric(?:al)?|2\\+|physiologic|equal)|reflex(?:es)?\\s+${W}{0,4}?(?:rated\\s+(?:as\\s+)?)?2\\s*(?:\\/|of|out of)\\s*(?:2|4)|(?:normal|intact|symmetric(?:al)?|equal|2\\+)\\s+${W}{0,3}?reflex(?:es)?)(?![\\w'])`,
    ),
  },
  { value: 'atrophy', gate: ['atroph', 'wasting'], re: p('\\b(?:(?:muscle\\s+)?atroph(?:y|ic)|muscle wasting)\\b') },
  {
    value: 'impingement-sign',
    gate: ['neer', 'hawkin', 'impingement'],
    re: p(
      "\\b(?:Neer'?s?(?:\\s+(?:impingement\\s+)?(?:test|sign))?|Hawkins?'?s?(?:'s)?(?:[- ]Kennedy)?(?:\\s+(?:impingement\\s+)?(?:test|sign|maneuver))?|impingement (?:signs?|tests?|testing|maneuvers?))(?![\\w'])",
    ),
  },
  {
    value: 'rotator-cuff-sign',
    gate: ['empty can', 'jobe', 'supraspinatus', 'drop arm', 'belly', 'lift', 'lag sign'],
    re: p(
      "\\b(?:empty can(?: test)?|Jobe'?s?(?: test)?|supraspinatus (?:strength )?test|drop arm(?: test| sign)?|belly press(?: test)?|lift[- ]off (?:test|sign)|external rotation lag sign)(?![\\w'])",
    ),
  },
  {
    value: 'labral-sign',
    gate: ['brien', 'compression test', 'crank', 'slap'],
    re: p("\\b(?:O'?Brien'?s?(?: test| sign)?|active compression test|crank test|SLAP test)(?![\\w'])"),
  },
  {
    value: 'biceps-sign',
    gate: ['speed', 'yergason'],
    re: p("\\b(?:Speed'?s (?:test|sign)|Speed's|Yergason'?s?(?: test)?)(?![\\w'])"),
  },
  {
    value: 'instability',
    gate: [
      'lax',
      'stab',
      'drawer',
      'lachman',
      'pivot',
      'apprehension',
      'varus',
      'valgus',
      'stress test',
      'buckl',
      'giv',
      'subluxation',
    ],
    re: p(
      "\\b(?:laxity|instability|unstable|(?:anterior |posterior )?(?:and (?:anterior |posterior ))?drawer(?:'?s)?(?: signs?| tests?)?|Lachman'?s?(?: test)?|pivot shift|apprehension(?: test| sign)?|(?:varus|valgus) (?:stress|laxity|instability)|(?:abduction|adduction) (?:and (?:abduction|adduction) )?stress test(?:ing)?|buckling|giving way|gives way|subluxation)(?![\\w'])",
    ),
  },
  { value: 'effusion', gate: ['effusion'], re: p('\\b(?:joint )?effusions?\\b') },
  { value: 'swelling', gate: ['swell', 'swollen', 'edema'], re: p('\\b(?:swelling|swollen|edema|oedema)\\b') },
  {
    value: 'mcmurray',
    gate: ['mcmurray'],
    re: p("\\bMcMurray'?s?(?:'s)?(?: test(?:ing)?| sign| grind sign| maneuver)?(?![\\w'])"),
  },
  {
    value: 'meniscal-sign',
    gate: ['apley', 'thessaly'],
    re: p("\\b(?:Apley'?s?(?: compression| grind)?(?: test)?|Thessaly(?: test)?)(?![\\w'])"),
  },
  {
    value: 'joint-line-tenderness',
    gate: ['joint line'],
    re: p('\\b(?:(?:medial|lateral) )?joint line tenderness\\b'),
  },
  { value: 'tinel', gate: ['tinel'], re: p("\\bTinel'?s?(?: sign| test)?(?![\\w'])") },
  { value: 'phalen', gate: ['phalen'], re: p("\\bPhalen'?s?(?: sign| test| maneuver)?(?![\\w'])") },
  {
    value: 'carpal-compression',
    gate: ['durkan', 'carpal compression'],
    re: p("\\b(?:Durkan'?s?(?: test)?|carpal compression test)(?![\\w'])"),
  },
  { value: 'finkelstein', gate: ['finkelstein'], re: p("\\bFinkelstein'?s?(?: test)?(?![\\w'])") },
  {
    value: 'spurling',
    gate: ['spurling', 'compression'],
    re: p(
      "\\b(?:Spurling'?s?(?: test| sign| maneuver)?|foraminal compression(?: test)?|cervical compression(?: test)?)(?![\\w'])",
    ),
  },
  {
    value: 'si-joint-sign',
    gate: ['patrick', 'faber', 'gaenslen', 'sacroiliac', 'si joint', 'thigh thrust', 'fortin'],
    re: p(
      "\\b(?:Patrick[- ]Faber'?s?(?: test)?|Patrick'?s?(?: test)?|FABERE?(?: test)?|Gaenslen'?s?(?: test)?|(?:SI|sacroiliac) joint (?:provocation|compression|distraction|thrust)(?: tests?)?|thigh thrust(?: test)?|Fortin finger(?: test)?)(?![\\w'])",
    ),
  },
  { value: 'crepitus', gate: ['crepit'], re: p('\\b(?:crepitus|crepitations?|crepitance)\\b') },
  {
    value: 'abnormal-gait',
    gate: ['gait', 'limp', 'ambulat'],
    re: p(
      `\\b(?:(?:antalgic|abnormal|stiff|slow(?:ed)?|guarded|wide[- ]based|ataxic|shuffling|altered)\\s+(?:\\w+\\s+)?gait|limp(?:ing)?|(?:gait|ambulat\\w+)\\s+${W}{0,3}?(?:antalgic|abnormal|with (?:a )?limp))\\b`,
    ),
  },
  {
    value: 'abnormal-gait',
    gate: ['gait', 'limp', 'ambulat'],
    normal: true,
    re: p(
      '\\b(?:(?:normal|fluid|steady|non-?antalgic)\\s+gait|gait (?:was |is )?(?:normal|within normal limits|steady|non-?antalgic))\\b',
    ),
  },
  {
    value: 'neural-tension',
    gate: ['tension', 'slump'],
    re: p('\\b(?:neural tension(?: signs?| tests?)?|nerve tension (?:signs?|tests?)|slump test)\\b'),
  },
  {
    value: 'trigger-point',
    gate: ['trigger point'],
    re: p('\\b(?:palpable |active |taut )?trigger points?(?! injections?| impedance)\\b'),
  },
  {
    value: 'normal-neuro',
    gate: ['intact', 'neurolog'],
    re: p(
      '\\b(?:neurologically intact|neurovascularly intact|intact motor and sensory(?: function| exam(?:ination)?)?|(?:normal|nonfocal|non-focal) neurolog\\w* (?:exam(?:ination)?|findings))\\b',
    ),
  },
];

const REPORTED = /\b(?:complain\w*|report\w*|denie[sd]|deny|endorse\w*|concerned|states?|stated|felt|feels|c\/o)\b/i;
const IMAGING_SENTENCE =
  /\b(?:MRI|x[- ]?rays?|radiographs?|CT|computed tomography|ultrasound|imaging|scan)\b[^.]*?\b(?:revealed|showed|showing|demonstrated|documented|consistent with|noted)\b/i;
const IMAGING_ONLY = new Set(['effusion', 'instability', 'atrophy', 'swelling']);

/** Motor grade "4+/5", "5-/5", "4 of 5": below 5 is weakness, 5 is normal strength. */
const GRADE = /(?<![\d/.])([0-5])\s*([+-])?\s*(?:\/|out of|over|of)\s*5(?![\d/.])/gi;
const STRENGTH_WORD =
  /\b(?:strength|motor|power|weakness|flexion|extension|EHL|grip|dorsiflex\w*|plantar ?flex\w*|abduction|adduction|deltoid|biceps|triceps|quadriceps|hamstrings?|iliopsoas|muscles?|wrist extensors?|extensors?|flexors?)\b/i;

const NEURO_ITEM =
  '(?:deep tendon reflexes|DTRs?|reflexes|motor strength|muscle strength|strength|motor(?: function)?|sensation|sensory(?: exam(?:ination)?| function)?)';
/** "Motor strength, sensation, and reflexes were normal": each item is a normal finding. */
const NEURO_LIST = new RegExp(
  `\\b(${NEURO_ITEM}(?:,?\\s+(?:and\\s+)?${NEURO_ITEM})+)\\s+(?:(?:in|of|at)\\s+(?:the\\s+)?(?:\\w+\\s+){0,3})?(?:was|were|are|is)\\s+(?:all\\s+|noted to be\\s+|grossly\\s+)?(?:normal|intact|within normal limits|symmetric(?:al)?|unremarkable|equal)\\b`,
  'gi',
);

function neuroItemValue(item: string): string {
  const w = item.toLowerCase();
  if (w.includes('reflex') || w.startsWith('dtr')) return 'reflex-change';
  if (w.startsWith('sens')) return 'sensory-deficit';
  return 'weakness';
}

/** Substrings one of which every match of GRADE contains (see ClinicalDoc.scan). */
const GRADE_GATE = ['5'];

/** Substrings one of which every match of NEURO_LIST contains (see ClinicalDoc.scan). */
const NEURO_LIST_GATE = ['normal', 'intact', 'symmetric', 'unremarkable', 'equal'];

export function detectExamFindings(doc: ClinicalDoc): void {
  doc.scan(
    NEURO_LIST,
    (m, i, start, end) => {
      const bodyPart = doc.bodyPartNear(i, start, end);
      const side = doc.sideNear(i, start, end);
      for (const item of (m[1] ?? '').split(/,?\s+(?:and\s+)?|,/)) {
        if (item.trim() === '' || /^(?:and|deep|tendon|motor|muscle|function|exam|examination)$/i.test(item.trim()))
          continue;
        doc.emit('exam-finding', i, start, end, {
          value: neuroItemValue(item),
          negated: true,
          ...(bodyPart !== undefined ? { bodyPart } : {}),
          ...(side !== undefined ? { side } : {}),
        });
      }
    },
    NEURO_LIST_GATE,
  );
  for (const pat of EXAM) {
    doc.scan(
      pat.re,
      (_m, i, start, end) => {
        if (IMAGING_ONLY.has(pat.value) && doc.sentenceHas(IMAGING_SENTENCE, i)) return;
        const [a, b] = doc.segment(i, start, end);
        const reported = REPORTED.test(doc.text.slice(a, b));
        let negated: boolean | undefined = pat.normal === true ? true : undefined;
        // "the knee was stable to Lachman's and drawer"
        if (
          pat.value === 'instability' &&
          /\bstable (?:to|with|on)\b/i.test(doc.text.slice(Math.max(a, start - 60), start))
        )
          negated = true;
        const bodyPart = doc.bodyPartNear(i, start, end);
        const side = doc.sideNear(i, start, end);
        doc.emit('exam-finding', i, start, end, {
          value: pat.value,
          ...(reported ? { qualifier: 'reported' } : {}),
          ...(negated !== undefined ? { negated } : {}),
          ...(bodyPart !== undefined ? { bodyPart } : {}),
          ...(side !== undefined ? { side } : {}),
        });
        if (pat.value === 'normal-neuro') {
          doc.emit('neurological-deficit', i, start, end, { value: 'focal-deficit', negated: true });
        }
      },
      pat.gate,
    );
  }
  doc.scan(
    GRADE,
    (m, i, start, end) => {
      const [a, b] = doc.segment(i, start, end);
      const near = doc.text.slice(Math.max(a, start - 60), Math.min(b, end + 40));
      if (!STRENGTH_WORD.test(near)) return;
      const grade = Number(m[1]);
      const normal = grade === 5 && m[2] !== '-';
      const bodyPart = doc.bodyPartNear(i, start, end);
      const side = doc.sideNear(i, start, end);
      doc.emit('exam-finding', i, start, end, {
        value: 'weakness',
        qualifier: `motor ${m[1]}${m[2] ?? ''}/5`,
        ...(normal ? { negated: true } : {}),
        ...(bodyPart !== undefined ? { bodyPart } : {}),
        ...(side !== undefined ? { side } : {}),
      });
    },
    GRADE_GATE,
  );
}

const RADICULAR = p(
  "\\b(?:(?:radiat(?:ing|es|ed|e)|radiation)(?!\\s+(?:therapy|exposure|oncology|treatment))(?:\\s+(?:of\\s+)?(?:the\\s+)?(?:back\\s+|neck\\s+)?pain)?|radicular (?:pain|symptoms?|complaints?|component|features|signs|findings)|radiculopathic (?:symptoms?|pain|complaints?)|radiculopathy symptoms|sciatica|sciatic (?:pain|symptoms)|shooting pains?|electric(?:al)?[- ]like|pins and needles|par(?:a)?esthes[ie]as?|numbness|numb|tingling|burning (?:pain )?(?:down|into)|pain (?:down|into) (?:the |his |her |their |both )?(?:\\w+ )?(?:legs?|arms?|lower extremit\\w+|upper extremit\\w+|buttocks?|thighs?|feet|foot|hands?|fingers?)|nonradiating|non-radiating)(?![\\w'])",
);

function radicularValue(s: string): string {
  const w = s.toLowerCase();
  if (w.startsWith('numb')) return 'numbness';
  if (w.startsWith('tingl') || w.startsWith('pins')) return 'tingling';
  if (/^par/.test(w)) return 'paresthesia';
  if (w.startsWith('sciat')) return 'sciatica';
  if (/^(?:radiat|non|shooting|electric|burning|pain)/.test(w)) return 'radiating-pain';
  return 'radicular';
}

const NEURO_DEFICIT = p(
  "\\b(?:(?:focal |objective |significant |progressive |motor |sensory |gross |localizing )?neurolog(?:ic|ical)?\\s+(?:deficits?|findings|dysfunction|compromise|abnormalit\\w+|signs|involvement|changes)|neuro(?:logical)? deficits?|(?:specific )?nerve (?:root )?(?:compromise|impingement|compression|irritation|dysfunction|involvement)|foot drop|drop foot|wrist drop|localizing or lateralizing signs|lateralizing signs|neurological (?:dysfunction|compromise))(?![\\w'])",
);

/** Substrings one of which every match of RADICULAR contains (see ClinicalDoc.scan). */
const RADICULAR_GATE = [
  'radia',
  'radic',
  'sciat',
  'shoot',
  'electric',
  'pins',
  'esthes',
  'numb',
  'tingl',
  'burning',
  'down',
  'into',
];

export function detectRadicular(doc: ClinicalDoc): void {
  doc.scan(
    RADICULAR,
    (m, i, start, end) => {
      const word = m[0];
      const forced = /^non-?radiating$/i.test(word) && !word.includes('-') ? { negated: true } : {};
      const bodyPart = limbAfter(doc, i, end) ?? doc.bodyPartNear(i, start, end);
      const side = doc.sideNear(i, start, end);
      doc.emit('radicular-symptoms', i, start, end, {
        value: radicularValue(word),
        ...forced,
        ...(bodyPart !== undefined ? { bodyPart } : {}),
        ...(side !== undefined ? { side } : {}),
      });
    },
    RADICULAR_GATE,
  );
}

const LIMBS = new Set(['upper extremity', 'lower extremity', 'hand', 'foot', 'buttock', 'forearm']);

/** "numbness, and tingling to the left upper extremity", "radiating down the leg": the limb named after it. */
function limbAfter(doc: ClinicalDoc, i: number, end: number): string | undefined {
  const s = doc.sentence(i);
  for (const m of doc.bodyParts(i)) {
    if (m.start < end) continue;
    if (m.start - end > 70 || m.end > s.end) return undefined;
    if (LIMBS.has(m.value) && !/[.;]/.test(doc.text.slice(end, m.start))) return m.value;
    if (!LIMBS.has(m.value)) return undefined;
  }
  return undefined;
}

/** Substrings one of which every match of NEURO_DEFICIT contains (see ClinicalDoc.scan). */
const NEURO_DEFICIT_GATE = ['neuro', 'nerve', 'drop', 'lateraliz'];

export function detectNeuroDeficits(doc: ClinicalDoc): void {
  doc.scan(
    NEURO_DEFICIT,
    (m, i, start, end) => {
      const w = m[0].toLowerCase();
      const value = /drop/.test(w)
        ? 'foot-drop'
        : /nerve/.test(w)
          ? 'nerve-root-compromise'
          : /progressive/.test(w)
            ? 'progressive-deficit'
            : 'focal-deficit';
      const bodyPart = doc.bodyPartNear(i, start, end, false);
      doc.emit('neurological-deficit', i, start, end, { value, ...(bodyPart !== undefined ? { bodyPart } : {}) });
    },
    NEURO_DEFICIT_GATE,
  );
}
