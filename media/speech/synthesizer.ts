// Speech synthesis behind one interface: the embedded engine (flite) by default; hosted
// engines (Coqui, OpenAI-compatible) plug in behind the same contract.

export type Voice = {
  /** Engine voice name, e.g. flite's slt, rms, awb, kal16. */
  name: string;
};

export interface SpeechSynthesizer {
  readonly name: string;
  /** 16 kHz mono PCM of `text`. Rejects on failure; an abort rejects with an AbortError. */
  synthesize(text: string, voice: Voice, signal?: AbortSignal): Promise<Int16Array>;
}
