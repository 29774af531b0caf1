import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../caller/scenario-file.js';
import type { ScenarioInput } from '../protocol/scenario.js';
import { buildChecklist } from './checklist.js';
import { scoreCall } from './scoring.js';
import { record as scriptedRecord, type Line } from './test-support.js';
import type { CallRecord, CallScore, EmotionMark, MetricResult, TimedEvent } from './types.js';

const record = (scenario: ScenarioInput, lines: Line[], events: TimedEvent[] = [], emotions: EmotionMark[] = []): CallRecord =>
  scriptedRecord(scenario, lines, [{ type: 'answer', atMs: 0 }, ...events], emotions);

function metricOf(score: CallScore, id: string): MetricResult {
  const found = score.metrics.find((m) => m.rubricItem === id);
  if (!found) throw new Error(`no metric ${id} in ${score.metrics.map((m) => m.rubricItem).join(', ')}`);
  return found;
}

const ended = (atMs: number, outcome = 'completed'): TimedEvent => ({ type: 'end', atMs, data: { outcome } });

/** Address first, read back, callback, name, breathing, CPR coached, door unlocked, caller calmed. */
const goodCardiacCall: Line[] = [
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
  [41000, 'caller', "Oh God, she fell! She fell off the chair! Honey! She's not answering me!", [['conscious', 'no']]],
  [44000, 'trainee', 'Is she breathing normally?'],
  [46000, 'caller', "No. No, it's not normal. She's gasping. Just every few seconds.", [['breathing', 'abnormal']]],
  [49000, 'trainee', "Okay Marcus, listen. I'm going to help you do CPR. Get her flat on her back on the floor."],
  [52000, 'caller', "Okay. She's on her back. She's on the floor."],
  [55000, 'trainee', 'Kneel beside her chest. Put the heel of one hand in the centre of her chest and your other hand on top.'],
  [61000, 'trainee', 'Push down hard and fast, at least two inches, and let the chest come all the way back up.'],
  [64000, 'caller', "Okay. I'm pushing. I'm pushing hard."],
  [67000, 'trainee', "Keep going at about 100 to 120 pushes a minute, don't stop until the paramedics take over."],
  [75000, 'trainee', 'Is the front door locked?'],
  [77000, 'caller', "The door's locked. And downstairs they have to buzz 4C."],
  [80000, 'trainee', 'Unlock the apartment door now, then come straight back to her.'],
  [86000, 'trainee', "You're doing great. Stay on the line with me and keep pushing."],
];
const goodEmotions: EmotionMark[] = [
  { emotion: 'panicked', atMs: 0 },
  { emotion: 'hysterical', atMs: 40000 },
  { emotion: 'panicked', atMs: 55000 },
  { emotion: 'anxious', atMs: 90000 },
];

/** Nature first, never reads the address back, a minute on hold, no instructions, caller never calmed. */
const poorCardiacCall: Line[] = [
  [0, 'caller', "My wife, she's got chest pain, real bad, she's grabbing her chest. Lincoln Avenue, please hurry!", [['nature', 'medical:cardiac']]],
  [3000, 'trainee', "911, what's going on?"],
  [8000, 'trainee', 'Is she breathing?'],
  [10000, 'caller', "Yes, she's breathing. Fast. She's breathing hard."],
  [13000, 'trainee', 'How old is she?'],
  [15000, 'caller', "It's my wife, Angela. She's 58."],
  [82000, 'caller', "Where did you go?! Please! Don't leave me!"],
  [85000, 'trainee', "What's the address?"],
  [87000, 'caller', '615 Lincoln Avenue. Apartment 4C, the fourth floor.', [['address', '615 Lincoln Avenue'], ['unit', 'Apt 4C']]],
  [90000, 'trainee', 'Okay, help is on the way.'],
];

