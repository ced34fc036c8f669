import { daysBetween, findDates } from './dates.js';
import type { ClinicalDoc } from './document.js';
import { alternation, type Entry, matchedValue } from './lexicon.js';

/** Function, work status, opioid monitoring, chronicity, psychological and sleep symptoms, GI risk. */

const p = (source: string): RegExp => new RegExp(source, 'gi');

const ACTIVITY =
  'walk\\w*|stand\\w*|sit\\w*|lift\\w*|bend\\w*|carry\\w*|reach\\w*|climb\\w*|driv\\w*|grip\\w*|grasp\\w*|squat\\w*|kneel\\w*|push\\w*|pull\\w*|dress\\w*|bath\\w*|shower\\w*|perform\\w*|bear(?:ing)? weight|ambulat\\w*|use (?:the|his|her|their|my) \\w+|chang(?:e|ing) positions|get(?:ting)? (?:up|onto|out|in)|put(?:ting)? on|activities|ADLs|household|chores|typing|writing|work\\w*|turn\\w*|look(?:ing)? (?:up|down|over)|sleep\\w*|concentrat\\w*|exercis\\w*|run\\w*|jump\\w*|stairs';

function domainOf(text: string): string {
  const t = text.toLowerCase();
  if (/\badl|activities of daily living|dress|bath|shower|self[- ]care|household|chores|put(?:ting)? on|groom/.test(t))
    return 'adl';
  if (/walk|ambulat|stairs|bear(?:ing)? weight|run|gait/.test(t)) return 'walking';
  if (/\bsit/.test(t)) return 'sitting';
  if (/stand/.test(t)) return 'standing';
  if (/lift|carry|push|pull|bend/.test(t)) return 'lifting';
  if (/\bwork|duty|duties|job|employ/.test(t)) return 'work';
  if (/sleep/.test(t)) return 'sleep';
  if (/reach|overhead|grip|grasp|typing|writing|use (?:the|his|her|their|my)/.test(t)) return 'upper-extremity use';
  return 'general';
}

const MEASURED =
  /\b(?:objective(?:ly)?|measur\w+|quantif\w+|\d+\s*(?:minutes?|mins?|hours?|hrs?|blocks?|feet|ft|yards|miles?|pounds?|lbs?|steps|flights?)|ODI|NDI|Oswestry|DASH|PEG|functional (?:scale|score|capacity evaluation))\b/i;

const FUNCTION_IMPROVED = p(
  `\\b(?:(?:objective |measurable |significant |documented |clinically significant |noted |some )?(?:functional (?:objective )?(?:improvement|gains?|benefit|progress|restoration)|(?:objective )?improvement (?:in|of) (?:\\w+ ){0,2}?(?:function(?:ing|al \\w+)?|ADLs?|activities of daily living|activity|activities|mobility|walking|sitting|standing|sleep|work))|(?:improved|improving|increased|better|enhanced|greater|restored) (?:\\w+ ){0,2}?(?:function(?:ing|al (?:status|level|capacity|ability|tolerance))?|ADLs?|activities of daily living|ability to \\w+|mobility|walking|sitting|standing|(?:walking |sitting |standing |activity |exercise |work )?tolerance|endurance|activity level|flexibility)|(?:(?:is|are|was|were) )?(?:now )?(?:able|ability) to (?:perform (?:\\w+ ){0,2}?(?:ADLs|activities|chores|duties|job|work)|do (?:more|chores|housework|\\w+ activities)|walk (?:longer|farther|further|more)|sit (?:longer|more)|stand (?:longer|more)|(?:${ACTIVITY}) (?:for )?(?:up to )?\\d+)|(?:allow|allows|allowed|allowing|enable|enables|enabled|permits?|permitted|helps?|helped) (?:him|her|them|the patient|the injured worker|the applicant) to (?:perform|do|walk|sit|stand|work|complete|continue|function|sleep|carry|attend|care|maintain|tolerate|participate|remain|get|go|drive|exercise|lift)|makes? (?:him|her|them|the patient|the injured worker) (?:more )?functional|functional with (?:the )?medications?|(?:doing|feeling) (?:much |somewhat |a little |about \\d+% )?better|(?:function(?:ing|al (?:status|level|capacity|ability))?|ADLs?|activities of daily living|mobility|endurance|(?:walking|sitting|standing|activity) tolerance|activity level) (?:has |have |had |is |are |was |were )?(?:been |now )?(?:(?:slightly|somewhat|significantly|markedly|greatly) )?(?:improved|improving|increased|better))\\b`,
);

