// What kind of emergency: fire, medical (unspecified) or medical:<kind>, crime:<kind>, traffic,
// hazmat, rescue:lost|drowning|trapped, accidental (a pocket dial). Phrases as callers say them,
// with verbs in every tense (words.ts verbForms); a phrase that is negated ("she didnt fall",
// "nobodys fighting") or asked ("is there a fire") says nothing about the call. Two kinds are
// read from how words combine rather than from one phrase: domestic violence (someone of the
// family or household, and an act of violence on a person) and drowning (water, and someone in it).

import type { Span, Utterance } from './text.js';
import { type Extractor, bodyPart, phrases, verbForms } from './words.js';

const WATER = '(?:pool|lake|river|pond|water|bathtub|tub|ocean|beach|creek|canal|bay|sea|surf|waves|quarry|reservoir|hot tub)';

// Order matters only for overlaps: domestic before assault, so one act is not counted twice.
const NATURES: [string, RegExp][] = [
  [
    'fire',
    phrases(
      'on fire',
      'fire(?! (?:truck|trucks|trucks here|department|dept|station|lookout|fighters?|engine|hydrant|escape|extinguisher|chief|exit|marshal|service|crew|alarm))',
      'flames',
      '(?:house|home|building|kitchen|car|truck|garage|apartment|barn|shed|trailer|room|door|cabinets|couch|woods|field|grass|brush|roof|attic|dumpster) (?:is |are )?burning',
      'caught (?:on )?fire',
      '(?:oven|stove|pan|grease|dryer|microwave|toaster|cabinets|curtains|couch|wall|roof)s? (?:is |are |been |was |just )?(?:smoking|caught)',
      'full of smoke',
      'explosion',
      'exploded',
      '(?:outlet|wires?|wiring|panel|transformer) (?:is |are )?sparking',
      '(?:smoke is|smokes) coming (?:out|from)',
      '(?:its|it is|everythings|everything is|the whole (?:thing|place|house) is) burning(?! (?:our|my|his|her|their|your) )',
      // "the dumpster behind the restaurant is burning"; not eyes or a throat that burn.
      '(?<!(?:eyes?|throat|skin|chest|mouth|nose) )(?:is|are) (?:still )?burning(?! (?:our|my|his|her|their|your|up) )',
      'set (?:\\w+ ){1,3}on fire',
      'smoke (?:is )?(?:coming|pouring|billowing) (?:out|from)',
    ),
  ],
  ['crime:domestic', phrases('domestic(?! (?:flight|violence shelter))', '(?:restraining|protective|protection) order')],
  ['crime:shooting', phrases('shooter', 'shooting', 'shots? fired', 'gunshots?', 'gunfire', 'opened fire', '(?:been|got|was|were|is|hes|shes|being|just) shot', 'shot (?:at|him|her|me|them|someone|somebody|the|my|his|a)', 'heard (?:\\w+ )?shots')],
  ['crime:stabbing', phrases('stabbed', 'stabbing', 'stab wound')],
  ['rescue:drowning', phrases(verbForms('drown'), '(?:went|going|goes|gone) under(?! (?:the|a) (?:truck|car|bus|trailer|train|house|porch|bed|table))', `face down in the ${WATER}`, `floating in the ${WATER}`, `(?:fell|fallen|jumped|slipped|went) (?:in|into) the ${WATER}`, `(?:pulled|got|dragged) (?:\\w+ )?out of the ${WATER}`, `(?:under|struggling in) the water`, 'underwater', 'cant swim', 'can not swim', 'boat (?:flipped|capsized|sank|tipped)', `bottom of the ${WATER}`, 'fell through the ice', '(?:current|undertow|riptide|rip current)s?', `(?:yelling|screaming|calling) for help (?:out )?in the ${WATER}`, '(?:in|under) the water and (?:i|we) cant see')],
  [
    'rescue:trapped',
    phrases(
      verbForms('trap', 'pin'),
      'stuck (?:in|under|inside|between|on)(?! (?:his|her|my|the) throat)(?! traffic)',
      'caught in (?:the|a)',
      '(?:cant|cannot|can not|couldnt) get (?:out|him out|her out|them out|us out|the door open)(?! of bed)',
      'locked (?:himself|herself|themselves|in)',
      'caved in',
      'theres (?:people|someone|somebody|a kid|kids) (?:still )?(?:inside|in there)',
      '(?:fell|stuck|trapped) (?:in|down|into) (?:a|the) (?:well|hole|shaft|trench|bin|drain|culvert|crevice)',
      'buried',
    ),
  ],
  [
    'crime:burglary',
    phrases(
      'broke in(?:to)?',
      'breaking into (?:the |my |our |a )?(?:cars?|trucks?|vans?|house|garage|shed)',
      'prowler',
      'trying to (?:open|get into|pry) (?:my|the|our) (?:window|door|car)',
      '(?:house|home|apartment|car|garage|shed|store) (?:got|was|has been) (?:robbed|broken into|burglarized)',
      'broke (?:my|the|our) (?:car |front |back |bedroom )?(?:window|door|lock)',
      'going through (?:the |my |our |peoples )?cars',
      'break(?:ing)? in(?:to)?',
      'broken into',
      'burglar(?:y|s|ized)?',
      'intruders?',
      '(?:someone|somebody|someones|somebodys|a man|a guy|some guy|a woman|a person|theres a man|theres a guy) (?:is )?(?:in|inside) (?:my|the|our) (?:house|home|apartment|garage|backyard|yard|shed|basement|property)',
      'trying to (?:get|break) in',
      '(?:kicked|busted|pried|broke) (?:in|open) (?:the|my|our) (?:\\w+ )?(?:door|window|gate)',
      'glass (?:break|breaking|shatter)',
    ),
  ],
  ['crime:robbery', phrases('(?:grabbed|snatched) (?:my|her|his) (?:purse|wallet|bag|phone)', 'car ?jack(?:ed|ing)?', 'at (?:gun|knife) ?point', '(?:threatened|pulled a (?:gun|knife) on) (?:me|him|her|us) (?:\\w+ ){0,5}(?:took|grabbed|wanted) (?:my|his|her|our)', 'robbed', 'robbery', 'robbing', 'mugged', 'stick up', 'held (?:me |us )?up', 'took (?:his|her) (?:purse|wallet|bag|phone) (?:and ran|at|from)', '(?:took|grabbed|snatched|ripped) (?:my|his|her) (?:\\w+ )?(?:out of|from) (?:my|his|her) hands?')],
  [
    'crime:assault',
    phrases(
      'assault(?:ed|ing)?',
      'attacked',
      '(?<!(?:dog|dogs|bull|animal|coyote|bear|bees|wasps) (?:is |was |are )?)attacking',
      'beat (?:me|him|her|them)',
      '(?<!(?:kind of|kinda|all|real|pretty|little|bit|old|really) )beat up',
      'beating (?:\\w+ ){0,2}up',
      'beaten',
      'punched',
      'punching',
      'hit me',
      'hitting (?:me|her|him)',
      'fighting',
      'a fight',
      'jumped me',
      'got jumped',
      'raped',
      'sexually assaulted',
      '(?:hit|hitting|attacked|swung at) (?:me|him|her|us) with (?:a|an|his|her|the)',
      'threatening(?! to (?:take|swallow|overdose|kill (?:him|her|my)self|shoot (?:him|her|my)self|hang|cut|jump|end))',
      'trying to fight',
      '(?:jumped|attacked|beat up|beating up) (?:my|our|a|the|this) (?:son|daughter|kid|friend|brother|sister|husband|wife|guy|man|woman|boy|girl|neighbor)',
      'pulled a (?:knife|gun)',
      '(?:threw|thrown|throwing) (?:a|an|the) \\w+ (?:at (?:me|him|her|us|them|a|the)|and hit)',
      'came at me',
      'pointing (?:it|a gun|a knife|the gun) at',
    ),
  ],
  ['crime:theft', phrases('stolen', 'stole', 'theft', 'shoplift(?:ing|er)?', 'pick ?pocket(?:ed)?', 'didnt pay (?:for )?', '(?:someone|somebody|they|he|she) took (?:my|our) (?:car|truck|bike|van|wallet|phone|purse|laptop|tools|trailer)')],
  ['crime:kidnapping', phrases('kidnap(?:ped|ping)?', 'abducted', '(?:tried|trying) to (?:drag|pull|force) (?:me|her|him) into', '(?:took|grabbed|snatched) (?:my|our|her|his) (?:daughter|son|kid|baby|child|children|kids)', 'put (?:her|him|them) in (?:a|the|his|her) (?:car|van|truck)', '(?:pulled|dragged|forced|shoved|threw) (?:a|the|my|her|him|this|some) (?:\\w+ )?into (?:a|the|his|her) (?:car|van|truck)', '(?:keeping|holding) (?:her|him|them|my \\w+) (?:in|at) (?:his|her|their|the) (?:house|apartment|place|room|car)')],
  [
    'traffic',
    phrases(
      'crash',
      'went off the road',
      '(?:been|(?<!it )was|had|saw|see|seen|witnessed|theres|there was|just had) an accident',
      'jackknifed',
      'overturned',
      '(?:ran|run) over',
      '(?:pedestrian|cyclist|biker) (?:got |was )?(?:hit|struck)',
      'crashed into',
      '(?:car|truck|bus|van|suv|train|motorcycle) hit',
      'fender bender',
      'hit (?:a|the) (?:guy|man|woman|lady|person|kid|child|boy|girl) on (?:a|his|her) (?:bike|scooter|bicycle|motorcycle)',
      'car (?:is )?in the (?:canal|ditch|river|lake|creek|pond|water)',
      'upside down',
      'on (?:its|their) side',
      '(?<!(?:any|no) )2 cars',
      '(?:flipped|rolled) (?:over|on its roof)',
      '(?:car|truck|tanker|suv|van|bus|semi|jeep|pickup) (?:just )?(?:flipped|rolled)',
      'airbags? (?:went off|deployed)',
      'ran (?:the|a) (?:red light|stop sign)',
      'motorcycle down',
      '(?:hit|rear ended|sideswiped) (?:us|me|my car)',
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
      'swerving',
      'drunk driver',
      '(?:going|driving|drove|went|headed|heading|coming) the wrong way',
      '(?:ran|drove|crashed|went) (?:into|through) (?:the )?(?:front of |side of )?(?:a|the|my|our) (?:building|house|store|pole|tree|wall|fence|window)',
      '(?:car|truck|tanker|suv|van|bus|semi|trailer) (?:just )?tipped over',
      '(?:flipped|rolled|wrecked) (?:his|her|their|my|the|a) (?:4 wheeler|atv|quad|car|truck|bike|motorcycle|jeep|dirt bike)',
      '(?:ladder|debris|tire|mattress|couch|furniture|load) (?:in|across|on) the (?:left |right |middle |center |fast )?lanes?',
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
      'fuming',
      '(?:bleach|cleaners?|chemicals) (?:\\w+ ){0,4}mixed',
      'mixed (?:the )?(?:bleach|cleaners?|chemicals)',
      'gas line (?:got )?(?:hit|broke|broken|cut|ruptured)',
    ),
  ],
  [
    'medical:cardiac',
    phrases('chest pains?', 'pain in (?:his |her |my |the )?chest', 'heart attack', 'cardiac', 'no pulse', 'heart stopped', '(?:grabbing|clutching) (?:his|her|my) chest', 'chest (?:hurts|is hurting|hurting)', 'heart (?:is )?(?:racing|pounding)', 'crushing', 'arm (?:is |feels )?numb', 'chest (?:pressure|tightness|feels tight|is tight|is heavy)', 'pacemaker', 'heart (?:problems?|condition|history)', 'heart rate'),
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
      'breathing (?:really |very |so )?heavy',
      'cant talk in (?:full )?sentences',
      'asthma attack',
      'asthmas? (?:is )?(?:bad|acting up|really bad)',
      'inhalers? (?:is |isnt |not )?(?:not )?(?:working|helping)',
      'wheezing',
    ),
  ],
  ['medical:choking', phrases('choking(?! (?:me|her|him))', 'choked on', 'stuck in (?:his|her|my) throat', '(?:holding|grabbing|clutching) (?:his|her|my) throat', 'swallowed (?:a|some|the) (?:coin|battery|toy|piece|marble|magnet|button)', 'gagging')],
  ['medical:stroke', phrases('stroke', 'face (?:is )?droop(?:s|ing|y)?', 'droop(?:s|ing|y)', 'slurr(?:ed|ing)', 'face looks funny', 'talking funny', '(?:cant|cannot|couldnt) (?:lift|move|raise|feel) (?:his|her|my) (?:left |right )?(?:arm|side|leg)', '(?:face|half (?:his|her) face) (?:is |went |feels )?numb', '(?:cant|couldnt) (?:find|get) (?:the |her |his |my )?words')],
  [
    'medical:overdose',
    phrases(
      verbForms('overdose'),
      'od',
      'oded',
      '(?:hes|shes|he|she|they|friend|brother|sister|son|daughter|boyfriend|girlfriend|husband|wife) odd',
      '(?:took|taken|swallowed|ate|had) (?:\\w+ ){0,4}(?:pills?|medicine|medication|meds|tablets|drugs|xanax|oxy|oxys|percocets?|opioids|prescription|tylenol|advil|ibuprofen|aspirin)',
      'doing (?:meth|drugs|coke|cocaine|heroin|crack)',
      'took something',
      '(?:swallowed|drank|ate|got into|drinking|eating) (?:\\w+ ){0,4}(?:bleach|cleaner|cleaning|detergent|antifreeze|poison|chemicals|pods|lighter fluid|rat poison)',
      'poisoned',
      'too much of (?:his|her|my|their) (?:medicine|medication|meds|pills)',
      verbForms('snort'),
      'shooting up',
      'shot up',
      'narcan',
      'naloxone',
      'heroin',
      'fentanyl',
    ),
  ],
  [
    'medical:childbirth',
    phrases(
      '(?:having|had) (?:the|a|her|my) baby',
      'water (?:just )?(?:broke|has broken)',
      'contractions?',
      'in labou?r',
      'giving birth',
      '(?:has|have|needs?|wants?) to push',
      'urge to push',
      'crowning',
      'babys? (?:is )?coming',
      'see the (?:babys )?head',
      '(?:babys |the babys )?head is out',
      'babys out',
      'pregnant',
      '\\d+ weeks (?:pregnant|along)',
      'due (?:next week|any day|today|tomorrow)',
    ),
  ],
  [
    'medical:fall',
    phrases('(?<!(?:nearly|almost|tree|pole|it|that) )fell(?! asleep)(?! over(?! (?:the|a|his|her|my|some)))', 'fallen', '(?<!(?:nearly|almost|could|might|will|gonna) )fall(?! asleep)', 'had a fall', 'slipped', 'tripped', 'on the floor and (?:she|he|i) cant get up', 'cant get (?:her|him|them) up', 'cant lift (?:her|him|them)'),
  ],
  ['medical:seizure', phrases('seizures?', 'seizing', 'convuls(?:ing|ions?)', 'having a fit', 'epileptic', 'shaking all over', 'foaming at the mouth', '(?:jerking|twitching)(?! (?:the|his|her) (?:wheel|door|handle))')],
  [
    'medical:unconscious',
    phrases(
      // "he won't wake up", "she's not responding" state a vital sign only (conscious "no"), like "I can't hear him breathing".
      'unconscious',
      '(?:lying|laying) (?:\\w+ ){1,4}(?:and |hes |shes |he is |she is )?not moving',
      `(?<!(?:gonna|going to|about to|like shes|like hes) )${verbForms('pass out', 'faint', 'black out', 'keel over')}`,
      // A building, roof or trench that collapsed traps people (rescue:trapped); a person who collapsed is unconscious.
      `(?<!(?:gonna|going to|about to|like shes|like hes|building|roof|ceiling|wall|house|bridge|trench|floor|deck|porch|structure|tunnel|mine|scaffolding|balcony|stage|barn|garage|shed) (?:\\w+ )?)${verbForms('collapse')}`,
      'out cold',
      'knocked out',
      // "he just dropped", "she fell over": a collapse, not a fall.
      '(?:he|she|they|dad|mom|and|just) (?:just )?(?:dropped|fell over)(?! (?:the|a|his|her|my|it|off|something|him|me))',
      '(?:man|person|woman|guy|somebody|someone) down',
    ),
  ],
  ['medical:diabetic', phrases('diabetic', 'diabetes', 'insulin', 'blood sugars?', 'sugars? (?:is )?(?:real |really |so |way |like |only )?(?:low|high|dropped|crashed|\\d+)', 'shots for (?:his|her|my) sugar')],
  ['medical:allergic', phrases('allergic', 'having a (?:really |very )?(?:bad |severe )?reaction', '(?:allergic )?reaction to', 'anaphyla(?:xis|ctic)', 'epi ?pen', 'stung', '(?:throat|tongue|lips|face) (?:is |are )?(?:swelling|closing|swollen)', 'hives')],
  [
    'medical:bleeding',
    phrases('bleeding (?:a lot|(?:real |really |very |so )?(?:bad|badly|heavy|heavily)|everywhere|so much|like crazy|out|profusely)', '(?:vomiting|throwing up|coughing up|spitting up|peeing|pooping) blood', 'nose ?bleed', 'wont stop bleeding', 'bleeding (?:\\w+ ){0,4}(?:wont|will not|doesnt|isnt) stop', 'blood everywhere', 'pool of blood', 'so much blood', 'lots of blood'),
  ],
  [
    'medical:suicidal',
    phrases(
      'suicid(?:e|al)',
      `${verbForms('kill', 'hang', 'hurt', 'shoot')} (?:myself|himself|herself|themselves)`,
      'wants? to die',
      '(?:talking about|going to|gonna|wants to|wanted to|trying to) end(?:ing)? it',
      '(?:goodbye|suicide) (?:message|note|letter|text|video)',
      'end (?:it all|my life|his life|her life)',
      '(?:gonna|going to|wants to|threatening to) jump',
      'edge of the (?:bridge|roof|building|overpass|cliff)',
      '(?:doesnt|dont|does not|do not) want to (?:live|be here|be alive)',
      'threatening to (?:take|swallow|overdose|kill (?:him|her|my)self|shoot (?:him|her|my)self|hang|cut|jump|end)',
      // "cutting herself" is self-harm; "he cut himself with a saw" an accident.
      '(?:cutting|cuts) (?:myself|himself|herself|themselves)',
      '(?:tried|trying|wants|threatening) to cut (?:myself|himself|herself|themselves)',
      '(?:cut|slit|slitting|cutting) (?:his|her|my) wrists',
    ),
  ],
  ['rescue:lost', phrases('(?:im|were|i am|we are|got|get|getting|hes|shes|theyre) lost', 'lost (?:on|in) (?:a|the)', 'wandered (?:off|away)', 'ran away', '(?:is|are|went|gone|been) missing', 'didnt come (?:home|back(?! up))', '(?:cant|can not) find (?:him|her|them)', 'cant find (?:my|our) (?:little |baby |youngest |oldest )?(?:son|daughter|kid|child|baby|dad|mom|husband|wife|grandma|grandpa|boy|girl)', 'is missing')],
  ['accidental', phrases('(?:dialed|dialled|called) (?:you |911 )?(?:by|on) (?:itself|its own|accident|mistake)', 'by (?:accident|mistake)', 'pocket dial(?:ed|led)?', 'butt dial(?:ed|led)?', 'it was (?:a mistake|an accident)', 'didnt mean to (?:call|dial)', 'playing (?:with|on) (?:the|my) phone', 'no emergency', 'wrong number', '(?:trying|meant|tried) to call (?:my|someone|somebody|the)')],
];

