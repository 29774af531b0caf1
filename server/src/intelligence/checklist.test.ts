import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../caller/scenario-file.js';
import { buildChecklist, compareAddress, compareCallback } from './checklist.js';
import { record, type Line } from './test-support.js';
import type { ChecklistItem, TimedEvent } from './types.js';

const byId = (items: ChecklistItem[]) => Object.fromEntries(items.map((i) => [i.id, i]));

const cardiacCall: Line[] = [
  [0, 'caller', "My wife, she's got chest pain, real bad, she's grabbing her chest. Lincoln Avenue, please hurry!", [['nature', 'medical:cardiac']]],
  [4000, 'trainee', '911, what is the address of your emergency?'],
  [6000, 'caller', '615 Lincoln Avenue. Apartment 4C, the fourth floor.', [['address', '615 Lincoln Avenue'], ['unit', 'Apt 4C']]],
  [9000, 'trainee', '615 Lincoln Avenue, apartment 4C, is that correct?', [['address', '615 Lincoln Avenue'], ['unit', 'Apt 4C']]],
  [12000, 'caller', "Yes. Yes, that's right."],
  [14000, 'trainee', "What's the phone number you're calling from?"],
  [16000, 'caller', "419-555-0112. It's the home phone.", [['callback_number', '+14195550112']]],
  [19000, 'trainee', '419 555 0112. Okay, tell me exactly what happened.', [['callback_number', '+14195550112']]],
  [22000, 'caller', "She has chest pain, she's grabbing her chest!", [['nature', 'medical:cardiac']]],
  [25000, 'trainee', 'What is your name, sir?'],
  [27000, 'caller', 'Marcus. Marcus Bell.', [['caller_name', 'Marcus Bell']]],
  [30000, 'trainee', 'Okay Marcus, help is on the way. Is she awake?'],
  [32000, 'caller', "Yes, she's awake. She's holding her chest, she's sweating."],
  [49000, 'trainee', "Okay Marcus, listen. I'm going to help you do CPR. Get her flat on her back on the floor."],
  [55000, 'trainee', 'Kneel beside her chest. Put the heel of one hand in the centre of her chest and your other hand on top.'],
  [61000, 'trainee', 'Push down hard and fast, at least two inches, and let the chest come all the way back up.'],
  [67000, 'trainee', "Keep going at about 100 to 120 pushes a minute, don't stop until the paramedics take over."],
  [80000, 'trainee', 'Unlock the apartment door now, then come straight back to her.'],
];

