import { useEffect, useState } from 'preact/hooks';
import { formatClock, formatScore } from '../../format.js';
import type { CallDetail } from '../../protocol.js';
import { isOver } from '../../state/call.js';
import { AliDisplay } from '../AliDisplay/AliDisplay.js';
import { StatusBadge } from '../StatusBadge/StatusBadge.js';

function useNow(running: boolean, everyMs = 500): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [running, everyMs]);
  return now;
}

/** Ringing time until answered, then talk time; frozen at the end of the call. */
function CallTimer({ call }: { call: CallDetail }) {
  const over = isOver(call);
  const now = useNow(!over);
  const from = Date.parse(call.answeredAt ?? call.startedAt);
  const to = call.endedAt ? Date.parse(call.endedAt) : over ? from : now;
  const label = call.answeredAt ? 'Talk' : 'Ring';
  return (
    <div class="call-timer" role="timer" aria-label={`${label} time`}>
      <span class="timer-label">{label}</span>
      <span data-testid="call-timer">{formatClock(to - from)}</span>
    </div>
  );
}

// Audio controls arrive with the media issue; they are here so the layout is final.
const SOON = 'Available when call audio is connected';

function Controls({ call, ending, onEnd }: { call: CallDetail; ending: boolean; onEnd: () => void }) {
  const live = !isOver(call);
  return (
    <div class="controls" role="group" aria-label="Call controls">
      <button type="button" class="btn btn-answer" disabled title={SOON} data-testid="answer-call">
        Answer
      </button>
      <button type="button" class="btn" disabled title={SOON} aria-pressed="false" data-testid="mute">
        Mute
      </button>
      <button type="button" class="btn" disabled title={SOON} aria-pressed="false" data-testid="hold">
        Hold
      </button>
      <button type="button" class="btn" disabled title={SOON} data-testid="transfer">
        Transfer
      </button>
      <button type="button" class="btn btn-danger" data-testid="end-call" disabled={!live || ending} onClick={onEnd}>
        {ending ? 'Ending…' : 'End call'}
      </button>
    </div>
  );
}

function Outcome({ call }: { call: CallDetail }) {
  const recording = call.recordings[0];
  return (
    <div class="outcome" data-testid="call-outcome">
      <dl class="kv">
        <dt>Outcome</dt>
        <dd>{call.outcome ?? call.status}</dd>
        {call.endReason && (
          <>
            <dt>Reason</dt>
            <dd>{call.endReason}</dd>
          </>
        )}
        <dt>Score</dt>
        <dd>{formatScore(call.score)}</dd>
      </dl>
      <p class="outcome-links">
        {recording?.url && (
          <a href={recording.url} data-testid="recording-link" target="_blank" rel="noopener">
            Recording ({formatClock(recording.durationMs)})
          </a>
        )}
        <a href={`/calls/${call.id}/review`} data-testid="review-link">
          Review this call
        </a>
      </p>
    </div>
  );
}

/** The call-taker's position: status, timer, ANI/ALI and the line controls. */
export function Softphone({ call, ending, onEnd }: { call: CallDetail; ending: boolean; onEnd: () => void }) {
  return (
    <section class={`panel softphone line-${call.status}`} aria-labelledby="softphone-title">
      <div class="softphone-head">
        <h2 id="softphone-title">Line 1</h2>
        <StatusBadge status={call.status} />
        <CallTimer call={call} />
      </div>
      <AliDisplay ani={call.ani} ali={call.ali} />
      <Controls call={call} ending={ending} onEnd={onEnd} />
      {isOver(call) && <Outcome call={call} />}
    </section>
  );
}
