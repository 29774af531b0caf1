import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { FRAME_MS, FRAME_SAMPLES } from '../format.js';
import { TurnDetector, type SpeechEnd } from '../vad/turns.js';
import type { VoiceActivityDetector } from '../vad/vad.js';
import type { CallRecognizer } from './recognizer.js';

// One person's own audio stream written down: voice activity cuts it into turns, and each turn
// is recognised once it ends. For the people the AI caller does not transcribe for the call:
// an instructor who coaches or barges in (on their own track), and the trainee while an
// instructor is mixed into what the caller hears. No partials: the lines are for the
// transcript, and nobody waits on them to reply.

/** A final line of the stream, in the stream's time (ms since the call's media started). */
export type TranscribedLine = { id: string; text: string; startMs: number; endMs: number; confidence: number | null };

export type TranscriberEvents = { line: [line: TranscribedLine]; error: [error: Error] };

export type TranscriberOptions = {
  vad: VoiceActivityDetector;
  /** Prepared for the call's vocabulary; frames are taken (and turns cut) while it prepares. */
  recognizer: Promise<CallRecognizer>;
  /** A stream that stops mid-turn (the instructor went back to listening) ends the turn after this long. */
  idleEndMs?: number;
};

const SILENCE = new Int16Array(FRAME_SAMPLES);

export class Transcriber extends EventEmitter<TranscriberEvents> {
  readonly #vad: VoiceActivityDetector;
  readonly #recognizer: Promise<CallRecognizer>;
  readonly #turns = new TurnDetector();
  readonly #idleEndMs: number;
  #chain: Promise<void> = Promise.resolve();
  /** Lines being recognised: settled() waits for them. */
  #pending = new Set<Promise<void>>();
  /** Stream time of the last frame the turn detector took (silence a flush added included). */
  #lastAtMs = -Infinity;
  #idle: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(options: TranscriberOptions) {
    super();
    this.#vad = options.vad;
    this.#recognizer = options.recognizer;
    this.#idleEndMs = options.idleEndMs ?? 500;
    // A recognizer that fails to prepare is reported once, when a line needs it.
    this.#recognizer.catch(() => undefined);
    this.#turns.on('speechEnd', (end) => this.#recognise(end));
  }

  /** 20 ms of the stream at `atMs`. */
  hear(frame: Int16Array, atMs: number): void {
    if (this.#closed) return;
    const probability = this.#vad.process(frame);
    this.#chain = this.#chain
      .then(async () => {
        const p = await probability;
        if (!this.#closed) this.#push(frame, atMs, p);
      })
      .catch((error: unknown) => this.#fail(error));
    clearTimeout(this.#idle);
    this.#idle = setTimeout(() => this.flush(), this.#idleEndMs);
    this.#idle.unref();
  }

  /** Ends a turn left open by a stream that stopped: the silence the endpoint waits for, at once. */
  flush(): void {
    clearTimeout(this.#idle);
    this.#chain = this.#chain.then(() => {
      if (this.#closed || !this.#turns.speaking) return;
      const frames = Math.ceil(this.#turns.options.endSilenceMs / FRAME_MS) + 1;
      for (let i = 0; i < frames && this.#turns.speaking; i++) this.#push(SILENCE, this.#lastAtMs + FRAME_MS, 0);
    });
  }

  /** Resolves when everything heard so far is written down (after flush(), an open turn too). */
  async settled(): Promise<void> {
    await this.#chain;
    await Promise.all(this.#pending);
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#idle);
    this.#turns.close();
    this.#vad.close();
    void this.#recognizer.then((r) => r.close(), () => undefined);
  }

  /** In the turn detector's order: its time must move forward, and a re-anchored stream (or a flush) can step it back a little. */
  #push(frame: Int16Array, atMs: number, probability: number): void {
    this.#lastAtMs = Math.max(atMs, this.#lastAtMs + FRAME_MS);
    this.#turns.push(frame, this.#lastAtMs, probability);
  }

  #recognise(end: SpeechEnd): void {
    const id = randomUUID();
    const line = (async () => {
      const recognizer = await this.#recognizer;
      const stream = recognizer.startTurn();
      stream.push(end.audio);
      const result = await stream.finish();
      const text = result.text.trim();
      if (text && !this.#closed) this.emit('line', { id, text, startMs: end.startMs, endMs: end.endMs, confidence: result.confidence });
    })().catch((error: unknown) => this.#fail(error));
    this.#pending.add(line);
    void line.finally(() => this.#pending.delete(line));
  }

  #fail(error: unknown): void {
    if (!this.#closed) this.emit('error', error instanceof Error ? error : new Error(String(error)));
  }
}
