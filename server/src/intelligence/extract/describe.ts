// Descriptions: a suspect (sex and race words as said, height, build, hair, clothing; the age
// said goes to patient_age, the corpus convention) and vehicles (colour, make, model, type, plate), each as its parts in said order.

import type { Span, Utterance } from './text.js';
import { type Extractor, STOP, bodyPart, lexiconTags } from './words.js';

const SEX: Record<string, string> = {
  male: 'male', males: 'male', man: 'male', men: 'male', guy: 'male', guys: 'male', dude: 'male', boy: 'male', kid: 'male',
  female: 'female', females: 'female', woman: 'female', women: 'female', lady: 'female', girl: 'female',
};
const RACE = new Set(['white', 'black', 'hispanic', 'latino', 'latina', 'asian', 'native', 'indian', 'arab', 'mixed', 'caucasian']);
const CLOTHES = new Set(
  ('hoodie hoodies hoody jacket coat shirt tshirt tee sweater sweatshirt jeans pants shorts hat cap beanie mask gloves boots sneakers shoes backpack vest uniform dress skirt scarf bandana sunglasses glasses overalls sweatpants leggings jersey windbreaker parka ' +
    'flannel slacks khakis tracksuit sweats joggers raincoat poncho cardigan blazer suit apron robe pajamas sandals heels blouse polo sundress trenchcoat').split(' '),
);
const CLOTHES_MOD = new Set(
  ('black white red blue green grey gray dark light brown yellow orange purple pink navy camo camouflage khaki tan plaid striped silver gold maroon hooded ski leather denim baseball puffy ' +
    'olive burgundy teal neon bright cargo flannel trucker work running reflective basketball button army construction').split(' '),
);
const BUILD = new Set(['heavy', 'heavyset', 'stocky', 'skinny', 'thin', 'slim', 'muscular', 'chubby', 'fat', 'big', 'tall', 'short']);
const MARKS = new Set(['tattoo', 'tattoos', 'scar', 'scars', 'birthmark', 'piercing']);
const OWNERS = new Set(['his', 'her', 'their', 'the']);
const HAIR_WORDS = new Set(['bald', 'beard', 'mustache', 'moustache', 'goatee', 'dreads', 'dreadlocks', 'ponytail', 'tattoos', 'tattoo', 'braids', 'cornrows', 'afro', 'mohawk']);
const HAIR_COLOUR = new Set(['blond', 'blonde', 'brown', 'black', 'red', 'grey', 'gray', 'long', 'short', 'curly', 'dark', 'white']);
const DECADES: Record<string, string> = { teens: 'teens', twenties: '20s', thirties: '30s', forties: '40s', fifties: '50s', sixties: '60s' };

const PERSON = new Set(['build', 'he', 'she', 'hes', 'shes']);
const GUESS = new Set(['maybe', 'about', 'like', 'around', 'probably', 'roughly']);

interface Part extends Span {
  text: string;
  kind: 'sex' | 'race_sex' | 'clothes' | 'age' | 'other';
}

