// Receive-side reorder buffer for one RTP stream. Pure logic: the caller passes `now` (ms)
// with every call and polls at nextDeadline(), so tests need no timers.
//
// A hole is waited for only briefly: the decoder feeds live speech recognition, where a late
// frame is worth less than true timing. A hole given up on is reported with its duration so
// the decoder can fill exactly that much silence and the call's clock stays true.

export interface SequencedPacket {
  sequenceNumber: number;
  timestamp: number;
}

export interface JitterBufferOptions {
  /** RTP clock of the stream; Opus is always 48 kHz. */
  clockRateHz?: number;
  /** Give up on a hole once the first packet after it has waited this long. */
  maxWaitMs?: number;
  /** ...or once the newest packet is this many sequence numbers past the first missing one. */
  maxPacketsBehind?: number;
  /** Packets held at most; past this the oldest hole is given up on at once. */
  capacity?: number;
}

export type JitterOutput<P> =
  | { kind: 'packet'; /** Extended sequence number: never wraps. */ seq: number; packet: P }
  | { kind: 'lost'; fromSeq: number; count: number; durationSamples: number; durationMs: number };

export interface JitterStats {
  received: number;
  lost: number;
  reordered: number;
  duplicates: number;
  late: number;
}

// Remembers recently delivered sequence numbers so a duplicate is told apart from a packet
// that arrived after its hole was given up on.
const DELIVERED_MEMORY = 1024;

export class JitterBuffer<P extends SequencedPacket> {
  readonly #clockRateHz: number;
  readonly #maxWaitMs: number;
  readonly #maxPacketsBehind: number;
  readonly #capacity: number;
  readonly #held = new Map<number, { packet: P; arrivedAt: number }>();
  readonly #delivered = new Float64Array(DELIVERED_MEMORY).fill(-1);
  #started = false;
  #highest = 0;
  #next = 0;
  #last: { seq: number; timestamp: number } | undefined;
  readonly #stats: JitterStats = { received: 0, lost: 0, reordered: 0, duplicates: 0, late: 0 };

  constructor(options: JitterBufferOptions = {}) {
    this.#clockRateHz = options.clockRateHz ?? 48_000;
    this.#maxWaitMs = options.maxWaitMs ?? 60;
    this.#maxPacketsBehind = options.maxPacketsBehind ?? 3;
    this.#capacity = options.capacity ?? 64;
    if (!(this.#clockRateHz > 0) || !(this.#maxWaitMs >= 0) || !(this.#maxPacketsBehind >= 1) || !(this.#capacity >= 1)) {
      throw new TypeError('JitterBuffer options must be positive numbers');
    }
  }

  get stats(): Readonly<JitterStats> {
    return { ...this.#stats };
  }

  /** Packets held waiting for a hole to fill. */
  get held(): number {
    return this.#held.size;
  }

  /** Accepts one packet; returns what can now be delivered, in order. */
  push(packet: P, now: number): JitterOutput<P>[] {
    this.#stats.received++;
    const seq = this.#extend(packet.sequenceNumber);
    if (!this.#started) {
      this.#started = true;
      this.#highest = seq;
      this.#next = seq;
    }
    if (seq < this.#next) {
      if (this.#delivered[seq % DELIVERED_MEMORY] === seq) this.#stats.duplicates++;
      else this.#stats.late++;
      return [];
    }
    if (this.#held.has(seq)) {
      this.#stats.duplicates++;
      return [];
    }
    if (seq < this.#highest) this.#stats.reordered++;
    else this.#highest = seq;
    this.#held.set(seq, { packet, arrivedAt: now });
    return this.#release(now);
  }

  /** Gives up on holes whose wait is over; call at nextDeadline(). */
  poll(now: number): JitterOutput<P>[] {
    return this.#release(now);
  }

  /** When poll() may next have something to release, or undefined if nothing waits. */
  nextDeadline(): number | undefined {
    if (this.#held.size === 0) return undefined;
    let first = Infinity;
    for (const { arrivedAt } of this.#held.values()) first = Math.min(first, arrivedAt);
    return first + this.#maxWaitMs;
  }

  // The 16-bit sequence number is unwrapped to whichever 32-bit value lies nearest the
  // newest one seen, so a reordered packet just before a wrap is not taken for a jump.
  #extend(seq16: number): number {
    if (!this.#started) return 0x10000 + seq16; // room below for a packet reordered before the first
    const ref = this.#highest;
    let seq = Math.floor(ref / 0x10000) * 0x10000 + seq16;
    if (seq - ref > 0x8000) seq -= 0x10000;
    else if (ref - seq > 0x8000) seq += 0x10000;
    return seq;
  }

  #release(now: number): JitterOutput<P>[] {
    const out: JitterOutput<P>[] = [];
    for (;;) {
      let entry = this.#held.get(this.#next);
      while (entry) {
        this.#held.delete(this.#next);
        this.#delivered[this.#next % DELIVERED_MEMORY] = this.#next;
        this.#last = { seq: this.#next, timestamp: entry.packet.timestamp };
        out.push({ kind: 'packet', seq: this.#next, packet: entry.packet });
        this.#next++;
        entry = this.#held.get(this.#next);
      }
      if (this.#held.size === 0) return out;
      const deadline = this.nextDeadline()!;
      const giveUp =
        this.#highest - this.#next >= this.#maxPacketsBehind || now >= deadline || this.#held.size > this.#capacity;
      if (!giveUp) return out;
      out.push(this.#declareLost());
    }
  }

  #declareLost(): JitterOutput<P> {
    let after = Infinity;
    for (const seq of this.#held.keys()) after = Math.min(after, seq);
    const resume = this.#held.get(after)!.packet;
    const count = after - this.#next;
    // Spread the timestamp span evenly over the missing packets: exact for constant packet
    // durations, and still adds up to the true total if Opus DTX paused inside the hole.
    let durationSamples: number;
    if (this.#last) {
      const span = (resume.timestamp - this.#last.timestamp) >>> 0;
      durationSamples = Math.round((span * count) / (after - this.#last.seq));
    } else {
      durationSamples = Math.round((count * 20 * this.#clockRateHz) / 1000);
    }
    const lost: JitterOutput<P> = {
      kind: 'lost',
      fromSeq: this.#next,
      count,
      durationSamples,
      durationMs: (durationSamples * 1000) / this.#clockRateHz,
    };
    this.#stats.lost += count;
    this.#next = after;
    return lost;
  }
}
