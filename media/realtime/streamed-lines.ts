import type { Player } from '../caller/stages.js';
import { FRAME_SAMPLES, PCM_RATE_HZ } from '../format.js';

// A speech-to-speech model's replies as they stream in: audio in pieces of any length, the
// words beside it. Pieces go to the player in whole 20 ms frames (the pacer pads a partial
// frame with silence, which would click between pieces). The player reports how much of each
// piece played; once a reply's pieces have all played, or were cut, the reply is finished:
// what was heard of it, in ms and in words. One clock: the player's reports, never a guess.

export type FinishedLine = {
  itemId: string;
  /** The words heard, cut in proportion when the reply was. */
  text: string;
  playedMs: number;
  totalMs: number;
  cut: boolean;
};

/** Words per second of a fast talker (a panicked caller says about three). */
const FAST_WORDS_PER_S = 3.5;

type Line = {
  text: string;
  /** Samples not yet a whole frame. */
  rest: Int16Array;
  pieces: Map<string, number | undefined>;
  totalMs: number;
  ended: boolean;
  cut: boolean;
};

export class StreamedLines {
  readonly #lines = new Map<string, Line>();
  /** Which reply each piece belongs to. */
  readonly #owner = new Map<string, string>();
  #pieces = 0;

  constructor(
    private readonly player: Player,
    private readonly finished: (line: FinishedLine) => void,
  ) {}

  /** Whether any piece handed to the line has not reported yet. */
  get playing(): boolean {
    return this.#owner.size > 0;
  }

  start(itemId: string): void {
    if (!this.#lines.has(itemId)) this.#lines.set(itemId, { text: '', rest: new Int16Array(0), pieces: new Map(), totalMs: 0, ended: false, cut: false });
  }

  /** More of the words; `whole` replaces them (the model's final transcript). */
  words(itemId: string, text: string, whole = false): void {
    const line = this.#lines.get(itemId);
    if (line) line.text = whole ? text : line.text + text;
  }

  /** More 16 kHz audio of a reply; nothing once it was cut. Returns the id of the piece handed to the player, if whole frames made one. */
  audio(itemId: string, pcm: Int16Array): string | undefined {
    const line = this.#lines.get(itemId);
    if (!line || line.cut || line.ended) return undefined;
    const joined = new Int16Array(line.rest.length + pcm.length);
    joined.set(line.rest);
    joined.set(pcm, line.rest.length);
    const whole = joined.length - (joined.length % FRAME_SAMPLES);
    line.rest = joined.slice(whole);
    return whole > 0 ? this.#hand(itemId, line, joined.slice(0, whole)) : undefined;
  }

  /** The reply's audio is complete: its last partial frame goes too. */
  end(itemId: string): void {
    const line = this.#lines.get(itemId);
    if (!line || line.cut || line.ended) return;
    line.ended = true;
    if (line.rest.length > 0) this.#hand(itemId, line, line.rest);
    line.rest = new Int16Array(0);
    this.#settle(itemId, line);
  }

  /** Barge-in: every reply still coming or playing takes no more audio and finishes as its pieces report. */
  cutAll(): void {
    for (const [itemId, line] of this.#lines) {
      line.cut = true;
      this.#settle(itemId, line);
    }
  }

  /** The player's report for one piece. */
  #played(pieceId: string, playedMs: number): void {
    const itemId = this.#owner.get(pieceId);
    if (itemId === undefined) return;
    this.#owner.delete(pieceId);
    const line = this.#lines.get(itemId);
    if (!line) return;
    line.pieces.set(pieceId, playedMs);
    this.#settle(itemId, line);
  }

  #hand(itemId: string, line: Line, pcm: Int16Array): string {
    const id = `${itemId}#${this.#pieces++}`;
    line.pieces.set(id, undefined);
    line.totalMs += (pcm.length * 1000) / PCM_RATE_HZ;
    this.#owner.set(id, itemId);
    this.player.play(pcm, id).then(
      (report) => this.#played(id, report.playedMs),
      () => this.#played(id, 0), // never on the line
    );
    return id;
  }

  #settle(itemId: string, line: Line): void {
    if (!(line.ended || line.cut)) return;
    const reports = [...line.pieces.values()];
    if (reports.some((r) => r === undefined)) return;
    this.#lines.delete(itemId);
    const playedMs = reports.reduce<number>((sum, r) => sum + (r ?? 0), 0);
    // Regression: a reply cut before any of its audio came (talked over as it began) was
    // stored whole, its 0 ms of audio all played; a reply is heard whole only once it has ended.
    const whole = line.ended && playedMs >= line.totalMs - 1;
    // Cut mid-way: the words in proportion to the audio heard, as the embedded voice does. Cut
    // before its audio was all in, the words that came may run far ahead of the audio (the
    // model sends its transcript first): then no more than a fast talker says in the time played.
    const words = line.text.trim().split(/\s+/).filter(Boolean);
    let count = whole ? words.length : Math.floor((words.length * playedMs) / Math.max(1, line.totalMs));
    if (!line.ended) count = Math.min(count, Math.floor((playedMs / 1000) * FAST_WORDS_PER_S));
    const heard = words.slice(0, count);
    // A reply cut before its audio was all in is cut even if every piece that came had played
    // (a slow endpoint starves the line): the model must still forget the rest.
    this.finished({ itemId, text: heard.join(' '), playedMs, totalMs: line.totalMs, cut: line.cut && !whole });
  }
}
