import { DISTRESS } from '../caller/emotion.js';
import type { Emotion, ScenarioInput } from '../protocol/scenario.js';
import { buildChecklist, callbackCaptured, callbackCaptures, instructionsGiven, locationOrder, locationReadBacks, unitReadBack, warmTransfer } from './checklist.js';
import { askedFact, factContext, heardFact, overlap, type FactContext } from './facts.js';
import { evidenceOf, roots, spoken, traineeTurns, type TraineeTurn } from './lines.js';
import type { CallRecord, CallScore, ChecklistItem, ChecklistItemId, EmotionMark, Evidence, MetricResult } from './types.js';

// Scoring an ended call against its scenario: one metric per rubric item (its weight is the
// metric's maxScore), then the standard NENA metrics. Everything is evidence-backed: a metric
// says which lines, times or values it rests on, and an item there is no automatic check for
// scores 0 and says so rather than passing on faith.

/** The NENA metrics every call gets, with their weight beside a scenario rubric (which sums to 100). */
export const NENA_METRICS = {
  nena_time_to_location: { label: 'Location verified within 60 s of answering', weight: 5, passMs: 60_000, zeroMs: 180_000 },
  nena_time_to_callback: { label: 'Callback number within 90 s of answering', weight: 5, passMs: 90_000, zeroMs: 240_000 },
  nena_question_order: { label: 'Location asked before any other question', weight: 5 },
  nena_hold_time: { label: 'Total hold time under 30 s', weight: 5, passMs: 30_000, zeroMs: 120_000 },
  nena_control_regained: { label: 'Control regained of a panicked caller', weight: 5 },
  nena_transfer: { label: 'Transferred to the right agency with a full briefing', weight: 10 },
} as const;

/** The agencies a call of each nature goes to; a no-emergency call goes nowhere. */
const AGENCIES: Record<ScenarioInput['nature'], string[]> = { fire: ['fire'], medical: ['ems'], crime: ['police'], traffic: ['police'], hazmat: ['fire'], other: ['police', 'fire'] };

type Context = FactContext & { turns: TraineeTurn[]; checklist: ChecklistItem[]; answeredAt: number };

const round2 = (n: number) => Math.round(n * 100) / 100;
const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

function metric(id: string, label: string, maxScore: number, credit: number, evidence: Evidence[]): MetricResult {
  const share = Math.max(0, Math.min(1, credit));
  return { rubricItem: id, label, passed: share >= 1, score: round2(maxScore * share), maxScore, evidence };
}

const itemOf = (c: Context, id: ChecklistItemId) => c.checklist.find((i) => i.id === id);
const credit = (item: ChecklistItem | undefined) => (item?.status === 'done' ? 1 : item?.status === 'partial' ? 0.5 : 0);

/** Full credit up to passMs, falling linearly to a floor at zeroMs: late is better than never. */
const timeCredit = (ms: number, passMs: number, zeroMs: number) => (ms <= passMs ? 1 : Math.max(0.2, 1 - (0.8 * (ms - passMs)) / (zeroMs - passMs)));

// ---- facts: did it come out in the caller's words? ----

/** location: heard and read back right, the unit too when there is one. */
function locationFact(c: Context, heard: Evidence | null, asked: Evidence | null): { credit: number; evidence: Evidence[] } {
  const truth = c.record.scenario.groundTruth.location;
  const readBacks = locationReadBacks(c.record, c.turns);
  const right = readBacks.find((r) => r.result === 'agrees');
  const unitOk = unitReadBack(c.record, c.turns) !== false;
  const truthText = `${truth.address}${truth.unit ? `, ${truth.unit}` : ''}`;
  const evidence: Evidence[] = [];
  if (heard) evidence.push(heard);
  for (const r of readBacks) if (r.result === 'disagrees' || r === right) evidence.push(evidenceOf(r.segment, `read back ${r.said}; truth ${truthText}`));
  if (!right) evidence.push({ detail: `location: never read back correctly; truth ${truthText}` });
  if (right && !unitOk) evidence.push({ detail: `location: the unit (${truth.unit}) was not read back` });
  if (!heard && !right && asked) evidence.push(asked);
  const readCredit = right ? (unitOk ? 1 : 0.85) : 0;
  return { credit: right ? readCredit * (heard ? 1 : 0.75) : heard || asked ? 0.25 : 0, evidence };
}