describe('the live NENA checklist', () => {
  const cardiac = loadScenarioFile('cardiac-arrest-cpr');

  it('ticks its items in order as the lines arrive, and never takes a tick back', async () => {
    const scenario = await cardiac;
    const rank = { open: 0, partial: 1, done: 2 } as const;
    const doneOrder: string[] = [];
    let previous: Record<string, ChecklistItem> = {};
    for (let n = 0; n <= cardiacCall.length; n++) {
      const items = byId(buildChecklist(record(scenario, cardiacCall.slice(0, n))));
      for (const [id, item] of Object.entries(items)) {
        const before = previous[id];
        if (before) expect(rank[item.status], `${id} after line ${n}`).toBeGreaterThanOrEqual(rank[before.status]);
        if (item.status === 'done' && before?.status !== 'done') doneOrder.push(id);
      }
      previous = items;
    }
    expect(doneOrder).toEqual(['location', 'callback_number', 'nature', 'caller_identity', 'injuries', 'pre_arrival_instructions']);
  });

  it('marks the location partial when asked, first, and done at the read-back that matches', async () => {
    const scenario = await cardiac;
    const asked = byId(buildChecklist(record(scenario, cardiacCall.slice(0, 2)))).location;
    expect(asked).toMatchObject({ status: 'partial', atMs: 4000, evidence: [{ segmentId: 's2', detail: 'location asked first' }] });
    const verified = byId(buildChecklist(record(scenario, cardiacCall.slice(0, 4)))).location;
    expect(verified?.status).toBe('done');
    expect(verified?.atMs).toBe(9000);
    expect(verified?.evidence).toContainEqual(expect.objectContaining({ segmentId: 's4', detail: 'read back 615 Lincoln Avenue, with the unit' }));
  });

  it('lists the questions asked before the location', async () => {
    const lines: Line[] = [
      [2000, 'trainee', '911, what is your emergency?'],
      [5000, 'trainee', 'Is she breathing?'],
      [8000, 'trainee', 'Where are you?'],
    ];
    expect(byId(buildChecklist(record(await cardiac, lines))).location?.evidence).toEqual([expect.objectContaining({ segmentId: 's3', detail: 'location asked after: ask_breathing' })]);
  });

  it('does not tick the location on a wrong read-back, with or without an address entity', async () => {
    const fire = await loadScenarioFile('house-fire-trapped-person');
    const lines: Line[] = [
      [1000, 'trainee', "911, what's the address of the emergency?"],
      [3000, 'caller', 'Fourteen sixteen Maple Avenue! Fourteen sixteen!', [['address', '1416 Maple Avenue']]],
      [6000, 'trainee', '1416 Maple Avenue, is that correct?', [['address', '1416 Maple Avenue']]],
      [9000, 'trainee', 'is that fourteen sixteen maple avenue'],
    ];
    const wrong = byId(buildChecklist(record(fire, lines))).location;
    expect(wrong?.status).toBe('partial');
    expect(wrong?.evidence).toContainEqual(expect.objectContaining({ segmentId: 's3', detail: 'read back 1416 Maple Avenue: not verified' }));
    expect(wrong?.evidence).toContainEqual(expect.objectContaining({ segmentId: 's4', detail: 'read back is that fourteen sixteen maple avenue: not verified' }));
    // The live checklist never shows the truth.
    expect(JSON.stringify(wrong)).not.toContain('1420');

    const corrected = byId(buildChecklist(record(fire, [...lines, [11000, 'caller', "No, wait. 1420! It's 1420 Maple Avenue!"], [14000, 'trainee', 'okay fourteen twenty maple avenue']]))).location;
    expect(corrected).toMatchObject({ status: 'done', atMs: 14000 });
  });

  it('takes a callback number the caller gave and refuses a wrong read-back of it', async () => {
    const scenario = await cardiac;
    const given: Line[] = [
      [1000, 'trainee', "What's the number you're calling from?"],
      [3000, 'caller', '419-555-0112.', [['callback_number', '+14195550112']]],
    ];
    expect(byId(buildChecklist(record(scenario, given))).callback_number).toMatchObject({ status: 'done', atMs: 3000 });
    const misread = byId(buildChecklist(record(scenario, [...given, [6000, 'trainee', 'is that 419 555 0113']]))).callback_number;
    expect(misread?.status).toBe('partial');
    expect(misread?.evidence).toContainEqual(expect.objectContaining({ segmentId: 's3', detail: 'read back is that 419 555 0113: not verified' }));
  });

  it('counts a stated fact as done only once the trainee acknowledges it', async () => {
    const scenario = await cardiac;
    const stated: Line[] = [[0, 'caller', "She's bleeding from her head!", [['bleeding', 'yes'], ['injury', 'head']]]];
    expect(byId(buildChecklist(record(scenario, stated))).injuries).toMatchObject({ status: 'partial', atMs: 0 });
    const echoed = byId(buildChecklist(record(scenario, [...stated, [3000, 'trainee', 'Okay, her head. Help is coming.']]))).injuries;
    expect(echoed).toMatchObject({ status: 'done', atMs: 3000 });
    expect(echoed?.evidence).toContainEqual(expect.objectContaining({ segmentId: 's2', detail: 'acknowledged: injury head' }));
  });

  it('lists pre-arrival instructions only when the scenario has them', async () => {
    const dial = await loadScenarioFile('accidental-dial-pocket');
    expect(buildChecklist(record(dial, [])).map((i) => i.id)).toEqual(['location', 'callback_number', 'nature', 'caller_identity', 'weapons', 'injuries', 'hazards']);
    const partly = byId(buildChecklist(record(await cardiac, cardiacCall.slice(0, 15)))).pre_arrival_instructions;
    expect(partly?.status).toBe('partial');
    expect(partly?.evidence.map((e) => e.detail)).toEqual([expect.stringMatching(/^instruction 2\/5: Get her flat/), expect.stringMatching(/^instruction 3\/5: Kneel/)]);
  });

  it('shows the transfer briefing only once a warm transfer starts, done when location, callback and nature are relayed', async () => {
    const crash = await loadScenarioFile('highway-crash-multi-vehicle');
    const before: Line[] = [
      [1000, 'trainee', "911, what's the location of your emergency?"],
      [4000, 'caller', 'Interstate 74. Eastbound, heading toward Riverton.'],
    ];
    const warm: TimedEvent = { type: 'transfer', atMs: 60_000, data: { agency: 'police', mode: 'warm', stage: 'conferenced' } };
    expect(byId(buildChecklist(record(crash, before))).transfer_briefing).toBeUndefined();
    expect(byId(buildChecklist(record(crash, before, [{ ...warm, data: { agency: 'police', mode: 'cold', stage: 'completed' } }]))).transfer_briefing).toBeUndefined();

    const opened = byId(buildChecklist(record(crash, before, [warm]))).transfer_briefing;
    expect(opened).toMatchObject({ status: 'open', atMs: null, evidence: [{ atMs: 60_000, detail: 'warm transfer to police' }] });

    const relay: Line[] = [
      [61_000, 'agency', 'Riverton Police dispatch, go ahead.'],
      [63_000, 'trainee', 'I have a three vehicle crash with a trapped driver on Interstate 74 eastbound at mile marker 112.', [['mile_marker', 'MM 112'], ['nature', 'traffic']]],
    ];
    expect(byId(buildChecklist(record(crash, [...before, ...relay], [warm]))).transfer_briefing).toMatchObject({ status: 'partial', atMs: 63_000 });
    const done = byId(buildChecklist(record(crash, [...before, ...relay, [68_000, 'trainee', 'Callback for the caller is 419 555 0156.', [['callback_number', '+14195550156']]]], [warm]))).transfer_briefing;
    expect(done).toMatchObject({ status: 'done', atMs: 68_000 });
    expect(done?.evidence.map((e) => e.detail)).toEqual(['warm transfer to police', 'relayed location', 'relayed nature', 'relayed callback']);
  });
});

