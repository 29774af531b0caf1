import type { Agency, AssignmentStatus, AuditAction, CallEventView, CallStatus, Role, SteerCommand, TranscriptSegmentView } from './protocol.js';

// Every code the server sends that a person reads (statuses, outcomes, kinds of call, events,
// validation messages) is put into words here and nowhere else. An unknown code still reads
// as words: underscores become spaces, the first letter a capital.

/** "caller_hung_up" -> "Caller hung up": the fallback for a code this file does not know yet. */
export function humanize(code: string): string {
  const words = code.replace(/[_:]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const STATUS_LABEL: Record<CallStatus, string> = {
  ringing: 'Ringing',
  active: 'Active',
  ended: 'Ended',
  failed: 'Failed',
};

export const ASSIGNMENT_STATUS_LABEL: Record<AssignmentStatus, string> = {
  todo: 'To do',
  in_progress: 'In progress',
  done: 'Done',
  overdue: 'Overdue',
  upcoming: 'Not open yet',
  closed: 'Missed (closed)',
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

/** Receiving agencies for a transfer, as the call-taker's transfer keys name them. */
export const AGENCY_LABEL: Record<Agency, string> = {
  fire: 'Fire',
  ems: 'EMS',
  police: 'Police',
  poison_control: 'Poison Control',
};

/** The call as a heading says it, following the line: ringing, talking, on hold, transferring, over. */
export function callStateText(line: { status: CallStatus; onHold?: boolean | undefined; transferring?: boolean | undefined }): string {
  if (line.status === 'ringing') return 'Incoming 911 call';
  if (line.status === 'ended') return '911 call ended';
  if (line.status === 'failed') return '911 call lost';
  if (line.onHold) return '911 call on hold';
  return line.transferring ? '911 call: transferring' : '911 call in progress';
}

const OUTCOME_LABEL: Record<string, string> = {
  completed: 'Completed',
  abandoned: 'Abandoned',
  transferred: 'Transferred',
  caller_hung_up: 'The caller hung up',
  lost: 'Lost to a technical failure',
};

/** How a call ended; a live call has no outcome yet. */
export const outcomeText = (outcome: string | null) => (outcome === null ? '—' : (OUTCOME_LABEL[outcome] ?? humanize(outcome)));

const NATURE_LABEL: Record<string, string> = {
  fire: 'Fire',
  medical: 'Medical',
  crime: 'Crime',
  traffic: 'Traffic',
  hazmat: 'Hazardous materials',
  rescue: 'Rescue',
  other: 'Other',
};

/** A kind of call (a scenario's "medical") or the nature heard on one ("medical:fall" -> "Medical: fall"). */
export function natureText(nature: string): string {
  const [kind = '', detail] = nature.split(':', 2);
  const head = NATURE_LABEL[kind] ?? humanize(kind);
  return detail ? `${head}: ${detail.replace(/_/g, ' ')}` : head;
}

const EVENT_LABEL: Record<string, string> = {
  ring: 'Ringing',
  answer: 'Answered',
  hold: 'On hold',
  unhold: 'Off hold',
  mute: 'Muted',
  unmute: 'Unmuted',
  transfer: 'Transfer',
  monitor: 'Listening in',
  coach: 'Coaching',
  barge: 'Barged in',
  steer: 'Steered the caller',
  leave: 'Stopped supervising',
  end: 'Call ended',
  emotion: 'Caller’s mood',
  fallback: 'The caller fell back',
};

/** What a stage of the AI caller gave up, and what it used instead. */
const FALLBACK_LABEL: Record<string, string> = {
  understanding: 'LLM understanding → local intent model',
  phrasing: 'LLM wording → scripted line',
  synthesis: 'hosted voice → embedded voice',
  recognition: 'hosted recognition → embedded',
  realtime: 'realtime session → embedded caller',
};

export const eventLabel = (type: string) => EVENT_LABEL[type] ?? humanize(type);

/** How long something lasted, in words: 3790 -> "4 s", 75_000 -> "1 min 15 s". */
function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
}

/** How a steer of the caller reads ("reveal callback", "background noise: sirens", "event "shots fired" (panicked)"). */
export function steerText(steer: SteerCommand): string {
  switch (steer.action) {
    case 'reveal':
    case 'withhold':
    case 'release':
      return `${steer.action} ${steer.fact.replace(/_/g, ' ')}`;
    case 'noise':
      return steer.noise === 'none' ? 'background noise off' : `background noise: ${steer.noise}`;
    case 'event':
      return `event "${steer.say}"${steer.emotion ? ` (${steer.emotion.replace(/_/g, ' ')})` : ''}`;
    case 'hangUp':
      return 'hang up';
    default:
      return steer.action;
  }
}

/** The few words an event's data adds ("held 4 s"; "EMS, warm, completed"; "panicked"), or ''. */
export function eventDetail(event: Pick<CallEventView, 'data'> & { type?: string }): string {
  const data = event.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) return '';
  const d = data as Record<string, unknown>;
  switch (event.type) {
    case 'steer':
      return typeof d.action === 'string' ? steerText(data as SteerCommand) : '';
    case 'unhold':
      return typeof d.heldMs === 'number' ? `held ${duration(d.heldMs)}` : '';
    case 'transfer':
      return [AGENCY_LABEL[d.agency as Agency] ?? d.agency, d.mode, d.stage].filter(Boolean).join(', ');
    case 'end':
      // The reason says it best ("the caller hung up"); the outcome when there is none.
      return typeof d.reason === 'string' ? d.reason : typeof d.outcome === 'string' ? outcomeText(d.outcome) : '';
    case 'monitor':
    case 'coach':
    case 'barge':
      return typeof d.from === 'string' ? `was ${eventLabel(d.from).toLowerCase()}` : '';
    case 'leave':
      return typeof d.mode === 'string' ? eventLabel(d.mode).toLowerCase() : '';
    case 'fallback':
      return typeof d.stage === 'string' ? `${FALLBACK_LABEL[d.stage] ?? humanize(d.stage)}${typeof d.reason === 'string' ? ` (${d.reason})` : ''}` : '';
  }
  return Object.values(d)
    .filter((v): v is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof v))
    .slice(0, 3)
    .map((v) => String(v).replace(/_/g, ' '))
    .join(', ');
}

