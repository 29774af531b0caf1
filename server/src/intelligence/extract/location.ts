// Where: a street address, the unit in it, cross streets, landmarks, and highway mile markers.

import { namesVehicle } from './describe.js';
import { BRANDS, STRONG_HEADS, WEAK_HEADS, landmarks } from './landmarks.js';
import { bareStreetName } from './street-names.js';
import type { Span, Utterance } from './text.js';
import { CORRECTION, type Extractor, type Put, STOP, lexiconTags, ordinal, ordinalValue, spokenHeight, streetSuffix, titleCase } from './words.js';

const DIRECTIONS = new Set(['north', 'south', 'east', 'west', 'n', 's', 'e', 'w', 'northeast', 'northwest', 'southeast', 'southwest']);
// A number after these is an exit, a route or a room, not a house number.
const NOT_HOUSE_NUMBER = new Set(['exit', 'marker', 'mm', 'post', 'milepost', 'route', 'rt', 'highway', 'hwy', 'interstate', 'i', 'us', 'apartment', 'apt', 'unit', 'suite', 'room', 'lot', 'floor', 'number']);
// Words after a number or "on" that name no street: "he's fourteen, hold on", "the code is four four two one star", "a hundred yards", "on duty";
// nor the way to one ("a wire down across Elm Road"), nor "four wheel drive".
const NOT_STREET = new Set(['myself', 'himself', 'herself', 'yourself', 'ourselves', 'themselves', 'called', 'named', 'cross', 'between', 'home', 'work', 'school', 'night', 'least', 'once', 'house', 'door', 'floor', 'room', 'car', 'phone', 'line', 'minute', 'time', 'mile', 'marker', 'exit', 'hold', 'star', 'pound', 'yards', 'duty', 'across', 'over', 'through', 'past', 'toward', 'towards', 'into', 'onto', 'along', 'wheel']);

/** A word that can be part of a street's name: "maple", "lincoln", "3rd", "third". */
const nameWord = (w: string | undefined): boolean =>
  w !== undefined && !STOP.has(w) && !NOT_STREET.has(w) && (!/\d/.test(w) || ordinalValue(w) !== undefined) && streetSuffix(w) === undefined;

// Labels drop a direction said before the name ("east ninety first street" -> "91st Street"): the
// corpus convention, since callers add or leave it out at will. "North Street" keeps its only word.
const streetName = (words: string[]): string =>
  (words.length > 1 && DIRECTIONS.has(words[0]!) ? words.slice(1) : words)
    .map((w) => {
      const n = ordinalValue(w);
      return n === undefined ? titleCase(w) : ordinal(n);
    })
    .join(' ');

interface Street {
  name: string[];
  suffix?: [string, string];
  ordinal: boolean;
  end: number;
}

const NO_STREET_NAME = new Set('wrong right other same whole long half all this that interstate tracks'.split(' '));
// What someone is "on" that is no street: "he's on Medicare", "I'm on Bluetooth", "she's on chemo".
const ON_VERBS = new Set(['hold', 'hang', 'come', 'go', 'carry', 'keep', 'move', 'hurry', 'choking', 'choked', 'chokes', 'gagging']);
const ON_NOT_STREET = new Set(
  (
    'medicare medicaid bluetooth speaker speakerphone chemo dialysis hospice probation parole oxygen insulin meds medication methadone suboxone disability meth heroin duty lockdown camera video sale scene ' +
    // What one is on with someone: "she's on FaceTime with me", "he's on Facebook".
    'facetime facebook zoom skype instagram snapchat tiktok youtube whatsapp twitter messenger discord netflix ' +
    // Blood thinners callers name: "he's on Eliquis".
    'eliquis xarelto coumadin warfarin plavix thinners'
  ).split(' '),
);

const WAY_ADVERB = new Set('over too back up down out off more ahead past behind before after better worse'.split(' '));

const roadType = (w: string | undefined): boolean => streetSuffix(w) !== undefined;

/** One street said at `i`: up to three name words and an optional suffix ("main", "fifth avenue", "harbor roads"). */
function readStreet(u: Utterance, i: number, possessive = false): Street | undefined {
  const name: string[] = [];
  let k = i;
  let isOrdinal = false;
  while (name.length < 3) {
    // A typed pause ends the name: "kittredge, thats kittredge avenue".
    // "old turnpike road", "pike street", "parkway drive", "pike hollow road": a road's type inside another road's name.
    const inName = roadType(u.tokens[k]) && (roadType(u.tokens[k + 1]) || (name.length === 0 && nameWord(u.tokens[k + 1]) && roadType(u.tokens[k + 2])));
    if ((!inName && (!nameWord(u.tokens[k]) || streetSuffix(u.tokens[k], possessive))) || (name.length > 0 && u.pauses[k - 1])) break;
    isOrdinal ||= ordinalValue(u.tokens[k]) !== undefined;
    name.push(u.tokens[k]!);
    k++;
  }
  if (name.length === 0) return undefined;
  // "leaning way over", "pulled way back": the adverb after a verb, no street's Way ("Riverside Way over by the mall" is one).
  const adverb = u.tokens[k] === 'way' && /(?:ing|ed)$/.test(name[name.length - 1]!) && WAY_ADVERB.has(u.tokens[k + 1] ?? '');
  const suffix = adverb ? undefined : streetSuffix(u.tokens[k], possessive);
  // "going the wrong way", "at half court", "the third drive on the left" (a driveway), "the first place after the cattle guard" name no street.
  if (name.length === 1 && (NO_STREET_NAME.has(name[0]!) || ((suffix?.[0] === 'Drive' || suffix?.[0] === 'Place') && u.tokens[i - 1] === 'the' && ordinalValue(name[0]) !== undefined))) return undefined;
  return suffix ? { name, suffix, ordinal: isOrdinal, end: k + 1 } : { name, ordinal: isOrdinal, end: k };
}

// compromise's lexicon: a word it knows only as a noun or a name can name a street; "bad", "mom", "here" cannot.
const NOT_STREET_TAGS = new Set(['Adjective', 'Comparative', 'Superlative', 'Adverb', 'Pronoun', 'Preposition', 'Determiner', 'Conjunction', 'Expression', 'QuestionWord', 'Negative', 'Modal', 'Copula', 'PastTense', 'Gerund']);
const PERSON_NAME = new Set(['FirstName', 'MaleName', 'FemaleName']);
const NOT_CROSS = new Set(['side', 'stuff', 'things', 'something', 'anything', 'everything', 'nothing', 'mom', 'dad', 'me', 'him', 'her', 'them', 'us', 'kids', 'wife', 'husband', 'son', 'daughter', 'baby', 'dog', 'cat']);
function streetWord(w: string): boolean {
  if (NOT_CROSS.has(w) || STRONG_HEADS.has(w) || WEAK_HEADS.has(w)) return false;
  const list = lexiconTags(w);
  // "john and mary" are people, "water and trees" things: a bare pair of streets is neither first names nor plurals.
  const plural = /[^su]s$/.test(w) && !list.includes('LastName');
  return !plural && !list.some((t) => NOT_STREET_TAGS.has(t) || PERSON_NAME.has(t));
}

