// The outbound side of the caller's voice: queued 16 kHz PCM goes out as Opus RTP, one packet
// per 20 ms on a clock anchored to performance.now(). Each send is scheduled against the grid
// (t0 + k * 20 ms), not against the previous timer, so timer lateness never accumulates; after
// a stall the grid skips ahead instead of bursting, and the RTP timestamp skips with it, so
// the listener hears a pause rather than audio played fast.
import { EventEmitter } from 'node:events';
import { randomInt } from 'node:crypto';
import { realClock, type Clock } from './clock.js';
import { InvalidStateError, QueueFullError } from './errors.js';
import { FRAME_MS, FRAME_RTP_TICKS, FRAME_SAMPLES, OPUS_RTP_CLOCK_HZ, PCM_RATE_HZ } from './format.js';
import { writeRtp } from './rtp.js';
import { SampleWindow, type Percentiles } from './stats.js';

export interface PacerOptions {
  /** One 320-sample frame -> one Opus packet; sync (OpusEncoder) or async (CodecPool). */
  encode: (frame: Int16Array) => Uint8Array | Promise<Uint8Array>;
  /** Hands a finished RTP packet on, e.g. to a mediasoup DirectTransport producer. */
  send: (packet: Buffer) => void;
  ssrc: number;
  payloadType?: number;
  firstSequenceNumber?: number;
  firstTimestamp?: number;
  /** Audio the queue holds at most; push() past it throws QueueFullError. */
  maxQueuedMs?: number;
  /** Frames encoded ahead of the clock: enough to hide encode latency, little to waste on barge-in. */
  lookaheadFrames?: number;
  /** Frames sent at once when the timer fires late; older due slots are skipped. */
  maxCatchUpFrames?: number;
  clock?: Clock;
}

/** How much of an utterance went out: the stored transcript is cut to this. */
export interface PlayedReport {
  utteranceId: string;
  playedMs: number;
  totalMs: number;
  interrupted: boolean;
}

export type PacerEvents = {
  /** First packet of a talk spurt sent. */
  speaking: [utteranceId: string];
  /** Queue ran dry or was stopped: the caller's line is quiet. */
  silent: [];
  /** Once per utterance, when it finished or was dropped. */
  played: [report: PlayedReport];
  /** A frame went out, with the clock time of its slot: what the listener hears, for the recording. */
  sent: [frame: Int16Array, slotTime: number, utteranceId: string];
};

export interface PacerStats {
  packets: number;
  underruns: number;
  skippedFrames: number;
  encodeErrors: number;
}

interface Utterance {
  id: string;
  pcm: Int16Array;
  frames: number;
  cut: number;
  sent: number;
}

interface Encoded {
  utterance: Utterance;
  packet: Uint8Array | undefined;
  failed: boolean;
}

export class Pacer extends EventEmitter<PacerEvents> {
  readonly #encode: PacerOptions['encode'];
  readonly #send: PacerOptions['send'];
  readonly #clock: Clock;
  readonly #ssrc: number;
  readonly #payloadType: number;
  readonly #maxQueuedFrames: number;
  readonly #lookahead: number;
  readonly #maxCatchUp: number;
  readonly #jitter = new SampleWindow(4096);
  readonly #stats: PacerStats = { packets: 0, underruns: 0, skippedFrames: 0, encodeErrors: 0 };
  #queue: Utterance[] = [];
  #ready: Encoded[] = [];
  #nextUtteranceId = 1;
  #seq: number;
  #timer: unknown;
  #running = false;
  #spurtStarted = false;
  #t0 = 0;
  #slot = 0;
  #tsAnchor: number;
  #last: { timestamp: number; slotTime: number } | undefined;
  #closed = false;
  #paused = false;

