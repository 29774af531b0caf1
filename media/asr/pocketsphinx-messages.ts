// What the main thread and a PocketSphinx worker say to each other. A worker serves one call;
// `turn` numbers let it drop late audio from an abandoned turn.
import type { DecoderResult } from './pocketsphinx-binding.js';
import type { CallVocabulary } from './recognizer.js';

export interface WorkerSetup {
  vocabulary: CallVocabulary;
  /** Acoustic model folder. */
  hmm: string;
  lexiconPath: string;
  vocabularyWeight: number;
  /** Extra decoder arguments without the dash, e.g. { lw: '6.5' }. */
  args: Record<string, string>;
  /** A general model interpolated with the call's, and how many of its words to pronounce. */
  background?: { lm: string; weight: number; words: number };
  libraries?: { pocketsphinx: string; sphinxbase: string };
}

export type SphinxRequest =
  | { op: 'init'; setup: WorkerSetup }
  | { op: 'start'; turn: number }
  | { op: 'audio'; turn: number; pcm: ArrayBuffer }
  | { op: 'end'; turn: number }
  | { op: 'cancel'; turn: number }
  | { op: 'shutdown' };

export type SphinxReply =
  | { op: 'ready'; dir: string; words: number; guessed: string[]; prepareMs: number }
  | { op: 'partial'; turn: number; text: string }
  | { op: 'final'; turn: number; result: DecoderResult; audioMs: number; decodeMs: number }
  | { op: 'error'; turn?: number; message: string };
