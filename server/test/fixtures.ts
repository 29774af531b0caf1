import { randomUUID } from 'node:crypto';
import type { ScenarioInput } from '../src/protocol/scenario.js';

/** A small valid scenario with a unique id. */
export function scenarioFixture(overrides: Partial<ScenarioInput> = {}): ScenarioInput {
  return {
    id: `test-${randomUUID().slice(0, 8)}`,
    title: 'Kitchen fire, caller outside',
    nature: 'fire',
    difficulty: 2,
    summary: 'A grease fire spread to the kitchen cabinets; the caller got out.',
    brief: 'A 911 call from a home landline.',
    ani: '(312) 555-0100',
    ali: { address: '1420 Maple Avenue', city: 'Riverton', class: 'landline' },
    groundTruth: {
      location: { address: '1420 Maple Avenue', city: 'Riverton', landmarks: [] },
      callbackNumber: '(312) 555-0100',
      callerName: 'Dana Reyes',
      nature: 'structure fire, kitchen',
      patients: [],
      hazards: ['gas stove'],
      weapons: [],
      suspects: [],
      vehicles: [],
    },
    persona: { name: 'Dana Reyes', age: 41, voice: 'slt', languageLevel: 'fluent', controlDifficulty: 0.3, initialEmotion: 'anxious' },
    script: { openingLine: 'My kitchen is on fire!', revealRules: [], timeline: [], preArrivalInstructions: [] },
    rubric: [{ id: 'location_verified', label: 'Location read back', weight: 100 }],
    ...overrides,
  };
}