function suspectParts(u: Utterance): Part[] {
  const t = u.tokens;
  const parts: Part[] = [];
  // Near a person: a sex word or "build" close by, or a part of the description just before ("white, tall").
  const near = (i: number) => t.slice(Math.max(0, i - 6), i + 6).some((w) => Object.hasOwn(SEX, w) || PERSON.has(w)) || (parts.length > 0 && i - parts[parts.length - 1]!.end <= 1);
  for (let i = 0; i < t.length; i++) {
    const w = t[i]!;
    const next = t[i + 1];
    const push = (end: number, text: string, kind: Part['kind'] = 'other') => {
      parts.push({ start: i, end, text, kind });
      i = end - 1;
    };
    if (RACE.has(w) && next !== undefined && Object.hasOwn(SEX, next)) push(i + 2, `${w} ${SEX[next]}`, 'race_sex');
    else if (Object.hasOwn(SEX, w) && next !== undefined && RACE.has(next) && !CLOTHES.has(t[i + 2] ?? '') && !CLOTHES_MOD.has(t[i + 2] ?? '')) push(i + 2, `${next} ${SEX[w]}`, 'race_sex');
    // "the guy was black": the race said of the person just named.
    else if (Object.hasOwn(SEX, w) && (next === 'was' || next === 'is') && RACE.has(t[i + 2] ?? '') && !CLOTHES.has(t[i + 3] ?? '') && !CLOTHES_MOD.has(t[i + 3] ?? '')) push(i + 3, `${t[i + 2]} ${SEX[w]}`, 'race_sex');
    else if (Object.hasOwn(SEX, w)) push(i + 1, SEX[w]!, 'sex');
    // "he was white, tall": the race alone, said of a pronoun.
    else if (RACE.has(w) && ['he was', 'hes', 'he is', 'she was', 'shes', 'she is'].includes(t.slice(Math.max(0, i - 2), i).join(' ').replace(/^\S+ (?=hes|shes)/, '')) && ((!CLOTHES.has(next ?? '') && !CLOTHES_MOD.has(next ?? '') && next !== 'and') || u.pauses[i])) push(i + 1, w);
    else if (['early', 'mid', 'late'].includes(w) && next !== undefined && (Object.hasOwn(DECADES, next) || /^\d0s$/.test(next))) push(i + 2, DECADES[next] ?? next, 'age');
    else if (w === 'teenager' || w === 'teen') push(i + 1, 'teen', 'age');
    else if (/^\d$/.test(w) && ['foot', 'feet', 'ft'].includes(next ?? '')) {
      const inches = /^\d{1,2}$/.test(t[i + 2] ?? '') ? t[i + 2] : undefined;
      push(inches ? i + 3 : i + 2, inches ? `${w} ft ${inches}` : `${w} ft`);
    } else if (BUILD.has(w) && next === 'build') push(i + 2, `${w} build`);
    else if (w === 'heavy' && next === 'set') push(i + 2, 'heavyset');
    else if (BUILD.has(w) && w !== 'big' && !(w === 'short' && next === 'of') && near(i) && !CLOTHES.has(next ?? '') && next !== 'hair') push(i + 1, w);
    else if (w === 'shaved' && next === 'head') push(i + 2, 'shaved head');
    // A mark and where it is, as said without the owner: "a tattoo on his neck" -> "tattoo on neck".
    else if (MARKS.has(w) && t[i + 1] === 'on' && bodyPart(t[i + (OWNERS.has(t[i + 2] ?? '') ? 3 : 2)])) {
      const at = i + (OWNERS.has(t[i + 2] ?? '') ? 3 : 2);
      push(at + 1, `${w} on ${t[at]}`);
    } else if (HAIR_WORDS.has(w)) push(i + 1, w);
    else if (HAIR_COLOUR.has(w) && (next === 'hair' || next === 'beard' || next === 'mustache' || next === 'goatee')) push(i + 2, `${w} ${next}`);
    else if (HAIR_COLOUR.has(w) && HAIR_COLOUR.has(next ?? '') && t[i + 2] === 'hair') push(i + 3, `${w} ${next} hair`); // "long black hair"
    else if ((w === 'blonde' || w === 'blond') && near(i)) push(i + 1, w);
    // "a white guy, maybe thirty": an age said as a guess, near a person.
    else if (/^\d{2}$/.test(w) && GUESS.has(t[i - 1] ?? '') && near(i) && !['foot', 'feet', 'ft', 'pounds', 'lbs'].includes(next ?? '')) push(i + 1, w, 'age');
    else {
      // Clothing: up to two modifiers and the item ("dark hooded jacket", "grey t shirt").
      let k = i;
      while (k < i + 3 && CLOTHES_MOD.has(t[k]!)) k += t[k] === 'button' && ['up', 'down'].includes(t[k + 1] ?? '') ? 2 : 1;
      if (k > i && !CLOTHES.has(t[k] ?? '') && CLOTHES.has(t[k - 1]!)) k--; // "a red flannel": the item was the last word read as a modifier
      const tShirt = t[k] === 't' && t[k + 1] === 'shirt';
      if (tShirt || CLOTHES.has(t[k] ?? '') || (t[k] === 'tank' && t[k + 1] === 'top')) {
        // "t-shirt" or "t shirt" as typed.
        const item = tShirt ? (u.raw(k, k + 2).includes('-') ? 't-shirt' : 't shirt') : t[k] === 'tank' ? 'tank top' : t[k]!;
        push(tShirt || t[k] === 'tank' ? k + 2 : k + 1, [...t.slice(i, k), item].join(' '), 'clothes');
      }
    }
  }
  return parts;
}

