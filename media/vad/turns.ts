// Turn detection (endpointing) for one speaker: turns a per-frame speech probability into
// "the trainee started talking" and "the trainee finished a turn, here is the audio".
// It is synchronous and knows nothing of the VAD engine or the clock: stream time comes in
// with each frame, so tests replay audio faster than real time and get the same events.
import { EventEmitter } from 'node:events';
import { InvalidStateError } from '../errors.js';
import { FRAME_MS, FRAME_SAMPLES } from '../format.js';

export interface TurnDetectorOptions {
  /** Probability that can open a turn. */
  startThreshold?: number;
  /** Probability that keeps a turn going: lower than the start, so a soft syllable does not end it. */
  continueThreshold?: number;
  /** Speech must last this long before speechStart: clicks, coughs and "uh" stay below it. */
  minSpeechMs?: number;
  /**
   * Non-speech that ends a turn. Its length is added, whole, to the AI's reply latency; an
   * owner that knows the turn is complete can shorten it for that turn (setEndSilence).
   */
  endSilenceMs?: number;
  /** Audio kept from before the onset, so the recognizer hears the first phoneme's attack. */
  preRollMs?: number;
  /**
   * Silence inside a turn after which `pause` is emitted (once per silence; `resume` if speech
   * comes back before the endpoint): the owner may start on the answer speculatively. 0: never.
   */
  pauseMs?: number;
  /** A turn this long is ended even without a pause, so a stuck open mic still gets an answer. */
  maxTurnMs?: number;
  /**
   * Inside a turn, a frame this far below the turn's loudest frame counts as silence for the
   * endpoint even while the VAD still calls it speech: Silero keeps a faint tail "speech" for
   * up to 160 ms after the words end. 0 turns this off.
   */
  quietBelowPeakDb?: number;
}

// Numbers behind the defaults: media/vad/README.md (measured with media/vad/bench.ts).
export const TURN_DEFAULTS: Readonly<Required<TurnDetectorOptions>> = Object.freeze({
  startThreshold: 0.5,
  continueThreshold: 0.35,
  minSpeechMs: 200,
  // Reply budget 700 ms p50: Silero's ~50 ms end lag + 400 ms here leaves ~250 ms for the
  // final transcript, the first LLM sentence and the first TTS frame. Going lower cuts turns:
  // the longest pause Silero saw inside one flite turn ("Okay. Is he awake? Can...") was 320 ms.
  endSilenceMs: 400,
  // Silero confirms fricative onsets late ("Stay": up to 220 ms after the /s/ starts), and a
  // recognizer that misses the first phoneme misses the word.
  preRollMs: 300,
  maxTurnMs: 30_000,
  // On 4 flite voices x 8 sentences the endpoint then starts counting 20 ms after the words'
  // end at p50 (80 max) instead of 80 ms (220 max), and no sentence split in two; 30 dB split one.
  quietBelowPeakDb: 35,
  pauseMs: 0,
});

export interface SpeechStart {
  type: 'speechStart';
  /** Stream time of the first frame of the turn (the onset, not the moment it was confirmed). */
  atMs: number;
}

export interface SpeechEnd {
  type: 'speechEnd';
  startMs: number;
  /** End of the last speech frame; the event itself arrives endSilenceMs later. */
  endMs: number;
  /** Pre-roll + the turn + the trailing silence up to the endpoint, at 16 kHz. */
  audio: Int16Array;
  /** Stream time of audio[0]: startMs minus the pre-roll that was available. */
  audioStartMs: number;
  reason: 'silence' | 'maxLength';
}

export type TurnEvent = SpeechStart | SpeechEnd;

export type TurnDetectorEvents = {
  /** The first speech frame: maybe a turn, maybe a cough. Followed by speechStart or candidateDropped. */
  candidate: [atMs: number];
  /** The candidate was too short to be speech. */
  candidateDropped: [];
  speechStart: [event: SpeechStart];
  speechEnd: [event: SpeechEnd];
  /** The turn has been silent for pauseMs since its speech ended at `endMs`: it may be over. */
  pause: [event: { startMs: number; endMs: number }];
  /** Speech again after a pause, before the endpoint: the turn goes on. */
  resume: [];
};

type State = 'idle' | 'pending' | 'speaking';

