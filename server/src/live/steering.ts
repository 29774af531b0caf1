import { backgroundLoop, type Background } from '../../../media/background.js';
import type { Voice } from '../../../media/bridge.js';
import type { SpeechSynthesizer } from '../../../media/speech/synthesizer.js';
import { traineeSees } from '../calls/visibility.js';
import { BadRequestError, ConflictError } from '../errors.js';
import type { SteerCommand } from '../protocol/steer.js';
import { actorOf, type CallJournal } from './call-journal.js';
import type { LiveCall } from './live-call.js';
import type { Peer } from './live-calls.js';
import type { SupervisionNotifier } from './supervision.js';

// An instructor steering the simulated caller, unheard by the trainee: the caller's mind
// (escalate, calm, reveal, withhold, an event), the caller hanging up, noise behind the
// caller. Every steer is a `steer` call event with who sent it, for the floor and the review,
// never for the trainee while the call is live.

export type SteeringDeps = {
  journal: CallJournal;
  notifier: Pick<SupervisionNotifier, 'supervisionEvent'>;
  /** Makes the crowd and the TV (speech); wind and sirens are synthesised. */
  synthesizer: SpeechSynthesizer;
  hangUp: (call: LiveCall, actorId: string) => Promise<void>;
};

export class Steering {
  readonly #deps: SteeringDeps;
  readonly #loops = new Map<Background, Promise<Int16Array>>();

  constructor(deps: SteeringDeps) {
    this.#deps = deps;
  }

  async steer(call: LiveCall, peer: Peer, steer: SteerCommand): Promise<null> {
    if (call.state.status !== 'active') throw new ConflictError('the caller can be steered once the call is answered');
    // Stored first: a hang-up ends the call, and its steer must come before its end.
    const event = await this.#deps.journal.event(call.callId, 'steer', actorOf(peer), steer);
    this.#deps.notifier.supervisionEvent(call.callId, call.traineeId, event, traineeSees(event, { showMonitored: false, live: true }));
    call.intelligence.event(event);
    switch (steer.action) {
      case 'hangUp':
        await this.#deps.hangUp(call, peer.principal.userId);
        break;
      case 'noise':
        await this.#noise(call, steer.noise);
        break;
      default:
        if (!call.caller.pipeline.steer) throw new ConflictError('this caller cannot be steered');
        try {
          call.caller.pipeline.steer(steer);
        } catch (error) {
          if (error instanceof TypeError) throw new BadRequestError(error.message);
          throw error;
        }
    }
    return null;
  }

  /** Noise on its own track behind the caller: everyone who hears the caller hears it. */
  async #noise(call: LiveCall, noise: Background | 'none'): Promise<void> {
    call.room.removeVoice('background');
    if (noise === 'none') return;
    let loop = this.#loops.get(noise);
    if (!loop) {
      loop = backgroundLoop(noise, this.#deps.synthesizer);
      this.#loops.set(noise, loop);
      loop.catch(() => this.#loops.delete(noise));
    }
    const pcm = await loop;
    if (!call.live) return;
    playLoop(await call.room.addVoice('background'), pcm);
  }
}

/** Plays `pcm` round and round until the voice is closed; two rounds queued, so no gap between them. */
function playLoop(voice: Voice, pcm: Int16Array): void {
  let round = 0;
  const next = (): void => {
    voice
      .play(pcm, `background-${round++}`)
      .then((played) => {
        if (!played.interrupted) next();
      })
      .catch(() => undefined); // the voice closed between two rounds
  };
  next();
  next();
}
