// Kinds of error the blind writers' trainable lines showed in sessions 10 to 21 (issue 15: writer5 to
// writer19), fixed as kinds: every line here is our own, written for the kind, never a writer's.
import { describe, expect, it } from 'vitest';
import { entityValues as values } from '../../../test/entities.js';
import { natureRules } from './nature.js';
import { Utterance } from './text.js';

describe('a place typed by its name alone', () => {
  it.each([
    ['two men are brawling out front of the Blue Heron, one went down', 'blue heron'],
    ['we are at Casa Lupita, the cook burned his arm bad', 'casa lupita'],
    ['somebody keeps trying the doors behind Grace Tabernacle', 'grace tabernacle'],
    ['I work nights at the Kellerman building and the alarm is going off', 'kellerman building'],
    ['the accident is right in front of the Sundowner, near the sign', 'sundowner'],
  ])('reads "%s" as the place %s', (text, place) => {
    expect(values(text, 'landmark')).toEqual([place]);
  });

  it.each([
    ["we're at the skating rink, Starlight Skate, a girl broke her wrist", 'starlight skate'],
    ['the nursing home, the Cedar Knoll, a resident walked off', 'cedar knoll'],
    ['a kid fell off the bleachers at the rodeo grounds', 'rodeo grounds'],
  ])('reads the name said after the kind of place, "%s", as %s', (text, place) => {
    expect(values(text, 'landmark')).toEqual([place]);
  });

  it.each([
    ['somebody is breaking into cars in the parking lot of the Maple Leaf Inn', 'maple leaf inn'],
    ["I'm calling from Hollow Oak, the nursing home, a resident fell", 'hollow oak'],
    ['the bait shop down by the water, Reel Deal, a guy cut his hand', 'reel deal'],
  ])('reads the named place, not its lot or its kind, in "%s"', (text, place) => {
    expect(values(text, 'landmark')).toEqual([place]);
  });

  it.each([
    ["the hay barn's on fire and the goats are in it", 'hay barn'],
    // The place tagger's reading too, where the rules read no place: the head, not "barn's".
    ["we're out on township road nine, the barn's on fire", 'barn'],
    ['the Pine Ridge campground, site twelve, my son got stung', 'pine ridge campground'],
  ])('reads "%s" as %s (a typed "is" or a pause ends the place)', (text, place) => {
    expect(values(text, 'landmark')).toEqual([place]);
  });

  it.each([
    ["we're on a pontoon out on lake winslow, my uncle fell overboard", ['lake winslow']],
    ['on Lake Oneida by the marina', ['lake oneida', 'marina']],
    ["she's going under in the lake hurry please", ['lake']],
    ['the little yellow house by the Church of Christ', ['church of christ']],
    ["i'm at the school for the deaf on fairmount", ['school for the deaf']],
    ["we're at the church of my childhood", ['church']],
  ])('reads a place by the name said after it in "%s"', (text, places) => {
    expect(values(text, 'landmark')).toEqual(places);
  });

  it.each([
    ['we are at the Fuel Stop, no, the Gas N Go by the exit', 'gas n go'],
    ['behind the Taco Hut- sorry, behind the Burger Barn', 'burger barn'],
    ['we are at the big stadium, no wait, the high school stadium', 'high school stadium'],
  ])('reads the place said after a correction, "%s", as %s alone', (text, place) => {
    expect(values(text, 'landmark')).toEqual([place]);
  });

  it('reads a place named after its part, "a man just collapsed in the lobby of the Grandview", keeping the part as said', () => {
    expect(values('a man just collapsed in the lobby of the Grandview', 'landmark')).toEqual(['lobby', 'grandview']);
  });

  it.each([
    ['there is a f- fight at the g- gym', 'gym'],
    ['my boy slipped on the jetty', 'jetty'],
    ['we are stuck out on the sandbar', 'sandbar'],
    ['the bull got out in the pasture and tossed him', 'pasture'],
    ['we are turned around somewhere in the swamp', 'swamp'],
    ['a man slipped off the end of the wharf', 'wharf'],
  ])('reads the plain place in "%s" as %s', (text, place) => {
    expect(values(text, 'landmark')).toEqual([place]);
  });

  it('takes no person named after a place as the place: "he got hurt at the park, Jimmy did"', () => {
    expect(values('he got hurt at the park, Jimmy did', 'landmark')).toEqual(['park']);
  });

  it.each([
    ['I am at Jefferson and Grant', 'a corner'],
    ['he works at Amazon on the night shift', 'where someone works'],
    ['she was at church on Sunday and fine', 'a day'],
    ['we came from Bakersfield this morning, he was fine then', 'a town said after "from"'],
    ['he parked on Lakeview Drive at Mercer, by a hydrant', 'a street'],
  ])('takes no typed place from "%s" (%s)', (text) => {
    expect(values(text, 'landmark').filter((v) => v !== 'church')).toEqual([]);
  });
});

describe('numbered roads as the blind writers give them', () => {
  it.each([
    ['the house is two four six eight county road thirty one', '2468 County Road 31'],
    ['we live at nineteen oh five township road twelve', '1905 Township Road 12'],
    ["i'm on highway forty two by the feed store", 'Highway 42'],
    ['westbound seventy two right before the river exit', 'I-72 WB'],
    ['sixty five southbound at the weigh station', 'I-65 SB'],
  ])('reads "%s" as %s', (text, address) => {
    expect(values(text, 'address')).toEqual([address]);
  });

  it('takes the marker, not the highway, as the mile: "northbound fifty five, mile marker twelve"', () => {
    expect(values('northbound fifty five, mile marker twelve', 'mile_marker')).toEqual(['I-55 MM 12']);
  });

  it('reads no freeway from lanes counted at the start of a line', () => {
    expect(values('3 eastbound lanes are shut', 'address')).toEqual([]);
  });
});

describe('plates and colours as witnesses give them', () => {
  it('reads a plate spelled in the police alphabet: "the plate is david ocean george four one one"', () => {
    expect(values('the plate is david ocean george four one one', 'vehicle')).toEqual(['plate DOG411']);
  });

  it('takes no colour from a plural: "he is flashing his lights, silver tahoe"', () => {
    expect(values('he is flashing his lights silver tahoe', 'vehicle')).toEqual(['silver tahoe']);
  });
});

describe('clothing and hair as witnesses list them', () => {
  it.each([
    ['skinny guy in a green Packers jacket', 'skinny male, green packers jacket'],
    ['white guy in his thirties, blue hoodie, black jeans', 'white male, blue hoodie, black jeans'],
    ['dark hair in a bun, gray scrubs, she ran out the side', 'dark hair in bun, gray scrubs'],
    ['a tall guy in a red ball cap', 'tall male, red ball cap'],
    ['skinny white guy, black hoodie with the hood up', 'skinny white male, black hoodie, hood up'],
    ['heavy guy, like two hundred fifty pounds, buzz cut', 'heavy male, 250 pounds, buzz cut'],
  ])('reads "%s" as %s', (text, suspect) => {
    expect(values(text, 'suspect')).toEqual([suspect]);
  });
});

describe('what is no street', () => {
  it.each([
    ["he's on Medicare, does that matter", 'a plan someone is on'],
    ["I'm on Bluetooth in the car", 'a phone'],
    ['some guy driving the wrong way on the parkway', 'a way'],
    ['a player went down at half court', 'a court'],
    ["it's the second drive past the church", 'a driveway'],
    ['tall white guy, like forty, flannel and jeans', 'an age and a shirt'],
  ])('reads no address from "%s" (%s)', (text) => {
    expect(values(text, 'address')).toEqual([]);
  });

  it('still reads a typed name after a restated number: "it\'s eleven seventeen, one one one seven, Bayview"', () => {
    expect(values("it's eleven seventeen, one one one seven, Bayview", 'address')).toEqual(['1117 Bayview Street']);
  });
});

describe('description parts said on their own', () => {
  it.each([
    ['a short guy, stocky, wearing a raiders jersey, black', ['short male', 'stocky', 'raiders jersey', 'black']],
    ['white male, thin, glasses', ['white male', 'thin', 'glasses']],
    ['the lady was hispanic, young, in scrubs, green ones', ['hispanic', 'young', 'scrubs', 'green']],
  ])('reads "%s" in its parts', (text, parts) => {
    expect(values(text, 'suspect').flatMap((d) => d.split(', '))).toEqual(parts);
  });

  it('takes no colour alone from a line with no clothes before it: "the car was black, i think"', () => {
    expect(values('the car was black, i think', 'suspect')).toEqual([]);
  });
});

describe('what opens a line without being a name', () => {
  it.each([
    ['Jesus, Mary and Joseph, he is not moving'],
    ['Saint Christopher, Saint Christopher, help us'],
    ['mija, mija, stay with me'],
    ['this is Lakeside Security, we have a man down in the lobby'],
  ])('reads no caller name from "%s"', (text) => {
    expect(values(text, 'caller_name')).toEqual([]);
  });

  it('still reads a name that starts like an oath: "Jesus Ortega, I\'m at the corner store"', () => {
    expect(values("Jesus Ortega, I'm at the corner store", 'caller_name')).toEqual(['Jesus Ortega']);
  });
});

describe("the caller's name as typed lines give it", () => {
  it.each([
    ["Rosalind Featherstone, I'm at the library and a man collapsed", 'Rosalind Featherstone'],
    ["I'm Ottoline, that's O T T O L I N E, Ottoline Marsh", 'Ottoline Marsh'],
    ['and your name is wendell pryce', 'Wendell Pryce'],
  ])('reads "%s" as %s', (text, name) => {
    expect(values(text, 'caller_name')).toEqual([name]);
  });

  it.each([
    ['Harbor Towing, one of my drivers is hurt', 'a business'],
    ['Lakeside Pharmacy, a customer passed out', 'a place'],
    ["Maple Grove, it's a care home, room nine", 'a place said with its kind'],
    ["my son's name is Dashiell, he's seven and he's missing", "someone else's name"],
    ["I'm Methodist, pray with me", 'a faith'],
  ])('names no caller in "%s" (%s)', (text) => {
    expect(values(text, 'caller_name')).toEqual([]);
  });
});

describe('a joint named as hurt', () => {
  it.each([
    ["her knee's all puffy and she can't stand", 'knee'],
    ['he slipped on the ice and landed on his tailbone', 'tailbone'],
    ["my wrist, it's bent the wrong way", 'wrist'],
  ])('reads "%s" as the injury %s', (text, part) => {
    expect(values(text, 'injury')).toEqual([part]);
  });

  it('reads none from a joint asked about: "can he move his ankle"', () => {
    expect(values('can he move his ankle', 'injury')).toEqual([]);
  });
});

describe('wounds and where they are', () => {
  it('reads a gun gone off in cleaning as a shooting, not a suicide or a pocket dial', () => {
    const text = 'she shot herself in the foot cleaning the rifle, it was an accident';
    expect(values(text, 'nature')).toEqual(['crime:shooting']);
    expect(values(text, 'injury')).toEqual(['foot']);
  });

  it('keeps a shooting of oneself with no wound place a suicide: "he shot himself, he left a note"', () => {
    expect(values('he shot himself, he left a note', 'nature')).toContain('medical:suicidal');
  });

  it.each([
    ["he got stabbed at the bus stop, it's in his back", 'back'],
    ['her ankle is gushing', 'ankle'],
    ['somebody shanked him on the yard, in the neck', 'neck'],
    // A gash or a slice is labelled by its part; a cut keeps its kind.
    ["he's got a big gash on his shin from the prop", 'shin'],
    ['she sliced her thumb on the mandoline', 'thumb'],
    ['he cut his thumb on the mandoline', 'cut thumb'],
  ])('reads "%s" as a wound to the %s', (text, part) => {
    expect(values(text, 'injury')).toEqual([part]);
  });

  it('takes no place of a shooting for a wound: "somebody shot at us in the parking lot"', () => {
    expect(values('somebody shot at us in the parking lot', 'injury')).toEqual([]);
  });
});

describe('what a witness remembers of a vehicle, said after it', () => {
  it.each([
    ['a green dodge ram, with a winch on the front', ['green dodge ram', 'winch on the front']],
    ['it was a tan buick, primer on the trunk, no back plate', ['tan buick', 'primer on the trunk', 'no back plate']],
    ['a red ford van, says Hollis Carpet on the side', ['red ford van', 'hollis carpet on the side']],
    ["a blue honda civic, the rear window's smashed out", ['blue honda civic', 'rear window smashed out']],
  ])('reads "%s" in its parts', (text, parts) => {
    expect(values(text, 'vehicle').flatMap((d) => d.split(', '))).toEqual(parts);
  });
});

describe('one nature explaining the signs it causes', () => {
  it.each([
    ["my grandpa's diabetic and now he's slurring and real confused", ['medical:diabetic']],
    ["his sugar's way low and he passed out on the couch", ['medical:diabetic']],
    ['her sugar crashed again', ['medical:diabetic']],
    ['the kid slipped off the pier and went under', ['rescue:drowning']],
    ["he took a handful of pills and now he's foaming at the mouth", ['medical:overdose']],
    ['the CO alarm is screaming and we all feel dizzy', ['hazmat']],
  ])('reads "%s" as %j alone', (text, natures) => {
    expect(values(text, 'nature')).toEqual(natures);
  });

  it.each([
    ['he had a stroke at the wheel and drove into the guardrail', 'traffic'],
    ['we slid off into the ditch, my wife is in labor', 'traffic'],
    ['three guys are jumping a kid behind the gym', 'crime:assault'],
  ])('reads "%s" as %s among its natures', (text, nature) => {
    expect(values(text, 'nature')).toContain(nature);
  });

  it('reads no assault from an animal: "a big dog is attacking a kid on my street"', () => {
    expect(values('a big dog is attacking a kid on my street', 'nature')).not.toContain('crime:assault');
  });

  it('keeps two natures where neither explains the other: "he crashed his truck and he is diabetic"', () => {
    expect(values('he crashed his truck and he is diabetic', 'nature').sort()).toEqual(['medical:diabetic', 'traffic']);
  });
});

describe('what is no word on consciousness', () => {
  it.each([
    ['my grandma woke up and her arm is numb', 'when it began'],
    ["he's talking funny and his face is drooping", 'how a stroke sounds'],
    ['I pressed the life alert button', 'a device'],
    ['my buddy went fishing at noon and he is not answering', 'someone out of touch'],
    ["I can't keep him awake", 'drowsy'],
  ])('reads no consciousness from "%s" (%s)', (text) => {
    expect(values(text, 'conscious')).toEqual([]);
  });

  it.each([
    ["she's talking to me but she's pale", 'yes'],
    ['he fell and now he is not answering me', 'no'],
  ])('still reads "%s" as %s', (text, value) => {
    expect(values(text, 'conscious')).toEqual([value]);
  });
});

describe('how many people, and what is no count', () => {
  it.each([
    ["it's me, Dolores Finch, I called before", 'who is calling'],
    ["she's heavy, I can't lift her by myself", 'what the caller cannot do alone'],
    ['the van is in the creek off County Road one twelve, kids are screaming', 'a road number before a pause'],
  ])('reads no count from "%s" (%s)', (text) => {
    expect(values(text, 'people_count')).toEqual([]);
  });

  it.each([
    ["it's just me here", '1'],
    ["I'm by myself and the smoke is coming in", '1'],
    ['two guys just held up the gas station', '2'],
  ])('reads "%s" as %s', (text, count) => {
    expect(values(text, 'people_count')).toEqual([count]);
  });
});

describe('how much someone bleeds, as callers say it', () => {
  it.each([
    ['my grandpa fall in the kitchen, much blood', 'severe'],
    ['he is coughing up blood, a lot of it', 'severe'],
    ["I'm bleeding and I can't make it stop", 'severe'],
    ['the cut on her leg is pumping blood', 'severe'],
    ["he's bleeding from his head, there's a lot of blood", 'severe'],
    ['just a little blood on his lip', 'yes'],
  ])('reads "%s" as %s', (text, value) => {
    expect(values(text, 'bleeding')).toEqual([value]);
  });
});

describe('breathing as parents and medics say it', () => {
  it.each([
    ["she can't get enough air and her ribs are sucking in", 'abnormal'],
    ['the baby is grunting with every breath', 'abnormal'],
    ["he's still a little wheezy", 'abnormal'],
    ['please, my wife, she no breathe', 'no'],
    ["I don't see his chest moving", 'no'],
  ])('reads "%s" as %s', (text, value) => {
    expect(values(text, 'breathing')).toEqual([value]);
  });
});

describe("natures said in words that are another kind's", () => {
  it.each([
    ['a car ran the light at Hollis and Ransom and hit a van', 'traffic', 'crime:kidnapping'],
    ['they gave her the flu shot at the clinic and now her throat is closing', 'medical:allergic', 'crime:shooting'],
    ['he sat in a fire ant nest and his legs are covered in welts', undefined, 'fire'],
    ['she got heat stroke at the fair', 'medical', 'medical:stroke'],
    ['a piece of meat got stuck in his throat and he cannot cough', 'medical:choking', 'rescue:trapped'],
    ['she took her pills twice by mistake and she is real drowsy', undefined, 'accidental'],
    ["I can't find a pulse on him", 'medical:cardiac', undefined],
    ["this pickup ahead of me is all over the road", 'traffic', undefined],
  ])('reads "%s" as %s, not %s', (text, nature, not) => {
    const found = values(text, 'nature');
    if (nature) expect(found).toContain(nature);
    if (not) expect(found).not.toContain(not);
  });
});

