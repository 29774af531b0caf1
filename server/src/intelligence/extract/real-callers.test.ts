// Regression tests for what real callers say and extraction once got wrong (issue 15): ordinal
// and block numbers in addresses, natures said in ordinary words, ordinary words taken for names.
import { describe, expect, it } from 'vitest';
import { entityValues as values } from '../../../test/entities.js';
import { isDev, loadCorpus } from './corpus.js';


describe('addresses as real callers say them', () => {
  it.each([
    ['sixty second street', '62nd Street'],
    ['three twelve forty first avenue', '312 41st Avenue'],
    ["uh it's forty one fifteen twenty third street", '4115 23rd Street'],
    ['twenty five hundred block of main', '2500 block Main Street'],
    ['the fifty one hundred block of forty second avenue', '5100 block 42nd Avenue'],
    ['eight hundred block of west maple', '800 block Maple Street'],
    ["i'm on i ninety five northbound", 'I-95 NB'],
    ['on us one southbound past the mall', 'US-1 SB'],
    ['the trailer park on county road nine', 'County Road 9'],
  ])('reads "%s" as %s', (text, address) => {
    expect(values(text, 'address')).toEqual([address]);
  });

  // Regression: "sixty second street" was "60 2nd Street", "three twelve forty first" was "31240 1st Avenue".
  it('never makes a house number of the tens of an ordinal street', () => {
    expect(values('sixty second street', 'address')).not.toContain('60 2nd Street');
    expect(values('three twelve forty first avenue', 'address')).not.toContain('31240 1st Avenue');
  });

  it('gives places as the caller names them, relation words dropped, apostrophes kept', () => {
    expect(values("she's standing in front of my house screaming", 'landmark')).toEqual(['my house']);
    expect(values("he's inside the warehouse", 'landmark')).toEqual(['warehouse']);
    expect(values("we're in the oak ridge subdivision", 'landmark')).toEqual(['oak ridge subdivision']);
    expect(values("we're at Joe's Diner", 'landmark')).toEqual(["joe's diner"]);
    expect(values("i'm at the motel six off the highway", 'landmark')).toEqual(['motel 6']);
  });
});

describe('places as callers give them', () => {
  it.each([
    // The lot of a named place is that place.
    ["i'm in the walmart parking lot", ['walmart']],
    ["he's in the parking lot of the kroger", ['kroger']],
    ['two guys are fighting in the parking lot', ['parking lot']],
    ["i'm out front of my building", ['my building']],
    ['at the park, by the basketball courts', ['park', 'basketball courts']],
    ['he is at lincoln park', ['lincoln park']],
    // Regression: a caller's surname "Park" was a place.
    ["it's Linda, Linda Park", []],
  ])('reads "%s" as %j', (text, places) => {
    expect(values(text, 'landmark')).toEqual(places);
  });

  it('reads a corner said without "of", and one street "at the corner with" it', () => {
    expect(values('right at the intersection, elm and main', 'cross_street')).toEqual(['Elm St & Main St']);
    expect(values("we're on oak street, at the corner with seventh", 'cross_street')).toEqual(['7th St']);
    expect(values("we're at the corner of oak and fifteenth", 'cross_street')).toEqual(['Oak St & 15th St']);
  });

  it('counts "just the one guy" as one, and not "just one second"', () => {
    expect(values('there was just the one guy', 'people_count')).toEqual(['1']);
    expect(values('only one guy, he ran off', 'people_count')).toEqual(['1']);
    expect(values('just one second', 'people_count')).toEqual([]);
    expect(values('only one of them had a gun', 'people_count')).toEqual([]);
  });

  it('counts the total a caller sums, not its parts, and never reads "of us two" as a highway', () => {
    expect(values('three of us in the car, two adults and a baby', 'people_count')).toEqual(['3']);
    expect(values("there's three of us, two are hurt", 'address')).toEqual([]);
    expect(values('exit off of us forty one', 'address')).toEqual(['US-41']);
  });

  it('reads a marker said with "was", and a street "off of" after a pause', () => {
    expect(values('the last mile marker i saw was like sixty eight', 'mile_marker')).toEqual(['MM 68']);
    expect(values("forty two ten oak, it's off of fifth", 'cross_street')).toEqual(['5th St']);
  });

  it('hears "he doesn\'t answer me" and "he no wake" as not awake', () => {
    expect(values("no he's out, he doesn't answer me", 'conscious')).toEqual(['no']);
    expect(values('please, my husband, he fall, he no wake', 'conscious')).toEqual(['no']);
    expect(values('there is no wake behind the boat', 'conscious')).toEqual([]);
  });

  it('takes a garage level for a floor', () => {
    expect(values("there's a man down on level three", 'unit')).toEqual(['Floor 3']);
    expect(values('in the parking garage at the mall, second level', 'unit')).toEqual(['Floor 2']);
    expect(values('the water level is rising', 'unit')).toEqual([]);
  });
});

