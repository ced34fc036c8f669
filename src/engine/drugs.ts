import { z } from 'zod';
import { normalizeText, PhraseIndex, tokenize } from './phrases.js';

/**
 * The drug lexicon: brand and generic names of drugs common in workers' compensation requests,
 * each resolved to a generic name and a drug class. Classes are pharmacological groups the
 * guidelines reason about (opioids, NSAIDs, muscle relaxants…), not formulary status.
 */
export const DrugClass = z.enum([
  'opioid',
  'opioid-antagonist',
  'non-opioid-analgesic',
  'nsaid',
  'cox2-inhibitor',
  'topical-nsaid',
  'muscle-relaxant',
  'anticonvulsant',
  'tricyclic-antidepressant',
  'snri-antidepressant',
  'ssri-antidepressant',
  'antidepressant',
  'sleep-aid',
  'benzodiazepine',
  'barbiturate-containing-analgesic',
  'anxiolytic',
  'antipsychotic',
  'stimulant',
  'ppi',
  'h2-blocker',
  'gastrointestinal',
  'antiemetic',
  'laxative',
  'triptan',
  'antimigraine',
  'erectile-dysfunction',
  'antihistamine',
  'corticosteroid',
  'topical-anesthetic',
  'local-anesthetic',
  'topical-analgesic',
  'topical-salicylate',
  'nmda-antagonist',
  'vitamin-supplement',
  'medical-food',
  'homeopathic',
  'viscosupplement',
  'botulinum-toxin',
  'cardiovascular',
  'antidiabetic',
  'lipid-lowering',
  'anticoagulant',
  'antibiotic',
  'urologic',
  'bone-health',
  'antigout',
  'smoking-cessation',
  'hormone',
  'cannabinoid',
  'respiratory',
  'unknown',
]);
export type DrugClass = z.infer<typeof DrugClass>;

export const DrugForm = z.enum([
  'tablet',
  'capsule',
  'patch',
  'cream',
  'gel',
  'ointment',
  'lotion',
  'solution',
  'suspension',
  'spray',
  'liquid',
  'injection',
  'film',
  'powder',
  'suppository',
  'lozenge',
  'drops',
  'inhaler',
]);
export type DrugForm = z.infer<typeof DrugForm>;

export interface DrugEntry {
  /** Generic name, lower case; combinations joined with "/" ("hydrocodone/acetaminophen"). */
  readonly generic: string;
  readonly drugClass: DrugClass;
  /** The form a brand implies (Lidoderm: patch, Voltaren gel: gel), when it implies one. */
  readonly form?: DrugForm;
  /** A word for the class, not a drug ("NSAID", "opioids"): the generic name is the class. */
  readonly classTerm?: true;
}

/**
 * One line per product: `generic: alias, alias…`. The generic name is itself an alias, except on
 * lines that name a form (`lidocaine (patch): Lidoderm`), which list brands of one form of a drug
 * whose plain name belongs to another line. A line without a colon is a product known by its name.
 */