// Pairs of words said together that are no corner.
const NOT_PAIR = new Set(['hit run', 'salt pepper', 'labor delivery', 'rock roll', 'bread butter', 'law order', 'black white', 'life death', 'back forth', 'up down', 'mary joseph']);
const VERB_TAGS = new Set(['Infinitive', 'PastTense', 'Gerund', 'PresentTense', 'Verb']);
/** A one-word name a corner can be given: not a function word, a person's word or a verb. */
const namedCorner = (w: string): boolean => !STOP.has(w) && !NOT_CROSS.has(w) && w.length > 2 && !/\d/.test(w) && !lexiconTags(w).some((t) => VERB_TAGS.has(t) || NOT_STREET_TAGS.has(t));
const crossLabel = (s: Street): string => `${streetName(s.name)} ${s.suffix?.[1] ?? 'St'}`;

// Words after which a street said without a number is where someone is: "were on lincoln avenue", "its sixty second street",
// "a wire down across Elm Road", "ran toward Carver Street", "you go out Mill Pond Road".
const STREET_CUE = new Set(['on', 'at', 'its', 'off', 'down', 'along', 'onto', 'near', 'from', 'is', 'to', 'up', 'of', 'called', 'named', 'across', 'toward', 'towards', 'past', 'out', 'into', 'over', 'behind', 'via', 'take', 'took']);

// Before "the" and a road's name: "on the airport road", "up the Little Sage Road", "toward the Kessler Road side".
const THE_ROAD_CUE = new Set(['on', 'off', 'down', 'up', 'along', 'onto', 'toward', 'towards', 'past', 'from', 'of', 'to', 'near', 'by']);
// Words that say what kind of road it is, not its name: "the dirt road", "the main highway", "the back road", what it is
// made of ("the shell road", "the caliche road") or what it leads to or runs beside ("the beach road", "the feeder road").
const ROAD_KIND = new Set(
  'dirt gravel back side main old new paved unpaved private public little big long narrow wrong other same next last two four lane hard parish county township lease logging haul farm ranch fire forest access service shell caliche beach pass spur feeder bayou reservation quarry'.split(' '),
);
// Roads driven in one direction or the other: a direction of travel said with one is part of where the caller is.
const HIGHWAY_SUFFIX = new Set(['Highway', 'Pike', 'Parkway', 'Turnpike', 'Expressway', 'Freeway', 'Tollway', 'Thruway']);
// Only roads are said so: "the taco place", "the basketball court", "the walking trail" are places.
const THE_ROAD_TYPES = new Set(['Road', 'Boulevard', 'Avenue', 'Street', ...HIGHWAY_SUFFIX]);
// Where a street's name alone places someone; "off", "near", "by" a street are cross streets.
const BARE_CUE = new Set(['on', 'down', 'along', 'onto']);
const STREET_NAMED = /\b(?:(?:the|this|that) street(?: name)? is|the streets(?: called| named)?|the street (?:is )?(?:called|named)|street sign says)$/;
// Where a typed name alone is a street ("it went up Vine", "a wire down across Briarwood", "off Harrison"):
// "coughing up water", "kicked off work" are none, so only a name typed with its capital.
// Someone heading "toward Lyman" heads for a street, unless the name is a person's ("ran toward Maria") or a town's: one
// the lexicon knows ("toward Texas"), or any on a highway ("on route ninety, going towards Sutter").
const TOWN_TAGS = new Set(['City', 'Region', 'Country', 'Place']);
const ON_A_HIGHWAY = /\b(?:highway|hwy|interstate|freeway|expressway|turnpike|route|mile marker)\b|\bon (?:the )?(?:i ?\d|\d{2,3}\b)/i;
const TYPED_BARE_CUE = new Set(['up', 'across', 'off', 'crosses', 'over', 'toward', 'towards']);
// What may follow a street said without its type: the end, a function word, a unit.
const endsStreet = (u: Utterance, k: number): boolean => {
  const w = u.tokens[k];
  return w === undefined || u.pauses[k - 1]! || STOP.has(w) || Object.hasOwn(UNIT_PREFIX, w) || ['between', 'by', 'near', 'past', 'across', 'toward', 'towards', 'heading', 'headed', 'going', 'eastbound', 'westbound', 'northbound', 'southbound'].includes(w);
};

// Going or stopping somewhere: "walking west on dunmore", "parked on sawyer".
const GOING = new Set('walking walked running ran driving drove heading headed going went riding rode biking speeding parked stopped stuck stalled lives live living'.split(' '));
/** "on" after a place or a going at `i - 1`: "the pharmacy on delancey", "headed north on ventura" place any name after it. */
const onAfterPlace = (t: readonly string[], i: number): boolean => {
  if (t[i - 1] !== 'on') return false;
  const before = DIRECTIONS.has(t[i - 2] ?? '') ? t[i - 3] : t[i - 2];
  return before !== undefined && (STRONG_HEADS.has(before) || WEAK_HEADS.has(before) || GOING.has(before));
};

/** A street said without its type at `i`: one name word, after a direction or not, then the end of the phrase. */
function bareStreet(u: Utterance, i: number, numbered: boolean): { name: string[]; end: number } | undefined {
  const t = u.tokens;
  const name = DIRECTIONS.has(t[i] ?? '') && t[i + 1] !== undefined ? [t[i]!, t[i + 1]!] : [t[i] ?? ''];
  const word = name[name.length - 1]!;
  const end = i + name.length;
  // A typed contraction ("she'll") is no street ("shell").
  // A word said between streets is one too: "on hawthorne between seventh and eighth", "down willard toward thirty eighth".
  // After a place or a going, a word the lexicon knows as a common noun is what happens there ("the school on fire", "a light bar on top").
  const placed = numbered || ['between', 'toward', 'towards'].includes(t[end] ?? '') || (onAfterPlace(t, i) && !lexiconTags(word).some((tag) => ['Singular', 'Noun', 'Uncountable'].includes(tag)));
  // "an old ninety eight civic", "an eighteen wheeler": a year or a count before a vehicle.
  // A name typed with its capital after "on" is a proper name ("went south on Garland"); speech has none, so this only reads typed lines.
  const typed = !numbered && i > 0 && /^\p{Lu}\p{Ll}/u.test(u.raw(end - 1, end)) && !lexiconTags(word).some((tag) => ['Date', 'WeekDay', 'Month', 'Holiday'].includes(tag));
  // "eleven head of cattle", "six cases of water": a count of something, no street.
  if (!nameWord(word) || DIRECTIONS.has(word) || namesVehicle(word) || ON_NOT_STREET.has(word) || BRANDS.has(word) || u.raw(end - 1, end).includes("'") || !(bareStreetName(word, placed) || typed) || !endsStreet(u, end) || t[end] === 'of') return undefined;
  return { name, end };
}

