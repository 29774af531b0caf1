// What callers say of injuries, vehicles and corners in the words of published calls and the
// descriptions agencies ask for (issue 15): each case is a kind of phrase, not one corpus line.
import { describe, expect, it } from 'vitest';
import { entityValues as values } from '../../../test/entities.js';

describe('injuries said as callers say them', () => {
  it('reads each part a caller offers as a guess ("his hip or maybe his leg")', () => {
    expect(values('i think he broke his hip or maybe his leg', 'injury')).toEqual(['broken hip', 'broken leg']);
  });

  it.each([
    ['he cracked his head open on the concrete', 'head'],
    ["the guy's face is all smashed up", 'face'],
    ['she cut her arm on the broken window', 'cut arm'],
    ['a guy cut me across the arm with a razor', 'arm'],
  ])('reads "%s" as the injury %s', (text, injury) => {
    expect(values(text, 'injury')).toEqual([injury]);
  });

  it.each([
    ["he's got a black eye and a busted lip", ['eye', 'lip']],
    ['he knocked two of his teeth out on the handlebars', ['tooth']],
    ["there's a cut above his eye, it's pretty deep", ['cut eye']],
    ['she scalded her arm with the kettle', ['burned arm']],
    ["blood's coming out of his ear", ['ear']],
    ["his finger's hanging off", ['finger']],
    ["he's got a hole in his leg from the fence post", ['leg']],
    ['she broke a bone in her foot', ['broken foot']],
    ['she tore up her knee sliding into base', ['knee']],
    ['they stabbed my cousin twice in the belly', ['belly']],
  ])('reads "%s" as the injuries %j', (text, found) => {
    expect(values(text, 'injury')).toEqual(found);
  });

  it('hears a nosebleed that will not stop as severe bleeding, and a kick given as an assault', () => {
    expect(values("my son has a bloody nose that won't quit", 'bleeding')).toEqual(['severe']);
    expect(values("my son has a bloody nose that won't quit", 'nature')).toEqual(['medical:bleeding']);
    expect(values("she's holding her stomach and crying, he kicked her", 'nature')).toEqual(['crime:assault']);
    expect(values('they kicked him out of the bar', 'nature')).toEqual([]);
  });

  it('reads a cut given by someone else with a blade as a stabbing, and one made cooking as no crime', () => {
    expect(values('a guy cut me across the arm with a razor', 'nature')).toEqual(['crime:stabbing']);
    expect(values('a guy cut me across the arm with a razor', 'weapon')).toEqual(['razor']);
    expect(values('she cut her finger real deep with a knife, cooking', 'nature')).toEqual([]);
  });

  it('reads where a wheel went over someone, and a truck that backed into someone as traffic', () => {
    expect(values('a white garbage truck ran over his foot', 'injury')).toEqual(['foot']);
    expect(values('the tow truck backed right into her', 'nature')).toEqual(['traffic']);
  });

  it('reads "fell out" as a faint, and "fell out of bed" as a fall', () => {
    expect(values('she was standing at the stove and she just fell out', 'nature')).toEqual(['medical:unconscious']);
    expect(values('he fell out of bed and hit his face', 'nature')).toEqual(['medical:fall']);
  });
});

describe('vehicles as witnesses describe them', () => {
  it.each([
    ['blue over white pickup, old ford', 'blue over white pickup, old ford'],
    ["he's in a white work van, ladder on top", 'white work van, ladder on top'],
    ['the car is a burgundy chrysler minivan with a dent in the sliding door', 'burgundy chrysler minivan, dent in the sliding door'],
    ['a black sedan, four door', 'black sedan, 4-door'],
    ['a black four door sedan', 'black 4-door sedan'],
    ['it was a tractor trailer, like an eighteen wheeler, white with no writing on it', 'tractor trailer, 18-wheeler, white'],
    ['a semi, a blue cab, pulling a flatbed', 'semi, blue cab, flatbed'],
    ["the tow truck, it's yellow", 'tow truck, yellow'],
    ["it's a green ford ranger, older model", 'green ford ranger, older model'],
    ['a white dodge ram with a toolbox in the bed', 'white dodge ram, toolbox in the bed'],
    ['a black chevy express van, no back windows', 'black chevy express van, no back windows'],
  ])('reads "%s" as %s', (text, vehicle) => {
    expect(values(text, 'vehicle')).toEqual([vehicle]);
  });

  it('reads no street in a year or a count said before a vehicle, and no clothing someone lacks', () => {
    expect(values('he drove an old ninety eight civic', 'address')).toEqual([]);
    expect(values('an eighteen wheeler rolled over', 'address')).toEqual([]);
    expect(values("he's riding on the sidewalk with no helmet", 'suspect')).toEqual([]);
  });

  it('keeps a generic word before the vehicle out of it', () => {
    expect(values("my car's at the trailhead, a blue subaru", 'vehicle')).toEqual(['blue subaru']);
  });
});

