// Kinds of error the trainable blind writers' lines (writer2, writer3) showed in session 8 (issue
// 15), fixed as kinds: every line here is our own, written for the kind, never a writer's.
import { describe, expect, it } from 'vitest';
import { entityValues as values } from '../../../test/entities.js';

describe('one caller name per line: the last full form said', () => {
  it.each([
    ['they call me red, my name is calvin moss', 'Calvin Moss'],
    ['you can call me benny, benjamin ortega', 'Benjamin Ortega'],
    ['its linda harper, no wait, linda harper-vance', 'Linda Harper-Vance'],
    ['marcus here, marcus whitlock, i live upstairs', 'Marcus Whitlock'],
    ['im sam, samantha cole', 'Samantha Cole'],
    // A surname after "my name is" is kept when the first name is also an ordinary word.
    ['Frank. My name is Frank Delaney', 'Frank Delaney'],
    ['sergeant moyo, retired, i saw the whole thing', 'Sergeant Moyo'],
  ])('reads "%s" as %s', (text, name) => {
    expect(values(text, 'caller_name')).toEqual([name]);
  });

  it('joins a surname given apart to the first name said before it', () => {
    expect(values('its kira, k i r a, last name novak', 'caller_name')).toEqual(['Kira Novak']);
  });

  it.each(['baby, baby, stay awake for me', 'honey honey look at me', 'buddy, buddy, can you hear me'])('names nobody in "%s"', (text) => {
    expect(values(text, 'caller_name')).toEqual([]);
  });
});

describe('natures said in more ways', () => {
  it.each([
    ['we heard maybe three shots from the alley', 'crime:shooting'],
    ['some kid knifed him outside the bar', 'crime:stabbing'],
    ['he said give me your wallet and showed a blade', 'crime:robbery'],
    ['two guys jumped him behind the store and took his phone', 'crime:robbery'],
    ['a man shoved her into a truck and drove away', 'crime:kidnapping'],
    ['a woman walked off with my little boy at the fair', 'crime:kidnapping'],
    ['the co alarm keeps going off in the basement', 'hazmat'],
    ['theres a propane tank leaking behind the diner', 'hazmat'],
    ['he inhaled a peanut and now he cant cough', 'medical:choking'],
    ['her left arm went numb out of nowhere', 'medical:stroke'],
    ['my grandpa cant get enough air, his lips are blue', 'medical:breathing'],
    ['she took all her pills and left a note', 'medical:suicidal'],
    ['we were hiking and now were turned around, its getting dark', 'rescue:lost'],
  ])('reads "%s" as %s', (text, nature) => {
    expect(values(text, 'nature')).toContain(nature);
  });

  it('counts the blow of a robbery as the robbery, not an assault besides', () => {
    expect(values('they jumped me at the bus stop and took my wallet', 'nature')).toEqual(['crime:robbery']);
  });

  it.each(['is his arm numb', 'he was cooking and cut his thumb with a knife', 'the truck jackknifed on the ramp'])('finds no new kind in "%s"', (text) => {
    const found = values(text, 'nature');
    for (const kind of ['medical:stroke', 'crime:stabbing', 'crime:assault']) expect(found).not.toContain(kind);
  });
});

describe('places as the blind writers label them', () => {
  it.each([
    ['behind the old firehouse on fifth', ['old firehouse']],
    ['by the big church on the hill', ['church']],
    // A bare lot in a line that names a place is that place's.
    ["i'm at the kroger, he's passed out in the parking lot", ['kroger']],
    ['two guys are fighting in the parking lot', ['parking lot']],
    // A chain named by its brand alone, anywhere in the line.
    ['the Menards on Route 9, theres smoke in the garden center', ['menards', 'garden center']],
    ['uh the Popeyes, hes slumped over in the drive thru', ['popeyes']],
    ['hes across the road from the Tractor Supply', ['tractor supply']],
  ])('reads "%s" as %j', (text, places) => {
    expect(values(text, 'landmark')).toEqual(places);
  });

  it('takes "<name>, its a <kind>" as the named place, not the kind', () => {
    expect(values("uh maple grove, it's a nursing home, room twelve", 'landmark')).not.toContain('nursing home');
  });

  it('keeps a kind of place said after an address', () => {
    expect(values("four ten birch street, it's a big motel", 'landmark')).toEqual(['motel']);
  });

  // Regression: the tagger read "the old beetles" (a vehicle) and "pit bulls" (a hazard) as places.
  it.each(['they drove off in one of the old beetles', 'they have two pit bulls in the yard'])('takes no place from words the rules read as something else: "%s"', (text) => {
    expect(values(text, 'landmark')).toEqual([]);
  });
});

describe('a street typed by its name alone', () => {
  it.each([
    ['he drove off south on Halsey', ['Halsey Street']],
    ['the van went up Birchwood toward the school', ['Birchwood Street']],
  ])('reads "%s" as %j', (text, streets) => {
    expect(values(text, 'address')).toEqual(streets);
  });

  it.each(['he was coughing up water', 'we meet on Monday', 'he went up the stairs'])('reads no street in "%s"', (text) => {
    expect(values(text, 'address')).toEqual([]);
  });
});