// The words streets' two-word names end in: "poplar ridge", "cypress point", "mesquite bend".
const NAME_ENDS = new Set('ridge point bend crest bluff hollow run glen cove landing creek hill hills trace crossing woods view springs meadow meadows heights grove knoll pointe'.split(' '));

/** Two words at `i` named like a street, its type left out ("fifty six poplar ridge"), then the end of the phrase. */
function namedLikeAStreet(u: Utterance, i: number): { name: string[]; end: number } | undefined {
  const [first, last] = [u.tokens[i], u.tokens[i + 1] ?? ''];
  if (!nameWord(first) || /\d/.test(first!) || u.pauses[i] || !NAME_ENDS.has(last) || !endsStreet(u, i + 2)) return undefined;
  return { name: [first!, last], end: i + 2 };
}

/** The type the caller gives the same street elsewhere in the line: "two oh two hillcrest, i think it's hillcrest drive", "redwood road, twenty one forty four redwood". */
function suffixSaidElsewhere(u: Utterance, street: { name: string[]; end: number }): string | undefined {
  const word = street.name[street.name.length - 1]!;
  for (let k = 0; k < u.length - 1; k++) if (k !== street.end - 1 && u.tokens[k] === word && streetSuffix(u.tokens[k + 1])) return streetSuffix(u.tokens[k + 1])![0];
  return undefined;
}

function addresses(u: Utterance, put: Put, taken: boolean[]): void {
  const t = u.tokens;
  const said = new Set<string>();
  for (let i = 0; i < t.length; i++) {
    // The house or block number; "the hundred block of elm" is the first block, 100.
    const number = t[i] === 'hundred' && t[i - 1] === 'the' ? '100' : t[i]!;
    if (!/^\d{1,6}[a-z]?$/.test(number) || NOT_HOUSE_NUMBER.has(t[i - 1] ?? '') || spokenHeight(u, i)) continue;
    // "the twenty five hundred block of main", "four hundred block cherokee": a block, its street's suffix "Street" when none is said.
    if (/^\d*00$/.test(number) && t[i + 1] === 'block' && (t[i + 2] === 'of' || (!u.pauses[i + 1] && !STOP.has(t[i + 2] ?? 'of')))) {
      const from = t[i + 2] !== 'of' ? i + 2 : t[i + 3] === 'the' ? i + 4 : i + 3;
      const read = readStreet(u, from);
      // Without a suffix the name is one word, or a direction and one: "of main", "of west maple".
      const street = read && !read.suffix ? { ...read, name: read.name.slice(0, DIRECTIONS.has(read.name[0]!) ? 2 : 1) } : read;
      if (street) {
        if (!street.suffix) street.end = from + street.name.length;
        put({ start: i, end: street.end }, `${number} block ${streetName(street.name)} ${street.suffix?.[0] ?? 'Street'}`);
        taken.fill(true, i, street.end);
        i = street.end - 1;
        continue;
      }
    }
    // "sixty seven west elm street": a direction said first is part of the name.
    const street = readStreet(u, i + 1);
    if (!street?.suffix) {
      // "two two one seven elm", "one oh one west main": the type left out; "Street" unless said later in the line.
      // After a typed pause only a name typed as one: "like forty, flannel" is an age and a shirt, "one one one seven, Bayview" an address.
      const apart = u.pauses[i] && !/^\p{Lu}/u.test(u.raw(i + 1, i + 2));
      const bare = (/^\d{2,6}$/.test(t[i]!) || DIRECTIONS.has(t[i + 1] ?? '')) && !apart ? (bareStreet(u, i + 1, true) ?? namedLikeAStreet(u, i + 1)) : undefined;
      if (bare) {
        const name = streetName(bare.name);
        put({ start: i, end: bare.end }, `${t[i]} ${name} ${suffixSaidElsewhere(u, bare) ?? 'Street'}`);
        taken.fill(true, i, bare.end);
        said.add(name);
        i = bare.end - 1;
      }
      continue;
    }
    // "three one seven seven county road twenty two": a house on a numbered route (highways()).
    if (routeAfter(u, street)) continue;
    put({ start: i, end: street.end }, `${t[i]!.toUpperCase()} ${streetName(street.name)} ${street.suffix[0]}`);
    taken.fill(true, i, street.end);
    said.add(streetName(street.name));
    i = street.end - 1;
  }
  // A street without a number: after a word that places someone on it, at the start of the line,
  // or any numbered street ("sixty second street") that is not a house number's.
  for (let i = 0; i < t.length; i++) {
    if (taken[i] || (i > 0 && /^\d+$/.test(t[i - 1]!))) continue;
    const street = readStreet(u, i);
    // "on the tarbox road", "toward the Kessler Road side": a country road or a named highway said with "the"
    // (not "the dirt road", "the old highway": a kind of road, no name, unless typed as one: "the Little Sage Road";
    // nor "the Halsey Street bridge": a place named for its street).
    const theRoad = t[i - 1] === 'the' && THE_ROAD_CUE.has(t[i - 2] ?? '') && street !== undefined && THE_ROAD_TYPES.has(street.suffix?.[0] ?? '') && endsStreet(u, street.end) && (!ROAD_KIND.has(street.name[0]!) || /^\p{Lu}/u.test(u.raw(i, i + 1)));
    // "my name is Lorna Pike": a name that ends like a road is the caller's.
    const named = t[i - 1] === 'names' || (t[i - 1] === 'is' && t[i - 2] === 'name');
    const cued = (i === 0 || STREET_CUE.has(t[i - 1]!) || theRoad) && !named;
    // "he's walking down maple", "the kroger on harding": a street's name alone after where someone is on it.
    // "hold on, Tony", "come on Marcus": the "on" of a verb, no street after it.
    // "the street is larkspur", "the street sign says Larkspur": named as a street; "down the middle of Elm" typed as one ("the middle of nowhere" is none).
    const before = t.slice(Math.max(0, i - 4), i).join(' ');
    const namedStreet = STREET_NAMED.test(before);
    const typedBare =
      (TYPED_BARE_CUE.has(t[i - 1] ?? '') || /\b(?:down|in) the middle of$/.test(before)) &&
      /^\p{Lu}/u.test(u.raw(i, i + 1)) &&
      !(t[i - 1]!.startsWith('toward') && (lexiconTags(t[i]!).some((tag) => PERSON_NAME.has(tag) || TOWN_TAGS.has(tag)) || ON_A_HIGHWAY.test(u.text)));
    if (!street?.suffix && !(t[i - 1] === 'on' && ON_VERBS.has(t[i - 2] ?? '')) && (namedStreet || typedBare || BARE_CUE.has(t[i - 1] ?? ''))) {
      // "the park on willow bend", "the street is quail run": after a place or named a street, a name in two words as streets' are.
      const bare = bareStreet(u, i, namedStreet) ?? (onAfterPlace(t, i) || namedStreet ? namedLikeAStreet(u, i) : undefined);
      if (bare && !said.has(streetName(bare.name))) {
        put({ start: i, end: bare.end }, `${streetName(bare.name)} ${suffixSaidElsewhere(u, bare) ?? 'Street'}`);
        taken.fill(true, i, bare.end);
        i = bare.end - 1;
        continue;
      }
    }
    // Not cued, a numbered street starts at its number: "a gun sixty second street" is 62nd Street.
    if (!street?.suffix || taken[street.end - 1] || (!cued && (!street.ordinal || ordinalValue(street.name[0]) === undefined)) || (DIRECTIONS.has(street.name[0]!) && street.name.length === 1)) continue;
    // "county road nine" is a route (highways()); "willow lane forty seven willow lane" names one address.
    if (routeAfter(u, street) || said.has(streetName(street.name))) continue;
    // "the hundred sixty eighth street station": a place named for its street (landmarks()).
    if ((STRONG_HEADS.has(t[street.end] ?? '') || t[street.end] === 'station') && !u.pauses[street.end - 1]) continue;
    // "on the Bangerter highway heading south", "eastbound on the Merrimack Turnpike": a highway's direction of travel said
    // around it, as a numbered one's.
    const way = HIGHWAY_SUFFIX.has(street.suffix[0]!) ? directionAround(u, { start: theRoad ? i - 1 : i, end: street.end }) : undefined;
    const direction = way ? ` ${way[0]!.toUpperCase()}B` : '';
    const house = way ? undefined : houseAfter(u, street.end);
    const end = house?.end ?? street.end;
    put({ start: i, end }, `${house ? `${house.number} ` : ''}${streetName(street.name)} ${street.suffix[0]}${direction}`);
    taken.fill(true, i, end);
    i = end - 1;
  }
}

