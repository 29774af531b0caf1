import { randomUUID } from 'node:crypto';

// Seeded socket.io payloads for the signalling fuzz test: well-formed requests now and then,
// but mostly what an attacker would send (wrong types, missing and extra fields, huge strings,
// deep nesting, keys that pollute prototypes, binary, calls that are not theirs). The same seed
// gives the same run; the test prints it.

/** mulberry32: a small, fast PRNG with a 32-bit state. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Ids = {
  /** The calls this socket's user may touch, and one they may not (another trainee's). */
  own: string[];
  foreign: string[];
  /** Ids the server handed this socket (transports, producers, consumers). */
  learned: string[];
};

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
const FIELDS = ['callId', 'callIds', 'direction', 'transportId', 'dtlsParameters', 'rtpParameters', 'rtpCapabilities', 'consumerId', 'kind', 'agency', 'mode', 'text', 'steer'];

export class PayloadFuzzer {
  constructor(
    private readonly random: () => number,
    private readonly ids: Ids,
  ) {}

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  int(max: number): number {
    return Math.floor(this.random() * max);
  }

  /**
   * One request's arguments (the ack, when sent, is added by the caller), kept under the
   * server's 64 KB message limit: a bigger one closes the connection, by design.
   */
  args(): unknown[] {
    for (;;) {
      const args = this.chance(0.05) ? [] : this.chance(0.05) ? [this.payload(), this.payload()] : [this.payload()];
      if (JSON.stringify(args).length < 60_000) return args;
    }
  }

  payload(): unknown {
    const roll = this.random();
    if (roll < 0.6) return this.#object(1);
    if (roll < 0.7) return this.#garbage(0);
    if (roll < 0.8) return this.#deep(200 + this.int(2000));
    if (roll < 0.9) return this.#polluting();
    return this.#object(1, { extraProto: true });
  }

  /** An id as an attacker spells it: theirs or not, in any case, or not an id at all. */
  callId(): unknown {
    const roll = this.random();
    const cased = (id: string) => (this.chance(0.3) ? id.toUpperCase() : id);
    if (roll < 0.35 && this.ids.own.length) return cased(this.pick(this.ids.own));
    if (roll < 0.6 && this.ids.foreign.length) return cased(this.pick(this.ids.foreign));
    if (roll < 0.75) return randomUUID();
    return this.#garbage(1);
  }

  #object(depth: number, options: { extraProto?: boolean } = {}): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (this.chance(0.85)) out.callId = this.callId();
    const count = this.int(4);
    for (let i = 0; i < count; i++) out[this.pick(FIELDS)] = this.#field(this.pick(FIELDS), depth);
    if (options.extraProto) Object.defineProperty(out, this.pick(PROTO_KEYS), { value: { polluted: true }, enumerable: true });
    return out;
  }

  /** A value for `field`: right for that field half the time. */
  #field(field: string, depth: number): unknown {
    if (this.chance(0.5)) return this.#garbage(depth);
    switch (field) {
      case 'callId':
        return this.callId();
      case 'callIds':
        return Array.from({ length: this.int(5) }, () => this.callId());
      case 'direction':
        return this.pick(['send', 'recv']);
      case 'transportId':
      case 'consumerId':
        return this.ids.learned.length && this.chance(0.7) ? this.pick(this.ids.learned) : randomUUID();
      case 'kind':
        return 'audio';
      case 'agency':
        return this.pick(['fire', 'ems', 'police', 'poison_control']);
      case 'mode':
        return this.pick(['monitor', 'coach', 'barge', 'warm', 'cold']);
      case 'text':
        return this.pick(['what is the address of the emergency?', 'is anyone hurt?', 'stay on the line']);
      case 'steer':
        return this.pick([{ action: 'escalate' }, { action: 'calm' }, { action: 'reveal', fact: 'address' }, { action: 'noise', noise: 'sirens' }, { action: 'event', say: 'shots fired' }]);
      case 'dtlsParameters':
        return { role: 'client', fingerprints: [{ algorithm: 'sha-256', value: 'AB:CD' }] };
      case 'rtpParameters':
        return { codecs: [{ mimeType: 'audio/opus', payloadType: 100 + this.int(28), clockRate: 48000, channels: 2 }], encodings: [{ ssrc: this.int(2 ** 32) }] };
      default:
        return { codecs: [{ kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2, preferredPayloadType: 100 }], headerExtensions: [] };
    }
  }

  /** Anything but what was asked: wrong types, huge strings, NUL, binary, nested junk. */
  #garbage(depth: number): unknown {
    const choices: (() => unknown)[] = [
      () => null,
      () => undefined,
      () => this.int(2 ** 31) * (this.chance(0.5) ? -1 : 1),
      () => this.random(),
      () => Number.MAX_SAFE_INTEGER,
      () => this.chance(0.5),
      () => '',
      () => 'x'.repeat(this.int(200)),
      () => 'é\u0000\ud800'.repeat(1 + this.int(50)),
      () => 'A'.repeat(10_000 + this.int(40_000)),
      () => Buffer.from('binary payload'),
      () => [],
      () => (depth < 3 ? Array.from({ length: this.int(5) }, () => this.#garbage(depth + 1)) : []),
      () => (depth < 3 ? this.#object(depth + 1) : {}),
      () => this.pick(PROTO_KEYS),
    ];
    return this.pick(choices)();
  }

  #deep(levels: number): unknown {
    let value: unknown = this.callId();
    for (let i = 0; i < levels; i++) value = this.chance(0.5) ? [value] : { callId: this.callId(), rtpCapabilities: value };
    return value;
  }

  /** Objects whose own keys are `__proto__` and friends, as JSON.parse makes them on the server. */
  #polluting(): unknown {
    const key = this.pick(PROTO_KEYS);
    return JSON.parse(`{"callId": ${JSON.stringify(this.callId() ?? null)}, "${key}": {"polluted": true, "isAdmin": true}, "steer": {"${key}": {"polluted": true}}}`);
  }
}