const FUNCTION_LIMITED = p(
  `\\b(?:(?:difficulty|difficulties|trouble|problems?|inability|unable|not able|cannot|can't|could not|unable|limited (?:in|with)|pain with) (?:with |to )?(?:prolonged |any |long |extended |repetitive |heavy )?(?:${ACTIVITY})|not tolerat\\w+ (?:\\w+ ){0,2}?(?:sitting|standing|walking|activity|activities)|(?:sitting|standing|walking) tolerance (?:of|is|was|limited|decreased)|(?:limited|decreased|reduced|impaired|poor) (?:\\w+ )?(?:function(?:ing|al (?:capacity|status|ability))?|ADLs|activities of daily living|mobility|(?:walking|sitting|standing) tolerance|ability to \\w+)|(?:tolerates?|tolerating|can only|only able to) (?:sitting|standing|walking|sit|stand|walk) (?:for )?(?:only )?(?:about |approximately )?\\d+ (?:minutes|min|hours|blocks)|(?:bending|lifting|pushing|pulling|reaching|gripping)(?:,? (?:and )?(?:bending|lifting|pushing|pulling|reaching|gripping))* remain(?:s|ed)? (?:problematic|difficult|limited)|incapacitat\\w+|(?:interferes?|interfering|interfered) with (?:\\w+ ){0,2}(?:activities|ADLs|work|function|daily))`,
);

/** Substrings one of which every match of the pattern above contains (see ClinicalDoc.scan). */
const FUNCTION_IMPROVED_GATE = [
  'function',
  'improv',
  'increas',
  'better',
  'enhanc',
  'greater',
  'restor',
  'able',
  'ability',
  'allow',
  'enabl',
  'permit',
  'help',
  'doing',
  'feeling',
];
const FUNCTION_LIMITED_GATE = [
  'difficult',
  'trouble',
  'problem',
  'inabilit',
  'unable',
  'not able',
  'cannot',
  "can't",
  'could not',
  'limited',
  'pain with',
  'tolerat',
  'toleran',
  'decreased',
  'reduced',
  'impaired',
  'poor',
  'can only',
  'only able',
  'remain',
  'incapacitat',
  'interfer',
];

export function detectFunction(doc: ClinicalDoc): void {
  doc.scan(
    FUNCTION_IMPROVED,
    (m, i, start, end) => {
      const [a, b] = doc.segment(i, start, end);
      const seg = doc.text.slice(a, b);
      const objective = MEASURED.test(seg) || /objective/i.test(m[0]);
      const subjective = /feeling|doing/i.test(m[0]);
      // "allows her to perform household chores": the activity follows the match
      const what = /\bto (?:perform|do|complete|continue|participate)$/i.test(m[0])
        ? doc.text.slice(start, Math.min(b, end + 40))
        : m[0];
      doc.emit('functional-improvement', i, start, end, {
        value: domainOf(what),
        qualifier: objective ? 'objective' : subjective ? 'subjective' : 'stated',
      });
    },
    FUNCTION_IMPROVED_GATE,
  );
  doc.scan(
    FUNCTION_LIMITED,
    (m, i, start, end) => {
      if (/sleep/i.test(m[0])) return; // sleep-disturbance
      const [a, b] = doc.segment(i, start, end);
      const seg = doc.text.slice(a, b);
      const bodyPart = doc.bodyPartNear(i, start, end, false);
      doc.emit('functional-limitation', i, start, end, {
        value: domainOf(m[0]),
        ...(MEASURED.test(seg) ? { qualifier: 'objective' } : {}),
        ...(bodyPart !== undefined ? { bodyPart } : {}),
      });
    },
    FUNCTION_LIMITED_GATE,
  );
}