// The roads numbered as routes (HIGHWAY_RE): "county road nine"; "juniper hollow road two stories" is a road and a height.
const ROUTE_ROADS = new Set(['county', 'state', 'township', 'parish', 'forest', 'farm', 'bia', 'blm', 'b l m']);
/**
 * The house number said after its street: set apart ("Zielona Street, nineteen thirty two, upstairs": three digits or more,
 * as an age or a count is two), as the number the caller is at ("Firehouse Road ... we're at number eighty two"), or as
 * the rural fire number ("the cottage on Little Sable Road, fire number eighty two forty").
 */
function houseAfter(u: Utterance, end: number): { number: string; end: number } | undefined {
  const t = u.tokens;
  if (u.pauses[end - 1] && /^\d{3,5}$/.test(t[end] ?? '') && (end + 1 === u.length || u.pauses[end] || STOP.has(t[end + 1]!))) return { number: t[end]!, end: end + 1 };
  const at = /\b(?:(?:were|we are|its|im|i am|were at|at|house) )number (\d{1,5})\b(?! (?:minutes?|people|of)\b)/.exec(t.slice(end).join(' ')) ?? FIRE_NUMBER.exec(u.text);
  return at ? { number: at[1]!, end } : undefined;
}

/**
 * A road said with its route's number or letter after it ("county road nine", "county road k"): highways() reads it; not a
 * number after a typed pause ("seven fifteen Bayou Road, five of us").
 */
const routeAfter = (u: Utterance, street: Street): boolean =>
  (street.suffix?.[0] === 'Highway' || (street.suffix?.[0] === 'Road' && ROUTE_ROADS.has(street.name.join(' ')))) &&
  !u.pauses[street.end - 1] &&
  (/^\d+$/.test(u.tokens[street.end] ?? '') || (street.name.join(' ') === 'county' && /^[b-hj-z]$/.test(u.tokens[u.tokens[street.end] === 'double' ? street.end + 1 : street.end] ?? '')));

const UNIT_PREFIX: Record<string, string> = {
  apartment: 'Apt', apt: 'Apt', flat: 'Apt', unit: 'Unit', suite: 'Ste', ste: 'Ste', room: 'Room', rm: 'Room', building: 'Bldg', bldg: 'Bldg', lot: 'Lot', space: 'Lot', trailer: 'Trailer',
};
// A mobile home park's "space fifteen" is its lot, as writers label it.
const UNIT_RE = /\b(apartment|apt|flat|unit|suite|ste|room|rm|building|bldg|lot|space|trailer) (?:number )?(\d+[a-z]?|[b-hj-z](?: \d+)?)(?= |$)/dg;
// Someone "in two oh nine" at a hotel or a dorm is in that room; "upstairs in three b" in that apartment.
const IN_ROOM_RE = /\b(?:guest|guests|resident|residents|tenant|tenants|patient|couple|lady|man|woman|family|neighbor|neighbors|kid|girl|boy|guy|people|somebody|someone|upstairs|downstairs) (?:in|from) (?:(\d{3,4})|(\d{1,2}[a-h]|\d{1,2} [a-h]))\b(?! (?:minutes?|hours?|days?|weeks?|years?|am|pm|people))/dg;
// A garage's "level three" is a floor too.
// Not the floor a deck or a balcony is on when someone fell from it ("off the second floor deck"), nor "the bathroom floor, 2117 ...".
const FLOOR_RE = /\b(?:(\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|ground) (?:floor|level)(?! (?:balcony|deck|window|porch|landing|roof|railing|fall))|(?<!(?:bathroom|kitchen|bedroom|garage|shop|dance|the) )(?:floor|level) (\d{1,3}))\b/dg;

function units(u: Utterance, put: Put): void {
  for (const m of u.matches(UNIT_RE)) {
    // "in the gravel lot, two guys": a pause between the word and a number, or people counted after it, is no unit.
    if (u.pauses[m.groups[0]!.end - 1] || /^(?:guys|people|men|kids|cars|of)$/.test(u.tokens[m.end] ?? '')) continue;
    // "apartment c, ten fourteen bastogne road": the letter is the unit, the number after the pause the house.
    const value = u.pauses[m.groups[1]!.start] && m.groups[1]!.end - m.groups[1]!.start > 1 ? { start: m.groups[1]!.start, end: m.groups[1]!.start + 1 } : m.groups[1]!;
    put({ start: m.start, end: value.end }, `${UNIT_PREFIX[u.words(m.groups[0]!)]} ${u.words(value).replace(/ /g, '').toUpperCase()}`);
  }
  for (const m of u.matches(IN_ROOM_RE)) {
    const [room, apartment] = m.groups.map((g) => (g ? u.words(g) : undefined));
    put(m, room ? `Room ${room}` : `Apt ${apartment!.replace(' ', '').toUpperCase()}`);
  }
  for (const m of u.matches(FLOOR_RE)) {
    const word = m.groups[0] ? u.words(m.groups[0]) : u.words(m.groups[1]!);
    put(m, `Floor ${word === 'ground' ? 1 : (ordinalValue(word) ?? Number(word))}`);
  }
}

