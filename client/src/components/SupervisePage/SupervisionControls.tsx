import type { SupervisionMode } from '../../protocol.js';
import type { SupervisionStore } from '../../state/supervision.js';
import { LevelMeter } from '../LevelMeter/LevelMeter.js';

const MODES: { mode: SupervisionMode; label: string; speaks: boolean }[] = [
  { mode: 'monitor', label: 'Monitor', speaks: false },
  { mode: 'coach', label: 'Coach', speaks: true },
  { mode: 'barge', label: 'Barge in', speaks: true },
];

const MODE_STATUS: Record<SupervisionMode | 'none', string> = {
  none: 'Not listening',
  monitor: 'Monitoring',
  coach: 'Coaching',
  barge: 'Barged in',
};

/** Who hears whom in each mode (DOMAIN.md), said where the buttons are. */
const MODE_HINT: Record<SupervisionMode | 'none', string> = {
  none: 'Listen to the trainee and the caller without being heard, or pick a mode.',
  monitor: 'You hear the trainee and the caller. Nobody hears you.',
  coach: 'You hear the trainee and the caller. Only the trainee hears you.',
  barge: 'You are on the line: the trainee and the caller hear you.',
};

/** The supervisor's keys: a mode switch happens mid-call on the same audio connection. */
export function SupervisionControls({ supervision, live }: { supervision: SupervisionStore; live: boolean }) {
  const mode = supervision.mode.value;
  const pending = supervision.pending.value;
  const canSpeak = supervision.canSpeak.value;
  const conn = supervision.connectionState.value;
  const key = mode ?? 'none';
  const others = supervision.supervisors.value;
  return (
    <section class="panel supervise-panel" aria-labelledby="supervise-title">
      <div class="panel-head">
        <h2 id="supervise-title">Supervision</h2>
        <span class={`mode-pill supervise-mode-${key}`} data-testid="supervision-mode" data-mode={key} role="status">
          {pending && pending !== mode ? `${pending === 'leave' ? 'Leaving' : MODE_STATUS[pending]}…` : MODE_STATUS[key]}
        </span>
      </div>
      <p class="panel-hint">{MODE_HINT[key]}</p>
      <div class="controls" role="group" aria-label="Supervision mode">
        {MODES.filter((m) => canSpeak || !m.speaks).map((m) => (
          <button
            key={m.mode}
            type="button"
            class={`btn${mode === m.mode ? ' is-on' : ''}`}
            data-testid={`supervise-${m.mode}`}
            aria-pressed={mode === m.mode}
            disabled={!live || pending !== null || mode === m.mode}
            onClick={() => void supervision.supervise(m.mode)}
          >
            {m.label}
          </button>
        ))}
        <button type="button" class="btn btn-danger" data-testid="supervise-leave" disabled={!mode || pending !== null} onClick={() => void supervision.leave()}>
          Leave
        </button>
      </div>
      {canSpeak && mode !== null && (
        <div class="meters">
          <span class="meter-label">You</span>
          <LevelMeter level={supervision.level} label="Your microphone level" testid="mic-level" tone={mode === 'monitor' ? 'muted' : 'mic'} />
        </div>
      )}
      <p class="phone-foot">
        <span class="media-state">
          Audio{' '}
          <span class={`conn conn-${conn}`} data-testid="supervise-connection" data-state={conn}>
            {conn}
          </span>
        </span>
      </p>
      {others.length > 0 && (
        <ul class="supervisor-list" data-testid="call-supervisors" aria-label="Supervising this call">
          {others.map((s) => (
            <li key={s.peerId} data-testid="call-supervisor" data-mode={s.mode}>
              {s.name} <span class="muted">({MODE_STATUS[s.mode].toLowerCase()})</span>
            </li>
          ))}
        </ul>
      )}
      {supervision.audioBlocked.value && (
        <button type="button" class="btn btn-primary audio-blocked" onClick={() => void supervision.resumeAudio()}>
          Click to hear the call
        </button>
      )}
      {supervision.error.value && (
        <p class="error" role="alert" data-testid="supervise-error">
          {supervision.error.value}
        </p>
      )}
    </section>
  );
}
