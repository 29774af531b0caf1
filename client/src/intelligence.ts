import { formatAni } from './format.js';
import type { CallDetail, CallEventView, CapturedFactView, ChecklistItemView, SteerCommand } from './protocol.js';
import { natureText } from './words.js';

// Call intelligence as the console shows it: entity and event names, what was captured.

export type Captured = CapturedFactView;

/** Entity types and their labels (the server sends captured facts already in a call-taker's order). */
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

export const entityLabel = (type: string) => ENTITY_LABEL[type] ?? type.replace(/_/g, ' ');

/** A value as a person reads it: callback numbers as (555) 867-5309, natures in words, the rest as stored. */
export function entityDisplay(type: string, normalized: string): string {
  if (type === 'callback_number') return formatAni(normalized);
  return type === 'nature' ? natureText(normalized) : normalized;
}

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