describe('a dog as a danger to whoever comes', () => {
  it.each([
    ["there's a big pit bull loose in the yard"],
    ['the neighbor dog bit my son and it is still out there'],
    ['his dog is real aggressive, he will not let anyone near'],
  ])('reads a hazard from "%s"', (text) => {
    expect(values(text, 'hazard')).toEqual(['dog']);
  });

  it.each([['my dog keeps barking, sorry, I can hear you now'], ["Buster's the dog, he's fine, he's in the truck"]])('reads no hazard from "%s"', (text) => {
    expect(values(text, 'hazard')).toEqual([]);
  });
});

describe('ages as callers give them', () => {
  it.each([
    ['my grandmother is ninety two and she fell in the tub', '92'],
    ["the toddler's fourteen months and he's burning up", '14 months'],
    ['she wont stop crying, shes five months', '5 months'],
    ['the lady on the bench, maybe sixty, she looks real gray', '60'],
    ['we got a male roughly forty, unresponsive on the sidewalk', '40'],
    ['he is fifty something, he smokes a lot', '50s'],
    ["he's thirty, no, thirty two, I always forget", '32'],
    ["grandpa's in his eighties, I think eighty three", '83'],
  ])('reads "%s" as %s', (text, age) => {
    expect(values(text, 'patient_age')).toEqual([age]);
  });

  it.each([
    "she's seven months and the pains are every few minutes, she's pregnant",
    'she is thirty four weeks and her water just broke',
    'his blood sugar is like forty and he is shaky',
    'the man was gone for maybe twenty minutes and came back bleeding',
    "he's doing like eighty on the highway",
  ])('reads no age in "%s"', (text) => {
    expect(values(text, 'patient_age')).toEqual([]);
  });
});

describe('what a witness says of a vehicle on its own', () => {
  it.each([
    ['a green pickup, old, with a dented tailgate', 'green pickup, old'],
    ['he took off in a black Charger, the loud one', 'black charger, loud'],
    ['silver sedan, tinted, no hubcaps', 'silver sedan, tinted, no hubcaps'],
    ['it was an old Chevy Malibu', 'old chevy malibu'],
    ['a yellow school bus went off the road', 'yellow school bus'],
    ['white Ford F two fifty with a lift kit', 'white ford f-250, lift kit'],
  ])('reads "%s" as %s', (text, vehicle) => {
    expect(values(text, 'vehicle')).toEqual([vehicle]);
  });

  it('takes no condition said of something else: "my old neighbor drives a red pickup"', () => {
    expect(values('my old neighbor drives a red pickup', 'vehicle')).toEqual(['red pickup']);
  });
});

describe('mile markers as drivers and truckers give them', () => {
  it.each([
    ['we broke down at mile one seventy, no shoulder to speak of', 'MM 170'],
    ['uh the yardstick for two twelve, westbound on eighty', 'I-80 MM 212'],
    ['the post says fifty one point six and I am on US twenty', 'US-20 MM 51.6'],
    ['mile marker ninety two on sixty five south, a car is upside down', 'I-65 MM 92'],
    ['eastbound forty, near mile marker three oh one, a deer went through his windshield', 'I-40 MM 301'],
    ['milepost sixteen and a half on highway nine', 'Highway 9 MM 16.5'],
  ])('reads "%s" as %s', (text, marker) => {
    expect(values(text, 'mile_marker')).toEqual([marker]);
  });

  it.each([
    'my boat is tied up near channel marker eight and the engine is on fire',
    'she lives about a mile 2 doors past the church',
    'a sign that says three pines lodge is where we turned off',
    'he ran a mile 20 minutes ago and now his chest hurts',
  ])('reads no mile marker in "%s"', (text) => {
    expect(values(text, 'mile_marker')).toEqual([]);
  });
});

describe('a limb named where harm was done', () => {
  it.each([
    ["the rottweiler tore into my neighbor's leg, there's blood all over the sidewalk", 'leg'],
    ['he slipped with the chainsaw and got his thigh, it is pouring', 'thigh'],
    ['her hand went through the glass door and it is cut pretty deep', 'cut hand'],
  ])('reads "%s" as the injury %s', (text, injury) => {
    expect(values(text, 'injury')).toEqual([injury]);
  });

  it.each([
    "his hand is caught in the roller and he can't get it out",
    'she broke out in hives all over her arms',
    'he was lying on his arm and bleeding from the mouth',
  ])('takes no limb from "%s"', (text) => {
    expect(values(text, 'injury').filter((v) => /arm|hand/.test(v))).toEqual([]);
  });
});

describe("the number read off a tanker's sign", () => {
  it.each([
    ['the rig on its side has an orange sign, nineteen seventy one', 'placard 1971'],
    ['a tanker is dripping something and the diamond on the back reads twelve oh three', 'placard 1203'],
  ])('reads "%s" as %s', (text, placard) => {
    expect(values(text, 'hazard')).toContain(placard);
  });

  it('reads no placard from a street sign: "the sign at the corner says forty one hundred oak street"', () => {
    expect(values('the sign at the corner says forty one hundred oak street', 'hazard')).toEqual([]);
  });
});

describe('what fell, and falls that are another nature', () => {
  it.each([
    'a barrel fell off the back of a flatbed and something is leaking out of it',
    'the hood came down, the hood fell on his head while he was under it',
    "my mother's face fell on one side and she can't lift her arm",
    'we drove up for the fall colors and my wife is having chest pains',
    'the knife slipped while he was filleting and his palm is bleeding bad',
  ])('reads no fall in "%s"', (text) => {
    expect(values(text, 'nature')).not.toContain('medical:fall');
  });

  it.each([
    ['my uncle fell off the jon boat, oh no, fell off the boat and he is not coming up', 'rescue:drowning'],
    ['a kid fell off the dock into the harbor and nobody can see him', 'rescue:drowning'],
    ['grandma passed out and fell in the hallway', 'medical:unconscious'],
    ['my dad fell and he is pinned under the tractor', 'rescue:trapped'],
  ])('reads "%s" as %s alone', (text, nature) => {
    expect(values(text, 'nature')).toEqual([nature]);
  });

  it('reads a fall onto a boat as a fall: "he fell off the dock onto the boat deck and hurt his back"', () => {
    expect(values('he fell off the dock onto the boat deck and hurt his back', 'nature')).toEqual(['medical:fall']);
  });
});

describe('a car in the water, and a car or a watch that called by itself', () => {
  it.each([
    ['a pickup went off the road into the bayou, the driver is still in it', 'rescue:drowning'],
    ['there is a minivan upside down in the pond off Route six', 'rescue:drowning'],
    ['sorry, my car did that, the crash sensor went off when I hit the curb, nobody is hurt', 'accidental'],
    ['my watch called you, it thinks I fell but I just sat down hard', 'accidental'],
  ])('reads "%s" as %s alone', (text, nature) => {
    expect(values(text, 'nature')).toEqual([nature]);
  });
});

describe("the caller's own queasiness", () => {
  it.each(["oh god there is so much blood, I'm gonna be sick", 'hold on, I think I am going to be sick'])('reads no medical call in "%s"', (text) => {
    expect(values(text, 'nature')).not.toContain('medical');
  });
});

describe('what is no fire and no collapse', () => {
  it.each([
    ['my van is stalled on the ramp with smoke coming from under the hood', 'fire'],
    ['we are meeting up by the fire tower on the ridge trail, my friend is lost', 'fire'],
    ['she put the cream on and now her face is burning and swelling', 'fire'],
    ['the roof of the shed collapsed on my brother, he is stuck under it', 'medical:unconscious'],
    ['the bleachers folded up on a little girl', 'medical:unconscious'],
    ['my chest is pounding and I feel faint', 'medical:unconscious'],
    ['he got hit with a puck and two teeth got knocked out', 'medical:unconscious'],
    ["it's pitch black out here and I can hear somebody yelling in the woods", 'medical:unconscious'],
  ])('reads "%s" as no %s', (text, nature) => {
    expect(values(text, 'nature')).not.toContain(nature);
  });
});

describe('blades, tills and children forced into cars', () => {
  it.each([
    ['my cousin got sliced with a box cutter in a fight outside the bar', 'crime:stabbing'],
    ['he came at my dad with a screwdriver and got him in the neck', 'crime:stabbing'],
    ['a man pulled a knife on the cashier and ran off with the cash drawer', 'crime:robbery'],
    ['some guy is dragging a little girl into his van, she is kicking and fighting him', 'crime:kidnapping'],
  ])('reads "%s" as %s alone', (text, nature) => {
    expect(values(text, 'nature')).toEqual([nature]);
  });

  it('reads no crime in "I cut my finger with a knife slicing onions"', () => {
    expect(values('I cut my finger with a knife slicing onions', 'nature')).not.toContain('crime:stabbing');
  });
});

describe('rural and numbered roads as signed', () => {
  it.each([
    ['the fire number is twenty two seventy, on county road eight, the shop is on fire', '2270 County Road 8'],
    ['we are camped up Forest Road nineteen forty, my husband has not come back', 'Forest Road 1940'],
    ['the cotton gin out on F M sixteen, a man fell in the press', 'FM 16'],
    ['it is on BIA road thirty three hundred, past the chapter house', 'BIA Road 3300'],
    ['the packing shed off road forty four, a forklift tipped', 'Road 44'],
    ['we are on ninety five south and a car is on fire in the median', 'I-95 SB'],
    ['four ten Sparrow Hill trail, her water just broke', '410 Sparrow Hill Trail'],
    ['nineteen oh two Mesa loop, he is not breathing', '1902 Mesa Loop'],
    // Lettered county roads, as some states sign them; "a" and "i" stay words.
    ['we are off county road w by the cheese plant, my dad fell off the silo ladder', 'County Road W'],
    ['twenty one ten county road d, the barn is on fire', '2110 County Road D'],
    ["we're on county road a mile past the church", 'County Road'],
  ])('reads "%s" as %s', (text, address) => {
    expect(values(text, 'address')).toEqual([address]);
  });

  it.each(['we walked down the road 2 miles and found him', 'he lives on 40 north street by the school'])('reads no highway in "%s"', (text) => {
    expect(values(text, 'address').filter((a) => /^(?:I-|Road )/.test(a))).toEqual([]);
  });
});

describe('one of them is no count', () => {
  it.each([
    'there is a brawl outside the bowling alley, one guy is down',
    "three cars piled up and one driver's pinned",
    'my neighbor says she is alone in the house and her chest hurts',
    'this is the only one that still works, my cell died',
  ])('reads no people count in "%s"', (text) => {
    expect(values(text, 'people_count')).toEqual([]);
  });

  it.each([
    ["I'm alone and somebody is at the back door", '1'],
    ['just one guy, he ran toward the river', '1'],
  ])('reads "%s" as %s', (text, count) => {
    expect(values(text, 'people_count')).toEqual([count]);
  });
});

describe('weapons by the name callers give them, and blades that are tools', () => {
  it.each([
    ['he swung a tire iron at the cashier', 'tire iron'],
    ['the guy pulled a hunting knife on me in the lot', 'hunting knife'],
    ['she came at him with a little blade, like a razor blade thing', 'blade'],
  ])('reads "%s" as %s', (text, weapon) => {
    expect(values(text, 'weapon')).toContain(weapon);
  });

  it.each([
    'my husband was cooking and sliced his thumb open with the knife',
    'the knife slipped while he was gutting a deer',
    'he was stabbed in the shoulder blade and he is walking around',
  ])('reads no weapon in "%s"', (text) => {
    expect(values(text, 'weapon')).toEqual([]);
  });

  it('keeps the weapon where the cut was done to someone: "a man robbed the store with a knife and cut my arm"', () => {
    expect(values('a man robbed the store with a knife and cut my arm', 'weapon')).toEqual(['knife']);
  });
});

describe('breathing and waking as callers and medics say them', () => {
  it.each([
    ["he's breathing, but barely", 'abnormal'],
    ['she is hardly breathing and her lips look gray', 'abnormal'],
    ['his sugar is over four hundred and he is breathing deep and fast', 'abnormal'],
    ['grandpa is making that rattle again and he looks scared', 'abnormal'],
    ["she can't get her breath, she's leaning on the counter", 'abnormal'],
    ['he can only say two words at a time', 'abnormal'],
    ['adult male, apneic, starting compressions', 'no'],
    ['conscious. breathing. bleeding from the scalp.', 'yes'],
  ])('reads "%s" as breathing %s', (text, value) => {
    expect(values(text, 'breathing')).toEqual([value]);
  });

  it.each([
    ['she fainted at the counter but she is coming around now', 'yes'],
    ['he blacked out and now he is waking up', 'yes'],
    ["she's breathing but she won't open her eyes", 'no'],
    ["I shake him and I can't rouse him", 'no'],
    ['he took something and he is not waking up', 'no'],
  ])('reads "%s" as conscious %s', (text, value) => {
    expect(values(text, 'conscious')).toEqual([value]);
  });

  it.each([
    "she's choking on a grape and she can't talk",
    'my ex took our daughter from school and he will not answer',
    'the gas line is whistling by the meter',
  ])('reads no vital sign in "%s"', (text) => {
    expect([...values(text, 'conscious'), ...values(text, 'breathing')]).toEqual([]);
  });
});

describe('corners as callers name them, and pairs that are no corner', () => {
  it.each([
    ['the tractor and a car at county road six and county road thirty one', 'County Road 6 & County Road 31'],
    ['somebody is down at the light on Kessler and Route Nine', 'Kessler St & Route 9'],
    ['the gas station at route four and Pruitt has smoke coming off the roof', 'Route 4 & Pruitt St'],
    ["I'm at Lowell and Dayton, by the mailbox", 'Lowell St & Dayton St'],
  ])('reads "%s" as %s', (text, corner) => {
    expect(values(text, 'cross_street')).toEqual([corner]);
  });

  it.each([
    'it was a hit and run, a gray sedan',
    'he has salt and pepper hair and a goatee',
    "she's on lisinopril and atorvastatin for her heart",
    'they grabbed me on birch road and took my purse',
  ])('reads no corner in "%s"', (text) => {
    expect(values(text, 'cross_street')).toEqual([]);
  });
});

describe('injuries: where a blow landed, and what is no wound', () => {
  it.each([
    ['some guy punched the clerk in the jaw and ran', 'jaw'],
    ['I got hit over the head with a pipe', 'head'],
    ['she slipped on the stairs and she cannot move her wrist', 'wrist'],
    ['he threw his back out moving the couch', 'back'],
    ['his knee popped out again playing ball', 'knee'],
  ])('reads "%s" as the injury %s', (text, injury) => {
    expect(values(text, 'injury')).toEqual([injury]);
  });

  it.each([
    'he is coughing up blood and bleeding from the mouth',
    'her face went crooked on one side and she is slurring',
    'my stomach is killing me since lunch',
    'she ate a peanut and her face is swollen',
    'my grandpa had a stroke and he cannot move his arm',
    'the truck hit the car in the back and kept going',
  ])('reads no injury in "%s"', (text) => {
    expect(values(text, 'injury')).toEqual([]);
  });
});

describe('crashes, drownings and abductions in other words', () => {
  it.each([
    ["the wreck's right past the overpass, two cars", 'traffic'],
    ['car versus pole on Linden, the pole is leaning', 'traffic'],
    ['a minivan plowed into the bus shelter', 'traffic'],
    ['an old man drove his car right through the front of the pharmacy', 'traffic'],
    ['my friend jumped off the rocks and he never came up', 'rescue:drowning'],
    ['my son is caught in a rip and getting pulled out', 'rescue:drowning'],
    ['her dad took her from school and he does not have custody', 'crime:kidnapping'],
    ['two guys forced a woman into the back of a gray van', 'crime:kidnapping'],
  ])('reads "%s" as %s', (text, nature) => {
    expect(values(text, 'nature')).toContain(nature);
  });

  it.each(['I am a nervous wreck, my son has not called', 'the room is a wreck but nobody is hurt'])('reads no crash in "%s"', (text) => {
    expect(values(text, 'nature')).not.toContain('traffic');
  });
});

describe('units as front desks, landlords and site foremen give them', () => {
  it.each([
    ['the guest in three twelve is not answering his door and there is blood on the handle', 'Room 312'],
    ['the tenant upstairs in four d keeps screaming', 'Apt 4D'],
    ['Shady Acres mobile home park, space twenty two', 'Lot 22'],
    ['flat two B, the Harlow building', 'Apt 2B'],
    ['lab in room two oh four, a flask broke and the fumes are bad', 'Room 204'],
  ])('reads "%s" as %s', (text, unit) => {
    expect(values(text, 'unit')).toEqual([unit]);
  });

  it.each([
    'a roofer fell off the second floor balcony onto the patio',
    'in the back lot, two guys are fighting',
    'she fell on the kitchen floor, fourteen twelve Birch Lane',
  ])('reads no unit in "%s"', (text) => {
    expect(values(text, 'unit')).toEqual([]);
  });
});

describe('a vehicle with its age or build said right before it', () => {
  it.each([
    ['he drove off in an older Corolla, kind of beige', 'older corolla'],
    ['a lifted white Tacoma was doing donuts in the lot', 'lifted white tacoma'],
    ['a gray older Subaru wagon hit her and kept going', 'gray older subaru wagon'],
    ['a blue honda pilot with a roof box', 'blue honda pilot'],
  ])('reads "%s" as %s', (text, vehicle) => {
    expect(values(text, 'vehicle')[0]).toBe(vehicle);
  });

  it.each(['the pilot light went out and it smells like gas', 'we hiked up the Ridgeline trail and she fell'])('reads no vehicle in "%s"', (text) => {
    expect(values(text, 'vehicle')).toEqual([]);
  });
});

