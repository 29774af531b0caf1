// Speech synthesis behind one interface: the embedded engine (flite) by default; hosted
// engines (Coqui, OpenAI-compatible) plug in behind the same contract.

/** How a caller's state colours the voice: pitch, pace, loudness, tremor. */
export type Emotion = 'calm' | 'anxious' | 'panicked' | 'hysterical' | 'crying' | 'angry' | 'in_shock';

export type Voice = {
  /** The persona's voice (the catalogue's name, voices.ts); each engine speaks it under its own name. */
  name: string;
  emotion?: Emotion | undefined;
  /** Persona pitch, in Hz of the voice's mean f0 (a child is higher, an old man lower). */
  pitchHz?: number | undefined;
};

/** What a synthesizer can do; the caller chooses how it speaks from it. */
export type SynthesizerCapabilities = {
  /** Audio comes out while the sentence is still being made (no engine here does yet). */
  streaming: boolean;
  /** The provider's voice names the catalogue sends it. */
  voices: readonly string[];
};

/**
 * `live`: a caller is waiting to say it. `ahead`: made in advance in case it is said (the
 * speech cache); an engine on this machine's cores makes it only with CPU nobody else wants.
 */
export type SynthesisPriority = 'live' | 'ahead';

export interface SpeechSynthesizer {
  readonly name: string;
  readonly capabilities: SynthesizerCapabilities;
  /** 16 kHz mono PCM of `text`. Rejects on failure; an abort rejects with an AbortError. */
  synthesize(text: string, voice: Voice, signal?: AbortSignal, priority?: SynthesisPriority): Promise<Int16Array>;
}

/** Splits a reply into sentences, so the first can play while the rest is made. */
export function sentences(text: string): string[] {
  return (text.match(/[^.!?]+[.!?]+["')\]]*|[^.!?]+$/g) ?? [])
    .map((s) => s.trim())
    .filter(Boolean);
}
