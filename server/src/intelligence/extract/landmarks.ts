// Landmarks: places callers give instead of, or beside, an address: a business or public
// place ("by the walmart", "across from the marina"), a named one ("oak ridge subdivision"), or a
// home placed against ("in front of my house", "at his mom's house").

import type { Span, Utterance } from './text.js';
import { COLOURS, CORRECTION, type Put, STOP, lexiconTags, streetSuffix } from './words.js';

// Chains callers name by brand alone, a place whatever comes before it ("the kroger on harding").
// Words that are also something else ("target", "shell" stay: callers say them of the store) are
// left out when the other sense is common on a call: subway, chase, giant, marathon, outback.
export const BRANDS = new Set(
  ('walmart mcdonalds kroger costco starbucks walgreens cvs safeway publix aldi meijer wendys sunoco exxon chevron mobil wawa sheetz target lowes shell citgo valero arco marriott hilton hyatt dennys ihop applebees chilis kohls ' +
    'dunkin texaco sinclair amoco sears kmart vfw autozone popeyes kfc arbys hardees chipotle panera whataburger culvers zaxbys bojangles menards petsmart petco macys dillards ikea heb wegmans shoprite albertsons ralphs vons hooters goodwill amtrak').split(' '),
);
// Places people give as landmarks. A weak head needs a name before it ("lincoln tower", "post office").
export const STRONG_HEADS = new Set([
  ...('church school park pharmacy laundromat marina billboard hospital library gym mall college university trailhead waterfall bridge cemetery stadium speedway playground store supermarket restaurant diner motel hotel warehouse factory bleachers creek river lake pond pool mill forest sac depot airport ' +
    'beach elevator alley subdivision estates bar pub tavern cafe pizza pizzeria salon daycare clinic trail dock pier barn campground campsite canal nightclub ' +
    'overpass underpass farm theater theatre casino ymca courthouse bank museum zoo arena mosque synagogue temple shelter quarry ' +
    'apartments dorms dorm lobby club woods lab path pit storage pavilion courts fairgrounds ' +
    'dam dumpster dumpsters neighborhood bodega grounds shack hut cellar causeway substation viaduct dunes fountain windmill boardwalk arcade orchard feedlot chapel bandshell market rink concession ' +
    'jetty jetties sandbar reservoir pasture lumberyard stockyards stockyard resort brewery levee ballfield checkpoint plaza ' +
    'wharf waterpark vineyard trestle swamp mausoleum inlet chairlift gondola nursery overlook tunnel winery homestead bunkhouse slaughterhouse sawmill clubhouse atm roundabout'
  ).split(' '),
  ...BRANDS,
]);
// A grill and a mailbox are places only named ("Tony's Grill", "the cluster mailboxes"): writers label the plain ones 2 of 9 and 1 of 11 times.
export const WEAK_HEADS = new Set('place tower office lot chimney exit hall terrace center complex supply field fields station tracks general area stop bin garage inn ramp shop site plant launch wash home pumps camp dairy ranch lodge housing villas shed grill mailbox mailboxes village landing pantry maze spur'.split(' '));
// Places said with their number: "motel six", "fire station twenty three".
const NUMBERED_HEADS = new Set(['motel', 'station', 'pier', 'terminal', 'gate']);
const LANDMARK_CUES = new Set('by near from to behind of opposite beside above below under along past before after at outside inside in into on through toward towards across around theres see was is its called named'.split(' '));
const ARTICLES = new Set(['the', 'a', 'an']);
// Going somewhere names no place: "walking home", "driving home from work".
export const MOTION = new Set('walking driving going coming came come went got heading headed running ran riding biking getting way'.split(' '));
// Size is dropped ("the big church" -> "church"); age tells places apart and stays ("the old mill").
const SIZE = new Set(['big', 'small', 'little', 'huge', 'tiny', 'large']);
const WHICH_ONE = new Set(['first', 'second', 'third', 'fourth', 'fifth', 'next', 'wrong', 'closed', 'shuttered']);

const modifierWord = (w: string | undefined): boolean => w !== undefined && !STOP.has(w) && !LANDMARK_CUES.has(w) && !/\d/.test(w);

// Common words that join two place nouns into one ("school football field"); a proper name
// between them starts a new landmark instead ("the college hawthorne hall").
const COMPOUND = new Set('high middle elementary junior senior primary football soccer baseball softball community state county city public fire police post water gas grain parking lookout bus train mobile trailer boat league'.split(' '));

