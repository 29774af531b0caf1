import { formatAni } from './format.js';
import type { CallDetail, CallEventView, CapturedFactView, ChecklistItemView, SteerCommand } from './protocol.js';

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

/** A value as a person reads it: callback numbers as (555) 867-5309, the rest as stored. */
export const entityDisplay = (type: string, normalized: string) => (type === 'callback_number' ? formatAni(normalized) : normalized);

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