describe('stands, grills, mailboxes and bar ditches', () => {
  it.each([
    ['she collapsed by the farm stand on the county road', 'farm stand'],
    ['the grease caught at the concession stand behind the bleachers', 'concession stand'],
    ["out behind Rosie's Grill a man is passed out", "rosie's grill"],
  ])('reads "%s" as the place %s', (text, place) => {
    expect(values(text, 'landmark')).toContain(place);
  });

  it.each(['he burned his hand on the grill', 'a pickup rolled into the bar ditch', 'the car ran over our mailbox and kept going'])('takes no grill, bar or mailbox from "%s"', (text) => {
    expect(values(text, 'landmark').filter((v) => /grill|bar|mailbox/.test(v))).toEqual([]);
  });
});

describe("a named place's lot is that place", () => {
  it.each([
    ['somebody is stripping cars in the Fairmont Foods lot', 'fairmont foods'],
    ['she fell on the ice in the church lot', 'church'],
    ['I am in the employee lot behind the Hartwell mill', 'hartwell mill'],
    ['a fight broke out in the gravel lot', 'gravel lot'],
    ['a man is down by the loading dock behind the Price Chopper', 'price chopper'],
  ])('reads "%s" as %s', (text, place) => {
    expect(values(text, 'landmark')).toEqual([place]);
  });
});

describe('signs said beside the complaint, and complaints writers give no nature', () => {
  it.each([
    ['the neighbor kid got bit by our dog on the wrist'],
    ['a copperhead bit my wife by the woodpile'],
    ["she's out cold on the couch"],
    ['the semi has a placard on the back, number twelve oh three'],
    ['the dog has the mailman pinned against the fence'],
    ["he's sitting up fighting for air"],
  ])('reads no nature of those words in "%s"', (text) => {
    expect(values(text, 'nature')).toEqual([]);
  });

  it('reads a diabetic said "too" as history beside the chest pain', () => {
    expect(values("his chest is crushing him and he's a diabetic too", 'nature')).toEqual(['medical:cardiac']);
  });

  it.each([
    ['a tanker flipped on the ramp and something is leaking, the placard says ten seventy five', 'hazmat'],
    ["my wife says it's the worst headache of her life", 'medical:stroke'],
    ['he just went limp in the chair', 'medical:unconscious'],
    ["he fell off the horse and he's knocked out", 'medical:fall'],
    ['her boyfriend kicked her in the belly and she is pregnant', 'crime:domestic'],
  ])('reads "%s" as %s alone', (text, nature) => {
    expect(values(text, 'nature')).toEqual([nature]);
  });

  it.each(['the trap door slammed on my hand', 'we set out the crab traps this morning and a man is in the water'])('reads no entrapment in "%s"', (text) => {
    expect(values(text, 'nature')).not.toContain('rescue:trapped');
  });
});

describe('a road said with "the", and a typed name alone after where it runs', () => {
  it.each([
    ["we're broke down on the Blackwater Road, I think", 'Blackwater Road'],
    ['it is the goat barn on the tarbox road', 'Tarbox Road'],
    ['a pickup is in the ditch on the frontage road', 'Frontage Road'],
    ['head up the Little Sage Road about a mile', 'Little Sage Road'],
    ['there is a tree down across Briarwood and it took the wires', 'Briarwood Street'],
    ['they live off Harrison, down past the mill', 'Harrison Street'],
  ])('reads "%s" as %s', (text, street) => {
    expect(values(text, 'address')).toEqual([street]);
  });

  it.each([
    'we drove down the dirt road to the cabin',
    'she is standing on the Halsey Street bridge',
    'turn off the hard road at the church',
    'she was coughing up water after',
    'they ran across the yard',
  ])('reads no street in "%s"', (text) => {
    expect(values(text, 'address')).toEqual([]);
  });
});

describe('an address taken back', () => {
  it.each([
    ['fifty fifty Hollister Avenue, no wait, fifty fifteen Hollister', '5015 Hollister Avenue'],
    ['it is eight twelve Dover, sorry, eight twenty one Dover Street', '821 Dover Street'],
    ['Cedar Road, twenty two ten Cedar, the white house', '2210 Cedar Road'],
  ])('reads "%s" as %s alone', (text, address) => {
    expect(values(text, 'address')).toEqual([address]);
  });

  it('keeps two addresses said one after the other', () => {
    expect(values("we moved from ten Elm Street, we're at forty two Oak Street now", 'address')).toEqual(['10 Elm Street', '42 Oak Street']);
  });
});

describe('where someone is hurt, said around the harm', () => {
  it.each([
    ['the boy got his arm run over by the tractor', 'arm'],
    ['her leg is pinned under the dash', 'leg'],
    ['a stray round hit my neighbor in the leg, there is blood', 'leg'],
    ['the pit bull has a little girl\'s arm and there is blood everywhere', 'arm'],
    ["my brother's head is split open from the fall", 'split head'],
  ])('reads "%s" as the injury %s', (text, injury) => {
    expect(values(text, 'injury')).toContain(injury);
  });

  it.each(['the chainsaw kicked back and cut his thigh', 'a van hit the back of a horse trailer'])('reads no back in "%s"', (text) => {
    expect(values(text, 'injury')).not.toContain('back');
  });
});

describe('large animals, needles and clouds as hazards', () => {
  it.each([
    ['there are cows all over the road past the cattle guard', 'cows'],
    ["the neighbor's bull's loose in the pasture by the house", 'bull'],
    ['my husband got kicked by the mule in the barn', 'mule'],
    ['we hit a deer and the deer is still lying in the road', 'deer'],
    ['the whole floor of the squat is covered in needles', 'needles'],
    ['the county road is one sheet of ice past the bridge', 'ice'],
    ['grandpa slipped on the ice getting the mail', 'ice'],
  ])('reads "%s" with the hazard %s', (text, hazard) => {
    expect(values(text, 'hazard')).toContain(hazard);
  });

  it.each([
    'a bull rider got hung up in the chute',
    'the horse trailer is parked by the barn',
    'two pit bulls loose in the yard',
    'he is slumped in the car with a needle in his arm',
    'he takes needles for his insulin',
    'a yellow cloud is coming off the plant',
  ])('reads no such hazard in "%s"', (text) => {
    expect(values(text, 'hazard').filter((h) => /bull|horse|needle|cloud/.test(h))).toEqual([]);
  });
});

describe("the caller's name as it is finally given", () => {
  it.each([
    ['this is Elder Tomas Vidal from the ward, a man collapsed', 'Tomas Vidal'],
    ['Officer Brandt, Karen Brandt, I am off duty at the mall', 'Karen Brandt'],
    ["my name's Dawit, D A W I T, last name is Bekele", 'Dawit Bekele'],
    ["I'm Corliss Mayhew, he's got a bat and he's swinging it", 'Corliss Mayhew'],
    ['it is Coach Pruitt at the ballfield', 'Coach Pruitt'],
  ])('reads "%s" as %s', (text, name) => {
    expect(values(text, 'caller_name')).toEqual([name]);
  });
});

describe('how much someone bleeds', () => {
  it.each([
    ['he caught his shin on the blade and it is pumping', 'severe'],
    ['the cut on her scalp is going like a fountain', 'severe'],
    ["her incision opened up and it's soaking the sheets", 'severe'],
    ['somebody cut him and he is bleeding through his shirt', 'yes'],
  ])('reads "%s" as bleeding %s', (text, bleeding) => {
    expect(values(text, 'bleeding')).toEqual([bleeding]);
  });

  it("reads no bleeding in \"it's pouring rain out here and he's lost\"", () => {
    expect(values("it's pouring rain out here and he's lost", 'bleeding')).toEqual([]);
  });
});

describe('natures the model guessed where the rules were silent', () => {
  it.each([
    ['the old man at the diner grabbed at his chest and slid off the stool', 'medical:cardiac'],
    ['our canoe flipped below the rapids and my brother is hanging on a rock', 'rescue:drowning'],
    ["grandpa was raking and now his smile's crooked", 'medical:stroke'],
    ['the boy just started shaking in the bleachers, his eyes rolled up', 'medical:seizure'],
    ['the barn roof came down in the wind and my son is under it', 'rescue:trapped'],
  ])('reads "%s" as %s', (text, nature) => {
    expect(values(text, 'nature')).toContain(nature);
  });

  it.each(['he took off in a silver Tahoe going east on Fifth', 'the getaway car was a green Civic'])('reads no crash in "%s"', (text) => {
    expect(values(text, 'nature')).not.toContain('traffic');
  });

  it("reads no fit in \"I'm shaking him and he won't wake\"", () => {
    expect(values("I'm shaking him and he won't wake", 'nature')).not.toContain('medical:seizure');
  });
});

describe('violence by a stranger to one of the family', () => {
  it.each([
    ['somebody punched my brother outside the bar and ran', 'crime:assault'],
    ['a stranger walked up and punched my wife in the lot', 'crime:assault'],
    ['my boyfriend choked me and took my phone', 'crime:domestic'],
    ['my husband is beating on my mom in the kitchen', 'crime:domestic'],
  ])('reads "%s" as %s', (text, nature) => {
    expect(values(text, 'nature')).toContain(nature);
  });

  it('reads no domestic call in "some guy hit my dad with a bottle at the flea market"', () => {
    expect(values('some guy hit my dad with a bottle at the flea market', 'nature')).not.toContain('crime:domestic');
  });
});

describe('how a suspect walks and what is on his feet', () => {
  it.each([
    ['white male, gray sweats, he had a limp', 'limp'],
    ['skinny guy, barefoot, running toward the tracks', 'barefoot'],
    ['older woman in a pink robe and slippers', 'slippers'],
    ['a tall male, no shoes, carrying a bag', 'no shoes'],
    ['a male, light skinned, braces, red hat', 'light skinned'],
    ['skinny kid with braces and a green beanie', 'braces'],
    ['thin mustache, gold chain, white tank top, a male', 'gold chain'],
    ['older lady, gray braids, walking with a walker', 'walker'],
    ['an old man with a long gray beard, about seventy', 'long gray beard'],
  ])('reads "%s" with the part %s', (text, part) => {
    expect(values(text, 'suspect').join(', ').split(', ')).toContain(part);
  });

  it.each(['her arm went limp', 'a man hit the clerk with a cane and ran'])('takes no such part from "%s"', (text) => {
    expect(values(text, 'suspect').join(', ').split(', ')).not.toContain(text.includes('cane') ? 'cane' : 'limp');
  });
});

describe('a place said again by its name', () => {
  it.each([
    ["we're up on the overlook, the Eagle Point overlook, past the gate", 'eagle point overlook'],
    ['out at the marina, the Bayside marina, by the fuel pump', 'bayside marina'],
  ])('reads "%s" as %s alone', (text, place) => {
    expect(values(text, 'landmark')).toEqual([place]);
  });
});

describe('a collapse, a stopped heart and a burning barn, as callers say them', () => {
  it.each([
    ['she was watching her shows and she slumped over', 'medical:unconscious'],
    ['dad was chopping wood and he just crumpled', 'medical:unconscious'],
    ['my cousin went timber on the dance floor', 'medical:unconscious'],
    ["she's cold, not breathing, no heartbeat", 'medical:cardiac'],
    ["No, he's not breathing, no pulse, I think it's his heart", 'medical:cardiac'],
    ["the barn's burning and the horses are inside", 'fire'],
  ])('reads "%s" as %s', (text, nature) => {
    expect(values(text, 'nature')).toContain(nature);
  });

  it('reads no collapse from a crumpled car', () => {
    expect(values("the car's front end is all crumpled", 'nature')).not.toContain('medical:unconscious');
  });
});

describe('more of what people wear and how they look', () => {
  it.each([
    ['the little girl has a blue swimsuit on', 'female, blue swimsuit'],
    ['an older man, brown fedora', 'older male, brown fedora'],
    ['she had a black puffer jacket', 'black puffer jacket'],
    ['gray fleece, jeans', 'gray fleece, jeans'],
    ["he's white, potbelly, mullet", 'white, potbelly, mullet'],
    ['a skinny girl with pink hair', 'skinny female, pink hair'],
    ['red swim trunks and a yellow rain jacket', 'red swim trunks, yellow rain jacket'],
  ])('reads "%s" as %s', (text, description) => {
    expect(values(text, 'suspect')).toEqual([description]);
  });

  it('reads a plate letter said twice as two letters', () => {
    expect(values('a blue chevy equinox plate g g l nine zero three', 'vehicle')).toEqual(['blue chevy equinox, plate GGL903']);
  });

  it('reads no place from a hospital gown', () => {
    expect(values("he's wandering around in a hospital gown", 'landmark')).toEqual([]);
  });
});

describe('breathing that is wrong, as callers hear it', () => {
  it.each([
    'breathing, yeah, barely',
    "his breathing's all wrong and it's noisy",
    'my grandmother she breathe no good',
    "he's making this high squeaky sound",
    "I gave him the spray and he's starting to breathe a little",
    "he's on oxygen and he's struggling even with it",
  ])('reads "%s" as abnormal breathing', (text) => {
    expect(values(text, 'breathing')).toEqual(['abnormal']);
  });
});

describe('awake or out, as callers say it', () => {
  it.each([
    ["a girl got stabbed, she's sitting up talking", 'yes'],
    ["I think he'll be okay, he's sitting up and joking", 'yes'],
    ['my yiayia take the insulin, now she sleep and no wake', 'no'],
  ])('reads "%s" as conscious %s', (text, value) => {
    expect(values(text, 'conscious')).toEqual([value]);
  });

  it('reads no consciousness from a stroke\'s "he can\'t answer me right"', () => {
    expect(values("half his face isn't moving and he can't answer me right", 'conscious')).toEqual([]);
  });

  it('reads no consciousness from teeth knocked out', () => {
    expect(values('he crashed his bike and knocked out his two front teeth', 'conscious')).toEqual([]);
  });
});

describe('ages and heights said bare in a description', () => {
  it.each([
    ['white male twenties, blond, mullet', '20s'],
    ['white lady sixties short gray hair', '60s'],
    ['my husband, sixty four, chest hurting since lunch', '64'],
    ["mi abuelo fell, he's old, ninety, he says his hip", '90'],
  ])('reads "%s" as the age %s', (text, age) => {
    expect(values(text, 'patient_age')).toEqual([age]);
  });

  it('reads "black male, six two, white hoodie" as a height, not an age', () => {
    expect(values('black male, six two, white hoodie', 'patient_age')).toEqual([]);
    expect(values('black male, six two, white hoodie', 'suspect')).toEqual(['black male, 6 foot 2, white hoodie']);
  });

  it('reads no height from the groups of a phone number', () => {
    expect(values("my number, it's six one seven, five five five, four two, four two", 'suspect')).toEqual([]);
  });
});

describe('no break-in from a birth or a public restroom', () => {
  it.each(["my wife's water broke in the truck on the way", "at the library there's a guy in the bathroom not breathing"])('reads no burglary from "%s"', (text) => {
    expect(values(text, 'nature')).not.toContain('crime:burglary');
  });

  it('still reads a stranger in my bathroom as one', () => {
    expect(values("there's a man in my bathroom, I don't know him", 'nature')).toEqual(['crime:burglary']);
  });
});

describe('the elevator someone is stuck in', () => {
  it('reads the entrapment and no place from "four of us are trapped in the elevator"', () => {
    expect(values('four of us are trapped in the elevator', 'landmark')).toEqual([]);
    expect(values('four of us are trapped in the elevator', 'nature')).toEqual(['rescue:trapped']);
  });

  it('still reads an elevator given as where someone is', () => {
    expect(values("he's lying by the elevator on the third floor", 'landmark')).toEqual(['elevator']);
  });
});

describe('more kinds of place', () => {
  it.each([
    ['they stole a golf cart from the clubhouse', 'clubhouse'],
    ['a guy held a knife on me at the atm', 'atm'],
    ["we're at the food pantry and a man collapsed", 'food pantry'],
    ["my boy's lost in the corn maze", 'corn maze'],
    ['somebody got hit with a bat at the boat landing', 'boat landing'],
    ['my grandma walked off from the retirement village', 'retirement village'],
  ])('reads "%s" as the place %s', (text, place) => {
    expect(values(text, 'landmark')).toEqual([place]);
  });
});

describe('rolling and hitting a tree without a vehicle', () => {
  it.each([
    "a woman slipped on the scree and rolled down maybe fifty feet, she's moaning",
    "a man's pinned under a pipe that rolled off the rack",
    'somebody shot at our porch, a car rolled by and they opened up on us',
    'we are at the sledding hill and a kid hit a tree',
  ])('reads no road crash from "%s"', (text) => {
    expect(values(text, 'nature')).not.toContain('traffic');
  });

  it.each(['the car hit a tree and rolled over', 'the truck went off the road and then rolled'])('still reads the crash in "%s"', (text) => {
    expect(values(text, 'nature')).toContain('traffic');
  });
});

describe('hazards said with "is" joined, acids and pesticides', () => {
  it.each([
    ["the packing plant's ammonia's leaking, people are coughing", 'ammonia'],
    ['a forklift battery cracked, acid on the floor', 'acid'],
    ['somebody spilled pesticide in the back and two of us are dizzy', 'pesticide'],
    ['the carbon thing is beeping and my sister is really sleepy', 'carbon monoxide'],
  ])('reads "%s" as the hazard %s', (text, hazard) => {
    expect(values(text, 'hazard')).toEqual([hazard]);
  });

  it.each(['he took acid at the party and he is freaking out', 'she has acid reflux and chest pain'])('reads no hazard from "%s"', (text) => {
    expect(values(text, 'hazard')).toEqual([]);
  });
});