const WORK: readonly Entry[] = [
  [
    '(?:(?:able to|can|may|cleared to|will)\\s+)?(?:return(?:ed|ing|s)? to|released to|cleared (?:for|to)) (?:work|duty) with(?:out)? (?:\\w+ )?restrictions|work(?:s|ing)? with(?:out)? restrictions',
    'work-restrictions',
  ],
  [
    '(?:full|regular|usual|normal|unrestricted)\\s+(?:work\\s+)?(?:duty|duties|work|capacity|job)(?!\\s+restrictions)|work(?:s|ing|ed)? (?:full[- ]time|full duty|regular duty|regular duties|his usual|her usual)|(?:return(?:ed|ing|s)? to|released to) (?:full|regular|usual) (?:duty|duties|work)|without (?:any )?(?:work )?restrictions|no (?:work )?restrictions',
    'full-duty',
  ],
  [
    '(?:modified|light|restricted|limited|transitional|alternate|alternative|sedentary)\\s+(?:work\\s+)?(?:duty|duties|work|job|activity at work)|work (?:restrictions?|limitations?)|with (?:work )?restrictions|(?:lifting|lift|weight|overhead|standing|sitting|push(?:ing)?|pull(?:ing)?|carrying) (?:limitations?|restrictions?)|\\d+[- ](?:pound|lb)s? (?:lifting )?(?:limitation|restriction|limit)|temporar(?:il)?y partial(?:ly)? disab\\w+|TPD|activity restrictions',
    'modified-duty',
  ],
  [
    'off (?:of )?work|not (?:currently )?working|(?:has|have|had) not (?:been )?(?:working|worked|returned to work)|not worked|TTD|temporar(?:il)?y (?:and )?total(?:ly)? (?:\\w+ )?disab\\w+|total(?:ly)? temporar(?:il)?y (?:\\w+ )?disab\\w+|(?:total temporary|temporary total) disability|unable to (?:return to )?work|not able to (?:return to )?work|remain(?:s|ed)? off|placed off|unemployed|on disability',
    'off-work',
  ],
  ['retired', 'retired'],
  [
    '(?:(?:can|may|able to|cleared to|will) return to (?:work|duty)|return(?:ed)? to work)(?!\\s+(?:with|attempts?))',
    'return-to-work',
  ],
  ['work status (?:was|is|has been) deferred|disability status was deferred', 'unknown'],
];
const WORK_RE = alternation(WORK);
const WORK_STATUS_WORDS = /\bwork status\b/i;

/** Substrings one of which every match of WORK_RE.re contains (see ClinicalDoc.scan). */
const WORK_GATE = [
  'work',
  'duty',
  'duties',
  'job',
  'capacity',
  'disab',
  'ttd',
  'tpd',
  'retired',
  'restriction',
  'limitation',
  'limit',
  'employ',
  'off',
];

export function detectWorkStatus(doc: ClinicalDoc): void {
  const taken: { start: number; end: number }[] = [];
  doc.scan(
    WORK_RE.re,
    (m, i, start, end) => {
      let value = matchedValue(WORK_RE, m);
      if (value === undefined) return;
      if (taken.some((t) => t.start < end && start < t.end)) return;
      taken.push({ start, end });
      let uncertain: boolean | undefined;
      if (value === 'work-restrictions') value = /without/i.test(m[0]) ? 'full-duty' : 'modified-duty';
      if (value === 'return-to-work') {
        value = 'full-duty';
        uncertain = true;
      }
      const ctx = doc.context(i);
      if (ctx === 'review' && !doc.sentenceHas(WORK_STATUS_WORDS, i)) return;
      doc.emit('work-status', i, start, end, { value, ...(uncertain === true ? { uncertain } : {}) });
    },
    WORK_GATE,
  );
}

const UDS = p(
  '\\b(?:urine (?:drug |toxicology |tox |drug toxicology )?(?:screens?|screenings?|tests?|testing|toxicology|analysis|analyses)|UDS|UDT|UDTs|urine tox\\w*|(?:random )?drug (?:screens?|screening|test(?:s|ing)?)|toxicology (?:screens?|screening|reports?|testing|results?))\\b',
);
const INCONSISTENT =
  /\b(?:inconsistent|not consistent|aberrant|unexpected|positive for (?:\w+ ){0,3}?(?:non-?prescribed|illicit|marijuana|cannabis|THC|cocaine|methamphetamine|amphetamines?|alcohol|heroin|benzodiazepines?)|negative for (?:the |his |her )?(?:prescribed|opioid|hydrocodone|oxycodone|tramadol))/i;