// "crossroads are", "the intersection with", "where bell road meets": a pair or one street told as where two roads cross.
// A hedge may follow: "the closest intersection is probably ninth and harbor".
const STRONG_CROSS = /\b(?:(?:corner|intersection|junction)(?: of| is| at| with)?|crossroads?(?: are| is| of)?|cross of|between|(?:nearest|closest) cross(?:ing)?(?! streets?\b)(?: is)?|cross (?:streets?|st|road)(?: is| are| its| would be| would have to be| of)?)(?: (?:probably|like|maybe|i think|i guess))?/dg;
// "off of" before "off", so the longer cue is the one read.
const WEAK_CROSS = /\b(?:near|at|by|on|off of|off|from|close to|next to|its|its like|were like|im like|where|(?:sign|it) says) /dg;
// Said after the pair: "the kennedy and sixth intersection", "at martin and jackson streets".
const PAIR_AFTER = new Set(['intersection', 'corner', 'crossing']);
// Said after a street with its type, a numbered street alone is the one it crosses: "on main street at fifth", "state street by forty second".
const AT_ONE = /\b(?:at|by|past|toward|towards) /dg;
// A route said as the second street: "ridge road and highway twelve" -> "Ridge Rd & Hwy 12".
const ROUTE_STREET = /^(highway|hwy|route|rt|state route|county road) (\d{1,3})\b/;
const ROUTE_LABEL: Record<string, string> = { highway: 'Hwy', hwy: 'Hwy', route: 'Route', rt: 'Route', 'state route': 'Route', 'county road': 'County Road' };
const NEAR_ONE = /\b(?:near|off of|off|corner (?:with|at)) /dg;
const CROSS_AFTER = /\b(?:is )?the cross street\b/dg;

const NAME_PREFIX = new Set(['saint', 'st', 'san', 'santa', 'fort', 'mount', 'mt']);

// Words for one road meeting another: "where bell road meets the frontage road".
const MEETS = ['meets', 'crosses', 'intersects', 'runs into', 'turns into', 'hits'];

function crossStreets(u: Utterance, put: Put, taken: boolean[]): void {
  /** How many tokens from `k` say that one road meets the next ("meets", "runs into the"), or 0. */
  const meeting = (k: number): number => {
    // "old ferry road where it meets route nine".
    const lead = u.tokens[k] === 'where' ? (u.tokens[k + 1] === 'it' ? 2 : 1) : 0;
    const said = MEETS.find((m) => u.tokens.slice(k + lead, k + lead + m.split(' ').length).join(' ') === m)?.split(' ').length;
    return said === undefined ? 0 : lead + said + (u.tokens[k + lead + said] === 'the' ? 1 : 0);
  };
  // A street said without its suffix in a pair is one word, or a direction and one: "at sixtieth and grand send someone".
  // A name that starts with "saint" or "fort" has two words ("Bayou Road and Saint Claude"), and so has one typed with two capitals ("Van Buren and Sixth").
  const short = (s: Street | undefined): Street | undefined => {
    const at = s ? s.end - s.name.length : 0;
    const typedTwo = s !== undefined && s.name.length >= 2 && [at, at + 1].every((k) => /^\p{Lu}\S*$/u.test(u.raw(k, k + 1)));
    const keep = NAME_PREFIX.has(s?.name[0] ?? '') || typedTwo ? 2 : 1;
    return s && !s.suffix && s.name.length > keep && !DIRECTIONS.has(s.name[0]!) ? { ...s, name: s.name.slice(0, keep), end: s.end - s.name.length + keep } : s;
  };
  // A one-word name typed with its capital: "Colonial", "Grant".
  const capital = (s: Street) => s.name.length === 1 && !s.suffix && /^\p{Lu}/u.test(u.raw(s.end - 1, s.end));
  const pair = (cue: Span, strong: boolean, onlyNamed = false): boolean => {
    // A route said first: "the junction of route nine and elm".
    const first = ROUTE_STREET.exec(u.tokens.slice(cue.end, cue.end + 3).join(' '));
    if (first && !onlyNamed) {
      const and = cue.end + first[0].split(' ').length;
      // "route twelve and the notch road", "route twelve meets the notch road".
      const joint = u.tokens[and] === 'and' ? (u.tokens[and + 1] === 'the' ? 2 : 1) : meeting(and);
      // "county road nine and county road forty": two routes.
      const second = u.tokens[and] === 'and' ? ROUTE_STREET.exec(u.tokens.slice(and + 1, and + 4).join(' ')) : null;
      if (second) {
        const end = and + 1 + second[0].split(' ').length;
        put({ start: cue.end, end }, `${ROUTE_LABEL[first[1]!]} ${first[2]} & ${ROUTE_LABEL[second[1]!]} ${second[2]}`);
        taken.fill(true, cue.end, end);
        return true;
      }
      const other = joint > 0 ? short(readStreet(u, and + joint)) : undefined;
      // "route six and cortland", "highway seventy and Colonial": a route and a name is a corner; the name one word a street can have,
      // or typed as a name.
      if (!other || !(strong || other.suffix || other.ordinal || (other.name.length === 1 && namedCorner(other.name[0]!)) || (capital(other) && !STOP.has(other.name[0]!)))) return false;
      put({ start: cue.end, end: other.end }, `${ROUTE_LABEL[first[1]!]} ${first[2]} & ${crossLabel(other)}`);
      taken.fill(true, cue.end, other.end);
      return true;
    }
    const a = short(readStreet(u, cue.end));
    // "where bell road meets the frontage road", "where dumont runs into kings highway": meeting is crossing.
    if (!a) return false;
    const joint = u.tokens[a.end] === 'and' ? 1 : meeting(a.end);
    if (joint === 0) return false;
    const route = ROUTE_STREET.exec(u.tokens.slice(a.end + joint, a.end + joint + 3).join(' '));
    if (route && (a.suffix || strong || (a.name.length === 1 && namedCorner(a.name[0]!)))) {
      const end = a.end + joint + route[0].split(' ').length;
      put({ start: cue.end, end }, `${crossLabel(a)} & ${ROUTE_LABEL[route[1]!]} ${route[2]}`);
      taken.fill(true, cue.end, end);
      return true;
    }
    const b = short(readStreet(u, a.end + joint));
    // "fifth and sixth grade", "third and fourth floor": ordinals of something else.
    if (!b || ['grade', 'graders', 'grades', 'floor', 'floors', 'period', 'place'].includes(u.tokens[b.end] ?? '')) return false;
    // "hit and run", "salt and pepper"; "on pelham road and took my wallet": a verb goes on the sentence.
    // After "the corner of" a word that is also a verb is a street ("ninth and market").
    if (NOT_PAIR.has(`${a.name.join(' ')} ${b.name.join(' ')}`) || (!strong && !b.suffix && b.name.length === 1 && lexiconTags(b.name[0]!).some((t) => VERB_TAGS.has(t)))) return false;
    // "she's on warfarin and metformin": what someone takes, unless the names are streets'.
    if (!a.suffix && !b.suffix && !a.ordinal && !b.ordinal && u.tokens[cue.end - 1] === 'on' && ['hes', 'shes', 'im', 'theyre', 'is'].includes(u.tokens[cue.end - 2] ?? '') && !(bareStreetName(a.name[0]!, false) && bareStreetName(b.name[0]!, false))) return false;
    // "martin and jackson streets": one type said for both.
    const shared = !a.suffix && !b.suffix && /^(?:streets|avenues|roads|drives)$/.test(u.tokens[b.end] ?? '') ? streetSuffix(u.tokens[b.end]!.slice(0, -1)) : undefined;
    const after = PAIR_AFTER.has(u.tokens[b.end] ?? '') || shared !== undefined;
    if (onlyNamed && !after) return false;
    // Two bare names ("at elm and maple") are streets when both are one word that can only be a name or a thing.
    const bare = (s: Street) => s.name.length === 1 && !s.suffix && (streetWord(s.name[0]!) || bareStreetName(s.name[0]!, false));
    // Or both typed with capitals after a place cue: "I'm at Jefferson and Grant", "Near Broad and Market".
    if (!strong && !after && !(a.suffix || a.ordinal || b.suffix || b.ordinal) && !(bare(a) && bare(b)) && !(capital(a) && capital(b) && namedCorner(a.name[0]!) && namedCorner(b.name[0]!))) return false;
    const [la, lb] = shared ? [{ ...a, suffix: shared }, { ...b, suffix: shared }] : [a, b];
    const end = shared ? b.end + 1 : b.end;
    put({ start: cue.end, end }, `${crossLabel(la)} & ${crossLabel(lb)}`);
    taken.fill(true, cue.end, end);
    return true;
  };
  for (const m of u.matches(STRONG_CROSS)) {
    if (pair(m, true)) continue;
    // "the cross street is prospect avenue"
    const one = /cross/.test(u.words(m)) ? readStreet(u, m.end) : undefined;
    // "the cross street's tenth": a numbered street said alone is one too.
    if (one && (one.suffix || /\b(?:is|are|its|be|of)\b/.test(u.words(m)) || (one.ordinal && one.name.length === 1))) {
      put({ start: m.end, end: one.end }, crossLabel(one));
      taken.fill(true, m.end, one.end);
    }
  }
  for (const m of u.matches(WEAK_CROSS)) if (!taken[m.end]) pair(m, false);
  for (const m of u.matches(/\bthe /dg)) if (!taken[m.end]) pair(m, false, true);
  // "we're on pine near sixteenth", "off of fifth": a numbered street alone near where the caller is.
  for (const m of u.matches(NEAR_ONE)) {
    const one = readStreet(u, m.end);
    if (!taken[m.end] && one && !one.suffix && one.name.length === 1 && one.ordinal && u.tokens[one.end] !== 'and' && u.tokens[one.end] !== 'floor') {
      put({ start: m.end, end: one.end }, crossLabel(one));
      taken.fill(true, m.end, one.end);
    }
  }
  // A caller answering with the corner alone, or after a pause: "lincoln and third", "at the stoplight, broadway and third".
  for (let i = 0; i < u.length; i++) if (!taken[i] && (i === 0 || u.pauses[i - 1])) pair({ start: i, end: i }, false);

  // "third streets the cross street", "willow lane is the cross street": read the street backwards.
  for (const m of u.matches(CROSS_AFTER)) {
    // "were on cedar the cross street is pine": the street is the one after.
    if (u.tokens[m.end] === 'is') continue;
    for (let start = Math.max(0, m.start - 3); start < m.start; start++) {
      const s = readStreet(u, start, true);
      if (s && s.end === m.start && !STOP.has(u.tokens[start]!)) {
        put({ start, end: s.end }, crossLabel(s));
        taken.fill(true, start, s.end);
        break;
      }
    }
  }
}