describe('injuries said as what is gone, what went through and what got someone', () => {
  it.each([
    ["the firework went off and the guy's hand is gone", 'hand'],
    ["he got hit by the train and his leg's gone below the knee", 'leg'],
    ['the gun went off and it went right through his hand', 'hand'],
    ['he came at me with a screwdriver and got me in the arm', 'arm'],
    ['a bullet came through the wall and hit my grandmother in the arm', 'arm'],
    ['he cut him with a box cutter across the arm', 'arm'],
    ["I got stabbed, I'm behind the store, it's my leg", 'leg'],
    ["a vein burst on his leg and it's squirting", 'leg'],
  ])('reads "%s" as the injury %s', (text, part) => {
    expect(values(text, 'injury')).toEqual([part]);
  });

  it.each(["his arm's gone numb and he can't talk right", "her mouth's gone slack on one side"])('reads no injury from a stroke\'s "%s"', (text) => {
    expect(values(text, 'injury')).toEqual([]);
  });
});

describe('a walking aid and a truck named for what it sells', () => {
  it.each(['an old man with a cane is wandering in the road', 'she walks with a cane, blue coat'])('takes no weapon from "%s"', (text) => {
    expect(values(text, 'weapon')).toEqual([]);
  });

  it.each(['some guy hit the clerk with a cane', 'he came at me with his cane'])('reads the cane struck with in "%s" as the weapon', (text) => {
    expect(values(text, 'weapon')).toEqual(['cane']);
  });

  it('reads an ice cream truck as a type, not a cream-coloured truck', () => {
    expect(values('a white ice cream truck backed over the bike', 'vehicle')).toEqual(['white ice cream truck']);
  });
});

describe('a fever and a street said "a hundred ..."', () => {
  it('reads no street from a fever of a hundred and three', () => {
    expect(values("she's got the chills and a hundred and three fever", 'address')).toEqual([]);
  });

  it('reads "a hundred forty ninth and cypress" as a corner', () => {
    expect(values('the bodega on the corner of a hundred forty ninth and cypress', 'cross_street')).toEqual(['149th St & Cypress St']);
  });
});

describe('a place named for its street', () => {
  it.each([
    ['a man fell on the tracks at the forty second street station', '42nd street station'],
    ['somebody got pushed at the hundred sixty eighth street station', '168th street station'],
  ])('reads "%s" as the place %s, no street', (text, place) => {
    expect(values(text, 'landmark')).toEqual([place]);
    expect(values(text, 'address')).toEqual([]);
  });

  it('still reads a numbered street said alone', () => {
    expect(values("he's running down sixty second street", 'address')).toEqual(['62nd Street']);
  });
});

describe('what explains the rest of the line', () => {
  it.each([
    ["the shed's on fire and there's two kids inside", ['fire']],
    ['my grandson went through the ice by the dock', ['rescue:drowning']],
    ['she took two of the pills at the rave and her heart is pounding', ['medical:overdose']],
    ["the trailer's on fire and my uncle can't get out", ['fire', 'rescue:trapped']],
    ["he sat in a fire ant bed and now he's breaking out all over", ['medical:allergic']],
    ['a fight broke out at the bar', ['crime:assault']],
  ])('reads "%s" as %j', (text, natures) => {
    expect(values(text, 'nature')).toEqual(natures);
  });

  it('reads no cardiac call from a heart condition said as history', () => {
    expect(values("the elevator's stuck with my dad in it and he has a heart condition", 'nature')).toEqual(['rescue:trapped']);
  });
});

describe('what happened long ago is no nature of the call', () => {
  it.each([
    ['we had a kitchen fire two summers back, er, two years ago, so the smell scares me', 'fire'],
    ['my uncle got stabbed back in the nineties and the scar aches when it rains', 'crime:stabbing'],
    ["she's had a seizure before, she always zones out like that", 'medical:seizure'],
    ['the shed got broken into last spring so we put up cameras', 'crime:burglary'],
    ['there was a bad wreck at this corner in 2019', 'traffic'],
  ])('reads "%s" as no %s', (text, nature) => {
    expect(values(text, 'nature')).not.toContain(nature);
  });

  it.each([
    ['her water broke an hour ago and the pains are close', 'medical:childbirth'],
    ['somebody broke into my truck last night and took my tools', 'crime:theft'],
    ['he fell about twenty minutes ago and he can not get up', 'medical:fall'],
  ])('still reads "%s" as %s (a while ago today is the call)', (text, nature) => {
    expect(values(text, 'nature')).toContain(nature);
  });
});

describe('an emergency told of that is not the call', () => {
  it.each([
    ['my kids saw a cartoon where a dog gets stabbed and now they are scared', 'crime:stabbing'],
    ['somebody heard on the news there was a shooting by the lake, is that true?', 'crime:shooting'],
    ['the food truck outside is named the heart attack shack', 'medical:cardiac'],
    ['the earthquake drill went fine, but we smell something in the lab', 'fire'],
    ['our school had the active shooter drill this morning and a kid keeps crying', 'crime:shooting'],
    ['my wife says the phone bill is gonna give her a stroke', 'medical:stroke'],
    ['i nearly had a heart attack when the dog barked, anyway there is a man in my yard', 'medical:cardiac'],
    ["we're drowning in orders tonight, but a customer slipped and fell by the door", 'rescue:drowning'],
    ['that concert was fire, we are all good, sorry to call', 'fire'],
    ['he chokes up every time he talks about his dad, he is fine', 'medical:choking'],
    ['the blood on the porch is from the haunted house, the blood is not real', 'medical:bleeding'],
    ["my brother is yelling he's on fire, he's kidding, it's the hot wings", 'fire'],
  ])('reads "%s" as no %s', (text, nature) => {
    expect(values(text, 'nature')).not.toContain(nature);
  });

  it.each([
    ["i'm not kidding, somebody just shot at my car", 'crime:shooting'],
    ['my neighbor called the fire department, the shed is on fire', 'fire'],
    ['my daughter called me, she fell off the ladder at her place', 'medical:fall'],
    ['we were watching tv and my husband grabbed his chest, he is not breathing right', 'medical:cardiac'],
    ["she's choking, her face is turning blue", 'medical:choking'],
    ["it's not a drill, the whole kitchen is on fire", 'fire'],
  ])('still reads "%s" as %s', (text, nature) => {
    expect(values(text, 'nature')).toContain(nature);
  });

  it('keeps the misdial a line confesses beside its joke: "I\'m joking, I dialled the wrong number, sorry"', () => {
    expect(values("the oven's a murder scene, I'm joking, I dialled the wrong number, sorry", 'nature')).toEqual(['accidental']);
  });
});

describe('natures the rules read where the model had to guess', () => {
  it.each([
    ['a cement truck just clipped a jogger on Delmar', 'traffic'],
    ['the lady got hit by a blue minivan backing out', 'traffic'],
    ["the motorcycle went down on the bend, he's lying in the gravel", 'traffic'],
    ['a pickup slid off the road into the ditch by the grain elevator', 'traffic'],
    ['we hit an elk on the pass, the windshield is caved in', 'traffic'],
    ['some guy keeps crossing the center line, he nearly hit me twice', 'traffic'],
    ['the car that struck him was silver', 'traffic'],
    ['my mother has dementia and she wandered out the back door an hour ago', 'rescue:lost'],
    ['my brother went elk hunting at dawn and he is not back and it is dark', 'rescue:lost'],
    ["we got turned around, er, we can't find the trailhead and it is snowing", 'rescue:lost'],
    ['a man dragged a teenage girl into a brown van at the park', 'crime:kidnapping'],
    ['my neighbor says a stranger grabbed a little boy at the carnival', 'crime:kidnapping'],
    ["there's a woman in the trunk of a blue car screaming let me out", 'crime:kidnapping'],
    ['they are holding my uncle until we pay them', 'crime:kidnapping'],
    ['two kids are siphoning gas out of the school buses', 'crime:theft'],
    ['a man ran out the back with three bottles of vodka', 'crime:theft'],
    ['he filled up and drove off without paying', 'crime:theft'],
    ['she is stuffing lipsticks into her purse in aisle four', 'crime:theft'],
    ['the old fella at the bar keeled over onto the floor', 'medical:unconscious'],
    ["my nephew keeps saying he's gonna kill himself with his dad's rifle", 'medical:suicidal'],
    ['a teenager is standing outside the railing on the Fifth Street overpass', 'medical:suicidal'],
    ["there's somebody walking around downstairs and I'm alone", 'crime:burglary'],
    ["a man is climbing in the Hendersons' kitchen window, they're away", 'crime:burglary'],
  ])('reads "%s" as %s from its words', (text, nature) => {
    expect(natureRules(new Utterance(text)).map((n) => n.kind)).toContain(nature);
  });

  it.each([
    ['she hit her head on the curb when she fainted', 'traffic'],
    ['my husband shoved me into the car door and hit me', 'crime:kidnapping'],
    ['I put the groceries in the car and my chest started hurting', 'crime:kidnapping'],
    ['my grandma took her heart pills twice this morning', 'crime:theft'],
    ["the truck that hit me was red, I'm okay", 'crime:assault'],
    ['a lady walked off with my little girl, she is gone', 'rescue:lost'],
    ['he held a gun to my head and took the deposit bag', 'medical:suicidal'],
    ['the van went into the pond and somebody is inside', 'crime:burglary'],
  ])('reads "%s" as no %s', (text, nature) => {
    expect(natureRules(new Utterance(text)).map((n) => n.kind)).not.toContain(nature);
  });
});

describe('one call, not two: what explains a fall or a blow', () => {
  it.each([
    ['my step mom threw a lamp at me, my lip is split', ['crime:domestic']],
    ["he slapped me across the room and he's threatening to kill me, my husband", ['crime:domestic']],
    ['the couple upstairs are at it again, he dragged her down the hall', ['crime:domestic']],
    ['a couple of guys are fighting outside the bar', ['crime:assault']],
    ['he started jerking and fell out of the recliner', ['medical:seizure']],
    ['she was holding her chest and then she fell down in the hall', ['medical:cardiac']],
    ['my son shoved me and I fell against the stove', ['crime:domestic']],
    ['she tripped on the rug and smacked her chin on the coffee table', ['medical:fall']],
  ])('reads "%s" as %j', (text, natures) => {
    expect(natureRules(new Utterance(text)).map((n) => n.kind)).toEqual(natures);
  });

  it.each([
    ['he fell off the hay wagon and now he is having a seizure', ['medical:fall', 'medical:seizure']],
    ['grandma fell in the garden, then her face went droopy', ['medical:fall', 'medical:stroke']],
  ])('keeps a fall told first and what followed it: "%s"', (text, natures) => {
    expect(natureRules(new Utterance(text)).map((n) => n.kind).sort()).toEqual(natures);
  });

  it.each(['she has had a headache since lunch', 'the baby is limp'])('reads no plain medical call from a sign said alone: "%s"', (text) => {
    expect(natureRules(new Utterance(text)).map((n) => n.kind)).not.toContain('medical');
  });
});

describe("a nature's word in the name of a place or a street", () => {
  it.each([
    ['we are at the Stroke of Luck Casino and a lady fell off her stool', 'medical:stroke', 'medical:fall'],
    ["we're at the Heart Attack Grill and a man is choking", 'medical:cardiac', 'medical:choking'],
  ])('reads no call from the name in "%s" (not %s)', (text, named, nature) => {
    expect(values(text, 'nature')).not.toContain(named);
    if (nature) expect(values(text, 'nature')).toContain(nature);
  });

  it('still reads a chemical named in a place as the hazmat call', () => {
    expect(values('the ammonia shed at the ice rink is leaking and people are coughing', 'nature')).toContain('hazmat');
  });
});

describe('a bar or a pool inside a place named beside it', () => {
  it.each([
    ["we're at the supper club on county road k, the guy at the bar keeled over", ['supper club']],
    ['a kid is face down in the pool at the Sunspree resort', ['sunspree resort']],
    ['two guys jumped my buddy outside the bar', ['bar']],
    ['there is a pool of blood on the floor', []],
    ['one of the farm hands passed out in the heat', []],
    ['the trash in the dumpster enclosure is burning', []],
    ['he hit his head on the pool deck', []],
  ])('reads "%s" as %j', (text, places) => {
    expect(values(text, 'landmark')).toEqual(places);
  });
});

describe('a model the lists do not know, said after its make', () => {
  it.each([
    ['he took off in a maroon pontiac aztek, no hubcaps', ['maroon pontiac aztek', 'no hubcaps']],
    ['a gray mercury sable hit the mailbox', ['gray mercury sable']],
    ['a white jeep hit the kid on the bike and kept going', ['white jeep']],
    ['she drives a black nissan with a dented hood', ['black nissan']],
  ])('reads "%s" as %j', (text, parts) => {
    expect(values(text, 'vehicle').flatMap((d) => d.split(', '))).toEqual(parts);
  });

  it('reads no vehicle from a street named like a make: "the feed store on Ford Road"', () => {
    expect(values('the feed store on Ford Road, a man fell off the loading ramp', 'vehicle')).toEqual([]);
  });
});

describe('what witnesses list that the clothing words lacked', () => {
  it.each([
    ['she had a nose ring and a green crop top', ['nose ring', 'green crop top']],
    ['black hoodie, cargo shorts and flip flops', ['black hoodie', 'cargo shorts', 'flip flops']],
    ['white male, red durag, gold teeth', ['white male', 'red durag', 'gold teeth']],
    ['skinny kid with freckles, blue visor', ['skinny male', 'freckles', 'blue visor']],
    ['she is nine, brown hair in pigtails, yellow raincoat', ['brown hair in pigtails', 'yellow raincoat']],
  ])('reads "%s" as %j', (text, parts) => {
    expect(values(text, 'suspect').flatMap((d) => d.split(', '))).toEqual(parts);
  });

  it.each(['he went white as a sheet and sat down', 'we heard a bunch of bangs from the ballpark', 'a tattoo under his eye'])('reads no race, hair or item from "%s"', (text) => {
    expect(values(text, 'suspect').join(', ')).not.toMatch(/white|bangs|eye/);
  });
});

describe('tools and gear that sound like a shooting or a hanging', () => {
  it.each([
    ['the roofer shot a nail into his thumb with the nail gun', 'crime:shooting'],
    ['the lineman is hanging in his harness and not answering', 'medical:suicidal'],
    ["she's hanging from her seat belt upside down in the ditch", 'medical:suicidal'],
  ])('reads "%s" as no %s', (text, nature) => {
    expect(values(text, 'nature')).not.toContain(nature);
  });

  it.each([
    ['he shot a guy outside the bar', 'crime:shooting'],
    ['my son is hanging in the garage', 'medical:suicidal'],
  ])('still reads "%s" as %s', (text, nature) => {
    expect(values(text, 'nature')).toContain(nature);
  });
});

describe('a blade drawn across someone', () => {
  it.each([
    ['two of the framers got into it and one stuck the other one with a screwdriver', 'crime:stabbing'],
    ['he slashed the other guy across the hand with a box cutter', 'crime:stabbing'],
    ['my cousin got cut up in a fight behind the skating rink', 'crime:stabbing'],
  ])('reads "%s" as %s', (text, nature) => {
    expect(values(text, 'nature')).toContain(nature);
  });

  it('reads the wound as where it is: "some dude cut him across the cheek with a razor"', () => {
    expect(values('some dude cut him across the cheek with a razor', 'injury')).toEqual(['cheek']);
  });

  it('reads her own finger cut cooking as no stabbing', () => {
    expect(values('she cut her thumb pretty deep with the bread knife', 'nature')).not.toContain('crime:stabbing');
  });

  it('reads someone said stuck inside a burning car as trapped, beside the fire', () => {
    expect(values("a van's on fire on the shoulder and the driver is stuck inside", 'nature')).toEqual(['fire', 'rescue:trapped']);
  });
});

describe('natures in the words of people at work and neighbours', () => {
  it.each([
    ["he's on warfarin and he nicked his ear shaving and it won't quit bleeding", 'medical:bleeding'],
    ["his nose is bleeding and it's gushing, he's eighty", 'medical:bleeding'],
    ['my neighbor is locked out on her balcony and it is a hundred degrees', 'rescue:trapped'],
    ['a kid got locked inside the walk in freezer', 'rescue:trapped'],
    ["her right side isn't moving and she's confused", 'medical:stroke'],
    ["he can't see out of his left eye and his hand's numb", 'medical:stroke'],
    ["the fryer's out but it's still burning in the ducts", 'fire'],
  ])('reads "%s" as %s', (text, nature) => {
    expect(values(text, 'nature')).toContain(nature);
  });

  it('reads an arm gone numb with chest pain as the heart, not a stroke', () => {
    expect(values("my chest is crushing and my left arm's numb", 'nature')).toEqual(['medical:cardiac']);
  });
});

describe('chemicals and diesel as hazards', () => {
  it.each([
    ['the whole hallway smells like cat pee and chemicals', ['chemicals']],
    ['somebody left the pool chemicals open in the shed and the kids are coughing', ['pool chemicals']],
    ['a chemical drum came off the flatbed and it is leaking', ['chemical drum']],
    ["there's a weird chemical smell in the break room", []],
    ['a diesel spill by the boat ramp, it is all over the water', ['diesel']],
    ['the tanker is leaking diesel all over the road', ['fuel leak']],
    ['somebody siphoned the diesel out of the skid steer', []],
  ])('reads "%s" as %j', (text, hazards) => {
    expect(values(text, 'hazard')).toEqual(hazards);
  });
});