/** callback: heard and captured with the right last 10 digits. */
function callbackFact(c: Context, heard: Evidence | null, asked: Evidence | null): { credit: number; evidence: Evidence[] } {
  const truth = c.record.scenario.groundTruth.callbackNumber;
  const captures = callbackCaptures(c.record, c.turns);
  const got = callbackCaptured(captures);
  const evidence: Evidence[] = heard ? [heard] : [];
  for (const cap of captures) if (cap === got || (cap.speaker === 'trainee' && cap.result === 'disagrees')) evidence.push(evidenceOf(cap.segment, `${cap.speaker === 'trainee' ? 'read back' : 'captured'} ${cap.said}; truth ${truth}`));
  if (!got) evidence.push({ detail: `callback: no matching number captured; truth ${truth}` });
  if (!heard && !got && asked) evidence.push(asked);
  return { credit: got ? (heard ? 1 : 0.75) : heard || asked ? 0.25 : 0, evidence };
}

function factsMetric(c: Context, item: ScenarioInput['rubric'][number], keys: string[]): MetricResult {
  const credits: number[] = [];
  const evidence: Evidence[] = [];
  for (const key of keys) {
    const fact = c.facts.get(key);
    if (!fact) {
      credits.push(0);
      evidence.push({ detail: `${key}: the scenario has no reveal rule for this fact` });
      continue;
    }
    const heard = heardFact(c, fact);
    const asked = heard ? null : askedFact(c, fact);
    if (key === 'location' || key === 'callback') {
      const result = key === 'location' ? locationFact(c, heard, asked) : callbackFact(c, heard, asked);
      credits.push(result.credit);
      evidence.push(...result.evidence);
    } else {
      credits.push(heard ? 1 : asked ? 0.5 : 0);
      evidence.push(heard ?? asked ?? { detail: `${key}: never asked and never said` });
    }
  }
  return metric(item.id, item.label, item.weight, credits.reduce((a, b) => a + b, 0) / Math.max(1, credits.length), evidence);
}

// ---- rubric items without facts ----

const STAY_ON_LINE = /\b(?:stay|remain|keep) on the (?:line|phone)\b|\b(?:dont|do not) hang up\b|\b(?:leave|keep) the line open\b/;

const CHECKLIST_BY_ID: [RegExp, ChecklistItemId][] = [
  [/location|address/, 'location'],
  [/callback|phone_number/, 'callback_number'],
  [/caller_name|identity/, 'caller_identity'],
  [/^nature/, 'nature'],
  [/weapon/, 'weapons'],
  [/injur|breathing|conscious/, 'injuries'],
  [/hazard/, 'hazards'],
  [/transfer/, 'transfer_briefing'],
  [/pre_arrival/, 'pre_arrival_instructions'],
];

function checklistMetric(c: Context, item: ScenarioInput['rubric'][number], id: ChecklistItemId): MetricResult {
  const found = itemOf(c, id);
  if (!found) return metric(item.id, item.label, item.weight, 0, [{ detail: id === 'transfer_briefing' ? 'no warm transfer was made' : `no ${id} item for this call` }]);
  let share = credit(found);
  const evidence = [...found.evidence, { detail: `checklist ${id}: ${found.status}` }];
  if (id === 'nature' && c.record.scenario.nature !== 'other') {
    // A recorded nature of the wrong kind ("fire" on a medical call) is only half the item.
    const recorded = c.record.entities.filter((e) => e.type === 'nature').map((e) => e.normalized);
    if (recorded.length > 0 && !recorded.some((n) => n.split(':')[0] === c.record.scenario.nature)) {
      share = Math.min(share, 0.5);
      evidence.push({ detail: `recorded ${recorded.join(', ')}; scenario ${c.record.scenario.nature}` });
    }
  }
  return metric(item.id, item.label, item.weight, share, evidence);
}

function stayOnLine(c: Context, item: ScenarioInput['rubric'][number]): MetricResult {
  const turn = c.turns.find((t) => STAY_ON_LINE.test(spoken(t.segment.text)));
  return metric(item.id, item.label, item.weight, turn ? 1 : 0, [turn ? evidenceOf(turn.segment, 'told the caller to stay on the line') : { detail: 'never told the caller to stay on the line' }]);
}

/** The caller's emotions in order, starting from the persona's when the marks begin later. */
function emotionsOf(record: CallRecord): EmotionMark[] {
  const marks = [...record.emotions].sort((a, b) => a.atMs - b.atMs);
  return marks[0] && marks[0].atMs <= 0 ? marks : [{ emotion: record.scenario.persona.initialEmotion, atMs: 0 }, ...marks];
}
const distress = (emotion: string) => DISTRESS[emotion as Emotion] ?? 0;
const PANIC = new Set(['panicked', 'hysterical']);

function panickedAt(marks: EmotionMark[], atMs: number): boolean {
  return PANIC.has(marks.findLast((m) => m.atMs <= atMs)?.emotion ?? '');
}

