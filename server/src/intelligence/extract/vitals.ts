// The patient: awake, breathing, bleeding, age, injuries. The three vital signs keep the last
// thing said in the segment ("yeah shes breathing shes kind of snoring" is abnormal breathing);
// a specific finding wins over the plain word it contains ("breathing real slow").

import { notHappening } from './nature.js';
import type { Span, Utterance } from './text.js';
import { BODY_PART_WORDS, type Extractor, STOP, bodyPart, phrases, spokenHeight } from './words.js';

interface Reading extends Span {
  value: string;
}

/** What was said last; a specific reading already hides the plain word inside it. */
const lastReading = (readings: Reading[]): Reading | undefined => readings[readings.length - 1];

function read(u: Utterance, table: [string, RegExp][], plain: RegExp, plainValue: (m: Span) => string | undefined): Reading[] {
  const readings: Reading[] = [];
  const covered = new Array<boolean>(u.length).fill(false);
  for (const [value, re] of table) {
    for (const m of u.matches(re)) {
      if (u.isAsked(m.start)) continue;
      readings.push({ ...m, value });
      // The word straight after is the same saying: "it's pouring blood" (the phrase took "it's pouring") is not plain "blood".
      covered.fill(true, m.start, u.pauses[m.end - 1] ? m.end : m.end + 1);
    }
  }
  for (const m of u.matches(plain)) {
    if (covered[m.start] || u.isAsked(m.start)) continue;
    const value = plainValue(m);
    // The raw text of a denial keeps its "not": "hes not breathing" -> "not breathing".
    if (value) readings.push({ ...m, start: u.negator(m.start) ?? m.start, value });
  }
  return readings.sort((a, b) => a.start - b.start);
}

const SUBJECT_BEFORE = new Set('hes shes is still theyre its im are was were he she baby and but conscious pt patient now again'.split(' '));
const NOUN_BEFORE = new Set('his her their the your my watch check monitor of about keep'.split(' '));

const BREATHING: [string, RegExp][] = [
  [
    'abnormal',
    phrases(
      'gasp(?:s|ing)?',
      'agonal',
      'snor(?:e|es|ing)',
      'gurgl(?:e|es|ing|y)',
      'wheez(?:e|es|ing)',
      'breathing (?:real |really |very |so |kind of |kinda |super |pretty )?(?:slow|slowly|fast|hard|funny|weird|strange|shallow|heavy|heavily|deep)',
      // "breathing, but barely", "breathing a little now", "hardly breathing", "can barely breathe".
      'breathing(?: but)? (?:just )?(?:barely|a little)', '(?:barely|hardly) (?:breathe|breathes|breathing)', 'breathing like (?:he|she|they|i) ran',
      'rattly', '(?:making|makes|got) (?:that|a|this) (?:\\w+ )?rattle', 'breathing (?:is )?(?:\\w+ ){0,3}rattl(?:y|ing)', 'huffing(?! (?:out of|from|paint|duster|gas|glue|spray))',
      'whistling when (?:he|she|they|i) breathes?', 'hyperventilating', 'tripoding', 'accessory muscles',
      '(?:cant|cannot|can not) get (?:his|her|my|their) (?:wind|breath)', 'short of wind', '(?:sounds|barking) like a seal',
      '(?:only|can only) (?:say|get out|talk in) (?:like )?(?:\\d|one|two|a few) words', 'a breath every', '\\d+ times a minute',
      'breathings? (?:is )?(?:real |really |very |so )?(?:weird|funny|slow|fast|strange|shallow)',
      'barely breathing',
      '(?:trouble|difficulty) breathing',
      'hard (?:time )?(?:to )?breath(?:e|ing)',
      'cant breathe',
      'cannot breathe',
      'throats? (?:is |feels )?(?:closing|tight)',
      'no can breathe',
      '(?:cant|cannot) breathe (?:good|well|right)',
      'hurts to breathe',
      'short(?:ness)? of breath',
      'cant (?:catch|get) (?:his|her|my|their) breath',
      'struggling to breathe',
      'not breathing (?:normally|right|properly|good|well)',
      '(?:shallow|raspy|rattling|noisy) breathing',
      // "breathing but it's shallow", "breathing but like it's weird and slow", "breathing now but it's like gurgly".
      'breathing(?: now)? but (?:\\w+ ){0,4}(?:shallow|slow|fast|raspy|noisy|weird|funny|strange|gurgly|rattle|hiccuping|hiccupping|wet)',
      // The signs of a child or adult working to breathe, as parents and medics say them.
      '(?:cant|cannot|can not) get (?:any |enough )?air', 'wheezy', 'grunting', 'stridor', 'desatting', 'respirations',
      '(?:chest|ribs|neck|belly|stomach) (?:is |are )?(?:sinking|sucking|pulling|caving) in', '(?:sinking|sucking|pulling|caving) in (?:at|under|between) (?:the |his |her )?(?:ribs|neck|chest)',
      '(?:cant|cannot) take a (?:deep |full |big )?breath', 'no breathe (?:good|well|right)', 'breathes? (?:but )?(?:very |real |really |so )?slow',
      // "his breathing's all wrong, it's noisy", "breathe no good", "a high squeaky sound", "struggling even with the oxygen".
      'breathings? (?:is |s )?(?:all )?(?:wrong|off|noisy)', 'breathe no good', '(?:high |weird )?squeaky (?:sound|noise|breathing)', 'struggling even with',
      '(?:starting|trying|starts) to breathe (?:a little|again)', 'breathing,? (?:yeah,? )?barely',
    ),
  ],
  ['no', phrases('(?:stopped|quit|stops) breathing', 'apneic', 'no air movement', 'no breath(?! (?:sounds? on))', '(?:he|she|they) no breathe(?! (?:good|well|right))', '(?:dont|cant|do not) see (?:his|her|their|the) chest (?:moving|going up)', 'chest (?:isnt|is not|not|aint) (?:moving|going up)')],
  ['yes', phrases('(?<!(?:cant|cannot|not|barely|hardly) )can breathe(?! (?:good|well|right))', '(?:tummy|chest|belly|stomach) (?:is )?(?:going|moving) up and down', 'chest is rising', '(?<!(?:not|isnt|wasnt) )breathing (?:is |seems |looks )?(?:normal|normally|fine|good)')],
];

