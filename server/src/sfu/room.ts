import { EventEmitter } from 'node:events';
import { randomInt } from 'node:crypto';
import type {
  Consumer,
  DirectTransport,
  DtlsParameters,
  Producer,
  Router,
  RtpCapabilities,
  RtpParameters,
  WebRtcTransport,
} from 'mediasoup/lib/types.js';
import type { CallBridge, Voice } from '../../../media/bridge.js';
import type { ConsumerOptions, TrackSource, TransportOptions } from '../protocol/media.js';
import { AUDIO_CODECS } from './workers.js';

// The SFU side of one call: a router, a WebRTC transport pair per browser peer, the
// trainee's microphone tapped into the caller bridge through a DirectTransport, and one
// DirectTransport producer per simulated voice. Closing the room closes all of it.

export type ListenIp = { ip: string; announcedIp?: string | undefined };

type Peer = {
  id: string;
  transports: Map<string, WebRtcTransport>;
  producer?: Producer;
  consumers: Map<string, { consumer: Consumer; source: TrackSource }>;
  /** Known once the peer first consumes; voices added later are offered with these. */
  rtpCapabilities?: RtpCapabilities;
};

const recvTransportOf = (peer: Peer) => [...peer.transports.values()].find((t) => (t.appData as { direction: string }).direction === 'recv');

type SimulatedTrack = { source: TrackSource; producer: Producer; voice: Voice };