export const ROLE_LABEL: Record<Role, string> = {
  trainee: 'Trainee',
  supervisor: 'Supervisor',
  instructor: 'Instructor',
  admin: 'Admin',
};

/** What was done to an account, as the audit log reads. */
export const AUDIT_LABEL: Record<AuditAction, string> = {
  user_created: 'Created the account',
  invite_issued: 'Issued a link to set the password',
  password_reset: 'Reset the password (new link)',
  password_set: 'Set the password from a link',
  password_changed: 'Changed their password',
  user_disabled: 'Disabled the account',
  user_enabled: 'Enabled the account',
  role_changed: 'Changed the role',
  user_renamed: 'Renamed the account',
  signed_in_sso: 'Signed in with single sign-on',
};

/** Why single sign-on did not let someone in (the server's `/login?sso=` reason). */
export const SSO_REFUSAL: Record<string, string> = {
  expired: 'The sign-on took too long or was started elsewhere. Try again.',
  'no-email': 'The sign-on provider did not give a verified email address.',
  'no-role': 'Your sign-on account has no ringdown role. Ask your administrator for one.',
  disabled: 'This account is disabled.',
  failed: 'Single sign-on failed. Try again, or sign in with your password.',
};

/** Field names in the server's validation messages, as the forms call them. */
const FIELD_LABEL: Record<string, string> = {
  email: 'Email',
  password: 'Password',
  name: 'Name',
  role: 'Role',
  currentPassword: 'Current password',
  newPassword: 'New password',
  text: 'Your line',
  say: 'What happens',
  scenarioId: 'Scenario',
  traineeId: 'Trainee',
  mode: 'Mode',
};

/**
 * A server message in words: "email: at most 200 characters" -> "Email: at most 200 characters."
 * Validation messages name their field; a scenario's nested path (persona.age) stays as written,
 * it is what the instructor edits.
 */
export function serverText(message: string): string {
  const sentence = (s: string) => {
    const t = s.trim();
    return t && `${t.charAt(0).toUpperCase()}${t.slice(1)}${/[.!?]$/.test(t) ? '' : '.'}`;
  };
  return message
    .split('; ')
    .map((part) => {
      const m = /^([\w.]+): (.*)$/.exec(part);
      return m ? `${FIELD_LABEL[m[1]!] ?? m[1]}: ${sentence(m[2]!)}` : sentence(part);
    })
    .join(' ');
}

const PLACE_WORDS: Record<string, string> = { address: 'address', houseNumber: 'house number', street: 'street', city: 'town', callback: 'callback number' };
const PERSON_PART: Record<string, string> = { name: 'name', first: 'first name', last: 'last name' };

/**
 * A scenario placeholder as a person reads it: "{caller.first}" -> "caller's first name",
 * "{houseNumber-4}" -> "house number − 4". Each call fills it from its own draw.
 */
export function placeholderWords(key: string): string {
  const offset = /^houseNumber([+-])(\d+)$/.exec(key);
  if (offset) return `house number ${offset[1] === '-' ? '−' : '+'} ${offset[2]}`;
  if (PLACE_WORDS[key]) return PLACE_WORDS[key];
  const [who = '', part = ''] = key.split('.');
  return PERSON_PART[part] ? `${who}'s ${PERSON_PART[part]}` : key;
}

/** The caller's voices the embedded speech engine has (flite); a hosted voice is picked to match. */
export const VOICE_LABEL: Record<string, string> = {
  slt: 'slt: woman, US English',
  rms: 'rms: man, US English',
  awb: 'awb: man, Scottish English',
  kal: 'kal: man, US English (telephone quality)',
};
