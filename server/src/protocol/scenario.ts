import { z } from 'zod';
import { line, prose } from './text.js';
import { CastKey, CastMember, checkVariation, Sex, Variation } from './variation.js';

// A scenario is data that instructors write: this schema is the contract for it.

export const Nature = z.enum(['fire', 'medical', 'crime', 'traffic', 'hazmat', 'other']);
export type Nature = z.infer<typeof Nature>;

export const Emotion = z.enum(['calm', 'anxious', 'panicked', 'hysterical', 'crying', 'angry', 'in_shock']);
export type Emotion = z.infer<typeof Emotion>;

const text = (max = 500) => line().trim().min(1).max(max);
/** Descriptions an instructor may write over several lines. */
const paragraphs = (max: number) => prose().trim().min(1).max(max);

export const Location = z.object({
  address: text(300),
  // Raised from 50: real units read like "Hawthorne Hall, 2nd floor, closet by room 214".
  unit: line().max(200).optional(),
  city: text(100),
  crossStreet: line().max(300).optional(),
  landmarks: z.array(text(300)).max(20).default([]),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
});
export type Location = z.infer<typeof Location>;

export const GroundTruth = z.object({
  location: Location,
  callbackNumber: text(30),
  callerName: text(100),
  nature: text(500),
  patients: z
    .array(z.object({ description: text(), conscious: z.boolean().optional(), breathing: z.boolean().optional(), injuries: z.array(text()).default([]) }))
    .max(20)
    .default([]),
  hazards: z.array(text()).max(20).default([]),
  weapons: z.array(text()).max(20).default([]),
  peopleInvolved: z.number().int().min(0).max(1000).optional(),
  suspects: z.array(text()).max(20).default([]),
  vehicles: z.array(text()).max(20).default([]),
  /** Stroke calls: when the patient was last seen normal, as the caller would put it ("1:30 pm"). */
  lastKnownWell: text(200).optional(),
  /** Hazmat calls: the 4-digit UN/NA number on the orange panel. */
  placardNumber: z.string().regex(/^\d{4}$/, 'a 4-digit UN/NA number').optional(),
  /** True when the right outcome is no dispatch (accidental dial): scoring must not expect one. */
  noEmergency: z.boolean().optional(),
});
export type GroundTruth = z.infer<typeof GroundTruth>;

/**
 * How the caller talks, beyond emotion. The caller mind implements each one, so this is a
 * closed list rather than free text.
 */
export const CallerBehaviour = z.enum([
  'yes_no_only', // cannot speak freely: short yes/no answers (covert call)
  'repeats_self', // says the same sentence twice
  'talks_over', // starts on what worries them before (or instead of) answering
  'drifts_off_topic', // wanders into the story of what happened
  'answers_wrong_question', // answers something asked earlier instead
  'whispers', // hiding: short, quiet sentences
]);
export type CallerBehaviour = z.infer<typeof CallerBehaviour>;

export const Persona = z.object({
  name: text(100),
  /** For drawing a first name that fits the voice and the story; needed when names vary. */
  sex: Sex.optional(),
  age: z.number().int().min(3).max(110),
  voice: text(50),
  languageLevel: z.enum(['fluent', 'limited', 'child']).default('fluent'),
  /** 0 = does what they are told at once, 1 = talks over the call-taker and resists. */
  controlDifficulty: z.number().min(0).max(1),
  initialEmotion: Emotion,
  // Optional rather than defaulted: scenarios typed before these fields existed still type-check.
  behaviours: z.array(CallerBehaviour).max(6).optional(),
  /** What the caller keeps coming back to instead of answering, in their words. */
  worries: z.array(text(300)).max(10).optional(),
  /** How long (ms) the caller bears a silent line when upset before speaking up; read from the temperament when absent. */
  patienceMs: z.number().int().min(1000).max(60_000).optional(),
});
export type Persona = z.infer<typeof Persona>;

/**
 * What the call-taker's utterance is doing, recognised from speech-recognised text. Reveal
 * rules name the intents that ask for their fact, so the list is part of the contract.
 */
export const TraineeIntent = z.enum([
  'greeting',
  'ask_location',
  'verify_location', // read-back of an address
  'ask_callback',
  'verify_callback', // read-back of a phone number
  'ask_name',
  'ask_nature', // what happened / what is the emergency
  'ask_breathing',
  'ask_conscious',
  'ask_injuries',
  'ask_age', // how old the patient (or caller) is
  'ask_weapons',
  'ask_hazards',
  'ask_people_count',
  'ask_suspect',
  'ask_vehicle',
  'reassure',
  'command', // a pre-arrival or safety instruction
  'cpr_count', // counting compressions out loud
  'hold_notice',
  'repeat', // "sorry, say that again"
  'other',
]);
export type TraineeIntent = z.infer<typeof TraineeIntent>;

/** A machine-usable name for one thing the caller knows: "location", "callback", "weapon". */
export const FactKey = z.string().regex(/^[a-z][a-z0-9_]{0,59}$/, 'lowercase letters, digits and underscores');
export type FactKey = z.infer<typeof FactKey>;

