import { formatAni } from './format.js';
import type { CallDetail, CallReview, CallEventView, ChecklistItemView, SteerCommand } from './protocol.js';

// Call intelligence as the console shows it: entity and event names, what was captured.

export type Captured = CallReview['captured'][number];

/** Entity types in the order a call-taker gets them (location first), with their labels. */
export const ENTITY_LABEL: Record<string, string> = {
  address: 'Address',
  unit: 'Unit',
  cross_street: 'Cross street',
  landmark: 'Landmark',
  mile_marker: 'Mile marker',
  callback_number: 'Callback',
  caller_name: 'Caller',
  nature: 'Nature',
  conscious: 'Conscious',
  breathing: 'Breathing',
  bleeding: 'Bleeding',
  patient_age: 'Patient age',
  injury: 'Injury',
  weapon: 'Weapon',
  hazard: 'Hazard',
  people_count: 'People',
  suspect: 'Suspect',
  vehicle: 'Vehicle',
};

const ORDER = Object.keys(ENTITY_LABEL);
const rank = (type: string) => (ORDER.includes(type) ? ORDER.indexOf(type) : ORDER.length);

export const entityLabel = (type: string) => ENTITY_LABEL[type] ?? type.replace(/_/g, ' ');

/** A value as a person reads it: callback numbers as (555) 867-5309, the rest as stored. */
export const entityDisplay = (type: string, normalized: string) => (type === 'callback_number' ? formatAni(normalized) : normalized);

/**
 * The latest value of each entity type, as the server's review picks it: the trainee's
 * read-back wins over what only the caller said.
 */
export function capturedOf(call: Pick<CallDetail, 'entities' | 'transcript'>): Captured[] {
  const byTrainee = new Set(call.transcript.filter((s) => s.speaker === 'trainee').map((s) => s.id));
  const latest = new Map<string, Captured & { fromTrainee: boolean }>();
  for (const e of [...call.entities].sort((a, b) => a.atMs - b.atMs)) {
    const fromTrainee = e.segmentId !== null && byTrainee.has(e.segmentId);
    if (latest.get(e.type)?.fromTrainee && !fromTrainee) continue;
    latest.set(e.type, { type: e.type, normalized: e.normalized, atMs: e.atMs, segmentId: e.segmentId, fromTrainee });
  }
  return sortCaptured([...latest.values()].map(({ fromTrainee: _, ...c }) => c));
}

export const sortCaptured = (list: Captured[]) => [...list].sort((a, b) => rank(a.type) - rank(b.type));

export const CHECKLIST_STATUS_LABEL: Record<ChecklistItemView['status'], string> = {
  open: 'Open',
  partial: 'Partly',
  done: 'Done',
};

export const EVENT_LABEL: Record<string, string> = {
  answer: 'Answered',
  hold: 'Hold',
  unhold: 'Off hold',
  mute: 'Mute',
  unmute: 'Unmute',
  transfer: 'Transfer',
  monitor: 'Monitor',
  coach: 'Coach',
  barge: 'Barge',
  steer: 'Steer',
  leave: 'Left',
  end: 'End',
  emotion: 'Emotion',
};

export const eventLabel = (type: string) => EVENT_LABEL[type] ?? type;

/** How a steer of the caller reads ("reveal callback", "noise: sirens", "event "shots fired" (panicked)"). */
export function steerText(steer: SteerCommand): string {
  switch (steer.action) {
    case 'reveal':
    case 'withhold':
    case 'release':
      return `${steer.action} ${steer.fact.replace(/_/g, ' ')}`;
    case 'noise':
      return steer.noise === 'none' ? 'noise off' : `noise: ${steer.noise}`;
    case 'event':
      return `event "${steer.say}"${steer.emotion ? ` (${steer.emotion.replace(/_/g, ' ')})` : ''}`;
    case 'hangUp':
      return 'hang up';
    default:
      return steer.action;
  }
}

/** The few words an event's data adds ("fire, warm"; "panicked"; "noise: sirens"), or ''. */
export function eventDetail(event: Pick<CallEventView, 'data'> & { type?: string }): string {
  const data = event.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) return '';
  if (event.type === 'steer' && typeof (data as { action?: unknown }).action === 'string') return steerText(data as SteerCommand);
  return Object.values(data as Record<string, unknown>)
    .filter((v): v is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof v))
    .slice(0, 3)
    .map((v) => String(v).replace(/_/g, ' '))
    .join(', ');
}

/** Where the recording's clock starts: transcript, entity and recording times count from here. */
export function mediaOrigin(call: Pick<CallDetail, 'mediaStartedAt' | 'startedAt'>): number {
  return Date.parse(call.mediaStartedAt ?? call.startedAt);
}

/** An event's time on the recording's clock; events before the media started sit at 0. */
export const eventMs = (origin: number, at: string) => Math.max(0, Date.parse(at) - origin);
