// The audio format the whole library speaks, in one place. Importing it loads no codec.

/** The speech pipeline's sample rate: libopus decodes to it and encodes from it directly. */
export const PCM_RATE_HZ = 16_000;
/** Opus's RTP clock is 48 kHz whatever rate the encoder runs at. */
export const OPUS_RTP_CLOCK_HZ = 48_000;
export const FRAME_MS = 20;
/** 20 ms at 16 kHz. */
export const FRAME_SAMPLES = (PCM_RATE_HZ * FRAME_MS) / 1000;
/** RTP timestamp step for one 20 ms frame. */
export const FRAME_RTP_TICKS = (OPUS_RTP_CLOCK_HZ * FRAME_MS) / 1000;

/** Samples at 16 kHz for a duration, rounded to whole samples. */
export function samplesForMs(ms: number): number {
  return Math.round((ms * PCM_RATE_HZ) / 1000);
}
