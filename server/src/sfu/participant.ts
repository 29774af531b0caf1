import type { Consumer, PlainTransport, Producer, RtpCapabilities, WebRtcTransport } from 'mediasoup/lib/types.js';
import type { SupervisionMode, TrackSource } from '../protocol/media.js';
import { MEDIA_LIMITS, MediaLimitError } from './limits.js';

// Who is in a call's media room and who hears whom. A participant is the call's trainee or
// someone from the floor (a supervisor or an instructor) supervising in one of three modes;
// DOMAIN.md's supervision table, as code:
//
//   mode      | the trainee hears     | the caller hears     | the supervisor is heard by
//   monitor   | caller                | trainee              | nobody
//   coach     | caller + coach        | trainee              | the trainee only
//   barge     | caller + instructor   | trainee + instructor | everyone
//
// Everyone supervising hears the caller (and a transfer's agency) and the trainee. The
// caller's side of that table is the caller bridge's job (CallBridge.setInstructorOnLine).

export type ParticipantKind = 'trainee' | 'supervisor';

/** Browser peers use WebRTC; tests and benchmarks stand in for them with plain RTP. */
export type PeerTransport = WebRtcTransport | PlainTransport;

/** A track someone in the room may hear: a simulated voice or a participant's microphone. */
export type Track = { source: TrackSource; producer: Producer; owner?: Participant };

export type HeardTrack = { consumer: Consumer; source: TrackSource; owner: Participant | undefined };

export class Participant {
  readonly transports = new Map<string, { transport: PeerTransport; direction: 'send' | 'recv' }>();
  readonly consumers = new Map<string, HeardTrack>();
  producer: Producer | undefined;
  mode: SupervisionMode | undefined;
  /** Known once the peer first consumes; tracks that appear later are offered with these. */
  rtpCapabilities: RtpCapabilities | undefined;
  /** Transports being made: counted against the limit before they exist. */
  readonly #creating = { send: 0, recv: 0 };

  constructor(
    readonly id: string,
    readonly kind: ParticipantKind,
  ) {}

  /** Who this participant's microphone is, to everyone who hears it. */
  get source(): TrackSource {
    return this.kind === 'trainee' ? 'trainee' : 'instructor';
  }

  /** A supervisor whose microphone is live: coaching or barging in. */
  get speaking(): boolean {
    return this.mode === 'coach' || this.mode === 'barge';
  }

  get recv(): PeerTransport | undefined {
    return [...this.transports.values()].find((t) => t.direction === 'recv')?.transport;
  }

  /** Counts a transport about to be made (two made at once cannot both pass the limit); call the release when it exists or failed. */
  reserveTransport(direction: 'send' | 'recv'): () => void {
    const held = [...this.transports.values()].filter((t) => t.direction === direction).length + this.#creating[direction];
    if (held >= MEDIA_LIMITS.transportsPerDirection) {
      throw new MediaLimitError(`a participant has at most ${MEDIA_LIMITS.transportsPerDirection} ${direction} transport: rtc:join again to start over`);
    }
    this.#creating[direction]++;
    return () => void this.#creating[direction]--;
  }

  assertMayProduce(): void {
    if (this.producer && !this.producer.closed) throw new MediaLimitError('a participant sends one microphone, and this one already does: rtc:join again to start over');
  }

  /** Whether one more consumer fits under the participant's limit. */
  get mayConsume(): boolean {
    return this.consumers.size < MEDIA_LIMITS.consumersPerPeer;
  }

  consumerOf(producerId: string): HeardTrack | undefined {
    return [...this.consumers.values()].find((c) => c.consumer.producerId === producerId);
  }

  /** Closes its transports, and with them its producer and consumers. */
  close(): void {
    for (const { transport } of this.transports.values()) transport.close();
  }
}

/** Whether `listener` hears `track` (see the table above). */
export function hears(listener: Participant, track: Track): boolean {
  if (track.owner === listener) return false;
  const supervising = listener.kind === 'supervisor' && listener.mode !== undefined;
  switch (track.source) {
    case 'caller':
    case 'agency':
    case 'background':
      return listener.kind === 'trainee' || supervising;
    case 'trainee':
      return supervising;
    case 'instructor':
      if (!track.owner?.speaking) return false;
      return listener.kind === 'trainee' || (supervising && track.owner.mode === 'barge');
  }
}

/** Hold cuts the simulated voices off; people keep hearing each other (the trainee asks the coach). */
export function pausedOnHold(source: TrackSource): boolean {
  return source === 'caller' || source === 'agency' || source === 'background';
}
