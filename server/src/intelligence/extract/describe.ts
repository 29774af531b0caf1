// Descriptions: a suspect (sex and race words as said, height, build, hair, clothing; the age
// said goes to patient_age, the corpus convention) and vehicles (colour, make, model, type, plate), each as its parts in said order.

import type { Span, Utterance } from './text.js';
import { DECADES, countsSomething } from './vitals.js';
import { COLOURS, CORRECTION, type Extractor, STOP, WALKING_AIDS, bodyPart, lexiconTags, phrases, spokenHeight, streetSuffix, struckAt } from './words.js';

const SEX: Record<string, string> = {
  male: 'male', males: 'male', man: 'male', men: 'male', guy: 'male', guys: 'male', dude: 'male', boy: 'male', kid: 'male',
  female: 'female', females: 'female', woman: 'female', women: 'female', lady: 'female', girl: 'female',
};
const RACE = new Set(['white', 'black', 'hispanic', 'latino', 'latina', 'asian', 'native', 'indian', 'arab', 'mixed', 'caucasian']);
const CLOTHES = new Set(
  ('hoodie hoodies hoody jacket coat shirt tshirt tee sweater sweatshirt jeans pants shorts hat cap beanie mask gloves boots sneakers shoes backpack vest uniform dress skirt scarf bandana sunglasses glasses overalls sweatpants leggings jersey windbreaker parka ' +
    'flannel slacks khakis tracksuit sweats joggers raincoat poncho cardigan blazer suit apron robe pajamas sandals heels blouse polo sundress trenchcoat scrubs purse handbag bag helmet headband clothes clothing outfit slippers crocs swimsuit fedora puffer fleece gown trunks diaper hardhat durag headlamp visor ' +
    'slicker housecoat bathrobe bikini suspenders waders coveralls').split(' '),
);
const CLOTHES_MOD = new Set(
  ('black white red blue green grey gray dark light brown yellow orange purple pink navy camo camouflage khaki tan plaid striped silver gold maroon hooded ski leather denim baseball puffy ' +
    'olive burgundy teal neon bright cargo flannel trucker work running reflective basketball button zip army construction backwards hard swim rain hospital tweed bathing puffer fleece hunting canvas snow rubber life').split(' '),
);
const BUILD = new Set(['heavy', 'heavyset', 'stocky', 'skinny', 'thin', 'slim', 'muscular', 'chubby', 'fat', 'big', 'tall', 'short', 'medium', 'average']);
// Said of a person only with another word: "heavy" alone is how someone breathes or bleeds.
const BUILD_WITH = new Set(['heavy', 'big', 'medium', 'average']);
// An age said as a word says who, not what they look like: "an older man" is a patient as often as a suspect.
const AGE_WORDS = new Set(['young', 'younger', 'old', 'older', 'elderly', 'teenage']);
// Said before a build or a person, kept as said: "real skinny", "young guy", "older lady".
const DEGREE = new Set(['real', 'really', 'very', 'super', 'pretty']);
const PERSON_MOD = new Set([...BUILD, ...RACE, ...DEGREE, ...AGE_WORDS, 'set', 'light', 'dark', 'fair', 'skinned']);
const MARKS = new Set(['tattoo', 'tattoos', 'scar', 'scars', 'birthmark', 'piercing']);
const OWNERS = new Set(['his', 'her', 'their', 'the']);
// Hair, marks and build said as one word of a description: "bald", "tattoos", "a mullet", "potbelly".
// What else is bald: "hiking up bald knob", "a bald eagle", "bald tires" ("a bald spot" is his).
const BALD_THINGS = new Set(['knob', 'mountain', 'hill', 'peak', 'ridge', 'eagle', 'eagles', 'tire', 'tires']);
// After a number of feet, what makes it a distance, not a height.
const DISTANCE = new Set('down up deep high away off from of into under below above long wide back'.split(' '));
const FEATURE_WORDS = new Set(['bald', 'beard', 'mustache', 'moustache', 'goatee', 'dreads', 'dreadlocks', 'ponytail', 'tattoos', 'tattoo', 'braids', 'cornrows', 'afro', 'mohawk', 'mullet', 'bangs', 'potbelly', 'freckles', 'pigtails', 'sideburns']);
const HAIR_STYLES = new Set(['ponytail', 'braid', 'braids', 'bun', 'cornrows', 'dreads', 'pigtails']);
const PRONOUNS = new Set(['he', 'she', 'hes', 'shes', 'his', 'her', 'him']);
// Hair on the head or the face, as said after its colour or length.
const HAIR = new Set(['hair', 'beard', 'mustache', 'goatee', 'braids', 'dreads', 'ponytail']);
const HAIR_COLOUR = new Set(['blond', 'blonde', 'brown', 'black', 'red', 'grey', 'gray', 'long', 'short', 'curly', 'dark', 'white', 'thin', 'thick', 'bushy', 'scruffy', 'big', 'pink', 'purple', 'green', 'blue']);
const CARRIED = new Set(['purse', 'handbag', 'bag']);
// Items said in two words whose first is no clothing word: "a pink crop top", "flip flops".
const TWO_WORD_ITEMS = new Set(['tank top', 'crop top', 'tube top', 'halter top', 'flip flops', 'nose ring']);
const AID_CUE = new Set(['with', 'using', 'on', 'in', 'pushing', 'riding']);
// A person named as someone already known ("the guy", "this lady") is who, not a description of them.
const KNOWN = new Set(['the', 'this', 'that', 'my', 'his', 'her', 'our', 'your']);

const PERSON = new Set(['build', 'he', 'she', 'hes', 'shes']);
const GUESS = new Set(['maybe', 'about', 'like', 'around', 'probably', 'roughly', 'approximately']);
interface Part extends Span {
  text: string;
  /** `person`: a person with what was said of them ("tall skinny male", "white female"); `sex` the bare word. */
  kind: 'sex' | 'person' | 'clothes' | 'age' | 'other';
}

const NOT_KIND_TAGS = /^(?:Verb|PastTense|Gerund|Infinitive|PresentTense|Adverb|Preposition|Determiner|Pronoun|Possessive|Conjunction|Copula|Modal|Value|Cardinal|QuestionWord|Negative|Expression)$/;
/** A word that can name a clothing item's kind before it: a noun or a name, not a function word, a verb, a person or a number. */
const kindWord = (w: string): boolean =>
  w.length > 2 && !/\d/.test(w) && !STOP.has(w) && !bodyPart(w) && !PERSON_MOD.has(w) && !OWNERS.has(w) && !WEARING.has(w) && !GUESS.has(w) && !CLOTHES.has(w) && !lexiconTags(w).some((tag) => NOT_KIND_TAGS.test(tag));