describe('comparing with the ground truth', () => {
  const truth = { address: '1420 Maple Avenue', city: 'Riverton', landmarks: [] };

  it('compares an address by its number and street name, loosely', () => {
    expect(compareAddress('1420 maple ave', truth)).toBe('agrees');
    expect(compareAddress('fourteen twenty maple avenue', truth)).toBe('agrees');
    expect(compareAddress('is that 1420', truth)).toBe('agrees');
    expect(compareAddress('1416 Maple Avenue', truth)).toBe('disagrees');
    expect(compareAddress('1420 Cedar Street', truth)).toBe('disagrees');
    expect(compareAddress('is that correct', truth)).toBe('unclear');
    expect(compareAddress('I-74 eastbound, mile marker 112', { ...truth, address: 'Interstate 74 eastbound, mile marker 112' })).toBe('agrees');
    expect(compareAddress('mile marker 111', { ...truth, address: 'Interstate 74 eastbound, mile marker 112' })).toBe('disagrees');
  });

  // Regression: "412 second street" disagreed with a truth of "412 2nd Street" (and the other way
  // round), so a correct read-back of an ordinal street scored as a wrong address.
  it('takes a street named by an ordinal in words and in digits as the same street', () => {
    const second = { ...truth, address: '412 2nd Street' };
    expect(compareAddress('412 second street', second)).toBe('agrees');
    expect(compareAddress('four twelve second street', second)).toBe('agrees');
    expect(compareAddress('412 2nd street', { ...truth, address: '412 Second Street' })).toBe('agrees');
    expect(compareAddress('412 21st avenue', { ...truth, address: '412 Twenty-First Avenue' })).toBe('agrees');
    expect(compareAddress('412 third street', second)).toBe('disagrees');
  });

  it('compares a callback number on its last ten digits', () => {
    expect(compareCallback('+14195550112', '(419) 555-0112')).toBe('agrees');
    expect(compareCallback('four one nine five five five oh one one two', '(419) 555-0112')).toBe('agrees');
    expect(compareCallback('419 555 0113', '(419) 555-0112')).toBe('disagrees');
    expect(compareCallback('555 0112', '(419) 555-0112')).toBe('unclear');
  });
});