/** The same question (intent) or command (instruction, or most of its words) again within three lines. */
function repetitions(c: Context): [TraineeTurn, TraineeTurn][] {
  const key = (t: TraineeTurn) => [...t.intents].filter((i) => i.startsWith('ask_') || i.startsWith('verify_'));
  const pairs: [TraineeTurn, TraineeTurn][] = [];
  c.turns.forEach((a, i) => {
    const asks = key(a);
    const words = roots(a.segment.text);
    for (const b of c.turns.slice(i + 1, i + 4)) {
      const sameAsk = asks.some((x) => b.intents.has(x));
      const other = roots(b.segment.text);
      const shared = overlap(other, words);
      const sameCommand = a.intents.has('command') && b.intents.has('command') && shared >= Math.max(1, 0.6 * Math.min(words.size, other.size));
      if (sameAsk || sameCommand) pairs.push([a, b]);
    }
  });
  return pairs;
}

function persistence(c: Context, item: ScenarioInput['rubric'][number]): MetricResult {
  const marks = emotionsOf(c.record);
  const everPanicked = marks.some((m) => PANIC.has(m.emotion));
  const pairs = repetitions(c);
  const whilePanicked = pairs.find(([, b]) => panickedAt(marks, b.segment.startMs));
  const pair = whilePanicked ?? pairs[0];
  if (!pair) return metric(item.id, item.label, item.weight, 0, [{ detail: 'never repeated a question or command' }]);
  // A caller who never panicked (confused, angry) still needs persistence: any repetition counts.
  const share = whilePanicked || !everPanicked ? 1 : 0.5;
  const why = whilePanicked ? 'repeated while the caller was panicked' : everPanicked ? 'repeated, but not while the caller was panicked' : 'repeated (the caller was never panicked)';
  return metric(item.id, item.label, item.weight, share, [evidenceOf(pair[0].segment, 'first asked'), evidenceOf(pair[1].segment, why)]);
}

function disposition(c: Context, item: ScenarioInput['rubric'][number]): MetricResult {
  const end = c.record.events.findLast((e) => e.type === 'end');
  if (!end) return metric(item.id, item.label, item.weight, 0, [{ detail: 'the call has not ended' }]);
  const outcome = typeof end.data?.outcome === 'string' ? end.data.outcome : 'unknown';
  const evidence: Evidence[] = [{ atMs: end.atMs, detail: `ended: ${outcome}` }];
  if (outcome !== 'completed' && outcome !== 'transferred') return metric(item.id, item.label, item.weight, 0, evidence);
  if (!c.record.scenario.groundTruth.noEmergency) return metric(item.id, item.label, item.weight, 1, evidence);
  if (outcome === 'transferred') return metric(item.id, item.label, item.weight, 0, [...evidence, { detail: 'transferred a call with no emergency' }]);
  const verified = (['location', 'callback_number'] as const).map((id) => itemOf(c, id)).filter((i) => i?.status === 'done' && (i.atMs ?? 0) <= end.atMs).length;
  evidence.push({ detail: `closed without dispatch; ${verified}/2 of location and callback verified first (politeness is not checked)` });
  return metric(item.id, item.label, item.weight, 0.5 + 0.25 * verified, evidence);
}

// Instruction items name a topic ("CPR", "stay out"); the scenario's pre-arrival instructions
// say it in their own words. A label's words, widened by this small table, pick the
// instructions the item is about: those sharing at least half as many words as the best one.
const TOPICS: Record<string, string> = {
  cpr: 'push chest compressions hand heel kneel flat',
  position: 'flat side knee lie floor',
  hide: 'hidden barricade low',
  naloxone: 'narcan nostril nozzle plunger dose',
  nasal: 'nostril nozzle',
  move: 'lift leave',
  bleeding: 'press pressure towel cloth',
  warm: 'blanket layer',
  enter: 'inside toward',
  road: 'roadway traffic guardrail',
  bystanders: 'everyone people',
  recovery: 'roll side',
  stimulate: 'rub',
  quiet: 'whisper silence',
  upwind: 'west',
};
const TOPIC_ROOTS = new Map(Object.entries(TOPICS).map(([k, v]) => [[...roots(k)][0] as string, roots(v)]));
const INSTRUCTION_ID = /instruction|^cpr|_care$|position|coached|by_mouth|not_cut|conservation/;