function suspectParts(u: Utterance): Part[] {
  const t = u.tokens;
  const parts: Part[] = [];
  // Near a person: a sex word or "build" close by, or a part of the description just before ("white, tall").
  const near = (i: number) => t.slice(Math.max(0, i - 6), i + 6).some((w) => Object.hasOwn(SEX, w) || PERSON.has(w)) || (parts.length > 0 && i - parts[parts.length - 1]!.end <= 3);
  // "in his twenties, white, red beard": said alone between pauses, in a list of what someone looks like.
  const listed = (i: number) => u.pauses[i] === true && (clothesNext(i + 1) || HAIR_COLOUR.has(t[i + 1] ?? '')) && t.some((w) => PRONOUNS.has(w));
  const clothesNext = (k: number) => CLOTHES.has(t[k] ?? '') || CLOTHES_MOD.has(t[k] ?? '') || (t[k] === 't' && t[k + 1] === 'shirt') || TWO_WORD_ITEMS.has(`${t[k]} ${t[k + 1]}`) || FEATURE_WORDS.has(t[k] ?? '') || t[k] === 'hair';
  // Hair and how it is worn: "long hair in a ponytail" -> "long hair in ponytail".
  const styled = (end: number, hair: string): [number, string] => {
    const at = t[end + 1] === 'a' ? end + 2 : end + 1;
    return t[end] === 'in' && !u.pauses[end - 1] && HAIR_STYLES.has(t[at] ?? '') ? [at + 1, `${hair} in ${t[at]}`] : [end, hair];
  };
  for (let i = 0; i < t.length; i++) {
    const w = t[i]!;
    const next = t[i + 1];
    const push = (end: number, text: string, kind: Part['kind'] = 'other') => {
      parts.push({ start: i, end, text, kind });
      i = end - 1;
    };
    // A person and what was said before them without a pause: "tall skinny guy", "young black kid", "older lady".
    if (Object.hasOwn(SEX, w) || (RACE.has(w) && next !== undefined && Object.hasOwn(SEX, next))) {
      const noun = Object.hasOwn(SEX, w) ? i : i + 1;
      let from = i;
      while (from > 0 && PERSON_MOD.has(t[from - 1]!) && !u.pauses[from - 1] && !(AGE_WORDS.has(t[from - 1]!) && /^years?$/.test(t[from - 2] ?? ''))) from--;
      while (from < noun && (DEGREE.has(t[from]!) || t[from] === 'set')) from++;
      const mods = t.slice(from, noun);
      while (parts.length > 0 && parts[parts.length - 1]!.start >= from) parts.pop();
      const words = [...mods, SEX[t[noun]!]!];
      const known = from === noun && KNOWN.has(t[from - 1] ?? '');
      i = from;
      push(noun + 1, words.join(' '), words.slice(0, -1).some((m) => !AGE_WORDS.has(m)) ? 'person' : known ? 'age' : 'sex');
      if (known) parts.pop(); // "the guy": someone already known, nothing said of him
      // "a lady, white", "the guy's white": the race said after the person is a part of its own (writers 10 of 10 lines).
      // ("the pool guy mixed something": a verb, no race.)
      const mixedSomething = t[noun + 1] === 'mixed' && !u.pauses[noun + 1] && noun + 2 < t.length && !Object.hasOwn(SEX, t[noun + 2]!) && t[noun + 2] !== 'race';
      if (RACE.has(t[noun + 1] ?? '') && !clothesNext(noun + 2) && !(t[noun + 1] === 'white' && t[noun + 2] === 'as') && !mixedSomething) {
        i = noun + 1;
        push(noun + 2, t[noun + 1]!);
      }
    }
    // "the guy was black": the race said of the person just named, a part of its own.
    else if ((w === 'was' || w === 'is') && Object.hasOwn(SEX, t[i - 1] ?? '') && RACE.has(next ?? '') && !clothesNext(i + 2)) {
      push(i + 2, next!);
    }
    // "he was white, tall", "she was white, blonde": the race alone, said of a pronoun or after a pause.
    else if (RACE.has(w) && !(w === 'white' && next === 'as') && (['he was', 'hes', 'he is', 'she was', 'shes', 'she is'].includes(t.slice(Math.max(0, i - 2), i).join(' ').replace(/^\S+ (?=hes|shes)/, '')) || (i > 0 && u.pauses[i - 1] && (parts.length > 0 || listed(i)))) && ((!clothesNext(i + 1) && next !== 'and') || u.pauses[i])) push(i + 1, w);
    else if (['early', 'mid', 'late'].includes(w) && next !== undefined && (Object.hasOwn(DECADES, next) || /^\d0s$/.test(next))) push(i + 2, DECADES[next] ?? next, 'age');
    else if (w === 'teenager' || w === 'teen') push(i + 1, 'teen', 'age');
    // "white male twenties", "white lady sixties": a decade said bare among the rest of a description.
    else if (Object.hasOwn(DECADES, w) && w !== 'teens' && near(i) && parts.length > 0 && i - parts[parts.length - 1]!.end <= 2) push(i + 1, DECADES[w]!, 'age');
    // Heights as said: "6 foot", "5 foot 10", "about six two"; "five feet down", "six feet deep" are distances.
    else if (/^\d$/.test(w) && ['foot', 'feet', 'ft'].includes(next ?? '') && !DISTANCE.has(t[i + 2] ?? '')) {
      const inches = /^\d{1,2}$/.test(t[i + 2] ?? '') ? t[i + 2] : undefined;
      push(inches ? i + 3 : i + 2, inches ? `${w} ${next} ${inches}` : `${w} ${next}`);
    } else if (spokenHeight(u, i)) push(i + 1, spokenHeight(u, i)!);
    else if (BUILD.has(w) && next === 'build') push(i + 2, `${w} build`);
    else if (w === 'heavy' && next === 'set' && near(i)) push(i + 2, 'heavy set');
    // A build or an age said as a part of its own, between pauses: "asian guy, thin, glasses", "black, heavy, bald", "hispanic, young".
    else if ((BUILD.has(w) || AGE_WORDS.has(w)) && u.pauses[i] && (i === 0 || u.pauses[i - 1]!) && near(i)) push(i + 1, w);
    // A colour said after the item as a part of its own: "a vikings jersey, purple", "scrubs, blue ones".
    else if (CLOTHES_MOD.has(w) && COLOURS.has(w) && u.pauses[i - 1] && parts[parts.length - 1]?.kind === 'clothes' && parts[parts.length - 1]!.end === i && (u.pauses[i] || i + 1 === t.length || ['ones', 'one', 'and'].includes(next ?? '')))
      push(['ones', 'one'].includes(next ?? '') ? i + 2 : i + 1, w);
    // "short gray hair", "short dreads": the length of the hair, not the build.
    // ("a slim jim" is the car thief's tool.)
    else if ((BUILD.has(w) || DEGREE.has(w)) && !BUILD_WITH.has(w) && !(w === 'short' && next === 'of') && !(w === 'slim' && next === 'jim') && near(i) && !CLOTHES.has(next ?? '') && !(HAIR_COLOUR.has(w) && (HAIR.has(next ?? '') || (HAIR_COLOUR.has(next ?? '') && HAIR.has(t[i + 2] ?? ''))))) {
      // "real skinny", "kind of chubby": a degree word stays, a hedge does not.
      let end = i + 1;
      while (DEGREE.has(t[end - 1]!) && BUILD.has(t[end] ?? '')) end++;
      if (BUILD.has(t[end - 1]!) && !BUILD_WITH.has(t[end - 1]!)) push(end, t.slice(i, end).join(' '));
    } else if ((w === 'shaved' || w === 'bald') && next === 'head') push(i + 2, `${w} head`);
    // "two hundred pounds", "a buzz cut", "the hood up": weight, a haircut, how a hood is worn.
    else if (/^\d{2,3}$/.test(w) && ['pounds', 'lbs'].includes(next ?? '') && near(i)) push(i + 2, `${w} pounds`);
    else if (['buzz', 'crew'].includes(w) && next === 'cut') push(i + 2, `${w} cut`);
    else if (w === 'hood' && next === 'up' && parts[parts.length - 1]?.kind === 'clothes') push(i + 2, 'hood up');
    // A mark or a covering and where it is, as said without the owner: "a tattoo on his neck" -> "tattoo on neck".
    else if (MARKS.has(w) && (next === 'on' || next === 'over') && bodyPart(t[i + (OWNERS.has(t[i + 2] ?? '') ? 3 : 2)])) {
      const at = i + (OWNERS.has(t[i + 2] ?? '') ? 3 : 2);
      push(at + 1, `${w} ${next} ${t[at]}`);
    } else if (FEATURE_WORDS.has(w) && (w !== 'bangs' || near(i)) && !BALD_THINGS.has(next ?? '')) push(i + 1, w); // "a bunch of bangs" is gunfire or fireworks
    else if (HAIR_COLOUR.has(w) && HAIR.has(next ?? '')) push(...styled(i + 2, `${w} ${next}`));
    else if (HAIR_COLOUR.has(w) && HAIR_COLOUR.has(next ?? '') && HAIR.has(t[i + 2] ?? '') && !u.pauses[i]) push(...styled(i + 3, `${w} ${next} ${t[i + 2]}`)); // "long black hair", "long gray beard"
    // Skin said as a part ("light skinned"), braces on the teeth, a gold chain or gold teeth.
    else if (['light', 'dark', 'fair'].includes(w) && ['skinned', 'skin'].includes(next ?? '') && near(i)) push(i + 2, `${w} skinned`);
    else if (w === 'braces' && near(i)) push(i + 1, w);
    // What someone walks or rides with: "walks with a cane", "in a wheelchair", "with a skateboard"; not a cane swung at someone.
    else if (WALKING_AIDS.has(w) && near(i) && AID_CUE.has((['a', 'an', 'his', 'her'].includes(t[i - 1] ?? '') ? t[i - 2] : t[i - 1]) ?? '') && !struckAt(t, i)) push(i + 1, w);
    else if (['gold', 'silver'].includes(w) && ['chain', 'chains', 'teeth', 'tooth', 'grill', 'grills'].includes(next ?? '')) push(i + 2, `${w} ${next}`, 'clothes');
    else if ((w === 'blonde' || w === 'blond') && near(i)) push(i + 1, w);
    else if ((w === 'no' && (next === 'shirt' || next === 'shoes')) || w === 'shirtless' || w === 'barefoot') push(w === 'no' ? i + 2 : i + 1, w === 'no' ? `no ${next}` : w, 'clothes');
    // How someone walks: "he's got a limp", "walks with a limp".
    else if (w === 'limp' && t[i - 1] === 'a' && near(i)) push(i + 1, 'limp');
    // "all black", "all black clothes".
    else if (w === 'all' && CLOTHES_MOD.has(next ?? '') && (t[i - 1] === 'wearing' || CLOTHES.has(t[i + 2] ?? '') || u.pauses[i + 1] || i + 2 === t.length)) push(CLOTHES.has(t[i + 2] ?? '') ? i + 3 : i + 2, t.slice(i, CLOTHES.has(t[i + 2] ?? '') ? i + 3 : i + 2).join(' '), 'clothes');
    // "a white guy, maybe thirty": an age said as a guess, near a person.
    else if (/^\d{2}$/.test(w) && GUESS.has(t[i - 1] ?? '') && near(i) && !countsSomething(next)) push(i + 1, w, 'age');
    else {
      // Clothing: up to three modifiers and the item ("dark hooded jacket", "grey t shirt", "gray zip up hoodie").
      // A word naming the item's kind or brand leads it too ("a cowboy hat", "a raiders jersey", "a purple track suit"); an owner's does not ("a lady's purse").
      // The item's words run without a typed pause: "in his twenties, red hoodie" is two parts.
      let k = kindWord(w) && !u.pauses[i] && !u.raw(i, i + 1).includes("'") && (CLOTHES.has(next ?? '') || CLOTHES_MOD.has(next ?? '')) ? i + 1 : i;
      // A brand or a name in two or three words before the item: "a John Deere cap", "a Thunder Mesa casino jacket", "a hi vis vest".
      if (k === i && !CLOTHES_MOD.has(w) && !u.raw(i, i + 1).includes("'")) {
        // (Not a colour, a person or a plain adjective: "same lady blue scrubs", "stringy dirty jeans"; "Bass Pro" is typed as a name.)
        const lead = (x: string, n: number) => kindWord(x) && !u.pauses[i + n] && !CLOTHES_MOD.has(x) && !Object.hasOwn(SEX, x) && (!lexiconTags(x).includes('Adjective') || /^\p{Lu}/u.test(u.raw(i + n, i + n + 1)));
        const hiVis = (w === 'hi' || w === 'high') && (next === 'vis' || next === 'viz');
        const item = [i + 2, i + 3].find((j) => CLOTHES.has(t[j] ?? '') && t.slice(i, j).every((x, n) => (n === 0 && hiVis) || lead(x, n)));
        if (item !== undefined) k = item;
      }
      while (k < i + 4 && CLOTHES_MOD.has(t[k]!) && (k === i || !u.pauses[k - 1])) k += ['button', 'zip'].includes(t[k]!) && ['up', 'down'].includes(t[k + 1] ?? '') ? 2 : 1;
      // "a red flannel", "gray fleece, jeans": the item was the last word read as a modifier.
      if (k > i && (!CLOTHES.has(t[k] ?? '') || u.pauses[k - 1]) && CLOTHES.has(t[k - 1]!)) k--;
      // A kind or a brand after the colour: "a purple track suit", "a green Celtics shirt", "a John Deere cap".
      if (k > i && !u.pauses[k - 1] && !CLOTHES.has(t[k] ?? '')) {
        const item = [k + 1, k + 2].find((j) => CLOTHES.has(t[j] ?? '') && t.slice(k, j).every((x, n) => kindWord(x) && !u.pauses[k + n]));
        if (item !== undefined) k = item;
      }
      const tShirt = t[k] === 't' && t[k + 1] === 'shirt';
      const carried = CARRIED.has(t[k] ?? '') && k === i; // "her bag" is hers; "a green purse" describes her
      const pair = TWO_WORD_ITEMS.has(`${t[k]} ${t[k + 1]}`);
      if (!carried && (tShirt || pair || CLOTHES.has(t[k] ?? ''))) {
        // "t-shirt" or "t shirt" as typed.
        const item = tShirt ? (u.raw(k, k + 2).includes('-') ? 't-shirt' : 't shirt') : pair ? `${t[k]} ${t[k + 1]}` : t[k]!;
        let end = tShirt || pair ? k + 2 : k + 1;
        let text = [...t.slice(i, k), item].join(' ');
        // "a bandana over his face": where it is worn, owner dropped.
        const at = end + (OWNERS.has(t[end + 1] ?? '') ? 2 : 1);
        if (['over', 'on'].includes(t[end] ?? '') && ['face', 'head'].includes(t[at] ?? '')) [text, end] = [`${text} ${t[end]} ${t[at]}`, at + 1];
        push(end, text, 'clothes');
      }
    }
  }
  return parts;
}

