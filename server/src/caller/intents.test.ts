import { describe, expect, it } from 'vitest';
import { understand } from './intents.js';

// ASR text: lowercase, no punctuation, numbers as digits.
const cases: [string, string][] = [
  ['911 what is the address of your emergency', 'ask_location'],
  ['911 whats your emergency', 'ask_nature'],
  ['what happened', 'ask_nature'],
  ['is that 1420 maple avenue', 'verify_location'],
  ['1420 maple avenue apartment 4c is that correct', 'verify_location'],
  ['mile marker 112 eastbound', 'verify_location'],
  ['whats the phone number youre calling from', 'ask_callback'],
  ['is 419-555-0147 a good number to call you back', 'verify_callback'],
  ['whats your name', 'ask_name'],
  ['whats the name of the street', 'ask_location'],
  ['is she breathing normally', 'ask_breathing'],
  ['check if shes breathing', 'ask_breathing'],
  ['look at papas tummy is it going up and down', 'ask_breathing'],
  ['is she awake', 'ask_conscious'],
  ['is anyone hurt', 'ask_injuries'],
  ['does he have a gun', 'ask_weapons'],
  ['are there any hazards', 'ask_hazards'],
  ['is anyone else in the house', 'ask_people_count'],
  ['what does he look like', 'ask_suspect'],
  ['what kind of car was it', 'ask_vehicle'],
  ['help is on the way', 'reassure'],
  ['take a deep breath for me', 'reassure'],
  ['get out of the house', 'command'],
  ['do not go back inside', 'command'],
  ['push hard and fast', 'command'],
  ['start compressions', 'command'],
  ['dont cut the cord', 'command'],
  ['can you put buster in the bedroom and close the door', 'command'],
  ['if she stops breathing start compressions', 'command'],
  ['1 2 3 4 5 6', 'cpr_count'],
  ['one and two and three and four', 'cpr_count'],
  ['push push push push', 'cpr_count'],
  ['please hold', 'hold_notice'],
  ['hold on one second', 'hold_notice'],
  ['sorry what', 'repeat'],
  ['can you say that again', 'repeat'],
  ['hello', 'greeting'],
  ['the weather is nice', 'other'],
];

describe('intent matcher', () => {
  it.each(cases)('reads "%s" as %s', (text, intent) => {
    expect(understand(text).primary).toBe(intent);
  });

  it('keeps every intent of a two-part question', () => {
    const u = understand('whats the address and the phone number youre calling from');
    expect(u.intents.map((m) => m.intent).sort()).toEqual(['ask_callback', 'ask_location']);
  });

  it('hears reassurance said alongside a question', () => {
    const u = understand('help is on the way is she breathing');
    expect(u.primary).toBe('ask_breathing');
    expect(u.intents.map((m) => m.intent)).toContain('reassure');
  });

  it('does not take counted numbers for a phone number', () => {
    expect(understand('1 2 3 4 5 6 7 8 9 10').intents.map((m) => m.intent)).toEqual(['cpr_count']);
  });
});
