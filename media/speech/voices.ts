// The voice catalogue: a persona names its voice once (the scenarios use flite's names), and
// each engine speaks it under its own name. Unknown names pass through to the hosted engines,
// so a scenario may name a provider's voice directly; flite falls back to its default voice.

export type VoiceProvider = 'flite' | 'openai' | 'coqui';

type Entry = Record<VoiceProvider, string>;

/**
 * Coqui names are speaker ids of its multi-speaker VCTK model (the usual `tts-server` model):
 * a speaker of the same sex and a similar accent as the flite voice.
 */
const CATALOGUE: Record<string, Entry> = {
  slt: { flite: 'slt', openai: 'nova', coqui: 'p225' },
  rms: { flite: 'rms', openai: 'onyx', coqui: 'p226' },
  awb: { flite: 'awb', openai: 'echo', coqui: 'p237' },
  kal: { flite: 'kal', openai: 'alloy', coqui: 'p232' },
  kal16: { flite: 'kal16', openai: 'alloy', coqui: 'p232' },
};

/** The persona voices the catalogue knows. */
export const PERSONA_VOICES = Object.keys(CATALOGUE);

/** The name `provider` knows the persona's voice by. */
export function voiceFor(provider: VoiceProvider, personaVoice: string): string {
  const entry = CATALOGUE[personaVoice];
  if (entry) return entry[provider];
  return provider === 'flite' ? 'slt' : personaVoice;
}

/** Every name `provider` is sent by the catalogue: what a provider must offer. */
export function providerVoices(provider: VoiceProvider): string[] {
  return [...new Set(Object.values(CATALOGUE).map((e) => e[provider]))];
}
