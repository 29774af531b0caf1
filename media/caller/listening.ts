import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { CallRecognizer, RecognitionStream } from '../asr/recognizer.js';
import { isAbortError } from '../asr/recognizer.js';
import { FRAME_MS, PCM_RATE_HZ } from '../format.js';
import { TurnDetector, type SpeechEnd } from '../vad/turns.js';
import type { VoiceActivityDetector } from '../vad/vad.js';

// What the caller hears: voice activity on each frame, turn detection on the result, and one
// recognition stream per trainee turn, started at the turn's real onset.

/**
 * A turn whose running transcript is already a whole question or read-back ends after this
 * much silence instead of the detector's default (400 ms): the trainee has asked, and waits.
 */
const QUICK_END_SILENCE_MS = 240;
/** Frames kept while no turn is open (1 s): more than the detector's pre-roll and confirmation. */
const RECENT_FRAMES = 50;
const PRE_ROLL_MS = 300;

export type Turn = {
  id: string;
  stream: RecognitionStream;
  startMs: number;
  /** The running transcript so far ('' from a recognizer without partials). */
  partial: string;
  /** Audio handed to its recognition stream, ms. */
  pushedMs: number;
};

export type HeardTurn = { turn: Turn; text: string; confidence: number | null; startMs: number; endMs: number; timing?: HeardTiming };

/** When the trainee's speech ended (performance.now()) and how long its end and its words took to be known, ms. */
export type HeardTiming = { speechEndedAt: number; endpointMs: number; recognitionMs: number };

export type ListeningEvents = {
  /** Someone's voice is on the line (the silence clock restarts). */
  voice: [atMs: number];
  /** The first sound of a possible turn. */
  candidate: [];
  /** It was too short to be speech. */
  candidateDropped: [];
  turnStart: [turn: Turn];
  partial: [turn: Turn, atMs: number];
  /** The trainee stopped talking; the final text follows in turnEnd. */
  turnStop: [turn: Turn];
  /** A turn ended and its final text is in ('' for a noise). */
  turnEnd: [heard: HeardTurn];
  error: [error: Error];
};

export class Listening extends EventEmitter<ListeningEvents> {
  readonly #vad: VoiceActivityDetector;
  readonly #turns = new TurnDetector();
  readonly #recognizer: CallRecognizer;
  readonly #soundsComplete: (partial: string) => boolean;
  readonly #now: () => number;
  #recent: { frame: Int16Array; atMs: number }[] = [];
  #turn: Turn | undefined;
  #chain: Promise<void> = Promise.resolve();
  /** The recognition of the last turn that ended, until its final text is out. */
  #hearing: Promise<unknown> = Promise.resolve();
  #lastHeardAtMs = -Infinity;
  /** The frame the turn detector is on: its stream end (ms) and when it arrived (performance.now()). */
  #frame = { endMs: 0, arrivedAt: 0 };
  #deaf = false;
  #closed = false;

  constructor(options: { vad: VoiceActivityDetector; recognizer: CallRecognizer; soundsComplete: (partial: string) => boolean; now: () => number }) {
    super();
    this.#vad = options.vad;
    this.#recognizer = options.recognizer;
    this.#soundsComplete = options.soundsComplete;
    this.#now = options.now;
    this.#turns.on('candidate', () => this.emit('candidate'));
    this.#turns.on('candidateDropped', () => this.emit('candidateDropped'));
    this.#turns.on('speechStart', ({ atMs }) => this.#onSpeechStart(atMs));
    this.#turns.on('speechEnd', (end) => void this.#onSpeechEnd(end));
  }

  /** The turn the trainee is speaking now. */
  get turn(): Turn | undefined {
    return this.#turn;
  }