// A medical call said in ordinary words, with no kind: "hes really sick", "she needs an ambulance".
const MEDICAL = phrases(
  '(?:really |very |so )?sick',
  'not feeling (?:good|well|right)',
  'not acting right',
  '(?:needs?|send|get) (?:an |the )?(?:ambulance|paramedics|medics)',
  'somethings wrong with (?:him|her|my|them)',
  'something is wrong with (?:him|her|my|them)',
  'throwing up',
  'throwin up',
  'vomiting',
  'dizzy',
  'fever',
  'pale and (?:sweaty|clammy)',
  '(?:limp|weak|clammy)',
  '(?:stomach|belly|abdominal|back|head|neck) (?:pain|ache)s?',
  '(?:worst |bad |terrible )?headache',
  'hallucinating',
  'seeing things',
  'panic attack',
  '(?:dog|dogs|pit ?bull|animal|coyote|bear) (?:is |was )?(?:attacking|attacked|mauling|mauled|biting|bit)',
  'electrocuted',
  'shocked',
  '(?:snake|spider|dog|animal) bit(?:e|ten)?',
  '(?:bit|bitten) by (?:a|the|his|her|our|my) (?:\\w+ )?(?:dog|snake|spider|animal|cat|raccoon)',
  'heat ?stroke',
  'out in the sun',
  'tingling',
);