const isHead = (w: string): boolean => STRONG_HEADS.has(w) || WEAK_HEADS.has(w);

function laterHead(t: string[], i: number): boolean {
  for (let j = i + 1; j <= i + 2 && modifierWord(t[j]); j++) {
    if (isHead(t[j]!)) return true;
    if (!COMPOUND.has(t[j]!)) return false;
  }
  return false;
}

/**
 * The words as typed, but numbers said in words as digits ("the forty second street station": 42nd
 * street station, "the route eleven bridge": route 11 bridge); a count opening a name stays as said
 * ("the Three Rivers feedlot").
 */
function placeWords(u: Utterance, span: Span): string {
  const parts: string[] = [];
  let from = span.start;
  for (let k = span.start; k <= span.end; k++) {
    if (k < span.end && (!/\d/.test(u.tokens[k]!) || (k === span.start && /^\d+$/.test(u.tokens[k]!)))) continue;
    if (from < k) parts.push(u.raw(from, k));
    if (k < span.end) parts.push(u.tokens[k]!);
    from = k + 1;
  }
  return parts.join(' ');
}

/**
 * A place as said, lowercase, keeping a typed apostrophe or a hyphen inside a word ("joe's diner",
 * "the cul-de-sac"); a head said with "is" joined to it is the head ("the barn's on fire": barn).
 */
