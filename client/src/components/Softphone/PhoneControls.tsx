import { useState } from 'preact/hooks';
import type { Agency } from '../../protocol.js';
import type { SoftphoneStore, TransferMode } from '../../state/softphone.js';
import { LevelMeter } from '../LevelMeter/LevelMeter.js';
import { MicMeter } from '../MicMeter/MicMeter.js';
import { TransferDialog } from '../TransferDialog/TransferDialog.js';
import { SHORTCUT, useShortcuts } from './useShortcuts.js';

function MicPanel({ phone, muted }: { phone: SoftphoneStore; muted: boolean }) {
  const devices = phone.devices.value;
  const chosen = phone.deviceId.value;
  const value = devices.some((d) => d.deviceId === chosen) ? chosen : (devices[0]?.deviceId ?? '');
  return (
    <div class="mic-panel">
      <div class="mic-row">
        <label for="mic-select">Microphone</label>
        {muted && (
          <span class="mic-muted" data-testid="mic-muted-indicator" role="status">
            MIC MUTED
          </span>
        )}
      </div>
      <select id="mic-select" data-testid="mic-select" value={value} onChange={(e) => void phone.selectDevice(e.currentTarget.value)}>
        {devices.length === 0 && <option value="">Default microphone</option>}
        {devices.map((d) => (
          <option key={d.deviceId} value={d.deviceId}>
            {d.label}
          </option>
        ))}
      </select>
      <div class="meters">
        <span class="meter-label">You</span>
        <MicMeter level={phone.level} muted={muted} />
        <span class="meter-label">Caller</span>
        <LevelMeter level={phone.callerLevel} label="Caller level" testid="caller-level" tone="caller" />
      </div>
    </div>
  );
}

/** The trainee's line keys. Every press asks the server; the buttons render what it answers. */
export function PhoneControls({ phone }: { phone: SoftphoneStore }) {
  const [transferOpen, setTransferOpen] = useState(false);
  const s = phone.state.value;
  const status = phone.status.value;
  const live = phone.live.value;
  const pending = phone.pending.value;
  const answering = pending.has('answer');
  const ringing = live && status === 'ringing';
  const active = live && status === 'active';
  const muted = !!s?.muted;
  const onHold = !!s?.onHold;
  const conn = phone.connectionState.value;

  useShortcuts(live && !transferOpen, {
    answer: () => ringing && void phone.answer(),
    mute: () => active && void phone.toggleMute(),
    hold: () => active && void phone.toggleHold(),
    end: () => live && void phone.end(),
  });

  const transfer = async (agency: Agency, mode: TransferMode) => {
    await phone.transfer(agency, mode);
    if (!phone.error.value) setTransferOpen(false);
  };

  return (
    <>
      <MicPanel phone={phone} muted={muted} />
      <div class="controls" role="group" aria-label="Call controls">
        <button type="button" class="btn btn-answer" data-testid="answer-call" disabled={!ringing || answering} title={`Answer (${SHORTCUT.answer})`} onClick={() => void phone.answer()}>
          {answering ? 'Answering…' : 'Answer'}
        </button>
        <button
          type="button"
          class={`btn${muted ? ' is-on' : ''}`}
          data-testid="mute"
          aria-pressed={muted}
          disabled={!active || pending.has('mute')}
          title={`${muted ? 'Unmute' : 'Mute'} your microphone (${SHORTCUT.mute})`}
          onClick={() => void phone.toggleMute()}
        >
          {muted ? 'Unmute' : 'Mute'}
        </button>
        <button
          type="button"
          class={`btn${onHold ? ' is-on' : ''}`}
          data-testid="hold"
          aria-pressed={onHold}
          disabled={!active || pending.has('hold')}
          title={`${onHold ? 'Take the caller off hold' : 'Put the caller on hold'} (${SHORTCUT.hold})`}
          onClick={() => void phone.toggleHold()}
        >
          {onHold ? 'Resume' : 'Hold'}
        </button>
        <button type="button" class="btn" data-testid="transfer" disabled={!active || pending.has('transfer') || !!s?.transfer} title="Transfer to another agency" onClick={() => setTransferOpen(true)}>
          Transfer
        </button>
        <button type="button" class="btn btn-danger" data-testid="end-call" disabled={!live || pending.has('end')} title={`End call (${SHORTCUT.end})`} onClick={() => void phone.end()}>
          End call
        </button>
      </div>
      <div class="phone-foot">
        <span class="media-state">
          Audio{' '}
          <span class={`conn conn-${conn}`} data-testid="connection-state" data-state={conn}>
            {conn}
          </span>
        </span>
        <span class="shortcuts" aria-label="Keyboard shortcuts">
          <kbd>{SHORTCUT.answer}</kbd> answer <kbd>{SHORTCUT.mute}</kbd> mute <kbd>{SHORTCUT.hold}</kbd> hold <kbd>Shift</kbd>+<kbd>E</kbd> end
        </span>
      </div>
      {phone.audioBlocked.value && (
        <button type="button" class="btn btn-primary audio-blocked" onClick={() => void phone.resumeAudio()}>
          Click to hear the caller
        </button>
      )}
      <TransferDialog open={transferOpen} busy={pending.has('transfer')} onConfirm={(a, m) => void transfer(a, m)} onClose={() => setTransferOpen(false)} />
    </>
  );
}
