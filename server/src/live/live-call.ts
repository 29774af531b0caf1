import type { Voice } from '../../../media/bridge.js';
import type { Transcriber } from '../../../media/asr/transcriber.js';
import type { CallerPipeline } from '../../../media/caller/pipeline.js';
import type { CallState } from '../protocol/media.js';
import type { CallRoom } from '../sfu/room.js';
import type { LiveIntelligence } from './intelligence.js';
import type { Supervisor } from './supervision.js';

// One call in progress on this process: its media room, its simulated voices and the
// state the softphone renders. LiveCalls drives it; this holds it together.

export type SimulatedParty = { pipeline: CallerPipeline; voice: Voice };

export class LiveCall {
  readonly state: CallState;
  /** Ends the trainee's grace period after their browser vanished. */
  graceTimer: NodeJS.Timeout | undefined;
  /** Ends an answered call whose trainee's audio never connected. */
  mediaTimer: NodeJS.Timeout | undefined;
  agency: SimulatedParty | undefined;
  finishing: Promise<void> | undefined;
  /** Transcript writes under way: the call is not written as ended before they land. */
  readonly writes = new Set<Promise<unknown>>();
  /** The people's own streams being written down (transcripts.ts): the end of the call waits for their last lines. */
  readonly transcribers = new Set<Transcriber>();
  /** Who supervises the call now, by socket (peer) id. */
  readonly supervisors = new Map<string, Supervisor>();

  constructor(
    readonly callId: string,
    readonly traineeId: string,
    readonly startedAt: Date,
    readonly recordingPath: string,
    readonly room: CallRoom,
    readonly caller: SimulatedParty,
    status: CallState['status'],
    readonly intelligence: LiveIntelligence,
    /** The lease token this process took the call under: its writes are fenced by it. */
    readonly token: number,
  ) {
    this.state = {
      callId,
      status,
      muted: false,
      onHold: false,
      holdMs: 0,
      holdStartedAt: null,
      transfer: null,
      caller: { emotion: 'calm', activity: 'waiting', speaking: false },
    };
  }

  get live(): boolean {
    return !this.finishing && (this.state.status === 'ringing' || this.state.status === 'active');
  }

  /** Runs a write the end of the call must wait for. */
  track(write: Promise<unknown>): void {
    const settled = write.catch(() => undefined).finally(() => this.writes.delete(settled));
    this.writes.add(settled);
  }

  parties(): SimulatedParty[] {
    return this.agency ? [this.caller, this.agency] : [this.caller];
  }

  /** Closes the current hold, returning its length. */
  endHold(now = Date.now()): number {
    if (!this.state.holdStartedAt) return 0;
    const ms = now - Date.parse(this.state.holdStartedAt);
    this.state.holdMs += ms;
    this.state.holdStartedAt = null;
    this.state.onHold = false;
    return ms;
  }
}
