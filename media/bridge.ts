import { EventEmitter } from 'node:events';
import { realClock, type Clock } from './clock.js';
import type { CodecPool } from './codec-pool.js';
import type { StreamDecoder, StreamEncoder } from './codec-streams.js';
import { FRAME_MS, FRAME_SAMPLES, OPUS_RTP_CLOCK_HZ, PCM_RATE_HZ } from './format.js';
import { JitterBuffer, type JitterOutput } from './jitter.js';
import { LineMixer } from './mixer.js';
import { Pacer, type PlayedReport } from './pacer.js';
import type { Player, PlayerEvents } from './caller/stages.js';
import { parseRtp, type RtpPacket } from './rtp.js';
import { WavRecorder, type WavSummary } from './wav.js';

// The caller bridge of one call. Inbound: the trainee's Opus RTP (from an SFU tap) is put
// in order, decoded to 16 kHz PCM off the main thread, cut into 20 ms frames for the AI
// caller and recorded; an instructor who coaches or barges in is decoded and recorded the
// same way, on a track of their own. What the caller hears (the line) is the trainee alone,
// or, while an instructor barges in, the trainee and the instructor mixed on a 20 ms clock.
// Outbound: each simulated voice (the caller, a transfer's agency) is encoded and paced into
// its own RTP stream, and what it really sent is recorded.

/** Recording channels, one per party. */
export const RECORDING_CHANNELS = ['trainee', 'caller', 'agency', 'instructor'] as const;
export type Party = (typeof RECORDING_CHANNELS)[number];

// Arrival time and RTP time disagreeing by more than this means the stream restarted its
// clock (a pause, a new producer): re-anchor instead of shifting the whole timeline.
const REANCHOR_MS = 250;
// Leaving the mix, the trainee's frames the mix already carried are not sent twice.
const OVERLAP_MS = FRAME_MS / 2;

export type CallBridgeEvents = {
  /** 20 ms of what the trainee said, at ms since the call started. */
  traineeFrame: [frame: Int16Array, atMs: number];
  /** 20 ms of what the caller pipeline is fed (the trainee, plus a barging instructor). */
  lineFrame: [frame: Int16Array, atMs: number];
  /** 20 ms of what a coaching or barging instructor said, on their own. */
  instructorFrame: [frame: Int16Array, atMs: number];
  /** A barging instructor is mixed into the line from `atMs` on (line time), or no longer. */
  instructorOnLine: [onLine: boolean, atMs: number];
  error: [error: Error];
};

export type CallBridgeOptions = {
  callId: string;
  codecs: CodecPool;
  recordingPath: string;
  clock?: Clock;
  /** How far behind real time the line is mixed while an instructor barges in. */
  mixDelayMs?: number;
};

