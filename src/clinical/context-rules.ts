/**
 * The clinical reader's context rules, as data (the ConText / medspaCy model): triggers with a category
 * and a direction, pseudo-triggers that look like triggers but are none, and terminators that end scopes.
 * Checked against `ContextRuleSet` when the reader loads (`negation.ts`); `npx tsx scripts/gen-context-rules-doc.ts` writes
 * them out as docs/context-rules.md for clinical review.
 *
 * Order matters inside a group: at one position the first rule that matches wins, so a longer phrase
 * is written before a shorter one it starts with. Examples in notes are our own wording.
 */

import type { ContextRuleSetInput } from './context-schema.js';

const NEG = 'NEGATED_EXISTENCE' as const;
const POS = 'POSSIBLE_EXISTENCE' as const;
const HYP = 'HYPOTHETICAL' as const;
const HIST = 'HISTORICAL' as const;
const FAM = 'FAMILY' as const;

/** Verbs of documenting: what a record, report or physician does or fails to do. */
const DOCUMENTS =
  '(?:document|indicate|show|demonstrate|reveal|establish|describe|mention|report|note|provide|identify|specify|substantiate|quantify|support|include|contain|reflect|address|detail|verify|confirm|objectify)';
const DOCUMENTED =
  '(?:documented|demonstrated|established|described|mentioned|reported|noted|provided|identified|specified|substantiated|quantified|shown|evident|apparent|recorded|verified|confirmed|objectified|detailed|evidenced)';
/** Nouns for what a record holds. */
const DOCUMENTATION =
  '(?:documentation|documented evidence|evidence|indication|mention|record|records|report|notation|description|discussion|objective evidence|information|data)';
const DOC_ADJ =
  '(?:(?:clear|clearly|objective|objectively|specific|specifically|adequate|adequately|sufficient|sufficiently|recent|current|further|medical|clinical|consistent|any|documented|formal|detailed|meaningful|significant|quantifiable|measurable|ongoing) )?';

