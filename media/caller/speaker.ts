import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { SpeechCache } from '../speech/cache.js';
import { sentences, type SpeechSynthesizer, type Voice } from '../speech/synthesizer.js';
import type { TurnTiming } from './pipeline.js';
import type { PlayedLine, ReplyHandle } from './reply.js';
import type { Fallback, Player } from './stages.js';

// Sentence scheduling: a reply is synthesized sentence by sentence and the first plays while
// the rest is made. Each sentence goes to the line only shortly before the one before it ends,
// by the player's own clock (its queue), so a newer reply follows the sentence being said
// instead of the rest of a long speech.

/** A reply's next sentence goes to the line this long before the one playing ends: no gap. */
const SENTENCE_LEAD_MS = 300;

export type SpeakerEvents = {
  /** A sentence was played, whole or cut: the words the listener really heard. */
  said: [line: PlayedLine];
  /** The answer to a spoken turn: its first sentence goes to the player now, under `utteranceId`. */
  turn: [timing: TurnTiming];
  /** The synthesizer failed on a sentence and the embedded one spoke it. */
  fallback: [fallback: Fallback];
  /** Synthesis failed on a sentence (and the fallback, if any): the rest of the reply is dropped. */
  error: [error: Error];
};

export class Speaker extends EventEmitter<SpeakerEvents> {
  readonly #synthesizer: SpeechCache;
  readonly #fallback: SpeechCache | undefined;
  readonly #player: Player;

  /** `fallback`: the embedded synthesizer that speaks a sentence a hosted one failed on. */
  constructor(synthesizer: SpeechSynthesizer, player: Player, fallback?: SpeechSynthesizer) {
    super();
    this.#synthesizer = SpeechCache.for(synthesizer);
    this.#fallback = fallback && SpeechCache.for(fallback);
    this.#player = player;
  }

  /** Makes `lines` ahead in `voice`, while nothing else is being made. */
  prepare(lines: string[], voice: Voice): void {
    this.#synthesizer.prepare(lines.flatMap(sentences), voice);
  }

  /**
   * Speaks `text` for `reply`; its first sentence waits for `mayStart` (the trainee is still
   * talking). Returns once every sentence is on the line or the reply was cancelled;
   * `reply.done` then resolves with what was played. `timing`: the answer to a spoken turn,
   * its steps before this one; the first sentence's synthesis completes it.
   */
  async speak(text: string, voice: Voice, reply: ReplyHandle, mayStart: (signal: AbortSignal) => Promise<void>, timing?: Omit<TurnTiming, 'utteranceId' | 'synthesisMs'>): Promise<void> {
    const { signal } = reply;
    try {
      let first = true;
      for (const sentence of sentences(text)) {
        const synthesizing = performance.now();
        const pcm = await this.#synthesize(sentence, voice, signal);
        const synthesisMs = performance.now() - synthesizing;
        if (first) await mayStart(signal);
        first = false;
        for (let wait = this.#player.queuedMs - SENTENCE_LEAD_MS; wait > 0 && !signal.aborted; wait = this.#player.queuedMs - SENTENCE_LEAD_MS) {
          await sleep(wait, undefined, { signal });
        }
        if (signal.aborted) return;
        const id = randomUUID();
        if (timing) this.emit('turn', { ...timing, utteranceId: id, synthesisMs });
        timing = undefined; // only the first sentence is the answer's latency
        reply.track(
          this.#player.play(pcm, id).then((played) => {
            const line = { id, text: heardWords(sentence, played.playedMs, played.totalMs), playedMs: played.playedMs, totalMs: played.totalMs };
            if (line.text) this.emit('said', line);
            return line.text ? line : null;
          }),
        );
      }
    } catch (error) {
      if (!signal.aborted) this.emit('error', error instanceof Error ? error : new Error(String(error)));
    } finally {
      void reply.end(); // resolves once what was handed to the line has played
    }
  }

  async #synthesize(sentence: string, voice: Voice, signal: AbortSignal): Promise<Int16Array> {
    try {
      return await this.#synthesizer.synthesize(sentence, voice, signal);
    } catch (error) {
      if (signal.aborted || !this.#fallback) throw error;
      this.emit('fallback', { stage: 'synthesis', reason: `${this.#synthesizer.name}: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300) });
      return this.#fallback.synthesize(sentence, voice, signal);
    }
  }
}

/** The words of a sentence the listener really heard, when it was cut off part-way. */
export function heardWords(text: string, playedMs: number, totalMs: number): string {
  if (playedMs >= totalMs) return text;
  const words = text.split(/\s+/);
  return words.slice(0, Math.floor((words.length * playedMs) / Math.max(1, totalMs))).join(' ');
}