// What a van or truck is for, kept before its type: "a white work van", "a cargo van".
const V_USE = new Set('work cargo delivery panel dump tow utility garbage moving'.split(' '));
const MAKES = new Set(
  ('ford chevy chevrolet toyota honda nissan dodge jeep subaru volvo bmw mercedes audi kia hyundai tesla gmc volkswagen vw mazda lexus buick cadillac chrysler acura infiniti mitsubishi pontiac harley ' +
    'porsche jaguar fiat saturn oldsmobile plymouth scion suzuki yamaha kawasaki ducati peterbilt kenworth freightliner mercury isuzu datsun hummer').split(' '),
);
const MODELS = new Set(
  ('civic accord camry corolla prius silverado sierra outback forester impreza ram explorer escape focus fusion mustang altima sentra malibu impala tahoe suburban wrangler cherokee charger challenger caravan odyssey tacoma tundra highlander jetta passat crv rav4 equinox elantra sonata ' +
    'yukon escalade durango bronco colorado cruze traverse trailblazer blazer avalanche avalon sienna sequoia yaris hrv maxima rogue pathfinder frontier murano versa optima sorento sportage telluride tucson kona ' +
    'beetle tiguan miata crosstrek pacifica navigator lacrosse expedition taurus econoline corvette camaro cavalier gladiator').split(' '),
);
// Models that are ordinary words too, a vehicle only with a colour or a make ("a black wrangler", "a ford escape").
const WORD_MODELS = new Set('avalanche escape wrangler focus fusion frontier'.split(' '));
const V_TYPES = new Set('car truck pickup sedan suv van minivan motorcycle coupe hatchback wagon estate semi tanker bus convertible taxi rv box scooter moped crossover flatbed dually atv cab'.split(' '));
// Types said in two or three words, as labelled: "an eighteen wheeler" -> "18-wheeler".
const MULTI_TYPES: [RegExp, string][] = [
  [/^(18|4) wheelers?$/, '$1-wheeler'], [/^tractor trailers?$/, 'tractor trailer'], [/^dirt bikes?$/, 'dirt bike'], [/^school bus(?:es)?$/, 'school bus'], [/^golf carts?$/, 'golf cart'], [/^u hauls?$/, 'u-haul'],
  [/^tow trucks?$/, 'tow truck'], [/^big rigs?$/, 'big rig'], [/^crotch rockets?$/, 'crotch rocket'], [/^horse trailers?$/, 'horse trailer'], [/^garbage trucks?$/, 'garbage truck'],
  [/^ice cream (truck|van)s?$/, 'ice cream $1'],
  // Models named in two words: "a brown El Camino", "a Crown Vic", "a Pontiac Grand Am".
  [/^el caminos?$/, 'el camino'], [/^crown (vic|victoria)s?$/, 'crown $1'], [/^town cars?$/, 'town car'], [/^grand (am|prix|marquis|cherokee|caravan)$/, 'grand $1'], [/^monte carlos?$/, 'monte carlo'],
];
/** The type said in words from k, and how many words it took. */
const multiType = (t: string[], k: number): { label: string; length: number } | undefined => {
  for (const length of [3, 2]) {
    const said = t.slice(k, k + length).join(' ');
    const hit = MULTI_TYPES.find(([re]) => re.test(said));
    if (hit) return { label: said.replace(hit[0], hit[1]), length };
  }
  return undefined;
};
const PLATE_WORDS = new Set(['plate', 'plates', 'tag', 'tags', 'license']);
// What a make's, a model's or a vehicle's name is on or of when said after it: no vehicle ("a colorado plate", "the Chevy dealership", "the bus stop").
const NAMED_AFTER_VEHICLE = new Set([...PLATE_WORDS, ...'dealership dealer dealers motor motors plant factory recall stop stops station depot shelter lane route driver drivers'.split(' ')]);
// Models that are also ordinary words, a model only right after their make: "a green ford ranger", "a honda fit".
const MAKE_MODELS = new Set('pilot ridgeline ranger edge flex transit fiesta express regal enclave encore terrain acadia journey compass renegade patriot liberty fit insight element soul forte rio sedona accent legacy golf atlas matrix quest leaf titan spark sonic cobalt lancer outlander'.split(' '));
// Words after a make that are no model of it: those above, and "a jeep hit him", "hit our jeep head on", "the honda guy", "a ford logo".
const NOT_MODEL = new Set([...NAMED_AFTER_VEHICLE, ...'guy guys man lady woman lot logo emblem badge hit head'.split(' ')]);
/** A model the lists do not know, said right after its make: "a white buick lesabre", "a silver dodge dakota"; not a street ("ford road"). */
const modelName = (t: string[], k: number): boolean => {
  const w = t[k] ?? '';
  return /^[a-z]{3,}$/.test(w) && !/(?:ed|ing)$/.test(w) && !STOP.has(w) && !NOT_MODEL.has(w) && !V_SKIP.has(w) && !CONDITION.has(w) && !streetSuffix(w) && !CLOTHES.has(w) && !lexiconTags(w).some((tag) => NOT_KIND_TAGS.test(tag) || /^(?:Date|Adjective|Plural|Region|Country|City|Place)$/.test(tag));
};
/**
 * A model named by letters and a number, said right after its make: "a chevy s ten" -> s10, "an
 * infiniti q fifty" -> q50, "a mazda cx five" -> cx5, or typed whole ("a bmw X5"); or by two
 * letters and one ("a Honda CR-V" -> cr v).
 */