const RELATIVE = new Set(
  'boyfriend girlfriend husband wife ex partner fiance fiancee stepdad stepfather stepmom stepmother dad father mom mother brother sister son daughter uncle aunt cousin roommate grandson granddaughter'.split(' '),
);
const OWNER = new Set(['my', 'her', 'his', 'our', 'their', 'sons', 'daughters', 'kids', 'babys', 'childrens']);
// "is hurt", "got hit": a state, not someone doing it ("is hitting" still is).
const PASSIVE = new Set(['is', 'was', 'whos', 'are', 'were', 'been', 'got', 'get', 'gets']);
const ABUSE = new RegExp(`^${verbForms('hit', 'shove', 'push', 'grab', 'choke', 'strangle', 'slap', 'punch', 'kick', 'beat', 'drag', 'throw', 'slam', 'attack', 'threaten', 'hurt', 'smack', 'bite', 'stomp')}$`);
const ANIMAL = new Set('dog dogs snake spider bee bees cat horse cow bull raccoon bear'.split(' '));
const PERSON_OBJECT = new Set(['me', 'her', 'him', 'us', 'them']);
const PARTICLE = new Set(['up', 'down', 'around', 'on']);

/** The act is done to someone: "shoved me", "beating up my mom", "threw a plate at me"; not "grabbing her chest", "hit his head". */
function onPerson(t: string[], k: number): boolean {
  if (PARTICLE.has(t[k] ?? '')) k++;
  const w = t[k] ?? '';
  if (['my', 'our', 'his', 'her', 'their'].includes(w)) return bodyPart(t[k + 1]) === undefined || w === 'my' || w === 'our' || PERSON_OBJECT.has(t[k + 2] ?? '');
  if (PERSON_OBJECT.has(w)) return true;
  return t.slice(k, k + 4).join(' ').match(/\bat (?:me|her|him|us|them)\b/) !== null;
}

