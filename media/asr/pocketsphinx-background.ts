// The background pass of a PocketSphinx worker (pocketsphinx-worker.ts): a second decoder per
// call that searches the call's model interpolated with a general one, which hears phrasings
// the call's model never saw (at ~1.5x the decoding). It takes the turn's audio only while the
// thread has nothing else to do, lagging behind the call's own decoder; at the end of the turn
// its words replace that decoder's only when that one was unsure and the pass has (nearly)
// caught up. It is bounded so that it never holds up a reply: it does not run while another
// call on the worker is mid-turn or the host's CPUs are saturated (the pass is extra work, and
// on a starved host it takes the CPU the call decoder, the codecs and the media path need), on
// a turn longer than MAX_TURN_MS, or once it has fallen MAX_LAG_MS behind; each such turn
// reports why it was skipped.
import { availableParallelism, loadavg } from 'node:os';
import { SharedLanguageModel, SphinxDecoder, type DecoderPaths, type DecoderResult } from './pocketsphinx-binding.js';
import type { BackgroundOutcome } from './pocketsphinx-messages.js';

const SAMPLES_PER_MS = 16;
// Turns shorter than this stay the call decoder's: acknowledgements and short answers ("uh huh",
// "okay", "yes") are what the call's model knows best, and the caller tells a backchannel from
// a turn by their words.
const MIN_WORDS = 3;
// A longer turn is left to the call decoder: the pass's end-of-turn search grows with it.
const MAX_TURN_MS = 8_000;
// Audio waiting for the pass; past this it gives up the turn (and its queue).
const MAX_LAG_MS = 2_000;
// At the end of the turn the pass may decode this much it has not heard yet, no more (about a
// VAD-cut turn's trailing silence, cheap to decode): the final waits for that and the pass's own
// end of utterance (tens of ms), never for a backlog.
const CATCH_UP_MS = 300;

type Skipped = Exclude<BackgroundOutcome, 'used' | 'unneeded'>;

/** The general model, read once per worker and searched by every call's pass on it. */
export class GeneralModel {
  #model: SharedLanguageModel | undefined;
  #loads = 0;

  /** How many times this worker has read a general model (once, unless the path changes). */
  get loads(): number {
    return this.#loads;
  }

  /** The model at `lmPath`, read with the log tables of `like` (any decoder of this worker) the first time. */
  get(lmPath: string, like: SphinxDecoder, libraries?: DecoderPaths['libraries']): SharedLanguageModel {
    if (this.#model?.path !== lmPath) {
      this.#model?.free();
      this.#model = new SharedLanguageModel(lmPath, like, libraries);
      this.#loads++;
    }
    return this.#model;
  }

  free(): void {
    this.#model?.free();
    this.#model = undefined;
  }
}

export class BackgroundPass {
  readonly #decoder: SphinxDecoder;
  /** The call decoder's confidence under which the pass is heard instead. */
  readonly #unsureBelow: number;
  /** The host's 1-minute load per core above which a turn gets no pass. */
  readonly #busyLoad: number;
  /** The turn's audio the pass has not decoded yet. */
  #pending: Int16Array[] = [];
  #pendingSamples = 0;
  #turnSamples = 0;
  /** Why the pass gave up this turn, if it did. */
  #skipped: Skipped | undefined;

  constructor(paths: DecoderPaths, general: SharedLanguageModel, options: { weight: number; unsureBelow: number; busyLoad: number }) {
    const { weight, unsureBelow, busyLoad } = options;
    // No flat-lexicon second search at the end of the utterance: over the general model's words
    // it cost 0.3-1.5 s per turn (load 25; 4-5x the tree search's end), all of it on the final.
    // No lattice best-path search either: on live calls (telephone band, hiss) its end took
    // 100-1,200 ms a turn at 2 calls on a quiet host, 8-25 ms without it, for WER 16.8 -> 18.3 %
    // on 50 held-out lines in three unseen voices (bench:asr).
    this.#decoder = new SphinxDecoder({ ...paths, args: { ...paths.args, fwdflat: 'no', bestpath: 'no' }, background: { model: general, weight } });
    this.#unsureBelow = unsureBelow;
    this.#busyLoad = busyLoad;
  }

  /** A new turn; `othersTalking`: another call on the worker is mid-turn, so this one gets no pass. */
  start(othersTalking: boolean): void {
    const busy = othersTalking || loadavg()[0]! / availableParallelism() > this.#busyLoad;
    this.#reset(busy ? 'busy' : undefined);
    this.#turnSamples = 0;
  }

  /** Queues the turn's audio for the pass, or gives the turn up if that would exceed a bound. */
  push(pcm: Int16Array): void {
    this.#turnSamples += pcm.length;
    // A long turn is reported as such even if the pass had already fallen behind on it.
    if (this.#turnSamples > MAX_TURN_MS * SAMPLES_PER_MS && this.#skipped !== 'busy') this.#reset('long');
    if (this.#skipped) return;
    this.#pending.push(pcm);
    this.#pendingSamples += pcm.length;
    if (this.#pendingSamples > MAX_LAG_MS * SAMPLES_PER_MS) this.#reset('behind');
  }

  /** It has audio to catch up on. */
  get lagging(): boolean {
    return this.#pendingSamples > 0;
  }

  /** Decodes about `ms` of the audio it has not heard, starting from `mean` (the call decoder's). */
  step(ms: number, mean: Float32Array | undefined): void {
    if (this.#skipped) return;
    try {
      if (!this.#decoder.inUtterance) {
        if (mean) this.#decoder.setCepstralMean(mean);
        this.#decoder.start();
      }
      for (let fed = 0; fed < ms * SAMPLES_PER_MS && this.#pending.length > 0; ) {
        const pcm = this.#pending.shift()!;
        this.#decoder.process(pcm);
        this.#pendingSamples -= pcm.length;
        fed += pcm.length;
      }
    } catch {
      this.#reset('failed'); // the call decoder's words stand for this turn
    }
  }

  /**
   * The turn's words given the call decoder's `result`: the pass's when that one was unsure
   * and the pass is (nearly) caught up, else `result`. The pass is ready for the next turn.
   */
  finish(result: DecoderResult, mean: Float32Array | undefined): { result: DecoderResult; outcome: BackgroundOutcome } {
    const sure = result.confidence === null || result.confidence >= this.#unsureBelow || result.words.length < MIN_WORDS;
    let outcome: BackgroundOutcome = this.#skipped ?? (sure ? 'unneeded' : this.#pendingSamples > CATCH_UP_MS * SAMPLES_PER_MS ? 'behind' : 'used');
    let second: DecoderResult | undefined;
    if (outcome === 'used') {
      this.step(Infinity, mean);
      try {
        second = this.#skipped ? undefined : this.#decoder.end();
      } catch {
        // as a failed step
      }
      if (!second?.text) outcome = 'failed';
    }
    this.#reset(undefined);
    return { result: outcome === 'used' ? second! : result, outcome };
  }

  /** The turn was abandoned. */
  cancel(): void {
    this.#reset(undefined);
  }

  free(): void {
    this.#decoder.free();
  }

  #reset(skipped: Skipped | undefined): void {
    this.#decoder.abandon();
    this.#pending = [];
    this.#pendingSamples = 0;
    this.#skipped = skipped;
  }
}