// A faint or a collapse is the nature (medical:unconscious), not a vital sign: "no" needs the
// caller to say the person does not wake or respond, the corpus convention.
const CONSCIOUS: [string, RegExp][] = [
  ['no', phrases('wont wake up', 'will not wake up', 'wont wake', 'not waking up', 'cant wake (?:him|her|them)', 'cant get (?:him|her|them) to wake up', 'unconscious', 'unresponsive', '(?<!(?:tooth|teeth) (?:\\w+ )?)knocked out(?! (?:his|her|my|a|the|2|some) (?:\\w+ ){0,2}(?:tooth|teeth))', 'out cold', 'wont talk', '(?:wont|cant|can not|cannot) (?:answer|respond)(?! (?:me |to me )?right)', '(?:doesnt|does not|dont|didnt) (?:answer|respond) (?:me|to me|to anything|when i)', '(?:he|she|they) (?:no|not) wake', '(?:not|no|dont) wake up', 'not waking', 'cant (?:hardly |barely )wake',
    // Said in another English: "he no talk, he no move", "she nah answer me", "not answer me".
    '(?:he|she|they) (?:no|nah) (?:talk|answer|respond)', '(?:no|nah|not) answer me', '(?:aint|hasnt|has not|didnt|did not|never) (?:woke|woken) up',
    // "she won't open her eyes", "I can't rouse him", "he's out again", "he's out, I'm shaking him", "won't come around".
    '(?:wont|will not|doesnt|does not|not|no|cant) open (?:his|her|their|the) eyes', 'cant rouse', '(?:she|he) (?:sleep|sleeps|sleeping) and no wake', '(?:hes|shes|theyre both|they are both) (?:totally |completely |just |still )?out(?= again\\b|$| (?:hes |shes )?(?:totally|completely)\\b| (?:im|i am) shaking)', 'breathing but (?:hes|shes) out\\b', 'wont come (?:around|to)\\b')],
  // "he woke up and can't move his arm" tells when it began, not that he is awake (no blind writer labels it).
  ['yes', phrases('(?<!(?:aint|hasnt|havent|didnt|never|not) )woke (?:back )?up(?! and| with| this| at| in| early| like| screaming)', 'opened (?:his|her|their) eyes', '(?<!keep (?:your|his|her|their) )eyes (?:are )?open',
    // "she's coming around", "he's waking up", "dazed", "she knows who I am".
    '(?:coming|came) (?:around|to)(?! (?:the|my|our|his|her|see|get|help|pick))', '(?<!(?:not|isnt|wont|no|keeps|nodding off and then) )waking up', 'dazed', 'knows who (?:i am|she is|he is|we are)', 'sitting up (?:and )?(?:talking|joking|laughing)')],
];
const CONSCIOUS_PLAIN = phrases('awake', 'conscious', 'alert', 'responsive', 'responding', 'answering', 'talking');
const ODD_TALK = new Set('funny gibberish silly weird strange crazy nonsense out like slurred jumbled slow all'.split(' '));
const ALERT_KIND = new Set(['amber', 'medic', 'medical', 'life', 'silver', 'weather']);
const AWAY = /\b(?:went|left|gone|not back|come back|came back|posted|texted|note|tenant|hasnt been seen|custody|took (?:my|our|the)|babysitter|the door|the phone)\b/;

