import type { HeardTiming, Turn } from './listening.js';
import type { TurnTiming } from './pipeline.js';
import { ReplyHandle } from './reply.js';
import type { MindCheckpoint } from './stages.js';

// A speculative answer: the trainee paused, the recogniser's final for the turn so far is in,
// and the caller makes its answer (the mind's reply, its first sentence's synthesis) while the
// endpoint waits out the rest of the silence. It goes to the line only once the endpoint
// confirms the turn with the same words; if the trainee goes on, or anything else happens to
// the caller first (a steer, a hold, a typed line, the call's end), it is dropped: its reply is
// cancelled in every stage and the mind rewound to its checkpoint, as if never asked.

export class Speculation {
  readonly reply = new ReplyHandle();
  /** The answer's timing so far; the endpoint's fills it in (the speaker reads it when the first sentence plays). */
  readonly timing: Omit<TurnTiming, 'utteranceId' | 'synthesisMs'> = { speechEndedAt: 0, endpointMs: 0, recognitionMs: 0, mindMs: 0 };
  readonly #checkpoint: MindCheckpoint;
  #confirm!: () => void;
  readonly #confirmed = new Promise<void>((resolve) => (this.#confirm = resolve));

  constructor(
    readonly turn: Turn,
    readonly text: string,
    checkpoint: MindCheckpoint,
  ) {
    this.#checkpoint = checkpoint;
  }

  /** The mind's reply is made (it took `ms`). */
  made = false;

  madeIn(ms: number): void {
    this.timing.mindMs = ms;
    this.made = true;
  }

  /** Whether the turn the endpoint ended, heard as `text`, is the one this answers. */
  answers(turn: Turn, text: string): boolean {
    return turn === this.turn && text === this.text && !this.reply.cancelled;
  }

  /** The endpoint confirmed the turn: the answer is the caller's and may start. */
  confirm(heard: HeardTiming | undefined): void {
    if (heard) Object.assign(this.timing, heard);
    this.#checkpoint.keep();
    this.#confirm();
  }

  /** Not the answer after all: nothing of it is played, and the mind is as before. */
  drop(): void {
    this.reply.cancel('superseded');
    this.#checkpoint.rewind();
  }

  /** The speaker's wait before the first sentence: until confirmed, or dropped. */
  async mayStart(signal: AbortSignal): Promise<void> {
    if (signal.aborted) return;
    await new Promise<void>((resolve) => {
      signal.addEventListener('abort', () => resolve(), { once: true });
      void this.#confirmed.then(resolve);
    });
  }
}
