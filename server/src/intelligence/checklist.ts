import { matchInstruction, prepareInstruction, type Instruction } from '../caller/instructions.js';
import { ordinal, ordinalValue } from '../../../media/asr/numbers.js';
import { digitRuns } from '../caller/text.js';
import type { Location, ScenarioInput, TraineeIntent } from '../protocol/scenario.js';
import { askedFact, factContext, factsAsked, heardFact, type FactContext } from './facts.js';
import { evidenceOf, roots, spoken, STOP, traineeTurns, understandLine, type TraineeTurn } from './lines.js';
import type { CallRecord, ChecklistItem, ChecklistItemId, Entity, EntityType, Evidence, Segment } from './types.js';

// The live NENA checklist. It is rebuilt from the whole record on every final line, so it is
// a pure function of the record, cheap, and never reads the clock. Its evidence never names the
// ground truth: in practice mode the trainee sees it while the call is live.

const LABELS: Record<ChecklistItemId, string> = {
  location: 'Location verified',
  callback_number: 'Callback number',
  nature: 'Nature of the emergency',
  caller_identity: "Caller's name",
  weapons: 'Weapons',
  injuries: 'Injuries, breathing, consciousness',
  hazards: 'Hazards',
  pre_arrival_instructions: 'Pre-arrival instructions',
  transfer_briefing: 'Transfer briefing',
};

const has = (turn: TraineeTurn, intents: readonly TraineeIntent[]) => intents.some((i) => turn.intents.has(i));
const entitiesOf = (record: CallRecord, segmentId: string, types: readonly EntityType[]) => record.entities.filter((e) => e.segmentId === segmentId && types.includes(e.type));

const LOCATION_ASKS: readonly TraineeIntent[] = ['ask_location', 'verify_location'];
const CALLBACK_ASKS: readonly TraineeIntent[] = ['ask_callback', 'verify_callback'];

/** The first time the trainee asked for the location, and the questions asked before it. */
export function locationOrder(turns: readonly TraineeTurn[]): { asked: TraineeTurn | null; before: TraineeIntent[] } {
  const before: TraineeIntent[] = [];
  for (const turn of turns) {
    if (has(turn, LOCATION_ASKS)) return { asked: turn, before };
    // "911, what's your emergency?" is a greeting, not a question asked before the location.
    const greeting = turn.intents.has('greeting');
    for (const i of turn.intents) if ((i.startsWith('ask_') || i === 'verify_callback') && !(greeting && i === 'ask_nature') && !before.includes(i)) before.push(i);
  }
  return { asked: null, before };
}

// ---- comparing what was said with the ground truth ----

export type Agreement = 'agrees' | 'disagrees' | 'unclear';

const STREET_TYPES = new Set('street st avenue ave road rd lane ln court ct drive dr boulevard blvd way place pl terrace circle parkway highway interstate route'.split(' '));
/** A street's words with ordinals as digits ("second" and "2nd" are one street): normalizeNumbers leaves a lone ordinal as a word. */
const asDigits = (word: string) => {
  const n = ordinalValue(word);
  return n === undefined ? word : ordinal(n);
};
const streetWords = (text: string) => spoken(text).split(' ').map(asDigits);
const placeWords = (text: string) => streetWords(text).filter((w) => w.length >= 3 && (!/\d/.test(w) || ordinalValue(w) !== undefined) && !STREET_TYPES.has(w) && !STOP.has(w));

/**
 * Whether a read-back names the true location, loosely: the house number and a word of the
 * street name ("615 lincoln ave" agrees with "615 Lincoln Avenue"; "1416 maple" does not agree
 * with "1420 Maple Avenue"). A highway location is its numbers (route, mile marker); a place
 * without numbers is its names. `unclear`: nothing in the words to compare.
 */