/**
 * After a street said with its type or read as an address, the street it crosses: a numbered one
 * alone ("on main street at fifth", "walking down willard toward thirty eighth"), or any said
 * after "at" ("on bellmont at lacey street"). The spans it read, which no address keeps.
 */
function crossAfterStreet(u: Utterance, put: Put, taken: boolean[]): Span[] {
  const read: Span[] = [];
  for (const m of u.matches(AT_ONE)) {
    const one = readStreet(u, m.end);
    const street = streetSuffix(u.tokens[m.start - 1]) || taken[m.start - 1];
    if (!one || !street || u.tokens[one.end] === 'and' || u.tokens[one.end] === 'floor') continue;
    const numbered = !taken[m.end] && !one.suffix && one.name.length === 1 && one.ordinal;
    // "on bellmont at lacey street", "on oakhurst at pruitt": any street said after "at" the one someone is on (an address read it if it had a type).
    const at = u.tokens[m.start] === 'at' && !u.pauses[m.start - 1] && (one.suffix ? one.name.length <= 2 : one.name.length === 1 && !taken[m.end] && bareStreet(u, m.end, false)?.end === one.end);
    if (numbered || at) {
      // Said alone ("Harbor Drive at Shrimp Lane"), the two streets are the corner.
      let from = m.start;
      while (from > 0 && taken[from - 1]) from--;
      const first = at ? readStreet(u, from) : undefined;
      const corner = first?.suffix && first.end === m.start && (from === 0 || u.pauses[from - 1]);
      const span = { start: corner ? from : m.end, end: one.end };
      put(span, corner ? `${crossLabel(first)} & ${crossLabel(one)}` : crossLabel(one));
      taken.fill(true, span.start, span.end);
      read.push(span);
    }
  }
  return read;
}

// Rural numbered roads as signed: "Forest Road twenty three ten" (four digits), "FM ninety one", "BIA road fifty twenty", "road twenty two";
// county roads lettered in some states: "county road k", "county road m m", "county road double j" (not "a" or "i", which
// are words); "on county forty six"; Louisiana's parish roads, BLM roads on federal land.
const HIGHWAY_RE =
  /\b(interstate|i|highway|hwy|route|rt|us|u s|state route|sr|state highway|state road|county road|cr|township road|parish road|rural route|forest road|farm road|fm|f m|farm to market|bia road|b l m road|blm road|navajo route|indian route|(?<=\b(?:on|off|of|at|to|onto) )(?:road|county)) (\d{1,3}|(?<=forest road |bia road |blm road |b l m road )\d{4}|(?<=county road |cr )(?:double )?[b-hj-z](?: [b-hj-z](?= |$))?(?= |$))(?! (?:cars|vehicles|people|of|times|minutes|hours|miles|guys|kids|trucks)\b)(?: (eastbound|westbound|northbound|southbound|(?:east|west|north|south)(?! of\b)|eb|wb|nb|sb)\b)?/dg;
