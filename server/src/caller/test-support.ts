// Test support (imported by *.test.ts only): small scenarios whose every rule a test can see.
import { ScenarioInput } from '../protocol/scenario.js';
import { loadScenarioFile } from './scenario-file.js';

type Overrides = { persona?: Partial<ScenarioInput['persona']> };

/** A kitchen fire with one rule of each kind; controlDifficulty 0 so no reply is left to chance. */
export function kitchenFire(overrides: Overrides = {}): ScenarioInput {
  return ScenarioInput.parse({
    id: 'kitchen-fire-test',
    title: 'Kitchen fire',
    nature: 'fire',
    difficulty: 2,
    summary: 'A grease fire; the caller is outside; the dog is inside.',
    brief: 'A 911 call from a mobile phone.',
    ani: '(312) 555-0100',
    ali: { address: '1416 Maple Avenue', city: 'Riverton', class: 'wireless-phase2' },
    groundTruth: {
      location: { address: '1420 Maple Avenue', city: 'Riverton' },
      callbackNumber: '(312) 555-0100',
      callerName: 'Dana Reyes',
      nature: 'kitchen fire',
      hazards: ['gas stove left on'],
    },
    persona: { name: 'Dana Reyes', age: 41, voice: 'slt', controlDifficulty: 0, initialEmotion: 'panicked', ...overrides.persona },
    script: {
      openingLine: 'My kitchen is on fire!',
      revealRules: [
        { fact: 'location', answer: "It's 1420 Maple Avenue.", when: 'askedFor', wrongFirst: 'Fourteen sixteen Maple!', intents: ['ask_location', 'verify_location'] },
        { fact: 'callback', answer: '312-555-0100.', when: 'askedFor', intents: ['ask_callback', 'verify_callback'] },
        { fact: 'caller_name', answer: 'Dana Reyes.', when: 'askedFor', intents: ['ask_name'], values: ['Dana', 'Reyes'] },
        { fact: 'dog', answer: 'My dog is still inside!', when: 'volunteered', keywords: ['dog', 'pets'], values: ['dog'] },
        { fact: 'gas', answer: 'The gas stove is still on.', when: 'afterCalmed', keywords: ['gas', 'stove'], intents: ['ask_hazards'], values: ['stove'] },
        { fact: 'cause', answer: "I don't know how it started.", when: 'never', keywords: ['how did it start', 'cause', 'caused'], values: ['grease'] },
      ],
      timeline: [
        { atMs: 0, event: 'Smoke alarm', emotion: 'panicked' },
        { atMs: 30000, event: 'The window bursts', emotion: 'hysterical', say: 'The window just blew out!' },
      ],
      preArrivalInstructions: [{ text: 'Stay outside and keep away from the house.', ack: "Okay. I'm staying out.", resist: 'But my dog is in there!' }],
    },
    rubric: [{ id: 'location_verified', label: 'Location read back', weight: 100, facts: ['location'] }],
  });
}

/** A library scenario with persona changes (a test pins controlDifficulty to take chance out). */
export async function libraryScenario(id: string, overrides: Overrides = {}): Promise<ScenarioInput> {
  const scenario = await loadScenarioFile(id);
  return { ...scenario, persona: { ...scenario.persona, ...overrides.persona } };
}