const BLEEDING: [string, RegExp][] = [
  ['no', phrases('(?:bleedings?|blood) (?:has |is |finally )?(?:stopped|slowed down)', 'stopped bleeding')],
  [
    'severe',
    phrases(
      'bleeding (?:a lot|(?:real |really |pretty |so |very )?(?:bad|badly)|heavily|everywhere|all over|so much|like crazy|out|profusely)',
      // "much blood", "blood, so much", "bleeding from his bottom, a lot": how much, said after or in broken English.
      '(?<!not )(?:much|so much) blood', 'blood (?:\\w+ ){0,5}(?:like )?(?:a lot|so much)(?: of it)?',
      'bleeding (?:\\w+ ){1,4}a lot(?! of)',
      '(?:pumping|pouring) (?:out )?blood', 'blood is (?:just )?(?:pouring|pumping|gushing)',
      '(?:cant|cannot|can not) (?:make it|get it to) stop',
      '(?:wont|cant|cannot|can not) stop (?:the )?bleeding',
      '(?:so much|lots of|a lot of) blood',
      'blood everywhere',
      '(?:pool|puddle) of blood',
      '(?:covered|drenched) in blood',
      'blood (?:all over (?:the|everything)|(?:is )?pouring)',
      'pouring (?:out )?blood',
      // Through a towel is severe; through a shirt the writers call plain bleeding (2 of 2).
      'bleeding (?:right )?through (?:the |his |her |my |\\d+ )?(?:towel|towels|bandage|gauze|rag|everything)',
      // A wound that "is pouring", "is pumping", "like a fountain", "soaking the sheets"; not rain, gas or water.
      '(?:its|it is|and its|thats) (?:still |just |really )?(?:pouring|pumping)(?! (?:rain|gas|water|out here))',
      '(?:like )?a fountain',
      '(?:soaking|soaked|soaks) (?:right )?(?:through )?(?:the |his |her |my |\\d+ )?(?:sheets|jeans|pants|bed|towels?|bandage|shirt|everything)',
      'arterial',
      '(?:towel|towels|rag|bandage|shirt)s? (?:is |are )?(?:all )?soaked',
      'gushing',
      'spurting',
      'soaked in blood',
      '(?:soaked|soaking) through',
      'squirting',
      '(?:bleed|bleeding|nosebleed|blood|bloody nose) (?:\\w+ ){0,5}(?:wont|will not|doesnt|isnt) (?:quit|stop|stopping)',
      'bleeding (?:real |really |very )?heavy',
      // "bleeding from her arm pretty bad", "bleeding wicked bad", "a bleeding something awful"; "cut his hand real bad" (writers 3 of 3).
      'bleeding (?:(?!and )\\w+ ){0,4}(?:real|really|pretty|wicked|so|very|awful) bad(?:ly)?', 'bleeding (?:something )?(?:awful|terrible)',
      '(?:cut|sliced|slashed|gashed) (?!up )(?:(?!and )\\w+ ){0,3}(?:real|really|so|pretty|wicked) bad(?:ly)?',
      'bleeding (?:and )?(?:its|it is) (?:a lot|really bad|bad)',
      // A person "leaking bad" is bleeding in the street's word (a tank leaking is a hazard).
      '(?:he|hes|she|shes|im|he is|she is) (?:been |still )?leaking (?:real |really |so )?bad',
    ),
  ],
];
// "blood's coming out of his ear" is typed "bloods"; "his face is all bloody"; not blood given or tested ("a blood drive", "giving blood").
const BLEEDING_PLAIN = phrases('bleeding', 'nosebleeds?', '(?:he|hes|she|shes|im|he is|she is) (?:been |still )?leaking from (?:his|her|my|the)', '(?<!(?:giving|give|gave|donate|donating|donated) )bloods?(?! (?:thinners?|pressure|sugar|work|type|test|clots?|drive|donation|bank))', 'bloody(?! (?:mary|hell))');

// What a number counts when it is no age: "he's been down 10 minutes", "about 20 people".
const COUNTED = 'weeks?|days?|minutes?|hours?|seconds?|percent|feet|foot|ft|inches|pounds|lbs|miles?|mph|degrees|am|pm|oclock|times|of|people|kids|more|blocks|yards|cars|stories|floors|steps|months';
/** Whether the word after a number says what it counts ("20 minutes"), so that the number is no age. */
export const countsSomething = (word: string | undefined): boolean => word !== undefined && new RegExp(`^(?:${COUNTED}|something)$`).test(word);
const PEOPLE = 'son|daughter|wife|husband|mom|mother|dad|father|grandpa|grandma|grandfather|grandmother|grandson|granddaughter|uncle|aunt|brother|sister|boyfriend|girlfriend|neighbor|roommate|baby|child|kid|boy|girl|toddler';
const ABOUT = '(?:like |about |around |maybe |only |just |almost |nearly |over |probably |approximately |roughly )?';
/** A decade of life as said, as labelled: "twenties" -> "20s". */
export const DECADES: Readonly<Record<string, string>> = { teens: 'teens', twenties: '20s', thirties: '30s', forties: '40s', fifties: '50s', sixties: '60s', seventies: '70s', eighties: '80s', nineties: '90s' };
const AGE_RE = new RegExp(
  '\\b(?:hes|shes|im|he is|she is|i am|theyre|whos|who is|age|aged|age is|turned|looks|looks about|' +
    `(?:${PEOPLE}|patient|friend|driver|victim|man|woman|guy|lady) is|` +
    // "my mom's seventy nine", "the baby's eleven months" typed without the apostrophe's "is"
    `(?:my|his|her|our|the) (?:${PEOPLE})s|teenager) ` +
    `${ABOUT}(\\d{1,3})(?! (?:${COUNTED}|something|and a half|[a-z]+ (?:street|avenue|road|lane|drive|court)))\\b` +
    '|\\b(\\d{1,3}) (?:years? old|yrs? old|y o|yo)\\b' +
    '|\\b(\\d{1,2}) (months?|weeks?|days?) old\\b' +
    // "she's eight months" without "old", but not "eight months pregnant" or "along"
    `|\\b(?:hes|shes|(?:my|his|her|our|the) (?:${PEOPLE})s|(?:${PEOPLE}) is) ${ABOUT}(\\d{1,2}) (months?)\\b(?! (?:pregnant|along|ago|now|since|later|back|in|of|into))` +
    `|\\b(?:in (?:his|her|their)|like|maybe|about|around|probably) (?:early |mid |late )?(${Object.keys(DECADES).join('|')}|\\d0s)\\b` +
    // "thirty something": the decade
    '|\\b([2-9]0) something\\b',
  'dg',
);

const PREGNANT = /\b(?:pregnant|labor|contractions|due|water broke|having the baby|having a baby|pushing)\b/;