const CONSISTENT =
  /\b(?:consistent|appropriate|compliant|as expected|expected results?|negative for illicit|within expected|no (?:illicit|aberran))/i;

/** Substrings one of which every match of UDS contains (see ClinicalDoc.scan). */
const UDS_GATE = ['urine', 'uds', 'udt', 'drug screen', 'drug test', 'toxicology'];

export function detectUrineDrugScreens(doc: ClinicalDoc): void {
  doc.scan(
    UDS,
    (_m, i, start, end) => {
      if (doc.context(i) !== 'record' || doc.planned(i, start, end)) return;
      const s = doc.sentence(i);
      const near = doc.text.slice(Math.max(s.start, start - 80), Math.min(s.end, end + 120));
      const qualifier = INCONSISTENT.test(near) ? 'inconsistent' : CONSISTENT.test(near) ? 'consistent' : 'performed';
      doc.emit('urine-drug-screen', i, start, end, { qualifier });
    },
    UDS_GATE,
  );
}

const AGREEMENT = p(
  '\\b(?:(?:opioid|opiate|narcotic|pain|medication|treatment|controlled substances?)s? (?:management |treatment |use )?(?:agreements?|contracts?)|signed (?:an? |the )?(?:\\w+ )?(?:agreement|contract))\\b',
);

/** Substrings one of which every match of AGREEMENT contains (see ClinicalDoc.scan). */
const AGREEMENT_GATE = ['agreement', 'contract'];

export function detectOpioidAgreement(doc: ClinicalDoc): void {
  doc.scan(
    AGREEMENT,
    (_m, i, start, end) => {
      const s = doc.sentence(i);
      const signed = /\bsigned|on file|in place|reviewed and signed\b/i.test(
        doc.text.slice(Math.max(s.start, start - 40), Math.min(s.end, end + 40)),
      );
      doc.emit('opioid-agreement', i, start, end, signed ? { qualifier: 'signed' } : {});
    },
    AGREEMENT_GATE,
  );
}

const ABERRANT: readonly Entry[] = [
  [
    'aberrant (?:drug[- ]related |drug |medication |opioid )?(?:behaviou?rs?|drug use|use)|aberrancy',
    'aberrant-behavior',
  ],
  ['drug[- ]seeking(?: behaviou?r)?', 'drug-seeking'],
  [
    '(?:medication|drug|opioid|substance|narcotic|prescription) (?:misuse|abuse|diversion|dependence|addiction)|misuse|diversion',
    'misuse',
  ],
  ['early refills?', 'early-refill'],
  ['doctor shopping|multiple (?:prescribers|providers for (?:opioids|narcotics)|pharmacies)', 'multiple-prescribers'],
  ['lost (?:prescriptions?|medications?)', 'lost-prescriptions'],
  ['illicit (?:drug )?(?:use|drugs?)|street drugs', 'illicit-drug-use'],
  ['(?:alcohol|substance|polysubstance) (?:abuse|use disorder|dependence)|addiction', 'substance-abuse'],
  ['non-?complian(?:ce|t) with (?:\\w+ )?(?:medications?|opioids?|treatment|agreement)', 'non-compliance'],
  ['escalat\\w+ (?:of )?(?:dose|doses|dosing|use)|unsanctioned dose escalation', 'dose-escalation'],
];
const ABERRANT_RE = alternation(ABERRANT);

/** Substrings one of which every match of ABERRANT_RE.re contains (see ClinicalDoc.scan). */
const ABERRANT_GATE = [
  'aberran',
  'seeking',
  'misuse',
  'abuse',
  'diversion',
  'dependence',
  'addiction',
  'refill',
  'shopping',
  'multiple',
  'lost',
  'illicit',
  'street',
  'complian',
  'escalat',
  'use disorder',
];