describe('what follows a number or "on" and is no street', () => {
  it.each([
    ["she's eleven hold on let me ask her", []],
    ['the gate code is four four two one star', []],
    ['we pulled over about a hundred yards back', []],
    ['the sign says lifeguard on duty but nobody is there', []],
    ["there's a fire on Desmond, hold on, Tony, get back", ['Desmond Street']],
    ['my name is Dana Pike and my mom fell', []],
    ['he lives on, uh, Desmond', ['Desmond Street']],
  ])('reads "%s" as %j', (text, addresses) => {
    expect(values(text, 'address')).toEqual(addresses);
  });
});

describe('a few words asked with a question mark', () => {
  it.each([
    ['A weapon?', 'weapon'],
    ['Awake? No, no, he is not.', 'conscious'],
  ])('reads "%s" as asked: no %s from the word asked back', (text, type) => {
    expect(values(text, type as 'weapon')).not.toContain(type === 'weapon' ? 'weapon' : 'yes');
  });

  it('still reads what was said before a "hello?": "i can not hear him breathing my phone is dying hello?"', () => {
    expect(values('i can not hear him breathing my phone is dying hello?', 'breathing')).toEqual(['no']);
  });
});

describe('a place and a vehicle in the same words', () => {
  it.each([
    ['a silver tahoe with the light bar across the top took off', 'light bar'],
    ['the tag was papa hotel kilo four one nine on a white civic', 'hotel'],
  ])('reads no place inside the vehicle in "%s" (no %s)', (text) => {
    expect(values(text, 'landmark')).toEqual([]);
    expect(values(text, 'vehicle')).not.toEqual([]);
  });

  it.each([
    ['a man collapsed during the recital at the civic center', 'civic center'],
    ['a trucker is slumped over at the mustang ridge truck stop', 'mustang ridge truck stop'],
  ])('reads "%s" as the place %s, no vehicle', (text, place) => {
    expect(values(text, 'landmark')).toEqual([place]);
    expect(values(text, 'vehicle')).toEqual([]);
  });
});

describe('words around a place that are no place', () => {
  it.each([
    "the neighbor's pit bull got loose and bit the mailman",
    "came home and the patio door's been pried open",
  ])('reads no place in "%s"', (text) => {
    expect(values(text, 'landmark')).toEqual([]);
  });

  it.each([
    ['a lady slipped on the ice in the church front parking lot', 'church'],
    ['the middle school, the back parking lot, a kid fell off the rail', 'middle school'],
  ])('reads a lot named by its side as the place it belongs to in "%s"', (text, place) => {
    expect(values(text, 'landmark')).toEqual([place]);
  });
});

describe('a vehicle\'s colour said after it', () => {
  it.each([
    ['it was a mazda red the back window was smashed', 'mazda, red, back window smashed'],
    ['he took off in one of those big pickups black and gold with the loud exhaust', 'pickup, black and gold, loud exhaust'],
    ['a chevy malibu dark blue', 'chevy malibu, dark blue'],
  ])('reads "%s" as %s, the colour its own part', (text, vehicle) => {
    expect(values(text, 'vehicle')).toEqual([vehicle]);
  });

  it.each([
    ['a white dump truck orange county plates on it', 'white dump truck'],
    ['a green kawasaki, white helmet on the rider', 'green kawasaki'],
  ])('keeps a colour that goes on to something else out of "%s"', (text, vehicle) => {
    expect(values(text, 'vehicle')).toEqual([vehicle]);
  });
});

describe('hair and race in a list of what someone looks like', () => {
  it.each([
    ['a heavy lady, short brown hair, green scrubs', 'heavy female, short brown hair, green scrubs'],
    ['skinny kid, short dreads, red hoodie', 'skinny male, short dreads, red hoodie'],
    ['she is in her fifties, black, gray braids, tan jacket', 'black, gray braids, tan jacket'],
  ])('reads "%s" as %s', (text, suspect) => {
    expect(values(text, 'suspect')).toEqual([suspect]);
  });

  it('reads no vehicle colour in "he drove off in a green jeep, he is tall, white, blond hair"', () => {
    expect(values('he drove off in a green jeep, he is tall, white, blond hair', 'vehicle')).toEqual(['green jeep']);
  });
});

describe('a callback number given in pieces or corrected', () => {
  it.each([
    ['my cell is five five five, four four one two, and the area code is two oh six', '+12065554412'],
    ['area code nine one two, then five five five, oh seven seven one', '+19125550771'],
    ["it's five five five three three nine oh, area code six oh one", '+16015553390'],
  ])('reads "%s" with the area code said apart as %s', (text, number) => {
    expect(values(text, 'callback_number')).toEqual([number]);
  });

  it.each([
    ['it is four oh two five five five one one eight eight no wait one one eight six', '+14025551186'],
    ['my number is five five five seven one two no sorry seven one three four four oh two', '+15557134402'],
    ['five five five six six two one no sorry five five five six six one two', '5556612'],
  ])('reads the number meant in "%s" as %s', (text, number) => {
    expect(values(text, 'callback_number')).toEqual([number]);
  });

  it('keeps a number whose "correction" is another number said: "call 555 0142, no, not my cell, the house phone"', () => {
    expect(values('call five five five oh one four two, no, not my cell, the house phone', 'callback_number')).toEqual(['5550142']);
  });
});

describe('two roads told as meeting, and corners of common words', () => {
  it.each([
    ['we are right where Forty Second meets Dunmore', '42nd St & Dunmore St'],
    ['the pileup is where Hollister runs into Old Mill Road', 'Hollister St & Old Mill Rd'],
    ['there is a man down on the corner of third and market by the bus shelter', '3rd St & Market St'],
    ['Broad and Kinsey, a lady got her purse grabbed', 'Broad St & Kinsey St'],
    ['he wrecked at church and division', 'Church St & Division St'],
  ])('reads "%s" as %s', (text, corner) => {
    expect(values(text, 'cross_street')).toEqual([corner]);
  });

  it('reads no street in "the truck stalled where the ramp crosses the interstate"', () => {
    expect(values('the truck stalled where the ramp crosses the interstate', 'cross_street')).toEqual([]);
  });
});

describe('an emergency taken back, and machines off the road', () => {
  it.each([
    'we thought it was a fire but it was only the grill smoking',
    'my son thought there was a gunshot but it turned out a tire blew',
    'it was a nightmare, she woke up yelling that the house is on fire',
  ])('reads no nature in "%s"', (text) => {
    expect(natureRules(new Utterance(text))).toEqual([]);
  });

  it.each([
    'the excavator is on its side down in the trench',
    'a bulldozer backed into the porta john',
  ])('reads no road crash in "%s"', (text) => {
    expect(natureRules(new Utterance(text)).map((n) => n.kind)).not.toContain('traffic');
  });

  it.each(['a box truck is on its side across both lanes', 'a cattle trailer on its side on the ramp'])('still reads a road crash in "%s"', (text) => {
    expect(natureRules(new Utterance(text)).map((n) => n.kind)).toContain('traffic');
  });
});

describe('plates and racks a witness remembers', () => {
  it.each([
    ['a gray nissan rogue with a handicap plate', 'gray nissan rogue, handicap plate'],
    ['it was a black wrangler, soft top, no doors', 'black wrangler, soft top'],
    ['a red honda element with a canoe rack', 'red honda element, canoe rack'],
  ])('reads "%s" as %s', (text, vehicle) => {
    expect(values(text, 'vehicle')).toEqual([vehicle]);
  });
});

describe('a wild animal still on the scene', () => {
  it.each([
    ['a cottonmouth bit my daughter by the dock and it swam off under it', 'cottonmouth'],
    ['my dad got bitten by a rattler while he was clearing brush', 'rattler'],
    ["there's a bear in the garage and my kids are in the house", 'bear'],
  ])('reads "%s" as the hazard %s', (text, hazard) => {
    expect(values(text, 'hazard')).toEqual([hazard]);
  });

  it.each(['we parked at the Bear Creek trailhead and my wife fell', 'he tripped on the Alligator Alley exit ramp'])('reads no animal in "%s"', (text) => {
    expect(values(text, 'hazard')).toEqual([]);
  });
});

describe('plates as witnesses read them out', () => {
  it.each([
    ['the tag is r j dash five five eight', 'plate RJ558'],
    ['the plate was like, four, two, k, something, I lost it', 'plate 42K'],
    ['plate partial m n seven', 'plate MN7'],
    ['the plate ended in three z', 'plate 3Z'],
    ['plate is Ohio, starts with g h', 'plate GH'],
    ['the license is c w r one one four', 'plate CWR114'],
    ['plate P... like Paul... nine, nine, two', 'plate P992'],
    ['the tag is four k t then eight one zero', 'plate 4KT810'],
  ])('reads "%s" as %s', (text, vehicle) => {
    expect(values(text, 'vehicle')).toEqual([vehicle]);
  });

  it.each([
    ['the plate is b x k no wait b x r nine one one', 'plate BXR911'],
    ['plate says h t, four four one eight, no sorry, four four one six', 'plate HT4416'],
    ['the tag is m q p two two six, no, m q b', 'plate MQB226'],
    ['the plate is seven l w four no wait seven l w five', 'plate 7LW5'],
  ])('reads the plate as corrected in "%s": %s', (text, vehicle) => {
    expect(values(text, 'vehicle')).toEqual([vehicle]);
  });

  it('reads the plate of the vehicle named in its cue', () => {
    expect(values('the plate on the pickup is s as in sam d k four one nine', 'vehicle')).toEqual(['pickup, plate SDK419']);
  });

  it.each([
    'she went off the road on u s two eighty one near the rest area',
    'take s r fifty two to the second light',
    "there's a stolen tag on it, went that way",
    "the plate hold on let me grab my glasses",
    "show your driver's license is what he said",
  ])('reads no plate in "%s"', (text) => {
    expect(values(text, 'vehicle').filter((v) => v.includes('plate'))).toEqual([]);
  });
});

describe('a street named bare after a place or a going', () => {
  it.each([
    ["we're at the laundromat on kessel, a lady fainted", 'Kessel Street'],
    ['the tire shop on ardmore, the guy got pinned under a car', 'Ardmore Street'],
    ['he took off running south on belvedere with her purse', 'Belvedere Street'],
    ["my car's stalled on quimby and there's smoke", 'Quimby Street'],
  ])('reads "%s" as the address %s', (text, address) => {
    expect(values(text, 'address')).toEqual([address]);
  });

  it.each([
    'the shed behind the church on fire, flames everywhere',
    'a lifted truck, light bar on top',
    "the clerk at the gas station on meth again, he's screaming",
    'the gym on lockdown and someone has a gun',
  ])('reads no street in "%s"', (text) => {
    expect(values(text, 'address')).toEqual([]);
  });
});

describe('a house number and a street named in two words, its type left out', () => {
  it.each([
    ["we're at twenty one ten juniper hollow, the back door's open", '2110 Juniper Hollow Street'],
    ['the address is three oh five eagle crest apartment four', '305 Eagle Crest Street'],
    ["he's at sixty two fox run and he's not breathing", '62 Fox Run Street'],
  ])('reads "%s" as %s', (text, address) => {
    expect(values(text, 'address')).toEqual([address]);
  });

  it('reads no street from a count and a word like one', () => {
    expect(values("he's thirty two hills over, past the quarry", 'address')).toEqual([]);
  });

  it('ends a street name at a typed pause', () => {
    expect(values("sixty one twelve Brennan, that's Brennan Court", 'address')).toEqual(['6112 Brennan Court']);
  });
});

describe('the street crossed, said after "at"', () => {
  it.each([
    ["she got hit on Weller at Dunmore Avenue", { address: ['Weller Street'], cross_street: ['Dunmore Ave'] }],
    ["we're on Pruett Road at Kinney Lane by the feed store", { address: ['Pruett Road'], cross_street: ['Kinney Ln'] }],
    ["she's on Ashland at Carver, on the bench", { address: ['Ashland Street'], cross_street: ['Carver St'] }],
    ['Birch Avenue at Tenney Road, a car flipped', { address: [], cross_street: ['Birch Ave & Tenney Rd'] }],
  ])('reads "%s" as %j', (text, want) => {
    expect({ address: values(text, 'address'), cross_street: values(text, 'cross_street') }).toEqual(want);
  });

  it.each(["i'm on maple at walmart", 'he takes lisinopril and something else', 'oh jesus, Mary and Joseph, the kitchen is full of smoke'])('reads no corner in "%s"', (text) => {
    expect(values(text, 'cross_street')).toEqual([]);
  });
});

describe('a nature named and denied', () => {
  it.each([
    "it's not a break in, it's my nephew, he came in through the back window",
    "this isn't a robbery, the clerk just took his wallet back from the guy's hand",
  ])('reads no crime in "%s"', (text) => {
    expect(natureRules(new Utterance(text)).map((n) => n.kind).filter((k) => k.startsWith('crime'))).toEqual([]);
  });

  it('still reads a nature the caller does not deny', () => {
    expect(natureRules(new Utterance("it's not a fire, but my dad collapsed in the hall")).map((n) => n.kind)).toContain('medical:unconscious');
  });
});

describe('how much someone bleeds, as callers put it', () => {
  it.each([
    ["he caught his calf on the mower blade and it's pumping blood", 'severe'],
    ["her knee's bleeding through three towels", 'severe'],
    ["she's bleeding from her scalp pretty bad", 'severe'],
    ['my dad sliced his thumb real bad on the can lid', 'severe'],
    ["the little boy's lip is all bloody", 'yes'],
    ['one of the guys has a bloody nose', 'yes'],
  ])('reads "%s" as %s', (text, bleeding) => {
    expect(values(text, 'bleeding')).toEqual([bleeding]);
  });

  it.each([
    "he's bleeding and crying real bad",
  ])('reads plain bleeding in "%s"', (text) => {
    expect(values(text, 'bleeding')).toEqual(['yes']);
  });

  it.each([
    'my mom passed out giving blood at the library',
    "we're doing a blood drive at the church on sunday",
    "it's fake blood, they're filming a horror movie, it's not real",
    'bloody hell, somebody backed into my mailbox',
  ])('reads no bleeding in "%s"', (text) => {
    expect(values(text, 'bleeding')).toEqual([]);
  });
});

describe('injuries callers name that the parts list lacked', () => {
  it.each([
    ['she seized in the tub and bit her tongue', 'tongue'],
    ['a guy at the bus stop got punched in the throat', 'throat'],
    ["there's a splinter of glass in his eyelid", 'eyelid'],
    ['my uncle got kicked by the mule right in the stomach', 'stomach'],
    ['that kid stuck my nephew in the side with a pencil', 'side'],
  ])('reads "%s" as the injury %s', (text, injury) => {
    expect(values(text, 'injury')).toEqual([injury]);
  });

  it('reads no injury in a throat an allergy closes', () => {
    expect(values("she's allergic to walnuts and her throat is closing up, she ate a brownie", 'injury')).toEqual([]);
  });
});

describe('gas and smoke as the writers label them', () => {
  it.each([
    ['the plow clipped our gas meter and now it is whistling', 'gas leak'],
    ['a dump truck took out the gas main on Orchard', 'gas leak'],
    ['we smelled gas as soon as we opened the garage', 'gas leak'],
    ['the natural gas, it smells real strong by the stairs', 'gas leak'],
    ["the propane bottle on the camper is hissing", 'propane'],
  ])('reads "%s" as the hazard %s', (text, hazard) => {
    expect(values(text, 'hazard')).toEqual([hazard]);
  });

  it.each([
    "somebody's smoking in the stairwell again and the alarm went off",
    "he's been smoking something and now he's seeing things",
    'they grabbed two cartons of smokes and ran',
    "a guy in a white van is swerving, he almost hit the crossing guard",
  ])('reads no hazard in "%s"', (text) => {
    expect(values(text, 'hazard')).toEqual([]);
  });

  it('still reads smoke from a thing', () => {
    expect(values("the dryer's been smoking and the laundry room is hazy", 'hazard')).toEqual(['smoke']);
  });
});

describe('how many, as callers count', () => {
  it.each([
    ["there's four of 'em on the porch with bats", '4'],
    ['three of em ran out the back', '3'],
    ["there's six people, no, seven in the boat", '7'],
  ])('reads "%s" as %s', (text, count) => {
    expect(values(text, 'people_count')).toEqual([count]);
  });

  it.each(["she's in room two twelve the kids are screaming", 'unit forty one a guys passed out on the floor'])('reads no count from a room or unit number in "%s"', (text) => {
    expect(values(text, 'people_count')).toEqual([]);
  });
});

describe('a race said after the person', () => {
  it.each([
    ['the man was hispanic, maybe forty, red cap', 'hispanic, red cap'],
    ["a woman, black, braids, green scrubs", 'female, black, braids, green scrubs'],
    ['the dude was white, real tall, no shirt', 'white, real tall, no shirt'],
    ['a tall white guy in a gray hoodie', 'tall white male, gray hoodie'],
  ])('reads "%s" as %s', (text, suspect) => {
    expect(values(text, 'suspect')).toEqual([suspect]);
  });

  it('reads no race from "white as a sheet"', () => {
    expect(values('the guy at the counter went white as a sheet and fell', 'suspect')).toEqual([]);
  });
});