describe('cross streets said bare', () => {
  it('hears a corner said without street types', () => {
    expect(values("We're at Elm and Maple, by the stop sign.", 'cross_street')).toEqual(['Elm St & Maple St']);
    expect(values('lincoln and third', 'cross_street')).toEqual(['Lincoln St & 3rd St']);
  });

  it('does not take people, things or times for a corner', () => {
    for (const text of ['its john and mary', 'near water and trees', 'i was at work and then i came home', 'its me and my husband', 'at night and in the morning']) {
      expect(values(text, 'cross_street'), text).toEqual([]);
    }
  });
});

describe('natures said in ordinary words', () => {
  it.each([
    ['my boyfriend shoved me and grabbed my throat', 'crime:domestic'],
    ['he is hitting his girlfriend in the parking lot', 'crime:domestic'],
    ["she's going under in the lake", 'rescue:drowning'],
    ['my toddler fell in the pool', 'rescue:drowning'],
    ["everyone's fainting", 'medical:unconscious'],
    ["he says he's going to kill himself", 'medical:suicidal'],
    ['my roommate took a bunch of xanax', 'medical:overdose'],
    ['my husband is pinned under the tractor', 'rescue:trapped'],
    ['her water broke and the baby is coming now', 'medical:childbirth'],
    ["he's not feeling good, he's really pale and sweaty", 'medical'],
    ["there's been an accident out front", 'traffic'],
    // Regressions from our own lines in callers' words (issue 15, part 4).
    ['some guy just took my phone out of my hand and ran', 'crime:robbery'],
    ['my daughter swallowed some of the dishwasher pods', 'medical:overdose'],
    ["my dad's sugar is like forty and he's not making sense", 'medical:diabetic'],
    ["my son's talking about ending it", 'medical:suicidal'],
    ['my friend posted a goodbye message', 'medical:suicidal'],
    ['no emergency, i was trying to call my daughter', 'accidental'],
    ["there's two cars, one's on its side", 'traffic'],
    ["my oven's been smoking and now the cabinets caught", 'fire'],
    // The fumes explain the breathing trouble: one nature.
    ['the bleach and the other cleaner mixed and we can not breathe in here', 'hazmat'],
  ])('hears "%s" as %s', (text, nature) => {
    expect(values(text, 'nature')).toEqual([nature]);
  });

  // Regression: a fall into water was medical:fall.
  it('does not call a fall into water a fall', () => {
    expect(values('my toddler fell in the pool', 'nature')).not.toContain('medical:fall');
  });

  it('does not take a relative hurting themselves, or an animal, for domestic violence', () => {
    expect(values('my husband is grabbing his chest', 'nature')).not.toContain('crime:domestic');
    expect(values('my husband fainted and hit his head', 'nature')).not.toContain('crime:domestic');
    expect(values('a snake bit my husband on the ankle', 'nature')).not.toContain('crime:domestic');
  });

  it('reads where a person was hurt when the verb names whom first, and not a thing hit', () => {
    expect(values('a snake bit my husband on the ankle', 'injury')).toEqual(['ankle']);
    expect(values('some guy punched my friend in the face outside the bar', 'injury')).toEqual(['face']);
    expect(values('he hit the car in the back and drove off', 'injury')).toEqual([]);
  });

  // Regression: a dying phone, a drunk patient and the drug he took were hazards to responders.
  it('reads hazards on the scene, not the caller\'s plight or what the patient took', () => {
    expect(values("my phone's about to die, i'm on the side of the road", 'hazard')).toEqual([]);
    expect(values('he was drunk and he fell down the stairs', 'hazard')).toEqual([]);
    expect(values('i think he took fentanyl', 'hazard')).toEqual([]);
    expect(values("there's wires down on the car", 'hazard')).toEqual(['downed power line']);
  });

  // Regression: "he fainted" was also conscious "no"; a faint is the nature, "no" needs "won't wake".
  it('reads a faint as the nature and leaves consciousness to what the caller says of it', () => {
    expect(values('my husband fainted in the kitchen', 'nature')).toEqual(['medical:unconscious']);
    expect(values('my husband fainted in the kitchen', 'conscious')).toEqual([]);
    expect(values("she passed out and she won't wake up", 'conscious')).toEqual(['no']);
  });

  it('reads a vital sign alone as that sign, with no nature', () => {
    expect(values("I can't hear him breathing", 'breathing')).toEqual(['no']);
    expect(values("I can't hear him breathing", 'nature')).toEqual([]);
  });

  it('says nothing of a nature that is denied or asked', () => {
    expect(values("he didn't fall in the pool", 'nature')).toEqual([]);
    expect(values('is he drowning', 'nature')).toEqual([]);
  });
});