const LEXICON: Record<DrugClass, readonly string[]> = {
  opioid: [
    'hydrocodone/acetaminophen: hydrocodone/apap, hydrocodone bitartrate/acetaminophen, hydrocodone w/apap, acetaminophen/hydrocodone, Norco, Vicodin, Vicodin ES, Vicodin HP, Lortab, Lorcet, Lorcet Plus, Xodol, Hycet, Zamicet, Zydone, Maxidone, Anexsia, Co-Gesic, Verdrocet, Stagesic',
    'hydrocodone: Zohydro, Hysingla, Vantrela',
    'hydrocodone/ibuprofen: Vicoprofen, Reprexain, Ibudone, Xylon',
    'oxycodone: Roxicodone, OxyContin, OxyIR, Oxy IR, Oxaydo, RoxyBond, Xtampza, Oxecta',
    'oxycodone/acetaminophen: oxycodone/apap, acetaminophen/oxycodone, Percocet, Endocet, Roxicet, Primlev, Nalocet, Prolate, Xartemis, Magnacet, Tylox',
    'oxycodone/aspirin: Percodan, Endodan',
    'oxycodone/ibuprofen: Combunox',
    'oxycodone/naloxone: Targiniq',
    'oxycodone/naltrexone: Troxyca',
    'codeine/acetaminophen: codeine/apap, acetaminophen/codeine, acetaminophen with codeine, Tylenol #3, Tylenol #4, Tylenol No. 3, Tylenol No. 4, Tylenol with Codeine, Tylenol w/codeine, Tylenol-Codeine',
    'codeine',
    'tramadol: Ultram, ConZip, Ryzolt, Rybix, Qdolo',
    'tramadol (suspension): Synapryn',
    'tramadol/acetaminophen: tramadol/apap, Ultracet',
    'tramadol/celecoxib: Seglentis',
    'tapentadol: Nucynta',
    'oxymorphone: Opana',
    'hydromorphone: Dilaudid, Exalgo',
    'morphine: morphine sulfate, MS Contin, MSIR, MS IR, Kadian, Avinza, Arymo, MorphaBond, Roxanol',
    'morphine/naltrexone: Embeda',
    'fentanyl: Actiq, Fentora, Subsys, Abstral, Lazanda, Onsolis',
    'fentanyl (patch): Duragesic, fentanyl patch',
    'buprenorphine: Belbuca, Buprenex, Subutex, Sublocade, Probuphine',
    'buprenorphine (patch): Butrans, buprenorphine patch',
    'buprenorphine/naloxone: Suboxone, Zubsolv, Bunavail',
    'methadone: Dolophine, Methadose',
    'meperidine: Demerol',
    'levorphanol',
    'pentazocine: Talwin',
    'pentazocine/naloxone: Talwin NX',
    'butorphanol: Stadol',
    'dihydrocodeine/acetaminophen/caffeine (capsule): Trezix, Panlor, Dvorah, acetaminophen/caffeine/dihydrocodeine',
    'benzhydrocodone/acetaminophen: Apadaz',
  ],
  'opioid-antagonist': ['naloxone: Narcan, Evzio, Kloxxado, Zimhi', 'naltrexone: Revia, Vivitrol, Depade'],
  'non-opioid-analgesic': [
    'acetaminophen: APAP, paracetamol, Tylenol, Tylenol Extra Strength, Tylenol ES, Tylenol Arthritis, Ofirmev, Mapap',
    'acetaminophen/aspirin/caffeine: Excedrin, Excedrin Migraine',
    'ziconotide: Prialt',
  ],
  nsaid: [
    'ibuprofen: Motrin, Advil, IBU, Caldolor, Midol',
    'ibuprofen/famotidine: Duexis',
    'naproxen: naproxen sodium, Naprosyn, EC-Naprosyn, Naprelan, Aleve, Anaprox, Anaprox DS, Mediproxen',
    'naproxen/esomeprazole: Vimovo',
    'diclofenac: diclofenac sodium, diclofenac potassium, Voltaren, Voltaren XR, Cataflam, Zipsor, Zorvolex, Cambia, Lofena',
    'diclofenac/misoprostol: Arthrotec',
    'meloxicam: Mobic, Vivlodex, Qmiiz, Anjeso',
    'etodolac: Lodine',
    'nabumetone: Relafen',
    'ketorolac: Toradol, Sprix',
    'indomethacin: Indocin, Tivorbex',
    'piroxicam: Feldene',
    'oxaprozin: Daypro, Coxanto',
    'sulindac: Clinoril',
    'diflunisal: Dolobid',
    'fenoprofen: Nalfon, Fenortho, Profeno',
    'ketoprofen: Orudis, Oruvail',
    'flurbiprofen: Ansaid',
    'salsalate: Disalcid, Amigesic',
    'aspirin: acetylsalicylic acid, ASA, Bayer, Ecotrin, Bufferin',
    'mefenamic acid: Ponstel',
    'tolmetin: Tolectin',
    'meclofenamate: Meclomen',
    'choline magnesium trisalicylate: Trilisate',
  ],
  'cox2-inhibitor': ['celecoxib: Celebrex, Elyxyb'],
  'topical-nsaid': [
    'diclofenac (gel): Voltaren gel, Voltaren topical, Voltaren emulgel, Solaraze, diclofenac gel, diclofenac sodium gel',
    'diclofenac (patch): Flector, Flector patch, Licart, diclofenac patch, diclofenac epolamine',
    'diclofenac (solution): Pennsaid, diclofenac solution',
  ],
  'muscle-relaxant': [
    'cyclobenzaprine: Flexeril, Amrix, Fexmid',
    'cyclobenzaprine (suspension): Tabradol',
    'tizanidine: Zanaflex',
    'carisoprodol: Soma, Vanadom',
    'methocarbamol: Robaxin',
    'metaxalone: Skelaxin, Metaxall',
    'orphenadrine: Norflex',
    'orphenadrine/aspirin/caffeine: Norgesic, Norgesic Forte, Orphengesic',
    'baclofen: Lioresal, Gablofen, Ozobax, Lyvispah, Fleqsuvy',
    'chlorzoxazone: Parafon Forte, Lorzone',
    'dantrolene: Dantrium, Ryanodex',
  ],
  anticonvulsant: [
    'gabapentin: Neurontin, Gralise, Gabarone',
    'gabapentin (suspension): Fanatrex',
    'gabapentin enacarbil: Horizant',
    'pregabalin: Lyrica, Lyrica CR',
    'topiramate: Topamax, Trokendi, Qudexy',
    'carbamazepine: Tegretol, Carbatrol, Epitol',
    'oxcarbazepine: Trileptal, Oxtellar',
    'lamotrigine: Lamictal',
    'levetiracetam: Keppra',
    'divalproex: valproate, valproic acid, Depakote, Depakene',
    'phenytoin: Dilantin',
    'zonisamide: Zonegran',
    'lacosamide: Vimpat',
    'tiagabine: Gabitril',
  ],
  'tricyclic-antidepressant': [
    'amitriptyline: Elavil',
    'nortriptyline: Pamelor, Aventyl',
    'desipramine: Norpramin',
    'imipramine: Tofranil',
    'doxepin: Sinequan',
    'clomipramine: Anafranil',
    'protriptyline: Vivactil',
    'trimipramine: Surmontil',
    'amoxapine',
  ],
  'snri-antidepressant': [
    'duloxetine: Cymbalta, Drizalma',
    'venlafaxine: Effexor, Effexor XR',
    'desvenlafaxine: Pristiq, Khedezla',
    'milnacipran: Savella',
    'levomilnacipran: Fetzima',
  ],
  'ssri-antidepressant': [
    'fluoxetine: Prozac, Sarafem',
    'sertraline: Zoloft',
    'paroxetine: Paxil, Pexeva',
    'citalopram: Celexa',
    'escitalopram: Lexapro',
    'fluvoxamine: Luvox',
  ],
  antidepressant: [
    'bupropion: Wellbutrin, Aplenzin, Forfivo, Zyban',
    'mirtazapine: Remeron, RemeronSolTab',
    'trazodone: Desyrel, Oleptro',
    'nefazodone',
    'vilazodone: Viibryd',
    'vortioxetine: Trintellix, Brintellix',
    'phenelzine: Nardil',
    'tranylcypromine: Parnate',
    'esketamine: Spravato',
  ],
  'sleep-aid': [
    'zolpidem: Ambien, Ambien CR, Edluar, Intermezzo, Zolpimist',
    'eszopiclone: Lunesta',
    'zaleplon: Sonata',
    'ramelteon: Rozerem',
    'suvorexant: Belsomra',
    'lemborexant: Dayvigo',
    'daridorexant: Quviviq',
    'doxepin (tablet): Silenor',
    'melatonin',
  ],
  benzodiazepine: [
    'diazepam: Valium, Diastat',
    'alprazolam: Xanax, Niravam',
    'lorazepam: Ativan',
    'clonazepam: Klonopin',
    'temazepam: Restoril',
    'chlordiazepoxide: Librium',
    'triazolam: Halcion',
    'oxazepam: Serax',
    'estazolam: ProSom',
    'flurazepam: Dalmane',
    'clorazepate: Tranxene',
    'midazolam: Versed',
  ],
  'barbiturate-containing-analgesic': [
    'butalbital/acetaminophen/caffeine: butalbital/apap/caffeine, Fioricet, Esgic, Esgic-Plus, Zebutal, Margesic',
    'butalbital/aspirin/caffeine: Fiorinal',
    'butalbital/acetaminophen/caffeine/codeine: Fioricet with Codeine, Fioricet w/codeine',
    'butalbital/aspirin/caffeine/codeine: Fiorinal with Codeine, Fiorinal w/codeine',
    'butalbital/acetaminophen: Phrenilin, Bupap, Allzital, Tencon',
    'butalbital',
  ],
  anxiolytic: ['buspirone: Buspar'],
  antipsychotic: [
    'quetiapine: Seroquel',
    'aripiprazole: Abilify',
    'olanzapine: Zyprexa',
    'risperidone: Risperdal',
    'ziprasidone: Geodon',
    'lurasidone: Latuda',
    'haloperidol: Haldol',
    'brexpiprazole: Rexulti',
    'cariprazine: Vraylar',
    'lithium: Lithobid',
  ],
  stimulant: [
    'modafinil: Provigil',
    'armodafinil: Nuvigil',
    'methylphenidate: Ritalin, Concerta',
    'amphetamine/dextroamphetamine: Adderall',
    'lisdexamfetamine: Vyvanse',
    'caffeine',
  ],
  ppi: [
    'omeprazole: Prilosec, Prilosec OTC',
    'omeprazole/sodium bicarbonate: Zegerid',
    'esomeprazole: Nexium',
    'lansoprazole: Prevacid',
    'pantoprazole: Protonix',
    'rabeprazole: Aciphex',
    'dexlansoprazole: Dexilant, Kapidex',
  ],
  'h2-blocker': [
    'ranitidine: Zantac',
    'ranitidine (suspension): Deprizine',
    'famotidine: Pepcid',
    'cimetidine: Tagamet',
    'nizatidine: Axid',
  ],
  gastrointestinal: [
    'sucralfate: Carafate',
    'misoprostol: Cytotec',
    'dicyclomine: Bentyl',
    'simethicone: Gas-X',
    'calcium carbonate: Tums',
    'aluminum hydroxide/magnesium hydroxide: Maalox, Mylanta',
    'bismuth subsalicylate: Pepto-Bismol',
    'hyoscyamine: Levsin',
    'loperamide: Imodium',
  ],
  antiemetic: [
    'ondansetron: Zofran, Zuplenz',
    'promethazine: Phenergan',
    'metoclopramide: Reglan',
    'prochlorperazine: Compazine',
    'meclizine: Antivert, Bonine',
    'scopolamine (patch): Transderm Scop, scopolamine patch',
    'trimethobenzamide: Tigan',
    'granisetron: Kytril, Sancuso',
  ],
  laxative: [
    'docusate: docusate sodium, Colace, Dulcolax Stool Softener',
    'sennosides: senna, Senokot, Sennakot',
    'sennosides/docusate: senna/docusate, Senokot-S, Senna-S, Senna Plus, Peri-Colace',
    'polyethylene glycol: PEG 3350, MiraLAX, GlycoLax',
    'bisacodyl: Dulcolax',
    'lactulose: Kristalose, Enulose, Constulose',
    'magnesium citrate',
    'magnesium hydroxide: milk of magnesia',
    'psyllium: Metamucil, Konsyl',
    'methylcellulose: Citrucel',
    'lubiprostone: Amitiza',
    'naloxegol: Movantik',
    'methylnaltrexone: Relistor',
    'naldemedine: Symproic',
    'linaclotide: Linzess',
    'prucalopride: Motegrity',
    'plecanatide: Trulance',
  ],
  triptan: [
    'sumatriptan: Imitrex, Zembrace, Onzetra, Tosymra',
    'sumatriptan/naproxen: Treximet',
    'rizatriptan: Maxalt, Maxalt-MLT',
    'zolmitriptan: Zomig',
    'eletriptan: Relpax',
    'naratriptan: Amerge',
    'almotriptan: Axert',
    'frovatriptan: Frova',
  ],
  antimigraine: [
    'ergotamine/caffeine: Cafergot, Migergot',
    'dihydroergotamine: DHE 45, Migranal, Trudhesa',
    'ubrogepant: Ubrelvy',
    'rimegepant: Nurtec',
    'atogepant: Qulipta',
    'erenumab: Aimovig',
    'fremanezumab: Ajovy',
    'galcanezumab: Emgality',
    'lasmiditan: Reyvow',
    'isometheptene/dichloralphenazone/acetaminophen: Midrin',
  ],
  'erectile-dysfunction': [
    'sildenafil: Viagra, Revatio',
    'tadalafil: Cialis, Adcirca',
    'vardenafil: Levitra, Staxyn',
    'avanafil: Stendra',
    'alprostadil: Caverject, Edex',
  ],
  antihistamine: [
    'hydroxyzine: Vistaril, Atarax',
    'diphenhydramine: Benadryl',
    'diphenhydramine (suspension): Dicopanol',
    'cetirizine: Zyrtec',
    'levocetirizine: Xyzal',
    'loratadine: Claritin',
    'desloratadine: Clarinex',
    'fexofenadine: Allegra',
    'cyproheptadine: Periactin',
    'doxylamine: Unisom',
    'chlorpheniramine: Chlor-Trimeton',
  ],
  corticosteroid: [
    'prednisone: Deltasone, Rayos',
    'methylprednisolone: Medrol, Medrol Dosepak, Medrol Dose Pack, Depo-Medrol, Solu-Medrol',
    'dexamethasone: Decadron',
    'prednisolone: Orapred, Millipred',
    'triamcinolone: Kenalog, Zilretta',
    'betamethasone: Celestone',
    'hydrocortisone: Cortef',
    'fluticasone: Flonase',
  ],
  'topical-anesthetic': [
    'lidocaine: Xylocaine',
    'lidocaine (patch): Lidoderm, ZTlido, lidocaine patch',
    'lidocaine (cream): Anecream, LMX 4, LMX 5, LMX4, LMX5, Ela-Max, Xolido',
    'lidocaine/prilocaine (cream): lidocaine/prilocaine, EMLA',
    'lidocaine/tetracaine: Pliaglis, Synera',
    'lidocaine/menthol (patch): Lidothol, Lenzapatch',
    'prilocaine',
    'benzocaine: Anbesol',
  ],
  'local-anesthetic': [
    'bupivacaine: Marcaine, Sensorcaine, Exparel',
    'ropivacaine: Naropin',
    'mepivacaine: Carbocaine, Polocaine',
  ],
  'topical-analgesic': [
    'capsaicin: Zostrix, Capzasin, Qutenza, Capsagel',
    'menthol: Biofreeze',
    'camphor',
    'methyl salicylate/capsaicin/menthol/lidocaine: Terocin',
    'capsaicin/lidocaine/menthol/methyl salicylate: LidoPro',
    'methyl salicylate/menthol/capsaicin: Medrox',
    'camphor/menthol: Tiger Balm, Sarna',
  ],
  'topical-salicylate': [
    'methyl salicylate: Bengay',
    'methyl salicylate/menthol: Icy Hot, Mentoderm, Menthoderm, Mentherm',
    'methyl salicylate/menthol (patch): Salonpas',
    'trolamine salicylate: Aspercreme, Myoflex',
  ],
  'nmda-antagonist': ['dextromethorphan', 'ketamine: Ketalar', 'amantadine: Symmetrel'],
  'vitamin-supplement': [
    'vitamin d: vitamin d3, vitamin d2, cholecalciferol, ergocalciferol, Drisdol',
    'vitamin b12: vitamin b-12, cyanocobalamin, methylcobalamin, B12',
    'vitamin b complex: B complex',
    'vitamin b6: pyridoxine',
    'vitamin b1: thiamine',
    'vitamin c: ascorbic acid',
    'vitamin e',
    'folic acid: folate',
    'multivitamin: multivitamins, multi-vitamin, MVI, Centrum',
    'calcium',
    'calcium citrate: Citracal',
    'calcium/vitamin d: Os-Cal, Caltrate',
    'iron: ferrous sulfate, ferrous gluconate',
    'magnesium: magnesium oxide, Mag-Ox',
    'potassium chloride: K-Dur, Klor-Con',
    'zinc',
    'fish oil: omega-3, omega 3, Lovaza',
    'glucosamine: glucosamine sulfate, Genicin',
    'glucosamine/chondroitin: Cosamin, Cosamin DS, Osteo Bi-Flex, Move Free',
    'chondroitin',
    'turmeric: curcumin',
    'coenzyme q10: CoQ10, Co-Q10',
    's-adenosylmethionine: SAM-e',
    'methylsulfonylmethane: MSM',
    'biotin',
    'probiotic: probiotics, Culturelle',
  ],
  'medical-food': [
    'Theramine',
    'Sentra AM',
    'Sentra PM',
    'Trepadone',
    'Gabadone',
    'Percura',
    'Appetrex',
    'Hypertensa',
    'Fosteum',
    'flavocoxid: Limbrel',
    'l-methylfolate: Deplin',
    'Metanx',
    'Vasculera',
    'Somnicin',
    'Axona',
  ],
  homeopathic: ['Traumeel', 'Zeel', 'arnica: Arnicare, arnica montana'],
  viscosupplement: [
    'hyaluronic acid: hyaluronan, sodium hyaluronate, hylan G-F 20, Synvisc, Synvisc-One, Euflexxa, Orthovisc, Supartz, Hyalgan, Gel-One, Monovisc, Durolane, GenVisc, TriVisc, Hymovis, Gelsyn, Visco-3',
  ],
  'botulinum-toxin': [
    'onabotulinumtoxinA: Botox, botulinum toxin, botulinum toxin A, botulinum toxin type A',
    'abobotulinumtoxinA: Dysport',
    'incobotulinumtoxinA: Xeomin',
    'rimabotulinumtoxinB: Myobloc',
  ],
  cardiovascular: [
    'clonidine: Catapres, Kapvay',
    'lisinopril: Prinivil, Zestril',
    'lisinopril/hydrochlorothiazide: Zestoretic',
    'losartan: Cozaar',
    'losartan/hydrochlorothiazide: Hyzaar',
    'amlodipine: Norvasc',
    'amlodipine/benazepril: Lotrel',
    'metoprolol: Lopressor, Toprol',
    'atenolol: Tenormin',
    'propranolol: Inderal',
    'hydrochlorothiazide: HCTZ, Microzide',
    'carvedilol: Coreg',
    'valsartan: Diovan',
    'benazepril: Lotensin',
    'diltiazem: Cardizem',
    'verapamil: Calan',
    'furosemide: Lasix',
    'spironolactone: Aldactone',
    'triamterene/hydrochlorothiazide: Maxzide, Dyazide',
    'nitroglycerin: Nitrostat',
    'prazosin: Minipress',
    'guanfacine: Tenex, Intuniv',
  ],
  antidiabetic: [
    'metformin: Glucophage, Glumetza',
    'glipizide: Glucotrol',
    'glyburide: Diabeta, Micronase',
    'glimepiride: Amaryl',
    'insulin',
    'insulin glargine: Lantus, Basaglar, Toujeo',
    'insulin lispro: Humalog',
    'insulin aspart: Novolog',
    'insulin detemir: Levemir',
    'sitagliptin: Januvia',
    'sitagliptin/metformin: Janumet',
    'pioglitazone: Actos',
    'liraglutide: Victoza, Saxenda',
    'dulaglutide: Trulicity',
    'semaglutide: Ozempic, Wegovy, Rybelsus',
    'empagliflozin: Jardiance',
    'canagliflozin: Invokana',
    'dapagliflozin: Farxiga',
  ],
  'lipid-lowering': [
    'atorvastatin: Lipitor',
    'simvastatin: Zocor',
    'rosuvastatin: Crestor',
    'pravastatin: Pravachol',
    'lovastatin: Mevacor',
    'ezetimibe: Zetia',
    'fenofibrate: Tricor',
    'gemfibrozil: Lopid',
  ],
  anticoagulant: [
    'warfarin: Coumadin, Jantoven',
    'rivaroxaban: Xarelto',
    'apixaban: Eliquis',
    'dabigatran: Pradaxa',
    'edoxaban: Savaysa',
    'enoxaparin: Lovenox',
    'heparin',
    'fondaparinux: Arixtra',
    'clopidogrel: Plavix',
    'prasugrel: Effient',
    'ticagrelor: Brilinta',
  ],
  antibiotic: [
    'cephalexin: Keflex',
    'cefadroxil: Duricef',
    'cefazolin: Ancef',
    'amoxicillin: Amoxil',
    'amoxicillin/clavulanate: Augmentin',
    'dicloxacillin',
    'ciprofloxacin: Cipro',
    'levofloxacin: Levaquin',
    'doxycycline: Vibramycin',
    'azithromycin: Zithromax, Z-Pak',
    'clindamycin: Cleocin',
    'sulfamethoxazole/trimethoprim: Bactrim, Bactrim DS, Septra, SMX/TMP',
    'mupirocin: Bactroban',
    'nitrofurantoin: Macrobid',
    'vancomycin',
  ],
  urologic: [
    'tamsulosin: Flomax',
    'oxybutynin: Ditropan',
    'tolterodine: Detrol',
    'finasteride: Proscar',
    'solifenacin: Vesicare',
    'mirabegron: Myrbetriq',
    'bethanechol: Urecholine',
    'phenazopyridine: Pyridium',
  ],
  'bone-health': [
    'alendronate: Fosamax',
    'risedronate: Actonel',
    'ibandronate: Boniva',
    'zoledronic acid: Reclast, Zometa',
    'denosumab: Prolia',
    'teriparatide: Forteo',
    'calcitonin: Miacalcin',
  ],
  antigout: ['allopurinol: Zyloprim', 'colchicine: Colcrys, Mitigare', 'febuxostat: Uloric', 'probenecid'],
  'smoking-cessation': [
    'varenicline: Chantix',
    'nicotine: Nicorette, nicotine gum, Nicotrol',
    'nicotine (patch): nicotine patch, Nicoderm, Nicoderm CQ, Habitrol',
  ],
  hormone: [
    'testosterone: testosterone cypionate, testosterone enanthate, Androgel, Testim, Axiron, Fortesta, Aveed, Depo-Testosterone',
    'levothyroxine: Synthroid, Levoxyl, Unithroid',
    'estradiol: Estrace',
    'conjugated estrogens: Premarin',
  ],
  cannabinoid: [
    'dronabinol: Marinol, Syndros',
    'nabilone: Cesamet',
    'cannabidiol: CBD, CBD oil, Epidiolex',
    'cannabis: medical marijuana, marijuana, medical cannabis',
  ],
  respiratory: [
    'albuterol: ProAir, Proventil, Ventolin',
    'fluticasone/salmeterol: Advair',
    'budesonide/formoterol: Symbicort',
    'tiotropium: Spiriva',
    'montelukast: Singulair',
    'ipratropium: Atrovent',
    'benzonatate: Tessalon',
  ],
  unknown: [],
};

