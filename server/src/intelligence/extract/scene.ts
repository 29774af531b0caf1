// The scene: weapons, hazards to responders, and how many people are involved.

import { SELF_CUT } from './nature-phrases.js';
import type { Utterance } from './text.js';
import { CORRECTION, type Extractor, type Put, STOP, WALKING_AIDS, bodyPart, lexiconTags, phrases, struckAt } from './words.js';

// Who smokes out of habit: "he smokes", "my mom was smoking", "somebody's smoking in the bathroom", "a carton of smokes".
const HABIT = '(?<!\\b(?:he|she|i|who|mom|dad|they|husband|wife|hes|shes|quit|stopped|hes been|shes been|ive been|theyve been|somebody|somebodys|someone|someones|guys|kids|cartons? of|packs? of) )';

const WEAPONS: [string, RegExp][] = [
  ['rifle', phrases('long guns?', 'assault rifles?', 'ar 15', 'rifles?')],
  // A "shotgun house" is a kind of house; someone "riding shotgun" sits in front.
  ['shotgun', phrases('(?<!\\b(?:riding|rode|ride|rides) )shotguns?(?! (?:house|houses|shack|shacks|style|home|homes|double)\\b)')],
  ['handgun', phrases('handguns?', 'pistols?', 'revolvers?', '9 ?mm')],
  // A toy or a tool is no weapon ("a nerf gun", "a nail gun"), nor is a place or a sale of them ("the gun shop", "a gun show").
  // Guns taken or sold as property are no weapon on the scene ("took the TV and the guns", "my guns were in the safe", "he sold his guns").
  ['gun', phrases('(?<!(?:nail|glue|water|toy|staple|squirt|heat|nerf|laser|paintball) )(?:gun(?!s)|(?<!\\b(?:took|stole|stolen|steal|stealing|taking|sold|sell)(?: the| his| my| her| their| all| all the| all my| all his)? )guns)(?! (?:shop|shops|store|stores|show|shows|range|counter|cabinet|safe|were in|was in|out of))', 'firearms?')],
  // A blade callers name is labelled by that name: "a machete", "a box cutter".
  ['machete', phrases('machetes?')],
  ['box cutter', phrases('box cutters?')],
  // A knife of a named kind keeps it ("a hunting knife", "his bait knife": 6 of 6 writers' labels); a kitchen knife is split (5 to 4), a knife.
  ['hunting knife', phrases('hunting knife')],
  ['pocket knife', phrases('pocket knife')],
  ['pocketknife', phrases('pocketknife')],
  ['steak knife', phrases('steak knife')],
  ['butcher knife', phrases('butcher knife')],
  ['filet knife', phrases('fill?et knife')],
  ['bait knife', phrases('bait knife')],
  ['picking knife', phrases('picking knife')],
  ['knife', phrases('knife', 'knives', 'switchblade')],
  ['blade', phrases('(?<!shoulder )blade(?! of)')],
  ['razor', phrases('razor(?: blade)?s?')],
  ['bat', phrases('(?:baseball )?bat')],
  ['hammer', phrases('hammer')],
  ['crowbar', phrases('crowbar')],
  ['tire iron', phrases('tire iron')],
  ['axe', phrases('axe')],
  ['hatchet', phrases('hatchet')],
  ['taser', phrases('taser')],
  ['pepper spray', phrases('pepper spray', 'mace')],
  ['weapon', phrases('weapons?')],
];
const BLADES = new Set(['knife', 'blade', 'box cutter', 'machete', 'razor', 'axe', 'hatchet', 'hunting knife', 'pocket knife', 'pocketknife', 'steak knife', 'butcher knife', 'filet knife', 'bait knife', 'picking knife']);
const ASSAILED = /\b(?:robbed|robbery|robbing|stabbed|stabbing|attacked|fight|fighting|jumped|assaulted|threatened|came at)\b/;
// Things that are weapons only in hand or swung: "attacked me with a shovel", "he's waving a brick" (a bottle thrown or swung is labelled no weapon).
const HELD = '(?:with|swinging|swung|waving|holding|wielding|grabbed|pulled out|picked up|came at me with|hit me with|has|had|got) (?:a|an|the|his|her|some|this|that) (?:big |broken |metal |little |pair of )?';
const OBJECT_WEAPONS = new RegExp(`\\b${HELD}(shovel|brick|rock|pipe|golf club|scissors|screwdriver|chair|stick|board|wrench|chain|sword|crossbow|bow|spear|2 by 4|two by four|pole|rake|pitchfork|cane)\\b(?! of| for)`, 'dg');
// Whatever someone was struck with is the weapon, named as said: "hit me with a belt", "beat him with a frying pan",
// "whacked her with the gaff" (not a hand or a fist, nor a vehicle: "hit us with his truck" is the crash's, nor what a
// boat or a car hit someone with).
const STRUCK_WITH = /(?<!\b(?:car|truck|boat|van|bus|train|vehicle|suv|jet ski)s? )\b(?:hit|hitting|hits|struck|beat|beating|beats|smacked|whacked|clubbed|bashed|attacked|went after|came at) (?:me|him|her|them|us|(?:my|his|her|our|the|a|this|that) [a-z]+) with (?:a|an|the|his|her|some|this|that|my|their) ((?:[a-z]+ )?[a-z]+)\b/dg;
// Words after a verb's object place: "a bottle send someone" ends the thing at "bottle".
const OBJECT_AFTER = new Set(['someone', 'somebody', 'me', 'him', 'her', 'us', 'them', 'help', 'a', 'an', 'the', 'my', 'his', 'out', 'up']);
// (A bottle swung or thrown is labelled no weapon, as in OBJECT_WEAPONS.)
const NOT_STRUCK_WITH = /^(?:car|truck|van|suv|vehicle|bus|bike|motorcycle|door|hand|hands|fist|fists|words?|lawsuit|bottle|bottles|pair)$/;

