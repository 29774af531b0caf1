import { createSocket, type Socket } from 'node:dgram';
import { randomInt } from 'node:crypto';
import type { PlainTransport, RtpParameters } from 'mediasoup/lib/types.js';
import { FRAME_MS, FRAME_RTP_TICKS } from '../../media/format.js';
import { OpusDecoder, OpusEncoder } from '../../media/opus.js';
import { parseRtp, writeRtp } from '../../media/rtp.js';
import { frames } from '../../media/testing/signals.js';
import type { Ack } from '../src/protocol/ack.js';
import type { ConsumerOptions, TrackSource } from '../src/protocol/media.js';
import type { CallRoom } from '../src/sfu/room.js';
import { AUDIO_CODECS } from '../src/sfu/workers.js';
import { request, type ClientSocket } from './socket.js';

// A browser peer without a browser, for media tests: its socket does all the signalling a
// softphone does, while its media are PlainTransports on the call's router (added to the
// room under the socket's id) — a microphone sending Opus RTP of a test signal at 20 ms
// pace, and an earpiece that decodes what arrives, track by track.

type Heard = { source: TrackSource; decoder: OpusDecoder; pcm: Int16Array[]; packets: number };

export class PlainPeer {
  /** Consumers offered to this peer (rtc:consume and rtc:newConsumer), and those closed since. */
  readonly offers: ConsumerOptions[] = [];
  readonly closedConsumers: string[] = [];
  readonly #heard = new Map<number, Heard>();
  readonly #transports: { plain: PlainTransport; udp: Socket }[] = [];
  #send: { plain: PlainTransport; udp: Socket } | undefined;
  #mic: NodeJS.Timeout | undefined;
  readonly #micSsrc = randomInt(1, 0xffffffff);
  #micSeq = randomInt(0x10000);
  /** When the microphone was produced: its RTP clock's zero. */
  #micStart: number | undefined;

  private constructor(
    readonly socket: ClientSocket,
    readonly callId: string,
    readonly room: CallRoom,
  ) {}