export type CallRoomEvents = {
  /** A simulated voice appeared after the peer consumed: it must consume this one too. */
  newConsumer: [peerId: string, consumer: ConsumerOptions];
  consumerClosed: [peerId: string, consumerId: string];
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
  readonly #peers = new Map<string, Peer>();
  readonly #tracks = new Map<TrackSource, SimulatedTrack>();
  #tap: Consumer | undefined;
  #traineeMuted = false;
  #heldTracks = false;
  #closed = false;

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

  get peerCount(): number {
    return this.#peers.size;
  }

  hasPeer(peerId: string): boolean {
    return this.#peers.has(peerId);
  }

  /** Adds a browser peer (a socket); a peer that joins again starts over. */
  join(peerId: string): RtpCapabilities {
    this.#assertOpen();
    this.leave(peerId);
    this.#peers.set(peerId, { id: peerId, transports: new Map(), consumers: new Map() });
    return this.router.rtpCapabilities;
  }

  leave(peerId: string): void {
    const peer = this.#peers.get(peerId);
    if (!peer) return;
    this.#peers.delete(peerId);
    for (const t of peer.transports.values()) t.close(); // closes its producer and consumers
  }

  async createTransport(peerId: string, direction: 'send' | 'recv'): Promise<TransportOptions> {
    const peer = this.#peer(peerId);
    const transport = await this.router.createWebRtcTransport({
      listenIps: this.#listenIps,
      enableUdp: true,
      enableTcp: true,
      preferUdp: true,
      appData: { direction },
    });
    if (this.#closed || !this.#peers.has(peerId)) {
      transport.close();
      throw new RoomError('the peer left while its transport was made');
    }
    peer.transports.set(transport.id, transport);
    transport.observer.once('close', () => peer.transports.delete(transport.id));
    return { id: transport.id, iceParameters: transport.iceParameters, iceCandidates: transport.iceCandidates, dtlsParameters: transport.dtlsParameters };
  }

  async connectTransport(peerId: string, transportId: string, dtlsParameters: DtlsParameters): Promise<void> {
    await this.#transport(peerId, transportId).connect({ dtlsParameters });
  }

  async restartIce(peerId: string, transportId: string): Promise<unknown> {
    return this.#transport(peerId, transportId).restartIce();
  }

  /** The trainee's microphone: tapped into the caller bridge. */
  async produce(peerId: string, transportId: string, rtpParameters: RtpParameters): Promise<string> {
    const peer = this.#peer(peerId);
    const transport = this.#transport(peerId, transportId);
    if ((transport.appData as { direction: string }).direction !== 'send') throw new RoomError('produce on a receive transport');
    peer.producer?.close();
    const producer = await transport.produce({ kind: 'audio', rtpParameters });
    peer.producer = producer;
    if (this.#traineeMuted || this.#heldTracks) await producer.pause();
    await this.tapTrainee(producer);
    return producer.id;
  }

  /** Feeds a trainee producer on this router to the caller bridge (the last one wins). */
  async tapTrainee(producer: Producer): Promise<void> {
    this.#tap?.close();
    this.#tap = await this.#direct.consume({ producerId: producer.id, rtpCapabilities: this.router.rtpCapabilities });
    this.#tap.on('rtp', (packet: Buffer) => this.bridge.receiveTraineeRtp(packet));
  }

  /** Paused consumers of every simulated voice, for the peer to create and then resume. */
  async consume(peerId: string, rtpCapabilities: RtpCapabilities): Promise<ConsumerOptions[]> {
    const peer = this.#peer(peerId);
    const recv = recvTransportOf(peer);
    if (!recv) throw new RoomError('create a receive transport first');
    peer.rtpCapabilities = rtpCapabilities;
    const offers: ConsumerOptions[] = [];
    for (const track of this.#tracks.values()) {
      if ([...peer.consumers.values()].some((c) => c.consumer.producerId === track.producer.id)) continue;
      offers.push(await this.#consumeTrack(peer, recv, rtpCapabilities, track));
    }
    return offers;
  }

  async resumeConsumer(peerId: string, consumerId: string): Promise<void> {
    const entry = this.#peer(peerId).consumers.get(consumerId);
    if (!entry) throw new RoomError(`no consumer ${consumerId}`);
    if (!this.#heldTracks) await entry.consumer.resume();
    (entry.consumer.appData as { ready?: boolean }).ready = true;
  }

  /** A simulated voice (the caller, an agency) as a producer every peer consumes. */
  async addVoice(source: Exclude<TrackSource, 'trainee' | 'instructor'>): Promise<Voice> {
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
    const voice = this.bridge.addVoice(source, ssrc, (packet) => producer.send(packet));
    const track: SimulatedTrack = { source, producer, voice };
    this.#tracks.set(source, track);
    for (const peer of this.#peers.values()) {
      const recv = recvTransportOf(peer);
      if (peer.rtpCapabilities && recv) this.emit('newConsumer', peer.id, await this.#consumeTrack(peer, recv, peer.rtpCapabilities, track));
    }
    return voice;
  }

  /** The producer a simulated voice sends into, for whoever consumes it outside a browser. */
  voiceProducer(source: TrackSource): Producer | undefined {
    return this.#tracks.get(source)?.producer;
  }

  removeVoice(source: TrackSource): void {
    const track = this.#tracks.get(source);
    if (!track) return;
    this.#tracks.delete(source);
    track.voice.close();
    track.producer.close(); // closes the peers' consumers of it
  }

  /** Mute: the trainee's audio stops at the SFU, so the caller hears nothing. */
  async setTraineeMuted(muted: boolean): Promise<void> {
    this.#traineeMuted = muted;
    await this.#applyTraineeGate();
  }

  /** Hold: neither side hears the other; the voices are cut off. */
  async setOnHold(onHold: boolean): Promise<void> {
    this.#heldTracks = onHold;
    await this.#applyTraineeGate();
    for (const peer of this.#peers.values()) {
      for (const { consumer } of peer.consumers.values()) {
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
    for (const source of [...this.#tracks.keys()]) this.removeVoice(source);
    this.#direct.close();
    this.router.close();
    this.removeAllListeners();
  }

  async #applyTraineeGate(): Promise<void> {
    const silenced = this.#traineeMuted || this.#heldTracks;
    for (const peer of this.#peers.values()) {
      if (!peer.producer) continue;
      if (silenced) await peer.producer.pause();
      else await peer.producer.resume();
    }
  }

  async #consumeTrack(peer: Peer, recv: WebRtcTransport, caps: RtpCapabilities, track: SimulatedTrack): Promise<ConsumerOptions> {
    if (!this.router.canConsume({ producerId: track.producer.id, rtpCapabilities: caps })) {
      throw new RoomError('the browser cannot receive Opus');
    }
    const consumer = await recv.consume({ producerId: track.producer.id, rtpCapabilities: caps, paused: true, appData: {} });
    peer.consumers.set(consumer.id, { consumer, source: track.source });
    consumer.observer.once('close', () => {
      peer.consumers.delete(consumer.id);
      if (this.#peers.has(peer.id) && !this.#closed) this.emit('consumerClosed', peer.id, consumer.id);
    });
    return { id: consumer.id, producerId: track.producer.id, kind: 'audio', rtpParameters: consumer.rtpParameters, source: track.source };
  }

  #peer(peerId: string): Peer {
    this.#assertOpen();
    const peer = this.#peers.get(peerId);
    if (!peer) throw new RoomError('join the call\'s media first (rtc:join)');
    return peer;
  }

  #transport(peerId: string, transportId: string): WebRtcTransport {
    const transport = this.#peer(peerId).transports.get(transportId);
    if (!transport) throw new RoomError(`no transport ${transportId}`);
    return transport;
  }

  #assertOpen(): void {
    if (this.#closed) throw new RoomError('the call has ended');
  }
}