const alphanumericModel = (t: string[], k: number): { name: string; length: number } | undefined => {
  const w = t[k] ?? '';
  if (/^[a-z]{1,2}\d{1,3}$/.test(w)) return { name: w, length: 1 };
  // ("an audi a four": after a make, "a" is the model's letter; "a toyota rav four": a known model's letters.)
  const letters = (/^[a-z]{1,2}$/.test(w) && (!STOP.has(w) || w === 'a') && w !== 'uh' && w !== 'um') || MODELS.has(w + (t[k + 1] ?? ''));
  if (letters && /^\d{1,3}$/.test(t[k + 1] ?? '')) return { name: w + t[k + 1], length: 2 };
  return letters && w.length === 2 && /^[a-z]$/.test(t[k + 1] ?? '') && !STOP.has(t[k + 1]!) ? { name: `${w} ${t[k + 1]}`, length: 2 } : undefined;
};
// A vehicle's generic name, said beside the full one ("my car's at the trailhead, a blue subaru").
const GENERIC_TYPE = new Set(['car', 'truck', 'vehicle']);
const V_SKIP = new Set(['old', 'new', 'little', 'big', 'beat', 'up', 'colored', 'coloured']);
// Said of a vehicle right before it, kept in it: "an older buick", "a lifted black ram".
const CONDITION = new Set(['old', 'older', 'newer', 'lifted', 'lowered', 'rusty']);
// Spelling alphabets: NATO's, and the APCO one US police and call-takers use ("lincoln victor mary").
export const SPELLING_ALPHABET: Record<string, string> = Object.fromEntries(
  [
    ...'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu'.split(' '),
    ...'adam boy charles david edward frank george henry ida john king lincoln mary nora ocean paul queen robert sam tom union william young zebra'.split(' '),
  ].map((w) => [w, w[0]!]),
);

const OWN = new Set(['my', 'your', 'our']);
// Words between two vehicles that make them two: "a red pickup and a white box truck".
const ANOTHER = new Set(['and', 'on', 'another', 'other', 'second', 'then', 'hit', 'into', 'with', 'behind']);
const WEARING = new Set(['wearing', 'wore', 'had', 'has', 'got', 'dressed', 'in', 'with', 'suspect']);