describe('injuries where the blind writers put them', () => {
  it.each([
    ['somebody stabbed my cousin with a screwdriver, in the shoulder', ['shoulder']],
    ['he got cut with a razor in the fight, his arm', ['arm']],
  ])('reads the wound said apart in "%s" as %j', (text, injuries) => {
    expect(values(text, 'injury')).toEqual(injuries);
  });

  it.each([
    ['three of them stomped on his ribs in the parking lot', ['rib']],
    ['the blood is pouring out of her knee, i cant stop it', ['knee']],
  ])('reads where a beating or the blood is in "%s" as %j', (text, injuries) => {
    expect(values(text, 'injury')).toEqual(injuries);
  });

  it('takes a face swelling up from a sting as no injury', () => {
    expect(values('a wasp got him and his face is swelling up', 'injury')).toEqual([]);
  });

  it.each(['my chest is hurting real bad and my arm is tingling', 'his chest hurts, he says its like pressure'])('takes a chest that hurts as the nature, not an injury: "%s"', (text) => {
    expect(values(text, 'injury')).toEqual([]);
  });

  it('finds no wound place in a line with no wound: "he has something in his hand, i cant see what"', () => {
    expect(values('he has something in his hand, i cant see what', 'injury')).toEqual([]);
  });
});

describe('hazards to whoever comes', () => {
  it.each([
    ['diesel all over the road from the semi', ['fuel leak']],
    ['theres gas pouring out of the truck', ['fuel leak']],
    ['our co detector is going off', ['carbon monoxide']],
    ['theres a big dog loose in the yard', ['dog']],
  ])('reads "%s" as %j', (text, hazards) => {
    expect(values(text, 'hazard')).toEqual(hazards);
  });

  it.each(['unit four b as in boy, c as in dog', 'the guy next door shot his dog', 'my dog and my son fell through the ice'])('finds no dog to beware of in "%s"', (text) => {
    expect(values(text, 'hazard')).not.toContain('dog');
  });
});

describe('clothing with the word that names its kind', () => {
  it.each([
    ['white guy, he had a cowboy hat and boots', ['white male', 'cowboy hat', 'boots']],
    ['the kid was in a steelers jersey', ['steelers jersey']],
  ])('reads "%s" as %j', (text, parts) => {
    expect(values(text, 'suspect').flatMap((d) => d.split(', '))).toEqual(parts);
  });

  it("takes no owner into the item: a man grabbed a lady's purse", () => {
    expect(values("some guy grabbed a lady's purse and ran", 'suspect').join(', ')).not.toContain('lady');
  });
});

describe('rural and numbered roads', () => {
  it.each([
    ['were out on township road twelve past the silo', ['Township Road 12']],
    ['rural route four box nine, the gravel drive', ['Rural Route 4 Box 9']],
    ['four ten route thirty one, the white farmhouse', ['410 Route 31']],
    ['its two hundred east hundred and fourth street', ['200 104th Street']],
    // The first block, the letters of a US highway, the direction said before "on", a street "called" so.
    ['somewhere in the hundred block of Pine Avenue', ['100 block Pine Avenue']],
    ['im on u s twelve eastbound, headed home', ['US-12 EB']],
    ['northbound on interstate twenty nine near the weigh station', ['I-29 NB']],
    ['the lane is called Foxglove Lane, the last house', ['Foxglove Lane']],
  ])('reads "%s" as %j', (text, addresses) => {
    expect(values(text, 'address')).toEqual(addresses);
  });
});

describe('names no lexicon knows, titles and ranks', () => {
  it.each([
    ["I'm Hollis Vance, I'm calling from my truck", 'Hollis Vance'],
    ["it's Tavita Faleolo, I'm at the church hall", 'Tavita Faleolo'],
    ['this is Officer Mara Quint, off duty', 'Mara Quint'],
    ['this is officer reyes', 'Officer Reyes'],
    ["hi, I'm Mrs. Dunmore-Hale, the crossing guard", 'Mrs. Dunmore-Hale'],
    ["I'm Dr. Okonkwo, I was driving by", 'Dr. Okonkwo'],
    // A name typed with a capital inside keeps it.
    ['this is LaToya, LaToya Briggs', 'LaToya Briggs'],
    // A whole name ends at the pause after it: the word after is no part of it.
    ["I'm Marisol Quintero, that's Q U I N T E R O", 'Marisol Quintero'],
    ["I'm Temitope Bankole, Tope for short", 'Temitope Bankole'],
    ['they call me Sully, everybody does', 'Sully'],
  ])('reads "%s" as %s', (text, name) => {
    expect(values(text, 'caller_name')).toEqual([name]);
  });

  it.each(['she said Doctor Phil was on when she fell', 'she keeps calling for Mister Buttons, thats the dog', 'this is Meadowbrook Care Center, we have a fall', "it's Kroger, the one on fifth"])('names no caller in "%s"', (text) => {
    expect(values(text, 'caller_name')).toEqual([]);
  });
});

