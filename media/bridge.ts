import { EventEmitter } from 'node:events';
import { realClock, type Clock } from './clock.js';
import type { CodecPool } from './codec-pool.js';
import type { StreamDecoder, StreamEncoder } from './codec-streams.js';
import { FRAME_SAMPLES, OPUS_RTP_CLOCK_HZ } from './format.js';
import { JitterBuffer, type JitterOutput } from './jitter.js';
import { Pacer, type PlayedReport } from './pacer.js';
import { parseRtp, type RtpPacket } from './rtp.js';
import { WavRecorder, type WavSummary } from './wav.js';

// The caller bridge of one call. Inbound: the trainee's Opus RTP (from an SFU tap) is put
// in order, decoded to 16 kHz PCM off the main thread, cut into 20 ms frames for the AI
// caller and recorded. Outbound: each simulated voice (the caller, a transfer's agency)
// is encoded and paced into its own RTP stream, and what it really sent is recorded.

/** Recording channels, one per party. */
export const RECORDING_CHANNELS = ['trainee', 'caller', 'agency'] as const;
export type Party = (typeof RECORDING_CHANNELS)[number];

// Arrival time and RTP time disagreeing by more than this means the stream restarted its
// clock (a pause, a new producer): re-anchor instead of shifting the whole timeline.
const REANCHOR_MS = 250;

export type CallBridgeEvents = {
  /** 20 ms of what the trainee said, at ms since the call started. */
  traineeFrame: [frame: Int16Array, atMs: number];
  error: [error: Error];
};

export type CallBridgeOptions = {
  callId: string;
  codecs: CodecPool;
  recordingPath: string;
  clock?: Clock;
};

export class CallBridge extends EventEmitter<CallBridgeEvents> {
  readonly callId: string;
  readonly #codecs: CodecPool;
  readonly #clock: Clock;
  readonly #recorder: WavRecorder;
  readonly #decoder: StreamDecoder;
  readonly #jitter = new JitterBuffer<RtpPacket>({ maxWaitMs: 60, maxPacketsBehind: 3 });
  readonly #voices = new Set<Voice>();
  readonly #t0: number;
  #anchor: { rtp: number; atMs: number } | undefined;
  /** Where the next decoded sample of the trainee belongs, in ms since the call started. */
  #nextAtMs = 0;
  #partial = new Int16Array(0);
  #pollTimer: unknown;
  #closed = false;

  static async create(options: CallBridgeOptions): Promise<CallBridge> {
    const recorder = await WavRecorder.create(options.recordingPath, { channels: RECORDING_CHANNELS.length });
    return new CallBridge(options, recorder);
  }

  private constructor(options: CallBridgeOptions, recorder: WavRecorder) {
    super();
    this.callId = options.callId;
    this.#codecs = options.codecs;
    this.#clock = options.clock ?? realClock;
    this.#recorder = recorder;
    this.#recorder.on('failed', (error) => this.emit('error', error));
    this.#decoder = options.codecs.createDecoder(options.callId);
    this.#t0 = this.#clock.now();
  }

  /** ms since the bridge (the call's media) started. */
  get elapsedMs(): number {
    return this.#clock.now() - this.#t0;
  }