/**
 * Domestic violence: a relative or partner ("my boyfriend", "her husband") within a few words
 * of an act of violence done to a person ("shoved me", "grabbed my throat", "threw a plate at me",
 * "is beating up my mom"), or a threat to kill. "my husband is grabbing his chest" is not.
 */
function domestic(u: Utterance): Span | undefined {
  const t = u.tokens;
  // "husbands" is "husband's" or "husband is" with the apostrophe dropped; "my sisters husband" is owned too.
  const relative = (w: string | undefined) => w !== undefined && (RELATIVE.has(w) || (w.endsWith('s') && RELATIVE.has(w.slice(0, -1))));
  const relatives = t.flatMap((w, i) => (relative(w) && (OWNER.has(t[i - 1] ?? '') || relative(t[i - 1])) ? [i] : []));
  if (relatives.length === 0) return undefined;
  for (let i = 0; i < t.length; i++) {
    // "is hurt" is a state; "a snake bit my husband" is no one of the household.
    const passive = (PASSIVE.has(t[i - 1] ?? '') && !t[i]!.endsWith('ing')) || ANIMAL.has(t[i - 1] ?? '');
    const act = (ABUSE.test(t[i]!) && !passive && onPerson(t, i + 1)) || (t[i] === 'hands' && /^(?:around|on) (?:my|her|his) (?:neck|throat)/.test(t.slice(i + 1, i + 4).join(' ')));
    const threat = t[i] === 'kill' && ['me', 'her', 'us', 'him'].includes(t[i + 1] ?? '');
    if (!(act || threat) || u.isAsked(i) || u.isNegated(i)) continue;
    if (relatives.some((r) => (r < i && i - r <= (threat ? 14 : 10)) || (r > i && r - i <= 5))) return { start: i, end: i + 1 };
  }
  return undefined;
}