  hear(frame: Int16Array, atMs: number): void {
    if (this.#closed || this.#deaf) return;
    // Stream time must move forward for the turn detector; the bridge's clock can step back
    // a few hundred ms when it re-anchors after a stall. Frames keep their real spacing.
    if (atMs <= this.#lastHeardAtMs) atMs = this.#lastHeardAtMs + FRAME_MS;
    this.#lastHeardAtMs = atMs;
    const arrivedAt = performance.now();
    // VAD results come back in order; the turn detector sees frames in stream order.
    const probability = this.#vad.process(frame);
    this.#chain = this.#chain
      .then(async () => {
        const p = await probability;
        if (this.#closed || this.#deaf) return;
        if (p >= this.#turns.options.startThreshold) this.emit('voice', atMs);
        if (this.#turn) push(this.#turn, frame);
        else this.#remember(frame, atMs);
        this.#frame = { endMs: atMs + FRAME_MS, arrivedAt };
        this.#turns.push(frame, atMs, p);
      })
      .catch((error: unknown) => this.#fail(error));
  }

  /** On hold the caller hears nothing: the open turn is dropped. */
  setDeaf(deaf: boolean): void {
    this.#deaf = deaf;
    if (!deaf) return;
    this.#turn?.stream.cancel();
    this.#turn = undefined;
    this.#turns.reset();
    this.#recent = [];
  }

  /** Finishes the turn still being spoken (the call ends) and reports it as heard so far. */
  async flush(): Promise<HeardTurn | undefined> {
    await this.#chain;
    await this.#hearing; // a turn that just ended reports itself
    const turn = this.#turn;
    if (this.#closed || !turn) return undefined;
    this.#turn = undefined;
    try {
      const result = await turn.stream.finish();
      const text = result.text.trim() || turn.partial.trim();
      return { turn, text, confidence: result.confidence, startMs: turn.startMs, endMs: Math.max(turn.startMs, this.#lastHeardAtMs) };
    } catch (error) {
      if (!isAbortError(error)) this.#fail(error);
      return undefined;
    }
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#turn?.stream.cancel();
    this.#turns.close();
    this.#vad.close();
    void this.#recognizer.close();
    this.removeAllListeners();
  }

  #onSpeechStart(atMs: number): void {
    const stream = this.#recognizer.startTurn();
    const turn: Turn = { id: randomUUID(), stream, startMs: atMs, partial: '', pushedMs: 0 };
    stream.on('partial', (text) => {
      turn.partial = text;
      this.emit('partial', turn, this.#now());
      if (this.#turn === turn) this.#turns.setEndSilence(this.#soundsComplete(text) ? QUICK_END_SILENCE_MS : undefined);
    });
    for (const { frame, atMs: at } of this.#recent) if (at >= atMs - PRE_ROLL_MS) push(turn, frame);
    this.#recent = [];
    this.#turn = turn;
    this.emit('turnStart', turn);
  }

  async #onSpeechEnd(end: SpeechEnd): Promise<void> {
    const turn = this.#turn;
    this.#turn = undefined;
    if (!turn) return;
    this.emit('turnStop', turn);
    // Timed for the metrics: the turn's end is known endpointMs after the speech ended, which
    // was as much stream time before the frame that ended the turn as that frame's audio ends
    // after it. Regression: read off the call's clock, which a stalled host's stream time runs
    // ahead of (hear() keeps it moving forward), endpoints came out negative.
    const endpointed = performance.now();
    const endpointMs = endpointed - (this.#frame.arrivedAt - (this.#frame.endMs - end.endMs));
    const finishing = turn.stream.finish();
    this.#hearing = finishing.catch(() => undefined);
    let heard: HeardTurn;
    try {
      const result = await finishing;
      const timing = { speechEndedAt: endpointed - endpointMs, endpointMs, recognitionMs: performance.now() - endpointed };
      heard = { turn, text: result.text.trim(), confidence: result.confidence, startMs: end.startMs, endMs: end.endMs, timing };
    } catch (error) {
      if (!isAbortError(error)) this.#fail(error);
      // A failed recognition is heard as nothing, so the caller is not left silent.
      heard = { turn, text: '', confidence: null, startMs: end.startMs, endMs: end.endMs };
    }
    if (!this.#closed) this.emit('turnEnd', heard);
  }

  #remember(frame: Int16Array, atMs: number): void {
    this.#recent.push({ frame, atMs });
    if (this.#recent.length > RECENT_FRAMES) this.#recent.shift();
  }

  #fail(error: unknown): void {
    if (!this.#closed) this.emit('error', error instanceof Error ? error : new Error(String(error)));
  }
}

function push(turn: Turn, frame: Int16Array): void {
  turn.stream.push(frame);
  turn.pushedMs += (frame.length * 1000) / PCM_RATE_HZ;
}