function ages(u: Utterance): Reading[] {
  const out: Reading[] = [];
  for (const m of u.matches(AGE_RE)) {
    const [said, years, small, unit, bare, bareUnit, decade, something] = m.groups.map((g) => (g ? u.words(g) : undefined));
    if (said !== undefined && spokenHeight(u, m.groups[0]!.start)) continue; // "he's about five nine" is a height
    const n = Number(said ?? years);
    if ((said ?? years) !== undefined && n <= 120) out.push({ ...m, value: String(n) });
    else if (bare && PREGNANT.test(u.text)) continue; // "she's pregnant, like seven months" is how far along
    else if ((small ?? bare) && (unit ?? bareUnit)) out.push({ ...m, value: `${Number(small ?? bare)} ${(unit ?? bareUnit)!.endsWith('s') ? (unit ?? bareUnit) : `${unit ?? bareUnit}s`}` });
    else if (decade) out.push({ ...m, value: DECADES[decade] ?? decade });
    else if (something) out.push({ ...m, value: `${something}s` });
  }
  // "my husband, sixty four, chest hurting", "male, sixty two,", "she's old, ninety": a number set
  // off by typed pauses right after who it is.
  u.tokens.forEach((t, i) => {
    const n = Number(t);
    // "black male, six two," is his height.
    if (/^\d{1,3}$/.test(t) && n >= 1 && n <= 110 && u.setOff(i, i + 1) && SAID_OF.test(u.tokens[i - 1]!) && !spokenHeight(u, i) && !out.some((r) => r.start <= i && i < r.end)) out.push({ start: i, end: i + 1, value: t });
  });
  // "seventy something, seventy four I think", "forty, no, forty one": the exact age said next, in
  // the same decade, is the age.
  return out.map((r) => {
    let k = r.end;
    while (RESAY.has(u.tokens[k] ?? '')) k++;
    const next = u.tokens[k] ?? '';
    return k - r.end <= 3 && /^\d\d$/.test(next) && next !== r.value && next[0] === r.value[0] && /^\d0s?$/.test(r.value) ? { ...r, end: k + 1, value: next } : r;
  });
}
const SAID_OF = new RegExp(`^(?:${PEOPLE}|man|woman|male|female|lady|guy|old|elderly)$`);
const RESAY = new Set(['no', 'i', 'think', 'actually', 'sorry', 'wait', 'maybe', 'or', 'like', 'guess', 'mean']);