export function detectAberrantBehavior(doc: ClinicalDoc): void {
  doc.scan(
    ABERRANT_RE.re,
    (m, i, start, end) => {
      const value = matchedValue(ABERRANT_RE, m);
      if (value === undefined) return;
      doc.emit('aberrant-behavior', i, start, end, { value });
    },
    ABERRANT_GATE,
  );
}

const PSYCH: readonly Entry[] = [
  [
    'suicidal(?: ideation| thoughts| impulses)?|suicide attempts?|(?:thoughts|wish) (?:of|to) (?:die|kill (?:himself|herself|myself|themselves))',
    'suicidal-ideation',
  ],
  ['homicidal(?: ideation| thoughts| impulses)?', 'homicidal-ideation'],
  ['PTSD|post[- ]traumatic stress(?: disorder)?', 'ptsd'],
  ['(?<!shoulder |scapular )depress(?:ion|ed|ive(?: symptoms| disorder| mood)?)|dysthymi\\w+', 'depression'],
  ['anxi(?:ety|ous)', 'anxiety'],
  ['panic(?: attacks?| disorder)?', 'panic'],
  [
    '(?:emotional |psychological |work[- ]related )?stress(?:ed|ors?)?(?! (?:test|testing|fracture|views?|x-?rays?|radiographs?|incontinence))',
    'stress',
  ],
  ['irritab(?:ility|le)|anger|angry|frustrat(?:ion|ed)', 'irritability'],
  ['agitat(?:ion|ed)|restless(?:ness)?', 'agitation'],
  ['tearful(?:ness)?|crying spells|hopeless(?:ness)?|helpless(?:ness)?', 'low-mood'],
  [
    '(?:psychological|emotional|psychiatric) (?:symptoms|distress|overlay|issues|complaints|problems|sequelae|factors)|mood (?:changes|disorder|swings|disturbance)|adjustment disorder',
    'psychological-distress',
  ],
];
const PSYCH_RE = alternation(PSYCH);

/** Substrings one of which every match of PSYCH_RE.re contains (see ClinicalDoc.scan). */
const PSYCH_GATE = [
  'suicid',
  'homicid',
  'kill',
  'die',
  'ptsd',
  'traumatic',
  'depress',
  'dysthym',
  'anxi',
  'panic',
  'stress',
  'irritab',
  'agitat',
  'restless',
  'anger',
  'angry',
  'frustrat',
  'tearful',
  'crying',
  'hopeless',
  'helpless',
  'psycholog',
  'emotional',
  'psychiatric',
  'mood',
  'adjustment',
];

export function detectPsychological(doc: ClinicalDoc): void {
  doc.scan(
    PSYCH_RE.re,
    (m, i, start, end) => {
      const value = matchedValue(PSYCH_RE, m);
      if (value === undefined) return;
      if (
        value === 'stress' &&
        /\b(?:valgus|varus|abduction|adduction)\b/i.test(doc.text.slice(Math.max(0, start - 30), start))
      )
        return;
      doc.emit('psychological-symptoms', i, start, end, { value });
    },
    PSYCH_GATE,
  );
}

const SLEEP = p(
  '\\b(?:insomnia|sleeplessness|sleep (?:disturbances?|disorders?|difficult(?:y|ies)|problems?|issues|deprivation|disruption|complaints)|(?:difficulty|difficulties|trouble|problems?) (?:with )?(?:sleep(?:ing)?|falling asleep|staying asleep)|(?:unable|inability) to sleep|(?:decreased|disturbed|interrupted|disrupted|poor|impaired|non-?restorative|restless) sleep|wak(?:es|ing|ened|e) (?:up )?(?:at night|during the night|in the middle of the night|from (?:sleep|pain)|due to pain|frequently)|awake(?:ns)? (?:at night|in the middle of the night|with pain)|(?:pain|symptoms) (?:interferes?|interrupts?|disrupts?) (?:with )?(?:his |her )?sleep|sleep (?:is|was) (?:poor|disturbed|interrupted|affected|limited)|sleep(?:s|ing)? (?:well|fine|through the night))\\b',
);

/** Substrings one of which every match of SLEEP contains (see ClinicalDoc.scan). */
const SLEEP_GATE = ['sleep', 'insomnia', 'wak', 'awake', 'asleep'];