export const extractNature: Extractor = (u, emit) => {
  const claimed = new Array<boolean>(u.length).fill(false);
  const found = new Set<string>();
  const abuse = domestic(u);
  if (abuse) {
    // The act is domestic, not also a plain assault ("shoved me", "hit me").
    claimed.fill(true, abuse.start, abuse.end + 3);
    found.add('crime:domestic');
    emit('nature', abuse, 'crime:domestic');
  }
  for (const [nature, re] of NATURES) {
    for (const m of u.matches(re)) {
      if (claimed[m.start] || u.isAsked(m.start) || u.isNegated(m.start)) continue;
      // A car "accident" is traffic; "it was an accident" on a pocket dial is not.
      if (nature === 'accidental' && found.has('traffic')) continue;
      // Bleeding explained by a stabbing or a birth is that nature's, not a second one.
      if (nature === 'medical:bleeding' && found.size > 0) continue;
      // Fumes explain the breathing trouble they cause.
      if (nature === 'medical:breathing' && found.has('hazmat')) continue;
      // What a robber took is the robbery, not a theft besides.
      if (nature === 'crime:theft' && found.has('crime:robbery')) continue;
      claimed.fill(true, m.start, m.end);
      found.add(nature);
      emit('nature', m, nature);
    }
  }
  if ([...found].some((n) => n.startsWith('medical') || n.startsWith('rescue'))) return;
  for (const m of u.matches(MEDICAL)) {
    if (u.isAsked(m.start) || u.isNegated(m.start)) continue;
    // "send an ambulance" after a crash or a stabbing says nothing more than the crash.
    if (found.size > 0 && /ambulance|paramedics|medics/.test(u.words(m))) continue;
    emit('nature', m, 'medical');
    return;
  }
};