// Hydrogen sulfide as callers name it; said in a line, the rotten eggs smelled are that gas.
const H2S = 'h ?2 ?s|hydrogen sulfides?';
const H2S_SAID = new RegExp(`\\b(?:${H2S})\\b`);
// Dangers on the scene to whoever comes; the caller's own plight (a dying phone, the dark, the
// cold, a drunk patient) is not one.
const HAZARDS: [string, RegExp][] = [
  // Smoking as a habit is no smoke on the scene: "he smokes two packs a day", "she was smoking a cigarette".
  ['smoke', phrases('smoke(?! (?:detectors?|alarms?|inhalation))', `${HABIT}smokes`, `${HABIT}smoking(?! (?:weed|pot|crack|meth|cigarettes?|a cigarette|cigs?|a joint))`, 'smoky')],
  ['downed power line', phrases('power lines? (?:\\w+ ){0,2}(?:down|sparking|on the (?:road|ground))', '(?:downed|fallen) (?:power )?lines?', 'live wires? (?:down|on the|in the|across)', '(?:wires?|power lines?) (?:that (?:is|was|were) |are |is |was )?(?:down|on the ground|sparking|arcing)', 'fell on the power lines?')],
  ['downed tree', phrases('(?:downed|fallen) tree', 'tree (?:is )?down')],
  ['fuel leak', phrases('(?:gas|fuel|gasoline|diesel)s? (?:is )?(?:leaking|spilling|pouring|gushing|running|dripping)', '(?:gas|fuel|gasoline|diesel) (?:is )?(?:all )?over the (?:road|ground|street|pavement|highway)', 'leaking (?:fuel|gas|gasoline|diesel)', 'fuel (?:leak|spill)')],
  // Diesel lying about ("diesel all over the water", "a diesel spill"); leaking or running it is the fuel leak above.
  ['diesel', phrases('(?<!siphoned (?:the )?)diesel(?! (?:truck|trucks|engine|pickup|tank|mechanic|fuel|generator|pumps?|island|lanes?))')],
  // A gas meter or main hit or blowing ("took out the gas meter", "the gas meter's whistling"); "we smelled gas".
  ['gas leak', phrases('gas leak', 'gas (?:line|main) (?:hit|broke|broken|cut|leaking)', 'hissing', 'smell(?:s|ed|ing)? (?:like )?(?:natural )?gas', 'smell of gas', 'gas smell', 'rotten eggs?',
    '(?:hit|took out|knocked (?:off|over|loose)|broke|sheared off|ran over) (?:a |the )?gas (?:meter|main|line)', 'gas meter (?:\\w+ ){0,6}(?:blowing|whistling|leaking|knocked loose|broken off)', 'gas (?:meter|main|line) (?:\\w+ ){0,3}(?:got|was|is) (?:hit|clipped|cut|run over|knocked (?:off|over|loose)|sheared off)', 'gas (?:is |blowing )?(?:blowing|everywhere)', 'gas (?:it )?smells? (?:very |real |really |so )?strong')],
  // "ammonia's leaking" reads "ammonias leaking": the "is" joined to the word.
  ['ammonia', phrases('ammonias?', 'anhydrous')],
  ['chlorine', phrases('chlorines?')],
  // Chemicals as things on the scene ("cat pee and chemicals", "the pool chemicals", "a chemical drum"), not a chemical smell,
  // spill or burn, which writers give no hazard (0 of 9 lines; 7 of ours moved in session 15).
  ['pool chemicals', phrases('pool chemicals')],
  ['chemical drum', phrases('chemical drums?')],
  ['chemicals', phrases('chemicals(?! (?:plant|company|engineer|factory))')],
  ['propane', phrases('propanes?')],
  // Acid spilled or smelled, not a stomach's or a drug trip's.
  ['acid', phrases('(?<!(?:on|took|dropped|tripping on|stomach) )acids?(?! (?:reflux|trip|wash))')],
  ['pesticide', phrases('pesticides?')],
  // Hydrogen sulfide in the oil field, named by its letters ("the h two s monitor's going off"), and gas from a sewer.
  ['h2s', phrases(H2S, 'sour gas')],
  ['sewer gas', phrases('sewer gas')],
  ['carbon monoxide', phrases('carbon monoxides?', 'co (?:alarm|detector)s?', 'carbon (?:thing|alarm|detector)s?')],
  ['oxygen', phrases('oxygen', 'o2')],
  // A dog led, kept or put away is no danger to whoever comes ("walking the dog", "putting the dogs away"), nor a thing named for one,
  // a letter spelled by it ("d as in dog"), or a dog hurt or in trouble beside the patient ("he shot his dog", "my dog and my son went in").
  ['dog', phrases('(?<!\\b(?:hot|walking|walk|walked|walks|feeding|feed|with|as in|shot|hit|killed|kicked|poisoned|ran over|run over) (?:the |my |our |his |her |a )?)dogs?(?! (?:statue|food|bowl|house|park|leash|toy|sitter|walker|bed|away|up|and (?:a|my|the|his|her|our) (?:kid|son|daughter|boy|girl|child|baby)))', 'pit ?bulls?', 'german shepherd', 'rottweiler')],
  // Traffic still passing where people are ("cars keep almost hitting us"); a driver who almost hit someone once is who the call is about (writers 0 of 7 lines).
  ['traffic', phrases('traffic (?:is )?(?:still )?(?:passing|going by|coming|flying)', '(?:nearly|almost) hitting', '(?:(?:cars|trucks|traffic)(?:re| are| is)?|(?:they|people)(?:re| are)) (?:still )?(?:flying|speeding|getting|driving|going) (?:by|past|right into)', 'flying past', '(?:gonna|going to|about to) get (?:hit|killed|run over)', 'in and out of traffic', '(?:into|toward|towards) (?:the )?(?:oncoming )?traffic')],
  ['fentanyl', phrases('(?<!(?:took|taking|takes|on|did|doing|snorted|smoked|used|think its|probably|maybe) )fentanyl')],
  ['solar panels', phrases('solar panels?')],
  // Needles lying about ("the floor is covered in needles"); the one someone used is the drug taken (0 of 15 trainable writers' lines), insulin's none.
  ['needles', phrases('(?<!(?:uses|takes|insulin) )(?:needles|syringes)(?! for)')],
  // Ice on the way in, and ice someone slipped, slid, fell or hit their head on, still there for whoever
  // comes (14 of 16 writers' lines); not the ice someone fell through (that is the nature).
  ['ice', phrases('icy', 'black ice', 'ice on the (?:road|roads|bridge|ground|sidewalk|driveway|steps)', '(?:road|roads|bridge) is (?:all |covered in |solid )?ice', 'sheets? of ice', '(?:slipped|slid|sliding|slipping|jackknifed|spun out|fell|fall|falls|fallen|hit (?:his|her|my|their) head) on (?:the )?ice', 'ice all over', 'iced (?:over|up)')],
  ['flooding', phrases('flood(?:ed|ing)?s?(?! ?lights?)', 'waters? (?:is )?(?:rising|coming up|all around)')],
];
// Stock and game loose where people come, or the animal that did the harm ("cows all over the road",
// "kicked by the horse", "the bull stomped him"): a danger to whoever comes, named as said. Not a bull
// rider, a horse trailer, a cattle guard or a deer stand, nor horses in a burning barn.
const LARGE_ANIMAL = '(?<!pit )(horses?|cows?|cattle|bulls?|steers?|deer|elk|moose|bison|buffalo|hogs?|mules?|calf|calves)';
const ANIMAL_HAZARD = new RegExp(
  `\\b${LARGE_ANIMAL} (?:(?:is|are|was|were|got|s|still|just|all) ){0,2}(?:loose|out on|got out|gotten out|on the (?:road|highway|interstate)|in the (?:road|lanes?|highway)|all over|running (?:loose|around|down)|stomped|kicked|gored|pinned|trampled|charged|knocked|threw|ran over|stepped on)\\b` +
    `|\\b(?:kicked|stomped|gored|pinned|trampled|charged|butted|stepped on|bucked off|thrown) (?:\\w+ ){0,4}by (?:a|the|his|her|our|my|that|their|neighbors) ${LARGE_ANIMAL}\\b` +
    `|\\b(?:hit|struck) (?:a|the) ${LARGE_ANIMAL}\\b(?= .*\\b(?:still|laying|lying) (?:in|on) the (?:road|highway))`,
  'dg',
);
// A wild animal that bit or grabbed someone, or is where people are, is still there for whoever comes ("a rattlesnake
// bit him and it's still under the porch", "a bear's in the campsite"); a place named for one is not ("the Bear Gap trailhead").
const WILD_ANIMAL = '(rattlesnakes?|rattlers?|copperheads?|cottonmouths?|water moccasins?|snakes?|bears?|sharks?|gators?|alligators?|mountain lions?|cougars?)';
const WILD_HAZARD = new RegExp(
  `\\b${WILD_ANIMAL} (?:(?:just|that|s|is|was) )?(?:bit|bitten|bites|biting|grabbed|clawed|attacked|mauled|charged|chasing|tore into|got into|broke into|got (?:him|her|me|them|our))\\b` +
    `|\\b(?:bit|bitten|grabbed|clawed|attacked|mauled|charged|chased) (?:\\w+ ){0,4}by (?:a|the|an|that|some) (?:big |huge |little |baby )?${WILD_ANIMAL}\\b` +
    `|\\b${WILD_ANIMAL} (?:(?:s|is|was) )?(?:in|under|inside) (?:the|our|my|his|her) \\w+`,
  'dg',
);
const DOG_DANGER = /\b(?:aggressive|mean|loose|attack\w*|bit|bite|biting|bitten|pit ?bulls?|rottweilers?|shepherds?|wont let|growl\w*|snarl\w*|charging|vicious|big dogs?|in the yard|guard|chained|lunging|mauled|going after|got (?:him|her|me|them)|doesnt like strangers)\b/;
// The placard's number, or the number callers read off the orange sign or the diamond on a tanker
// ("an orange sign, ten seventy five", "the sign on the back says one oh seven five", "a placard on the side, it says twelve
// oh three").
const PLACARD_RE = /\b(?:placard|panel|un number|un)(?: (?!(?:says|reads) \d)[a-z]+){0,6} (?:says |reads |is |number is )?(\d{4})\b|\b(?:sign|diamond)\b(?: (?!(?:says|reads) \d)[a-z]+){0,5} (?:says |reads |is |number is )?(\d{4})\b(?! [a-z]+ (?:street|avenue|road|drive|lane|court|boulevard|way))/dg;

