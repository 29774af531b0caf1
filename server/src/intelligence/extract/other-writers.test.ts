// Kinds of phrasing that writers who never saw the extractor use and it once missed (issue 15,
// entities from real callers). Every line here is our own, written for the kind, never theirs.
import { describe, expect, it } from 'vitest';
import { entityValues as values } from '../../../test/entities.js';

describe('injuries said in more ways', () => {
  it.each([
    ['her wrist might be broken', ['broken wrist']],
    ['i think his collarbone is probably broken', ['broken collarbone']],
    ['bruises all over her face', ['bruised face']],
    ['he has a head injury', ['head']],
    ['he was stabbed twice in the back', ['back']],
    ['my cousin got shot, he is shot in the leg', ['leg']],
    ["he's got a bump on the back of his head", ['head']],
    ["she's got burns on her arms and face", ['burned arm', 'burned face']],
  ])('reads "%s" as %j', (text, injuries) => {
    expect(values(text, 'injury')).toEqual(injuries);
  });

  // Regression: a list after "his chest hurts" (now "his knee hurts": a chest that hurts is the nature's) took the next clause's arm for a second injury.
  it('lists more parts only after a wound said before its part', () => {
    expect(values("my dad's knee hurts and his left arm is numb", 'injury')).toEqual(['knee']);
  });
});

describe('plates typed with letter groups', () => {
  it('reads typed letters after a plate cue', () => {
    expect(values('the license plate was 4 ABC 123', 'vehicle')).toEqual(['plate 4ABC123']);
  });
});

describe('natures that hang on what did it', () => {
  it('tells a person who collapsed from a building that did', () => {
    expect(values('my dad just collapsed in the kitchen', 'nature')).toEqual(['medical:unconscious']);
    expect(values('the building collapsed and people are stuck inside', 'nature')).toEqual(['rescue:trapped']);
  });

  it('takes cutting oneself as self-harm, a cut with a tool as no threat', () => {
    expect(values("she's been cutting herself again", 'nature')).toEqual(['medical:suicidal']);
    expect(values('he cut himself really bad with a saw', 'nature')).not.toContain('medical:suicidal');
  });

  it('hears smoke coming from a place as a fire', () => {
    expect(values("there's smoke coming from the apartment next door", 'nature')).toEqual(['fire']);
  });
});

describe('places', () => {
  it('takes no place from going home', () => {
    expect(values('i was walking home and somebody grabbed my purse', 'landmark')).toEqual([]);
    expect(values("she's in a nursing home on fifth", 'landmark')).toEqual(['nursing home']);
  });
});

describe('names restated or given with a rank', () => {
  it.each([
    ["it's keisha, keisha brown", 'Keisha Brown'],
    ['the name is okafor, chidi okafor', 'Chidi Okafor'],
    ["i'm the neighbor, jim, jim halvorsen", 'Jim Halvorsen'],
    ["i'm officer reyes, off duty", 'Officer Reyes'],
  ])('reads "%s" as %s', (text, name) => {
    expect(values(text, 'caller_name')).toEqual([name]);
  });

  it('takes no rank from a word that is not a name', () => {
    expect(values("it's officer down at the corner", 'caller_name')).toEqual([]);
    expect(values('please please hurry', 'caller_name')).toEqual([]);
  });
});

describe('suspects in more clothes', () => {
  it.each([
    ['light skinned guy, red shirt, khakis', 'light skinned male, red shirt, khakis'],
    ['white male with a buzz cut, wearing a black tracksuit', 'white male, buzz cut, black tracksuit'],
    ["he's got on a red flannel and a trucker hat", 'red flannel, trucker hat'],
    ['he was wearing a camouflage jacket and work boots', 'camouflage jacket, work boots'],
  ])('reads "%s" as %s', (text, suspect) => {
    expect(values(text, 'suspect')).toEqual([suspect]);
  });
});

