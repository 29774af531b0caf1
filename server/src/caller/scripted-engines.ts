// Test support (imported by *.test.ts only): the live caller's engines replaced by ones a test
// writes: a VAD that calls any non-zero frame speech, a recognizer whose transcript the test
// gives, a synthesizer that makes silence of a set length. Frames carry stream time, so
// endpoints are checked to the frame; the voice is the real pacer (LinePlayer).
import { EventEmitter } from 'node:events';
import type { CallRecognizer, Recognition, RecognitionStream, RecognitionStreamEvents, SpeechRecognizer } from '../../../media/asr/recognizer.js';
import { abortError } from '../../../media/asr/recognizer.js';
import type { SpeechSynthesizer } from '../../../media/speech/synthesizer.js';
import type { SileroModel } from '../../../media/vad/vad.js';

export class ScriptedTurn extends EventEmitter<RecognitionStreamEvents> implements RecognitionStream {
  frames = 0;
  finished = false;
  readonly #result: Promise<Recognition>;
  #settle!: (r: Recognition | Error) => void;
  constructor() {
    super();
    this.#result = new Promise((resolve, reject) => (this.#settle = (r) => (r instanceof Error ? reject(r) : resolve(r))));
    this.#result.catch(() => undefined);
  }
  push(): void {
    this.frames++;
  }
  finish(): Promise<Recognition> {
    this.finished = true;
    return this.#result;
  }
  cancel(): void {
    this.#settle(abortError());
  }
  /** The recognizer's final transcript arrives. */
  hear(text: string): void {
    this.#settle({ text, confidence: 0.9 });
  }
}

export class ScriptedRecognizer implements SpeechRecognizer {
  readonly name = 'scripted';
  readonly turns: ScriptedTurn[] = [];
  readonly capabilities: SpeechRecognizer['capabilities'];
  constructor(options: { partials?: boolean } = {}) {
    this.capabilities = { partials: options.partials ?? true, streaming: true };
  }
  async prepare(): Promise<CallRecognizer> {
    return {
      startTurn: () => {
        const turn = new ScriptedTurn();
        this.turns.push(turn);
        return turn;
      },
      close: async () => undefined,
    };
  }
}

export const scriptedVad = {
  stream: () => ({ engine: 'silero', process: (frame: Int16Array) => (frame[0] !== 0 ? 0.9 : 0.02), reset() {}, close() {} }),
} as unknown as SileroModel;

/** `sentenceMs` of silence per sentence, made once `ready` lets it. */
export function scriptedVoice(sentenceMs: number, ready?: () => Promise<void>): SpeechSynthesizer {
  return {
    name: 'scripted',
    capabilities: { streaming: false, voices: [] },
    synthesize: async () => {
      await ready?.();
      return new Int16Array((sentenceMs * 16_000) / 1000);
    },
  };
}

export const SPEECH = new Int16Array(320).fill(1000);
export const QUIET = new Int16Array(320);