function mentions(u: Utterance, table: [string, RegExp][], put: Put): Set<string> {
  const claimed = new Array<boolean>(u.length).fill(false);
  const found = new Set<string>();
  for (const [value, re] of table) {
    for (const m of u.matches(re)) {
      if (claimed[m.start] || u.isAsked(m.start) || u.isNegated(m.start)) continue;
      claimed.fill(true, m.start, m.end);
      found.add(value);
      put(m, value);
    }
  }
  return found;
}

const PERSONS = 'people|persons?|patients?|victims?|kids|children|students|guys|men|women|adults|workers|others|passengers|occupants|residents|males|females|teenagers|teens|boys|girls|ladies|juveniles|suspects|hikers|swimmers|customers|employees|drivers';
const PEOPLE_RE = new RegExp(
  [
    // "three guys and a girl": the second group added to the first.
    `\\b(\\d{1,3}) (?:(?!(?:the|a|an|his|her|my|our|their) )[a-z]+ )?(?:${PERSONS})(?: and (a|an|\\d{1,3}) (?:${PERSONS.replace(/s\?|s\b/g, '')}|guy|man|woman|girl|boy|kid|lady|child|baby)s?)?\\b`,
    // ("he's had two of them before": strokes had, not people.)
    '(?<!\\bhad )\\b(\\d{1,3}) (?:of us|of them|of em|of my [a-z]+|of our [a-z]+|injured|hurt|trapped|inside)\\b',
    '\\bme and (?:my |our |the )?(\\d{1,3}) [a-z]+',
    '\\b(both) of (?:us|them)\\b',
    `\\b(?:a (couple|dozen)) (?:of )?(?:${PERSONS})\\b`,
    '\\bme and (?:my [a-z]+|her|him|my)\\b',
    '\\bfamily of (\\d{1,2})\\b',
    // "it's me, my wife and our son" lists more than the caller.
    // "it's me, Beverly" is who calls, not how many; "I can't move him by myself" is no count.
    '\\b(?:(?:im|i am) (?:all )?alone|(?<!(?:move|lift|carry|hold|turn|get) (?:him|her|them|it) )by myself|(?:its just |just |only )me(?! and)(?! just me and)(?! (?:\\w+ ){0,3}and\\b))\\b',
    // "just the one guy", "only one, the driver": one said as the count.
    '(?<!\\bthe )\\b(?:just|only) (?:the )?(?:1|one)(?: (?:guy|person|man|woman|lady|driver|kid|suspect))?\\b(?! (?:of|second|sec|time|minute|thing|more|day|night|moment|hand|way|car|question|that|who|i))',
  ].join('|'),
  'dg',
);

