// One reply of the caller from understanding to play-out. Its signal goes to every stage that
// works on it (the mind and its LLM, synthesis, the wait for the line), so one cancel stops all
// of them; it resolves with what of it was really played, which is all the transcript keeps.

/** A sentence of a reply as the line played it: cut short, `text` holds the words heard. */
export type PlayedLine = { id: string; text: string; playedMs: number; totalMs: number };

export type ReplyEnd = 'played' | 'superseded' | 'interrupted' | 'held' | 'closed';

export class ReplyHandle {
  readonly #abort = new AbortController();
  readonly #lines: PlayedLine[] = [];
  readonly #pending = new Set<Promise<unknown>>();
  readonly done: Promise<PlayedLine[]>;
  #finish!: (lines: PlayedLine[]) => void;
  #settled = false;

  constructor() {
    this.done = new Promise((resolve) => (this.#finish = resolve));
  }

  get signal(): AbortSignal {
    return this.#abort.signal;
  }

  get cancelled(): boolean {
    return this.#abort.signal.aborted;
  }

  /** Stops every stage still working on this reply; what is already on the line plays on unless the player is stopped. */
  cancel(why: Exclude<ReplyEnd, 'played'>): void {
    if (!this.#abort.signal.aborted) this.#abort.abort(new DOMException(`reply ${why}`, 'AbortError'));
    void this.#settle();
  }

  /** A sentence went to the line; its report is counted once the line has played or cut it. */
  track(playing: Promise<PlayedLine | null>): void {
    const settled = playing.then(
      (line) => void (line && this.#lines.push(line)),
      () => undefined,
    );
    this.#pending.add(settled);
    void settled.finally(() => this.#pending.delete(settled));
  }

  /** Everything of the reply has been handed to the line (or it was cancelled). */
  async end(): Promise<void> {
    await this.#settle();
  }

  async #settle(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all(this.#pending);
    if (this.#settled) return;
    this.#settled = true;
    this.#finish(this.#lines);
  }
}
