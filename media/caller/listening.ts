import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { CallRecognizer, Recognition, RecognitionStream } from '../asr/recognizer.js';
import { isAbortError } from '../asr/recognizer.js';
import { FRAME_MS, PCM_RATE_HZ } from '../format.js';
import { TurnDetector, type SpeechEnd } from '../vad/turns.js';
import type { VoiceActivityDetector } from '../vad/vad.js';

// What the caller hears: voice activity on each frame, turn detection on the result, and one
// recognition stream per trainee turn, started at the turn's real onset. At a pause (PAUSE_MS
// of silence) the owner may have the turn's recognition finished ahead of the endpoint
// (finishEarly), so the final text is in when the endpoint confirms the turn and the answer
// can be made meanwhile; if the trainee speaks again first, a new stream hears the whole turn
// again (`resumed`).

/**
 * A turn whose running transcript is already a whole question or read-back ends after this
 * much silence instead of the detector's default (400 ms): the trainee has asked, and waits.
 */
const QUICK_END_SILENCE_MS = 240;
/** Frames kept while no turn is open (1 s): more than the detector's pre-roll and confirmation. */
const RECENT_FRAMES = 50;
const PRE_ROLL_MS = 300;
/**
 * Silence after which the turn may be over (`pause`): less than the quick endpoint, so the
 * final (its worker's queue, the background pass) and the answer are made while the endpoint
 * waits out the rest. Shorter, more pauses inside a line are taken for its end: each costs a
 * second decoding of the turn so far.
 */
const PAUSE_MS = 100;

export type Turn = {
  id: string;
  stream: RecognitionStream;
  startMs: number;
  /** The running transcript so far ('' from a recognizer without partials). */
  partial: string;
  /** Audio of the turn so far (from its pre-roll), ms. */
  pushedMs: number;
  /** The turn's audio, to hear it again if the trainee goes on after a pause. */
  frames: Int16Array[];
  /** The stream finished at a pause: the final, unless the trainee goes on. */
  speculation?: Promise<Recognition> | undefined;
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
  /** The trainee paused after speech that ended at endMs: the turn may be over (finishEarly). */
  pause: [turn: Turn, endMs: number];
  /** The trainee went on after a pause: what finishEarly gave is void. */
  resumed: [turn: Turn];
  /** A turn ended and its final text is in ('' for a noise). */
  turnEnd: [heard: HeardTurn];
  error: [error: Error];
};

export class Listening extends EventEmitter<ListeningEvents> {
  readonly #vad: VoiceActivityDetector;
  readonly #turns = new TurnDetector({ pauseMs: PAUSE_MS });
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
    this.#turns.on('pause', ({ endMs }) => this.#turn && this.emit('pause', this.#turn, endMs));
    this.#turns.on('resume', () => this.#onResume());
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
    const turn: Turn = { id: randomUUID(), stream: this.#recognizer.startTurn(), startMs: atMs, partial: '', pushedMs: 0, frames: [] };
    this.#listen(turn);
    for (const { frame, atMs: at } of this.#recent) if (at >= atMs - PRE_ROLL_MS) push(turn, frame);
    this.#recent = [];
    this.#turn = turn;
    this.emit('turnStart', turn);
  }

  /** The turn's current stream's running transcript is the turn's. */
  #listen(turn: Turn): void {
    const { stream } = turn;
    stream.on('partial', (text) => {
      if (turn.stream !== stream) return;
      turn.partial = text;
      this.emit('partial', turn, this.#now());
      if (this.#turn === turn) this.#turns.setEndSilence(this.#soundsComplete(text) ? QUICK_END_SILENCE_MS : undefined);
    });
  }

  /**
   * At a pause (`pause`, speech ended at endMs), finishes the turn's recognition now, in case
   * the pause is its end: resolves with the final text if the turn is still paused when it is
   * in (else undefined; the endpoint reports the turn as ever, from this final if it stands).
   */
  async finishEarly(turn: Turn, endMs: number): Promise<HeardTurn | undefined> {
    if (this.#turn !== turn || turn.speculation) return undefined;
    const speculation = turn.stream.finish();
    turn.speculation = speculation;
    try {
      const result = await speculation;
      const text = result.text.trim();
      const standing = this.#turn === turn && turn.speculation === speculation && !this.#closed;
      return standing && text ? { turn, text, confidence: result.confidence, startMs: turn.startMs, endMs } : undefined;
    } catch {
      return undefined; // the endpoint or the call's end reports it
    }
  }

  /** The trainee goes on: a new stream hears the whole turn, this frame included. */
  #onResume(): void {
    const turn = this.#turn;
    if (!turn?.speculation) return;
    try {
      turn.stream = this.#recognizer.startTurn();
    } catch (error) {
      this.#fail(error); // the turn is heard as far as the pause
      return;
    }
    turn.speculation = undefined;
    this.#listen(turn);
    for (const frame of turn.frames) turn.stream.push(frame);
    this.emit('resumed', turn);
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
    const finishing = turn.speculation ?? turn.stream.finish();
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
  turn.frames.push(frame);
  if (!turn.speculation) turn.stream.push(frame);
  turn.pushedMs += (frame.length * 1000) / PCM_RATE_HZ;
}
