import { formatAni } from './format.js';
import type { CallDetail, CallReview, ChecklistItemView } from './protocol.js';
import { natureText } from './words.js';

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

/** A value as a person reads it: callback numbers as (555) 867-5309, natures in words, the rest as stored. */
export function entityDisplay(type: string, normalized: string): string {
  if (type === 'callback_number') return formatAni(normalized);
  return type === 'nature' ? natureText(normalized) : normalized;
}

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

/** Where the recording's clock starts: transcript, entity and recording times count from here. */
export function mediaOrigin(call: Pick<CallDetail, 'mediaStartedAt' | 'startedAt'>): number {
  return Date.parse(call.mediaStartedAt ?? call.startedAt);
}

/** An event's time on the recording's clock; events before the media started sit at 0. */
export const eventMs = (origin: number, at: string) => Math.max(0, Date.parse(at) - origin);