const singular = (w: string): string => (w.endsWith('s') && !w.endsWith('ss') && w.length > 3 ? w.slice(0, -1) : w);
/** A word that names a vehicle or its make or model ("civic", "wheeler"): no street's name after a number. */
export const namesVehicle = (w: string): boolean => vehicleWord(w) !== undefined || w === 'wheeler' || w === 'wheelers';
const vehicleWord = (w: string): string | undefined => {
  if (COLOURS.has(w)) return w; // a colour has no plural: "flashing his lights" is no "light" car
  for (const form of [w, singular(w)]) if (MAKES.has(form) || MODELS.has(form) || V_TYPES.has(form)) return form;
  return undefined;
};

interface Vehicle extends Span {
  words: string[];
  complete: boolean;
  plate?: string;
  /** Only one part of a vehicle said before it (a colour, a dent): never a vehicle by itself. */
  part?: boolean;
}

// A colour said of a part keeps it: "an orange stripe", "tan and brown stripes", "a black soft top".
const COLOUR = [...COLOURS].join('|');
const PART_COLOUR = `(?:${COLOUR})(?: and (?:${COLOUR}))?`;
// A pickup's cab as its body style: "crew cab", "quad cab" (a feature, no taxi).
const CAB_STYLES = new Set(['crew', 'extended', 'quad', 'double', 'king', 'regular']);
// The parts of a vehicle something is on or in.
const VEHICLE_PART = '(?:tire cover|roof|hood|doors?|windows?|windshield|antenna|tailgate|bumper|trunk|side|dash|dashboard|mirror|grill|grille|wheels?|wheel wells?|bed|fenders?|hubcaps?)';
// What else callers say of a vehicle, kept as said: "tinted windows", "dent in the back door", "older".
const FEATURE_RE = phrases(
  'tinted windows', 'no (?:back |rear |side )?windows(?: in (?:the )?(?:back|rear))?', 'loud (?:exhaust|muffler|engine|pipes)',
  '(?:dents?|scratch(?:es)?|damage|crack|rust) (?:on|in) the (?:[a-z]+ )?(?:bumper|door|fender|hood|side|windshield|back|front|tailgate|trunk|roof)',
  '[245] door',
  '(?:spare tire|ladders?|roof rack|toolbox|bike rack|rack) on (?:the )?(?:back|top|roof)', 'bumper stickers?', '(?:lumber|ladder|roof|bike|ski|headache) rack',
  '(?:chrome|custom|spinner|gold|black|big|fancy) rims', 'camper shell', `(?:(?:${PART_COLOUR}) )?(?:racing )?stripes?`, 'spoiler', `(?:${[...CAB_STYLES].join('|')}) cab`,
  '(?:older|newer) model', '(?:toolbox|camper|ladder rack) (?:in|on) the bed',
  // Marks a witness remembers: "a light bar on top", "paper tags", "a coexist sticker on the back window", "the tailgate's missing".
  'light bar', 'paper (?:tags?|plates?)', 'donut spare(?: on (?:the )?back)?', '(?:[a-z]+ )?(?:flag )?sticker(?: (?:on|in) (?:the )?(?:back |rear )?(?:window|bumper|tailgate))?',
  'missing (?:the |a )?(?:hubcaps|tailgate|bumper|mirror)', '(?:tailgate|bumper|mirror)s? (?:is )?missing', '(?:busted|broken|cracked) (?:tail ?light|headlight|windshield)',
  // "no plate", "the front bumper's hanging", "the sliding door open", "a jesus fish on the back".
  'no (?:license )?plates?', '(?:front |back |rear )?bumpers? (?:is |was )?(?:hanging|dragging)(?: off)?', '(?:sliding|back|side|rear|passenger|drivers) door (?:is |was |wide )?open',
  '(?:[a-z]+ )?(?:fish|decal|logo) on (?:the )?(?:back|trunk|bumper|door|side)',
  '(?:(?:kind of|kinda|real|really|pretty) )?(?:older|newer|beat up|lifted|lowered|rusty|rusted out)',
  // What is fitted, painted or broken where: "a toolbox across the back", "primer on the hood", "the back window's busted out".
  '(?:toolbox|deer guard|brush guard|grille guard|winch|spotlight|snorkel|gooseneck hitch|hitch) (?:across|on|in) (?:the )?(?:back|front|top|bed|roof)',
  '(?:primer|bondo|rust) on (?:the )?(?:hood|door|doors|fender|fenders|side|roof|trunk|tailgate)',
  'rusted (?:out )?(?:fenders?|doors?|bumper|tailgate|wheel wells)', 'no (?:front|back|rear) plate', '(?:top|doors) off', 'big tires', '(?:gooseneck|fifth wheel) hitch',
  '(?:back|rear|side|front) windows? (?:is |was |are )?(?:busted|broken|smashed|shot)(?: out)?',
  'says (?:[a-z]+ ){1,3}on (?:the )?(?:side|door|doors|back|tailgate|trailer)',
  // "a lift kit", "no hubcaps", "dealer tags", "saddlebags", "the top down"; "the loud one", "the old kind".
  'lift kit', 'no hubcaps', '(?:dealer|handicap(?:ped)?|temporary|temp|out of state) (?:license )?(?:tags?|plates?)', 'saddle ?bags', `(?:(?:${PART_COLOUR}) )?soft top`, '(?:kayak|canoe|cargo) (?:rack|box|carrier)', '(?:top|windows) down', 'windows (?:are )?tinted',
  '(?:an? |the )?(?:old|loud) (?:1|kind|style)',
  // A condition said as a part of its own ("maroon pickup, old, rusty"): kept only between pauses (below).
  'old', 'loud', 'tinted', 'rusty', 'dented',
  // Anything "with" something on a part of it: "with a kayak on the roof", "with an uber sign in the window", "with duct tape on the sliding door".
  `(?<=\\bwith (?:a |an |the |some |two |big )?)(?!(?:the|a|an|his|her|no|one)\\b)(?:[a-z]+ ){0,2}[a-z]+ (?:on|in|over|across|down) (?:the )?(?:(?:back|front|rear|side|passenger|drivers|sliding|spare) )?${VEHICLE_PART}`,
);
// The one-word conditions above describe a vehicle only said on their own, between pauses.
const CONDITION_ALONE = new Set(['old', 'loud', 'tinted', 'rusty', 'dented']);
// A feature as labelled: the doors as a body style, "4-door".
// "the tailgate's missing" is read "tailgates missing": the part, singular.
const featureText = (said: string): string => said.replace(/^says /, '').replace(/^windows are /, 'windows ').replace(/^(?:an? |the )?(old|loud) (?:(1)|kind|style)$/, (whole, word, one) => (one ? word : whole.replace(/^(?:an?|the) /, ''))).replace(/^(back|rear|side|front) windows? (?:is |was |are )?(?=busted|broken|smashed|shot)/, '$1 window ').replace(/^([245]) door$/, '$1-door').replace(/^((?:front |back |rear )?(?:tailgate|bumper|mirror))s (?=missing|hanging|dragging)/, '$1 ');
// Features that are a vehicle's without one named: "it had a loud exhaust and tinted windows".
const VEHICLE_ONLY = /window|exhaust|muffler|pipes|bumper|fender|tailgate|windshield|rack|rims|camper|spoiler|toolbox|light bar|paper tag|paper plate|hubcaps|spare|light/;

