import type { Principal } from '../auth/sessions.js';
import { traineeSees } from '../calls/visibility.js';
import { ConflictError, ForbiddenError } from '../errors.js';
import type { CallEventView } from '../protocol/api.js';
import type { SupervisionMode, SupervisionState } from '../protocol/media.js';
import { FLOOR_ROLES, INSTRUCTOR_ROLES } from '../protocol/roles.js';
import { actorOf, type CallJournal } from './call-journal.js';
import type { LiveCall } from './live-call.js';
import type { Peer } from './live-calls.js';

// Supervision of a live call (DOMAIN.md): a supervisor listens in silently; an instructor
// may also whisper to the trainee (coach) or join the line (barge), switching mid-call
// without reconnecting. The media side is the room's (who consumes what) and the bridge's
// (what the caller hears); this keeps who supervises, stores every switch and leave as a
// call event with its actor, and tells the floor. A silent monitor stays unseen by the
// trainee unless the centre's policy (SHOW_MONITORED) says to show it.

export type Supervisor = { peer: Peer; mode: SupervisionMode; since: Date };

export interface SupervisionNotifier {
  callState(state: LiveCall['state']): void;
  /** Who supervises a call: to the floor only. */
  supervision(state: SupervisionState): void;
  /** A supervision event: to the floor and the call's room, the trainee's own sockets only when `traineeSees`. */
  supervisionEvent(callId: string, traineeId: string, event: CallEventView, traineeSees: boolean): void;
}

export type SupervisionDeps = { journal: CallJournal; notifier: SupervisionNotifier; showMonitored: boolean };

export type LeaveReason = 'left' | 'disconnected';

/** Who may supervise in `mode`; checked before the call is looked up, so a refusal says nothing about it. */
export function assertMaySupervise(principal: Principal, mode?: SupervisionMode): void {
  if (!FLOOR_ROLES.includes(principal.role)) throw new ForbiddenError('trainees do not supervise calls');
  if (mode && mode !== 'monitor' && !INSTRUCTOR_ROLES.includes(principal.role)) {
    throw new ForbiddenError('only instructors coach or barge in; supervisors monitor silently');
  }
}

export class Supervision {
  readonly #deps: SupervisionDeps;

  constructor(deps: SupervisionDeps) {
    this.#deps = deps;
  }

  state(call: LiveCall): SupervisionState {
    return {
      callId: call.callId,
      supervisors: [...call.supervisors.values()].map(({ peer, mode, since }) => ({
        peerId: peer.id,
        userId: peer.principal.userId,
        name: peer.principal.name,
        role: peer.principal.role,
        mode,
        since: since.toISOString(),
      })),
    };
  }

  /** Starts supervising or switches mode; the peer is in the call's media room already. */
  async supervise(call: LiveCall, peer: Peer, mode: SupervisionMode): Promise<SupervisionState> {
    const current = call.supervisors.get(peer.id);
    if (current?.mode === mode) return this.state(call);
    if (mode !== 'monitor') {
      // The recording has one instructor track and the caller one extra voice.
      const other = [...call.supervisors.values()].find((s) => s.peer.id !== peer.id && s.mode !== 'monitor');
      if (other) throw new ConflictError(`${other.peer.principal.name} is already ${other.mode === 'coach' ? 'coaching' : 'barging in on'} this call`);
    }
    await call.room.setSupervision(peer.id, mode);
    call.supervisors.set(peer.id, { peer, mode, since: new Date() });
    await this.#record(call, peer, mode, { from: current?.mode ?? null });
    return this.#changed(call);
  }

  /** Stops supervising (the media side is the caller's to drop); a peer not supervising is a no-op. */
  async leave(call: LiveCall, peerId: string, reason: LeaveReason): Promise<SupervisionState> {
    const current = call.supervisors.get(peerId);
    if (!current) return this.state(call);
    call.supervisors.delete(peerId);
    await this.#record(call, current.peer, 'leave', { mode: current.mode, reason });
    return this.#changed(call);
  }

  async #record(call: LiveCall, peer: Peer, type: SupervisionMode | 'leave', data: Record<string, string | null>): Promise<void> {
    const event = await this.#deps.journal.event(call.callId, type, actorOf(peer), data);
    call.intelligence.event(event);
    this.#deps.notifier.supervisionEvent(call.callId, call.traineeId, event, traineeSees(event, { showMonitored: this.#deps.showMonitored, live: true }));
  }

  #changed(call: LiveCall): SupervisionState {
    const state = this.state(call);
    this.#deps.notifier.supervision(state);
    if (this.#deps.showMonitored) {
      const monitored = call.supervisors.size > 0;
      if (call.state.monitored !== monitored) {
        call.state.monitored = monitored;
        if (call.live) this.#deps.notifier.callState(call.state);
      }
    }
    return state;
  }
}
