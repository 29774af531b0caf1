import type { Agency, CallStatus, TranscriptSegmentView } from './protocol.js';

/** North American numbers as a CAD shows them, (555) 123-4567; anything else unchanged. */
export function formatAni(ani: string): string {
  const digits = ani.replace(/\D/g, '');
  const ten = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  return ten.length === 10 ? `(${ten.slice(0, 3)}) ${ten.slice(3, 6)}-${ten.slice(6)}` : ani;
}

/** 75_000 -> "01:15"; an hour or more -> "1:02:03". */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mmss = `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  return h > 0 ? `${h}:${mmss.padStart(5, '0')}` : mmss;
}

export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' });
}

export function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleTimeString(undefined, { hour12: false });
}

export const STATUS_LABEL: Record<CallStatus, string> = {
  ringing: 'Ringing',
  active: 'Active',
  ended: 'Ended',
  failed: 'Failed',
};

export const SPEAKER_LABEL: Record<TranscriptSegmentView['speaker'], string> = {
  trainee: 'Trainee',
  caller: 'Caller',
  instructor: 'Instructor',
  agency: 'Agency',
};

/** ALI class of service, as the codes a dispatcher reads on the ALI screen. */
export const ALI_CLASS: Record<string, { code: string; label: string }> = {
  landline: { code: 'WRLN', label: 'Landline' },
  'wireless-phase1': { code: 'WPH1', label: 'Wireless phase I (tower sector)' },
  'wireless-phase2': { code: 'WPH2', label: 'Wireless phase II (handset)' },
  voip: { code: 'VOIP', label: 'VoIP (registered address)' },
};

export function formatScore(score: number | null): string {
  return score === null ? '—' : String(Math.round(score * 10) / 10);
}

/** Receiving agencies for a transfer, as the call-taker's transfer keys name them. */
export const AGENCY_LABEL: Record<Agency, string> = {
  fire: 'Fire',
  ems: 'EMS',
  police: 'Police',
  poison_control: 'Poison Control',
};