// Injuries: a kind and a body part ("broke her hip" -> "broken hip"), or the part alone when only
// hurt ("hit her head" -> "head"). Swelling is no kind: writer3 and writer5 (blind) label a swollen ankle "ankle"; nor
// is a gash or a slice, which the writers label by the part (gash 9 of 9 lines, sliced 5 of 7).
const KIND: Record<string, string> = {
  broke: 'broken', broken: 'broken', fractured: 'broken', cut: 'cut', sliced: '', gashed: '', scalded: 'burned', burned: 'burned', burnt: 'burned', burn: 'burned',
  bruised: 'bruised', twisted: 'twisted', sprained: 'sprained', dislocated: 'dislocated', split: 'split', swollen: '', shot: '', stabbed: '', blistered: 'burned',
  crushed: 'crushed',
};
const PLAIN = 'hurt|hurts|hurting|injured|hit|banged|bumped|smashed|smacked|whacked|slammed|knocked|punched|bleeding|kicked|stomped|stomping|bloody|busted|bit|bitten|scraped|skinned|stung|pinched|jammed|mangled|cracked|tore|torn|ripped';
// A wound named as a noun and where it is: "a cut on his forehead", "a gunshot wound in his leg", "burns on her arms".
const WOUND_NOUN: Record<string, string> = {
  cut: 'cut', cuts: 'cut', gash: '', laceration: 'cut', burn: 'burned', burns: 'burned', bruise: 'bruised', bruises: 'bruised',
  'gunshot wound': '', 'bullet wound': '', 'stab wound': '', wound: '', bump: '', lump: '', knot: '', 'goose egg': '', 'road rash': '', glass: '', splinter: '', hole: '', puncture: '', 'bite marks': '', bite: '', scrape: '', scrapes: '', blisters: 'burned',
  welts: '', welt: '', marks: '', scratches: '',
};
const KINDS = Object.keys(KIND).join('|');
const PART = `(${BODY_PART_WORDS})`;
// Whose, which side, and which face of the part: "the back of his head" is the head.
const OWNER = '(?:(?:my|his|her|their|the|a|left|right|upper|lower|both|whole) ){0,3}(?:(?:back|side|top|front) of (?:(?:the|his|her|my|their) ))?';
// How often, between the act and where: "stabbed twice in the back".
const TIMES = '(?:(?:twice|once|again|multiple times|several times|a few times|\\d+ times) )?';
// Whom a verb hurt, before where: people and the animals that bite.
const HURT_WHO = 'husband|wife|son|daughter|brother|sister|mom|mother|dad|father|kid|child|baby|boyfriend|girlfriend|friend|guy|man|woman|lady|person|boy|girl|grandma|grandpa|grandmother|grandfather|grandson|granddaughter|stepdad|stepmom|cousin|uncle|aunt|nephew|niece|roommate|coworker|buddy|neighbor|dog|snake|cat|spider|horse|cow|bull|steer|mule';
const INJURY_RE = new RegExp(
  [
    `\\b(${KINDS}|${PLAIN}) (?:(?:me|him|her|them|himself|herself|myself|themselves) )?(?:up |open )?${TIMES}(?:(?:in|on|across) (?:the|his|her|my|both) )?${OWNER}${PART}\\b`,
    `\\b(?:bleeding|bloods?|gushing|pouring|spurting|pumping) (?:[a-z]+ ){0,2}(?:from|out of) ${OWNER}${PART}\\b`,
    // "her wrist might be broken", "his leg looks broken", "his ankle is all swollen"
    `\\b${PART} (?:(?:is|are|looks|look|feels|seems|might be|may be|could be|must be|is probably|got) )?(?:really |very |all |kind of |pretty |totally |just )?(${KINDS}|hurts|hurt|hurting|bleeding|injured|busted|scraped|bloody|messed|banged|bent|killing|smashed|crushed|mangled|hanging off|wrong|deformed|crooked|gushing|pouring|spurting|squirting|pumping|gone(?! (?:numb|limp|dead|weak|slack|droopy|soft|funny|crooked|cold|stiff|blue|white|purple|all|completely|totally|to|out)))\\b`,
    `\\b(${Object.keys(WOUND_NOUN).join('|')}) (?:stuck )?(?:on|in|to|across|over|all over|all down|down|above|below|under|near) ${OWNER}${PART}\\b`,
    // "cut another man's hand", "slashed the bartender's face", "came down on a guy's legs": a part named by whose it is.
    `\\b(?:${KINDS}|${PLAIN}|slashed|grabbed|came down on) (?:the|a|an|another|my|his|her|their|our|some|that|this) (?:(?!(?:and|or|his|her|their|my)\\b)[a-z]+ ){0,2}(?!(?:his|hers|its|this|is|was|as|us|yes)\\b)[a-z]+s ${PART}\\b`,
    // "bit my husband on the ankle", "kicked the guy in the stomach": who was hurt, then where.
    // "got kicked by the horse in the chest", "stuck my friend in the ribs" (stabbed him).
    `\\b(${KINDS}|${PLAIN}|stuck) (?:by )?(?:(?:my|his|her|the|our|a|this|that|some|neighbors|neighbor) ){0,2}(?:${HURT_WHO}) ${TIMES}(?:right )?(?:on|in) ${OWNER}${PART}\\b`,
    // An open fracture as callers see it: "the bone is sticking out of his leg".
    `\\bbones? (?:is |are )?(?:sticking|poking|coming) (?:out|through) (?:of )?${OWNER}${PART}\\b`,
    // "fell on her hip", "landed on his shoulder": where the fall hurt; "ran over his foot", "the horse stepped on his foot": where a wheel or a hoof did.
    `\\b(?:(?:landed|fell|falling|landing) (?:right |hard |flat )?on|(?:ran|run|rolled|drove) over|(?:stepped|stomped) on) ${OWNER}${PART}\\b`,
    // Something driven into a part is where he is hurt: "a nail went through his foot", "glass in her shin", "metal in his eye".
    // "something" only driven in ("something went into his eye", "got something in his eye"): "he has something in his hand" holds it.
    `\\b(?:(?:nail|glass|splinter|metal|shard|fishhook|hook|stick|branch|screw|blade) (?:(?:went|got|is|was|stuck|lodged|sticking|right|all the way) ){0,2}|(?:got something|something (?:(?:went|got|stuck|lodged|sticking|right|all the way) ){1,2}) )(?:in|into|through) ${OWNER}(${BODY_PART_WORDS})\\b`,
    // What went through a part: "it went right through his hand" (a bullet, a nail).
    `\\b(?:went|goes|gone|go) (?:right |clean |all the way )?through ${OWNER}(${BODY_PART_WORDS})\\b`,
    // A part caught in a machine or a door: "got his hand caught in the snowblower", "got her fingers slammed in the door".
    `\\bgot (?:his|her|my|their) (${BODY_PART_WORDS}) (?:crushed|slammed|smashed|jammed|pinched)\\b`,
    // "a head injury", "back injuries": the part alone.
    `\\b${PART} (?:injury|injuries|wound|wounds|trauma)\\b`,
    // Where it hurts, said as a complaint or as the blood on it (chest pain is the nature's).
    `\\b(?:complaining (?:about|of)|pain in|blood (?:all )?(?:over|on)) ${OWNER}(?!chest|stomach|belly|abdomen)${PART}\\b`,
  ].join('|'),
  'dg',
);
// Said of a part alone, the kind given: "a black eye", "a bloody nose", "knocked two of his teeth out", "broke a bone in her foot".
const MORE_INJURIES: [RegExp, string][] = [
  [new RegExp(`\\b(?:black|bloody|busted|fat) (eyes?|nose|lips?)\\b(?! patch)`, 'dg'), ''],
  [/\bknocked (?:\w+ ){0,3}(teeth|tooth) out\b/dg, ''],
  [/\bknocked out (?:(?:his|her|my|their|both|a|the|front|of|\d+) ){0,4}(teeth|tooth)\b/dg, ''],
  [/\b(teeth|tooth) (?:got |was |were )?knocked out\b/dg, ''],
  [new RegExp(`\\b(?:broke|broken|fractured) (?:a|the|some|two|both) bones? in ${OWNER}${PART}\\b`, 'dg'), 'broken'],
  // "can't move her shoulder" after a fall (not a stroke's left or right side), "threw his back out", "his shoulder popped out".
  [/\b(?:cant|can not|cannot|wont|unable to) move (?:his|her|my|their) (shoulder|neck|wrist|ankle|knee|hip|elbow|fingers?|thumb)\b/dg, ''],
  [/\bthrew (?:his|her|my|their) (back) out\b/dg, ''],
  // A part caught in a machine, then said to be crushed: "got his hand caught in the winch, it's crushed".
  [new RegExp(`\\b(?:his|her|my|their) ${PART} (?:got |is |was )?(?:caught|stuck|pinned|trapped|pulled in)\\b(?: [a-z]+){0,10}? (?:its|it is|theyre|they are|it got) (?:all |really |totally )?crushed\\b`, 'dg'), 'crushed'],
  [new RegExp(`\\b${PART} (?:popped|pops|came|slipped) out\\b`, 'dg'), ''],
  // Someone struck, then where: "punched the bus driver in the face", "hit me over the head with a bottle".
  [new RegExp(`\\b(?:hit|punched|kicked|struck|smacked|slapped|socked|elbowed|headbutted) (?:me|him|her|them|us|(?:the|my|his|her|a|this|that) (?:\\w+ )?(?:${HURT_WHO}|cashier|clerk|driver|officer|bartender|teacher|nurse|customer|worker|guard|referee|ref|manager)) (?:right |hard |twice |again )?(?:in|on|over) (?:the|his|her|my) ${PART}\\b`, 'dg'), ''],
  // "got me in the arm", "the dog got her on the arm": what struck or bit, said as "got".
  [new RegExp(`\\bgot (?:me|him|her|them|us) (?:right |good )?(?:in|on) (?:the|his|her|my) ${PART}\\b`, 'dg'), ''],
  [new RegExp(`\\b(?:got|was|been|get) (?:hit|smacked|struck|kicked|punched|clubbed|bashed) (?:\\w+ ){0,2}(?:in|on|over) (?:the|his|her|my) ${PART}\\b`, 'dg'), ''],
];
// Words after a body part word that make it something else: "back door", "head start".
// "the back of a horse trailer" is a thing's back (a person's is read whole: "the back of his head").
const NOT_BODY = new Set(['door', 'doors', 'yard', 'seat', 'porch', 'window', 'room', 'steps', 'deck', 'gate', 'lot', 'end', 'start', 'light', 'lights', 'rest', 'road', 'of']);
// "stabbed in the side", "holding his side": the side is where only after these; holding a part shows where it hurts (the chest is the nature's).
const SIDE_RE = new RegExp(`\\b(?:stabbed|stuck|shot|cut|hit|kicked|punched|holding|clutching|grabbing) (?:him |her |me |(?:my|his|her|the|a) (?:${HURT_WHO}) )?(?:in )?(?:the|his|her|my) (?:left |right )?side\\b(?! of)`, 'dg');
// Not a chest (the nature's pain), a hand held, or a throat or neck clutched by someone choking.
const HOLDING_RE = new RegExp(`\\b(?:holding|clutching|grabbing) (?:his|her|my|their) (?:left |right )?(?!chest|hands?\\b|throat|neck)${PART}\\b`, 'dg');
const ALLERGY_WORDS = /\b(?:allergic|allergy|reaction|stung|sting|bee|wasp|peanuts?|shellfish|hives|epi ?pen|itching)\b/;
// A shooting or a stabbing is the nature; its injury is only where ("shot in the leg" -> "leg").
const WOUND_RE = phrases('smoke inhalation', 'concussion', '(?:a|little|small|deep|bad|big) (?:cut|gash|laceration)');