/** The instructions (by index) a rubric item is about; `all` when its label names none in particular. */
function instructionsFor(scenario: ScenarioInput, label: string): { indexes: number[] | 'all'; best: number } {
  const want = roots(label);
  for (const w of [...want]) for (const extra of TOPIC_ROOTS.get(w) ?? []) want.add(extra);
  const scores = scenario.script.preArrivalInstructions.map((p) => overlap(roots(p.text), want));
  const best = Math.max(0, ...scores);
  if (best === 0) return { indexes: 'all', best };
  const cut = Math.max(1, Math.ceil(best / 2));
  return { indexes: scores.flatMap((s, i) => (s >= cut ? [i] : [])), best };
}

function instructionMetric(c: Context, item: ScenarioInput['rubric'][number], indexes: number[] | 'all'): MetricResult {
  const all = instructionsGiven(c.record, c.turns);
  const wanted = indexes === 'all' ? all : all.filter((g) => indexes.includes(g.index));
  const evidence: Evidence[] = wanted.map((g) => (g.given ? evidenceOf(g.given, `gave instruction ${g.index + 1}: ${g.text}`) : { detail: `not given: instruction ${g.index + 1}: ${g.text}` }));
  const share = wanted.filter((g) => g.given).length / Math.max(1, wanted.length);
  // No emergency, nothing to instruct: the item weighs nothing rather than costing points.
  if (c.record.scenario.groundTruth.noEmergency) return metric(item.id, item.label, 0, 1, [...evidence, { detail: 'no emergency: no instructions expected' }]);
  if (all.length === 0) return metric(item.id, item.label, item.weight, 0, [{ detail: 'no automatic check for this item: the scenario has no pre-arrival instructions' }]);
  return metric(item.id, item.label, item.weight, share, evidence);
}

function rubricMetric(c: Context, item: ScenarioInput['rubric'][number]): MetricResult {
  if (item.facts && item.facts.length > 0) return factsMetric(c, item, item.facts);
  if (item.id === 'stay_on_line') return stayOnLine(c, item);
  if (item.id === 'repetitive_persistence') return persistence(c, item);
  if (item.id === 'call_disposition') return disposition(c, item);
  const about = instructionsFor(c.record.scenario, item.label);
  if (INSTRUCTION_ID.test(item.id)) return instructionMetric(c, item, about.indexes);
  const mapped = CHECKLIST_BY_ID.find(([re]) => re.test(item.id));
  if (mapped) return checklistMetric(c, item, mapped[1]);
  // An item named otherwise whose label plainly describes some instructions ("kept the line open").
  if (about.best >= 2) return instructionMetric(c, item, about.indexes);
  return metric(item.id, item.label, item.weight, 0, [{ detail: 'no automatic check for this item' }]);
}

// ---- NENA metrics ----

function timeTo(c: Context, id: 'nena_time_to_location' | 'nena_time_to_callback', itemId: 'location' | 'callback_number'): MetricResult {
  const spec = NENA_METRICS[id];
  const found = itemOf(c, itemId);
  if (found?.status !== 'done' || found.atMs === null) {
    return metric(id, spec.label, spec.weight, 0, [...(found?.evidence ?? []), { detail: itemId === 'location' ? 'location never verified by read-back' : 'callback number never captured' }]);
  }
  const ms = Math.max(0, found.atMs - c.answeredAt);
  const done = found.evidence.find((e) => e.atMs === found.atMs) ?? { atMs: found.atMs };
  return metric(id, spec.label, spec.weight, timeCredit(ms, spec.passMs, spec.zeroMs), [{ ...done, detail: `${seconds(ms)} after answering` }]);
}

function questionOrder(c: Context): MetricResult {
  const spec = NENA_METRICS.nena_question_order;
  const { asked, before } = locationOrder(c.turns);
  if (!asked) return metric('nena_question_order', spec.label, spec.weight, 0, [{ detail: `location never asked; asked first: ${before.join(', ') || 'nothing'}` }]);
  const share = before.length === 0 ? 1 : before.length <= 2 ? 0.5 : 0.25;
  return metric('nena_question_order', spec.label, spec.weight, share, [evidenceOf(asked.segment, before.length === 0 ? 'location asked first' : `location asked after: ${before.join(', ')}`)]);
}

