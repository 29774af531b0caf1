// What the main thread and a PocketSphinx worker say to each other. A worker serves several
// calls (one decoder each); `call` names the call and `turn` numbers let a worker drop late
// audio from an abandoned turn, and the main thread route a final to its turn.
import type { DecoderResult } from './pocketsphinx-binding.js';
import type { CallVocabulary } from './recognizer.js';

export interface WorkerSetup {
  vocabulary: CallVocabulary;
  /** Acoustic model folder. */
  hmm: string;
  lexiconPath: string;
  vocabularyWeight: number;
  /** How much each call-taker corpus line counts against one template sentence. */
  corpusWeight?: number | undefined;
  /** Extra decoder arguments without the dash, e.g. { lw: '6.5' }. */
  args: Record<string, string>;
  /**
   * A general model interpolated with the call's for a second decoder, how many of its words to
   * pronounce, under which confidence of the call's own decoder its words are used, and above
   * which host load per core it is skipped.
   */
  background?: { lm: string; weight: number; words: number; unsureBelow: number; busyLoad: number };
  libraries?: { pocketsphinx: string; sphinxbase: string };
}

/**
 * What the background pass did for a turn: its words were `used` (the call decoder was
 * unsure), were not needed (`unneeded`: the call decoder was sure), or it was skipped: another
 * call on the worker was mid-turn (`busy`), the turn was too long (`long`), the pass fell too far
 * behind (`behind`), or it failed (`failed`); `off` when the recogniser has no background pass.
 */
export type BackgroundOutcome = 'used' | 'unneeded' | 'busy' | 'long' | 'behind' | 'failed' | 'off';

export type SphinxRequest =
  | { op: 'open'; call: number; setup: WorkerSetup }
  /** `cepstralMean`: where to start a decoder that has heard nothing of its trainee yet. */
  | { op: 'start'; call: number; turn: number; cepstralMean?: Float32Array | undefined }
  | { op: 'audio'; call: number; turn: number; pcm: ArrayBuffer }
  | { op: 'end'; call: number; turn: number }
  | { op: 'cancel'; call: number; turn: number }
  | { op: 'close'; call: number }
  | { op: 'shutdown' };

export type SphinxReply =
  /** `generalModelLoads`: how many times the worker has read the general model, for all its calls. */
  | { op: 'ready'; call: number; words: number; guessed: string[]; prepareMs: number; generalModelLoads: number }
  /** After each step of audio, changed or not: `audioMs` of the turn decoded so far. */
  | { op: 'partial'; call: number; turn: number; text: string; audioMs: number }
  | {
      op: 'final';
      call: number;
      turn: number;
      result: DecoderResult;
      audioMs: number;
      decodeMs: number;
      /** 2 when the start of the turn was decoded again once the cepstral mean had adapted to it. */
      passes: 1 | 2;
      /** 'used' when these are the background pass's words. */
      background: BackgroundOutcome;
      /** The decoder's cepstral mean once it has heard enough of its trainee to trust it. */
      cepstralMean?: Float32Array | undefined;
    }
  | { op: 'error'; call: number; turn?: number | undefined; message: string }
  | { op: 'closed'; call: number };