/**
 * Words that name a class rather than a drug ("a topical NSAID", "opioids"): read as a mention
 * whose generic name is the class itself, so that the request is still known to be a medication.
 */
const CLASS_TERMS: Partial<Record<DrugClass, readonly string[]>> = {
  opioid: ['opioid', 'opioids', 'opiate', 'opiates', 'narcotic', 'narcotics', 'opioid analgesic', 'opioid analgesics'],
  nsaid: [
    'nsaid',
    'nsaids',
    'anti-inflammatory',
    'anti-inflammatories',
    'non-steroidal anti-inflammatory',
    'antiinflammatory',
  ],
  'cox2-inhibitor': ['cox-2 inhibitor', 'cox-2 inhibitors', 'cox2 inhibitor', 'cox2 inhibitors'],
  'topical-salicylate': ['topical salicylate', 'topical salicylates'],
  'muscle-relaxant': ['muscle relaxant', 'muscle relaxants', 'muscle relaxer', 'muscle relaxers'],
  anticonvulsant: ['anticonvulsant', 'anticonvulsants', 'antiepileptic', 'antiepileptics', 'anti-epileptic drug'],
  antidepressant: ['antidepressant', 'antidepressants', 'anti-depressant', 'anti-depressants'],
  'sleep-aid': [
    'sleep aid',
    'sleep aids',
    'sleeping pill',
    'sleeping pills',
    'hypnotic',
    'hypnotics',
    'sleep medication',
  ],
  benzodiazepine: ['benzodiazepine', 'benzodiazepines', 'benzo', 'benzos'],
  ppi: ['ppi', 'ppis', 'proton pump inhibitor', 'proton pump inhibitors'],
  'topical-analgesic': ['topical analgesic', 'topical analgesics'],
  laxative: ['laxative', 'laxatives', 'stool softener', 'stool softeners'],
  antiemetic: ['antiemetic', 'antiemetics', 'anti-emetic', 'anti-nausea medication'],
  'vitamin-supplement': [
    'vitamins',
    'dietary supplement',
    'dietary supplements',
    'nutritional supplement',
    'nutritional supplements',
  ],
  'medical-food': ['medical food', 'medical foods'],
  triptan: ['triptan', 'triptans'],
  antihistamine: ['antihistamine', 'antihistamines'],
};