// A stabbing, a shooting or a cut in the line, whose place may be said apart.
const WOUND_ACT = /\b(?:stabbed|stabbing|knifed|slashed|shot|cut|sliced|bit|bitten|poked|shanked)\b/;
const WOUND_PLACE_RE = new RegExp(`\\b(?:(?:in|on|across|its) )?(?:the|his|her|my) (?:left |right )?(${BODY_PART_WORDS})\\b`, 'dg');

/** Body parts listed after a first one: "and face", "and his neck", ", arms and legs", "or maybe his leg". */
function alsoParts(u: Utterance, from: number): (Span & { part: string })[] {
  const found: (Span & { part: string })[] = [];
  let k = from;
  while (u.tokens[k] === 'and' || u.tokens[k] === 'or') {
    let p = k + 1;
    if (u.tokens[p] === 'maybe') p++;
    while (['his', 'her', 'my', 'their', 'the', 'left', 'right', 'both'].includes(u.tokens[p] ?? '')) p++;
    const part = bodyPart(u.tokens[p]);
    if (!part) break;
    found.push({ start: k + 1, end: p + 1, part });
    k = p + 1;
  }
  return found;
}

// Parts no caller names on a call unless they are hurt (the trainable writers label each such mention an injury).
const HURT_WHEN_NAMED = new Set('ankle knee kneecap hip wrist thumb toe collarbone tailbone elbow shin pelvis'.split(' '));
const OWNERS = new Set(['his', 'her', 'my', 'their']);
// Limbs, named as someone's only when something happened to them (a face or eyes swell in an
// allergy, a part caught in a machine is the rescue's: the writers label neither as an injury).
const LIMBS = new Set('arm leg hand foot finger toe forearm thigh calf shin head'.split(' '));
const HARM_NEAR = 5;
const LANDED_ON = new Set(['down', 'fell', 'dropped', 'landed', 'burst', 'stepped', 'stomped', 'rolled']);
const HARM = /\b(?:bleed|bleeding|blood|bloody|squirting|spurting|gushing|pouring|crushed|torn|tore|bit|bite|bites|bitten|biting|mauled|chainsaw|glass|bone|twisted|bent|mangled|road rash|burst|cut|sliced|gash|wide open|stabbed|shot|bullet|burned|burnt|scalded|boiling|peeling|blistered|broke(?! out)|broken|fractured|wound|split|run over|ran over|pinned|wedged|smashed|smashing|skin off|bad way|looks (?:real |really )?bad)\b/;

/** A kind of injury said within nine words after the part at `i` ("his arm is definitely broken"). */
const kindSaidAfter = (u: Utterance, i: number): string | undefined => u.tokens.slice(i + 1, i + 10).find((w) => KIND[w]);