describe('corners said around a street', () => {
  it.each([
    ["the accident's at the junction of route nine and elm", 'Route 9 & Elm St'],
    ['the closest intersection is probably ninth and harbor', '9th St & Harbor St'],
    ["i'm on foster avenue, the cross street's tenth", '10th St'],
    ["uh he's walking down willard toward thirty eighth", '38th St'],
  ])('reads "%s" as %s', (text, cross) => {
    expect(values(text, 'cross_street')).toEqual([cross]);
  });

  it('reads the street a corner is on, and no route twice', () => {
    expect(values("it's on hawthorne between seventh street and eighth street", 'address')).toEqual(['Hawthorne Street']);
    expect(values("we're at the end of baker lane", 'address')).toEqual(['Baker Lane']);
    expect(values("the accident's at the junction of route nine and elm", 'address')).toEqual([]);
  });

  it('does not take a school bus for a school', () => {
    expect(values("it's a school bus and a car, at the corner of mission and eighteenth", 'landmark')).toEqual([]);
  });
});

describe('ordinary words that name no hazard or vital sign', () => {
  it('does not take a smoking habit, a led dog or a chemical plant for a danger on the scene', () => {
    expect(values("he smokes like two packs a day and now he's got chest pain", 'hazard')).toEqual([]);
    expect(values('i was out walking the dog and i found him lying in the grass', 'hazard')).toEqual([]);
    expect(values("it's the house with the dog statue out front", 'hazard')).toEqual([]);
    expect(values("i'm putting the dogs away now", 'hazard')).toEqual([]);
    expect(values('she works at the chemical plant', 'hazard')).toEqual([]);
  });

  it('still hears smoke and a loose dog', () => {
    expect(values("the smoke's all up the stairs", 'hazard')).toEqual(['smoke']);
    expect(values("my oven's been smoking and now the cabinets caught", 'hazard')).toEqual(['smoke']);
    expect(values('the dogs are loose in the yard, they bite', 'hazard')).toEqual(['dog']);
  });

  it('does not read a phone left unanswered as someone unconscious', () => {
    expect(values("he went out an hour ago and he's not answering his phone", 'conscious')).toEqual([]);
    expect(values("he's not answering me, he won't wake up", 'conscious')).toEqual(['no']);
  });
});

describe('natures in the words callers use', () => {
  it.each([
    ["my grandpa has dementia and he walked out of the house, we can't find him anywhere", 'rescue:lost'],
    ['some guy tried to run me off the road', 'traffic'],
    ['i just saw a lady get hit crossing the street', 'traffic'],
    ['a car went off the bridge into the water', 'rescue:drowning'],
    ["my son took a bunch of his mom's sleeping pills", 'medical:overdose'],
    ["there's a guy trying car doors in the parking garage", 'crime:theft'],
    ['somebody smashed my car window and took my purse off the seat', 'crime:theft'],
    ["my truck's gone, it was in the driveway last night", 'crime:theft'],
    ['two guys are beating on somebody behind the bar', 'crime:assault'],
    ["my daughter's boyfriend won't let her leave the apartment", 'crime:domestic'],
    ["my wife says her chest feels like an elephant's sitting on it", 'medical:cardiac'],
    ["my brother said goodbye to everyone and he's sitting in the garage with the car running", 'medical:suicidal'],
    ['some guy grabbed my little boy at the park', 'crime:kidnapping'],
    ["i found her on the kitchen floor, she's freezing cold", 'medical'],
    ["my dad's having trouble talking and half his face won't move", 'medical:stroke'],
    ['someone shot through my front window', 'crime:shooting'],
    ['some guy is looking in windows on our street', 'crime:burglary'],
    ["a lady just took my little girl's scooter and ran", 'crime:theft'],
    ['my dad fell asleep smoking and the couch is smoldering', 'fire'],
    ['my grandson is hanging in the closet', 'medical:suicidal'],
    ["he's been beaten up pretty bad, his face is swollen", 'crime:assault'],
  ])('reads "%s" as %s', (text, nature) => {
    expect(values(text, 'nature')).toEqual([nature]);
  });

  it('reads the cause of trouble breathing as the nature, not the breathing', () => {
    expect(values("my little girl put a marble in her mouth and now she can't breathe", 'nature')).toEqual(['medical:choking']);
    expect(values("his throat's closing up, he ate something with nuts", 'nature')).toEqual(['medical:allergic']);
    expect(values("his throat's closing up, he ate something with nuts", 'breathing')).toEqual(['abnormal']);
  });

  it('does not take a shock that threw him back for a partner hitting, nor a stranger keeping her for a domestic', () => {
    expect(values('my husband touched the wire on the pool pump and it threw him back', 'nature')).toEqual(['medical']);
    expect(values("some man is keeping her in his house and won't let her leave", 'nature')).toEqual(['crime:kidnapping']);
  });
});

