// Call intelligence: what extraction, the live checklist and scoring agree on. Everything
// here works on text and times, so it runs the same live, at the end of a call and in the CLI.

/** A final transcript line, as stored. Times are ms since the call's media started. */
export type Segment = {
  id: string;
  speaker: 'trainee' | 'caller' | 'instructor' | 'agency';
  text: string;
  startMs: number;
  endMs: number;
};

/**
 * The parties whose words are the call's facts. An instructor's coaching or barge and a
 * transfer's receiving agency are transcribed under their own names, but their words capture
 * nothing, tick no checklist item and score nothing.
 */
export const CALL_PARTIES: readonly Segment['speaker'][] = ['trainee', 'caller'];

export const ENTITY_TYPES = [
  'address', // "47 willow lane" -> "47 Willow Lane"; a street said without a number ("on lincoln avenue") -> "Lincoln Avenue"; a highway without a mile marker -> "I-74 EB", "Highway 12"
  'unit', // "apartment four b" -> "Apt 4B"; also "Unit 3B", "Ste 200", "Room 214", "Bldg C", "Lot 12", "Floor 2"
  'cross_street', // "near main and fifth" -> "Main St & 5th St" (in the order said; no suffix said -> "St"); one street -> "3rd St"
  'landmark', // "by the water tower" -> "water tower": the place, lowercase, without article or relation
  'mile_marker', // "mile marker one twelve" -> "MM 112" (with the highway when said: "I-80 MM 112")
  'callback_number', // E.164: "+15558675309"; seven digits said without an area code -> "5558675"
  'caller_name', // "Maria Lopez"; a title and surname -> "Mr. Chen"
  'nature', // "fire" | "medical:cardiac" | "crime:burglary" | "traffic" | "hazmat" ... (kinds: see extract/nature-phrases.ts; also "rescue:lost", and "accidental": a call made by accident, a pocket dial, a car's or a watch's crash alert, a child with the phone; an injury by accident is no kind of its own, its nature is what it causes, "medical:bleeding", "rescue:trapped", or none beside the injury). A collapse, a faint, someone lying still is "medical:unconscious"; "he won't wake up", "she's not responding" state a vital sign only (conscious "no", no nature), like "I can't hear him breathing". One nature where another explains the rest (a stabbing's bleeding, a robbery's theft)
  'conscious', // "yes" | "no"
  'breathing', // "yes" | "no" | "abnormal"
  'bleeding', // "yes" | "no" | "severe"
  'patient_age', // "67"; "60s" for "in his sixties", "3 months" for a baby; the age of anyone at the scene as said
  'injury', // "broken hip", "head": kind and body part (side dropped, singular), or the part alone; a shooting or stabbing is the nature, its injury only the part ("shot in the leg" -> "leg"; "got shot" alone -> none)
  'weapon', // "gun", "knife", "bat"; also "handgun", "rifle", "shotgun", "weapon" when unnamed
  'hazard', // "smoke", "downed power line", "ammonia"; also "fuel leak", "gas leak", "oxygen", "dog", "traffic", "placard 1005" ...
  'people_count', // "3"
  'suspect', // "white male, red hoodie": the parts said, in order, comma-separated (split where the caller pauses or says "and"; "tall skinny guy" -> "tall skinny male"); guy, man, boy, kid -> "male"; words as typed ("t shirt", "6 foot"), a mark with where it is, owner dropped ("tattoo on neck"); ages go to patient_age
  'vehicle', // "red ford pickup, plate ABC1234"; a plate alone -> "plate ABC1234" (state dropped); one vehicle said again in other words is one entity, its parts in order ("black suv, tahoe", "truck, white", "white van, no windows")
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export type Entity = {
  type: EntityType;
  /** The words as heard. */
  raw: string;
  /** The comparable value (see ENTITY_TYPES). */
  normalized: string;
  segmentId: string;
  speaker: Segment['speaker'];
  /** When it was said: the segment's start. */
  atMs: number;
};

/** A call event as scoring and the checklist see it. */
export type TimedEvent = { type: string; atMs: number; data?: Record<string, unknown> };

/** The caller's emotion from this time on. */
export type EmotionMark = { emotion: string; atMs: number };

export type Evidence = { segmentId?: string; text?: string; atMs?: number; detail?: string };

export const CHECKLIST_ITEMS = [
  'location', // asked first, then verified by read-back
  'callback_number',
  'nature',
  'caller_identity',
  'weapons',
  'injuries',
  'hazards',
  'pre_arrival_instructions', // only when the scenario has them
  'transfer_briefing', // only once a warm transfer starts
] as const;
export type ChecklistItemId = (typeof CHECKLIST_ITEMS)[number];

export type ChecklistItem = {
  id: ChecklistItemId;
  label: string;
  /** `partial`: e.g. the location was asked but not yet read back. */
  status: 'open' | 'partial' | 'done';
  atMs: number | null;
  evidence: Evidence[];
};

export type MetricResult = {
  rubricItem: string;
  label: string;
  passed: boolean;
  score: number;
  maxScore: number;
  evidence: Evidence[];
};

export type CallScore = {
  /** 0..100. */
  total: number;
  metrics: MetricResult[];
};

/** Everything known about a call so far: the live checklist and the final score both read it. */
export type CallRecord = {
  scenario: import('../protocol/scenario.js').ScenarioInput;
  /** Final segments of every party, in time order. */
  segments: Segment[];
  entities: Entity[];
  /** answer, hold, unhold, mute, unmute, transfer ({agency, mode, stage}), coach, barge, steer, end... */
  events: TimedEvent[];
  emotions: EmotionMark[];
  /** Now (live) or the end of the call. */
  atMs: number;
};