function injuries(u: Utterance): Reading[] {
  const out: Reading[] = [];
  for (const m of u.matches(INJURY_RE)) {
    const g = m.groups.map((s) => (s ? u.words(s) : undefined));
    const [verb1, part1, part2, part3, adjective, wound, part4, partWhose, verb2, part5, part6, partFall, partIn, partThrough, partCaught, part7, partSaid] = g;
    const verb = verb1 ?? verb2 ?? (part6 !== undefined ? 'broken' : undefined);
    const part = bodyPart(part1 ?? part2 ?? part3 ?? part4 ?? partWhose ?? part5 ?? part6 ?? partFall ?? partIn ?? partThrough ?? partCaught ?? part7 ?? partSaid);
    // "kicked in my back door": a part of a house, not of a person; two cars that "hit head on" (or "hit us head on") collided;
    // "the chainsaw kicked back", "stabbed back in the eighties": back as an adverb, no one's back.
    if (!part || (part3 === undefined && NOT_BODY.has(u.tokens[m.end] ?? '')) || (part === 'head' && u.tokens[m.end] === 'on' && (u.tokens[m.end - 2] === verb1 || (/^(?:me|him|us|them|it)$/.test(u.tokens[m.end - 2] ?? '') && u.tokens[m.end - 3] === verb1)))) continue;
    if (part === 'back' && verb1 !== undefined && m.end - m.start === 2) continue;
    // "got his hand crushed": the kind is the word after the part.
    const kind = wound !== undefined ? WOUND_NOUN[wound] : KIND[verb ?? adjective ?? (partCaught !== undefined ? u.tokens[m.end - 1]! : '')];
    // "her left hip hurts": the part starts the phrase. A chest that hurts is the nature's pain, as
    // the blind writers label it ("my chest is hurting"), not an injury; a chest crushed or bruised is one.
    const start = part3 !== undefined ? m.groups[3]!.start : m.start;
    if (['chest', 'stomach', 'belly', 'abdomen'].includes(part) && part3 !== undefined && /^(?:hurts|hurt|hurting|killing)$/.test(adjective ?? '')) continue;
    // Blood from the mouth of someone coughing or throwing it up is a bleed inside, not a wound there;
    // a mouth or face gone crooked is a stroke's, a face swollen in an allergy the allergy's (the
    // trainable writers label none of these an injury).
    if (part2 !== undefined && part === 'mouth' && /\b(?:coughing|throwing|vomiting|spitting|puking) (?:up )?blood\b/.test(u.text)) continue;
    if (part3 !== undefined && ['mouth', 'face', 'lip', 'tongue'].includes(part) && (/^(?:crooked|wrong)$/.test(adjective ?? '') || (adjective === 'swollen' && ALLERGY_WORDS.test(u.text)))) continue;
    // A throat in an allergy closes ("got stung his throat is swelling"): the allergy's, not a wound.
    if (part === 'throat' && ALLERGY_WORDS.test(u.text)) continue;
    if (u.isAsked(start) || u.isNegated(start)) continue;
    out.push({ ...m, value: kind ? `${kind} ${part}` : part });
    // "burns on her arms and face": the same kind on each part listed.
    if (part3 === undefined) for (const more of alsoParts(u, m.end)) out.push({ ...more, value: kind ? `${kind} ${more.part}` : more.part });
  }
  for (const [re, kind] of MORE_INJURIES) {
    for (const m of u.matches(re)) {
      const part = bodyPart(u.words(m.groups[0]!));
      if (part && !u.isAsked(m.start) && !u.isNegated(m.start) && !out.some((r) => r.start < m.end && r.end > m.start)) out.push({ ...m, value: kind ? `${kind} ${part}` : part });
    }
  }
  for (const m of u.matches(SIDE_RE)) if (!u.isAsked(m.start) && !u.isNegated(m.start)) out.push({ ...m, value: 'side' });
  for (const m of u.matches(HOLDING_RE)) if (!u.isAsked(m.start) && !u.isNegated(m.start) && !out.some((r) => r.start < m.end && r.end > m.start)) out.push({ ...m, value: bodyPart(u.words(m.groups[0]!))! });
  // Where a wound is, said apart after it: "he stabbed him with a screwdriver, in the neck", "cut with a box cutter, her arm".
  // Or after it, "in" or "on" a part: "he stabbed my uncle with an ice pick, it's in his chest".
  const act = WOUND_ACT.exec(u.text);
  if (out.length === 0 && act) {
    const after = u.text.slice(0, act.index).split(' ').length - 1;
    for (const m of u.matches(WOUND_PLACE_RE)) {
      const part = bodyPart(u.words(m.groups[0]!));
      const between = u.setOff(m.start, m.end);
      const placed = m.start > after && /^(?:in|on|across|its)$/.test(u.tokens[m.start] ?? '');
      if (part && (between || placed) && !u.isNegated(m.start) && !u.isAsked(m.start)) {
        out.push({ ...m, value: part });
        if (placed) break;
      }
    }
  }
  // A joint or a small bone callers name only when it is hurt: "his ankle's all swole up", "she's crying about her hip".
  if (out.length === 0) {
    u.tokens.forEach((t, i) => {
      const part = bodyPart(t);
      // ("a long coat down to his knees" is how long the coat is.)
      const length = /^(?:down|up) to$/.test(u.tokens.slice(Math.max(0, i - 3), i - 1).join(' '));
      if (part && HURT_WHEN_NAMED.has(part) && OWNERS.has(u.tokens[i - 1] ?? '') && !length && !u.isAsked(i) && !u.isNegated(i) && !out.some((r) => r.value === part || r.value.endsWith(` ${part}`))) {
        // The kind said of it after: "her collarbone is sticking up, i think its broken".
        const near = kindSaidAfter(u, i);
        out.push({ start: i - 1, end: i + 1, value: near ? `${KIND[near]} ${part}` : part });
      }
    });
  }
  // A limb named as someone's within five words of harm done ("he put his arm through the glass
  // door, there's blood everywhere", "the pit bull bit my daughter's leg"): the part is the injury,
  // as the blind writers label it. Not where someone lies ("on his back") or a trunk part.
  if (out.length === 0) {
    u.tokens.forEach((t, i) => {
      const part = bodyPart(t);
      if (!part || !LIMBS.has(part)) return;
      // "his arm", "the dog's leg", "a little girl's arm"; "shot her in the arm", "grabbed him by the leg".
      const possessive = /^[a-z]+s$/.test(u.tokens[i - 1] ?? '') && !STOP.has(u.tokens[i - 1]!) && [u.tokens[i - 2], u.tokens[i - 3]].some((w) => ['a', 'the', 'my', 'his', 'her'].includes(w ?? ''));
      const owned = OWNERS.has(u.tokens[i - 1] ?? '') || possessive || (u.tokens[i - 1] === 'the' && ['in', 'by'].includes(u.tokens[i - 2] ?? ''));
      // Not where someone lies ("on his back", "under her arm"), but what came down on it ("a lift came down on a guy's legs").
      const lies = ['on', 'onto', 'under', 'off'].includes(u.tokens[i - 2] ?? '') && !LANDED_ON.has(u.tokens[i - 3] ?? '');
      if (!owned || lies || u.isAsked(i) || u.isNegated(i)) return;
      if (!HARM.test(u.tokens.slice(Math.max(0, i - HARM_NEAR), i + HARM_NEAR + 1).join(' '))) return;
      // The kind said of it after ("his arm is definitely broken", "two fingers, they're cut deep"), or
      // done to it before ("burned bad by a splash of metal, his arm"; not what else broke, "a beaker broke").
      const near = kindSaidAfter(u, i) ?? u.tokens.slice(Math.max(0, i - 8), i).find((w) => KIND[w] && !w.startsWith('broke'));
      const value = near ? `${KIND[near]} ${part}` : part;
      if (!out.some((r) => r.value === value)) out.push({ start: i - 1, end: i + 1, value });
    });
  }
  // "his nose is broken, he's bleeding from his nose": the part alone says no more than "broken nose".
  const kinds = out.filter((r) => r.value.includes(' '));
  out.splice(0, out.length, ...out.filter((r) => !kinds.some((k) => k.value.endsWith(` ${r.value}`))));
  for (const m of u.matches(WOUND_RE)) {
    if (u.isAsked(m.start) || u.isNegated(m.start)) continue;
    const w = u.words(m);
    const value = /cut|gash|laceration/.test(w) ? 'cut' : w;
    if (!out.some((r) => r.start < m.end && r.end > m.start)) out.push({ ...m, value });
  }
  return out;
}

