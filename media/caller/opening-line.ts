import { EventEmitter } from 'node:events';
import type { SpeechSynthesizer, Voice } from '../speech/synthesizer.js';
import type { CallerPipeline, CallerPipelineEvents } from './pipeline.js';

/**
 * The smallest real caller: says one line through the real speech engine when answered
 * and nothing else. It carries the media plane until the dialogue engine arrives, and
 * voices a transfer's receiving agency ("Riverton Fire, go ahead").
 */
export class OpeningLineCaller extends EventEmitter<CallerPipelineEvents> implements CallerPipeline {
  readonly #line: string;
  readonly #voice: Voice;
  readonly #tts: SpeechSynthesizer;
  readonly #abort = new AbortController();
  #answered = false;
  #onHold = false;
  #pending: { id: string; text: string; pcm: Int16Array } | undefined;
  /** ms of trainee audio heard, for tests and the next layer's turn-taking. */
  heardMs = 0;

  constructor(options: { line: string; voice: Voice; synthesizer: SpeechSynthesizer; id?: string }) {
    super();
    this.#line = options.line;
    this.#voice = options.voice;
    this.#tts = options.synthesizer;
    this.id = options.id ?? 'opening';
  }

  readonly id: string;

  answer(): void {
    if (this.#answered) return;
    this.#answered = true;
    this.#tts.synthesize(this.#line, this.#voice, this.#abort.signal).then(
      (pcm) => {
        this.#pending = { id: this.id, text: this.#line, pcm };
        this.#flush();
      },
      (error: Error) => {
        if (!this.#abort.signal.aborted) this.emit('error', error);
      },
    );
  }

  hear(frame: Int16Array): void {
    this.heardMs += (frame.length * 1000) / 16_000;
  }

  setOnHold(onHold: boolean): void {
    this.#onHold = onHold;
    this.#flush();
  }

  close(): void {
    this.#abort.abort();
    this.removeAllListeners();
  }

  // A caller put on hold before its line was ready says it when taken off hold.
  #flush(): void {
    if (!this.#pending || this.#onHold) return;
    const utterance = this.#pending;
    this.#pending = undefined;
    this.emit('say', utterance);
  }
}
