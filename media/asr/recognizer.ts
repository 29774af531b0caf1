// Speech recognition behind one interface. A provider prepares one CallRecognizer per call
// with that call's vocabulary (the embedded engine builds a language model from it), and the
// CallRecognizer opens one RecognitionStream per trainee turn. The core never imports a vendor.
import type { EventEmitter } from 'node:events';

/** What a call's trainee is likely to say beyond the built-in call-taking phrases. */
export interface CallVocabulary {
  /** Street addresses as written, e.g. "1420 Maple Avenue"; numbers are said every usual way. */
  addresses?: readonly string[];
  /** Cities, cross streets, landmarks, units: any phrase a trainee may read back. */
  places?: readonly string[];
  /** People's names, e.g. "Denise Walker"; last names are also spelled letter by letter. */
  names?: readonly string[];
  /** Phone numbers in any format, e.g. "(419) 555-0147"; said digit by digit. */
  phoneNumbers?: readonly string[];
}

export interface RecognizedWord {
  /** The word as spoken (numbers are words here: "fourteen"). */
  word: string;
  startMs: number;
  endMs: number;
}

export interface Recognition {
  /** Final text, lowercase, numbers as digits: "i have 1420 maple avenue is that correct". */
  text: string;
  /** 0..1, or null when the engine gives none. */
  confidence: number | null;
  /** Word timings from the start of the turn, when the engine gives them. */
  words?: RecognizedWord[];
}

export type RecognitionStreamEvents = {
  /** The running hypothesis changed (numbers as digits); checked about every 100 ms. */
  partial: [text: string];
};

/** One trainee turn. */
export interface RecognitionStream extends EventEmitter<RecognitionStreamEvents> {
  /**
   * One 20 ms frame of 16 kHz mono PCM (any whole number of samples is taken).
   * Throws InvalidStateError after finish() or cancel().
   */
  push(frame: Int16Array): void;
  /** Ends the turn. Resolves the final recognition; the same promise if called again. */
  finish(): Promise<Recognition>;
  /** Abandons the turn (the trainee was cut off): a pending finish() rejects with an AbortError. */
  cancel(): void;
  /**
   * How much of the turn's audio (ms from its first frame) the latest partial has heard; it
   * lags what was pushed when the engine is behind. Undefined for engines without partials.
   */
  readonly heardMs?: number;
}

/** A recognizer prepared for one call. */
export interface CallRecognizer {
  /** Opens the next turn; throws InvalidStateError while the previous one still takes audio. */
  startTurn(): RecognitionStream;
  /** Frees the engine; open turns fail with InvalidStateError. Safe to call twice. */
  close(): Promise<void>;
}

/** What a recognizer can do; the caller's turn taking and barge-in policy follow from it. */
export type RecognizerCapabilities = {
  /** A running transcript while the trainee talks (`partial` events). */
  partials: boolean;
  /** Audio is decoded as it arrives, not only when the turn ends. */
  streaming: boolean;
};

export interface SpeechRecognizer {
  readonly name: string;
  readonly capabilities: RecognizerCapabilities;
  /** Prepares recognition for one call; rejects on failure, or with an AbortError on abort. */
  prepare(vocabulary: CallVocabulary, signal?: AbortSignal): Promise<CallRecognizer>;
}

/** The error an abandoned turn rejects with; aborts are not failures. */
export function abortError(message = 'recognition cancelled'): DOMException {
  return new DOMException(message, 'AbortError');
}

export function isAbortError(err: unknown): boolean {
  return err instanceof Error && err.name === 'AbortError';
}