export const CONTEXT_RULES: ContextRuleSetInput = {
  scope: {
    NEGATED_EXISTENCE: { forward: 12, backward: 10 },
    POSSIBLE_EXISTENCE: { forward: 12, backward: 10 },
    HYPOTHETICAL: { forward: 14, backward: 8 },
    HISTORICAL: { forward: 10, backward: 10 },
    FAMILY: { forward: 10, backward: 8 },
  },
  documentationScope: 20,
  rules: [
    // ── pseudo-triggers: no scope ────────────────────────────────────────────────────────────────
    {
      direction: 'pseudo',
      pattern:
        '\\bno (?:significant |interval |appreciable |real |further )?(?:change|increase|decrease|worsening|further|longer required)\\b',
      note: '"No change in pain since the last visit" states no change, not absent pain.',
    },
    {
      direction: 'pseudo',
      pattern:
        '\\bnot (?:only|just|necessarily|certain(?: if| whether)?|sure(?: if| whether)?|changed|significantly changed)\\b',
      note: '"Not only pain but stiffness."',
    },
    {
      direction: 'pseudo',
      pattern:
        '\\b(?:with or |with and |and )?without (?:(?:the )?(?:use of )?(?:pain )?(?:medications?|meds|narcotics|opioids|contrast|dye|the brace|brace)|prescribed medications)\\b',
      note: '"Pain 8/10 without medication": a condition of the score, not a denial.',
    },
    { direction: 'pseudo', literal: 'without and with' },
    { direction: 'pseudo', pattern: '\\bgram[- ]negative\\b' },
    { direction: 'pseudo', literal: 'no acute distress' },
    {
      direction: 'pseudo',
      pattern:
        '\\bnot (?:been )?(?:medically necessary|certified|approved|authorized|recommended|supported|indicated|appropriate)\\b',
      note: 'The language of a decision about a request, not of a finding.',
    },
    { direction: 'pseudo', pattern: '\\b(?:un|non)-?certified\\b' },
    { direction: 'pseudo', pattern: '\\bdid not (?:attend|go)\\b' },
    { direction: 'pseudo', pattern: '\\bno (?:more|less) than\\b' },
    { direction: 'pseudo', pattern: '\\bnot (?:explicitly |specifically )?stated\\b' },
    {
      direction: 'pseudo',
      pattern: '\\bnot (?:clearly )?documented whether\\b',
      note: '"It is not documented whether she works": unknown, not denied.',
    },
    { direction: 'pseudo', literal: 'whether or not' },
    {
      direction: 'pseudo',
      pattern: "\\b(?:cannot be (?:ruled out|excluded)|can't be ruled out|not (?:been )?ruled out)\\b",
      categories: [NEG],
      note: '"A tear cannot be ruled out" is a possibility, not a negation (its uncertainty still counts).',
    },
    {
      direction: 'pseudo',
      pattern:
        '\\b(?:as needed|if any|as if|if applicable|if so|(?:unclear|uncertain|not clear|not known|unknown|asked|ask|to see|to determine|determine|know|wonder(?:s|ed)?|check(?:ed)?) if)\\b',
      categories: [HYP],
      note: '"Ibuprofen as needed" is a dosing schedule, not a hypothetical.',
    },
    {
      direction: 'pseudo',
      pattern:
        '\\b(?:history of (?:the )?(?:present|presenting) (?:illness|injury)|history of (?:an? )?(?:industrial |occupational |work[- ]related |outpatient |cumulative |specific )?(?:injury|claim|trauma)|family (?:medical )?history|(?:medical|surgical) history is (?:non-?contributory|unremarkable|negative)|prior (?:authorization|utilization review|review|determination|denial|request))\\b',
      categories: [HIST],
      note: 'A section name or the review history, not a past finding.',
    },

    // ── negation: forward ────────────────────────────────────────────────────────────────────────
    {
      direction: 'forward',
      category: NEG,
      documentation: true,
      pattern: `\\bno ${DOC_ADJ}${DOCUMENTATION}(?: (?:in|within|from) the (?:\\w+ )?(?:records?|reports?|notes?|file|documentation)(?: (?:provided|submitted|reviewed|available))?)?(?: (?:of|that|to (?:show|suggest|indicate|support)|showing|suggesting|indicating|regarding|about|for|as to))?\\b`,
      note: '"There is no documentation of functional improvement with the opioid."',
    },
    {
      direction: 'forward',
      category: NEG,
      documentation: true,
      pattern: `\\b(?:(?:(?:lack|lacks|lacked|lacking)(?: of)?|absence of|paucity of|dearth of) ${DOC_ADJ}${DOCUMENTATION}|without ${DOC_ADJ}${DOCUMENTATION})(?: (?:of|that|to (?:show|suggest|indicate|support)|showing|indicating|regarding|about|for))?\\b`,
      note: '"Absence of documentation of a urine drug screen", "without evidence that therapy helped".',
    },
    {
      direction: 'forward',
      category: NEG,
      documentation: true,
      pattern: `\\b(?:insufficient|inadequate|limited|minimal|little|scant) ${DOC_ADJ}${DOCUMENTATION}(?: (?:of|that|to (?:show|suggest|indicate|support)|showing|indicating|regarding|about|for))?\\b`,
      note: '"Insufficient evidence of red flags" (often the reviewer\'s wording of a missing finding).',
    },
    {
      direction: 'forward',
      category: NEG,
      documentation: true,
      pattern: `\\b(?:(?:did|does|do|has|have|had) not|didn't|doesn't|don't|hasn't|haven't|never) (?:(?:clearly|specifically|objectively|adequately|consistently|further|yet|been able to) )?${DOCUMENTS}(?:d|s|ed)?\\b`,
      note: '"The reports do not indicate any gain in function", "the physician did not document a drug screen".',
    },
    {
      direction: 'forward',
      category: NEG,
      documentation: true,
      pattern: `\\b(?:fail|fails|failed|failing|failure) (?:to|of the (?:\\w+ )?(?:records?|reports?|documentation) to) (?:(?:clearly|specifically|objectively|adequately|consistently) )?${DOCUMENTS}\\b`,
      note: '"The notes failed to indicate any objective functional benefit from the medication."',
    },
    {
      direction: 'forward',
      category: NEG,
      documentation: true,
      pattern:
        '\\b(?:(?:was|were|is|am) (?:unable|not able) to (?:find|locate|identify|verify|confirm)|nothing (?:in the (?:\\w+ )?(?:records?|reports?|notes?|file) )?(?:to (?:indicate|suggest|show|support)|indicat\\w+|suggest\\w+|show\\w+)|none of the (?:\\w+ )?(?:records|reports|notes|documents) (?:\\w+ )?(?:indicates?|shows?|documents?|describes?|mentions?|reports?))\\b',
      note: '"Nothing in the records indicates objective improvement."',
    },
    {
      direction: 'forward',
      category: NEG,
      documentation: true,
      pattern: `\\bnot (?:been )?(?:(?:clearly|objectively|adequately|specifically|consistently|well|fully|formally) )?${DOCUMENTED}(?: (?:that|whether|of))?\\b`,
      note: '"Not documented that the pain score falls with medication."',
    },
    {
      direction: 'forward',
      category: NEG,
      list: true,
      pattern: '\\b(?:no(?! (?:more|less|\\d))|denie[sd]|deny(?:ing)?|negative for)\\b',
      note: '"Denies headaches, dizziness, chest pain, numbness, tingling, or weakness": every item of the list is denied, however long the list.',
    },
    {
      direction: 'forward',
      category: NEG,
      pattern:
        '\\b(?:not|never|none|neither|nor|without|absence of|lack(?:s|ed|ing)? (?:of|any)|negative(?: for)?|free of|ruled out|rules out|resolution of|fails? to (?:reveal|show|demonstrate)|failed to (?:reveal|show|demonstrate)|unremarkable for|no longer)\\b',
      note: '"Not tender", "knee without effusion", "negative for fracture", "free of infection".',
    },
    {
      direction: 'forward',
      category: NEG,
      pattern: '\\bnon-(?=(?:tender|radiat|antalgic|focal|radicular|painful|neurolog)\\w*)',
      note: '"Non-tender", "non-radiating".',
    },

    // ── negation: backward ───────────────────────────────────────────────────────────────────────
    {
      direction: 'backward',
      category: NEG,
      pattern:
        '\\b(?:was|were|is|are|has been|have been|had been|being)\\s+(?:\\w+\\s+)?(?:negative|denied|absent|unremarkable|ruled out|resolved|not (?:present|seen|noted|found|appreciated|demonstrated|identified|detected|evident|observed|reported|documented))',
      note: '"Straight leg raise was negative", "nausea was denied".',
    },
    {
      direction: 'backward',
      category: NEG,
      pattern: `\\b(?:is|are|was|were|has|have|had)(?: been)? (?:not|never)(?: yet)?(?: been)? (?:(?:clearly|objectively|adequately|specifically|consistently|well|fully|formally|further|sufficiently) )?${DOCUMENTED}`,
      note: '"Functional improvement with the opioid has not been documented."',
    },
    {
      direction: 'backward',
      category: NEG,
      pattern:
        '\\b(?:(?:is|are|was|were|remains?|remained) (?:lacking|missing|undocumented|unsubstantiated|not in evidence)|(?:remains?|remained) (?:absent|unverified))\\b',
      note: '"Objective evidence of benefit is lacking."',
    },
    {
      direction: 'backward',
      category: NEG,
      pattern:
        '\\b(?:negative|absent|unremarkable|not present|ruled out|resolved)(?=\\s*(?:[,.;:)]|bilaterally\\b|on the\\b|on both\\b|both\\b|in both\\b|in the\\b|at\\b|and\\b|$))',
      note: '"Facet loading negative, straight leg raise positive."',
    },

    // ── possibility ──────────────────────────────────────────────────────────────────────────────
    {
      direction: 'forward',
      category: POS,
      pattern:
        "\\b(?:possible|possibly|probable|probably|likely|unlikely|suspect(?:ed|s)?|suspicious (?:for|of)|questionable|question of|rule out|rule-out|to rule out|r\\/o|may(?! be (?:recommended|appropriate))|might|concern(?:s|ing)? for|concerning for|consider(?:ed|ing)?|(?:to )?evaluate for|evaluation for|assess for|cannot rule out|can't rule out|cannot exclude|differential(?: diagnosis)? (?:includes?|of)|presum(?:ed|ptive)|whether|unclear|not clear|uncertain)(?=\\W|$)",
      note: '"Possible labral tear", "MRI to rule out a herniated disc", "she may have a meniscal tear".',
    },
    {
      direction: 'forward',
      category: POS,
      pattern: '\\b(?:suggestive of|equivocal for)(?=\\W|$)',
      note: '"Findings suggestive of a rotator cuff tear".',
    },
    {
      direction: 'backward',
      category: POS,
      pattern:
        '\\b(?:(?:is|was|are|were) (?:suspected|possible|likely|questioned|questionable|presumed)|cannot be (?:ruled out|excluded)|not ruled out|is (?:a )?consideration)\\b',
      note: '"Ligament injury cannot be ruled out."',
    },
    {
      direction: 'backward',
      category: POS,
      pattern: '\\?(?<=[A-Za-z)]\\?)',
      note: 'A question mark after a word: "radiculopathy?"',
    },

    // ── hypothetical: conditions, future and contingent plans ───────────────────────────────────
    {
      direction: 'forward',
      category: HYP,
      pattern:
        '\\b(?:if|unless|in (?:the )?(?:event|case) (?:of|that)|in case|should (?:he|she|they|the (?:patient|worker|applicant|claimant|symptoms?|pain)|symptoms?|pain|there be)|were (?:he|she|they) to|provided that|assuming)\\b',
      note: '"If symptoms persist", "should she develop bowel or bladder changes".',
    },
    {
      direction: 'forward',
      category: HYP,
      pattern:
        '\\b(?:would (?:consider|recommend|benefit|need|require|likely|be (?:a )?(?:candidate|considered|reasonable|indicated|appropriate))|may (?:need|require|benefit|eventually|later|be a candidate)|might (?:need|require|benefit)|(?:possible|potential|eventual) future|in the future|down the road|at a later date|prevent(?:ion of)?|prophyla(?:xis|ctic)(?: (?:of|for|against))?|to (?:avoid|reduce the risk of|lower the risk of))\\b',
      note: '"Would consider lumbar surgery", "may need a fusion in the future", "omeprazole to prevent stomach upset".',
    },
    {
      direction: 'backward',
      category: HYP,
      pattern:
        '\\b(?:if (?:needed|necessary|indicated|warranted|required|appropriate|symptoms (?:persist|worsen|continue)|no improvement|not improved|(?:he|she) (?:fails|does not improve|worsens))|in the future|at a later date|down the road)\\b',
      note: '"Repeat MRI if needed", "injections in the future".',
    },

    // ── historical ───────────────────────────────────────────────────────────────────────────────
    {
      direction: 'forward',
      category: HIST,
      pattern:
        '\\b(?:(?:a |(?:significant|remote|prior|past|known|previous) )?history (?:of|significant for|notable for|positive for)|hx of|h\\/o|past (?:medical |surgical )?history (?:of|includes?|significant for|notable for)|previously|previous|prior|formerly|in the past|remote|status post|s\\/p|back in|at that time|used to|originally|(?:in|during) (?:19|20)\\d\\d)\\b',
      note: '"History of a lumbar fusion", "previously had relief from injections", "in 2014 he had surgery".',
    },
    {
      direction: 'backward',
      category: HIST,
      pattern:
        '\\b(?:(?:\\d+|one|two|three|four|five|six|several|many|a few|some) (?:years?|months?|weeks?) ago|in the past|previously|(?:in|during) (?:19|20)\\d\\d|years? earlier|at that time|(?:which|that) (?:has|have) since (?:resolved|healed))\\b',
      note: '"Right knee arthroscopy two years ago", "numbness that has since resolved".',
    },

    // ── family ───────────────────────────────────────────────────────────────────────────────────
    {
      direction: 'forward',
      category: FAM,
      pattern:
        "\\b(?:family (?:medical )?history (?:of|is (?:significant|positive|notable) for|includes?|significant for|positive for|notable for)|family hx of|fhx?(?=:)|(?:(?:his|her|their|the patient's|patient's|a|paternal|maternal) )?(?:mother|father|brother|sister|sibling|son|daughter|parents?|grandmother|grandfather|grandparents?|aunt|uncle|cousin|twin|relatives?)(?:'s)? (?:has|had|have|with|was diagnosed with|died of|died from|passed away from|suffers from|suffered from|developed)|family members? (?:with|has|have|had))\\b",
      note: '"Family history of colon cancer", "her father had a stroke".',
    },
    {
      direction: 'backward',
      category: FAM,
      pattern:
        '\\b(?:runs? in (?:the|his|her|their) family|in (?:the|his|her|their) family|in (?:a|several) family members?)\\b',
      note: '"Diabetes runs in her family."',
    },

    // ── terminators ──────────────────────────────────────────────────────────────────────────────
    {
      direction: 'terminate',
      pattern:
        '[;)]|\\b(?:but|however|although|though|yet|except|excepting|apart from|aside from|other than|whereas|nevertheless|nonetheless|which|who|secondary to|due to|because|since|as a result|with the exception of|while|whilst|then|therefore|thus|also)\\b',
      note: 'A turn of the clause ends every scope: "no swelling but tenderness over the joint".',
    },
    {
      direction: 'terminate',
      categories: [NEG],
      affirmation: true,
      pattern:
        '\\b(?:positive|present|intact|normal|revealed|showed|demonstrated|notable for|significant for|remarkable for|reported|reports|reporting|complain(?:s|ed)|endorse[sd]?|exhibit(?:s|ed)?)\\b',
      note: 'Words that assert presence end a negation: "no swelling, positive Tinel\'s".',
    },
    {
      direction: 'terminate',
      pattern:
        '\\band\\s+(?=(?:is|was|were|are|has|had|have|did|does|do|reported|complain\\w*|stated|states|noted|showed|revealed|demonstrated|there|the|he|she|they|his|her|positive|decreased|diminished|reduced|limited|restricted|increased|painful|mild|moderate|severe)\\b)|\\bor\\s+(?=(?:is|was|were|are|has|had|did|there|the patient|he|she|they)\\b)',
      note: 'A coordinated clause ("… and he reports weakness") rather than a list item.',
    },
    {
      direction: 'terminate',
      categories: [HYP, HIST, FAM],
      pattern:
        '\\b(?:currently|presently|now|today|at this time|at present|on (?:exam|examination)|reports|complains|presents|(?:the )?(?:patient|applicant|worker|claimant|injured worker) (?:has|reports|states|denies|complains))\\b',
      note: 'A return to the present or to the patient: "history of smoking; currently reports weakness".',
    },
  ],
};