describe('natures as a second writer says them', () => {
  it.each([
    ['the dumpster behind the restaurant is burning', 'fire'],
    ['my ex keeps coming by and he has a restraining order', 'crime:domestic'],
    ['they kicked in the back door and took the tv', 'crime:burglary'],
    ["a lady walked out with a cart full of stuff she didn't pay for", 'crime:theft'],
    ['some guy pulled a girl into a van and took off', 'crime:kidnapping'],
    ['a pickup is swerving all over the road', 'traffic'],
    ['there is a couch in the middle lane', 'traffic'],
    ["his asthma's really bad and the inhaler isn't helping", 'medical:breathing'],
    ['she took a bottle of tylenol', 'medical:overdose'],
    ['his face went numb and he can not find the words', 'medical:stroke'],
    ['he was raking leaves and he just dropped', 'medical:unconscious'],
    ['a pit bull is attacking my neighbor', 'medical'],
    ["i can't find my little girl", 'rescue:lost'],
  ])('hears "%s" as %s', (text, nature) => {
    expect(values(text, 'nature')).toEqual([nature]);
  });

  it('gives one nature where another explains the rest', () => {
    expect(values("he got stabbed, there's blood everywhere", 'nature')).toEqual(['crime:stabbing']);
    expect(values('he stabbed his brother', 'nature')).toEqual(['crime:stabbing']);
    expect(values('they robbed me and took my purse', 'nature')).toEqual(['crime:robbery']);
  });

  // Regression: a worn-out car was an assault, a bone bent the wrong way a crash, sore eyes a fire.
  it('reads no violence, crash or fire from words that only sound like one', () => {
    expect(values('a red pickup, kind of beat up', 'nature')).toEqual([]);
    expect(values("her ankle is broken, it's bent the wrong way", 'nature')).toEqual([]);
    expect(values("there's a chemical smell and it's burning our eyes", 'nature')).not.toContain('fire');
  });
});

describe('numbers restated after a pause', () => {
  it.each([
    ["i'm at eight eleven, eight eleven north park avenue", 'address', '811 Park Avenue'],
    ["it's one forty seven, one four seven, willow creek circle", 'address', '147 Willow Creek Circle'],
    ["it's twenty one forty, two one four zero, rosewood avenue", 'address', '2140 Rosewood Avenue'],
    ['my number is six zero eight, five five five, zero one four two', 'callback_number', '+16085550142'],
    ['five five five, twenty one, forty two', 'callback_number', '5552142'],
    ["one one one five, that's one, one, one, five dogwood court", 'address', '1115 Dogwood Court'],
    ['it is four, four, two, one elm street', 'address', '4421 Elm Street'],
  ] as const)('reads "%s" as one %s, %s', (text, type, value) => {
    expect(values(text, type)).toEqual([value]);
  });

  it('reads an age, a pause and a house number as two numbers', () => {
    const text = "my mother's sick, she's eighty seven, four oh nine grandview avenue";
    expect(values(text, 'patient_age')).toEqual(['87']);
    expect(values(text, 'address')).toEqual(['409 Grandview Avenue']);
  });

  it('reads one digit said twice as a count, not a number spelled out', () => {
    expect(values("there's two, two people hurt", 'people_count')).toEqual(['2']);
  });
});

describe('streets said without their type', () => {
  it.each([
    ['two two one seven elm, apartment four', '2217 Elm Street'],
    ['one oh one west main', '101 Main Street'],
    ['two oh two hillcrest, i think it is hillcrest drive', '202 Hillcrest Drive'],
    ["he's walking down maple right now", 'Maple Street'],
    ['at the kroger on harding', 'Harding Street'],
    ['on harper, between ninth and tenth', 'Harper Street'],
    ['uh seven, seven hundred, seven hundred one chestnut', '701 Chestnut Street'],
  ])('reads "%s" as %s', (text, address) => {
    expect(values(text, 'address')).toEqual([address]);
  });

  it('takes no street from counts, times, people or contractions after a number', () => {
    for (const text of ['we waited like twenty minutes', "he's a young guy, like twenty five, latino", "my mom's seventy nine, she'll be eighty next month", 'there were three hoodies on the floor', 'he is on fire', 'we are on foot']) {
      expect(values(text, 'address'), text).toEqual([]);
    }
  });
});

describe('highways with the direction said around them', () => {
  it.each([
    ['we are on US one going south', 'US-1 SB'],
    ['eastbound I seventy', 'I-70 EB'],
    ['state route thirty three heading west', 'Route 33 WB'],
    ["it's on the southbound side of I seventy five, right by exit forty", 'I-75 SB'],
    ['he took off heading south on route nine', 'Route 9 SB'],
    ['the four oh five northbound, near the airport', 'I-405 NB'],
  ])('reads "%s" as %s', (text, address) => {
    expect(values(text, 'address')).toEqual([address]);
  });

  it('reads a marker said before the words "mile marker", and the first of two', () => {
    expect(values("i'm at the one seventy mile marker on I ten", 'mile_marker')).toEqual(['I-10 MM 170']);
    expect(values("it's between mile markers ninety and ninety one, I eighty five south", 'mile_marker')).toEqual(['I-85 MM 90']);
    expect(values('interstate eighty mile marker one twelve', 'mile_marker')).toEqual(['I-80 MM 112']);
  });
});

