import { EventEmitter } from 'node:events';
import { randomInt } from 'node:crypto';
import { InvalidStateError } from 'mediasoup/lib/errors.js';
import type { Consumer, DirectTransport, DtlsParameters, Producer, Router, RtpCapabilities, RtpParameters } from 'mediasoup/lib/types.js';
import type { CallBridge, Voice } from '../../../media/bridge.js';
import type { ConsumerOptions, SupervisionMode, TrackSource, TransportOptions } from '../protocol/media.js';
import { MEDIA_LIMITS, MediaCapacityError, MediaLimitError, peersPerCall } from './limits.js';
import { hears, Participant, pausedOnHold, type ParticipantKind, type PeerTransport, type Track } from './participant.js';
import { AUDIO_CODECS } from './workers.js';

// The SFU side of one call: a router; a transport pair per participant (the trainee's
// browser, and any supervisor's or instructor's); the trainee's microphone tapped into the
// caller bridge through a DirectTransport, and a coaching instructor's too (recorded, and
// on the caller's line while barging); one DirectTransport producer per simulated voice.
// Who consumes what follows the supervision table in participant.ts; a mode switch only
// adds, closes, pauses or resumes consumers. Closing the room closes all of it. What one
// participant and the call may hold is bounded (limits.ts), counted before anything is made.

export type ListenIp = { ip: string; announcedIp?: string | undefined };

type SimulatedTrack = Track & { voice: Voice };

export type CallRoomEvents = {
  /** A track this peer may now hear, after it first consumed: it must consume this one too. */
  newConsumer: [peerId: string, consumer: ConsumerOptions];
  consumerClosed: [peerId: string, consumerId: string];
  /** The trainee's audio path (their send transport) came up or went down. */
  traineeMedia: [connected: boolean];
  /** The worker under this call died: the call cannot go on. */
  workerClosed: [];
};

export class RoomError extends Error {}

export class CallRoom extends EventEmitter<CallRoomEvents> {
  readonly callId: string;
  readonly router: Router;
  readonly bridge: CallBridge;
  readonly #direct: DirectTransport;
  readonly #listenIps: ListenIp[];
  readonly #peers = new Map<string, Participant>();
  readonly #voices = new Map<TrackSource, SimulatedTrack>();
  #traineeTap: Consumer | undefined;
  #traineeMuted = false;
  #onHold = false;
  #traineeMediaUp = false;
  #closed = false;
  /** Consumers are added and closed one change at a time, so none is made twice. */
  #changes: Promise<unknown> = Promise.resolve();

  static async create(options: { callId: string; router: Router; bridge: CallBridge; listenIps: ListenIp[] }): Promise<CallRoom> {
    const direct = await options.router.createDirectTransport();
    return new CallRoom(options, direct);
  }

