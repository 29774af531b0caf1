import { Voice } from '../bridge.js';
import { realClock } from '../clock.js';
import type { StreamEncoder } from '../codec-streams.js';

/**
 * The caller's real voice (its pacer on the real clock, so the play-out clock is the real one)
 * with an encoder that makes empty packets and a line that drops them: for tests of the
 * caller without an SFU. Records when it was handed speech, paused, resumed and stopped.
 */
export class LinePlayer extends Voice {
  readonly pauses: number[] = [];
  readonly resumes: number[] = [];
  readonly stops: number[] = [];
  /** When each utterance was handed to the line. */
  readonly plays: number[] = [];

  constructor(readonly t0 = performance.now()) {
    const encoder = { encodeFrame: () => new Uint8Array(3), close: () => undefined } as unknown as StreamEncoder;
    super(encoder, 1234, () => undefined, realClock);
  }

  override play(pcm: Int16Array, id: string): ReturnType<Voice['play']> {
    this.plays.push(performance.now() - this.t0);
    return super.play(pcm, id);
  }

  override pause(): void {
    this.pauses.push(performance.now() - this.t0);
    super.pause();
  }

  override resume(): void {
    this.resumes.push(performance.now() - this.t0);
    super.resume();
  }

  override stop(): ReturnType<Voice['stop']> {
    this.stops.push(performance.now() - this.t0);
    return super.stop();
  }
}