const FORMS = new Set<string>(DrugForm.options);

function parseLine(line: string, drugClass: DrugClass): { aliases: string[]; entry: DrugEntry } {
  const colon = line.indexOf(':');
  const head = (colon < 0 ? line : line.slice(0, colon)).trim();
  const formMatch = /^(.*?)\s*\(([a-z]+)\)$/.exec(head);
  const generic = (formMatch?.[1] ?? head).toLowerCase();
  const form = formMatch?.[2];
  if (form !== undefined && !FORMS.has(form)) throw new Error(`drug lexicon: unknown form in "${line}"`);
  const aliases = colon < 0 ? [] : line.slice(colon + 1).split(',');
  if (form === undefined) aliases.unshift(generic);
  const entry: DrugEntry = form === undefined ? { generic, drugClass } : { generic, drugClass, form: form as DrugForm };
  return { aliases: aliases.map((a) => a.trim()).filter((a) => a !== ''), entry };
}

function buildIndex(): { index: PhraseIndex<DrugEntry>; entries: DrugEntry[] } {
  const index = new PhraseIndex<DrugEntry>();
  const entries: DrugEntry[] = [];
  for (const drugClass of DrugClass.options) {
    for (const line of LEXICON[drugClass]) {
      const { aliases, entry } = parseLine(line, drugClass);
      entries.push(entry);
      for (const alias of aliases) index.add(alias, entry);
    }
  }
  for (const drugClass of DrugClass.options) {
    const terms = CLASS_TERMS[drugClass];
    if (!terms) continue;
    const entry: DrugEntry = { generic: drugClass, drugClass, classTerm: true };
    entries.push(entry);
    for (const term of terms) index.add(term, entry);
  }
  return { index, entries };
}