// "just passed mile one forty two", "the eighty seven mile post": a mile said where a driver is;
// "mile eighty", "the yardstick for one forty nine" (truckers), "a post that says eighty eight
// point four"; not a channel marker. Tenths as said: "nine point five", "eight and a half".
const MILE_RE =
  /(?:\b(?<!\b(?:channel|buoy|day) )(?:mile markers?|mile posts?|mileposts?|markers?|mm|(?:passed|past|at|near|around|about|by|sign for) mile|yardstick(?: for| at)?|(?:post|sign) (?:that )?says(?: mile)?)|(?<!\b(?:a|1|half|quarter|per|every|each|last|first|next|that|this) )\bmile(?= \d{1,3}\b(?! (?:miles?|minutes?|hours?|away|from|down|up|south|north|east|west)\b))) (?:number |i saw (?:was|is) (?:like |about )?|(?:was|is) (?:like |about )?)?(\d{1,3})\b(?: point (\d)\b|( and a half)\b)?|(?<!\b(?:interstate|i|highway|hwy|route|rt|us|road|sr|cr) )\b(\d{1,3}) mile (?:marker|post)\b(?! \d)/dg;
// A freeway said by its number where a marker is said: "mile marker sixty three on ninety five north",
// "on forty four near mile marker two oh six", "seventy east, mile marker two oh three", "mile marker sixty one on the ten
// going west" (one digit only after "the").
const MARKED_FREEWAY_RE = /(?:\b(?:on|of) (?:the )?|^)(\d{2,3}|(?<=the )\d)\b(?! (?:miles?|minutes?|feet|yards|cars|people|mph)\b)(?= (?:(?:east|west|north|south)(?:bound)?|near|at|by|around|mile|mm|just|right|past|going|heading|headed|the)\b|$)|\b(?:east|west|north|south)bound (?:on )?(?:the )?(\d{2,3})\b/dg;
// A freeway said by its number alone with a direction: "the four oh five northbound", "the shoulder of ninety four eastbound",
// "eighty four eastbound at the exit" (a line that starts with it: two digits or three).
// Also the direction first: "northbound ninety five at mile three", "going south on forty"; and the side of it: "on eighty one,
// the southbound side".
const FREEWAY_RE = /(?:\b(?:the|of|on) |^)(\d{2,3}|(?<!^)\d) (?:the (?=\w+bound (?:side|lanes?)\b))?(eastbound|westbound|northbound|southbound|(?<=\bon \d{2,3} )(?:east|west|north|south)(?! (?:street|avenue|road|drive|lane|boulevard|of|side|end|on)\b))\b|\b(eastbound|westbound|northbound|southbound) (?:on )?(?:the )?(\d{1,3})(?= (?:at|near|past|by|around|mile|just|right|before|after|between|coming|going|heading)\b|$)|\b(?:going|heading|headed|driving|traveling|travelling) (east|west|north|south)(?:bound)? on (?:the )?(\d{2,3})\b(?! (?:miles?|minutes?|mph|street|streets|avenue|road|drive|lane|boulevard|st|ave|rd|dr)\b)/dg;
// A freeway's number said at what only freeways have: "the rest area on ninety four", "exit nine on two eighty seven",
// "the overpass over twenty five", "exit twelve b off four ninety five".
const FREEWAY_PLACE_RE = /\b(?:rest (?:area|stop)|truck stop|travel (?:plaza|center)|service (?:plaza|area)|weigh station|exit \d{1,3}(?: [a-d])?|(?:on|off) ?ramp|overpass) (?:on|off(?: of)?|over|onto|to) (?:the )?(\d{2,3})\b(?! (?:streets?|avenue|road|drive|lane|boulevard|st|ave|rd|dr|miles?|minutes?|mph|feet|yards|people|cars)\b)/dg;
// The direction of travel said around the road: "eastbound i seventy", "the southbound side of", "heading south on route nine", "us one going south".
const DIRECTION_BEFORE = /(?:\b(east|west|north|south)bound(?: side| lanes?)?(?: of| on| in)?(?: the)?|\b(?:going|heading|headed|traveling|travelling|driving|went|go|goes) (east|west|north|south)(?:bound)? (?:on|down|up|along)(?: the)?) $/;
// After it: "route six heading west", "the Glenn highway eastbound", "highway twelve, the northbound side", "route nine, i think
// we're going east", "highway twenty west of the pass, heading west" (where it is, then which way).
const DIRECTION_AFTER = /^ (?:(?:east|west|north|south) of (?:the )?\w+ )?(?:(?:the )?(east|west|north|south)bound\b|(?:(?:i think )?(?:were|we are|im|i am) )?(?:going|heading|headed|traveling|travelling|driving) (east|west|north|south))/;
const FIRE_NUMBER = /\bfire numbers? (?:is |on the post (?:is |says )?|says |reads )?(\d{3,5})\b/;
const HIGHWAY_LEAD = new Set(['on', 'the', 'of', 'off', 'onto', 'take', 'near', 'at', 'took']);
const HIGHWAY_TAIL = new Set(['mile', 'marker', 'mm', 'exit', 'at', 'near']);

function directionAround(u: Utterance, m: Span): string | undefined {
  const before = DIRECTION_BEFORE.exec(`${u.tokens.slice(Math.max(0, m.start - 6), m.start).join(' ')} `);
  const after = DIRECTION_AFTER.exec(` ${u.tokens.slice(m.end, m.end + 6).join(' ')}`);
  return before?.[1] ?? before?.[2] ?? after?.[1] ?? after?.[2];
}

// A highway read by name among the streets, no house on it: "the Garrison Turnpike westbound".
const NAMED_HIGHWAY = new RegExp(` (?:${[...HIGHWAY_SUFFIX].join('|')})(?: [NSEW]B)?$`);