  constructor(options: PacerOptions) {
    super();
    this.#encode = options.encode;
    this.#send = options.send;
    this.#clock = options.clock ?? realClock;
    this.#ssrc = options.ssrc;
    this.#payloadType = options.payloadType ?? 100;
    this.#maxQueuedFrames = Math.ceil((options.maxQueuedMs ?? 60_000) / FRAME_MS);
    this.#lookahead = options.lookaheadFrames ?? 3;
    this.#maxCatchUp = options.maxCatchUpFrames ?? 2;
    // Random starting points, as RFC 3550 asks, unless a test pins them.
    this.#seq = options.firstSequenceNumber ?? randomInt(0x10000);
    this.#tsAnchor = options.firstTimestamp ?? randomInt(0x100000000);
    if (!Number.isInteger(this.#ssrc) || this.#ssrc < 0 || this.#ssrc > 0xffffffff) {
      throw new TypeError(`ssrc must be a 32-bit unsigned integer, got ${this.#ssrc}`);
    }
    if (!(this.#lookahead >= 1) || !(this.#maxCatchUp >= 1)) throw new TypeError('lookaheadFrames and maxCatchUpFrames must be >= 1');
  }

  get speaking(): boolean {
    return this.#running;
  }

  get queuedMs(): number {
    return this.#queue.reduce((ms, u) => ms + (u.frames - u.sent) * FRAME_MS, 0);
  }

  get stats(): Readonly<PacerStats> {
    return { ...this.#stats };
  }

  /** Send time minus scheduled time, in ms, over the last 4096 packets. */
  sendJitter(): Percentiles {
    return this.#jitter.percentiles();
  }

  /** Queues 16 kHz mono PCM of any length; returns the utterance id used in reports. */
  push(pcm: Int16Array, utteranceId?: string): string {
    if (this.#closed) throw new InvalidStateError('Pacer closed');
    if (!(pcm instanceof Int16Array)) throw new TypeError('Pacer.push takes 16 kHz mono Int16Array PCM');
    const frames = Math.ceil(pcm.length / FRAME_SAMPLES);
    const queuedFrames = this.#queue.reduce((n, u) => n + u.frames - u.sent, 0);
    if (queuedFrames + frames > this.#maxQueuedFrames) {
      throw new QueueFullError(`Pacer queue holds ${queuedFrames * FRAME_MS} ms; ${frames * FRAME_MS} ms more would pass the bound`);
    }
    const id = utteranceId ?? `u${this.#nextUtteranceId++}`;
    if (frames === 0) {
      this.emit('played', { utteranceId: id, playedMs: 0, totalMs: 0, interrupted: false });
      return id;
    }
    this.#queue.push({ id, pcm, frames, cut: 0, sent: 0 });
    this.#topUp();
    this.#maybeStart();
    return id;
  }

  /**
   * Falls silent at once, keeping what is queued (someone may be talking over the caller);
   * resume() goes on from the same place after a gap, stop() drops it all.
   */
  pause(): void {
    if (this.#paused || this.#closed) return;
    this.#paused = true;
    this.#goQuiet();
  }

  resume(): void {
    if (!this.#paused) return;
    this.#paused = false;
    this.#maybeStart();
  }

  /** Barge-in: drops everything, the utterance being spoken included. */
  stop(): PlayedReport[] {
    this.#paused = false;
    const dropped = this.#queue;
    this.#queue = [];
    this.#ready = [];
    this.#goQuiet();
    return this.#reportDropped(dropped);
  }

  /** Drops utterances not yet started; the one being spoken plays to its end. */
  clear(): PlayedReport[] {
    const keep = this.#queue.filter((u) => u.sent > 0);
    const dropped = this.#queue.filter((u) => u.sent === 0);
    this.#queue = keep;
    this.#ready = this.#ready.filter((e) => keep.includes(e.utterance));
    return this.#reportDropped(dropped);
  }

  /** Stops sending for good. Safe to call twice. */
  close(): void {
    if (this.#closed) return;
    this.stop();
    this.#closed = true;
    this.removeAllListeners();
  }

  #reportDropped(dropped: Utterance[]): PlayedReport[] {
    const reports = dropped.map((u) => ({
      utteranceId: u.id,
      playedMs: Math.min(u.sent * FRAME_MS, msOf(u.pcm.length)),
      totalMs: msOf(u.pcm.length),
      interrupted: true,
    }));
    for (const r of reports) this.emit('played', r);
    return reports;
  }

  // Encodes a few frames ahead so an async encoder's latency is hidden behind the clock.
  #topUp(): void {
    for (const u of this.#queue) {
      while (u.cut < u.frames && this.#ready.length < this.#lookahead) {
        const frame = new Int16Array(FRAME_SAMPLES); // zero-padded at the utterance's end
        frame.set(u.pcm.subarray(u.cut * FRAME_SAMPLES, (u.cut + 1) * FRAME_SAMPLES));
        u.cut++;
        const entry: Encoded = { utterance: u, packet: undefined, failed: false };
        this.#ready.push(entry);
        try {
          const out = this.#encode(frame);
          const settle = (packet: Uint8Array | undefined) => {
            entry.packet = packet;
            entry.failed = !packet;
            this.#maybeStart();
          };
          if (out instanceof Uint8Array) entry.packet = out;
          else out.then(settle, () => settle(undefined));
        } catch {
          entry.failed = true;
        }
      }
      if (this.#ready.length >= this.#lookahead) return;
    }
  }

  // A spurt starts once its first frame is encoded, so an async encoder's latency delays
  // the start by that latency instead of costing a whole silent 20 ms slot.
  #maybeStart(): void {
    const head = this.#ready[0];
    if (!this.#running && !this.#closed && !this.#paused && head && (head.packet || head.failed)) this.#startSpurt();
  }

  #startSpurt(): void {
    const now = this.#clock.now();
    if (this.#last) {
      // Across a silence the timestamp advances by the wall time that passed.
      const elapsed = Math.round(((now - this.#last.slotTime) * OPUS_RTP_CLOCK_HZ) / 1000);
      this.#tsAnchor = (this.#last.timestamp + Math.max(FRAME_RTP_TICKS, elapsed)) >>> 0;
    }
    this.#running = true;
    this.#spurtStarted = false;
    this.#t0 = now;
    this.#slot = 0;
    this.#timer = this.#clock.setTimeout(() => this.#onTimer(), 0);
  }

  #goQuiet(): void {
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    const wasSpeaking = this.#running && this.#spurtStarted;
    this.#running = false;
    if (wasSpeaking) this.emit('silent');
  }

  #onTimer(): void {
    this.#timer = undefined;
    const now = this.#clock.now();
    let due = Math.floor((now - this.#t0) / FRAME_MS) - this.#slot + 1;
    if (due > this.#maxCatchUp) {
      this.#stats.skippedFrames += due - this.#maxCatchUp;
      this.#slot += due - this.#maxCatchUp;
      due = this.#maxCatchUp;
    }
    for (let i = 0; i < due && this.#running; i++) {
      this.#sendSlot(now);
      this.#slot++;
    }
    if (this.#running) {
      const next = this.#t0 + this.#slot * FRAME_MS;
      this.#timer = this.#clock.setTimeout(() => this.#onTimer(), Math.max(0, next - this.#clock.now()));
    }
  }

  #sendSlot(now: number): void {
    const head = this.#ready[0];
    if (!head) {
      if (this.#queue.length === 0) this.#goQuiet();
      else this.#stats.underruns++;
      return;
    }
    if (!head.packet && !head.failed) {
      // Encoder behind the clock: the slot passes silent, the timeline stays true.
      this.#stats.underruns++;
      return;
    }
    this.#ready.shift();
    const slotTime = this.#t0 + this.#slot * FRAME_MS;
    const timestamp = (this.#tsAnchor + this.#slot * FRAME_RTP_TICKS) >>> 0;
    const u = head.utterance;
    if (head.packet) {
      this.#send(
        writeRtp(
          { payloadType: this.#payloadType, sequenceNumber: this.#seq, timestamp, ssrc: this.#ssrc, marker: !this.#spurtStarted },
          head.packet,
        ),
      );
      this.#seq = (this.#seq + 1) & 0xffff;
      this.#stats.packets++;
      this.#jitter.add(now - slotTime);
      this.#last = { timestamp, slotTime };
      this.emit('sent', u.pcm.subarray(u.sent * FRAME_SAMPLES, (u.sent + 1) * FRAME_SAMPLES), slotTime, u.id);
      if (!this.#spurtStarted) {
        this.#spurtStarted = true;
        this.emit('speaking', u.id);
      }
    } else {
      this.#stats.encodeErrors++;
    }
    u.sent++;
    if (u.sent === u.frames) {
      this.#queue.splice(this.#queue.indexOf(u), 1);
      this.emit('played', { utteranceId: u.id, playedMs: msOf(u.pcm.length), totalMs: msOf(u.pcm.length), interrupted: false });
    }
    this.#topUp();
  }
}

function msOf(samples: number): number {
  return (samples * 1000) / PCM_RATE_HZ;
}