/** Longest dip a turn may have before it is confirmed: two Silero windows. */
const ONSET_GAP_MS = 60;

export class TurnDetector extends EventEmitter<TurnDetectorEvents> {
  readonly options: Readonly<Required<TurnDetectorOptions>>;
  readonly #preRollFrames: number;
  /** Frames before the current onset candidate, newest last, at most preRollFrames. */
  #ring: { frame: Int16Array; atMs: number }[] = [];
  /** Pre-roll + every frame since the onset candidate. */
  #turn: { frame: Int16Array; atMs: number }[] = [];
  #state: State = 'idle';
  #onsetMs = 0;
  #speechMs = 0;
  #lastSpeechEndMs = 0;
  #lastAtMs = -Infinity;
  /** A pause was reported in the current silence. */
  #paused = false;
  /** The current turn's endpoint: endSilenceMs unless its owner knows better (setEndSilence). */
  #endSilenceMs: number;
  /** Mean square of the turn's loudest frame, and the share of it below which a frame is faint. */
  #peakPower = 0;
  readonly #faintRatio: number;
  #closed = false;

  constructor(options: TurnDetectorOptions = {}) {
    super();
    const o = { ...TURN_DEFAULTS, ...stripUndefined(options) };
    if (!(o.startThreshold > 0 && o.startThreshold <= 1)) throw new TypeError('startThreshold must be in (0, 1]');
    if (!(o.continueThreshold > 0 && o.continueThreshold <= o.startThreshold)) {
      throw new TypeError('continueThreshold must be in (0, startThreshold]');
    }
    for (const k of ['minSpeechMs', 'endSilenceMs', 'preRollMs', 'maxTurnMs', 'quietBelowPeakDb', 'pauseMs'] as const) {
      if (!(Number.isFinite(o[k]) && o[k] >= 0)) throw new TypeError(`${k} must be a finite number >= 0`);
    }
    if (o.maxTurnMs <= o.minSpeechMs) throw new TypeError('maxTurnMs must exceed minSpeechMs');
    this.options = Object.freeze(o);
    this.#preRollFrames = Math.ceil(o.preRollMs / FRAME_MS);
    this.#endSilenceMs = o.endSilenceMs;
    this.#faintRatio = o.quietBelowPeakDb > 0 ? 10 ** (-o.quietBelowPeakDb / 10) : 0;
  }

  /** True between speechStart and speechEnd: what barge-in logic watches. */
  get speaking(): boolean {
    return this.#state === 'speaking';
  }

  get closed(): boolean {
    return this.#closed;
  }

  /**
   * Silence that ends the turn in progress, in place of endSilenceMs (undefined: back to it).
   * For an owner that can tell the turn is complete, e.g. its transcript is a whole question.
   * Taking effect at the next frame: if that much silence has already passed, the turn ends
   * there. Every new turn starts from endSilenceMs again.
   */
  setEndSilence(ms: number | undefined): void {
    if (ms !== undefined && !(Number.isFinite(ms) && ms >= FRAME_MS)) throw new TypeError(`end silence must be >= ${FRAME_MS} ms`);
    this.#endSilenceMs = ms ?? this.options.endSilenceMs;
  }