/** Numbered highways and mile markers; a marker on a highway read by name among `streets` is that highway's, said once. */
function highways(u: Utterance, put: Put, taken: boolean[], streets: [Span, string][]): void {
  let highway: { span: Span; label: string; direction?: string } | undefined;
  for (const m of u.matches(HIGHWAY_RE)) {
    if (taken[m.start]) continue; // a route said as a cross street ("ridge road and highway twelve")
    const kind = u.words(m.groups[0]!).replace('u s', 'us'); // "u s thirty": the letters said
    // "county road double j": Wisconsin's lettered roads, JJ.
    const n = u
      .words(m.groups[1]!)
      .replace(/^double ([a-z])$/, '$1 $1')
      .replace(/^([a-z]) ?([a-z]?)$/, (_, a: string, b: string) => `${a}${b}`.toUpperCase());
    const direction = m.groups[2] ? u.words(m.groups[2]) : directionAround(u, m);
    // "i" and "us" are pronouns unless clearly a road: "on i 80", "i 80 westbound".
    if ((kind === 'i' || kind === 'us') && !HIGHWAY_LEAD.has(u.tokens[m.start - 1] ?? '') && !direction && !HIGHWAY_TAIL.has(u.tokens[m.end] ?? '')) continue;
    // "three of us, two are hurt": a count of us.
    if (kind === 'us' && u.tokens[m.start - 1] === 'of' && /^(?:\d+|both|all|some|none|any|each|many|few|most)$/.test(u.tokens[m.start - 2] ?? '')) continue;
    // "a gray Honda CR-V", "a pilot or a cr v": a model; "cr" is a county road after "on" or "off" ("off CR 12").
    if (kind === 'cr' && (namesVehicle(u.tokens[m.start - 1] ?? '') || (/^[a-z]/.test(n.toLowerCase()) && !HIGHWAY_LEAD.has(u.tokens[m.start - 1] ?? '')))) continue;
    let label = { interstate: `I-${n}`, i: `I-${n}`, us: `US-${n}`, highway: `Highway ${n}`, hwy: `Highway ${n}`, route: `Route ${n}`, rt: `Route ${n}`, 'state highway': `Highway ${n}`, 'state road': `State Road ${n}`, 'county road': `County Road ${n}`, cr: `County Road ${n}`, 'township road': `Township Road ${n}`, 'parish road': `Parish Road ${n}`, 'rural route': `Rural Route ${n}`, 'forest road': `Forest Road ${n}`, 'farm road': `Farm Road ${n}`, fm: `FM ${n}`, 'f m': `FM ${n}`, 'farm to market': `FM ${n}`, 'bia road': `BIA Road ${n}`, 'b l m road': `BLM Road ${n}`, 'blm road': `BLM Road ${n}`, 'navajo route': `Navajo Route ${n}`, 'indian route': `Indian Route ${n}`, road: `Road ${n}`, county: `County Road ${n}` }[kind] ?? `Route ${n}`;
    // "rural route three box twenty eight": the box is the house on the route.
    const box = kind === 'rural route' && u.tokens[m.end] === 'box' && /^\d+$/.test(u.tokens[m.end + 1] ?? '') ? u.tokens[m.end + 1] : undefined;
    if (box) label += ` Box ${box}`;
    // "five eighty five route twenty two": a house on a numbered road, as an address ("585 Route 22").
    const house = u.tokens[m.start - 1];
    const numbered = house !== undefined && /^\d{1,6}$/.test(house) && !taken[m.start - 1] && !NOT_HOUSE_NUMBER.has(u.tokens[m.start - 2] ?? '') && !['interstate', 'i', 'us'].includes(kind);
    // "the fire number's eighteen forty two, on township road one twenty": the rural house number said apart.
    const fire = numbered || box ? undefined : FIRE_NUMBER.exec(u.text)?.[1];
    if (fire) label = `${fire} ${label}`;
    const span = { start: numbered ? m.start - 1 : m.start, end: box ? m.end + 2 : m.end };
    highway ??= { span, label: numbered ? `${house} ${label}` : label, direction: direction && !numbered && !box && !fire ? `${direction[0]!.toUpperCase()}B` : undefined };
  }
  // A freeway said by its number alone is the highway a marker is on too.
  if (!highway) {
    for (const m of u.matches(FREEWAY_RE)) {
      const [number, direction] = m.groups[0] ? [m.groups[0], m.groups[1]!] : m.groups[3] ? [m.groups[3], m.groups[2]!] : [m.groups[5]!, m.groups[4]!];
      highway = { span: m.groups[0] ? { start: m.start + 1, end: m.end } : m, label: `I-${u.words(number)}`, direction: `${u.words(direction)[0]!.toUpperCase()}B` };
      break;
    }
  }
  if (!highway) {
    const m = u.matches(FREEWAY_PLACE_RE).next().value;
    const direction = m && directionAround(u, m.groups[0]!);
    if (m) highway = { span: m.groups[0]!, label: `I-${u.words(m.groups[0]!)}`, direction: direction && `${direction[0]!.toUpperCase()}B` };
  }
  let marked = false;
  for (const m of u.matches(MILE_RE)) {
    const [said, tenth, half, before] = m.groups.map((g) => (g ? u.words(g) : undefined));
    // What a sign says is a mile only as all it says: "a sign that says two loons campground" names a place.
    if (/^(?:post|sign) /.test(u.words(m)) && m.end < u.length && !u.pauses[m.end - 1] && !STOP.has(u.tokens[m.end]!)) continue;
    // A freeway said only by its number, before or after the marker, is the marker's highway.
    const named = streets.findIndex(([, value]) => NAMED_HIGHWAY.test(value) && !/^\d/.test(value));
    const freeway =
      highway ??
      [...u.matches(MARKED_FREEWAY_RE)].filter((f) => f.end <= m.start || f.start >= m.end).map((f) => ({ span: f, label: `I-${u.words((f.groups[0] ?? f.groups[1])!)}` }))[0] ??
      (named < 0 ? undefined : { label: streets.splice(named, 1)[0]![1].replace(/ [NSEW]B$/, '') });
    // The raw text runs from the highway to the marker when both were said: "interstate eighty mile marker one twelve".
    const span = highway && highway.span.start < m.start && m.start - highway.span.end <= 6 ? { start: highway.span.start, end: m.end } : m;
    put(span, `${freeway ? `${freeway.label} ` : ''}MM ${said ?? before}${tenth ? `.${tenth}` : half ? '.5' : ''}`);
    marked = true;
    break; // "between mile markers ninety and ninety one": the first said
  }
  if (highway && !marked) put(highway.span, highway.direction ? `${highway.label} ${highway.direction}` : highway.label);
}

/** The addresses left when one said and then taken back ("forty forty hollister, no wait, four oh one four") is dropped. */
function unretracted(u: Utterance, found: [Span, string][]): [Span, string][] {
  found.sort(([a], [b]) => a.start - b.start);
  return found.filter(([span], k) => {
    const next = found[k + 1]?.[0];
    return next === undefined || next.start - span.end > 6 || !u.tokens.slice(span.end, next.start).some((w) => CORRECTION.has(w));
  });
}

export const extractLocation: Extractor = (u, emit) => {
  // Tokens a cross street or an address took are not read again as a street or a landmark.
  const taken = new Array<boolean>(u.length).fill(false);
  const said: [Span, string][] = [];
  crossStreets(u, (span, value) => emit('cross_street', span, value), taken);
  addresses(u, (span, value) => said.push([span, value]), taken);
  const crossed = crossAfterStreet(u, (span, value) => emit('cross_street', span, value), taken);
  units(u, (span, value) => emit('unit', span, value));
  highways(u, (span, value) => (value.includes('MM ') ? emit('mile_marker', span, value) : said.push([span, value])), taken, said);
  // A street read as the one crossed is not an address as well.
  const kept = said.filter(([span]) => !crossed.some((c) => c.start < span.end && span.start < c.end));
  for (const [span, value] of unretracted(u, kept)) emit('address', span, value);
  landmarks(u, (span, value) => emit('landmark', span, value), taken);
};