describe('names', () => {
  it.each([
    ['you can call me Frank', ['Frank']],
    // Regression: the stutter fold turned the spelled "n n" into one letter, so the spelling did not match.
    ['Jenna, J-E-N-N-A', ['Jenna']],
    // Regression: "Officer Grant's wife" was the caller's name.
    ["I'm Officer Grant's wife, my name is Leah Grant", ['Leah Grant']],
  ])('names the caller in "%s"', (text, names) => {
    expect(values(text, 'caller_name')).toEqual(names);
  });

  // Regression: "look look people are hurt" gave the caller name "Look People".
  it('takes no name from common words said twice in panic', () => {
    for (const text of ['look look people are hurt', 'please please hurry', 'help help me', 'listen listen there is smoke']) expect(values(text, 'caller_name'), text).toEqual([]);
  });

  it('keeps a surname that is also a common word, and a typed apostrophe', () => {
    expect(values("i'm linda park, i live next door", 'caller_name')).toEqual(['Linda Park']);
    expect(values("it's kevin, kevin o'brien", 'caller_name')).toEqual(["Kevin O'Brien"]);
    expect(values('angela angela wake up', 'caller_name')).toEqual([]);
  });

  // Regression: "Luis Echeverría" came out "Luis EcheverrÍA" (a word boundary after the "í"), and a hyphen split a surname.
  it('keeps accented letters and a hyphen inside a name as said', () => {
    expect(values('my name is Luis Echeverría', 'caller_name')).toEqual(['Luis Echeverría']);
    expect(values('my name is angela brooks-tate', 'caller_name')).toEqual(['Angela Brooks-Tate']);
  });

  it('takes no name from an oath', () => {
    expect(values('jesus christ, come on, come on', 'caller_name')).toEqual([]);
    expect(values('my name is jesus ortiz', 'caller_name')).toEqual(['Jesus Ortiz']);
  });
});

