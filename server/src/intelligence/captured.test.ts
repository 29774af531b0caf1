import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../caller/scenario-file.js';
import { capturedFacts } from './captured.js';
import { record, type Line } from './test-support.js';
import { truthRows } from './truth.js';

// What the captured panel shows and the review compares with the truth: one rule, the latest value.

describe('captured facts', () => {
  const cardiac = loadScenarioFile('cardiac-arrest-cpr');

  it('keeps the latest value of a fact, with the values it corrected (regression: a corrected callback number stayed at the misheard one)', async () => {
    const lines: Line[] = [
      [1000, 'caller', '419 555 0113', [['callback_number', '+14195550113']]],
      [3000, 'trainee', 'That is 419 555 0113?', [['callback_number', '+14195550113']]],
      [5000, 'caller', 'No! 0112. 419 555 0112.', [['callback_number', '+14195550112']]],
    ];
    const facts = capturedFacts(record(await cardiac, lines).entities);
    expect(facts).toEqual([
      { type: 'callback_number', normalized: '+14195550112', atMs: 5000, segmentId: 's3', corrected: [{ normalized: '+14195550113', atMs: 1000, segmentId: 's1' }] },
    ]);
  });

  it('is not corrected by a value that says less, and lists every value of a fact that adds up', async () => {
    const lines: Line[] = [
      [1000, 'caller', '1420 Maple Avenue', [['address', '1420 Maple Avenue'], ['injury', 'head']]],
      [3000, 'caller', 'on Maple Avenue', [['address', 'Maple Avenue'], ['injury', 'broken hip']]],
      [5000, 'caller', 'her head', [['injury', 'head']]],
    ];
    const facts = capturedFacts(record(await cardiac, lines).entities);
    expect(facts.map((f) => [f.type, f.normalized, f.corrected.length])).toEqual([
      ['address', '1420 Maple Avenue', 0],
      ['injury', 'head', 0],
      ['injury', 'broken hip', 0],
    ]);
  });

  it('captures nothing an instructor or a receiving agency said', async () => {
    const lines: Line[] = [
      [1000, 'instructor', 'ask about the knife', [['weapon', 'knife']]],
      [2000, 'agency', 'Riverton Fire dispatch', [['nature', 'fire']]],
    ];
    expect(capturedFacts(record(await cardiac, lines).entities)).toEqual([]);
  });

  it('compares the latest nature with the truth (regression: a nature that changed was marked a match)', async () => {
    const scenario = await cardiac;
    const lines: Line[] = [
      [1000, 'trainee', 'chest pain, okay', [['nature', 'medical:cardiac']]],
      [5000, 'caller', 'the kitchen is on fire', [['nature', 'fire']]],
    ];
    const facts = capturedFacts(record(scenario, lines).entities);
    const nature = truthRows(scenario.groundTruth, facts, scenario.nature).find((r) => r.field === 'nature');
    expect(nature).toMatchObject({ captured: 'fire', match: 'no' });
  });
});