export const extractVitals: Extractor = (u, emit) => {
  const breathing = read(u, BREATHING, /\bbreathing\b/dg, (m) => {
    if (u.isNegated(m.start)) return 'no';
    const before = u.tokens[m.start - 1] ?? '';
    // "awake. breathing.": said as an answer of its own, after a pause.
    return NOUN_BEFORE.has(before) || !(SUBJECT_BEFORE.has(before) || m.start === 0 || u.pauses[m.start - 1]) ? undefined : 'yes';
  });
  const conscious = read(u, CONSCIOUS, CONSCIOUS_PLAIN, (m) => {
    const before = u.tokens[m.start - 1] ?? '';
    // "shes talking to me" is awake; "i cant keep her talking" says nothing yet.
    if (u.tokens[m.start] === 'talking' && ((!SUBJECT_BEFORE.has(before) && before !== 'not') || u.tokens[m.start + 1] === 'about')) return undefined;
    // "he can't stay awake", "I can't keep him awake" is drowsy, neither awake nor out.
    if (before === 'stay' || before === 'keep' || u.tokens[m.start - 2] === 'keep') return undefined;
    // "talking funny", "talking gibberish" is how a stroke or a low sugar sounds, not a sign of being awake.
    if (u.tokens[m.start] === 'talking' && (ODD_TALK.has(u.tokens[m.start + 1] ?? '') || /^to (?:him|her)self/.test(u.tokens.slice(m.start + 1, m.start + 3).join(' ')))) return undefined;
    // "a Medic Alert button", "the Amber alert": a device or a warning.
    if (u.tokens[m.start] === 'alert' && (ALERT_KIND.has(before) || ['button', 'buttons', 'bracelet', 'necklace', 'pendant', 'company', 'system', 'service'].includes(u.tokens[m.start + 1] ?? ''))) return undefined;
    // "he's not answering his phone": someone out of touch, not unconscious.
    if (/^(?:answering|responding) (?:(?:his|her|their|my|the) )?(?:phone|door|texts|calls|messages)/.test(u.tokens.slice(m.start, m.start + 3).join(' '))) return undefined;
    if (u.isNegated(m.start)) return 'no';
    return NOUN_BEFORE.has(before) ? undefined : 'yes';
  });
  // "he went hunting and he's not answering", "my ex took our son and he won't answer": someone out
  // of touch somewhere else, not someone out (one still "answering me" is on the line).
  const outOfTouch = (r: Reading) => AWAY.test(u.text) && ((r.value === 'no' && /\banswer/.test(u.words(r))) || (u.tokens[r.end - 1] === 'answering' && u.tokens[r.end] !== 'me'));
  conscious.splice(0, conscious.length, ...conscious.filter((r) => !outOfTouch(r)));
  const bleeding = read(u, BLEEDING, BLEEDING_PLAIN, (m) => (u.isNegated(m.start) ? 'no' : 'yes'));
  // "there's fake blood all over the food court, it's not real": what is not happening has no vital signs.
  for (const [type, readings] of notHappening(u) ? [] : ([['breathing', breathing], ['conscious', conscious], ['bleeding', bleeding]] as const)) {
    const last = lastReading(readings);
    if (last) emit(type, last, last.value);
  }
  for (const r of ages(u)) emit('patient_age', r, r.value);
  // "bleeding from his head" also names the injury, and "smoke inhalation" is not "smoke".
  for (const r of injuries(u)) emit('injury', r, r.value);
};