describe('place names that run across a kind word', () => {
  it.each([
    ['at the pine hollow mobile home park, space six', ['pine hollow mobile home park']],
    ['down at the cooper lake boat ramp', ['cooper lake boat ramp']],
    ['in the briar glen neighborhood', ['briar glen neighborhood']],
    ['the fox run trailhead, the upper lot', ['fox run trailhead']],
  ])('reads "%s" as %j', (text, places) => {
    expect(values(text, 'landmark')).toEqual(places);
  });
});

describe("natures in the fifth writer's kinds of phrase", () => {
  it.each([
    ['my grandma fell out at the store, she aint answering', 'medical:unconscious'],
    ['a teenager filled his backpack and ran out without paying', 'crime:theft'],
    ["they're stealing the catalytic converter off my truck", 'crime:theft'],
    ["my daughter's missing, she was at the swings a second ago", 'rescue:lost'],
    ['we got separated on the boardwalk and i cant find him', 'rescue:lost'],
    ['his heart is fluttering like crazy', 'medical:cardiac'],
    ['she is shaking all the body, she have fever', 'medical:seizure'],
    ['hes panting, he cant slow down', 'medical:breathing'],
    ['theres a man laying on the sidewalk by the bank and hes not moving', 'medical:unconscious'],
    ['his sugar bottomed out, hes all shaky', 'medical:diabetic'],
    ['the meter says thirty nine', 'medical:diabetic'],
    ['his eyes are rolled back and hes jerking', 'medical:seizure'],
    ['she woke up and her left arm wont work', 'medical:stroke'],
    ['we have a man overboard off the ferry', 'rescue:drowning'],
    ['they drove by and shot up the house', 'crime:shooting'],
    ['theres a guy in my kitchen, i dont know him', 'crime:burglary'],
    ['they say they have my daughter and want money, a ransom', 'crime:kidnapping'],
  ])('reads "%s" as %s', (text, nature) => {
    expect(values(text, 'nature')).toContain(nature);
  });

  it.each([
    ['the fire number on the post is four four one', 'fire'],
    ['the chimney is shooting sparks', 'crime:shooting'],
    ['he has a fishhook stuck in his eye', 'rescue:trapped'],
    ['white guy with a limp, gray sweats', 'medical'],
    ['he got hit by a car, hes lying in the road', 'medical:unconscious'],
    ['he locked himself in the garage with the car running', 'rescue:trapped'],
  ])('does not read "%s" as %s', (text, nature) => {
    expect(values(text, 'nature')).not.toContain(nature);
  });
});

describe('what a witness remembers of a vehicle', () => {
  it.each([
    ['a gray pickup, lifted, with a light bar on top', 'gray pickup, lifted, light bar'],
    ['black camaro, paper tags', 'black camaro, paper tags'],
    ['a blue wagon with a surf sticker on the back window', 'blue wagon, surf sticker on the back window'],
    // What is said between the vehicle and its plate stays in the description, in said order.
    ["a white tacoma, the tailgate's missing, plate r t v two two nine", 'white tacoma, tailgate missing, plate RTV229'],
    ['black charger, four door, plate starts with m k', 'black charger, 4-door, plate MK'],
    ['a tan minivan with the sliding door open', 'tan minivan, sliding door open'],
    ['a green civic, no plates, the front bumpers dragging', 'green civic, no plates, front bumper dragging'],
  ])('reads "%s" as %s', (text, vehicle) => {
    expect(values(text, 'vehicle')).toEqual([vehicle]);
  });

  it('finds no vehicle in a sticker on a laptop', () => {
    expect(values('he has a sticker on his laptop', 'vehicle')).toEqual([]);
  });

  it('takes no door opened as something the vehicle looks like', () => {
    expect(values("he's pinned in the truck, we can't get the door open", 'vehicle')).toEqual([]);
  });
});

describe('swelling is no injury kind', () => {
  it('reads a swollen ankle as the ankle', () => {
    expect(values("her ankle's all swollen and purple", 'injury')).toEqual(['ankle']);
  });
});

describe('mile posts', () => {
  it.each([
    ['right about mile post thirty, county road six', 'County Road 6 MM 30'],
    ['were at about mile ninety on route nine', 'Route 9 MM 90'],
  ])('reads "%s" as the marker %s, with no address', (text, marker) => {
    expect(values(text, 'mile_marker')).toEqual([marker]);
    expect(values(text, 'address')).toEqual([]);
  });
});

describe('places that are not where the call is', () => {
  it.each([
    ["she's in labor, we won't make it to the hospital", []],
    ['tell them to park on the street, the driveway is narrow', []],
    ["we're at the hospital entrance, he collapsed", ['hospital']],
  ])('reads "%s" as %j', (text, places) => {
    expect(values(text, 'landmark')).toEqual(places);
  });
});