describe('scoring', () => {
  const cardiac = loadScenarioFile('cardiac-arrest-cpr');

  it('scores a good scripted call against its scenario high, every rubric item passed with its evidence', async () => {
    const score = scoreCall(record(await cardiac, goodCardiacCall, [ended(300_000)], goodEmotions));
    expect(score.total).toBe(100);
    for (const m of score.metrics) {
      expect(m.passed, `${m.rubricItem}: ${JSON.stringify(m.evidence)}`).toBe(true);
      expect(m.evidence.length, m.rubricItem).toBeGreaterThan(0);
    }
    expect(score.metrics.map((m) => m.rubricItem)).toEqual([
      'location_verified', 'callback_number', 'nature', 'caller_name', 'breathing_assessed', 'cpr_instructions', 'compression_rate_coached', 'door_unlocked',
      'nena_time_to_location', 'nena_time_to_callback', 'nena_question_order', 'nena_hold_time', 'nena_control_regained',
    ]);
    expect(metricOf(score, 'location_verified')).toMatchObject({ score: 15, maxScore: 15 });
    expect(metricOf(score, 'location_verified').evidence).toEqual([
      { segmentId: 's3', text: '615 Lincoln Avenue. Apartment 4C, the fourth floor.', atMs: 6000, detail: 'location: the caller said "615"' },
      { segmentId: 's4', text: '615 Lincoln Avenue, apartment 4C, is that correct?', atMs: 9000, detail: 'read back 615 Lincoln Avenue; truth 615 Lincoln Avenue, Apartment 4C' },
    ]);
    expect(metricOf(score, 'callback_number').evidence).toContainEqual(expect.objectContaining({ segmentId: 's7', detail: 'captured +14195550112; truth (419) 555-0112' }));
    expect(metricOf(score, 'breathing_assessed').evidence.map((e) => e.segmentId)).toEqual(['s14', 's16']);
    // The door's buzzer code is the flat's number: the address line is not where the door came out.
    expect(metricOf(score, 'door_unlocked').evidence).toEqual([expect.objectContaining({ segmentId: 's24' })]);
    expect(metricOf(score, 'cpr_instructions').evidence.map((e) => e.segmentId)).toEqual(['s17', 's19', 's20']);
    expect(metricOf(score, 'compression_rate_coached').evidence.map((e) => e.segmentId)).toEqual(['s22']);
    expect(metricOf(score, 'nena_time_to_location').evidence).toEqual([expect.objectContaining({ segmentId: 's4', detail: '9 s after answering' })]);
    expect(metricOf(score, 'nena_control_regained').evidence.map((e) => e.detail)).toEqual(['caller panicked', 'caller anxious: control regained']);
  });

  it('scores a poor call low, pointing at what went wrong', async () => {
    const events: TimedEvent[] = [{ type: 'hold', atMs: 20_000 }, { type: 'unhold', atMs: 80_000, data: { heldMs: 60_000 } }, ended(120_000)];
    const emotions: EmotionMark[] = [{ emotion: 'panicked', atMs: 0 }, { emotion: 'hysterical', atMs: 40000 }];
    const score = scoreCall(record(await cardiac, poorCardiacCall, events, emotions));
    expect(score.total).toBeLessThan(30);

    const location = metricOf(score, 'location_verified');
    expect(location).toMatchObject({ passed: false, score: 3.75, maxScore: 15 });
    expect(location.evidence).toEqual([
      expect.objectContaining({ segmentId: 's9', detail: 'location: the caller said "615"' }),
      { detail: 'location: never read back correctly; truth 615 Lincoln Avenue, Apartment 4C' },
    ]);
    expect(metricOf(score, 'callback_number')).toMatchObject({ passed: false, score: 0 });
    expect(metricOf(score, 'cpr_instructions')).toMatchObject({ passed: false, score: 0 });
    expect(metricOf(score, 'cpr_instructions').evidence.map((e) => e.detail)).toEqual([
      expect.stringMatching(/^not given: instruction 2: Get her flat/),
      expect.stringMatching(/^not given: instruction 3: Kneel/),
      expect.stringMatching(/^not given: instruction 4: Push down/),
    ]);
    // Asked about breathing before the collapse: the rubric's "breathing" fact is the one after it.
    expect(metricOf(score, 'breathing_assessed')).toMatchObject({ passed: false, score: 0 });

    expect(metricOf(score, 'nena_time_to_location')).toMatchObject({ passed: false, score: 0 });
    expect(metricOf(score, 'nena_question_order')).toMatchObject({ passed: false, score: 2.5 });
    expect(metricOf(score, 'nena_question_order').evidence).toEqual([expect.objectContaining({ segmentId: 's8', detail: 'location asked after: ask_breathing, ask_age' })]);
    const hold = metricOf(score, 'nena_hold_time');
    expect(hold).toMatchObject({ passed: false, maxScore: 5 });
    expect(hold.score).toBeCloseTo(3.33, 2);
    expect(hold.evidence).toEqual([{ atMs: 20_000, detail: 'on hold 60 s' }, { detail: 'total hold 60 s in 1 hold(s)' }]);
    expect(metricOf(score, 'nena_control_regained')).toMatchObject({ passed: false, score: 0 });
  });

  it('credits repetitive persistence and keeping the caller on the line from what the trainee said', async () => {
    const elderly = await loadScenarioFile('elderly-confused-caller');
    const lines: Line[] = [
      [1000, 'trainee', 'Where are you right now?'],
      [3000, 'caller', "Two twelve Mill Street. We've been there forty years."],
      [6000, 'trainee', 'Frank, is that where you are right now?'],
    ];
    const calm = metricOf(scoreCall(record(elderly, lines, [ended(60_000)])), 'repetitive_persistence');
    expect(calm).toMatchObject({ passed: true, score: 15 });
    expect(calm.evidence).toEqual([expect.objectContaining({ segmentId: 's1', detail: 'first asked' }), expect.objectContaining({ segmentId: 's3', detail: 'repeated (the caller was never panicked)' })]);
    const calmedFirst = scoreCall(record(elderly, lines, [ended(60_000)], [{ emotion: 'panicked', atMs: 0 }, { emotion: 'anxious', atMs: 2000 }]));
    expect(metricOf(calmedFirst, 'repetitive_persistence')).toMatchObject({ passed: false, score: 7.5 });
    expect(metricOf(scoreCall(record(elderly, lines.slice(0, 2), [ended(60_000)])), 'repetitive_persistence')).toMatchObject({ passed: false, score: 0 });

    const burglary = await loadScenarioFile('burglary-in-progress');
    const stay = scoreCall(record(burglary, [[2000, 'trainee', 'Stay on the line with me until the officers say they are at the bathroom door.']], [ended(60_000)]));
    expect(metricOf(stay, 'stay_on_line')).toMatchObject({ passed: true, score: 5, evidence: [expect.objectContaining({ segmentId: 's1' })] });
    expect(metricOf(stay, 'caller_safety_instructions')).toMatchObject({ passed: false, score: 5 });
  });

  it('gives no pass for an item it cannot check, and says so', async () => {
    const child = await loadScenarioFile('child-caller-grandparent-collapsed');
    const score = scoreCall(record(child, [[1000, 'trainee', 'Hi sweetie, you are doing great.']], [ended(60_000)]));
    expect(metricOf(score, 'age_appropriate_language')).toEqual({
      rubricItem: 'age_appropriate_language',
      label: 'Used simple words and calm reassurance suited to a 7-year-old',
      passed: false,
      score: 0,
      maxScore: 15,
      evidence: [{ detail: 'no automatic check for this item' }],
    });
  });

  it('does not penalise a no-emergency call for instructions it should not give', async () => {
    const dial = await loadScenarioFile('accidental-dial-pocket');
    const withInstructionItem = { ...dial, rubric: [...dial.rubric, { id: 'pre_arrival_instructions', label: 'Pre-arrival instructions given', weight: 10 }] };
    const lines: Line[] = [
      [0, 'caller', "Hello? Oh, sorry, sorry, I think my phone's dialled you by itself. It was a mistake."],
      [3000, 'trainee', '911, what is the address of your emergency?'],
      [5000, 'caller', "I'm at Riverside Park. The soccer fields, 300 River Road. Field two.", [['address', '300 River Road']]],
      [8000, 'trainee', '300 River Road, is that correct?', [['address', '300 River Road']]],
      [10000, 'caller', "Yes, that's it."],
      [12000, 'trainee', "What's the number you're calling from?"],
      [14000, 'caller', 'Yeah, 419-555-0199.', [['callback_number', '+14195550199']]],
      [17000, 'trainee', '419 555 0199. And what is your name?', [['callback_number', '+14195550199']]],
      [19000, 'caller', 'Alastair. Alastair Reid.', [['caller_name', 'Alastair Reid']]],
      [22000, 'trainee', 'Did you mean to call 911?'],
      [24000, 'caller', 'It was an accident. The phone was in my jacket pocket.'],
      [27000, 'trainee', 'Are you safe, do you need police, fire or an ambulance? Is anyone with you?'],
      [30000, 'caller', "No, I'm fine. Nobody's hurt. We don't need police or an ambulance or anything."],
      [33000, 'caller', "I'm watching my daughter's practice with the other parents. Everyone's fine."],
      [36000, 'trainee', 'Okay, thank you, I will close this as an accidental dial. Have a good day.'],
    ];
    const score = scoreCall(record(withInstructionItem, lines, [ended(40_000)], [{ emotion: 'calm', atMs: 0 }]));
    expect(metricOf(score, 'pre_arrival_instructions')).toMatchObject({ passed: true, score: 0, maxScore: 0 });
    expect(metricOf(score, 'pre_arrival_instructions').evidence).toContainEqual({ detail: 'no emergency: no instructions expected' });
    expect(metricOf(score, 'call_disposition')).toMatchObject({ passed: true, score: 10 });
    expect(score.metrics.find((m) => m.rubricItem === 'nena_control_regained')).toBeUndefined();
    expect(score.metrics.filter((m) => !m.passed)).toEqual([]);
    expect(score.total).toBe(100);
  });

  it('scores a transfer by its agency and its briefing', async () => {
    const crash = await loadScenarioFile('highway-crash-multi-vehicle');
    const lines: Line[] = [
      [1000, 'trainee', "911, what's the location of your emergency?"],
      [4000, 'caller', 'Interstate 74. Eastbound, heading toward Riverton.'],
      [61_000, 'agency', 'Riverton Police dispatch, go ahead.'],
      [63_000, 'trainee', 'I have a three vehicle crash with a trapped driver on Interstate 74 eastbound at mile marker 112.', [['mile_marker', 'MM 112']]],
      [68_000, 'trainee', 'Callback for the caller is 419 555 0156.', [['callback_number', '+14195550156']]],
    ];
    const transfer = (agency: string): TimedEvent[] => [
      { type: 'transfer', atMs: 60_000, data: { agency, mode: 'warm', stage: 'conferenced' } },
      { type: 'transfer', atMs: 70_000, data: { agency, mode: 'warm', stage: 'completed' } },
      ended(70_000, 'transferred'),
    ];
    const police = scoreCall(record(crash, lines, transfer('police')));
    expect(metricOf(police, 'nena_transfer')).toMatchObject({ passed: true, score: 10, maxScore: 10 });
    expect(metricOf(police, 'nena_transfer').evidence.map((e) => e.segmentId ?? e.detail)).toEqual([
      'warm transfer to police; a traffic call goes to police', 's4', 's4', 's5', 'briefing done',
    ]);
    expect(metricOf(police, 'warm_transfer_briefing')).toMatchObject({ passed: true, score: 15 });
    expect(metricOf(scoreCall(record(crash, lines, transfer('fire'))), 'nena_transfer')).toMatchObject({ passed: false, score: 5 });
    expect(scoreCall(record(crash, lines)).metrics.find((m) => m.rubricItem === 'nena_transfer')).toBeUndefined();
  });

  it('agrees with the live checklist on the caller\'s name (regression: "done" live, "asked, not heard" in the score)', async () => {
    const scenario = await cardiac;
    const asked: Line[] = [[25000, 'trainee', 'What is your name, sir?'], [27000, 'caller', 'Please just hurry!']];
    const askedItem = buildChecklist(record(scenario, asked)).find((i) => i.id === 'caller_identity');
    const askedMetric = metricOf(scoreCall(record(scenario, asked, [ended(40_000)])), 'caller_name');
    expect(askedItem?.status).toBe('partial');
    expect(askedMetric).toMatchObject({ passed: false, score: askedMetric.maxScore / 2 });

    const heard: Line[] = [...asked, [30000, 'caller', 'Marcus. Marcus Bell.']];
    const heardItem = buildChecklist(record(scenario, heard)).find((i) => i.id === 'caller_identity');
    expect(heardItem).toMatchObject({ status: 'done', atMs: 30000 });
    expect(metricOf(scoreCall(record(scenario, heard, [ended(40_000)])), 'caller_name')).toMatchObject({ passed: true });
  });
});