function holdTime(c: Context): MetricResult {
  const spec = NENA_METRICS.nena_hold_time;
  const endAt = c.record.events.findLast((e) => e.type === 'end')?.atMs ?? c.record.atMs;
  const holds: Evidence[] = [];
  let total = 0;
  let since: number | null = null;
  for (const e of [...c.record.events].sort((a, b) => a.atMs - b.atMs)) {
    if (e.type === 'hold' && since === null) since = e.atMs;
    else if (e.type === 'unhold' && since !== null) {
      total += e.atMs - since;
      holds.push({ atMs: since, detail: `on hold ${seconds(e.atMs - since)}` });
      since = null;
    }
  }
  if (since !== null) {
    total += Math.max(0, endAt - since);
    holds.push({ atMs: since, detail: `on hold ${seconds(endAt - since)}, never taken off` });
  }
  const summary = { detail: holds.length === 0 ? 'never put the caller on hold' : `total hold ${seconds(total)} in ${holds.length} hold(s)` };
  return metric('nena_hold_time', spec.label, spec.weight, total <= spec.passMs ? 1 : Math.max(0, 1 - (total - spec.passMs) / (spec.zeroMs - spec.passMs)), [...holds, summary]);
}

/** Emotion changes the scenario's own timeline made are not the trainee's doing. */
function scripted(c: Context, mark: EmotionMark): boolean {
  return c.record.scenario.script.timeline.some((t) => t.emotion === mark.emotion && Math.abs(t.atMs - mark.atMs) <= 2000);
}

function controlRegained(c: Context): MetricResult | null {
  const spec = NENA_METRICS.nena_control_regained;
  const marks = emotionsOf(c.record);
  const peakAt = marks.findIndex((m) => PANIC.has(m.emotion));
  const peak = marks[peakAt];
  if (!peak) return null;
  const later = marks.slice(peakAt + 1).filter((m) => !scripted(c, m));
  const calmed = later.find((m) => distress(m.emotion) < 1.5);
  const eased = later.find((m) => distress(m.emotion) < Math.max(...marks.filter((p) => p.atMs <= m.atMs).map((p) => distress(p.emotion))));
  const evidence: Evidence[] = [{ atMs: peak.atMs, detail: `caller ${peak.emotion}` }];
  if (calmed) evidence.push({ atMs: calmed.atMs, detail: `caller ${calmed.emotion}: control regained` });
  else if (eased) evidence.push({ atMs: eased.atMs, detail: `caller ${eased.emotion}: calmer, but never calm or anxious` });
  else evidence.push({ detail: 'the caller never calmed down (changes the scenario itself made do not count)' });
  return metric('nena_control_regained', spec.label, spec.weight, calmed ? 1 : eased ? 0.5 : 0, evidence);
}

function transferMetric(c: Context): MetricResult | null {
  const spec = NENA_METRICS.nena_transfer;
  const transfer = c.record.events.find((e) => e.type === 'transfer');
  if (!transfer) return null;
  const agency = typeof transfer.data?.agency === 'string' ? transfer.data.agency : 'unknown';
  const mode = transfer.data?.mode === 'warm' ? 'warm' : 'cold';
  if (c.record.scenario.groundTruth.noEmergency) return metric('nena_transfer', spec.label, spec.weight, 0, [{ atMs: transfer.atMs, detail: `${mode} transfer to ${agency}; there was no emergency to transfer` }]);
  const right = AGENCIES[c.record.scenario.nature].includes(agency);
  const evidence: Evidence[] = [{ atMs: transfer.atMs, detail: `${mode} transfer to ${agency}; a ${c.record.scenario.nature} call goes to ${AGENCIES[c.record.scenario.nature].join(' or ')}` }];
  const brief = warmTransfer(c.record) ? itemOf(c, 'transfer_briefing') : undefined;
  if (brief) evidence.push(...brief.evidence.filter((e) => e.segmentId), { detail: `briefing ${brief.status}` });
  else evidence.push({ detail: 'cold transfer: nothing relayed to the agency' });
  return metric('nena_transfer', spec.label, spec.weight, (right ? 0.5 : 0) + 0.5 * credit(brief), evidence);
}

/** Scores a call (normally an ended one) against its scenario's rubric and the NENA metrics. */
export function scoreCall(record: CallRecord): CallScore {
  const turns = traineeTurns(record);
  const c: Context = {
    ...factContext(record, turns),
    turns,
    checklist: buildChecklist(record),
    answeredAt: record.events.find((e) => e.type === 'answer')?.atMs ?? 0,
  };
  const metrics = [
    ...record.scenario.rubric.map((item) => rubricMetric(c, item)),
    timeTo(c, 'nena_time_to_location', 'location'),
    timeTo(c, 'nena_time_to_callback', 'callback_number'),
    questionOrder(c),
    holdTime(c),
    controlRegained(c),
    transferMetric(c),
  ].filter((m): m is MetricResult => m !== null);
  const max = metrics.reduce((a, m) => a + m.maxScore, 0);
  const got = metrics.reduce((a, m) => a + m.score, 0);
  return { total: max > 0 ? Math.round((1000 * got) / max) / 10 : 0, metrics };
}