describe('something on a part of a vehicle', () => {
  it.each([
    ['a gray Outback with a cargo net on the roof', 'gray outback, cargo net on the roof'],
    ['a red Civic with a parking pass in the window', 'red civic, parking pass in the window'],
    ['a black Hummer with a skull decal on the hood', 'black hummer, skull decal on the hood'],
    ['a white Tundra with a hunting sticker in the back window', 'white tundra, hunting sticker in the back window'],
  ])('reads "%s" as %s', (text, vehicle) => {
    expect(values(text, 'vehicle')).toEqual([vehicle]);
  });

  it('reads nothing of a vehicle from what is only someone\'s', () => {
    expect(values('a lady with a cast on her arm is in the lobby', 'vehicle')).toEqual([]);
  });
});

describe('a part named by whose it is, and marks left on it', () => {
  it.each([
    ['the cook slashed the dishwasher’s arm with a paring knife', 'arm'],
    ["the hood of the car came down on my neighbor's hand", 'hand'],
    ["he's got welts all over his legs from the cord", 'leg'],
    ["there's red marks all down her arm", 'arm'],
  ])('reads "%s" as the injury %s', (text, injury) => {
    expect(values(text, 'injury')).toEqual([injury]);
  });

  it.each(["the truck backed into my neighbor's fence", 'he fell on his back porch and his wife called'])('reads no injury from "%s"', (text) => {
    expect(values(text, 'injury')).toEqual([]);
  });
});

describe('a name spelled out, and a model said in letters and a number', () => {
  it.each([
    ["it's Ngozi, N G O Z I, last name Eze", 'Ngozi Eze'],
    ['Thuy, T H U Y, last name Pham, I live in the back unit', 'Thuy Pham'],
    ['its sione s i o n e', 'Sione'],
  ])('reads "%s" as the name %s', (text, name) => {
    expect(values(text, 'caller_name')).toEqual([name]);
  });

  it.each(["it's bad, b a d, really bad", 'ok, o k, he stopped'])('reads no name from "%s"', (text) => {
    expect(values(text, 'caller_name')).toEqual([]);
  });

  it.each([
    ['a green Chevy S ten with a camper shell', 'green chevy s10, camper shell'],
    ['it was a silver Mazda CX nine', 'silver mazda cx9'],
    ['a black BMW X3 took off', 'black bmw x3'],
  ])('reads "%s" as %s', (text, vehicle) => {
    expect(values(text, 'vehicle')).toEqual([vehicle]);
  });

  it('reads no model from a make and a count after it', () => {
    expect(values('two hondas in a ditch, a honda at 50 miles an hour hit them', 'vehicle').some((v) => /\d/.test(v))).toBe(false);
  });
});

describe('a place gone to, and a kind of place said before its name', () => {
  it.each(["she drove to the pharmacy an hour ago and isn't picking up", 'we were walking to the library when he fell'])('reads no place from "%s"', (text) => {
    expect(values(text, 'landmark')).toEqual([]);
  });

  it.each([
    ['my son went out to the hay barn with a rope', 'hay barn'],
    ['at the putt putt course, Lucky Greens, a kid got hit in the head', 'lucky greens'],
    ["at the sale yard, Ortega's, a man's choking", "ortega's"],
  ])('reads "%s" as the place %s', (text, place) => {
    expect(values(text, 'landmark')).toEqual([place]);
  });

  it('reads no place from a person named after a place', () => {
    expect(values("we're in the garage, Tomas is bleeding", 'landmark')).toEqual([]);
  });
});

describe('a part crushed', () => {
  it.each([
    ['the log rolled and crushed his foot', 'crushed foot'],
    ['her toes look crushed', 'crushed toe'],
    ['he got his arm crushed under the pallet jack', 'crushed arm'],
    ['my son got his fingers caught in the garage door track, they are all crushed', 'crushed finger'],
  ])('reads "%s" as the injury %s', (text, injury) => {
    expect(values(text, 'injury')).toEqual([injury]);
  });

  it.each([
    ["her wrist, she says it's sprained", 'sprained wrist'],
    ["his kneecap is off to the side, i think it's dislocated", 'dislocated kneecap'],
  ])('reads the kind said after a joint in "%s" as %s', (text, injury) => {
    expect(values(text, 'injury')).toEqual([injury]);
  });

  it('reads no injury from a thing smashed', () => {
    expect(values('they smashed the back window of my truck and took my tools', 'injury')).toEqual([]);
  });
});

describe('a hundred block said without "of"', () => {
  it('reads "the six hundred block Tahoe" as a block of Tahoe Street, no vehicle', () => {
    expect(values("we're in the six hundred block Tahoe, a man's down", 'address')).toEqual(['600 block Tahoe Street']);
    expect(values("we're in the six hundred block Tahoe, a man's down", 'vehicle')).toEqual([]);
  });

  it('reads no street from a block said alone', () => {
    expect(values('the nine hundred block is closed off', 'address')).toEqual([]);
  });
});

describe('a street named as one', () => {
  it.each([
    ['the street sign says tremont, the other one is knocked down', 'Tremont Street'],
    ["ok the street is hadley, i'm by the mailboxes", 'Hadley Street'],
    ['a kid is riding his bike down the middle of Sycamore with no lights', 'Sycamore Street'],
  ])('reads "%s" as %s', (text, address) => {
    expect(values(text, 'address')).toEqual([address]);
  });

  it.each(['we broke down in the middle of nowhere', 'the sign says stop but nobody does'])('reads no street from "%s"', (text) => {
    expect(values(text, 'address')).toEqual([]);
  });
});

describe("a named highway and the way it is travelled", () => {
  it.each([
    ["we're on the Ridgeline highway going west, by the Hanley exit", 'Ridgeline Highway WB'],
    ['on the Cooley pike southbound a truck dropped a ladder', 'Cooley Pike SB'],
  ])('reads "%s" as %s', (text, address) => {
    expect(values(text, 'address')).toEqual([address]);
  });

  it('keeps no direction on a street', () => {
    expect(values('he is on holloway street heading north', 'address')).toEqual(['Holloway Street']);
  });
});

describe('words typed with a capital that name nothing', () => {
  it('reads no place from the capital opening a sentence after one', () => {
    expect(values('Chlorine leak at the water park. The pump room is closed off now.', 'landmark')).toEqual(['water park']);
  });

  it.each(['Tree-stand fall, he is forty, he cannot feel his legs', 'Gunshot-wound, left thigh, he is awake'])('reads no caller name from "%s"', (text) => {
    expect(values(text, 'caller_name')).toEqual([]);
  });

  it('still reads a name typed with a capital in each part', () => {
    expect(values("Anna-Lise Moreau, I'm calling about my father", 'caller_name')).toEqual(['Anna-Lise Moreau']);
  });

  it.each(["my cousin's on FaceTime with me, she says the house is full of smoke", "he's on Snapchat with his friends and he says he took pills"])('reads no street from what someone is on: "%s"', (text) => {
    expect(values(text, 'address')).toEqual([]);
  });
});

describe('what a place word is not', () => {
  it('reads a name given as one, not a park', () => {
    expect(values('my name is sook park, my husband fell', 'landmark')).toEqual([]);
  });

  it.each(['the incision site is red and leaking', "her injection site's swollen up like a golf ball"])('reads no place from a site on the body: "%s"', (text) => {
    expect(values(text, 'landmark')).toEqual([]);
  });

  it('still reads a place of work called a site', () => {
    expect(values('a man fell at the construction site on ninth', 'landmark')).toEqual(['construction site']);
  });

  it('keeps a lot named for what it sells', () => {
    expect(values('two guys are fighting at the used car lot', 'landmark')).toEqual(['used car lot']);
  });
});

describe('a description that is something else', () => {
  it.each(["my uncle's lost up on bald mountain, he left at noon", 'there is a bald eagle on the road and a car hit it'])('reads no suspect from "%s"', (text) => {
    expect(values(text, 'suspect')).toEqual([]);
  });

  it('still reads a bald man', () => {
    expect(values('a white guy, bald, he ran toward the park', 'suspect')).toEqual(['white male, bald']);
  });

  it('reads a drop as a distance, not a height', () => {
    expect(values('she slipped off the loading ramp, about four feet down onto the gravel', 'suspect')).toEqual([]);
  });

  it('reads a slim jim as the tool, not the build', () => {
    expect(values('a guy with a slim jim is going down the row of cars', 'suspect')).toEqual([]);
  });

  it('reads a charger for a battery or a phone as no car', () => {
    expect(values('the battery charger in the shop is sparking', 'vehicle')).toEqual([]);
    expect(values('he wrapped the phone charger around her neck', 'vehicle')).toEqual([]);
  });

  it('reads a model named in two letters and one after its make, and no county road from it', () => {
    expect(values('she drove off in a white Honda CR-V, heading south', 'vehicle')).toEqual(['white honda cr v']);
    expect(values('she drove off in a white Honda CR-V, heading south', 'address')).toEqual([]);
  });
});

describe('a number, then one of the people', () => {
  it.each([
    ["we're on route thirty two, one of the horses got loose and a car hit it", 'Route 32'],
    ['county road fifty one, one of my guys is down', 'County Road 51'],
  ])('reads "%s" as %s', (text, address) => {
    expect(values(text, 'address')).toEqual([address]);
  });
});

describe('a street that is not', () => {
  it('reads no street from a verb and "way"', () => {
    expect(values('the man at the counter is slouching way over and not talking', 'address')).toEqual([]);
  });

  it('still reads a Way said before "over"', () => {
    expect(values("it's on Kingfisher Way over by the school", 'address')).toEqual(['Kingfisher Way']);
  });

  it('reads no street from what a van seats', () => {
    expect(values('they took the youth group van, a white twelve passenger', 'address')).toEqual([]);
  });

  it('reads no street from "choking on water"', () => {
    expect(values('he went under and came up choking on water', 'address')).toEqual([]);
  });

  it('reads no street from the first place after a landmark', () => {
    expect(values("we're the third place past the grain bins on county road nine", 'address')).toEqual(['County Road 9']);
  });

  it('reads a unit letter said before a pause, and the house number after it', () => {
    expect(values('building four, apartment d, twenty two ten Carver road', 'unit')).toEqual(['Bldg 4', 'Apt D']);
  });
});

describe('what is no weapon, and no count', () => {
  it.each(["there's a break in at the gun shop on fifth", "it's a nerf gun, he's just playing"])('reads no weapon from "%s"', (text) => {
    expect(values(text, 'weapon')).toEqual([]);
  });

  it('reads no count from things had before', () => {
    expect(values("it's his heart, he's had three of them before", 'people_count')).toEqual([]);
  });

  it('reads no traffic from people walking by', () => {
    expect(values('he is shouting at people going by and waving a stick', 'hazard')).toEqual([]);
  });
});

describe('breathing and waking as callers qualify them', () => {
  it.each(["she's breathing but it's all wet and gurgly", "he's breathing now but like it's real slow", 'breathing but it sounds like hiccuping'])('reads "%s" as abnormal', (text) => {
    expect(values(text, 'breathing')).toEqual(['abnormal']);
  });

  it.each(["he had a seizure and he ain't woke up since", "she hasn't woken up, she's just lying there"])('reads "%s" as not conscious', (text) => {
    expect(values(text, 'conscious')).toEqual(['no']);
  });
});

describe('clothing named by a brand in more than one word', () => {
  it.each([
    ['white guy, a Carolina Panthers jacket, running', 'carolina panthers jacket'],
    ['he had on a John Deere hat and work boots', 'john deere hat'],
    ['skinny white kid, a hi vis vest, ran toward the tracks', 'hi vis vest'],
  ])('reads "%s" with %s', (text, item) => {
    expect(values(text, 'suspect')[0]?.split(', ')).toContain(item);
  });

  it('reads no colour or person into the brand', () => {
    expect(values('same guy again, blue scrubs, he is by the door', 'suspect')[0]?.split(', ')).toContain('blue scrubs');
  });
});

describe('a make or a model that names something else', () => {
  it.each([
    ['my brother lives in Tacoma and he stopped answering mid call', 'a place'],
    ['he had a Harley shirt on and a bandana', 'a shirt'],
    ['the truck has a colorado plate, I could not read it', 'a plate'],
    ['the Toyota dealership called me about a recall, but my dad fell', 'a dealer'],
    ["we're at Frontier Avenue and Ninth", 'a street'],
  ])('reads no vehicle from "%s" (%s)', (text) => {
    expect(values(text, 'vehicle')).toEqual([]);
  });

  it('reads no bus from a bus stop', () => {
    expect(values('a blue pickup doing ninety past the bus stop, it nearly hit a kid', 'vehicle')).toEqual(['blue pickup']);
  });

  it('still reads the model with an article', () => {
    expect(values('he drove off in a white Tacoma', 'vehicle')).toEqual(['white tacoma']);
  });

  it.each([
    ['a silver Toyota RAV four, plate starts with k', 'silver toyota rav4'],
    ['she got in a black Audi A four and left', 'black audi a4'],
  ])('reads the model said in letters and a number in "%s"', (text, vehicle) => {
    expect(values(text, 'vehicle')[0]?.split(', ')[0]).toBe(vehicle);
  });
});

describe('an injury that is something else', () => {
  it('reads no injury from an eye patch', () => {
    expect(values('a skinny guy with a black eye patch and a leather jacket', 'injury')).toEqual([]);
  });

  it('reads no injury from how long a coat is', () => {
    expect(values('she had a long green coat down to her knees', 'injury')).toEqual([]);
  });

  it('still reads a black eye', () => {
    expect(values('he punched her, she has a black eye', 'injury')).toEqual(['eye']);
  });
});

describe('things counted and guns taken', () => {
  it.each(['he fell down the steps, all twelve of them, and he is not moving', 'she took the pills, like thirty of them, an hour ago'])('reads no count from "%s"', (text) => {
    expect(values(text, 'people_count')).toEqual([]);
  });

  it('still counts people "of them"', () => {
    expect(values('there were three guys, two of them had masks', 'people_count')).toContain('2');
  });

  it.each(['somebody broke in and stole my guns and the tv', 'the guns were in the safe and the safe is gone'])('reads no weapon from guns taken as property: "%s"', (text) => {
    expect(values(text, 'weapon')).toEqual([]);
  });

  it('still reads a gun taken up as a weapon', () => {
    expect(values('he took my gun and shot at me', 'weapon')).toEqual(['gun']);
  });
});

describe('an emergency told of as a show or as long past', () => {
  it.each(["my nephew keeps screaming he got stabbed, it's a video game", 'we heard a lot of shooting on the radio just now'])('reads no nature from "%s"', (text) => {
    expect(natureRules(new Utterance(text))).toEqual([]);
  });

  it('still reads a shooting with the show beside it', () => {
    expect(natureRules(new Utterance('he got shot, the movie was still playing')).map((n) => n.kind)).toEqual(['crime:shooting']);
  });

  it.each(['my uncle was in a house fire in eighty five, he knows the smell', 'we had a kitchen fire here in the summer so she panics'])('reads no fire told of as long past: "%s"', (text) => {
    expect(natureRules(new Utterance(text))).toEqual([]);
  });
});

describe('what a place is called, and what is not its name', () => {
  it.each([
    ['the Two Rivers campground, a kid fell off the bunk', 'two rivers campground'],
    ["we're at the big timber truck stop, a driver collapsed", 'big timber truck stop'],
    ['a trucker passed out at the park and ride lot off route nine', 'park and ride'],
  ])('reads "%s" as %s', (text, place) => {
    expect(values(text, 'landmark')).toEqual([place]);
  });

  it.each([
    ['we are past the third cattle guard on the ranch road', 'cattle guard'],
    ['somebody is inside the closed tire shop on elm', 'tire shop'],
    // (A size before a colour is left out too.)
    ['there is smoke coming out of the big red barn', 'red barn'],
  ])('reads "%s" as %s, which one or its size left out', (text, place) => {
    expect(values(text, 'landmark')).toEqual([place]);
  });

  it('keeps the street a bridge is named for', () => {
    expect(values('he says he is going to jump off the Fifth Street bridge', 'landmark')).toEqual(['fifth street bridge']);
  });
});

describe('a route at a corner, and streets that are not', () => {
  it.each([
    ['the wreck is where Route nine meets the Quarry Road', 'Route 9 & Quarry Rd'],
    ['we are at the intersection of county road six and the Pine Hollow road', 'County Road 6 & Pine Hollow Rd'],
    ["we're at the light at Highway forty and Grand, two cars", 'Hwy 40 & Grand St'],
    ['she is on Birch Road where it meets Route Four, by the church', 'Birch Rd & Route 4'],
  ])('reads "%s" as the corner %s', (text, corner) => {
    expect(values(text, 'cross_street')).toEqual([corner]);
  });

  it.each([
    ["I'm sixty eight myself, and my husband fell in the shower", 'a reflexive'],
    ["his gums won't stop bleeding, he's on Xarelto", 'a blood thinner'],
    ['it is a black honda, a civic or a cr v, I could not tell', 'a model'],
  ])('reads no street from "%s" (%s)', (text) => {
    expect(values(text, 'address')).toEqual([]);
  });
});

describe('a caller name that is a place or a number', () => {
  it.each(['Marina Point apartments, building A, apartment one ten, my dad fell', 'a white work van with a logo. Van number nine. He is swerving.'])('reads no caller name from "%s"', (text) => {
    expect(values(text, 'caller_name')).toEqual([]);
  });

  it('writes a title read by the tagger as the rules write it', () => {
    expect(values('please hurry, my neighbor, mrs. okonkwo, she fell down the stairs', 'caller_name')).toEqual(['Mrs. Okonkwo']);
  });
});