export function detectSleep(doc: ClinicalDoc): void {
  doc.scan(
    SLEEP,
    (m, i, start, end) => {
      const good = /^sleep(?:s|ing)? (?:well|fine|through the night)$/i.test(m[0]);
      doc.emit('sleep-disturbance', i, start, end, good ? { negated: !doc.assertion(i, start, end).negated } : {});
    },
    SLEEP_GATE,
  );
}

const GI: readonly Entry[] = [
  [
    '(?:GI|gastrointestinal) (?:bleed(?:ing|s)?|hemorrhage)|hematemesis|melena|(?:history of )?(?:a )?bleeding ulcers?',
    'gi-bleed',
  ],
  ['(?:peptic |gastric |duodenal |stomach )ulcers?(?: disease)?|PUD', 'ulcer-history'],
  [
    '(?:GI|gastrointestinal) (?:upset|symptoms?|distress|complaints?|events?|complications?|intolerance|issues|problems|side effects|irritation|risk(?: factors?)?|history)|gastritis|GERD|gastro-?esophageal reflux(?: disease)?|acid reflux|dyspepsia|heartburn|(?:stomach|gastric) (?:upset|pain|irritation|problems|issues|discomfort)|upset stomach',
    'gi-symptoms',
  ],
  [
    'warfarin|coumadin|eliquis|apixaban|xarelto|rivaroxaban|pradaxa|dabigatran|plavix|clopidogrel|anticoagula\\w+|blood thinners?',
    'anticoagulant',
  ],
  ['aspirin', 'aspirin'],
  ['prednisone|prednisolone|methylpred\\w*|medrol|oral (?:corticosteroids|steroids)', 'corticosteroid'],
];
const GI_RE = alternation(GI);
const AGE = /\b(\d{2,3})[- ]?(?:years?|yrs?|y\/o|yo)(?:[- ]old)?\b|\bage(?:d)?\s+(\d{2,3})\b/i;

/** Substrings one of which every match of GI_RE.re contains (see ClinicalDoc.scan). */
const GI_GATE = [
  'gi ',
  'gastro',
  'bleed',
  'hemat',
  'melena',
  'ulcer',
  'pud',
  'gerd',
  'reflux',
  'dyspeps',
  'heartburn',
  'stomach',
  'gastric',
  'gastrit',
  'warfarin',
  'coumadin',
  'eliquis',
  'apixaban',
  'xarelto',
  'rivaroxaban',
  'pradaxa',
  'dabigatran',
  'plavix',
  'clopidogrel',
  'anticoag',
  'thinner',
  'aspirin',
  'predni',
  'methylpred',
  'medrol',
  'steroid',
];

export function detectGiRisk(doc: ClinicalDoc): void {
  doc.scan(
    GI_RE.re,
    (m, i, start, end) => {
      const value = matchedValue(GI_RE, m);
      if (value === undefined) return;
      const ctx = doc.context(i);
      if ((value === 'aspirin' || value === 'corticosteroid' || value === 'anticoagulant') && ctx === 'review') return;
      doc.emit('gi-risk', i, start, end, { value });
    },
    GI_GATE,
  );
  for (let i = 0; i < doc.sentences.length && i < 4; i++) {
    const s = doc.sentence(i);
    const m = AGE.exec(s.text);
    if (m === null) continue;
    const age = Number(m[1] ?? m[2]);
    if (age > 65 && age < 120) {
      const start = s.start + m.index;
      doc.emit('gi-risk', i, start, start + m[0].length, {
        value: 'age-over-65',
        qualifier: `age ${age}`,
        negated: false,
        uncertain: false,
      });
    }
    break;
  }
}

const INJURY_CUE =
  /\b(?:injur(?:y|ies|ed)|date of injury|DOI|occupational claim|claim (?:from|of|for)|industrial|accident|cumulative trauma|was hurt)\b/i;