  private constructor(options: { callId: string; router: Router; bridge: CallBridge; listenIps: ListenIp[] }, direct: DirectTransport) {
    super();
    this.callId = options.callId;
    this.router = options.router;
    this.bridge = options.bridge;
    this.#listenIps = options.listenIps;
    this.#direct = direct;
    this.router.once('workerclose', () => {
      if (!this.#closed) this.emit('workerClosed');
    });
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Whether the trainee's microphone can reach the call now: ICE and DTLS up on their send transport. */
  get traineeMediaConnected(): boolean {
    return this.#traineeMediaUp;
  }

  get peerCount(): number {
    return this.#peers.size;
  }

  /** The peers (sockets) in the room now. */
  peerIds(): string[] {
    return [...this.#peers.keys()];
  }

  hasPeer(peerId: string, kind?: ParticipantKind): boolean {
    const peer = this.#peers.get(peerId);
    return Boolean(peer) && (kind === undefined || peer!.kind === kind);
  }

  /** Peers of a kind in the room now. */
  countOf(kind: ParticipantKind): number {
    return [...this.#peers.values()].filter((p) => p.kind === kind).length;
  }

  /** Adds a peer (a socket); a peer that joins again starts over. */
  join(peerId: string, kind: ParticipantKind = 'trainee'): RtpCapabilities {
    this.#assertOpen();
    this.leave(peerId);
    if (this.countOf(kind) >= peersPerCall(kind)) {
      throw new MediaLimitError(`a call has at most ${peersPerCall(kind)} ${kind === 'trainee' ? "of its trainee's connections" : 'people from the floor'} in its media`);
    }
    this.#peers.set(peerId, new Participant(peerId, kind));
    return this.router.rtpCapabilities;
  }

  leave(peerId: string): void {
    const peer = this.#peers.get(peerId);
    if (!peer) return;
    this.#peers.delete(peerId);
    peer.close(); // its producer goes, and everyone's consumers of it
    this.#applyLine();
  }

  async createTransport(peerId: string, direction: 'send' | 'recv'): Promise<TransportOptions> {
    const peer = this.#peer(peerId);
    const release = peer.reserveTransport(direction);
    let transport: PeerTransport;
    try {
      transport = await this.router.createWebRtcTransport({ listenIps: this.#listenIps, enableUdp: true, enableTcp: true, preferUdp: true, appData: { direction } });
    } catch (error) {
      this.#assertOpen();
      // Our options are fixed and valid: what fails is the worker's port range (shared with anything else bound to it).
      throw new MediaCapacityError(`no media port is free on this server (${error instanceof Error ? error.message : String(error)})`);
    } finally {
      release();
    }
    this.#register(peer, transport, direction);
    return { id: transport.id, iceParameters: transport.iceParameters, iceCandidates: transport.iceCandidates, dtlsParameters: transport.dtlsParameters };
  }

  /** A transport made outside the room (a PlainTransport standing in for a browser in tests and benchmarks). */
  addTransport(peerId: string, transport: PeerTransport, direction: 'send' | 'recv'): void {
    const peer = this.#peer(peerId);
    peer.reserveTransport(direction)();
    this.#register(peer, transport, direction);
  }

  async connectTransport(peerId: string, transportId: string, dtlsParameters: DtlsParameters): Promise<void> {
    await this.#webRtc(peerId, transportId).connect({ dtlsParameters });
  }

  async restartIce(peerId: string, transportId: string): Promise<unknown> {
    return this.#webRtc(peerId, transportId).restartIce();
  }

  /** A microphone: the trainee's is tapped into the caller bridge; a coach's goes to whoever hears it. */
  produce(peerId: string, transportId: string, rtpParameters: RtpParameters): Promise<string> {
    return this.#change(async () => {
      const peer = this.#peer(peerId);
      const entry = peer.transports.get(transportId);
      if (!entry) throw new RoomError(`no transport ${transportId}`);
      if (entry.direction !== 'send') throw new RoomError('produce on a receive transport');
      if (peer.kind === 'supervisor' && !peer.speaking) throw new RoomError('a silent monitor does not speak into the call: coach or barge first');
      peer.assertMayProduce();
      const producer = await entry.transport.produce({ kind: 'audio', rtpParameters });
      peer.producer = producer;
      producer.observer.once('close', () => {
        if (peer.producer === producer) peer.producer = undefined;
      });
      await this.#tap(peer, producer);
      await this.#offerAll();
      this.#applyLine();
      return producer.id;
    });
  }

  /** Paused consumers of every track this peer hears and does not have yet, to create and then resume. */
  consume(peerId: string, rtpCapabilities: RtpCapabilities): Promise<ConsumerOptions[]> {
    return this.#change(async () => {
      const peer = this.#peer(peerId);
      const recv = peer.recv;
      if (!recv) throw new RoomError('create a receive transport first');
      peer.rtpCapabilities = rtpCapabilities;
      const offers: ConsumerOptions[] = [];
      for (const track of this.#tracks()) {
        if (!hears(peer, track) || peer.consumerOf(track.producer.id)) continue;
        if (!this.router.canConsume({ producerId: track.producer.id, rtpCapabilities })) throw new RoomError('the browser cannot receive Opus');
        if (!peer.mayConsume) throw new MediaLimitError(`a participant hears at most ${MEDIA_LIMITS.consumersPerPeer} tracks`);
        offers.push(await this.#consumeTrack(peer, recv, rtpCapabilities, track));
      }
      return offers;
    });
  }

  async resumeConsumer(peerId: string, consumerId: string): Promise<void> {
    const heard = this.#peer(peerId).consumers.get(consumerId);
    if (!heard) throw new RoomError(`no consumer ${consumerId}`);
    (heard.consumer.appData as { ready?: boolean }).ready = true;
    if (!(this.#onHold && pausedOnHold(heard.source))) await heard.consumer.resume();
  }

  /**
   * A peer starts supervising, switches mode or stops (undefined): consumers are offered and
   * closed to match, a coach's microphone is paused while only monitoring, and the caller
   * hears a barging instructor. No transport is made or closed.
   */
  setSupervision(peerId: string, mode: SupervisionMode | undefined): Promise<void> {
    return this.#change(async () => {
      const peer = this.#peer(peerId);
      if (peer.kind !== 'supervisor') throw new RoomError("the call's trainee does not supervise it");
      peer.mode = mode;
      if (peer.producer) {
        if (peer.speaking) await peer.producer.resume();
        else await peer.producer.pause();
      }
      await this.#offerAll();
      this.#applyLine();
    });
  }

  /** A simulated voice (the caller, an agency) as a producer everyone hears. */
  addVoice(source: Exclude<TrackSource, 'trainee' | 'instructor'>): Promise<Voice> {
    return this.#change(async () => {
      this.#assertOpen();
      const ssrc = randomInt(1, 0xffffffff);
      const producer = await this.#direct.produce({
        kind: 'audio',
        rtpParameters: {
          codecs: [{ mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2, parameters: AUDIO_CODECS[0]!.parameters }],
          encodings: [{ ssrc }],
          rtcp: { cname: `ringdown-${source}` },
        },
      });
      const voice = this.bridge.addVoice(source, ssrc, (packet) => {
        // A packet paced out after the media worker died (its channel closed before the producer
        // learns it is closed) goes nowhere: the worker's death ends the call, not this timer.
        try {
          if (!producer.closed) producer.send(packet);
        } catch (error) {
          if (!(error instanceof InvalidStateError)) throw error;
        }
      });
      this.#voices.set(source, { source, producer, voice });
      await this.#offerAll();
      return voice;
    });
  }

  /** The producer a simulated voice sends into, for whoever consumes it outside a browser. */
  voiceProducer(source: TrackSource): Producer | undefined {
    return this.#voices.get(source)?.producer;
  }

  removeVoice(source: TrackSource): void {
    const track = this.#voices.get(source);
    if (!track) return;
    this.#voices.delete(source);
    track.voice.close();
    track.producer.close(); // closes the peers' consumers of it
  }

  /** Mute: the trainee's audio stops on its way to the caller; supervisors still hear them. */
  async setTraineeMuted(muted: boolean): Promise<void> {
    this.#traineeMuted = muted;
    await this.#applyTraineeGate();
  }

  /** Hold: the trainee and the caller stop hearing each other; the people in the room do not. */
  async setOnHold(onHold: boolean): Promise<void> {
    this.#onHold = onHold;
    await this.#applyTraineeGate();
    this.#applyLine();
    for (const peer of this.#peers.values()) {
      for (const { consumer, source } of peer.consumers.values()) {
        if (!pausedOnHold(source)) continue;
        if (onHold) await consumer.pause();
        else if ((consumer.appData as { ready?: boolean }).ready) await consumer.resume();
      }
    }
  }

  /** Closes every transport, producer and consumer, then the router. Safe to call twice. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const peerId of [...this.#peers.keys()]) this.leave(peerId);
    for (const source of [...this.#voices.keys()]) this.removeVoice(source);
    this.#direct.close();
    this.router.close();
    this.removeAllListeners();
  }

  #register(peer: Participant, transport: PeerTransport, direction: 'send' | 'recv'): void {
    if (this.#closed || this.#peers.get(peer.id) !== peer) {
      transport.close();
      throw new RoomError('the peer left while its transport was made');
    }
    peer.transports.set(transport.id, { transport, direction });
    transport.observer.once('close', () => {
      peer.transports.delete(transport.id);
      this.#checkTraineeMedia();
    });
    if (peer.kind === 'trainee' && direction === 'send' && 'dtlsState' in transport) {
      transport.on('icestatechange', () => this.#checkTraineeMedia());
      transport.on('dtlsstatechange', () => this.#checkTraineeMedia());
    }
    this.#checkTraineeMedia();
  }

  /** A PlainTransport (a test's or a benchmark's stand-in browser) has no ICE: it is up once made. */
  #checkTraineeMedia(): void {
    const up = [...this.#peers.values()].some(
      (peer) =>
        peer.kind === 'trainee' &&
        [...peer.transports.values()].some(({ transport, direction }) => {
          if (direction !== 'send' || transport.closed) return false;
          if (!('dtlsState' in transport)) return true;
          return transport.dtlsState === 'connected' && (transport.iceState === 'connected' || transport.iceState === 'completed');
        }),
    );
    if (up === this.#traineeMediaUp || this.#closed) return;
    this.#traineeMediaUp = up;
    this.emit('traineeMedia', up);
  }

  #change<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#changes.then(fn);
    this.#changes = run.catch(() => undefined);
    return run;
  }

  *#tracks(): Generator<Track> {
    yield* this.#voices.values();
    for (const peer of this.#peers.values()) {
      if (peer.producer && !peer.producer.closed) yield { source: peer.source, producer: peer.producer, owner: peer };
    }
  }

  /** Feeds a microphone to the caller bridge: the trainee's always, an instructor's for recording and barge. */
  async #tap(peer: Participant, producer: Producer): Promise<void> {
    const tap = await this.#direct.consume({ producerId: producer.id, rtpCapabilities: this.router.rtpCapabilities });
    if (peer.kind === 'trainee') {
      this.#traineeTap?.close();
      this.#traineeTap = tap;
      tap.observer.once('close', () => {
        if (this.#traineeTap === tap) this.#traineeTap = undefined;
      });
      tap.on('rtp', (packet: Buffer) => this.bridge.receiveTraineeRtp(packet));
      await this.#applyTraineeGate();
    } else {
      tap.on('rtp', (packet: Buffer) => this.bridge.receiveInstructorRtp(packet));
      if (!peer.speaking) await producer.pause();
    }
  }

  /** Offers every peer that already consumes the tracks it now hears, and closes those it no longer does. */
  async #offerAll(): Promise<void> {
    for (const peer of [...this.#peers.values()]) {
      const recv = peer.recv;
      const caps = peer.rtpCapabilities;
      for (const track of [...this.#tracks()]) {
        const heard = peer.consumerOf(track.producer.id);
        const should = hears(peer, track);
        if (heard && !should) heard.consumer.close();
        if (heard || !should || !recv || !caps || recv.closed || !peer.mayConsume) continue;
        if (!this.router.canConsume({ producerId: track.producer.id, rtpCapabilities: caps })) continue;
        try {
          this.emit('newConsumer', peer.id, await this.#consumeTrack(peer, recv, caps, track));
        } catch (error) {
          // The listener or the track went while the consumer was made; anything else is a fault.
          if (this.#peers.get(peer.id) === peer && !recv.closed && !track.producer.closed) throw error;
        }
      }
    }
  }

  async #consumeTrack(peer: Participant, recv: PeerTransport, caps: RtpCapabilities, track: Track): Promise<ConsumerOptions> {
    const consumer = await recv.consume({ producerId: track.producer.id, rtpCapabilities: caps, paused: true, appData: {} });
    peer.consumers.set(consumer.id, { consumer, source: track.source, owner: track.owner });
    consumer.observer.once('close', () => {
      peer.consumers.delete(consumer.id);
      if (this.#peers.get(peer.id) === peer && !this.#closed) this.emit('consumerClosed', peer.id, consumer.id);
    });
    return { id: consumer.id, producerId: track.producer.id, kind: 'audio', rtpParameters: consumer.rtpParameters, source: track.source };
  }

  // Mute and hold cut the trainee off from the caller at the tap, not at their microphone,
  // so whoever supervises keeps hearing them.
  async #applyTraineeGate(): Promise<void> {
    const tap = this.#traineeTap;
    if (!tap || tap.closed) return;
    if (this.#traineeMuted || this.#onHold) await tap.pause();
    else await tap.resume();
  }

  /** The caller hears a barging instructor, except while on hold (then it hears nobody). */
  #applyLine(): void {
    if (this.#closed) return;
    const barging = [...this.#peers.values()].some((p) => p.mode === 'barge' && p.producer && !p.producer.closed);
    this.bridge.setInstructorOnLine(barging && !this.#onHold);
  }

  #peer(peerId: string): Participant {
    this.#assertOpen();
    const peer = this.#peers.get(peerId);
    if (!peer) throw new RoomError("join the call's media first (rtc:join)");
    return peer;
  }

  #webRtc(peerId: string, transportId: string) {
    const entry = this.#peer(peerId).transports.get(transportId);
    if (!entry) throw new RoomError(`no transport ${transportId}`);
    if (!('restartIce' in entry.transport)) throw new RoomError(`transport ${transportId} is not a WebRTC transport`);
    return entry.transport;
  }

  #assertOpen(): void {
    if (this.#closed) throw new RoomError('the call has ended');
  }
}