describe('a pregnancy with labour denied', () => {
  it('reads no birth when the caller says she is not in labour', () => {
    expect(natureRules(new Utterance("my wife's pregnant and her ankles are swollen, no, she's not in labor")).map((n) => n.kind)).not.toContain('medical:childbirth');
  });

  it('still reads a birth from a pregnancy with pains', () => {
    expect(natureRules(new Utterance("she's pregnant and the pains are two minutes apart")).map((n) => n.kind)).toEqual(['medical:childbirth']);
  });
});

describe('corners as callers give them', () => {
  it.each([
    ['the closest crossing is Maple and third avenue', 'Maple St & 3rd Ave'],
    ['the street sign says forty second street and Larch', '42nd St & Larch St'],
    ['we are at the corner of River Road and Saint Bernard', 'River Rd & Saint Bernard St'],
  ])('reads "%s" as %s', (text, corner) => {
    expect(values(text, 'cross_street')).toEqual([corner]);
  });

  it('reads no corner from what a sign says that names no street', () => {
    expect(values('the sign says stop and yield', 'cross_street')).toEqual([]);
  });
});

describe('models named in two words, and an F series said alone', () => {
  it.each([
    ['they left in a gold Monte Carlo, loud pipes', 'gold monte carlo'],
    ['a maroon Pontiac Grand Prix, no hubcaps', 'maroon pontiac grand prix'],
    ['a tan El Camino with a camper shell', 'tan el camino'],
  ])('reads "%s" with %s', (text, vehicle) => {
    expect(values(text, 'vehicle')[0]?.split(', ')[0]).toBe(vehicle);
  });

  it('reads an F series said after its make as a part of its own', () => {
    expect(values('it was a black Ford, an F three fifty, dually', 'vehicle')[0]?.split(', ')).toContain('f-350');
  });

  it("reads no F series from a plate's letters", () => {
    expect(values('the plate is k as in king f two one one', 'vehicle').join(' ')).not.toContain('f-');
  });
});

describe('a whole name said after a short one', () => {
  it.each([
    ['Folks call me Buck, always have, Clarence Ruud on my license.', 'Clarence Ruud'],
    ['They call me Red, Ambrose Haldane, I run the bait shop.', 'Ambrose Haldane'],
    ['This is Sergeant Hollowell, Kit Hollowell, I am off duty at the gas station', 'Kit Hollowell'],
  ])('reads "%s" as %s', (text, name) => {
    expect(values(text, 'caller_name')).toEqual([name]);
  });
});

describe("what makes a nature's words no event of the call", () => {
  it.each([
    ['the drama club is staging a fake car crash in the quad for safety week', 'traffic'],
    ['the firemen are running a mock crash at the fairgrounds tonight, is the road closed', 'traffic'],
    ['my neighbor heard about a drowning on the scanner, is that near the boat ramp', 'rescue:drowning'],
    ['the rec center has a drowning prevention class, who do I sign my kids up with', 'rescue:drowning'],
    ['we had a break in last deer season and now the cabin door is open again, can somebody come look', 'crime:burglary'],
    ['her forehead is hot as fire and she keeps crying, she is two', 'fire'],
    ['no no nobody was robbed, the clerk just locked up early', 'crime:robbery'],
  ])('reads no such nature in "%s" (%s)', (text, kind) => {
    expect(values(text, 'nature')).not.toContain(kind);
  });

  it('still reads a real event said beside a staged one', () => {
    expect(values('we were doing a mock crash for the seniors and one of the actors really passed out', 'nature')).toEqual(['medical:unconscious']);
  });
});

describe("acts that are no one of the household's", () => {
  it.each([
    ['a dump truck hit our van head on and my husband is pinned, his leg looks broken'],
    ["the bus hit my wife's car at the light, she's shook up but talking"],
  ])('reads no domestic violence from a vehicle that hit, in "%s"', (text) => {
    expect(values(text, 'nature')).not.toContain('crime:domestic');
  });

  it.each([['a logging truck hit our jeep head on, my brother is stuck'], ['the semi hit him head on coming around the curve']])('reads no "head" model or injury from "head on" in "%s"', (text) => {
    expect(values(text, 'vehicle').join(' ')).not.toContain('head');
    expect(values(text, 'injury')).toEqual([]);
  });

  it('still reads a head hit on something', () => {
    expect(values('she slipped and hit her head on the tub', 'injury')).toEqual(['head']);
  });

  it.each([
    ["he's waving a pistol and his girlfriend ran over to the neighbors with the baby", 'traffic'],
    ['somebody hit my car with a brick while it was parked', 'traffic'],
    ['a silver pistol, he shoved it in his waistband and walked off', 'crime:robbery'],
  ])('reads no such nature in "%s" (%s)', (text, kind) => {
    expect(values(text, 'nature')).not.toContain(kind);
  });

  it('still reads a theft hidden in clothes', () => {
    expect(values('he stuffed two steaks down his pants and walked out', 'nature')).toContain('crime:theft');
  });
});

describe('numbers after a typed pause', () => {
  it.each([
    ['room six forty, second floor, by the vending machines', ['Room 640', 'Floor 2']],
    ['suite four thirty, third floor, past the copier', ['Ste 430', 'Floor 3']],
  ])('reads "%s" as %j (an ordinal after the pause is not the number\'s end)', (text, units) => {
    expect(values(text, 'unit')).toEqual(units);
  });

  it('reads a count after a route number and a pause as a count', () => {
    expect(values("we're stuck on county road thirty one, six of us", 'address')).toEqual(['County Road 31']);
    expect(values("we're stuck on county road thirty one, six of us", 'people_count')).toEqual(['6']);
  });

  it('reads a road said before a pause and a count as the address', () => {
    expect(values("it's eight twenty Pelican Road, three of us up on the roof", 'address')).toEqual(['820 Pelican Road']);
  });
});

describe('streets from words that name none', () => {
  it.each([["they stole twelve head of cattle out of the north pasture"], ["the pass is drifted over, you need four wheel drive to get up here"]])('reads no address in "%s"', (text) => {
    expect(values(text, 'address')).toEqual([]);
  });
});

describe("names that are someone else's, or no one's", () => {
  it.each([
    ["Mister Thibodeaux's oxygen machine is beeping and he looks gray"],
    ["I'm Miss Odile's granddaughter, she fell in the tub"],
    ['Pastor Greene just collapsed behind the pulpit'],
    ["Miss Rosalind ain't making sense, she keeps calling me by my mama's name"],
    ['the plate is Delta Kilo, no, Delta Kilo Oscar two two nine'],
  ])('reads no caller name in "%s"', (text) => {
    expect(values(text, 'caller_name')).toEqual([]);
  });

  it('reads the caller, not the patient named after a pause', () => {
    expect(values("it's Odette, Rene Guidry is the one who can't breathe", 'caller_name')).toEqual(['Odette']);
  });

  it.each([
    ['this is Father Anselm Nwosu at Saint Jude, one of the ushers fainted', 'Anselm Nwosu'],
    ['Father Kowalczyk, from Saint Hyacinth, the rectory door is kicked in', 'Father Kowalczyk'],
  ])('reads a priest\'s name in "%s" as %s', (text, name) => {
    expect(values(text, 'caller_name')).toEqual([name]);
  });
});

describe('whatever someone is struck with', () => {
  it.each([
    ["her husband hit her with an extension cord, she's got welts", 'extension cord'],
    ['he came at me with a tire jack, I locked myself in the truck', 'tire jack'],
    ['my son beat his sister with a broom handle', 'broom handle'],
    ['the deckhand hit the captain with a gaff', 'gaff'],
    ['he hit me with a skillet, please hurry', 'skillet'],
  ])('reads "%s" with the weapon %s', (text, weapon) => {
    expect(values(text, 'weapon')).toEqual([weapon]);
  });

  // (The fist, the bottle and the boat's prop are guards: none was read before either.)
  it.each([
    ['he hit me with his fist and ran'],
    ['a guy hit him with a bottle outside the bar'],
    ['the ski boat hit a swimmer with the prop'],
    ['it is the yellow shotgun house on the corner'],
  ])('reads no weapon in "%s"', (text) => {
    expect(values(text, 'weapon')).toEqual([]);
  });
});

describe('vehicles: models that are ordinary words, and what is said of a part', () => {
  it.each([["the ranger said the avalanche danger is high up there"], ["she's stuck out on the fire escape"], ["he's a wrangler out at the guest ranch and got kicked"]])('reads no vehicle in "%s"', (text) => {
    expect(values(text, 'vehicle')).toEqual([]);
  });

  it.each([
    ['a red ford escape, dent in the hood', 'red ford escape'],
    ['a white chevy avalanche, lifted', 'white chevy avalanche'],
  ])('still reads a model with its make in "%s"', (text, vehicle) => {
    expect(values(text, 'vehicle')[0]?.split(', ')[0]).toBe(vehicle);
  });

  it.each([
    ['a white van with a green stripe down the side', 'green stripe'],
    ['a tan jeep with a black soft top', 'black soft top'],
    ['silver dodge ram, quad cab, ladder rack', 'quad cab'],
  ])('keeps the part as said in "%s"', (text, part) => {
    expect(values(text, 'vehicle')[0]?.split(', ')).toContain(part);
  });

  it('reads no taxi from a pickup\'s cab', () => {
    expect(values('silver dodge ram, quad cab, ladder rack', 'vehicle')[0]?.split(', ')).not.toContain('cab');
  });

  it('still reads no colour across a pause into a part', () => {
    expect(values('an old jeep, light blue, soft top', 'vehicle')[0]?.split(', ')).toContain('soft top');
  });
});

describe('clothes of a kind, and a verb that is no race', () => {
  it.each([
    ['white male, sixties, green hunting jacket, jeans', 'green hunting jacket'],
    ['she had on a yellow rain slicker', 'yellow rain slicker'],
    ['the old man is in a blue bathrobe and slippers', 'blue bathrobe'],
    ['tall guy, gray beard, black suspenders', 'black suspenders'],
  ])('reads "%s" with %s', (text, part) => {
    expect(values(text, 'suspect')[0]?.split(', ')).toContain(part);
  });

  it('reads no race from "mixed" said as a verb', () => {
    expect(values('the lab guy mixed two cleaners and now the hall stinks', 'suspect')).toEqual([]);
  });
});

describe('dangers still on the scene', () => {
  it.each([
    ['the neighbors bull got out and is standing in the county road', 'bull'],
    ['a bear tore into our cooler and is still by the tents', 'bear'],
    ['the storm took the pole down and the wires are on the ground by the mailbox', 'downed power line'],
  ])('reads "%s" with the hazard %s', (text, hazard) => {
    expect(values(text, 'hazard')).toContain(hazard);
  });

  it('reads no diesel from the pumps where a truck stop is', () => {
    expect(values('meet me by the diesel pumps at the truck stop, my buddy is having a seizure', 'hazard')).toEqual([]);
  });
});

describe('places said with their kind, and places that are none', () => {
  it.each([
    ['a man collapsed at the Deadeye shooting range on the range road', 'deadeye shooting range'],
    ['the Oak Hollow retirement community, building two', 'oak hollow retirement community'],
    ['someone is breaking into trailers at the boat lot', 'boat lot'],
    ["we're out front of the shuttered Dandridge's pharmacy", "dandridge's pharmacy"],
  ])('reads "%s" as %s', (text, place) => {
    expect(values(text, 'landmark')).toContain(place);
  });

  // (Guards: the tagger read these places in a writer's line; the rules read none either before.)
  it.each([['the guy grabbed my purse and I ran home and locked the door'], ['my son rides a green beach cruiser, he left an hour ago']])('still reads no place in "%s"', (text) => {
    expect(values(text, 'landmark')).toEqual([]);
  });

  it("reads no plural place from a typed \"'s\" (\"is\"), and still a business named so", () => {
    expect(values("the fire's out but the whole apartment's full of smoke", 'landmark')).toEqual([]);
    expect(values("we're in the lot at Chili's, a man collapsed", 'landmark')).toEqual(["chili's"]);
  });

  it('reads a corner whose first street has two typed words', () => {
    expect(values('the bus is stopped at Van Ness and Fourth, a man is down', 'cross_street')).toEqual(['Van Ness St & 4th St']);
  });
});

describe('what a line denies, read whole', () => {
  it.each([
    ["my grandpa is in his recliner and he's not moving", 'medical:unconscious'],
    ["I found my roommate on the kitchen floor and she isn't moving", 'medical:unconscious'],
  ])('reads "%s" as %s (what is denied can be the emergency)', (text, nature) => {
    expect(values(text, 'nature')).toEqual([nature]);
  });

  it.each([
    ["the baby's not choking, he's just fussing"],
    ["my cousin's not lost, we found him at the snack bar"],
    ["we're not moving him, he's breathing"],
  ])('still reads no nature from "%s" (the kind said only denied)', (text) => {
    expect(values(text, 'nature')).toEqual([]);
  });
});

describe('natures told in more ways', () => {
  it.each([
    ['a boy at the ice rink fell down shaking by the benches', 'medical:seizure'],
    ["he's bleeding from his ear, a lot, and he's dizzy", 'medical:bleeding'],
    ["she had her wisdom teeth out and now she's spitting out clots of blood", 'medical:bleeding'],
    ["it's not his heart, they checked that last month, it's his breathing", 'medical:breathing'],
    // A call over a boat's radio is no show heard on the radio.
    ['my brother called me on the radio and said a crewman fell down the ladder', 'medical:fall'],
  ])('reads "%s" as %s', (text, nature) => {
    expect(values(text, 'nature')).toEqual([nature]);
  });

  it.each([
    ["he used to have seizures but he hasn't had one in years, he tripped on the hose", 'medical:fall'],
    ["our mare threw my daughter in the arena and stepped on her leg, she's crying", undefined],
  ])('reads "%s" as no seizure and no household act', (text, nature) => {
    expect(values(text, 'nature')).toEqual(nature ? [nature] : []);
  });
});

describe('fumes, guns that go off, fireworks', () => {
  it.each([
    ['the floor buffer has been running in the basement and the fumes got to both of us, we feel sick', 'hazmat'],
    ['my uncle was spraying pesticide on the beans and now he is throwing up', 'hazmat'],
    ['there is a white powder on the envelope at the front counter and my hands are tingling', 'hazmat'],
    // Fumes explain the passing out and the choking they cause.
    ['my brother passed out in the pump room, we can smell sewer gas down there', 'hazmat'],
    ["the rifle went off while he was unloading it and it got him in the leg", 'crime:shooting'],
    ["his pistol went off by accident when he dropped it, it hit his thigh", 'crime:shooting'],
  ])('reads "%s" as %s', (text, nature) => {
    expect(values(text, 'nature')).toEqual([nature]);
  });

  it.each([
    ['the boys next door are shooting off fireworks again and the dog is scared'],
    ['a man went under the back wheels of the tractor, he is screaming'],
  ])('reads no shooting or drowning from "%s"', (text) => {
    expect(values(text, 'nature').filter((n) => n === 'crime:shooting' || n === 'rescue:drowning')).toEqual([]);
  });

  it('still reads no shooting from "we were lighting off bottle rockets in the field, sorry, nobody is hurt"', () => {
    expect(values('we were lighting off bottle rockets in the field, sorry, nobody is hurt', 'nature')).toEqual([]);
  });

  // What was said on the radio is a report heard, not the call ("he called me on the radio" is a call, above).
  it('reads no crash from "they said on the radio there was a big wreck on the bypass, is it still closed"', () => {
    expect(values('they said on the radio there was a big wreck on the bypass, is it still closed', 'nature')).toEqual([]);
  });
});

describe('a person struck with something, and someone wedged', () => {
  it.each([
    // A symptom said beside the blow is the blow's call, not a plain medical one.
    ["some kid hit my daughter on the back with a hockey stick at the rink, she's awake but she's real dizzy", 'crime:assault'],
    ["two guys hit my friend with a board behind the school, he's talking but he's throwing up", 'crime:assault'],
    ['a man whacked the cashier on the arm with a tire iron, she feels dizzy', 'crime:assault'],
    ['my mother slipped and she is wedged between the bed and the dresser', 'rescue:trapped'],
    ['the hay wagon tipped and the bales are on top of him', 'rescue:trapped'],
  ])('reads "%s" as %s', (text, nature) => {
    expect(values(text, 'nature')).toEqual([nature]);
  });

  it('still reads no assault from "he hit his thumb with a hammer building the deck"', () => {
    expect(values('he hit his thumb with a hammer building the deck', 'nature')).not.toContain('crime:assault');
  });
});

describe('highways known by name', () => {
  it.each([
    ['we are on the Calloway Turnpike eastbound and a van is on its side', 'Calloway Turnpike EB'],
    ['southbound on the Harmon Expressway a car is going the wrong way', 'Harmon Expressway SB'],
    ["i'm on the ridgeline freeway going west, there's smoke coming off a semi", 'Ridgeline Freeway WB'],
    ['somebody threw a rock off the overpass onto the Delmont Tollway', 'Delmont Tollway'],
  ])('reads "%s" as the address %s', (text, address) => {
    expect(values(text, 'address')).toEqual([address]);
  });

  it('still reads "it\'s out on old turnpike road past the feed store" as the address Old Turnpike Road', () => {
    expect(values("it's out on old turnpike road past the feed store", 'address')).toEqual(['Old Turnpike Road']);
  });

  it.each([
    ['westbound on the Calloway Turnpike at mile marker sixty two, a truck lost its load', 'Calloway Turnpike MM 62'],
    ['we broke down on the Harmon Expressway right by mile marker nine', 'Harmon Expressway MM 9'],
  ])('reads the marker in "%s" as %s, the highway said once', (text, marker) => {
    expect(values(text, 'mile_marker')).toEqual([marker]);
    expect(values(text, 'address')).toEqual([]);
  });

  it.each([
    ['he ran off toward the freeway on foot'],
    ["we're stuck in traffic on the turnpike heading north"],
  ])('still reads no address from a highway with no name, "%s"', (text) => {
    expect(values(text, 'address')).toEqual([]);
  });
});

