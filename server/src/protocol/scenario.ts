import { z } from 'zod';

// A scenario is data that instructors write: this schema is the contract for it.

export const Nature = z.enum(['fire', 'medical', 'crime', 'traffic', 'hazmat', 'other']);
export type Nature = z.infer<typeof Nature>;

export const Emotion = z.enum(['calm', 'anxious', 'panicked', 'hysterical', 'crying', 'angry', 'in_shock']);
export type Emotion = z.infer<typeof Emotion>;

const text = (max = 500) => z.string().trim().min(1).max(max);

export const Location = z.object({
  address: text(200),
  unit: z.string().max(50).optional(),
  city: text(100),
  crossStreet: z.string().max(200).optional(),
  landmarks: z.array(text(200)).max(20).default([]),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
});
export type Location = z.infer<typeof Location>;

export const GroundTruth = z.object({
  location: Location,
  callbackNumber: text(30),
  callerName: text(100),
  nature: text(300),
  patients: z
    .array(z.object({ description: text(), conscious: z.boolean().optional(), breathing: z.boolean().optional(), injuries: z.array(text()).default([]) }))
    .max(20)
    .default([]),
  hazards: z.array(text()).max(20).default([]),
  weapons: z.array(text()).max(20).default([]),
  peopleInvolved: z.number().int().min(0).max(1000).optional(),
  suspects: z.array(text()).max(20).default([]),
  vehicles: z.array(text()).max(20).default([]),
});
export type GroundTruth = z.infer<typeof GroundTruth>;

export const Persona = z.object({
  name: text(100),
  age: z.number().int().min(3).max(110),
  voice: text(50),
  languageLevel: z.enum(['fluent', 'limited', 'child']).default('fluent'),
  /** 0 = does what they are told at once, 1 = talks over the call-taker and resists. */
  controlDifficulty: z.number().min(0).max(1),
  initialEmotion: Emotion,
});
export type Persona = z.infer<typeof Persona>;

export const RevealRule = z.object({
  fact: text(100),
  /** askedFor: only when the call-taker asks; volunteered: unprompted; never: the caller does not know. */
  when: z.enum(['volunteered', 'askedFor', 'never']),
  /** What the caller says first when the rule says they get it wrong. */
  wrongFirst: z.string().max(300).optional(),
});

export const TimelineEvent = z.object({
  atMs: z.number().int().min(0),
  event: text(300),
  emotion: Emotion.optional(),
});

export const Script = z.object({
  openingLine: text(500),
  revealRules: z.array(RevealRule).max(50).default([]),
  timeline: z.array(TimelineEvent).max(50).default([]),
  preArrivalInstructions: z.array(text()).max(20).default([]),
});

export type Script = z.infer<typeof Script>;

export const RubricItem = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/).max(50),
  label: text(200),
  weight: z.number().min(0).max(100),
});

export const AliData = z.object({
  address: text(200),
  city: text(100),
  /** wireless-phase1 is a tower sector, often far from the caller. */
  class: z.enum(['landline', 'wireless-phase1', 'wireless-phase2', 'voip']),
  uncertaintyM: z.number().min(0).max(100_000).optional(),
});

export const ScenarioInput = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,60}$/, 'lowercase letters, digits and dashes'),
  title: text(200),
  nature: Nature,
  difficulty: z.number().int().min(1).max(5),
  summary: text(2000),
  ani: text(30),
  ali: AliData,
  groundTruth: GroundTruth,
  persona: Persona,
  script: Script,
  rubric: z.array(RubricItem).min(1).max(50),
});
export type ScenarioInput = z.infer<typeof ScenarioInput>;

export const ScenarioUpdate = ScenarioInput.omit({ id: true }).partial();
export type ScenarioUpdate = z.infer<typeof ScenarioUpdate>;