const built = buildIndex();

/** Lower-cased token keys → entry; longest match over the tokens of a request. */
export const DRUG_INDEX: PhraseIndex<DrugEntry> = built.index;
/** Every product line of the lexicon, for tests and listings. */
export const DRUG_ENTRIES: readonly DrugEntry[] = built.entries;

/** The entry a name stands for ("Norco", "hydrocodone/APAP", "Voltaren gel"), or undefined. */
export function lookupDrug(name: string): DrugEntry | undefined {
  const words = tokenize(normalizeText(name).text).words;
  const m = DRUG_INDEX.matchAt(words, 0);
  return m && m.length === words.length ? m.value : undefined;
}

/** Edit distance up to `max` (early exit above it), for misspelled drug names. */
function withinDistance(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return false;
    prev = cur;
  }
  return (prev[b.length] ?? max + 1) <= max;
}

const SINGLE_WORD_NAMES: readonly string[] = [...DRUG_INDEX.keys()].filter((k) => !k.includes(' ') && k.length >= 5);

/**
 * The entry of a one-word name that is a near miss of a known one ("cyclobenzeprine", "ibuprophen"):
 * one edit for names of 5–7 letters, two for longer ones. Undefined when none or more than one
 * different drug is that close.
 */
export function nearestDrug(word: string): { key: string; entry: DrugEntry } | undefined {
  const w = word.toLowerCase();
  if (w.length < 5 || !/^[a-z]+$/.test(w)) return undefined;
  const max = w.length >= 8 ? 2 : 1;
  let found: { key: string; entry: DrugEntry } | undefined;
  for (const key of SINGLE_WORD_NAMES) {
    if (!withinDistance(w, key, max)) continue;
    const entry = DRUG_INDEX.get(key);
    if (!entry) continue;
    if (found && found.entry.generic !== entry.generic) return undefined;
    found ??= { key, entry };
  }
  return found;
}