  /** rtc:join through the socket, then a receive transport (and a send one if it will speak). */
  static async join(socket: ClientSocket, callId: string, room: () => Promise<CallRoom>, options: { speaks?: boolean } = {}): Promise<PlainPeer> {
    ok(await request(socket, 'rtc:join', { callId }), 'rtc:join');
    const peer = new PlainPeer(socket, callId, await room());
    const recv = await peer.#loopback();
    peer.room.addTransport(socket.id!, recv.plain, 'recv');
    if (options.speaks) {
      peer.#send = await peer.#loopback();
      peer.room.addTransport(socket.id!, peer.#send.plain, 'send');
    }
    socket.on('rtc:newConsumer', ({ callId: id, consumer }) => {
      if (id === callId) void peer.#accept(consumer);
    });
    socket.on('rtc:consumerClosed', ({ consumerId }) => peer.closedConsumers.push(consumerId));
    return peer;
  }

  /** rtc:consume, then resumes every consumer offered, as mediasoup-client's side would. */
  async consume(): Promise<ConsumerOptions[]> {
    const offers = ok(await request<ConsumerOptions[]>(this.socket, 'rtc:consume', { callId: this.callId, rtpCapabilities: this.room.router.rtpCapabilities }), 'rtc:consume');
    for (const offer of offers) await this.#accept(offer);
    return offers;
  }

  /** rtc:produce through the socket: the answer as it came. */
  produce(): Promise<Ack<{ producerId: string }>> {
    if (!this.#send) throw new Error('this peer has no send transport');
    const codec = { mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2, parameters: AUDIO_CODECS[0]!.parameters };
    const rtpParameters = { codecs: [codec], encodings: [{ ssrc: this.#micSsrc }], rtcp: { cname: this.socket.id } };
    return request(this.socket, 'rtc:produce', { callId: this.callId, transportId: this.#send.plain.id, kind: 'audio', rtpParameters });
  }

  /**
   * Talks `pcm` in a loop until silent(): one packet per 20 ms, its RTP clock on the wall clock.
   * The first time it produces; later it speaks on the same microphone, as a softphone does.
   */
  async speak(pcm: Int16Array): Promise<void> {
    if (this.#micStart === undefined) {
      ok(await this.produce(), 'rtc:produce');
      this.#micStart = performance.now();
    }
    const t0 = this.#micStart;
    const encoder = new OpusEncoder();
    const packets = frames(pcm).map((frame) => encoder.encode(frame));
    let i = 0;
    this.#mic = setInterval(() => {
      const timestamp = (Math.round((performance.now() - t0) / FRAME_MS) * FRAME_RTP_TICKS) >>> 0;
      this.#send!.udp.send(writeRtp({ payloadType: 100, sequenceNumber: this.#micSeq++ & 0xffff, timestamp, ssrc: this.#micSsrc }, packets[i++ % packets.length]!));
    }, FRAME_MS);
  }

  silent(): void {
    clearInterval(this.#mic);
    this.#mic = undefined;
  }

  /** What arrived from each source since the last clear: packets and decoded 16 kHz audio. */
  heard(source: TrackSource): { packets: number; pcm: Int16Array } {
    const tracks = [...this.#heard.values()].filter((h) => h.source === source);
    return { packets: tracks.reduce((n, h) => n + h.packets, 0), pcm: concat(tracks.flatMap((h) => h.pcm)) };
  }

  clearHeard(): void {
    for (const h of this.#heard.values()) (h.pcm = []), (h.packets = 0);
  }

  close(): void {
    this.silent();
    for (const { plain, udp } of this.#transports) {
      plain.close();
      udp.close();
    }
  }

  async #accept(offer: ConsumerOptions): Promise<void> {
    this.offers.push(offer);
    const ssrc = (offer.rtpParameters as RtpParameters).encodings![0]!.ssrc!;
    this.#heard.set(ssrc, { source: offer.source, decoder: new OpusDecoder(), pcm: [], packets: 0 });
    ok(await request(this.socket, 'rtc:resumeConsumer', { callId: this.callId, consumerId: offer.id }), 'rtc:resumeConsumer');
  }

  async #loopback(): Promise<{ plain: PlainTransport; udp: Socket }> {
    const plain = await this.room.router.createPlainTransport({ listenIp: '127.0.0.1', rtcpMux: true, comedia: false });
    const udp = createSocket('udp4');
    udp.on('error', () => undefined); // the call ended and its transports went: the port is closed
    await new Promise<void>((resolve) => udp.bind(0, '127.0.0.1', resolve));
    await new Promise<void>((resolve) => udp.connect(plain.tuple.localPort, '127.0.0.1', resolve));
    await plain.connect({ ip: '127.0.0.1', port: udp.address().port });
    udp.on('message', (packet) => {
      if (packet[1]! >= 192 && packet[1]! <= 223) return; // RTCP, muxed (RFC 5761)
      const rtp = parseRtp(packet);
      const heard = this.#heard.get(rtp.ssrc);
      if (!heard) return;
      heard.packets++;
      heard.pcm.push(heard.decoder.decode(rtp.payload));
    });
    this.#transports.push({ plain, udp });
    return { plain, udp };
  }
}

/** The data of an ok answer; a refusal throws with its message. */
export function ok<T>(answer: Ack<T>, what: string): T {
  if (!answer.ok) throw new Error(`${what} refused: ${answer.code}: ${answer.message}`);
  return answer.data;
}

/**
 * How strongly a tone of `hz` sounds in 16 kHz audio: the mean over 20 ms windows of its
 * Goertzel amplitude (a pure tone of amplitude A reads about A; silence and other tones ~0).
 */
export function tone(pcm: Int16Array, hz: number): number {
  const k = (2 * Math.PI * hz) / 16_000;
  const windows = Math.floor(pcm.length / 320);
  let total = 0;
  for (let w = 0; w < windows; w++) {
    let s1 = 0;
    let s2 = 0;
    for (let i = w * 320; i < (w + 1) * 320; i++) {
      const s = pcm[i]! + 2 * Math.cos(k) * s1 - s2;
      s2 = s1;
      s1 = s;
    }
    total += (2 * Math.sqrt(Math.max(0, s1 * s1 + s2 * s2 - 2 * Math.cos(k) * s1 * s2))) / 320;
  }
  return windows ? total / windows : 0;
}

export function concat(parts: Int16Array[]): Int16Array {
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) (out.set(part, at), (at += part.length));
  return out;
}