function vehicles(u: Utterance): Vehicle[] {
  const t = u.tokens;
  const out: Vehicle[] = [];
  for (let i = 0; i < t.length; i++) {
    const lead = /^(?:19|20)\d\d$/.test(t[i]!) || (/^[245]$/.test(t[i]!) && t[i + 1] === 'door');
    const use = V_USE.has(t[i]!) && V_TYPES.has(singular(t[i + 1] ?? ''));
    // "a white Ford, a F two fifty": the model said alone.
    // (Not a plate's letters: "w as in whiskey t f six zero zero", "the plate is k as in king f two one one".)
    const fSeries = t[i] === 'f' && /^\d{3}$/.test(t[i + 1] ?? '') && !/^[a-z]$/.test(t[i - 1] ?? '') && !t.slice(Math.max(0, i - 8), i).some((w) => PLATE_WORDS.has(w));
    if (t[i] === 'cab' && CAB_STYLES.has(t[i - 1] ?? '')) continue;
    if (!vehicleWord(t[i]!) && !multiType(t, i) && !use && !fSeries && !(lead && vehicleWord(t[i + (t[i + 1] === 'door' ? 2 : 1)] ?? ''))) continue;
    // "the battery charger", "my phone charger": no Dodge.
    if (t[i] === 'charger' && ['battery', 'phone', 'cell', 'usb', 'wall', 'laptop'].includes(t[i - 1] ?? '')) continue;
    const words: string[] = [];
    const multiSaid = new Set<string>();
    let k = i;
    for (; k < t.length; k++) {
      const w = vehicleWord(t[k]!);
      if (k > i && u.pauses[k - 1]) break; // "an suv, white, a ford": each piece said is its own part
      // "a subaru blue", "a smart car red and white": a colour said after the vehicle is a part of its own.
      if (COLOURS.has(t[k]!) && words.some((said) => !COLOURS.has(said) && !CONDITION.has(said) && said !== 'and' && said !== 'over')) break;
      const multi = multiType(t, k);
      if (multi) {
        words.push(multi.label);
        multiSaid.add(multi.label);
        k += multi.length - 1;
      } else if (w) words.push(w);
      else if (MAKES.has(words.at(-1) ?? '') && !u.pauses[k - 1] && t[k] !== 'f' && alphanumericModel(t, k)) {
        const model = alphanumericModel(t, k)!;
        words.push(model.name);
        k += model.length - 1;
      }
      else if (MAKES.has(words[words.length - 1] ?? '') && !u.pauses[k - 1] && (MAKE_MODELS.has(t[k]!) || modelName(t, k))) words.push(t[k]!);
      // "red and white box truck", "blue over white pickup": two-tone.
      else if ((t[k] === 'and' || t[k] === 'over') && COLOURS.has(t[k - 1]!) && COLOURS.has(t[k + 1] ?? '')) words.push(t[k]!);
      else if (V_USE.has(t[k]!) && V_TYPES.has(singular(t[k + 1] ?? ''))) words.push(t[k]!);
      else if (CONDITION.has(t[k]!) && !u.pauses[k] && vehicleWord(t[k + 1] ?? '')) words.push(t[k]!); // "a green older subaru wagon"
      else if (t[k] === 'f' && /^\d{3}$/.test(t[k + 1] ?? '')) words.push(`f-${t[++k]}`); // "f 150" -> f-150
      else if (/^(?:19|20)\d\d$/.test(t[k]!)) words.push(t[k]!); // the year: "a white 2015 honda"
      else if (t[k] === 'station' && t[k + 1] === 'wagon') words.push(`station ${t[++k]}`);
      else if (/^[245]$/.test(t[k]!) && t[k + 1] === 'door') words.push(`${t[k]}-${t[++k]}`); // "4 door" -> 4-door
      else if (!V_SKIP.has(t[k]!) || k === i) break;
    }
    const has = (set: Set<string>) => words.some((w) => set.has(w) || (set === V_TYPES && multiSaid.has(w)));
    const complete = has(MAKES) || has(MODELS) || words.some((w) => w.startsWith('f-')) || (has(COLOURS) && (has(V_TYPES) || words.includes('station wagon')));
    // "a white one", ", white,": a colour said on its own after the vehicle is one of its parts.
    // "he's old, white, gray hair": a race said among what a person looks like is no vehicle's colour.
    const ofPerson = RACE.has(words[0]!) && (PERSON_MOD.has(t[i - 1] ?? '') || (HAIR_COLOUR.has(t[k] ?? '') && HAIR.has(t[k + 1] ?? '')) || HAIR.has(t[k] ?? ''));
    const colourAlone =
      !ofPerson &&
      (words.length === 1 && COLOURS.has(words[0]!) && ((['1', 'one'].includes(t[k] ?? '') && t[i - 1] === 'a') || ((u.pauses[i - 1] === true || ['its', 'was'].includes(t[i - 1] ?? '')) && (u.pauses[k - 1] === true || k === t.length || t[k] === 'with')))) ||
      // "a subaru blue the wheels are spinning": said in one breath after the vehicle, and ending there ("orange county truck" goes on).
      (out.at(-1)?.end === i && !u.pauses[i - 1] && words.every((said) => COLOURS.has(said) || said === 'and' || said === 'over') && (k === t.length || u.pauses[k - 1] === true || STOP.has(t[k]!)));
    // "an old buick", "a lifted black ram": its age or build kept before it, as writers label it (said alone, a feature).
    const old = CONDITION.has(t[i - 1] ?? '') && !u.pauses[i - 1] && !colourAlone;
    if (old) words.unshift(t[i - 1]!);
    // "on Ford Road", "Frontier Avenue": a street named like a make or a model; "the four hundred block of cherokee": one named like a model.
    // "a Harley shirt", "a colorado plate", "the Chevy dealership", "a Ford Motor pension", "the bus stop": what the name is on or of.
    const alone = words.length === 1 && (MAKES.has(words[0]!) || MODELS.has(words[0]!) || V_TYPES.has(words[0]!));
    if (alone && (streetSuffix(t[k]) || CLOTHES.has(t[k] ?? '') || NAMED_AFTER_VEHICLE.has(t[k] ?? ''))) continue;
    // "he lives in Tucson": a model said without an article after "in" or "from" is a place.
    if (alone && MODELS.has(words[0]!) && ['in', 'from', 'to', 'near'].includes(t[i - 1] ?? '')) continue;
    if (words.length === 1 && MODELS.has(words[0]!) && (t[i - 1] === 'block' || (t[i - 1] === 'of' && t[i - 2] === 'block'))) continue;
    // "it wasn't an avalanche", "the fire escape", "I'm a wrangler at the ranch": a model that is an ordinary word is a vehicle with a colour or a make.
    if (alone && WORD_MODELS.has(words[0]!)) continue;
    if (has(V_TYPES) || complete || colourAlone) out.push({ start: old ? i - 1 : colourAlone && t[i - 1] === 'a' ? i - 1 : i, end: colourAlone && !u.pauses[k - 1] && ['1', 'one'].includes(t[k] ?? '') ? k + 1 : k, words, complete, part: colourAlone });
    i = k - 1;
  }
  return out;
}