describe('places named as callers name them', () => {
  it.each([
    ["we're at sunrise assisted living, the memory care wing", ['sunrise assisted living']],
    ["i'm in the food court at the westfield mall", ['food court', 'westfield mall']],
    ["he's in the stairwell of the parking deck on third", ['parking deck']],
    ['at the shell on route nine, by the air pump', ['shell']],
    ["it's the old mill by the dam", ['old mill', 'dam']],
    ["we're at mike's auto body on industrial drive", ["mike's auto body"]],
  ])('reads "%s" as %j', (text, places) => {
    expect(values(text, 'landmark')).toEqual(places);
  });

  it('does not take what burns or a shell casing for the place', () => {
    expect(values("there's a dumpster fire behind the restaurant", 'landmark')).toEqual(['restaurant']);
    expect(values('i found a shell casing on the sidewalk', 'landmark')).toEqual([]);
  });
});

describe('how many people, as callers count them', () => {
  it.each([
    ['a couple of kids were riding in the back', '2'],
    ['three guys and a girl ran out the back door', '4'],
    ['two guys and three girls were in the car', '5'],
    ["there's like a dozen people in the water", '12'],
    ['three teenagers jumped him', '3'],
    ["it's a family of five, they all got out", '5'],
    ['both of them are still in the car', '2'],
  ])('reads "%s" as %s', (text, count) => {
    expect(values(text, 'people_count')).toEqual([count]);
  });

  it('does not count the caller alone when others are listed with them', () => {
    expect(values("it's me, my wife and our son, we're all outside", 'people_count')).toEqual([]);
    expect(values("it's just me", 'people_count')).toEqual(['1']);
  });
});

describe('how much someone bleeds, as callers see it', () => {
  it.each([
    ["there's blood all over the kitchen floor", 'severe'],
    ["it's bleeding right through the towel", 'severe'],
    ["he's lying in a puddle of blood", 'severe'],
    ["she's covered in blood", 'severe'],
    ["the bleeding's slowed down some", 'no'],
    ["she's got blood all over her face", 'yes'],
    ["it's just a little blood from his knee", 'yes'],
  ])('reads "%s" as %s', (text, bleeding) => {
    expect(values(text, 'bleeding')).toEqual([bleeding]);
  });
});

describe('where a driver is on a highway', () => {
  it.each([
    ["we're on seventy five southbound around mile marker two twenty", 'I-75 MM 220'],
    ['i just passed mile one forty two on i forty', 'I-40 MM 142'],
    ["we're at the eighty seven mile post, interstate ten east", 'I-10 MM 87'],
    ['northbound ninety five at mile three', 'I-95 MM 3'],
    ['we just passed the sign for mile one oh seven on I twenty five', 'I-25 MM 107'],
  ])('reads "%s" as %s', (text, marker) => {
    expect(values(text, 'mile_marker')).toEqual([marker]);
  });

  it('reads a freeway said after its direction, and no marker in a mile walked', () => {
    expect(values("we're southbound on the four oh five near the airport", 'address')).toEqual(['I-405 SB']);
    expect(values('i walked about a mile', 'mile_marker')).toEqual([]);
  });
});

