import { MediaError } from '../errors.js';
import { PCM_RATE_HZ } from '../format.js';
import { SpawnHost, type RunOptions } from '../spawn-host.js';
import type { Emotion } from './synthesizer.js';

// What every engine's voice goes through: sox brings it to 16 kHz mono, colours it by the
// caller's emotion (pace, pitch, loudness, tremor) and band-limits it like a phone line. So a
// panicked caller sounds panicked whichever engine speaks.

type Preset = { stretch: number; pitchCents: number; volume: number; tremolo?: [speedHz: number, depthPercent: number] };

/** Measured by ear on the four flite voices: enough to hear the state, not so much it turns comic. */
export const EMOTION_PRESETS: Record<Emotion, Preset> = {
  calm: { stretch: 1.0, pitchCents: 0, volume: 1.0 },
  anxious: { stretch: 0.92, pitchCents: 120, volume: 1.05 },
  panicked: { stretch: 0.8, pitchCents: 300, volume: 1.2, tremolo: [7, 20] },
  hysterical: { stretch: 0.75, pitchCents: 450, volume: 1.3, tremolo: [9, 35] },
  crying: { stretch: 1.1, pitchCents: 200, volume: 0.9, tremolo: [5, 45] },
  angry: { stretch: 0.9, pitchCents: -100, volume: 1.3 },
  in_shock: { stretch: 1.25, pitchCents: -150, volume: 0.8 },
};

export const presetOf = (emotion: Emotion | undefined): Preset => EMOTION_PRESETS[emotion ?? 'calm'];

/**
 * The sox effects for an emotion. `paceDone`: the engine already spoke at the preset's pace
 * (flite stretches durations itself); otherwise sox changes the tempo, keeping the pitch.
 */
export function colourEffects(emotion: Emotion | undefined, paceDone: boolean): string[] {
  const preset = presetOf(emotion);
  return [
    ...(!paceDone && preset.stretch !== 1 ? ['tempo', '-s', (1 / preset.stretch).toFixed(3)] : []),
    ...(preset.pitchCents ? ['pitch', String(preset.pitchCents)] : []),
    ...(preset.tremolo ? ['tremolo', String(preset.tremolo[0]), String(preset.tremolo[1])] : []),
    'sinc', '300-3400', // the telephone band the call-taker hears
    'vol', String(preset.volume),
  ];
}

/** Any audio file sox reads (WAV at the engine's rate, MP3 is not one) -> coloured 16 kHz mono PCM. */
export function toPhonePcm(audio: Buffer, emotion: Emotion | undefined, engine: string, signal?: AbortSignal): Promise<Int16Array> {
  const args = ['-q', '-', '-t', 'raw', '-r', String(PCM_RATE_HZ), '-e', 'signed', '-b', '16', '-c', '1', '-', ...colourEffects(emotion, false)];
  return commandPcm('sox', args, { input: audio, signal }, (detail) => new MediaError('tts_failed', `${engine} sent audio sox cannot read: ${detail}`, false));
}

/** The 16-bit PCM a command writes, run by the spawn host; its failure becomes `failed(detail)`. */
export async function commandPcm(file: string, args: string[], options: RunOptions, failed: (detail: string) => MediaError): Promise<Int16Array> {
  try {
    const pcm = await SpawnHost.shared().run(file, args, options);
    return new Int16Array(pcm.buffer, pcm.byteOffset, pcm.length >> 1);
  } catch (error) {
    if (error instanceof MediaError && error.code === 'command_failed') throw failed(error.message);
    throw error;
  }
}
