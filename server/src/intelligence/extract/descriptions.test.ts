// Descriptions as callers give them, in pieces (issue 15, part 4): each part is what the caller
// said between commas and "and", modifiers kept with the person or thing they go with. Lines
// are our own, written for the kinds of description the extractor once split or missed.
import { describe, expect, it } from 'vitest';
import { entityValues as values } from '../../../test/entities.js';

describe('suspects described in pieces', () => {
  it.each([
    // Regression: "tall skinny guy" was three parts, "tall, skinny, male".
    ["he's uh, he's a tall skinny guy, like a gray zip up hoodie", 'tall skinny male, gray zip up hoodie'],
    ['a big heavy set white guy with a red beard', 'big heavy set white male, red beard'],
    ['young black kid, red shorts, no shirt', 'young black male, red shorts, no shirt'],
    ['short guy, brown hoodie and gray sweatpants', 'short male, brown hoodie, gray sweatpants'],
    // Regression: an answer with no "he" or "guy" in it was nobody's description.
    ['um, blue jeans, and like a white tank top', 'blue jeans, white tank top'],
    ['she was white, blonde, in scrubs', 'white, blonde, scrubs'],
    ['it was a woman', 'female'],
    ['it was a man. older man, white beard', 'older male, white beard'],
    ["he's like six two, skinny, wearing all black", '6 foot 2, skinny, all black'],
    ['he had on a red bandana over his face', 'red bandana over face'],
    ['a guy with a tattoo on his neck, white tank top', 'male, tattoo on neck, white tank top'],
  ])('reads "%s" as %s', (text, suspect) => {
    expect(values(text, 'suspect')).toEqual([suspect]);
  });

  // Regression: "five nine" was run together into 59 and taken for an age and a house number.
  it('takes a height said as two numbers for a height, not an age or an address', () => {
    const line = "he's about five nine, stocky, bald";
    expect(values(line, 'suspect')).toEqual(['5 foot 9, stocky, bald']);
    expect(values(line, 'patient_age')).toEqual([]);
    expect(values(line, 'address')).toEqual([]);
    expect(values("he's like sixty two", 'patient_age')).toEqual(['62']);
  });

  it.each([
    // Regression: how someone breathes or bleeds is not their build.
    "she's breathing really heavy and she can't talk",
    'a little boy is floating in the pond',
    "he's a sixty seven year old male",
    "he's an older man, like seventies",
    "she's shoplifting, she put stuff in her bag",
    "i didn't see his face, he had a hood up",
  ])('finds no suspect in "%s"', (text) => {
    expect(values(text, 'suspect')).toEqual([]);
  });

  it('leaves out a person already spoken of: "the guy" is who, not what he looks like', () => {
    expect(values('the guy had a ski mask and gloves', 'suspect')).toEqual(['ski mask, gloves']);
    expect(values('the man is black, he has a beard', 'suspect')).toEqual(['black, beard']);
  });
});

describe('vehicles described in pieces', () => {
  it.each([
    // Regression: a body type with its colour said after it ("a truck, a white one") was no vehicle.
    ["it's a truck, a white one", ['truck, white']],
    ['some kind of motorcycle, a black one', ['motorcycle, black']],
    // Regression: "an suv, white," ran the pieces together into "suv white".
    ['an suv, white, a ford explorer i think', ['suv, white, ford explorer']],
    ['a red truck, a dodge ram, with tinted windows', ['red truck, dodge ram, tinted windows']],
    ['it is a green minivan with a dent in the side', ['green minivan, dent in the side']],
    ['a gold toyota camry, older', ['gold toyota camry, older']],
    ['a red and white box truck with a ladder on top', ['red and white box truck, ladder on top']],
    ['it had a loud exhaust and tinted windows', ['loud exhaust, tinted windows']],
    // A body type named beside the full vehicle adds nothing to it.
    ["my car's at the trailhead, a blue subaru outback", ['blue subaru outback']],
  ])('reads "%s" as %j', (text, vehicles) => {
    expect(values(text, 'vehicle')).toEqual(vehicles);
  });

  it.each(['a car, a truck, everybody was going past', "he's older, he's eighty", 'she drove a car into the lake'])('finds no vehicle in "%s"', (text) => {
    expect(values(text, 'vehicle')).toEqual([]);
  });
});

describe('injuries said in ordinary words', () => {
  it.each([
    ["his leg's bent the wrong way", ['leg']],
    ['both his knees are all scraped up', ['knee']],
    ['his face is all busted up', ['face']],
    ['he fell off the ladder and landed on his shoulder', ['shoulder']],
    ["there's blood coming out of her ear", ['ear']],
    ['somebody threw a bottle and hit a lady in the head', ['head']],
    ["my son got stabbed, he's holding his side", ['side']],
    ["he's got glass in his foot", ['foot']],
    ['he smacked his head on the pavement', ['head']],
    ["he's complaining about his neck", ['neck']],
    ['my back is killing me', ['back']],
    ["she's got blood all over her face", ['face']],
    ["she's got road rash all down her arm", ['arm']],
    // Regression: the bare part was given beside the kind and part it repeats.
    ["his nose is broken, he's bleeding from his nose", ['broken nose']],
  ])('reads "%s" as %j', (text, injuries) => {
    expect(values(text, 'injury')).toEqual(injuries);
  });

  it.each([
    // Regression: "kicked in my back door" was an injury to the back.
    'somebody kicked in my back door and they are in the house',
    "he's holding his chest, he says it feels tight",
    // Chest pain is the nature (cardiac), not an injury.
    'he says there is pain in his chest',
    'we walked along the side of the road',
  ])('finds no injury in "%s"', (text) => {
    expect(values(text, 'injury')).toEqual([]);
  });
});
