import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { SpeechSynthesizer, Voice } from '../speech/synthesizer.js';
import type { CallerPipeline, CallerPipelineEvents } from './pipeline.js';
import { heardWords } from './speaker.js';
import type { Player } from './stages.js';

/**
 * The smallest real caller: says one line through the real speech engine when answered and
 * nothing else. It voices a transfer's receiving agency ("Riverton Fire, go ahead").
 */
export class OpeningLineCaller extends EventEmitter<CallerPipelineEvents> implements CallerPipeline {
  readonly #line: string;
  readonly #voice: Voice;
  readonly #tts: SpeechSynthesizer;
  readonly #player: Player;
  readonly #abort = new AbortController();
  #answered = false;
  #onHold = false;
  #pending: Int16Array | undefined;

  constructor(options: { line: string; voice: Voice; synthesizer: SpeechSynthesizer; player: Player }) {
    super();
    this.#line = options.line;
    this.#voice = options.voice;
    this.#tts = options.synthesizer;
    this.#player = options.player;
  }

  answer(): void {
    if (this.#answered) return;
    this.#answered = true;
    this.#tts.synthesize(this.#line, this.#voice, this.#abort.signal).then(
      (pcm) => {
        this.#pending = pcm;
        this.#flush();
      },
      (error: Error) => {
        if (!this.#abort.signal.aborted) this.emit('error', error);
      },
    );
  }

  hear(): void {}

  setOnHold(onHold: boolean): void {
    this.#onHold = onHold;
    if (onHold) this.#player.stop();
    this.#flush();
  }

  close(): void {
    this.#abort.abort();
    this.removeAllListeners();
  }

  // A party put on hold before its line was ready says it when taken off hold.
  #flush(): void {
    if (!this.#pending || this.#onHold) return;
    const pcm = this.#pending;
    this.#pending = undefined;
    const id = randomUUID();
    void this.#player.play(pcm, id).then((played) => {
      const text = heardWords(this.#line, played.playedMs, played.totalMs);
      if (text) this.emit('said', { id, text, playedMs: played.playedMs, totalMs: played.totalMs });
    }, (error: Error) => this.emit('error', error));
  }
}