describe('a vital sign said alone, an event said with it', () => {
  it('reads "won\'t wake up" as consciousness only, a collapse or a still body as the nature', () => {
    expect(values("she won't wake up", 'nature')).toEqual([]);
    expect(values("she won't wake up", 'conscious')).toEqual(['no']);
    expect(values("there's a man lying on the sidewalk, not moving", 'nature')).toEqual(['medical:unconscious']);
    expect(values('he just collapsed, he is on the floor', 'nature')).toEqual(['medical:unconscious']);
  });
});

describe('places by brand, by whose home, and plain public places', () => {
  it.each([
    ['we are by the dairy queen on route fifty two', 'dairy queen'],
    ["he's at his mom's house", "his mom's house"],
    ["my neighbor's house, across the street from me", "my neighbor's house"],
    ['in the alley behind the taco place', 'taco place'],
    ['there are gunshots over by the apartments', 'apartments'],
  ])('reads "%s" with the place %s', (text, place) => {
    expect(values(text, 'landmark')).toContain(place);
  });

  it('takes no place from "the same place"', () => {
    expect(values('it happened in the same place as last time', 'landmark')).toEqual([]);
  });
});

describe('suspect parts as said', () => {
  it.each([
    ['a guy with a tattoo on his neck, white tank top', 'male, tattoo on neck, white tank top'],
    ['asian guy, glasses, blue button up shirt', 'asian male, glasses, blue button up shirt'],
    ["he's wearing a gray sweatshirt and like basketball shorts", 'gray sweatshirt, basketball shorts'],
    ['uh he is black, white t shirt', 'black, white t shirt'],
    // "the kid" is someone already spoken of: who, not what he looks like.
    ['the kid had on a green army jacket', 'green army jacket'],
  ])('reads "%s" as %s', (text, suspect) => {
    expect(values(text, 'suspect')).toEqual([suspect]);
  });
});

describe('vehicles said again in other words, plates spelled out', () => {
  it.each([
    ['black suv, i think a tahoe', ['black suv, tahoe']],
    ['gray minivan, a dodge, like a caravan', ['gray minivan, dodge, caravan']],
    ['a silver civic on its roof and a red pickup', ['silver civic', 'red pickup']],
    ["plate's texas, uh, h as in henry, r, k, five five nine two", ['plate HRK5592']],
    ['the plate is, uh, lima, x-ray, tango, four two two', ['plate LXT422']],
    ['an old brown station wagon', ['old brown station wagon']],
  ])('reads "%s" as %j', (text, vehicles) => {
    expect(values(text, 'vehicle')).toEqual(vehicles);
  });
});

describe('ages, bleeding and cross streets as a second writer says them', () => {
  it.each([
    ["she's like, maybe late forties?", '40s'],
    ["he's an older man, like seventies", '70s'],
    ["my mom's seventy nine", '79'],
    ["he's a teenager, sixteen", '16'],
  ])('reads the age in "%s" as %s', (text, age) => {
    expect(values(text, 'patient_age')).toEqual([age]);
  });

  it('hears bleeding that will not stop or soaks through as severe, and "no one is bleeding" as none', () => {
    expect(values("he's got a nosebleed that won't quit", 'bleeding')).toEqual(['severe']);
    expect(values("she's bleeding from her leg and it won't stop", 'bleeding')).toEqual(['severe']);
    expect(values("the towel's soaked through already", 'bleeding')).toEqual(['severe']);
    expect(values('no one is bleeding', 'bleeding')).toEqual(['no']);
  });

  it('reads a numbered street near the caller, and a corner of two bare common names', () => {
    expect(values("we're on pine near sixteenth", 'cross_street')).toEqual(['16th St']);
    expect(values('near the light at oak and main, by the bank', 'cross_street')).toEqual(['Oak St & Main St']);
  });
});

describe('names spelled out or given in parts', () => {
  it.each([
    ["my name's jamal, j a m a l, washington", 'Jamal Washington'],
    ['my name is nguyen, n g u y e n, hoa nguyen', 'Hoa Nguyen'],
    ["the last name's sanchez, s a n c h e z, first name rosa", 'Rosa Sanchez'],
    ['Kowalski, k o w a l s k i, first name Peter', 'Peter Kowalski'],
  ])('reads "%s" as %s', (text, name) => {
    expect(values(text, 'caller_name')).toEqual([name]);
  });
});

describe('hazards to whoever comes', () => {
  it('hears people flying by and solar panels, not the drug a patient took', () => {
    expect(values("the car's still in the middle lane, people are flying by", 'hazard')).toEqual(['traffic']);
    expect(values('the house has solar panels on the roof', 'hazard')).toEqual(['solar panels']);
    expect(values("he's od'ing, i think it's fentanyl", 'hazard')).toEqual([]);
  });
});