const V_COLOUR = new Set('black white red blue green grey gray silver gold dark light brown tan maroon yellow orange purple beige navy'.split(' '));
const MAKES = new Set(
  'ford chevy chevrolet toyota honda nissan dodge jeep subaru volvo bmw mercedes audi kia hyundai tesla gmc volkswagen vw mazda lexus buick cadillac chrysler acura infiniti mitsubishi pontiac harley'.split(' '),
);
const MODELS = new Set(
  'civic accord camry corolla prius silverado sierra outback forester impreza ram explorer escape focus fusion mustang altima sentra malibu impala tahoe suburban wrangler cherokee charger challenger caravan odyssey pilot tacoma tundra highlander jetta passat crv rav4 equinox elantra sonata'.split(' '),
);
const V_TYPES = new Set('car truck pickup sedan suv van minivan motorcycle coupe hatchback wagon estate semi tanker bus convertible taxi rv box'.split(' '));
const V_SKIP = new Set(['old', 'new', 'little', 'big', 'beat', 'up']);
const NATO: Record<string, string> = Object.fromEntries(
  'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu'.split(' ').map((w) => [w, w[0]!]),
);

const OWN = new Set(['my', 'your', 'our']);
// Words between two vehicles that make them two: "a red pickup and a white box truck".
const ANOTHER = new Set(['and', 'on', 'another', 'other', 'second', 'then', 'hit', 'into', 'with', 'behind']);
const WEARING = new Set(['wearing', 'wore', 'had', 'has', 'got', 'dressed', 'in', 'with', 'suspect']);

const singular = (w: string): string => (w.endsWith('s') && !w.endsWith('ss') && w.length > 3 ? w.slice(0, -1) : w);
const vehicleWord = (w: string): string | undefined => {
  for (const form of [w, singular(w)]) if (V_COLOUR.has(form) || MAKES.has(form) || MODELS.has(form) || V_TYPES.has(form)) return form;
  return undefined;
};

interface Vehicle extends Span {
  words: string[];
  complete: boolean;
  plate?: string;
}

function vehicles(u: Utterance): Vehicle[] {
  const t = u.tokens;
  const out: Vehicle[] = [];
  for (let i = 0; i < t.length; i++) {
    const lead = /^(?:19|20)\d\d$/.test(t[i]!) || (/^[245]$/.test(t[i]!) && t[i + 1] === 'door');
    if (!vehicleWord(t[i]!) && !(lead && vehicleWord(t[i + (t[i + 1] === 'door' ? 2 : 1)] ?? ''))) continue;
    const words: string[] = [];
    let k = i;
    for (; k < t.length; k++) {
      const w = vehicleWord(t[k]!);
      if (w) words.push(w);
      else if (t[k] === 'f' && /^\d{3}$/.test(t[k + 1] ?? '')) words.push(`f-${t[++k]}`); // "f 150" -> f-150
      else if (/^(?:19|20)\d\d$/.test(t[k]!)) words.push(t[k]!); // the year: "a white 2015 honda"
      else if (t[k] === 'station' && t[k + 1] === 'wagon') words.push(`station ${t[++k]}`);
      else if (/^[245]$/.test(t[k]!) && t[k + 1] === 'door') words.push(`${t[k]}-${t[++k]}`); // "4 door" -> 4-door
      else if (!V_SKIP.has(t[k]!) || k === i) break;
    }
    const has = (set: Set<string>) => words.some((w) => set.has(w));
    const complete = has(MAKES) || has(MODELS) || words.some((w) => w.startsWith('f-')) || (has(V_COLOUR) && (has(V_TYPES) || words.includes('station wagon')));
    if (has(V_TYPES) || complete) out.push({ start: i, end: k, words, complete });
    i = k - 1;
  }
  return out;
}

const PLATE_CUE = /\b(?:license )?(?:plates?|tags?|registration)(?: number)?(?: is| was| its| reads| of)?\b/dg;