export class CallBridge extends EventEmitter<CallBridgeEvents> {
  readonly callId: string;
  readonly #codecs: CodecPool;
  readonly #clock: Clock;
  readonly #recorder: WavRecorder;
  readonly #voices = new Set<Voice>();
  readonly #t0: number;
  readonly #mixDelayMs: number | undefined;
  readonly #trainee: InboundStream;
  #instructor: InboundStream | undefined;
  #mixer: LineMixer | undefined;
  /** End of the last frame the line carried, in ms since the call started. */
  #lineEndMs = 0;
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
    this.#mixDelayMs = options.mixDelayMs;
    this.#recorder = recorder;
    this.#recorder.on('failed', (error) => this.emit('error', error));
    this.#t0 = this.#clock.now();
    this.#trainee = this.#inbound('trainee', (frame, atMs) => {
      this.emit('traineeFrame', frame, atMs);
      if (this.#mixer) this.#mixer.write('trainee', frame, atMs);
      else if (atMs >= this.#lineEndMs - OVERLAP_MS) this.#toLine(frame, atMs);
    });
  }

  /** ms since the bridge (the call's media) started. */
  get elapsedMs(): number {
    return this.#clock.now() - this.#t0;
  }

  /** Whether a barging instructor is mixed into what the caller hears. */
  get instructorOnLine(): boolean {
    return this.#mixer !== undefined;
  }

  /** One RTP packet of the trainee's microphone, as the SFU forwards it. */
  receiveTraineeRtp(data: Buffer): void {
    if (!this.#closed) this.#trainee.receive(data);
  }

  /** One RTP packet of a coaching or barging instructor: recorded, and on the line while barging. */
  receiveInstructorRtp(data: Buffer): void {
    if (this.#closed) return;
    this.#instructor ??= this.#inbound('instructor', (frame, atMs) => {
      this.emit('instructorFrame', frame, atMs);
      this.#mixer?.write('instructor', frame, atMs);
    });
    this.#instructor.receive(data);
  }

  /** Barge: the caller hears the instructor too, mixed with the trainee by time. */
  setInstructorOnLine(onLine: boolean): void {
    if (this.#closed || onLine === Boolean(this.#mixer)) return;
    if (onLine) {
      this.#mixer = new LineMixer({ now: () => this.elapsedMs, clock: this.#clock, delayMs: this.#mixDelayMs, onFrame: (frame, atMs) => this.#toLine(frame, atMs) });
      const fromMs = Math.max(this.#lineEndMs, this.elapsedMs - this.#mixer.delayMs);
      this.#mixer.start(fromMs);
      this.emit('instructorOnLine', true, fromMs);
    } else {
      const mixer = this.#mixer!;
      this.#mixer = undefined;
      this.#lineEndMs = Math.max(this.#lineEndMs, mixer.stop());
      this.emit('instructorOnLine', false, this.#lineEndMs);
    }
  }

  /**
   * A simulated voice that sends its own RTP stream (`send` goes to an SFU producer). Noise an
   * instructor puts behind the caller is not recorded: the review shows the steer that made it.
   */
  addVoice(party: Exclude<Party, 'trainee' | 'instructor'> | 'background', ssrc: number, send: (packet: Buffer) => void): Voice {
    const voice = new Voice(this.#codecs.createEncoder(this.callId), ssrc, send, this.#clock);
    if (party !== 'background') {
      const channel = RECORDING_CHANNELS.indexOf(party);
      voice.pacer.on('sent', (frame, slotTime) => {
        if (!this.#closed) this.#recorder.write(channel, Math.max(0, slotTime - this.#t0), frame);
      });
    }
    voice.closed.then(() => this.#voices.delete(voice));
    this.#voices.add(voice);
    return voice;
  }

  /** Stops everything and finalises the recording. Safe to call twice. */
  async finish(): Promise<WavSummary> {
    if (!this.#closed) {
      this.#closed = true;
      this.#mixer?.stop();
      this.#mixer = undefined;
      for (const voice of this.#voices) voice.close();
      this.#trainee.close();
      this.#instructor?.close();
    }
    return this.#recorder.finish();
  }

  #toLine(frame: Int16Array, atMs: number): void {
    if (this.#closed) return;
    this.#lineEndMs = Math.max(this.#lineEndMs, atMs + FRAME_MS);
    this.emit('lineFrame', frame, atMs);
  }

  #inbound(party: 'trainee' | 'instructor', onFrame: (frame: Int16Array, atMs: number) => void): InboundStream {
    const channel = RECORDING_CHANNELS.indexOf(party);
    return new InboundStream({
      codecs: this.#codecs,
      callId: this.callId,
      clock: this.#clock,
      t0: this.#t0,
      onPcm: (pcm, atMs) => {
        if (!this.#closed) this.#recorder.write(channel, Math.max(0, atMs), pcm);
      },
      onFrame: (frame, atMs) => {
        if (!this.#closed) onFrame(frame, atMs);
      },
      onError: (error) => {
        if (!this.#closed) this.emit('error', error);
      },
    });
  }
}

type InboundOptions = {
  codecs: CodecPool;
  callId: string;
  clock: Clock;
  t0: number;
  onPcm: (pcm: Int16Array, atMs: number) => void;
  onFrame: (frame: Int16Array, atMs: number) => void;
  onError: (error: Error) => void;
};

/**
 * One person's microphone as the SFU forwards it: put in order, decoded, placed on the
 * call's timeline and cut into 20 ms frames. A new SSRC (a new producer) starts it afresh.
 */
class InboundStream {
  readonly #o: InboundOptions;
  #decoder: StreamDecoder | undefined;
  #jitter = new JitterBuffer<RtpPacket>({ maxWaitMs: 60, maxPacketsBehind: 3 });
  #ssrc: number | undefined;
  #anchor: { rtp: number; atMs: number } | undefined;
  /** Where the next decoded sample belongs, in ms since the call started. */
  #nextAtMs = 0;
  #partial = new Int16Array(0);
  #pollTimer: unknown;
  #generation = 0;
  #closed = false;

  constructor(options: InboundOptions) {
    this.#o = options;
  }

  receive(data: Buffer): void {
    if (this.#closed) return;
    let packet: RtpPacket;
    try {
      packet = parseRtp(data);
    } catch (error) {
      return this.#o.onError(error as Error);
    }
    if (this.#ssrc !== undefined && packet.ssrc !== this.#ssrc) this.#restart();
    this.#ssrc = packet.ssrc;
    const now = this.#o.clock.now();
    this.#deliver(this.#jitter.push(packet, now), now);
    this.#schedulePoll();
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#pollTimer !== undefined) this.#o.clock.clearTimeout(this.#pollTimer);
    this.#decoder?.close();
  }

  #restart(): void {
    if (this.#pollTimer !== undefined) this.#o.clock.clearTimeout(this.#pollTimer);
    this.#pollTimer = undefined;
    this.#decoder?.close();
    this.#decoder = undefined;
    this.#generation++;
    this.#jitter = new JitterBuffer<RtpPacket>({ maxWaitMs: 60, maxPacketsBehind: 3 });
    this.#anchor = undefined;
  }

  #schedulePoll(): void {
    const { clock } = this.#o;
    if (this.#pollTimer !== undefined) clock.clearTimeout(this.#pollTimer);
    this.#pollTimer = undefined;
    const deadline = this.#jitter.nextDeadline();
    if (deadline === undefined) return;
    this.#pollTimer = clock.setTimeout(() => {
      this.#pollTimer = undefined;
      const now = clock.now();
      this.#deliver(this.#jitter.poll(now), now);
      this.#schedulePoll();
    }, Math.max(0, deadline - clock.now()));
  }

  #deliver(outputs: JitterOutput<RtpPacket>[], now: number): void {
    if (outputs.length === 0) return;
    this.#decoder ??= this.#o.codecs.createDecoder(this.#o.callId);
    const decoder = this.#decoder;
    const generation = this.#generation;
    const onPcm = (pcm: Int16Array, atMs?: number) => {
      if (generation === this.#generation && !this.#closed) this.#onPcm(pcm, atMs);
    };
    const onError = (error: Error) => {
      if (generation === this.#generation && !this.#closed) this.#o.onError(error);
    };
    for (const out of outputs) {
      if (out.kind === 'lost') {
        void decoder.conceal(out.durationMs).then((pcm) => onPcm(pcm), onError);
        continue;
      }
      const atMs = this.#timeOf(out.packet.timestamp, now - this.#o.t0);
      void decoder.decode(out.packet.payload).then((pcm) => onPcm(pcm, atMs), onError);
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
    if (atMs !== undefined && Math.abs(atMs - this.#nextAtMs) > REANCHOR_MS) {
      this.#partial = new Int16Array(0); // a new talk spurt after a pause: drop the stub
      this.#nextAtMs = atMs;
    }
    const start = this.#nextAtMs - (this.#partial.length * 1000) / PCM_RATE_HZ;
    this.#o.onPcm(pcm, this.#nextAtMs);
    this.#nextAtMs += (pcm.length * 1000) / PCM_RATE_HZ;
    const joined = new Int16Array(this.#partial.length + pcm.length);
    joined.set(this.#partial);
    joined.set(pcm, this.#partial.length);
    let offset = 0;
    for (; offset + FRAME_SAMPLES <= joined.length; offset += FRAME_SAMPLES) {
      this.#o.onFrame(joined.slice(offset, offset + FRAME_SAMPLES), start + (offset * 1000) / PCM_RATE_HZ);
    }
    this.#partial = joined.slice(offset);
  }
}

/** One outbound voice: an encoder and a pacer with its own SSRC; the pacer's queue is its play-out clock. */
export class Voice extends EventEmitter<PlayerEvents> implements Player {
  readonly pacer: Pacer;
  readonly closed: Promise<void>;
  #markClosed!: () => void;
  #encoder: StreamEncoder;
  /** One listener for every queued utterance (a long reply queues many sentences). */
  readonly #waiting = new Map<string, (report: PlayedReport) => void>();

  constructor(encoder: StreamEncoder, ssrc: number, send: (packet: Buffer) => void, clock: Clock) {
    super();
    this.#encoder = encoder;
    this.pacer = new Pacer({ encode: (frame) => encoder.encodeFrame(frame), send, ssrc, clock });
    this.pacer.on('played', (report) => {
      this.#waiting.get(report.utteranceId)?.(report);
      this.#waiting.delete(report.utteranceId);
    });
    this.pacer.on('speaking', () => this.emit('speaking'));
    this.pacer.on('silent', () => this.emit('silent'));
    this.closed = new Promise((resolve) => (this.#markClosed = resolve));
  }

  get queuedMs(): number {
    return this.pacer.queuedMs;
  }

  /** Queues speech; resolves with how much of it was really played. */
  play(pcm: Int16Array, id: string): Promise<PlayedReport> {
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, resolve);
      try {
        this.pacer.push(pcm, id);
      } catch (error) {
        this.#waiting.delete(id);
        reject(error);
      }
    });
  }

  pause(): void {
    this.pacer.pause();
  }

  resume(): void {
    this.pacer.resume();
  }

  /** Cuts the voice off (hold, barge-in); each cut utterance reports what was played. */
  stop(): PlayedReport[] {
    return this.pacer.stop();
  }

  close(): void {
    this.pacer.close();
    this.#encoder.close();
    this.#markClosed();
  }
}
