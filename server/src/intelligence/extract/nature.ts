// What kind of emergency: fire, medical:<kind>, crime:<kind>, traffic, hazmat, rescue:lost,
// accidental (a pocket dial). Phrases as callers say them; a phrase that is negated ("she didnt
// fall", "nobodys fighting") or asked ("is there a fire") says nothing about the call.

import { type Extractor, phrases } from './words.js';

const PERSON = '(?:boyfriend|girlfriend|husband|wife|ex|ex husband|ex wife|ex boyfriend|partner|baby daddy|stepdad|stepfather|fiance)';
const ASSAULT_VERB = '(?:hit|hits|hitting|punched|beat|beats|beating|attacked|choked|pushed|threatened|threatening|slapped|kicked|hurt)';

// Order matters only for overlaps: domestic before assault, so one act is not counted twice.
const NATURES: [string, RegExp][] = [
  [
    'fire',
    phrases(
      'on fire',
      'fire(?! (?:truck|trucks|trucks here|department|dept|station|lookout|fighters?|engine|hydrant|escape|extinguisher|chief|exit|marshal|service|crew|alarm))',
      'flames',
      '(?:house|home|building|kitchen|car|garage|apartment|barn|shed|trailer|room|door) (?:is )?burning',
      'smoke (?:is )?(?:coming|pouring|billowing) out',
    ),
  ],
  ['crime:domestic', phrases(`(?:my|her|his) ${PERSON} (?:\\w+ ){0,4}${ASSAULT_VERB}`, 'domestic')],
  ['crime:shooting', phrases('shooter', 'shooting', 'shots? fired', 'gunshots?', 'gunfire', 'opened fire', '(?:been|got|was|were|is|hes|shes|being|just) shot', 'shot (?:at|him|her|me|them|someone|somebody|the|my|his|a)', 'heard (?:\\w+ )?shots')],
  ['crime:stabbing', phrases('stabbed', 'stabbing', 'stab wound')],
  [
    'crime:burglary',
    phrases(
      'broke in(?:to)?',
      'break(?:ing)? in(?:to)?',
      'broken into',
      'burglar(?:y|s|ized)?',
      'intruders?',
      '(?:someone|somebody|someones|somebodys|a man|a guy) (?:is )?(?:in|inside) (?:my|the|our) (?:house|home|apartment|garage)',
      'trying to (?:get|break) in',
      'glass (?:break|breaking|shatter)',
    ),
  ],
  ['crime:robbery', phrases('robbed', 'robbery', 'robbing', 'mugged', 'stick up', 'held (?:me |us )?up', 'took my (?:purse|wallet|bag|phone)')],
  [
    'crime:assault',
    phrases(
      'assault(?:ed|ing)?',
      'attacked',
      'attacking',
      'beat (?:me|him|her|them|up)',
      'beaten',
      'punched',
      'punching',
      'hit me',
      'hitting (?:me|her|him)',
      'fighting',
      'a fight',
      'jumped me',
      'threatening',
      'pulled a (?:knife|gun)',
      'came at me',
      'pointing (?:it|a gun|a knife|the gun) at',
    ),
  ],
  ['crime:theft', phrases('stolen', 'stole', 'theft', 'shoplift(?:ing|er)?')],
  ['crime:kidnapping', phrases('kidnap(?:ped|ping)?', 'abducted')],
  [
    'traffic',
    phrases(
      'crash',
      'crashed',
      '(?:car|traffic|auto|motorcycle|bad) accident',
      'accident on the (?:interstate|highway|freeway|road)',
      'collision',
      'collided',
      'wreck',
      'rollover',
      'rolled over',
      'hit by a (?:car|truck|vehicle|bus)',
      'hit a (?:pedestrian|cyclist|kid|child|deer|pole|tree)',
      'car hit',
      'hit and run',
      'pile ?up',
      't boned',
      'rear ended',
      'ran off the road',
    ),
  ],
  [
    'hazmat',
    phrases(
      'ammonia',
      'chlorine',
      'anhydrous',
      'hazmat',
      'haz mat',
      'hazardous materials?',
      'chemical (?:leak|spill|smell|cloud|fire|release)',
      'chemicals? (?:leaking|spilled|spilling)',
      'gas leak',
      'smell(?:s|ing)? (?:like )?(?:natural )?gas',
      'smell of gas',
      'gas smell',
      'propane leak',
      'carbon monoxide',
      'co alarm',
      'toxic (?:fumes|cloud|gas|smoke)',
      'vapou?r cloud',
      'placard',
    ),
  ],
  [
    'medical:cardiac',
    phrases('chest pains?', 'pain in (?:his|her|my|the) chest', 'heart attack', 'cardiac', 'no pulse', 'heart stopped', '(?:grabbing|clutching) (?:his|her|my) chest', 'chest (?:hurts|is hurting|hurting)'),
  ],
  [
    'medical:breathing',
    phrases(
      'cant breathe',
      'can not breathe',
      'cannot breathe',
      '(?:trouble|difficulty) breathing',
      'hard (?:time )?(?:to )?breath(?:e|ing)',
      'short(?:ness)? of breath',
      'cant (?:catch|get) (?:his|her|my|their) breath',
      'struggling to breathe',
      'asthma attack',
      'wheezing',
    ),
  ],
  ['medical:choking', phrases('choking(?! (?:me|her|him))', 'choked on', 'stuck in (?:his|her|my) throat')],
  ['medical:stroke', phrases('stroke', 'face (?:is )?droop(?:s|ing|y)?', 'droop(?:s|ing|y)', 'slurr(?:ed|ing)', 'face looks funny')],
  ['medical:overdose', phrases('overdos(?:e|ed|ing)', 'od', 'oded', 'took (?:too many|a bunch of|a lot of|some|a|the) pills?', 'narcan', 'naloxone', 'heroin')],
  [
    'medical:childbirth',
    phrases(
      'having (?:the|a|her|my) baby',
      'water (?:just )?(?:broke|has broken)',
      'contractions?',
      'in labou?r',
      'giving birth',
      '(?:has|have|needs?|wants?) to push',
      'urge to push',
      'crowning',
      'babys? (?:is )?coming',
      'see the (?:babys )?head',
      'babys out',
      'pregnant',
      '\\d+ weeks (?:pregnant|along)',
      'due (?:next week|any day|today|tomorrow)',
    ),
  ],
  [
    'medical:fall',
    phrases('(?<!(?:nearly|almost|tree|pole|it|that) )fell(?! asleep)', 'fallen', '(?<!(?:nearly|almost|could|might|will|gonna) )fall(?! asleep)', 'had a fall', 'slipped', 'tripped', 'on the floor and (?:she|he|i) cant get up'),
  ],
  ['medical:seizure', phrases('seizures?', 'seizing', 'convuls(?:ing|ions?)', 'having a fit', 'epileptic')],
  ['medical:unconscious', phrases('wont wake up', 'will not wake up', 'cant wake (?:him|her|them)', 'unconscious', 'unresponsive', 'passed out', 'collapsed', 'fainted', 'blacked out', 'out cold', 'knocked out')],
  ['medical:diabetic', phrases('diabetic', 'diabetes', 'insulin', '(?:blood )?sugar (?:is )?(?:low|high|dropped)', 'shots for (?:his|her|my) sugar')],
  ['medical:allergic', phrases('allergic', 'anaphyla(?:xis|ctic)', 'epi ?pen', 'stung', 'throat (?:is )?swelling')],
  [
    'medical:bleeding',
    phrases('bleeding (?:a lot|really bad|really badly|badly|bad|heavily|everywhere|so much|like crazy|out|profusely)', 'wont stop bleeding', 'blood everywhere', 'pool of blood', 'so much blood', 'lots of blood'),
  ],
  ['medical:suicidal', phrases('suicid(?:e|al)', 'kill (?:myself|himself|herself)', 'wants? to die', 'end (?:my|his|her) life')],
  ['rescue:lost', phrases('(?:im|were|i am|we are|got|get|getting|hes|shes|theyre) lost', 'lost (?:on|in) (?:a|the)')],
  ['accidental', phrases('(?:dialed|dialled|called) (?:you |911 )?(?:by|on) (?:itself|accident|mistake)', 'by (?:accident|mistake)', 'pocket dial(?:ed|led)?', 'butt dial(?:ed|led)?', 'it was (?:a mistake|an accident)')],
];

export const extractNature: Extractor = (u, emit) => {
  const claimed = new Array<boolean>(u.length).fill(false);
  const found = new Set<string>();
  for (const [nature, re] of NATURES) {
    for (const m of u.matches(re)) {
      if (claimed[m.start] || u.isAsked(m.start) || u.isNegated(m.start)) continue;
      // A car "accident" is traffic; "it was an accident" on a pocket dial is not.
      if (nature === 'accidental' && found.has('traffic')) continue;
      claimed.fill(true, m.start, m.end);
      found.add(nature);
      emit('nature', m, nature);
    }
  }
};