export const placeName = (u: Utterance, span: Span): string =>
  placeWords(u, span)
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/(?<![\p{L}\p{N}])-|-(?![\p{L}\p{N}])/gu, ' ')
    .replace(/[^\p{L}\p{N}' -]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/'s$/, (said, at: number, whole: string) => (isHead(whole.slice(0, at).split(' ').at(-1)!) ? '' : said));

// Chains callers name by brand, whose last word is no place on its own ("the dairy queen", "the circle k").
const CHAIN_RE = new RegExp(
  `\\b(?:${'dairy queen|circle k|food lion|taco bell|burger king|dollar general|dollar tree|family dollar|home depot|pizza hut|waffle house|cracker barrel|best buy|7 eleven|seven eleven|holiday inn(?: express)?|comfort inn|red roof inn|super 8|piggly wiggly|trader joes|whole foods|stop and shop|quik ?trip|race ?trac|flying j|love s|loves truck stop|dunkin donuts|rite aid|big lots|tractor supply|hobby lobby|ace hardware|tj maxx|olive garden|red lobster|golden corral|chick fil a|jack in the box|little caesars|papa johns|five guys|buffalo wild wings|jiffy lube|pep boys|kwik trip|cumberland farms|harris teeter|bank of america|wells fargo|days inn|best western|la quinta|econo lodge|sams club'.split('|').join('|')})\\b`,
  'dg',
);
// Places named by two words and "and" ("the park and ride", its lot, "across from the feed and seed").
const AND_PLACE_RE = /\b(?:park and ride(?: lot)?|feed and seed|bait and tackle)\b/dg;
// Someone's home by whose it is, cue or not: "at his mom's house", "my neighbor's house, across the street".
const KIN = 'mom|moms|mother|dad|father|grandma|grandpa|grandmother|grandfather|nana|neighbor|friend|sister|brother|aunt|uncle|cousin|son|daughter|boyfriend|girlfriend|ex|buddy|parent|in law';
const KIN_PLACE_RE = new RegExp(`\\b((?:my|his|her|our|their) (?:${KIN.split('|').join('|')})s (?:house|home|apartment|place|trailer))\\b`, 'dg');
// A place word naming what belongs to it is no place: "a school bus", "the park ranger", "the bar owner".
export const NOT_PLACE_AFTER = new Set('bus buses van vans zone kids teacher teachers nurse ranger rangers owner manager supplies day year play pump guy table cue cleaner casing casings fire ditch towel stool tab fight gown gowns bracelet band worker workers hand hands enclosure equipment bull bulls cruiser cruisers umbrella'.split(' '));
// A head and the word after it that make no place: "a pool of blood", "on the pool deck" (a part of the place).
export const NOT_PLACE_PAIRS = new Set(['pool of', 'pool deck']);
// Places named in two words whose last is no place alone: "sunrise assisted living", "the food court", "mike's auto body".
const PAIR_HEADS = new Set(['assisted living', 'food court', 'auto body', 'urgent care', 'day care', 'rest stop', 'truck stop', 'parking deck', 'storage units', 'concession stand', 'trailer court', 'traffic circle', 'cattle guard', 'landing strip', 'fruit stand', 'farm stand', 'retirement community', 'shooting range', 'driving range', 'gun range', 'rifle range']);
// A place's lot, said beside the place (the blind writers differ on a dock, a lobby or the pumps, and keep those).
const PLACE_PARTS = new Set(['bar', 'pool', 'parking lot', 'parking garage', 'parking deck', 'parking structure', 'lot', 'back lot', 'upper lot', 'lower lot', 'side lot', 'front lot', 'loading dock', 'fuel dock', 'guest dock', 'back dock', 'boat dock']);
// What kind of lot it is, not whose: "the gravel lot", "the employee lot" stay lots.
const LOT_KINDS = new Set('parking car used snowmobile trailer boat truck gravel dirt employee employees commuter corner back front side upper lower staff student visitor overflow empty vacant paved north south east west main big little'.split(' '));
// A part of a place said "of" it: the place is named after it ("the lobby of the Grandview"), the part kept as the lot is not.
const PART_OF = new Set('lot garage deck lobby entrance office kitchen basement roof bathroom restroom'.split(' '));
/**
 * A place the call is not at, the place starting at `start`: where someone is being taken ("we
 * wont make it to the hospital", "take him to the er") or went ("he went to the store an hour
 * ago"), came home from ("never came home from
 * school") or is lost along ("lost on the trail"), nor the elevator someone is stuck in: the
 * entrapment, not where (writers label it 0 of 12 times).
 */
export function notTheCallsPlace(u: Utterance, start: number): boolean {
  const t = u.tokens;
  const before = ARTICLES.has(t[start - 1] ?? '') ? start - 2 : start - 1;
  const takenTo = t[before] === 'to' && TAKEN_TO.test(t.slice(Math.max(0, before - 3), before).join(' '));
  const cameFrom = t[before] === 'from' && ['home', 'back'].includes(t[before - 1] ?? '');
  const stuckIn = t[start] === 'elevator' && t[before] === 'in' && ['stuck', 'trapped'].includes(t[before - 1] ?? '');
  // "he went to the store an hour ago", "we were driving to the hospital": a place travelled to (not "he went out to the barn": he is there).
  const travelled = t[before] === 'to' && t[before - 1] !== 'out' && t.slice(Math.max(0, before - 3), before).some((w) => TRAVEL.has(w));
  return takenTo || cameFrom || stuckIn || travelled || (t[before] === 'on' && t[before - 1] === 'lost');
}
const TRAVEL = new Set('walking walked walk driving drove drive going go goes went heading headed head way running ran run riding rode'.split(' '));
const TAKEN_TO = /\b(?:make it|take (?:him|her|them|me|us)|get (?:him|her|them|me|us)|bring (?:him|her|them)|drive (?:him|her|them)|drove (?:him|her|them)|rush(?:ing)? (?:him|her|them))$/;
// "the same place", "the right place" place nothing.
const NOT_PLACE_NAME = new Set('same other wrong right whole safe this that first last next'.split(' '));
// A site on the body is no place: "the biopsy site is soaking through", "the injection site".
const ON_THE_BODY = new Set('biopsy injection incision surgical surgery iv puncture insertion wound bite port'.split(' '));
export const onTheBody = (modifier: string | undefined, head: string): boolean => head === 'site' && ON_THE_BODY.has(modifier ?? '');

// Where the caller places something against their own or someone's home: "in front of my house" -> "my house".
const OWN_PLACE_RE =
  /\b(?:in front of|out front of|in back of|behind|outside(?: of)?|inside|next to|across (?:the street )?from|(?:down|up) the street from|beside|near|by|at) ((?:my|our|his|her|their|the neighbors|my neighbors|our neighbors) (?:house|home|apartment|building|yard|backyard|garage|driveway|work|office|school|job|trailer|place))\b/dg;

export function landmarks(u: Utterance, put: Put, taken: boolean[]): void {
  const found: (Span & { number?: string })[] = [];
  for (const re of [OWN_PLACE_RE, KIN_PLACE_RE, CHAIN_RE, AND_PLACE_RE]) {
    for (const m of u.matches(re)) {
      const span = m.groups[0] ?? m;
      // "the dollar tree parking lot" is one place, read whole by placeHeads.
      if (taken[span.start] || isHead(u.tokens[span.end] ?? '')) continue;
      found.push(span);
      taken.fill(true, span.start, span.end);
    }
  }
  placeHeads(u, (span, number) => found.push({ ...span, number }), taken);
  typedNames(u, found, taken);
  // The lot of a named place is that place: "the walmart parking lot", "the church lot", "the parking lot of the target" -> "walmart", "church", "target".
  for (const [k, span] of [...found.entries()].reverse()) {
    const said = u.words(span).split(' ');
    if (said.length > 2 && said.at(-2) === 'parking' && said.at(-1) === 'lot' && !said.slice(0, -2).every((w) => LOT_KINDS.has(w))) span.end -= 2;
    else if (said.length > 1 && said.at(-1) === 'lot' && !LOT_KINDS.has(said.at(-2)!)) span.end -= 1;
    const named = found[k + 1];
    const between = named ? u.tokens.slice(span.end, named.start) : [];
    if (u.words(span) === 'parking lot' && named && between.length <= 2 && ['of', 'at'].includes(between[0] ?? '') && between.slice(1).every((w) => w === 'the')) found.splice(k, 1);
  }
  // A lot in a line that names a place is that place's ("at the dollar general, a man in the parking lot", "the trailhead, the upper lot").
  const part = (span: Span) => PLACE_PARTS.has(u.words(span)) || (u.tokens[span.end - 1] === 'lot' && u.tokens.slice(span.start, span.end - 1).every((w) => LOT_KINDS.has(w)));
  if (found.some((span) => !part(span))) found.splice(0, found.length, ...found.filter((span) => !part(span)));
  // "the Fuel Depot, no, the Gas N Go", "the big stadium, sorry, the high school stadium": the place said after a correction replaces the one before.
  found.sort((a, b) => a.start - b.start);
  const corrected = found.filter((span, k) => {
    const next = found[k + 1];
    const between = next ? u.tokens.slice(span.end, next.start) : [];
    return next !== undefined && between.length <= 5 && between.some((w) => CORRECTION.has(w)) && between.every((w) => CORRECTION.has(w) || ARTICLES.has(w) || LANDMARK_CUES.has(w) || w === 'i' || w === 'mean');
  });
  // "the bridge, the Harbor Bridge", "the dog park, Riverside dog park": the place said again by its name is one place.
  const restated = found.filter((span, k) => {
    const next = found[k + 1];
    const words = u.words(span);
    return next !== undefined && u.pauses[span.end - 1] && next.start - span.end <= 2 && next.end - next.start > span.end - span.start && u.words(next).endsWith(` ${words}`);
  });
  for (const { number, ...span } of found.filter((f) => !corrected.includes(f) && !restated.includes(f))) {
    // "sunrise manor, its a nursing home": what kind of place a named one is, not a second place.
    if (kindOfNamed(u, span.start, taken)) continue;
    const name = u.tokens[span.start] === 'exit' ? u.words(span) : placeName(u, span);
    put(number ? { start: span.start, end: span.end + 1 } : span, number ? `${name} ${number}` : name);
  }
}

// Where a typed name is a place: "we're at the Rusty Nail", "outside the Sonic", "behind First
// Baptist". Without "the" a name after "near" or "outside" is more often a town than a place.
// A part of a place said before the place is a cue too: "the parking lot of the Valley Foods", "the lobby of the Harborview".
const TYPED_PLACE_CUES = new RegExp(
  `(?:^|\\b)(?:(?:at|behind|outside|inside|near|past|across from|(?:in|out) front of|next to|beside|by|calling from) the|at|behind|across from|in front of|next to|(?:${[...PART_OF].join('|')}|back|front|side) of(?: the)?)$`,
);
const KIND_BEFORE_NAME = /(?:^|\b)(?:at|behind|outside|inside|in) the [a-z]+(?: [a-z]+)?$/;
// Not where the call is: "he works at Amazon", "I'm looking at the Google".
const NOT_PLACE_CUE = new Set('works work worked working job looking look looked staring pointing laughing yelling mad angry good'.split(' '));
// Words that join a typed name's parts: "Church of the Nazarene", "Tony's Bar and Grill".
const NAME_JOINS = new Set(['of', 'and', 'the']);
const TITLES = new Set('mr mrs ms miss dr doctor father mother sister brother pastor reverend officer deputy sergeant coach aunt uncle'.split(' '));
const NOT_NAME = ['Date', 'WeekDay', 'Month', 'Holiday', 'Pronoun'];
// Words after a typed name that end it: a verb or an adverb ("at the Sonic yesterday").
const NOT_PLACE_WORD = ['Verb', 'PastTense', 'PresentTense', 'Gerund', 'Infinitive', 'Adverb', 'Modal', 'Copula', 'Auxiliary', 'Conjunction', 'Preposition', 'Determiner', 'Value', 'Cardinal'];

/**
 * A name typed with capitals after a place cue names a place no head word gives away ("at the
 * Rusty Nail", "at Casa Blanca"), with the plain nouns said right after it ("at the Grayson
 * building"). Speech has no capitals, so this reads typed lines only; a street ("at Maple
 * Avenue", "Lake Shore Drive at Fullerton"), a day or a month, a person ("at Mr. Chen's"), a
 * single letter and a name already read as another place are not taken.
 */
function typedNames(u: Utterance, found: Span[], taken: boolean[]): void {
  const t = u.tokens;
  const capital = (i: number) => i < t.length && /^\p{Lu}/u.test(u.raw(i, i + 1)) && !/\d/.test(t[i]!) && !/^I\b|^I['’]/u.test(u.raw(i, i + 1));
  for (let i = 1; i < t.length; i++) {
    // "the bowling alley, Kingpin Lanes", "the casino, the Thunder Mesa": the kind of place, then its name, which stands for both.
    const from = ARTICLES.has(t[i - 1]!) ? i - 1 : i;
    const plainKind = (f: Span) => f.end - f.start <= 3 && !/\p{Lu}/u.test(u.raw(f.start, f.end));
    // The kind may have words after it in its clause: "the gas station at the bottom of the hill, the Quick Fill".
    const sameClause = (f: Span) => f.end <= from && u.pauses.slice(f.end, from - 1).every((p) => !p);
    let kind = from > 0 && u.pauses[from - 1] ? found.findLastIndex((f) => sameClause(f) && plainKind(f)) : -1;
    if (kind >= 0 && found.some((f) => f.start >= found[kind]!.end && f.end <= from)) kind = -1;
    // "at the ice rink. The alarm went off": a sentence's first word is typed with a capital, and a function word is no name.
    if (!capital(i) || taken[i] || capital(i - 1) || STOP.has(t[i]!)) continue;
    // "the Fuel Depot, no, the Gas N Go": a name said as a correction of a place.
    const correcting = found.some((f) => f.end <= i && i - f.end <= 4) && t.slice(Math.max(0, i - 3), i).some((w) => CORRECTION.has(w));
    // "Evergreen Lanes, the bowling alley": the name, then the kind of place it is.
    // "at the golf course, Prairie Links": a kind no head word names, then the name.
    const kindSaid = u.pauses[i - 1] === true && KIND_BEFORE_NAME.test(t.slice(Math.max(0, i - 4), i).join(' ')) && !lexiconTags(t[i]!).some((tag) => /Name$/.test(tag));
    if (kind < 0 && !correcting && !kindSaid && !TYPED_PLACE_CUES.test(t.slice(Math.max(0, i - 4), i).join(' '))) {
      let run = i + 1;
      while (run < t.length && capital(run) && !u.pauses[run - 1]) run++;
      const after = ARTICLES.has(t[run] ?? '') ? run + 1 : run;
      kind = u.pauses[run - 1] && run < t.length ? found.findIndex((f) => f.start === after && plainKind(f)) : -1;
      if (kind < 0) continue;
    }
    const cue = ARTICLES.has(t[i - 1]!) ? i - 2 : i - 1;
    const cueStart = t[cue] === 'from' || t[cue] === 'of' || t[cue] === 'to' ? cue - 1 : cue;
    if (NOT_PLACE_CUE.has(t[cueStart - 1] ?? '') || taken[cueStart - 1] || found.some((f) => f.start <= i && i < f.end)) continue;
    let end = i + 1;
    while (end < t.length && !taken[end] && !u.pauses[end - 1] && (capital(end) || (NAME_JOINS.has(t[end]!) && capital(end + 1)))) end++;
    const words = t.slice(i, end);
    const next = u.pauses[end - 1] ? undefined : t[end];
    if (words.length > 4 || (words.length === 1 && words[0]!.length === 1) || TITLES.has(words[0]!) || streetSuffix(words[words.length - 1]) || streetSuffix(next) || /^\d/.test(next ?? '')) continue;
    if (words.some((w) => lexiconTags(w).some((tag) => NOT_NAME.includes(tag)))) continue;
    // "he got hurt at the park, Jimmy did": a person's name after a place, not the place's.
    if (kind >= 0 && words.length === 1 && lexiconTags(words[0]!).some((tag) => /Name$/.test(tag))) continue;
    // "at Jefferson and Grant": a corner, not a place.
    if (words.length === 3 && words[1] === 'and') continue;
    // The plain nouns that say what the named place is: "the Grayson building", "Saint Brendan's rectory".
    for (let k = 0; k < 2 && end < t.length && !taken[end] && !u.pauses[end - 1] && modifierWord(t[end]) && !MOTION.has(t[end]!); k++) {
      const head = isHead(t[end]!) || t[end] === 'building';
      if (!head && lexiconTags(t[end]!).some((tag) => NOT_PLACE_WORD.includes(tag))) break;
      end++;
    }
    // The name stands for the kind said before it, and for a place read inside it ("the Big Horn Travel Plaza").
    const covered = (f: Span) => f.start >= i && f.end <= end;
    const kept = found.filter((f, k) => k !== kind && !covered(f));
    found.splice(0, found.length, ...kept);
    found.push({ start: i, end });
    taken.fill(true, i, end);
    i = end;
  }
}

/** The place at `start` says what kind a place named just before is: "<name>, its a <kind>", the name no address. */
function kindOfNamed(u: Utterance, start: number, taken: boolean[]): boolean {
  const t = u.tokens;
  let k = start - 1;
  if (ARTICLES.has(t[k] ?? '')) k--;
  if (t[k] === 'is' && t[k - 1] === 'it') k--;
  else if (t[k] !== 'its') return false;
  const named = k - 1;
  return named >= 0 && u.pauses[named]! && !taken[named] && !STOP.has(t[named]!) && !/\d/.test(t[named]!);
}

// Places whose name follows them: "lake marlow", "the church of god", "the school for the deaf".
const NAMED_AFTER: Readonly<Record<string, readonly string[]>> = { lake: [''], church: ['of ', 'of the '], chapel: ['of ', 'of the '], school: ['for the '] };

/** How many words after the head at `i` name it ("on lake marlow": 1; not "in the lake hurry"). */
function namedAfter(u: Utterance, i: number): number {
  for (const join of NAMED_AFTER[u.tokens[i]!] ?? []) {
    const k = i + 1 + (join === '' ? 0 : join.trim().split(' ').length);
    const name = u.tokens[k];
    if (name === undefined || u.tokens.slice(i + 1, k).join(' ') !== join.trim() || u.pauses.slice(i, k).some(Boolean)) continue;
    if (modifierWord(name) && !MOTION.has(name) && !lexiconTags(name).some((tag) => NOT_PLACE_WORD.includes(tag) || NOT_NAME.includes(tag))) return k - i;
  }
  return 0;
}

function placeHeads(u: Utterance, put: (span: Span, number?: string) => void, taken: boolean[]): void {
  const t = u.tokens;
  let lastEnd = -1;
  for (let i = 0; i < t.length; i++) {
    // A typed "'s" is the word and "is" or "has", never the plural, unless a business is named so ("Lowe's"):
    // "the barn's on fire" is a barn, "the whole apartment's smoky" no "apartments".
    const w = /['’]s$/.test(u.raw(i, i + 1)) && (isHead(t[i]!.slice(0, -1)) || !BRANDS.has(t[i]!)) ? t[i]!.slice(0, -1) : t[i]!;
    if (taken[i]) continue;
    // "exit 110"
    if (w === 'exit' && /^\d+$/.test(t[i + 1] ?? '')) {
      put({ start: i, end: i + 2 });
      lastEnd = i + 2;
      continue;
    }
    const strong = STRONG_HEADS.has(w) || PAIR_HEADS.has(`${t[i - 1]} ${w}`);
    if (!strong && !WEAK_HEADS.has(w)) continue;
    const next = t[i + 1];
    if (next !== undefined && (isHead(next) || PAIR_HEADS.has(`${w} ${next}`) || streetSuffix(next) || next === 'wagon' || NOT_PLACE_AFTER.has(next) || NOT_PLACE_PAIRS.has(`${w} ${next}`))) continue;
    // "lot forty" is a unit (units()), not a place.
    if (w === 'lot' && /^\d/.test(next ?? '')) continue;
    // "high school football field", "cedar creek middle school": the phrase ends at its last head.
    if (laterHead(t, i)) continue;
    const modifiers: string[] = [];
    let start = i;
    while (start > 0 && modifiers.length < 4) {
      const m = t[start - 1]!;
      // A typed pause ends the place's words: "the campground, site forty".
      // A number ends them too, but for the ordinal of a street a place is named for ("the 42nd street station").
      const streetOrdinal = /^\d+(?:st|nd|rd|th)$/.test(m) && streetSuffix(t[start]) !== undefined;
      // A count said in words after "the" names the place: "the three rivers feedlot", "the lucky seven truck stop".
      const countInName = /^\d{1,2}$/.test(m) && !/\d/.test(u.raw(start - 1, start)) && (ARTICLES.has(t[start - 2] ?? '') || modifierWord(t[start - 2]));
      if (STOP.has(m) || LANDMARK_CUES.has(m) || MOTION.has(m) || (/\d/.test(m) && !streetOrdinal && !countInName) || taken[start - 1] || start - 1 < lastEnd || u.pauses[start - 1]) break;
      modifiers.unshift(m);
      start--;
    }
    // The word before the head: "the same place", "linda park".
    const first = modifiers[modifiers.length - 1];
    if (!strong && (first === undefined || (w === 'place' && NOT_PLACE_NAME.has(first)) || onTheBody(first, w))) continue;
    // "it's Linda, Linda Park", "this is Linda Park": a first name said again or given as who is calling is a person's name.
    const introduced = u.repeated[start] || t.slice(0, start).includes(first ?? '') || ['im', 'this is', 'name is'].some((lead) => t.slice(Math.max(0, start - 2), start).join(' ').endsWith(lead));
    // "my name is Jun Park": given as a name, it is one whatever the lexicon knows of the first word.
    const givenAsName = /\b(?:name is|names)$/.test(t.slice(Math.max(0, start - 2), start).join(' '));
    if (w === 'park' && modifiers.length === 1 && (givenAsName || (introduced && lexiconTags(first!).some((tag) => /Name$/.test(tag))))) continue;
    let before = start - 1;
    if (before >= 0 && ARTICLES.has(t[before]!)) before--;
    const brand = BRANDS.has(w);
    const cue =
      // At the start, after a cue ("across from the marina"), right after another landmark ("riverside park the soccer fields"), or listed with one.
      before < 0 ? modifiers.length > 0 || brand : LANDMARK_CUES.has(t[before]!) || before + 1 === lastEnd || taken[before] || (t[before] === 'and' && lastEnd >= 0);
    // "park on the street", "can park there": the verb.
    if (notTheCallsPlace(u, start) || (w === 'park' && modifiers.length === 0 && ['to', 'can', 'please', 'dont', 'cant', 'just', 'them', 'could'].includes(t[i - 1] ?? ''))) continue;
    // "robbed the gas station", "behind the dunkin": a named place after "the" is a place whatever the verb.
    const named = (modifiers.length > 0 || brand) && t[start - 1] === 'the';
    if (!cue && !named) continue;
    let from = start;
    // "the big church", "the big red barn": the place, not its size; a size opening a longer name is the name's ("the big sky travel center").
    // Which one of them, or that it is shut, is not its name either: "past the second cattle guard", "the wrong trail", "the closed diner"
    // ("the Third Street bridge" is named for its street).
    while (from < i && ((SIZE.has(t[from]!) && (i - from <= 2 || COLOURS.has(t[from + 1]!))) || (WHICH_ONE.has(t[from]!) && !streetSuffix(t[from + 1]) && t[from + 1] !== 'floor'))) from++;
    const end = i + 1 + namedAfter(u, i);
    put({ start: from, end }, NUMBERED_HEADS.has(w) && /^\d{1,3}$/.test(next ?? '') ? next : undefined);
    lastEnd = end;
  }
}