  /** One RTP packet of the trainee's microphone, as the SFU forwards it. */
  receiveTraineeRtp(data: Buffer): void {
    if (this.#closed) return;
    let packet: RtpPacket;
    try {
      packet = parseRtp(data);
    } catch (error) {
      return void this.emit('error', error as Error);
    }
    const now = this.#clock.now();
    this.#deliver(this.#jitter.push(packet, now), now);
    this.#schedulePoll();
  }

  /** A simulated voice that sends its own RTP stream (`send` goes to an SFU producer). */
  addVoice(party: Exclude<Party, 'trainee'>, ssrc: number, send: (packet: Buffer) => void): Voice {
    const voice = new Voice(this.#codecs.createEncoder(this.callId), ssrc, send, this.#clock);
    const channel = RECORDING_CHANNELS.indexOf(party);
    voice.pacer.on('sent', (frame, slotTime) => {
      if (!this.#closed) this.#recorder.write(channel, Math.max(0, slotTime - this.#t0), frame);
    });
    voice.closed.then(() => this.#voices.delete(voice));
    this.#voices.add(voice);
    return voice;
  }

  /** Stops everything and finalises the recording. Safe to call twice. */
  async finish(): Promise<WavSummary> {
    if (!this.#closed) {
      this.#closed = true;
      if (this.#pollTimer !== undefined) this.#clock.clearTimeout(this.#pollTimer);
      for (const voice of this.#voices) voice.close();
      this.#decoder.close();
    }
    return this.#recorder.finish();
  }

  #schedulePoll(): void {
    if (this.#pollTimer !== undefined) this.#clock.clearTimeout(this.#pollTimer);
    this.#pollTimer = undefined;
    const deadline = this.#jitter.nextDeadline();
    if (deadline === undefined) return;
    this.#pollTimer = this.#clock.setTimeout(() => {
      this.#pollTimer = undefined;
      const now = this.#clock.now();
      this.#deliver(this.#jitter.poll(now), now);
      this.#schedulePoll();
    }, Math.max(0, deadline - this.#clock.now()));
  }

  #deliver(outputs: JitterOutput<RtpPacket>[], now: number): void {
    for (const out of outputs) {
      if (out.kind === 'lost') {
        void this.#decoder.conceal(out.durationMs).then((pcm) => this.#onPcm(pcm), (e: Error) => this.#onDecodeError(e));
        continue;
      }
      const atMs = this.#timeOf(out.packet.timestamp, now - this.#t0);
      void this.#decoder.decode(out.packet.payload).then(
        (pcm) => this.#onPcm(pcm, atMs),
        (e: Error) => this.#onDecodeError(e),
      );
    }
  }

  // RTP time gives each packet its place (arrival jitter must not smear the timeline);
  // arrival time anchors it, and re-anchors it when the two part ways.
  #timeOf(rtpTimestamp: number, arrivalMs: number): number {
    if (this.#anchor) {
      const ticks = (rtpTimestamp - this.#anchor.rtp) | 0; // wraps like the 32-bit clock
      const atMs = this.#anchor.atMs + (ticks * 1000) / OPUS_RTP_CLOCK_HZ;
      if (Math.abs(atMs - arrivalMs) <= REANCHOR_MS) return atMs;
    }
    this.#anchor = { rtp: rtpTimestamp, atMs: arrivalMs };
    return arrivalMs;
  }

  #onPcm(pcm: Int16Array, atMs?: number): void {
    if (this.#closed) return;
    if (atMs !== undefined && Math.abs(atMs - this.#nextAtMs) > REANCHOR_MS) {
      this.#partial = new Int16Array(0); // a new talk spurt after a pause: drop the stub
      this.#nextAtMs = atMs;
    }
    const start = this.#nextAtMs - (this.#partial.length * 1000) / 16_000;
    this.#recorder.write(0, Math.max(0, this.#nextAtMs), pcm);
    this.#nextAtMs += (pcm.length * 1000) / 16_000;
    const joined = new Int16Array(this.#partial.length + pcm.length);
    joined.set(this.#partial);
    joined.set(pcm, this.#partial.length);
    let offset = 0;
    for (; offset + FRAME_SAMPLES <= joined.length; offset += FRAME_SAMPLES) {
      this.emit('traineeFrame', joined.slice(offset, offset + FRAME_SAMPLES), start + (offset * 1000) / 16_000);
    }
    this.#partial = joined.slice(offset);
  }

  #onDecodeError(error: Error): void {
    if (!this.#closed) this.emit('error', error);
  }
}

/** One outbound voice: an encoder and a pacer with its own SSRC. */
export class Voice {
  readonly pacer: Pacer;
  readonly closed: Promise<void>;
  #markClosed!: () => void;
  #encoder: StreamEncoder;

  constructor(encoder: StreamEncoder, ssrc: number, send: (packet: Buffer) => void, clock: Clock) {
    this.#encoder = encoder;
    this.pacer = new Pacer({ encode: (frame) => encoder.encodeFrame(frame), send, ssrc, clock });
    this.closed = new Promise((resolve) => (this.#markClosed = resolve));
  }

  /** Queues speech; resolves with how much of it was really played. */
  say(pcm: Int16Array, utteranceId: string): Promise<PlayedReport> {
    return new Promise((resolve) => {
      const onPlayed = (report: PlayedReport) => {
        if (report.utteranceId !== utteranceId) return;
        this.pacer.off('played', onPlayed);
        resolve(report);
      };
      this.pacer.on('played', onPlayed);
      this.pacer.push(pcm, utteranceId);
    });
  }

  /** Cuts the voice off (hold, barge-in); each cut utterance reports what was played. */
  silence(): PlayedReport[] {
    return this.pacer.stop();
  }

  close(): void {
    this.pacer.close();
    this.#encoder.close();
    this.#markClosed();
  }
}