describe('a numbered highway and which way the caller is going', () => {
  it.each([
    ["we're on seventy, the westbound side, there's a ladder in the lane", 'I-70 WB'],
    ['i was heading north on twenty nine when the truck in front of me flipped', 'I-29 NB'],
    ["state route nine, i think we're going west, past the quarry", 'Route 9 WB'],
    ['state highway forty two, the southbound side, a deer went through a windshield', 'Highway 42 SB'],
    ['a pickup is in the canal off state road eighty four', 'State Road 84'],
  ])('reads "%s" as the address %s', (text, address) => {
    expect(values(text, 'address')).toEqual([address]);
  });

  it.each([
    ['she was going north on fifty second street when she saw him'],
    ['we were heading east on twenty minutes ago and now we are lost'],
  ])('still reads no freeway from "%s"', (text) => {
    expect(values(text, 'address').filter((a) => a.startsWith('I-'))).toEqual([]);
  });
});

describe('dangers still there for whoever comes', () => {
  it.each([
    ['grandpa fell on the ice getting the mail and he cannot stand up', 'ice'],
    ['she hit her head on the ice in the parking lot, she is kind of dizzy', 'ice'],
    ['the whole ramp is iced over, be careful', 'ice'],
    ["the flooding's up to the second step and we can't get the car out", 'flooding'],
    ['a man is weaving toward the traffic on the bypass, he is going to get hit', 'traffic'],
    ['a kid on a scooter keeps darting in and out of traffic on Fourth', 'traffic'],
  ])('reads "%s" as the hazard %s', (text, hazard) => {
    expect(values(text, 'hazard')).toEqual([hazard]);
  });

  it('reads no hazard from "the neighbor\'s flood lights keep flashing on and off all night"', () => {
    expect(values("the neighbor's flood lights keep flashing on and off all night", 'hazard')).toEqual([]);
  });

  // The ice someone fell through is the call's nature, no danger beside it (most writers' lines).
  it('still reads no hazard from "a man fell through the ice on the pond, he is holding the edge"', () => {
    expect(values('a man fell through the ice on the pond, he is holding the edge', 'hazard')).toEqual([]);
  });
});

describe('a thing that fell is no fall', () => {
  it.each([
    ['a bucket of pool chlorine fell off the shelf and now the whole shed stinks and my eyes burn'],
    ['a stack of lumber fell on my neighbor in his garage'],
    ['some white powder fell out of the envelope when i opened it and my hands are tingling'],
  ])('reads no fall from "%s"', (text) => {
    expect(values(text, 'nature')).not.toContain('medical:fall');
  });

  it('still reads a fall from "she fell off the step stool reaching for a bag of flour"', () => {
    expect(values('she fell off the step stool reaching for a bag of flour', 'nature')).toEqual(['medical:fall']);
  });
});

describe('a vehicle broken into is a theft from it', () => {
  it.each([
    ['someone busted out my van window and grabbed the tools in the back'],
    ['a couple of kids are going through the cars on my street checking doors'],
    ['my truck got broken into at the trailhead, my wallet is gone'],
  ])('reads "%s" as crime:theft', (text) => {
    expect(values(text, 'nature')).toEqual(['crime:theft']);
  });

  it('still reads "somebody broke into the garage and took the mower" as crime:burglary', () => {
    expect(values('somebody broke into the garage and took the mower', 'nature')).toEqual(['crime:burglary']);
  });
});

describe('a weapon aimed or swung at someone', () => {
  it.each([
    ['a man on the platform is waving a pistol at the people getting off the train'],
    ['my neighbor just pointed his rifle at my kids over the fence'],
  ])('reads "%s" as crime:assault', (text) => {
    expect(values(text, 'nature')).toEqual(['crime:assault']);
  });

  it('still reads "some guy is swinging a hatchet at customers in the parking lot" as crime:assault', () => {
    expect(values('some guy is swinging a hatchet at customers in the parking lot', 'nature')).toEqual(['crime:assault']);
  });

  it.each([
    ['my uncle is out back swinging a machete at the weeds'],
    ['he walked in holding a shotgun and set it on the counter'],
  ])('still reads no assault from "%s"', (text) => {
    expect(values(text, 'nature')).not.toContain('crime:assault');
  });
});

describe('something heavy come down on someone, a limb drawn in', () => {
  it.each([
    ['the engine hoist slipped and the lift came down on my brother, he is under it'],
    ['out at the back forty the tractor flipped over on my dad'],
    ['a stack of pallets went over on one of my workers in aisle three'],
    ['my son got his sleeve pulled into the snowblower and he is screaming'],
  ])('reads "%s" as rescue:trapped', (text) => {
    expect(values(text, 'nature')).toEqual(['rescue:trapped']);
  });

  it('still reads no entrapment once it is off them: "the shelf fell on him but we lifted it off, his wrist is swollen"', () => {
    expect(values('the shelf fell on him but we lifted it off, his wrist is swollen', 'nature')).not.toContain('rescue:trapped');
  });
});

describe('a blow told as the act', () => {
  it.each([
    ['the guy in the red hoodie keeps slapping a girl by the bleachers'],
    ['two teenagers are kicking a homeless man behind the library'],
    ['a man in a green jacket just pushed a woman off the platform'],
    ['the tall one in the camo hat is the one who kicked the security guard'],
    ['this dude just smacked the cashier and ran out'],
  ])('reads "%s" as crime:assault', (text) => {
    expect(values(text, 'nature')).toContain('crime:assault');
  });

  it.each([
    ['some drunk just knocked a lady down outside the laundromat and walked off'],
    ['somebody punched my brother in the face at the bowling alley'],
  ])('still reads "%s" as crime:assault', (text) => {
    expect(values(text, 'nature')).toEqual(['crime:assault']);
  });

  it.each([
    ['a guy shoved the old woman at the bus stop and snatched her purse'],
    ['a kid on a scooter knocked a lady down and took her phone'],
  ])('still reads a blow that took something as a robbery: "%s"', (text) => {
    expect(values(text, 'nature')).toEqual(['crime:robbery']);
  });

  it.each([
    ['she slipped on the wet stairs and hit her side on the railing', 'medical:fall'],
    ['the car that hit the lady kept going toward fifth', 'traffic'],
    ['her husband shoved her into the dresser', 'crime:domestic'],
    ['we pushed him out of the water and he is coughing', 'rescue:drowning'],
  ])('still reads "%s" as %s, no assault', (text, nature) => {
    expect(values(text, 'nature')).toEqual([nature]);
  });

  it('still reads no assault from a blow long past: "the older kid hit my son before, now he is back at the bus stop"', () => {
    expect(values('the older kid hit my son before, now he is back at the bus stop', 'nature')).not.toContain('crime:assault');
  });
});

describe('streets as callers place them', () => {
  it.each([
    ['the stalled car is at the weigh station on sixty five', 'I-65'],
    ['my dad is slumped over in his cab at the truck stop on seventy', 'I-70'],
    ['exit forty one b off two seventy five, a van is on its side at the bottom', 'I-275'],
    ['a kid is standing on the railing of the overpass over thirty five', 'I-35'],
  ])('reads a freeway by its number at what only freeways have, "%s", as %s', (text, address) => {
    expect(values(text, 'address')).toEqual([address]);
  });

  it.each([
    ['somebody is lying in the lot of the laundromat on pike street', 'Pike Street'],
    ['a roofer fell at the house on rocky hollow road two stories', 'Rocky Hollow Road'],
    ['she is on parish road two twelve past the church', 'Parish Road 212'],
    ["we're at the dead end of b l m road fifty six oh one", 'BLM Road 5601'],
  ])('reads "%s" as %s', (text, address) => {
    expect(values(text, 'address')).toEqual([address]);
  });

  it.each([
    ['the daycare on heron bend, a toddler is choking', 'Heron Bend Street'],
    ['the bar on delmar across from the bank, two guys fighting', 'Delmar Street'],
    ["the street's called Fox Run, the third house", 'Fox Run Street'],
  ])('reads a street said by its name alone after a place, "%s", as %s', (text, address) => {
    expect(values(text, 'address')).toContain(address);
  });

  it.each([
    ['the tree is down across Lantern Road and there are wires in it', 'Lantern Road'],
    ['he took off running toward Maddox Street with the bag', 'Maddox Street'],
    ['she cut through the yard and ran toward Pruitt', 'Pruitt Street'],
  ])('reads the street someone is headed for or a thing lies across, "%s", as %s', (text, address) => {
    expect(values(text, 'address')).toEqual([address]);
  });

  it.each([
    ['my sister lives on Crandall Avenue, twenty two fifteen, she is not answering', '2215 Crandall Avenue'],
    ['it is Haskell Road out past the feed mill, we are at number forty seven', '47 Haskell Road'],
  ])('reads the house number said after its street, "%s", as %s', (text, address) => {
    expect(values(text, 'address')).toEqual([address]);
  });

  it.each([
    ["she can't lift her arm, she's eighty one, twelve Garnet Street", '12 Garnet Street', '81'],
    ["he's sixty, forty four Larch Avenue, the side door is open", '44 Larch Avenue', '60'],
  ])('reads an age and then a house number, "%s", as %s and the age %s', (text, address, age) => {
    expect(values(text, 'address')).toEqual([address]);
    expect(values(text, 'patient_age')).toEqual([age]);
  });

  it.each([
    ["we're at the cabin on Tamarack Lake Road, fire number sixty two fifteen", '6215 Tamarack Lake Road'],
    ['fire number is three three oh one on county road double k, the red barn', '3301 County Road KK'],
  ])('reads a rural fire number with its road, "%s", as %s', (text, address) => {
    expect(values(text, 'address')).toEqual([address]);
  });

  it.each([
    ['we are at eighteen oh two Terrace Glen Road, the back door', '1802 Terrace Glen Road'],
    ['the rollover is on county twelve, past the grain bins', 'County Road 12'],
    ['a horse is loose on route eight south of town', 'Route 8'],
  ])('reads "%s" as %s', (text, address) => {
    expect(values(text, 'address')).toEqual([address]);
  });

  it.each([
    ['the truck slid off the caliche road into the pasture'],
    ["we're parked on the beach road, the kid is not breathing right"],
    ['a fire along the feeder road, it is jumping the ditch'],
  ])('reads no street from a kind of road, "%s"', (text) => {
    expect(values(text, 'address')).toEqual([]);
  });

  it.each([
    ['the bakery on tanner street has smoke coming out the back', 'Tanner Street'],
    ['we are on highway nine east of the river, going east', 'Highway 9 EB'],
    ['my grandpa on Elm Street, eighty one, fell in the tub', 'Elm Street'],
    ['he ran toward Marcus and punched him', undefined],
    ['she took the baby and is heading toward Ohio', undefined],
    ["we're on route nine going toward Sutton, the car is smoking", 'Route 9'],
    ['he walked toward Walgreens with the bag', undefined],
    ['the truck stop on forty second street, a man collapsed', '42nd Street'],
  ])('still reads "%s" as the address %s and no more', (text, address) => {
    expect(values(text, 'address')).toEqual(address ? [address] : []);
  });
});

describe('hazards as crews and drivers name them', () => {
  it.each([
    ["the trailer's got a placard on the rear door, it reads eleven seventy", 'placard 1170'],
    ['the h two s alarm on my partner went off and he dropped by the separator', 'h2s'],
    ['the crew smelled sewer gas and now the guy in the vault is not answering', 'sewer gas'],
    ['it stinks like rotten eggs by the wellhead and our h two s badges are going off', 'h2s'],
    ['the gas line by the curb got clipped by the backhoe and it is roaring', 'gas leak'],
  ])('reads "%s" as the hazard %s', (text, hazard) => {
    expect(values(text, 'hazard')).toEqual([hazard]);
  });

  it('still reads a gas leak from rotten eggs alone: "the whole kitchen smells like rotten eggs"', () => {
    expect(values('the whole kitchen smells like rotten eggs', 'hazard')).toEqual(['gas leak']);
  });
});

describe('clothes said apart of someone told of', () => {
  it.each([
    ['my grandson slipped away at the rodeo, he is five, blue overalls', 'blue overalls'],
    ['she ran out the side door with the cash drawer, gray sweatshirt', 'gray sweatshirt'],
    ['he is headed for the bus stop now, black ball cap, white sneakers', 'black ball cap, white sneakers'],
  ])('reads "%s" as the description %s', (text, description) => {
    expect(values(text, 'suspect')).toEqual([description]);
  });

  it.each([
    ['yes that is him, same jacket'],
    ['the kitchen is full of smoke, wet towels'],
  ])('still reads no description from "%s"', (text) => {
    expect(values(text, 'suspect')).toEqual([]);
  });
});

describe('clothes used as things, a size to be lifted', () => {
  it.each([
    ['he shoved two steaks in his jacket and walked out'],
    ['he had his hand in his hoodie the whole time'],
    ["he's bleeding bad from his leg, we got a shirt on it"],
    ['a guy with a cut on his head, somebody has a jacket under his head'],
    ["he's a heavy guy, we can't roll him over by ourselves"],
  ])('reads no description from "%s"', (text) => {
    expect(values(text, 'suspect')).toEqual([]);
  });

  it('reads only what he wore from "the guy who ran off was big, red flannel, he had something in his jacket"', () => {
    expect(values('the guy who ran off was big, red flannel, he had something in his jacket', 'suspect')).toEqual(['red flannel']);
  });

  it('still reads "she was wearing a yellow raincoat, she is about sixty pounds, I lost her by the rides" as the description yellow raincoat, 60 pounds', () => {
    expect(values('she was wearing a yellow raincoat, she is about sixty pounds, I lost her by the rides', 'suspect')).toEqual(['yellow raincoat, 60 pounds']);
  });
});

describe('a title said of someone else', () => {
  it.each([
    ['the lady who fell is Mrs. Dunmore, she lives upstairs'],
    ['our coach is mister pell and he is doing compressions'],
  ])('reads no caller name from "%s"', (text) => {
    expect(values(text, 'caller_name')).toEqual([]);
  });

  it.each([
    ['this is Mrs. Okafor on Pine Street, my husband fell', 'Mrs. Okafor'],
    ['hi, this is mister Delgado at the feed store', 'Mr. Delgado'],
  ])('still reads "%s" as the caller %s', (text, name) => {
    expect(values(text, 'caller_name')).toEqual([name]);
  });
});

describe('out of it as callers say it', () => {
  it.each([
    ["she's out, she's completely out, I'm pinching her and nothing"],
    ['two workers in the tank and they are both out'],
    ["he's breathing but he's out, his friends dragged him to the hall"],
    ['my grandpa is in his chair and he no talk, he no answer'],
    ["she took all her pills and i can't barely wake her"],
    ['my brother is not waking since this morning'],
  ])('reads "%s" as not conscious', (text) => {
    expect(values(text, 'conscious')).toEqual(['no']);
  });

  it.each([
    ["he went in after the dog but he's out, he's on the dock dripping"],
    ["the baby's out, she's out, she's crying, what about the cord"],
  ])('still reads no consciousness from someone out of somewhere: "%s"', (text) => {
    expect(values(text, 'conscious')).not.toContain('no');
  });
});

describe('bleeding in the words of the street and the clinic', () => {
  it.each([
    ["my boy got cut up in the fight and he's leaking real bad", 'severe'],
    ["she's leaking from her head, somebody hit her with a bottle", 'yes'],
    ['grandpa has a nosebleed and he takes warfarin', 'yes'],
  ])('reads "%s" as bleeding %s', (text, bleeding) => {
    expect(values(text, 'bleeding')).toEqual([bleeding]);
  });

  it('still reads no bleeding from a tank "leaking bad": "the propane tank out back is leaking bad"', () => {
    expect(values('the propane tank out back is leaking bad', 'bleeding')).toEqual([]);
  });
});

describe('teeth knocked out, a hoof on a foot', () => {
  it.each([
    ['the puck knocked out two of his teeth', 'tooth'],
    ['her tooth got knocked out on the handlebars', 'tooth'],
    ['the cow stepped on her foot and she is limping', 'foot'],
  ])('reads "%s" as the injury %s', (text, injury) => {
    expect(values(text, 'injury')).toEqual([injury]);
  });
});

describe('a freeway called by one digit beside its marker', () => {
  it.each([
    ['mile marker forty two on the five going north, a car is burning', 'I-5 MM 42'],
    ['mile marker eighty eight on the ten, the bridge over the bayou, a truck flipped', 'I-10 MM 88'],
  ])('reads "%s" as %s', (text, marker) => {
    expect(values(text, 'mile_marker')).toEqual([marker]);
  });

  it('still reads no freeway from "mile marker nine, on the 2nd turnout"', () => {
    expect(values('mile marker nine, on the 2nd turnout', 'mile_marker')).toEqual(['MM 9']);
  });
});