/** A plate's characters from `i`: spelled letters, NATO words, digit groups ("a b c 1234", "alpha bravo 12"). */
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
    if (cued && w === 'x' && u.tokens[k + 1] === 'ray') {
      plate += w;
      letters++;
      k++;
      continue;
    }
    if (/^\d{1,4}$/.test(w)) digits++;
    // "a" and "i" start the next sentence as often as they end a plate: "... two oh three i need help".
    else if (/^[a-z]$/.test(w) && !((w === 'a' || w === 'i') && ((k === i && !cued) || /^[a-z]{2,}$/.test(u.tokens[k + 1] ?? '')))) letters++;
    else if (cued && Object.hasOwn(NATO, w)) {
      plate += NATO[w];
      letters++;
      continue;
    // Typed letter groups ("4 ABC 123"): digits, no vowel, or no English word.
    } else if (cued && /^[a-z0-9]{2,4}$/.test(w) && !STOP.has(w) && (/\d/.test(w) || !/[aeiou]/.test(w) || k === i || lexiconTags(w).length === 0)) letters += w.length;
    else break;
    plate += w;
  }
  const ok = cued ? plate.length >= 2 : letters >= 2 && digits >= 1 && plate.length >= 5;
  return ok && plate.length <= 8 ? { plate: plate.toUpperCase(), end: k } : undefined;
}

export const extractDescriptions: Extractor = (u, emit) => {
  // Someone's own clothes ("in my jacket pocket") describe nobody; clothing alone needs "wearing", "had"...
  // "im wearing a red jacket so they can see me" is the caller, not a suspect.
  const ownClothes = (p: Part) => p.kind === 'clothes' && (OWN.has(u.tokens[p.start - 1] ?? '') || /\b(?:im|i am) (?:wearing|in)\b/.test(u.tokens.slice(Math.max(0, p.start - 4), p.start).join(' ')));
  const parts = suspectParts(u).filter((p) => !u.isAsked(p.start) && !ownClothes(p));
  const person = parts.some((p) => p.kind !== 'clothes') || parts.some((p) => u.tokens.slice(Math.max(0, p.start - 3), p.start).some((w) => WEARING.has(w)));
  if (!person) parts.length = 0;
  // "the guy who hit me was a black male": the fuller mention of the same person wins.
  if (parts.some((p) => p.kind === 'race_sex')) parts.splice(0, parts.length, ...parts.filter((p) => p.kind !== 'sex'));
  const described = parts.some((p) => p.kind === 'clothes' || p.kind === 'race_sex') || (parts.some((p) => p.kind === 'sex') && parts.some((p) => p.kind === 'other'));
  if (described) {
    const said = parts.filter((p) => p.kind !== 'age');
    emit('suspect', { start: said[0]!.start, end: said[said.length - 1]!.end }, said.map((p) => p.text).join(', '));
    // "teen" is no age a form takes; "early twenties" is "20s".
    for (const p of parts) if (p.kind === 'age' && p.text !== 'teen') emit('patient_age', p, p.text);
  }

  const found = vehicles(u);
  const plates: { plate: string; start: number; end: number }[] = [];
  for (const m of u.matches(PLATE_CUE)) {
    const p = readPlate(u, m.end, true);
    if (p) plates.push({ plate: p.plate, start: m.start, end: p.end });
  }
  for (let i = 0; i < u.length; i++) {
    if (plates.some((p) => i >= p.start && i < p.end)) continue;
    const p = readPlate(u, i, false);
    if (p) {
      plates.push({ plate: p.plate, start: i, end: p.end });
      i = p.end - 1;
    }
  }
  for (const p of plates.sort((a, b) => a.start - b.start)) {
    // A plate belongs to the vehicle said just before it: "the pickups seven k j four four two".
    const owner = found.filter((v) => !v.plate && v.end <= p.start && p.start - v.end <= 4).pop();
    if (owner) {
      owner.plate = p.plate;
      owner.end = p.end;
      owner.complete = true;
    } else emit('vehicle', p, `plate ${p.plate}`);
  }
  // One vehicle said again in other words ("a black suv, i think a tahoe") is one description, its parts in order.
  const said: (Vehicle & { text: string })[] = [];
  for (const v of found.filter((f) => f.complete)) {
    const text = v.words.join(' ') + (v.plate ? `, plate ${v.plate}` : '');
    const last = said[said.length - 1];
    const gap = last ? u.tokens.slice(last.end, v.start) : [];
    if (last && !last.plate && gap.length <= 4 && !gap.some((w) => ANOTHER.has(w))) Object.assign(last, { text: `${last.text}, ${text}`, end: v.end, plate: v.plate });
    else said.push({ ...v, text });
  }
  for (const v of said) emit('vehicle', v, v.text);
};