export const RevealRuleObject = z.object({
  fact: FactKey,
  /** What the caller says when the fact comes out, in their words. For `never`: what they say instead. */
  answer: text(500),
  /**
   * volunteered: says it unprompted; askedFor: only when asked; afterCalmed: only when asked
   * and calm or anxious; never: the caller does not know (or will not say).
   */
  when: z.enum(['volunteered', 'askedFor', 'afterCalmed', 'never']),
  /** What the caller says the first time; the right answer comes when asked again or read back. */
  wrongFirst: line().max(500).optional(),
  /** The intents that ask for this fact. */
  intents: z.array(TraineeIntent).max(10).default([]),
  /** Words or phrases in the call-taker's question that ask for this fact ("stent", "medication"). */
  keywords: z.array(text(60)).max(30).default([]),
  /** Words that give this fact away (names, weapons, secrets); numbers in `answer` count already. */
  values: z.array(text(100)).max(20).default([]),
  /** The rule holds only from/until this call time: "is she breathing" has one answer before the collapse, another after. */
  fromMs: z.number().int().min(0).optional(),
  untilMs: z.number().int().min(0).optional(),
});
export type RevealRule = z.infer<typeof RevealRuleObject>;

/** The first library stated a fact as one sentence; such a rule still loads, answered by that sentence. */
function upgradeLegacyRule(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return raw;
  const rule = raw as Record<string, unknown>;
  if ('answer' in rule || typeof rule.fact !== 'string') return raw;
  const key = `fact_${rule.fact.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '')}`.slice(0, 60);
  return { ...rule, fact: key, answer: rule.fact };
}

export const RevealRule = z.preprocess(upgradeLegacyRule, RevealRuleObject);

export const TimelineEvent = z.object({
  atMs: z.number().int().min(0),
  /** What happens, for the instructor and the LLM. */
  event: paragraphs(500),
  emotion: Emotion.optional(),
  /** What the caller says when it happens; the scripted caller stays silent without it. */
  say: text(500).optional(),
  /** Facts that come out with `say`. */
  reveals: z.array(FactKey).max(10).optional(),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

export const PreArrivalInstructionObject = z.object({
  text: text(500),
  /** What the caller says doing it. */
  ack: text(300).optional(),
  /** What a hard-to-control caller says the first time instead of doing it. */
  resist: text(300).optional(),
  /** Words in the call-taker's command that mean this instruction; derived from `text` when empty. */
  keywords: z.array(text(60)).max(20).default([]),
});
export type PreArrivalInstruction = z.infer<typeof PreArrivalInstructionObject>;

/** A plain string is still an instruction (the first library wrote them so). */
export const PreArrivalInstruction = z.preprocess((v) => (typeof v === 'string' ? { text: v } : v), PreArrivalInstructionObject);

export const Script = z
  .object({
    openingLine: text(500),
    revealRules: z.array(RevealRule).max(80).default([]),
    timeline: z.array(TimelineEvent).max(50).default([]),
    preArrivalInstructions: z.array(PreArrivalInstruction).max(30).default([]),
  })
  .superRefine((script, ctx) => {
    const facts = new Set<string>();
    script.revealRules.forEach((rule, i) => {
      if (rule.fromMs !== undefined && rule.untilMs !== undefined && rule.untilMs <= rule.fromMs) {
        ctx.addIssue({ code: 'custom', path: ['revealRules', i, 'untilMs'], message: 'untilMs must be after fromMs' });
      }
      if (facts.has(rule.fact)) ctx.addIssue({ code: 'custom', path: ['revealRules', i, 'fact'], message: `fact "${rule.fact}" appears twice` });
      facts.add(rule.fact);
    });
    script.timeline.forEach((event, i) => {
      for (const fact of event.reveals ?? []) {
        if (!facts.has(fact)) ctx.addIssue({ code: 'custom', path: ['timeline', i, 'reveals'], message: `no reveal rule for fact "${fact}"` });
      }
    });
  });

export type Script = z.infer<typeof Script>;

export const RubricItem = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/).max(50),
  label: text(200),
  weight: z.number().min(0).max(100),
  /** The reveal-rule facts this item checks (scoring compares them with what the trainee captured). */
  facts: z.array(FactKey).max(20).optional(),
});

export const AliData = z.object({
  address: text(300),
  city: text(100),
  /** wireless-phase1 is a tower sector, often far from the caller. */
  class: z.enum(['landline', 'wireless-phase1', 'wireless-phase2', 'voip']),
  uncertaintyM: z.number().min(0).max(100_000).optional(),
});

const ScenarioId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,60}$/, 'lowercase letters, digits and dashes');
/** The scenario a REST path names (`/scenarios/:id`). */
export const ScenarioRef = z.object({ id: ScenarioId });

/** A scenario's fields, before the checks that span them (ScenarioInput). */
export const ScenarioFields = z.object({
  id: ScenarioId,
  title: text(200),
  nature: Nature,
  difficulty: z.number().int().min(1).max(5),
  /** What happens on the call, twists included: for staff, and for the trainee's review once the call is over. */
  summary: paragraphs(2000),
  /** What the trainee is told before the call: the setting, nothing the call should make them find out. */
  brief: paragraphs(300),
  ani: text(30),
  ali: AliData,
  groundTruth: GroundTruth,
  persona: Persona,
  script: Script,
  rubric: z.array(RubricItem).min(1).max(50),
  /** The story's other people by role ("wife"), so their names can be drawn: "{wife.first}" in the text. */
  cast: z.record(CastKey, CastMember).optional(),
  /** What each call draws anew from its seed (variation.ts); absent: every call runs the scenario as written. */
  variation: Variation.optional(),
});
export type ScenarioFields = z.infer<typeof ScenarioFields>;

/** A whole scenario: its placeholders are known and what varies is never written literally. */
export const ScenarioInput = ScenarioFields.superRefine(checkVariation);
export type ScenarioInput = z.infer<typeof ScenarioInput>;

export const ScenarioUpdate = ScenarioFields.omit({ id: true }).partial();
export type ScenarioUpdate = z.infer<typeof ScenarioUpdate>;