export function compareAddress(said: string, truth: Location): Agreement {
  const heard = spoken(said);
  const words = streetWords(said);
  const runs = digitRuns(heard);
  const house = /^\s*(\d+)\s+(.+)$/.exec(truth.address);
  if (house) {
    const streetWords = placeWords(house[2] ?? '');
    const streetHit = streetWords.some((w) => words.includes(w));
    const namesAStreet = words.some((w, i) => i > 0 && STREET_TYPES.has(w));
    if (!runs.includes(house[1] ?? '')) return runs.length > 0 && (streetHit || namesAStreet) ? 'disagrees' : 'unclear';
    if (streetHit || !namesAStreet) return 'agrees';
    return 'disagrees';
  }
  const truthRuns = digitRuns(truth.address);
  if (truthRuns.length > 0) {
    const numbers = runs.filter((r) => r.length >= 2);
    if (numbers.length === 0) return 'unclear';
    if (numbers.some((r) => !truthRuns.includes(r))) return 'disagrees';
    return 'agrees';
  }
  const names = placeWords(truth.address);
  const hits = names.filter((w) => words.includes(w)).length;
  return hits >= Math.min(2, names.length) && hits > 0 ? 'agrees' : 'unclear';
}

/** The unit's code ("4c", "114") when the truth has one worth reading back. */
function unitCode(truth: Location): string | null {
  const m = /^(?:apartment|apt|unit|suite|ste|#)\s*#?\s*([0-9]+[a-z]?|[a-z])\b/i.exec(truth.unit ?? '');
  return m?.[1]?.toLowerCase() ?? null;
}

function mentionsUnit(said: string, code: string): boolean {
  const heard = ` ${spoken(said)} `;
  return heard.includes(` ${code} `) || heard.includes(` ${code.replace(/^(\d+)([a-z])$/, '$1 $2')} `);
}

/** Whether the trainee read the unit back (a unit entity, or its code in a read-back); null when the truth has no unit code. */
export function unitReadBack(record: CallRecord, turns: readonly TraineeTurn[]): boolean | null {
  const code = unitCode(record.scenario.groundTruth.location);
  if (code === null) return null;
  return turns.some((t) => entitiesOf(record, t.segment.id, ['unit']).some((e) => mentionsUnit(e.normalized, code)) || (t.intents.has('verify_location') && mentionsUnit(t.segment.text, code)));
}

/** A callback number agrees when its last 10 digits are the truth's; 7 digits that fit are `unclear`. */
export function compareCallback(said: string, truth: string): Agreement {
  const want = truth.replace(/\D/g, '').slice(-10);
  const runs = digitRuns(spoken(said)).filter((r) => r.length >= 7);
  if (runs.length === 0) return 'unclear';
  if (runs.some((r) => r.slice(-10) === want)) return 'agrees';
  return runs.every((r) => r.length < 10 && want.endsWith(r)) ? 'unclear' : 'disagrees';
}

export interface Capture {
  segment: Segment;
  speaker: Segment['speaker'];
  said: string;
  result: Agreement;
}

/** The trainee's location read-backs, in order: address entities, else the words of a verify_location line. */
export function locationReadBacks(record: CallRecord, turns: readonly TraineeTurn[]): Capture[] {
  const truth = record.scenario.groundTruth.location;
  return turns.flatMap((turn) => {
    const found = entitiesOf(record, turn.segment.id, ['address', 'mile_marker']);
    const said = found.length > 0 ? found.map((e) => e.normalized).join(', ') : turn.intents.has('verify_location') ? turn.segment.text : null;
    if (said === null) return [];
    const result = compareAddress(said, truth);
    return result === 'unclear' ? [] : [{ segment: turn.segment, speaker: 'trainee' as const, said, result }];
  });
}

/** Every callback number heard, in order: entities of either party, else the digits in the words. */
export function callbackCaptures(record: CallRecord, turns: readonly TraineeTurn[]): Capture[] {
  const truth = record.scenario.groundTruth.callbackNumber;
  const verifying = new Set(turns.filter((t) => t.intents.has('verify_callback')).map((t) => t.segment.id));
  return record.segments.flatMap((segment) => {
    if (segment.speaker !== 'trainee' && segment.speaker !== 'caller') return [];
    const found = entitiesOf(record, segment.id, ['callback_number']);
    const said = found.length > 0 ? found.map((e) => e.normalized).join(', ') : segment.speaker === 'caller' || verifying.has(segment.id) ? segment.text : null;
    if (said === null) return [];
    const result = compareCallback(said, truth);
    return result === 'unclear' ? [] : [{ segment, speaker: segment.speaker, said, result }];
  });
}

/** The capture that settles the callback number: the first that agrees, unless a later read-back by the trainee contradicts it. */
export function callbackCaptured(captures: readonly Capture[]): Capture | null {
  const first = captures.find((c) => c.result === 'agrees');
  const lastReadBack = captures.findLast((c) => c.speaker === 'trainee');
  if (!first || (lastReadBack && lastReadBack.result === 'disagrees' && lastReadBack.segment.startMs >= first.segment.startMs)) return null;
  return first;
}

// ---- items ----

function item(id: ChecklistItemId, steps: { partial?: Evidence | null; done?: Evidence | null; notes?: Evidence[] }): ChecklistItem {
  const { partial, done, notes = [] } = steps;
  const status = done ? 'done' : partial ? 'partial' : 'open';
  const seen = new Set<string>();
  const evidence = [partial, done, ...notes]
    .filter((e): e is Evidence => !!e)
    .filter((e) => {
      const key = `${e.segmentId ?? ''}|${e.atMs ?? ''}|${e.detail ?? ''}`;
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .sort((a, b) => (a.atMs ?? 0) - (b.atMs ?? 0));
  return { id, label: LABELS[id], status, atMs: done?.atMs ?? partial?.atMs ?? null, evidence };
}

function locationItem(record: CallRecord, turns: readonly TraineeTurn[]): ChecklistItem {
  const { asked, before } = locationOrder(turns);
  const askedNote = asked ? evidenceOf(asked.segment, before.length === 0 ? 'location asked first' : `location asked after: ${before.join(', ')}`) : null;
  const readBacks = locationReadBacks(record, turns);
  const right = readBacks.find((r) => r.result === 'agrees');
  const unit = unitReadBack(record, turns);
  const unitNote = unit === null ? '' : unit ? ', with the unit' : ', unit not read back';
  return item('location', {
    partial: askedNote,
    done: right ? evidenceOf(right.segment, `read back ${right.said}${unitNote}`) : null,
    notes: readBacks.filter((r) => r.result === 'disagrees' && (!right || r.segment.startMs < right.segment.startMs)).map((r) => evidenceOf(r.segment, `read back ${r.said}: not verified`)),
  });
}

function callbackItem(record: CallRecord, turns: readonly TraineeTurn[]): ChecklistItem {
  const asked = turns.find((t) => has(t, CALLBACK_ASKS));
  const captures = callbackCaptures(record, turns);
  const got = callbackCaptured(captures);
  return item('callback_number', {
    partial: asked ? evidenceOf(asked.segment, 'callback number asked') : null,
    done: got ? evidenceOf(got.segment, got.speaker === 'trainee' ? `read back ${got.said}` : `captured ${got.said}`) : null,
    notes: captures.filter((c) => c.result === 'disagrees' && c.speaker === 'trainee').map((c) => evidenceOf(c.segment, `read back ${c.said}: not verified`)),
  });
}

/**
 * The questioning items are done when the caller stated it (an entity in the caller's words) and
 * the trainee acknowledged it: one of the trainee's next two lines repeats a word of it or asks
 * about it; stated but not acknowledged is partial. Beyond that, when the scenario has facts the
 * question is about (reveal rules answering its intents), the item is done when one came out in
 * the caller's words and partial when only asked, exactly as scoring counts those facts (facts.ts);
 * without such facts, asking is enough.
 */
const QUESTIONS: Record<'nature' | 'caller_identity' | 'weapons' | 'injuries' | 'hazards', { intents: TraineeIntent[]; entities: EntityType[] }> = {
  nature: { intents: ['ask_nature'], entities: ['nature'] },
  caller_identity: { intents: ['ask_name'], entities: ['caller_name'] },
  weapons: { intents: ['ask_weapons'], entities: ['weapon'] },
  injuries: { intents: ['ask_injuries', 'ask_breathing', 'ask_conscious'], entities: ['injury', 'conscious', 'breathing', 'bleeding'] },
  hazards: { intents: ['ask_hazards'], entities: ['hazard'] },
};

function questionItem(id: keyof typeof QUESTIONS, record: CallRecord, turns: readonly TraineeTurn[], facts: FactContext): ChecklistItem {
  const { intents, entities } = QUESTIONS[id];
  const asked = turns.find((t) => has(t, intents));
  let stated: Evidence | null = null;
  let acknowledged: Evidence | null = null;
  for (const entity of record.entities.filter((e) => e.speaker === 'caller' && entities.includes(e.type))) {
    const segment = record.segments.find((s) => s.id === entity.segmentId);
    if (!segment) continue;
    stated ??= evidenceOf(segment, `stated by the caller: ${entity.type} ${entity.normalized}`);
    const ack = acknowledgement(entity, segment, turns, intents);
    if (ack && (!acknowledged || (ack.atMs ?? 0) < (acknowledged.atMs ?? 0))) acknowledged = ack;
  }
  const askedEvidence = asked ? evidenceOf(asked.segment, 'asked') : null;
  const about = factsAsked(facts, intents);
  if (about.length === 0) return item(id, { partial: stated, done: earliest([askedEvidence, acknowledged]) });
  // The scenario knows the answer: asking is not enough, it must have come out in the caller's
  // words, as scoring counts the fact (asked and not heard is half there too).
  return item(id, {
    partial: earliest([stated, ...about.map((f) => askedFact(facts, f))]),
    done: earliest([acknowledged, ...about.map((f) => heardFact(facts, f))]),
  });
}

const earliest = (found: (Evidence | null)[]) => found.filter((e): e is Evidence => !!e).sort((a, b) => (a.atMs ?? 0) - (b.atMs ?? 0))[0] ?? null;

function acknowledgement(entity: Entity, said: Segment, turns: readonly TraineeTurn[], intents: readonly TraineeIntent[]): Evidence | null {
  const words = roots(`${entity.raw} ${entity.normalized.replace(/[:_]/g, ' ')}`);
  for (const turn of turns.filter((t) => t.segment.startMs >= said.endMs).slice(0, 2)) {
    const echoed = [...roots(turn.segment.text)].some((w) => words.has(w));
    if (echoed || has(turn, intents)) return evidenceOf(turn.segment, `acknowledged: ${entity.type} ${entity.normalized}`);
  }
  return null;
}

const preparedOf = new WeakMap<ScenarioInput, Instruction[]>();

/** Each pre-arrival instruction with the trainee line that gave it (a command, sentence by sentence), if any. */
export function instructionsGiven(record: CallRecord, turns: readonly TraineeTurn[]): { index: number; text: string; given: Segment | null }[] {
  let prepared = preparedOf.get(record.scenario);
  if (!prepared) preparedOf.set(record.scenario, (prepared = record.scenario.script.preArrivalInstructions.map(prepareInstruction)));
  const given = new Map<Instruction, Segment>();
  for (const turn of turns) {
    // "Okay, listen. Get her flat on her back": the command may be any sentence of the line.
    for (const sentence of turn.segment.text.split(/[.;!?]+/)) {
      if (!sentence.trim() || !(turn.intents.has('command') || understandLine(sentence).intents.some((m) => m.intent === 'command'))) continue;
      const match = matchInstruction(prepared, spoken(sentence));
      if (match && !given.has(match)) given.set(match, turn.segment);
    }
  }
  return prepared.map((p, index) => ({ index, text: p.spec.text, given: given.get(p) ?? null }));
}

function instructionsItem(record: CallRecord, turns: readonly TraineeTurn[]): ChecklistItem | null {
  const all = instructionsGiven(record, turns);
  if (all.length === 0) return null;
  const given = all.filter((g) => g.given).sort((a, b) => (a.given?.startMs ?? 0) - (b.given?.startMs ?? 0));
  const notes = given.map((g) => evidenceOf(g.given as Segment, `instruction ${g.index + 1}/${all.length}: ${g.text}`));
  return item('pre_arrival_instructions', { partial: notes[0] ?? null, done: given.length === all.length ? (notes[notes.length - 1] ?? null) : null, notes });
}

export function warmTransfer(record: CallRecord) {
  return record.events.find((e) => e.type === 'transfer' && e.data?.mode === 'warm') ?? null;
}

/** Words that say what the emergency is, from the truth's nature and not its location. */
function natureWords(scenario: ScenarioInput): Set<string> {
  const place = roots(`${scenario.groundTruth.location.address} ${scenario.groundTruth.location.crossStreet ?? ''}`);
  return new Set([...roots(`${scenario.groundTruth.nature} ${scenario.nature}`)].filter((w) => !place.has(w) && !/\d/.test(w)));
}

/** After a warm transfer: the trainee relays location, callback number and nature to the agency. */
function briefing(record: CallRecord, turns: readonly TraineeTurn[], fromMs: number): Record<'location' | 'callback' | 'nature', Segment | null> {
  const after = turns.filter((t) => t.segment.startMs >= fromMs);
  const nature = natureWords(record.scenario);
  const first = (test: (t: TraineeTurn) => boolean) => after.find(test)?.segment ?? null;
  const ents = (t: TraineeTurn, types: EntityType[]) => entitiesOf(record, t.segment.id, types).length > 0;
  return {
    location: first((t) => ents(t, ['address', 'mile_marker', 'cross_street', 'landmark']) || t.intents.has('verify_location') || compareAddress(t.segment.text, record.scenario.groundTruth.location) === 'agrees'),
    callback: first((t) => ents(t, ['callback_number']) || t.intents.has('verify_callback') || compareCallback(t.segment.text, record.scenario.groundTruth.callbackNumber) === 'agrees'),
    nature: first((t) => ents(t, ['nature']) || [...roots(t.segment.text)].some((w) => nature.has(w))),
  };
}

function transferItem(record: CallRecord, turns: readonly TraineeTurn[]): ChecklistItem | null {
  const transfer = warmTransfer(record);
  if (!transfer) return null;
  const relayed = Object.entries(briefing(record, turns, transfer.atMs))
    .flatMap(([part, segment]) => (segment ? [evidenceOf(segment, `relayed ${part}`)] : []))
    .sort((a, b) => (a.atMs ?? 0) - (b.atMs ?? 0));
  const agency = typeof transfer.data?.agency === 'string' ? transfer.data.agency : 'an agency';
  return item('transfer_briefing', {
    partial: relayed[0] ?? null,
    done: relayed.length === 3 ? (relayed[2] ?? null) : null,
    notes: [{ atMs: transfer.atMs, detail: `warm transfer to ${agency}` }, ...relayed],
  });
}

/** The NENA checklist for the call so far, in NENA order. */
export function buildChecklist(record: CallRecord): ChecklistItem[] {
  const turns = traineeTurns(record);
  const facts = factContext(record, turns);
  const items = [
    locationItem(record, turns),
    callbackItem(record, turns),
    ...(['nature', 'caller_identity', 'weapons', 'injuries', 'hazards'] as const).map((id) => questionItem(id, record, turns, facts)),
    instructionsItem(record, turns),
    transferItem(record, turns),
  ];
  return items.filter((i): i is ChecklistItem => i !== null);
}
