// The media library's public API. The server hands it RTP and providers and listens to its
// typed events; nothing here knows about express, socket.io, Prisma or the server.
export { InvalidStateError, MediaError, QueueFullError } from './errors.js';
export { parseRtp, writeRtp, RTP_HEADER_BYTES, type RtpHeaderExtension, type RtpPacket, type RtpWriteHeader } from './rtp.js';
export { JitterBuffer, type JitterBufferOptions, type JitterOutput, type JitterStats, type SequencedPacket } from './jitter.js';
export { FRAME_MS, FRAME_RTP_TICKS, FRAME_SAMPLES, OPUS_RTP_CLOCK_HZ, PCM_RATE_HZ, samplesForMs } from './format.js';
export { int16View, OpusDecoder, OpusEncoder, silence, type OpusEncoderOptions } from './opus.js';
export { CodecPool, type CodecPoolEvents, type CodecPoolOptions } from './codec-pool.js';
export { StreamDecoder, StreamEncoder } from './codec-streams.js';
export {
  Pacer,
  type PacerEvents,
  type PacerOptions,
  type PacerStats,
  type PlayedReport,
} from './pacer.js';
export { realClock, type Clock } from './clock.js';
export { SampleWindow, type Percentiles } from './stats.js';
export {
  CALLER_CHANNEL,
  readWav,
  TRAINEE_CHANNEL,
  WavRecorder,
  type WavContents,
  type WavRecorderEvents,
  type WavRecorderOptions,
  type WavSummary,
} from './wav.js';
