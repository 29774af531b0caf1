import { formatClock, formatScore } from '../../format.js';
import { AGENCY_LABEL, outcomeText, STATUS_LABEL } from '../../words.js';
import type { CallDetail } from '../../protocol.js';
import { isOver } from '../../state/call.js';
import type { SoftphoneStore } from '../../state/softphone.js';
import { AliDisplay } from '../AliDisplay/AliDisplay.js';
import { CallerStatus } from '../CallerStatus/CallerStatus.js';
import { StatusBadge } from '../StatusBadge/StatusBadge.js';
import { MediaTrouble } from './MediaTrouble.js';
import { PhoneControls } from './PhoneControls.js';

/** Ringing time until answered, then talk time; frozen at the end of the call. */
function CallTimer({ phone }: { phone: SoftphoneStore }) {
  const t = phone.times.value;
  const label = t?.answered ? 'Talk' : 'Ring';
  return (
    <div class="call-timer" role="timer" aria-label={`${label} time`}>
      <span class="timer-label">{label}</span>
      <span data-testid="call-timer">{formatClock(t ? (t.answered ? t.talkMs : t.ringMs) : 0)}</span>
    </div>
  );
}

/** What the line is doing beyond its status: lost, on hold, conferenced with an agency. */
function LineBanners({ phone }: { phone: SoftphoneStore }) {
  const s = phone.state.value;
  const t = phone.times.value;
  const lost = phone.lost.value;
  const live = phone.live.value;
  const transfer = s?.transfer;
  return (
    <>
      {lost !== null && (
        <p class="banner banner-lost" role="alert" data-testid="call-lost">
          Call lost: {lost}
        </p>
      )}
      {live && s?.monitored && (
        <p class="banner banner-monitored" role="status" data-testid="monitored-indicator">
          Monitored
        </p>
      )}
      {phone.instructor.value && (
        <p class="banner banner-coach" role="status" data-testid="coach-indicator" data-mode={phone.instructor.value}>
          {phone.instructor.value === 'barge' ? 'Instructor on the line: the caller hears them' : 'Coach talking to you: the caller does not hear them'}
        </p>
      )}
      {live && s?.onHold && (
        <p class="banner banner-hold" role="status" data-testid="hold-indicator">
          ON HOLD <span class="mono">{formatClock(t?.currentHoldMs ?? 0)}</span>
        </p>
      )}
      {transfer && (live || transfer.stage === 'completed') && (
        <p class="banner banner-transfer" role="status" data-testid="transfer-status" data-stage={transfer.stage}>
          {transfer.stage === 'conferenced' ? `Conferenced with ${AGENCY_LABEL[transfer.agency]}` : `Transferred to ${AGENCY_LABEL[transfer.agency]} (${transfer.mode})`}
          {transfer.stage === 'conferenced' && live && phone.canControl.value && (
            <button type="button" class="btn btn-primary" data-testid="complete-transfer" disabled={phone.pending.value.has('transfer')} onClick={() => void phone.completeTransfer()}>
              Complete transfer
            </button>
          )}
        </p>
      )}
      {t?.answered && (
        <p class="line-meta">
          Hold total <span data-testid="hold-time">{formatClock(t.holdMs)}</span>
        </p>
      )}
    </>
  );
}

function Outcome({ call }: { call: CallDetail }) {
  const recording = call.recordings[0];
  return (
    <div class="outcome" data-testid="call-outcome">
      <dl class="kv">
        <dt>Outcome</dt>
        <dd>{call.outcome ? outcomeText(call.outcome) : STATUS_LABEL[call.status]}</dd>
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

/**
 * The call-taker's position: status, timer, ANI/ALI, and for the call's own trainee the line
 * keys and audio. Anyone else (a supervisor) sees the line without controls.
 */
export function Softphone({ call, phone }: { call: CallDetail; phone: SoftphoneStore }) {
  const status = phone.status.value;
  const error = phone.error.value;
  const caller = phone.caller.value;
  return (
    <section class={`panel softphone line-${status}${phone.state.value?.onHold ? ' line-hold' : ''}`} aria-labelledby="softphone-title">
      <div class="softphone-head">
        <h2 id="softphone-title">Line 1</h2>
        <StatusBadge status={status} />
        <CallTimer phone={phone} />
      </div>
      <LineBanners phone={phone} />
      <MediaTrouble phone={phone} />
      {caller && <CallerStatus caller={caller} />}
      <AliDisplay ani={call.ani} ali={call.ali} />
      {phone.canControl.value && !isOver(call) && <PhoneControls phone={phone} />}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {isOver(call) && <Outcome call={call} />}
    </section>
  );
}