describe('injuries, corners, vehicles and natures in the words callers use', () => {
  it.each([
    ['she split her chin open on the coffee table', 'split chin'],
    ['a piece of glass went into her shin', 'shin'],
    ['there is a nail through his foot', 'foot'],
    ['my daughter scraped up her whole leg on the gravel', 'leg'],
    ['the bone is sticking out of his thigh', 'broken thigh'],
    ['a bee stung her on the neck', 'neck'],
    ['she got her fingers slammed in the car door', 'finger'],
  ])('reads "%s" as the injury %s', (text, injury) => {
    expect(values(text, 'injury')).toEqual([injury]);
  });

  it('does not take a belly ache or a limb stuck in a drain for an injury', () => {
    expect(values('she has a bad pain in her belly', 'injury')).toEqual([]);
    expect(values('the kid got his arm stuck in the pool drain', 'injury')).toEqual([]);
  });

  it.each([
    ['crossroads are lake street and dover', 'Lake St & Dover St'],
    ['where bell road meets the frontage road', 'Bell Rd & Frontage Rd'],
    ["it's the kennedy and sixth intersection", 'Kennedy St & 6th St'],
    ["it's at martin and jackson streets", 'Martin St & Jackson St'],
    ["we're at the stoplight, broadway and third", 'Broadway St & 3rd St'],
    ["we're at ridge road and highway twelve", 'Ridge Rd & Hwy 12'],
    ['the nearest cross street would be alder drive', 'Alder Dr'],
    ["we're on main street at fifth", '5th St'],
  ])('reads the corner in "%s" as %s', (text, cross) => {
    expect(values(text, 'cross_street')).toEqual([cross]);
  });

  it('keeps a body style and the features a witness names with the vehicle', () => {
    expect(values('red mustang, convertible, the top was down', 'vehicle')).toEqual(['red mustang, convertible']);
    expect(values('it was a black escalade with chrome rims', 'vehicle')).toEqual(['black escalade, chrome rims']);
    expect(values('a dark colored suv', 'vehicle')).toEqual(['dark suv']);
  });

  it.each([
    ['some guy just snatched a lady\'s purse and ran toward the bus stop', 'crime:robbery'],
    ['a guy with a gun just took the money from the register', 'crime:robbery'],
    ['she never came home from school', 'rescue:lost'],
    ['a kid went through the ice on the pond', 'rescue:drowning'],
    ['there is a rotten egg smell in the whole building', 'hazmat'],
    ['her speech is all garbled', 'medical:stroke'],
    ['he sprained his wrist falling off the skateboard', 'medical:fall'],
  ])('reads "%s" as %s', (text, nature) => {
    expect(values(text, 'nature')).toEqual([nature]);
  });

  it('places nothing at where someone came home from or is lost along', () => {
    expect(values('he never came home from school', 'landmark')).toEqual([]);
    expect(values("we're lost on the trail and it's getting dark", 'landmark')).toEqual([]);
    expect(values('we are at the school by the gym doors', 'landmark')).toContain('school');
  });

  it('reads a blow to a thing as no assault, and knocked out by a fall as the fall', () => {
    expect(values('he punched the window and cut up his knuckles', 'nature')).toEqual([]);
    // The nature model may read it as a domestic disturbance, as a dispatcher might; not as an assault.
    expect(values('my son is punching holes in the wall', 'nature')).not.toContain('crime:assault');
    expect(values("he fell off the roof and he's knocked out", 'nature')).toEqual(['medical:fall']);
    expect(values('some guy punched my friend in the face', 'nature')).toEqual(['crime:assault']);
  });

  it('does not call an accident with a tool self-harm, nor a ladder falling on someone a fall', () => {
    expect(values('my brother hurt himself really bad with the chainsaw', 'nature')).not.toContain('medical:suicidal');
    expect(values('the ladder fell on his foot', 'nature')).not.toContain('medical:fall');
    expect(values('my grandma fell and she cant get up', 'nature')).toEqual(['medical:fall']);
  });
});

describe('the caller corpus', () => {
  const corpus = loadCorpus();

  it('has 1,500 lines or more, about 15 % without any entity, and a dev split of about 15 %', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(1_500);
    const empty = corpus.filter((u) => u.entities.length === 0).length / corpus.length;
    expect(empty).toBeGreaterThan(0.1);
    expect(empty).toBeLessThan(0.25);
    const dev = corpus.filter(isDev).length / corpus.length;
    expect(dev).toBeGreaterThan(0.1);
    expect(dev).toBeLessThan(0.2);
  });

  it('labels every nature kind at least a few times', () => {
    const kinds = new Set(corpus.flatMap((u) => u.entities.filter((e) => e.type === 'nature').map((e) => e.normalized)));
    for (const kind of ['medical', 'rescue:drowning', 'rescue:trapped', 'rescue:lost', 'crime:domestic', 'medical:suicidal', 'medical:overdose', 'medical:childbirth', 'medical:unconscious', 'accidental', 'hazmat']) {
      expect(kinds, kind).toContain(kind);
    }
  });
});