// "the plate's", "the plate on the van is", "plate partial", "the license is", "the tag was like", "the plate ended in".
const PLATE_CUE =
  /\b(?<!drivers )(?:license(?: plate)?|plates?|tags?|registration)(?: number)?(?: on (?:it|the [a-z]+|(?:his|her|their) [a-z]+))?(?: (?:is|was|its|reads|read|said|says|of|partial))*(?: (?:like|maybe))?(?:(?: it)? (?:starts|started|starting|begins|began|ends|ended|ending)(?: with| in)?)?\b/dg;

/** A plate's characters from `i`: spelled letters, spelling-alphabet words, digit groups ("a b c 1234", "alpha bravo 12"). */
function readPlate(u: Utterance, i: number, cued: boolean): { plate: string; end: number } | undefined {
  let plate = '';
  let letters = 0;
  let digits = 0;
  let k = i;
  for (; k < u.length && plate.length < 8; k++) {
    const w = u.tokens[k]!;
    // The state said first ("plate's texas, h r k ...") is dropped, as is "as in henry" after a letter and the "ray" of "x ray".
    if (cued && k === i && plate === '' && lexiconTags(w).includes('Region')) continue;
    if (cued && /^[a-z]$/.test(w) && u.tokens[k + 1] === 'as' && u.tokens[k + 2] === 'in') {
      plate += w;
      letters++;
      k += 3;
      continue;
    }
    // "y u m dash 7762", "7 b p then 619"; "h like henry"; "plate is texas, starts d k", "starts with an r".
    if (plate !== '' && (w === 'dash' || (cued && w === 'then')) && k + 1 < u.length) continue;
    if (cued && plate === '' && (/^(?:starts|started|begins|began|ends|ended)$/.test(w) || ((w === 'with' || w === 'in') && k > i) || (w === 'an' && /^[a-z]$/.test(u.tokens[k + 1] ?? '')))) continue;
    if (cued && w === 'like' && SPELLING_ALPHABET[u.tokens[k + 1] ?? ''] === plate.at(-1)?.toLowerCase()) {
      k++;
      continue;
    }
    if (cued && w === 'x' && u.tokens[k + 1] === 'ray') {
      plate += w;
      letters++;
      k++;
      continue;
    }
    if (/^\d{1,6}$/.test(w)) digits++;
    // "a" and "i" start the next sentence as often as they end a plate: "... two oh three i need help".
    else if (/^[a-z]$/.test(w) && !((w === 'a' || w === 'i') && ((k === i && !cued) || /^[a-z]{2,}$/.test(u.tokens[k + 1] ?? '')))) letters++;
    else if (cued && Object.hasOwn(SPELLING_ALPHABET, w)) {
      plate += SPELLING_ALPHABET[w];
      letters++;
      continue;
    // Typed letter groups ("4 ABC 123"): digits, no vowel, or no English word.
    // A word the lexicon knows is a group only first and with more of the plate after it ("goon", not "went" or "hold on").
    } else if (cued && /^[a-z0-9]{2,4}$/.test(w) && !STOP.has(w) && (/\d/.test(w) || !/[aeiou]/.test(w) || lexiconTags(w).length === 0 || (k === i && /^(?:\d+|[a-z])$/.test(u.tokens[k + 1] ?? '')))) letters += w.length;
    else break;
    plate += w;
  }
  // "us 158 eastbound", "fm 2788": a highway's name is no plate.
  const ok = cued ? plate.length >= 2 : letters >= 2 && digits >= 1 && plate.length >= 5 && !ROUTE_PREFIX.test(plate);
  return ok && plate.length <= 8 ? { plate: plate.toUpperCase(), end: k } : undefined;
}

const ROUTE_PREFIX = /^(?:us|sr|fm|cr|rr|i)\d/;

/**
 * A plate corrected in one breath: "seven b r no wait seven b p six one nine" said again from
 * its start, "d w r 9902, no, d w b" its start put right, "7b 2241, no wait, 1422" its end.
 */
function correctedPlate(u: Utterance, first: { plate: string; end: number }): { plate: string; end: number } | undefined {
  let k = first.end;
  while (k < u.length && k - first.end < 3 && CORRECTION.has(u.tokens[k]!)) k++;
  if (k === first.end) return undefined;
  const again = readPlate(u, k, true);
  if (!again) return undefined;
  const [was, said] = [first.plate, again.plate];
  if (said[0] !== was[0]) return { plate: was.slice(0, Math.max(0, was.length - said.length)) + said, end: again.end };
  return { plate: said.length >= was.length ? said : said + was.slice(said.length), end: again.end };
}

// A piece of clothing used as a thing describes nobody: something put in it ("stuffing razors into his coat", "had his hand in
// his hoodie"), or it pressed on a wound or put under a head ("we've got a shirt on it", "a jacket under his head").
const PUT_IN = /\b(?:put|puts|putting|stuff\w*|shov\w*|hid|hides|hiding|hidden|tuck\w*|slipp\w*|something|hand|gun|pills|bottles?)\b/;
const SIZE_ONLY = /^(?:(?:big|heavy|heavy set|heavyset|large|huge|tiny|small|little|skinny)(?: (?:male|female))?|\d+ pounds)$/;
const TO_LIFT = /\b(?:cant|can not|cannot|couldnt|could not) (?:\w+ ){0,2}(?:move|lift|carry|roll|turn|pick (?:him|her) up|get (?:him|her) up)\b/;
const USED_AS = /^(?:on (?:it|the (?:wound|cut|bleeding))|under (?:his|her|their|the) head)\b/;