describe('lines that say several things at once', () => {
  it('reads slow breathing after "but", a needle left in an arm as an overdose, and no injury in a head-on crash', () => {
    expect(values("he's breathing but it's real slow and he's got a needle still in his arm", 'breathing')).toEqual(['abnormal']);
    expect(values("he's breathing but it's real slow and he's got a needle still in his arm", 'nature')).toEqual(['medical:overdose']);
    expect(values("he's got a needle still in his arm", 'injury')).toEqual([]);
    expect(values("two cars hit head on, one of the drivers isn't moving", 'injury')).toEqual([]);
    expect(values('she hit her head on the table', 'injury')).toEqual(['head']);
  });

  it('reads "bleeding, it\'s a lot" as severe, a limb that looks wrong as hurt, and a stomach that hurts as a medical call', () => {
    expect(values("she's pregnant and she's bleeding, it's a lot", 'bleeding')).toEqual(['severe']);
    expect(values("a kid fell off the monkey bars and his arm looks wrong", 'injury')).toEqual(['arm']);
    expect(values('my grandmother is really pale and she says her stomach hurts real bad', 'nature')).toEqual(['medical']);
  });
});

describe('weapons as callers name them', () => {
  it.each([
    ['he threatened me with a screwdriver', 'screwdriver'],
    ['the guy outside is holding a brick', 'brick'],
    ['she came at me with a pair of scissors', 'scissors'],
    ['my neighbor attacked me with a shovel, he hit me in the back', 'shovel'],
    ['he had a machete, a big one', 'machete'],
    ["my roommate's waving a box cutter around", 'box cutter'],
  ])('reads "%s" as %s', (text, weapon) => {
    expect(values(text, 'weapon')).toEqual([weapon]);
  });

  it('reads no weapon in a thing held for its use, nor in a thrown bottle', () => {
    expect(values("he has a bottle of water and he's sitting on the curb", 'weapon')).toEqual([]);
    expect(values('somebody threw a bottle and hit a lady in the head', 'weapon')).toEqual([]);
  });
});

describe('breathing and waking as callers put them', () => {
  it.each([
    ["he's unconscious but breathing", 'yes'],
    ['her breathing is normal now', 'yes'],
    ["she's not breathing normally", 'abnormal'],
    ['she says it hurts to breathe', 'abnormal'],
    ['my throat feels tight', 'abnormal'],
    ["he's barely breathing okay he's diabetic", 'abnormal'],
  ])('reads "%s" as breathing %s', (text, breathing) => {
    expect(values(text, 'breathing')).toEqual([breathing]);
  });

  it('reads someone who cannot stay awake as neither awake nor out', () => {
    expect(values("he can't stay awake, he keeps nodding off", 'conscious')).toEqual([]);
  });
});

describe('more ways a corner is given', () => {
  it.each([
    ["it's off of route thirty and mill road", 'Route 30 & Mill Rd'],
    ['the nearest cross is chestnut', 'Chestnut St'],
    ['the closest cross street is jefferson road', 'Jefferson Rd'],
    ["we're a block from main and fifth", 'Main St & 5th St'],
    ["we're on delmar, near the cross street of skinker", 'Skinker St'],
  ])('reads "%s" as %s', (text, cross) => {
    expect(values(text, 'cross_street')).toEqual([cross]);
  });

  it('reads no corner in ordinals of grades or floors, nor in common nouns', () => {
    expect(values("my kids are in fifth and sixth grade, they're home alone", 'cross_street')).toEqual([]);
    expect(values("there's a truck on its side and stuff spilling out", 'cross_street')).toEqual([]);
  });
});

describe('callers with little English, slang or old-fashioned words', () => {
  it.each([
    ['my mother she no can breathe good, she have asthma', 'medical:breathing'],
    ["oh dear, i've taken a tumble and i can't get up off the floor", 'medical:fall'],
    ["my wife's had a spell, she's real confused and talking gibberish", 'medical:stroke'],
    ['the man is on the ground, he is not move', 'medical:unconscious'],
    ["a deer came through my windshield, i'm cut up pretty bad", 'traffic'],
    ['yo my boy just got jumped, they stomped him out', 'crime:assault'],
  ])('reads "%s" as %s', (text, nature) => {
    expect(values(text, 'nature')).toEqual([nature]);
  });

  it('does not take an animal attacking for an assault', () => {
    expect(values("my neighbor's dog attacked my cat and then bit me on the leg", 'nature')).toEqual(['medical']);
  });
});