// Things a caller counts "of them" that are not people.
const THINGS_COUNTED = new Set('stairs steps pills tablets aspirin aspirins shots rounds bullets wrists cars trucks vehicles dogs cats horses cows times windows doors'.split(' '));

function peopleCount(u: Utterance, put: Put): void {
  // "three of us, two adults and a baby": the parts after a total are what it is made of.
  let total: { count: number; end: number } | undefined;
  for (const m of u.matches(PEOPLE_RE)) {
    // "Township Road two ten, kids are okay": a typed pause ends a number's count.
    if (u.isNegated(m.start) || u.pauses.slice(m.start, m.end - 1).some(Boolean)) continue;
    // "five people, no, six": the count said again is the one meant.
    const again = CORRECTION.has(u.tokens[m.end] ?? '') && /^\d+$/.test(u.tokens[m.end + 1] ?? '') ? Number(u.tokens[m.end + 1]) : undefined;
    const [n, more, n2, others, both, some, family] = m.groups.map((g) => (g ? u.words(g) : undefined));
    let count: number;
    if (n !== undefined) count = Number(n) + (more === undefined ? 0 : /^\d+$/.test(more) ? Number(more) : 1);
    else if (n2 !== undefined || family !== undefined) count = Number(n2 ?? family);
    else if (some !== undefined) count = some === 'dozen' ? 12 : 2;
    else if (others !== undefined) count = Number(others) + 1; // "me and three students"
    else if (both !== undefined || / and /.test(u.words(m))) count = 2; // "both of us", "me and her"
    else count = 1; // "im alone", "just me"
    // "all fourteen of them" after the stairs, "four of them" after aspirin: things counted, not people.
    if (/ of (?:them|em)$/.test(u.words(m)) && u.tokens.slice(Math.max(0, m.start - 8), m.start).some((w) => THINGS_COUNTED.has(w))) continue;
    // ("three of us, two are hurt" still says how many are hurt.)
    if (total && n !== undefined && count < total.count && m.start - total.end <= 3) continue;
    if (/ of (?:us|them|em)$/.test(u.words(m))) total = { count, end: m.end };
    // "one guy's down", "one patient entrapped": one of those the line is about, not how many there are.
    if (n === '1' && more === undefined) continue;
    if (again !== undefined) {
      if (again > 0 && again <= 500) put({ start: m.start, end: m.end + 2 }, String(again));
    } else if (count > 0 && count <= 500) put(m, String(count));
  }
}