const CHRONIC = p(
  '\\b(?:chronic(?:ally)?(?! (?:use|opioid|medication|therapy))|(?:acute|subacute) (?:on chronic )?(?:pain|injury|sprain|strain|exacerbation|flare|low back|neck|onset|episode|phase|symptoms?|cervical|lumbar|thoracic)|flare[- ]?ups?|(?:acute )?exacerbations?)\\b',
);
const SYMPTOM_DURATION = p(
  '\\b(?:pain|symptoms?|complaints?|discomfort|problems?|condition)\\b[^.;]{0,50}?\\b(?:for|over|x|since) (?:the (?:past|last) )?(?:about |approximately |over |more than |nearly )?(\\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several) (days?|weeks?|months?|years?)\\b',
);
const UNIT_WEEKS: Readonly<Record<string, number>> = { day: 1 / 7, week: 1, month: 52 / 12, year: 52 };
const WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  several: 3,
};

export interface ChronicityOptions {
  readonly referenceDate?: string | undefined;
  readonly injuryDate?: string | undefined;
}

/** Substrings one of which every match of SYMPTOM_DURATION contains (see ClinicalDoc.scan). */
const SYMPTOM_DURATION_GATE = ['day', 'week', 'month', 'year'];

/** Substrings one of which every match of CHRONIC contains (see ClinicalDoc.scan). */
const CHRONIC_GATE = ['chronic', 'acute', 'flare', 'exacerbat'];

export function detectChronicity(doc: ClinicalDoc, opts: ChronicityOptions): void {
  doc.scan(
    CHRONIC,
    (m, i, start, end) => {
      const w = m[0].toLowerCase();
      const value = w.startsWith('chronic')
        ? 'chronic'
        : w.startsWith('subacute')
          ? 'subacute'
          : /flare|exacerbation/.test(w)
            ? 'acute-exacerbation'
            : 'acute';
      doc.emit('chronicity', i, start, end, { value });
    },
    CHRONIC_GATE,
  );
  doc.scan(
    SYMPTOM_DURATION,
    (m, i, start, end) => {
      const n = Number(m[1]) || WORDS[(m[1] ?? '').toLowerCase()] || 0;
      const unit = (m[2] ?? '').toLowerCase().replace(/s$/, '');
      const per = UNIT_WEEKS[unit];
      if (n <= 0 || per === undefined || doc.context(i) !== 'record') return;
      const numAt = start + m[0].search(/\b(?:for|over|x|since)\b/);
      doc.emit('chronicity', i, numAt, end, { value: Math.round(n * per), qualifier: 'symptom duration' });
    },
    SYMPTOM_DURATION_GATE,
  );
  // weeks since injury
  const all = findDates(doc.text);
  let injury: { iso: string; start: number; end: number } | undefined;
  for (const d of all) {
    if (d.precision !== 'day') continue;
    const i = doc.sentenceAt(d.start, d.end);
    if (i === -1) continue;
    const s = doc.sentence(i);
    const before = doc.text.slice(Math.max(s.start, d.start - 80), d.start);
    if (INJURY_CUE.test(before) && !/\b(?:utilization review|UR\b|dated|report|visit)\b/i.test(before.slice(-30))) {
      injury = d;
      break;
    }
  }
  const injuryIso = opts.injuryDate ?? injury?.iso;
  if (injuryIso === undefined) return;
  let reference = opts.referenceDate;
  let refNote = 'reference date';
  if (reference === undefined) {
    const latest = all
      .filter((d) => d.precision === 'day')
      .reduce<string | undefined>((max, d) => (max === undefined || d.iso > max ? d.iso : max), undefined);
    reference = latest;
    refNote = 'latest date in the record';
  }
  if (reference === undefined) return;
  const days = daysBetween(injuryIso, reference);
  if (!Number.isFinite(days) || days < 0 || (days === 0 && opts.referenceDate === undefined)) return;
  const at = injury ?? undefined;
  const i = at === undefined ? 0 : doc.sentenceAt(at.start, at.end);
  if (i === -1 || doc.sentences.length === 0) return;
  const s = doc.sentence(i);
  doc.emit('chronicity', i, at?.start ?? s.start, at?.end ?? s.end, {
    value: Math.floor(days / 7),
    qualifier: `weeks since injury (to ${refNote} ${reference})`,
    date: injuryIso,
    negated: false,
    uncertain: false,
    context: 'record',
  });
}