  /**
   * One 20 ms frame starting at stream time `atMs`, with the VAD's probability for it.
   * Events are emitted synchronously, from inside this call.
   */
  push(frame: Int16Array, atMs: number, probability: number): void {
    if (this.#closed) throw new InvalidStateError('TurnDetector is closed');
    if (!(frame instanceof Int16Array) || frame.length !== FRAME_SAMPLES) {
      throw new TypeError(`a frame is an Int16Array of ${FRAME_SAMPLES} samples`);
    }
    if (!Number.isFinite(atMs) || atMs <= this.#lastAtMs) throw new TypeError(`atMs must increase (${atMs} after ${this.#lastAtMs})`);
    if (!(probability >= 0 && probability <= 1)) throw new TypeError(`probability must be in [0, 1], got ${probability}`);
    this.#lastAtMs = atMs;
    const o = this.options;
    const endMs = atMs + FRAME_MS;
    const entry = { frame: frame.slice(), atMs }; // the caller may reuse its buffer

    switch (this.#state) {
      case 'idle':
        if (probability >= o.startThreshold) {
          this.#state = 'pending';
          this.#onsetMs = atMs;
          this.#speechMs = 0;
          this.#peakPower = 0;
          this.#turn = [...this.#ring];
          this.#ring = [];
          this.emit('candidate', atMs);
          this.#pendingFrame(entry, endMs, probability);
        } else {
          this.#ring.push(entry);
          if (this.#ring.length > this.#preRollFrames) this.#ring.shift();
        }
        return;
      case 'pending':
        this.#pendingFrame(entry, endMs, probability);
        return;
      case 'speaking': {
        this.#turn.push(entry);
        const power = meanSquare(frame);
        const faint = power < this.#peakPower * this.#faintRatio;
        this.#peakPower = Math.max(this.#peakPower, power);
        const speech = probability >= o.continueThreshold && !faint;
        if (speech) this.#lastSpeechEndMs = endMs;
        if (endMs - this.#lastSpeechEndMs >= this.#endSilenceMs) this.#end(this.#lastSpeechEndMs, 'silence');
        else if (endMs - this.#onsetMs >= o.maxTurnMs) this.#end(endMs, 'maxLength');
        else if (speech && this.#paused) {
          this.#paused = false;
          this.emit('resume');
        } else if (!speech && !this.#paused && o.pauseMs > 0 && endMs - this.#lastSpeechEndMs >= o.pauseMs) {
          this.#paused = true;
          this.emit('pause', { startMs: this.#onsetMs, endMs: this.#lastSpeechEndMs });
        }
        return;
      }
    }
  }

  // Until minSpeechMs of speech is confirmed, a dip below the continue threshold longer than
  // ONSET_GAP_MS drops the candidate: a cough or click is one short blob, while a word stays
  // voiced for 200 ms+. The gap allowance exists because Silero dips for one 32 ms window at a
  // word's stop consonant ("Okay" lost 280 ms of onset without it). Dropped audio goes back
  // into the pre-roll.
  #pendingFrame(entry: { frame: Int16Array; atMs: number }, endMs: number, probability: number): void {
    this.#turn.push(entry);
    this.#peakPower = Math.max(this.#peakPower, meanSquare(entry.frame));
    if (probability < this.options.continueThreshold) {
      if (endMs - this.#lastSpeechEndMs <= ONSET_GAP_MS) return;
      this.#state = 'idle';
      this.#ring = this.#turn.slice(-this.#preRollFrames);
      this.#turn = [];
      this.emit('candidateDropped');
      return;
    }
    this.#speechMs += FRAME_MS;
    this.#lastSpeechEndMs = endMs;
    if (this.#speechMs >= this.options.minSpeechMs) {
      this.#state = 'speaking';
      this.#paused = false;
      this.#endSilenceMs = this.options.endSilenceMs;
      this.emit('speechStart', { type: 'speechStart', atMs: this.#onsetMs });
    }
  }

  #end(endMs: number, reason: SpeechEnd['reason']): void {
    const frames = this.#turn;
    const audio = new Int16Array(frames.length * FRAME_SAMPLES);
    frames.forEach((f, i) => audio.set(f.frame, i * FRAME_SAMPLES));
    const event: SpeechEnd = {
      type: 'speechEnd',
      startMs: this.#onsetMs,
      endMs,
      audio,
      audioStartMs: frames[0]?.atMs ?? this.#onsetMs,
      reason,
    };
    this.#state = 'idle';
    this.#turn = [];
    // The trailing silence becomes the next turn's pre-roll.
    this.#ring = frames.slice(-this.#preRollFrames);
    this.emit('speechEnd', event);
  }

  /**
   * Forgets everything (hold, a gap in the stream). A turn in progress is dropped without a
   * speechEnd; returns true if speechStart had been emitted for it, so the owner can undo
   * whatever it did on speechStart.
   */
  reset(): boolean {
    const dropped = this.#state === 'speaking';
    this.#state = 'idle';
    this.#ring = [];
    this.#turn = [];
    this.#lastAtMs = -Infinity;
    return dropped;
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.reset();
    this.removeAllListeners();
  }
}

function meanSquare(frame: Int16Array): number {
  let sum = 0;
  for (let i = 0; i < frame.length; i++) sum += frame[i]! * frame[i]!;
  return sum / frame.length;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