export const extractScene: Extractor = (u, emit) => {
  const weapons = new Set<string>();
  const pending: [Parameters<Put>[0], string][] = [];
  mentions(u, WEAPONS, (span, value) => {
    weapons.add(value);
    pending.push([span, value]);
  });
  for (const m of u.matches(OBJECT_WEAPONS)) {
    const thing = u.words(m.groups[0]!);
    // "an old man with a cane" describes him; "hit her with a cane" is the weapon.
    const struck = !WALKING_AIDS.has(thing) || struckAt(u.tokens, m.start);
    if (u.isAsked(m.start) || u.isNegated(m.start) || weapons.has(thing) || !struck) continue;
    weapons.add(thing);
    pending.push([m.groups[0]!, thing]);
  }
  for (const m of u.matches(STRUCK_WITH)) {
    const g = m.groups[0]!;
    // Two words when the second goes on in the same breath ("a frying pan"; not "a belt, please", "a gaff and took", "a bottle send someone").
    // A word that can be a verb goes on the thing unless an object follows it ("a broom handle"; "a bottle send someone").
    const verb = (k: number) => lexiconTags(u.tokens[k]!).some((tag) => /Tense|Gerund|Expression/.test(tag)) || (lexiconTags(u.tokens[k]!).includes('Infinitive') && OBJECT_AFTER.has(u.tokens[k + 1] ?? ''));
    const said = (k: number) => k < u.length && !u.pauses[k - 1] && !STOP.has(u.tokens[k]!) && !verb(k);
    const two = g.end - g.start === 2 && said(g.start + 1);
    // Three words or more ("a cast iron pan") are left unread rather than cut.
    if (two && said(g.end)) continue;
    // "a big stick" is the stick.
    const from = two && lexiconTags(u.tokens[g.start]!).includes('Adjective') ? g.start + 1 : g.start;
    const span = { start: from, end: two ? g.end : g.start + 1 };
    const thing = u.words(span);
    const last = u.tokens[span.end - 1]!;
    const known = [...weapons].some((w) => w === thing || w === last || w.endsWith(` ${last}`)) || pending.some(([p]) => p.start < span.end && span.start < p.end);
    if (u.isAsked(m.start) || u.isNegated(m.start) || known || NOT_STRUCK_WITH.test(thing) || bodyPart(last) !== undefined || STOP.has(last) || lexiconTags(last).includes('Adjective')) continue;
    weapons.add(thing);
    pending.push([span, thing]);
  }
  // "a weapon" says less than "a knife" said with it. A blade in a work or kitchen accident ("cut his
  // hand with the bait knife", "the knife slipped") is a tool, not a weapon (no writer labels one).
  const tool = (value: string) => BLADES.has(value) && [...u.matches(SELF_CUT)].length > 0 && !ASSAILED.test(u.text);
  for (const [span, value] of pending) if ((value !== 'weapon' || weapons.size === 1) && !tool(value)) emit('weapon', span, value);
  const vehicle = /\b(?:car|truck|tanker|vehicle|van|suv|tank|pump|bike|motorcycle)s?\b/.test(u.text);
  mentions(u, HAZARDS, (span, value) => {
    // A dog is a hazard to whoever comes when the line says it is dangerous; a pet barking, named or taken is not
    // (the trainable writers label a dog so in 41 of 50 lines that say it, 1 of 65 that do not).
    if (value === 'dog' && !DOG_DANGER.test(u.text)) return;
    // A named gas hissing is that gas ("the propane tank's hissing": writers label the propane, 8 of 8 such lines).
    if (value === 'gas leak' && u.words(span) === 'hissing' && /\b(?:propane|anhydrous|ammonias?|oxygen|chlorine)\b/.test(u.text)) return;
    // Rotten eggs where the H2S monitor is going off are that gas.
    if (value === 'gas leak' && /^rotten eggs?$/.test(u.words(span)) && H2S_SAID.test(u.text)) return;
    emit('hazard', span, value === 'fuel leak' && u.tokens[span.start] === 'gas' && !vehicle ? 'gas leak' : value);
  });
  for (const m of [...u.matches(ANIMAL_HAZARD), ...u.matches(WILD_HAZARD)]) {
    const animal = m.groups.find((g) => g !== undefined)!;
    // "the bull's loose": the raw word keeps the apostrophe the tokens drop.
    if (!u.isNegated(m.start) && !u.isAsked(m.start)) emit('hazard', animal, u.raw(animal.start, animal.end).toLowerCase().replace(/'s$/, ''));
  }
  const tanker = /\b(?:tanker|tank|truck|trailer|semi|rail ?car|drums?|leaking|spill\w*|placard|orange)\b/.test(u.text);
  for (const m of u.matches(PLACARD_RE)) if (m.groups[0] || tanker) emit('hazard', m, `placard ${u.words((m.groups[0] ?? m.groups[1])!)}`);
  peopleCount(u, (span, value) => emit('people_count', span, value));
};