export const extractDescriptions: Extractor = (u, emit) => {
  const held = (p: Part) =>
    p.kind === 'clothes' &&
    !p.text.includes(' ') &&
    ((['in', 'into', 'inside'].includes(u.tokens[p.start - 2] ?? '') && OWNERS.has(u.tokens[p.start - 1] ?? '') && PUT_IN.test(u.tokens.slice(Math.max(0, p.start - 7), p.start - 2).join(' '))) ||
      USED_AS.test(u.tokens.slice(p.end, p.end + 3).join(' ')));
  // Someone's own clothes ("in my jacket pocket") describe nobody; clothing alone needs "wearing", "had"...
  // "im wearing a red jacket so they can see me" is the caller, not a suspect.
  const ownClothes = (p: Part) => p.kind === 'clothes' && (OWN.has(u.tokens[p.start - 1] ?? '') || /\b(?:im|i am) (?:wearing|in)\b/.test(u.tokens.slice(Math.max(0, p.start - 4), p.start).join(' ')));
  // "riding with no helmet": what someone lacks describes nothing.
  // "he's a big man, I can't move him", "she's ninety pounds, I can't lift her": the size of someone to be lifted, not a description.
  const toLift = (p: Part) => SIZE_ONLY.test(p.text) && TO_LIFT.test(u.text);
  const parts = suspectParts(u).filter((p) => !u.isAsked(p.start) && !ownClothes(p) && !held(p) && !toLift(p) && !(p.kind === 'clothes' && u.tokens[p.start - 1] === 'no'));
  // Clothing alone describes someone when "wearing", "had"... or a person is near, or when the line is only the clothes ("black jeans and white sneakers").
  const opensWithClothes = parts[0]?.kind === 'clothes' && parts[0].start <= 1 && parts[0].text.includes(' ');
  // Or said apart of someone told of: "she's four, pink shirt", "she's heading for the door, red coat".
  // ("Same jacket." points back at what was said.)
  const apart = (p: Part) => p.kind === 'clothes' && p.text.includes(' ') && !/^(?:same|other) /.test(p.text) && u.setOff(p.start, p.end) && u.tokens.some((w) => PRONOUNS.has(w));
  const person = opensWithClothes || parts.some((p) => p.kind !== 'clothes' || apart(p)) || parts.some((p) => u.tokens.slice(Math.max(0, p.start - 3), p.start).some((w) => WEARING.has(w)));
  if (!person) parts.length = 0;
  // "it was a man. older man, white beard": the fuller mention of the same person wins.
  const fuller = (p: Part) => p.kind === 'person' || (p.kind === 'sex' && p.text.includes(' '));
  if (parts.some(fuller)) parts.splice(0, parts.length, ...parts.filter((p) => p.kind !== 'sex' || fuller(p)));
  // A bare "guy" or "lady" describes someone only beside something else said of them, or as the answer itself ("it was a woman").
  const answer = (p: Part) => ['it was a', 'its a', 'it is a', 'was a', 'its an', 'it was an'].some((lead) => u.tokens.slice(Math.max(0, p.start - lead.split(' ').length), p.start).join(' ') === lead) && (p.end === u.length || u.pauses[p.end - 1]);
  // A bare "a guy" far from what is said of him ("a guy with a knife is in the lot of the target, he's wearing...") is who, not part of the description.
  const alone = (p: Part) => p.kind === 'sex' && !answer(p) && !parts.some((q) => q !== p && q.kind !== 'sex' && q.kind !== 'age' && Math.abs(q.start - p.end) <= 4);
  parts.splice(0, parts.length, ...parts.filter((p) => !alone(p)));
  const described = parts.some((p) => p.kind !== 'sex' && p.kind !== 'age') || parts.some((p) => p.kind === 'sex' && answer(p));
  if (described) {
    const said = parts.filter((p) => p.kind !== 'age');
    emit('suspect', { start: said[0]!.start, end: said[said.length - 1]!.end }, said.map((p) => p.text).join(', '));
  }
  // An age guessed beside a person ("a young guy, maybe twenty five") is said of them, described or
  // not; beside only "he" or "she" it may be anything measured ("her sugar's like forty").
  // "teen" is no age a form takes; "early twenties" is "20s".
  const besidePerson = (p: Part) => u.tokens.slice(Math.max(0, p.start - 6), p.end + 6).some((w) => Object.hasOwn(SEX, w));
  for (const p of parts) if (p.kind === 'age' && p.text !== 'teen' && (described || besidePerson(p))) emit('patient_age', p, p.text);

  const found = vehicles(u);
  // `said`: where the plate's own characters begin, after its cue.
  const plates: { plate: string; start: number; end: number; said: number }[] = [];
  for (const m of u.matches(PLATE_CUE)) {
    const p = readPlate(u, m.end, true);
    if (p) plates.push({ start: m.start, said: m.end, ...(correctedPlate(u, p) ?? p) });
  }
  for (let i = 0; i < u.length; i++) {
    if (plates.some((p) => i >= p.start && i < p.end)) continue;
    const p = readPlate(u, i, false);
    if (p) {
      plates.push({ plate: p.plate, start: i, end: p.end, said: i });
      i = p.end - 1;
    }
  }
  const owned: typeof plates = [];
  for (const p of plates.sort((a, b) => a.start - b.start)) {
    // A plate belongs to the vehicle said just before it: "the pickups seven k j four four two",
    // "a red ranger, the tailgates missing, plate h x t 4418": the last piece of its description.
    // "the plate on the van is ...": the vehicle named in its cue.
    const named = found.find((v) => !v.plate && v.start > p.start && v.end <= p.said);
    const owner = named ?? found.filter((v) => !v.plate && v.end <= p.start && p.start - v.end <= 8).pop();
    if (named) p.start = named.end;
    if (owner) {
      owner.plate = p.plate;
      owner.complete = true;
      owned.push(p);
    } else emit('vehicle', p, `plate ${p.plate}`);
  }
  // One vehicle said again in other words ("a black suv, i think a tahoe") is one description, its parts in order.
  // A body type alone ("a truck") or a colour alone ("a white one") is a vehicle only with another piece.
  type Piece = Span & { text: string; kind: 'vehicle' | 'type' | 'part' | 'feature' | 'plate' };
  // The doors said inside a vehicle ("a black four door sedan") are already its part.
  const saidAlone = (m: Span) => !CONDITION_ALONE.has(u.words(m)) || ((m.start === 0 || u.pauses[m.start - 1] === true) && (m.end === u.length || u.pauses[m.end - 1] === true));
  // A feature never runs across a typed pause: "a jeep, dark green, soft top" has no green soft top.
  const unpaused = (m: Span): Span => {
    let start = m.start;
    for (let k = m.start; k < m.end - 1; k++) if (u.pauses[k]) start = k + 1;
    return { start, end: m.end };
  };
  const features = [...u.matches(FEATURE_RE)].map(unpaused).filter((m) => (!u.isNegated(m.start) || u.tokens[m.start] === 'no') && saidAlone(m) && !found.some((v) => v.start <= m.start && m.start < v.end));
  const pieces: Piece[] = [
    ...found.map((v): Piece => ({ start: v.start, end: v.end, text: v.words.join(' '), kind: v.part ? 'part' : v.complete ? 'vehicle' : 'type' })),
    ...features.filter((m) => !owned.some((p) => p.start <= m.start && m.start < p.end)).map((m): Piece => ({ start: m.start, end: m.end, text: featureText(u.words(m)), kind: 'feature' })),
    ...owned.map((p): Piece => ({ start: p.start, end: p.end, text: `plate ${p.plate}`, kind: 'plate' })),
  ].sort((a, b) => a.start - b.start);
  const said: (Piece & { kinds: Set<Piece['kind']> })[] = [];
  for (const v of pieces) {
    const last = said[said.length - 1];
    const gap = last ? u.tokens.slice(last.end, v.start) : [];
    const loose = v.kind === 'feature' || v.kind === 'part' || v.kind === 'plate';
    const joins = last && !last.kinds.has('plate') && gap.length <= (loose ? 5 : 4) && !gap.some((w) => ANOTHER.has(w) && !(loose && (w === 'with' || w === 'and')));
    // A body type named before or after a full vehicle ("my car's at the trailhead, a blue subaru") adds nothing to it.
    // A body style says more ("a red mustang, convertible"): only the generic word adds nothing.
    if (v.kind === 'type' && GENERIC_TYPE.has(v.text) && last?.kinds.has('vehicle') && joins) continue;
    if (v.kind === 'vehicle' && last && last.kinds.size === 1 && last.kinds.has('type') && GENERIC_TYPE.has(last.text)) said.pop();
    if (joins && said[said.length - 1] === last) {
      Object.assign(last, { text: `${last.text}, ${v.text}`, end: v.end });
      last.kinds.add(v.kind);
    } else said.push({ ...v, kinds: new Set([v.kind]) });
  }
  const isVehicle = (v: (typeof said)[number]) =>
    v.kinds.has('vehicle') || v.kinds.has('plate') || (v.kinds.has('type') && v.kinds.size > 1) || (v.kinds.size === 1 && v.kinds.has('feature') && VEHICLE_ONLY.test(v.text) && found.length === 0);
  for (const v of said) if (isVehicle(v)) emit('vehicle', v, v.text);
};
