import { createSocket, type Socket } from 'node:dgram';
import { randomInt } from 'node:crypto';
import type { PlainTransport, Router, RtpParameters } from 'mediasoup/lib/types.js';
import { FRAME_MS, FRAME_RTP_TICKS, FRAME_SAMPLES } from '../../media/format.js';
import { OpusEncoder } from '../../media/opus.js';
import { writeRtp } from '../../media/rtp.js';
import type { Ack } from '../src/protocol/ack.js';
import type { ConsumerOptions, TrackSource } from '../src/protocol/media.js';
import type { CallRoom } from '../src/sfu/room.js';
import { AUDIO_CODECS } from '../src/sfu/workers.js';
import { request, type ClientSocket } from '../test/socket.js';

// Synthetic people for the benchmarks: instead of browsers, PlainTransports on the call's
// router. A trainee's microphone is a producer fed Opus RTP over loopback UDP and tapped into
// the caller bridge; its earpiece consumes a simulated voice and reads it from a UDP socket.
// A silent monitor's earpiece consumes what the room lets a supervisor hear. The trainee of a
// live call on a running server (signalledTrainee) does its signalling over its socket as the
// softphone does; only its transports are made beside it, as a browser's ICE and DTLS would be.

export type SyntheticTrainee = {
  socket: Socket;
  send(packet: Uint8Array, tick: number): void;
  close(): void;
};

export async function syntheticTrainee(callId: string, router: Router, room: CallRoom, onCallerPacket: (packet: Buffer, at: number) => void): Promise<SyntheticTrainee> {
  const { plain, socket } = await loopbackTransport(router);
  const ssrc = randomInt(1, 0xffffffff);
  const seq0 = randomInt(0x10000);
  const ts0 = randomInt(0x100000000);
  const codec = { mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2, parameters: AUDIO_CODECS[0]!.parameters };
  // The trainee joins the room as a browser would, so supervisors hear their microphone.
  const peerId = `trainee-${callId}`;
  room.join(peerId, 'trainee');
  room.addTransport(peerId, plain, 'send');
  await room.produce(peerId, plain.id, { codecs: [codec], encodings: [{ ssrc }], rtcp: { cname: callId } });
  const voice = room.voiceProducer('caller');
  if (!voice) throw new Error('the room has no caller voice');
  const earpiece = await plain.consume({ producerId: voice.id, rtpCapabilities: router.rtpCapabilities, paused: true });
  await earpiece.resume();
  socket.on('message', (packet) => {
    if (!isRtcp(packet)) onCallerPacket(packet, performance.now());
  });
  return {
    socket,
    send(payload, tick) {
      const header = { payloadType: 100, sequenceNumber: (seq0 + tick) & 0xffff, timestamp: (ts0 + tick * FRAME_RTP_TICKS) >>> 0, ssrc, marker: tick === 0 };
      socket.send(writeRtp(header, payload));
    },
    close() {
      plain.close();
      socket.close();
    },
  };
}

/**
 * The trainee of a live call on a running server: rtc:join, rtc:produce, rtc:consume and
 * rtc:resumeConsumer over `socket`, with PlainTransports on the call's router (`room`, once
 * joined) registered under the socket's id in place of a browser's WebRTC transports.
 */
export async function signalledTrainee(socket: ClientSocket, callId: string, room: () => Promise<CallRoom>, onCallerPacket: (packet: Buffer, at: number) => void): Promise<SyntheticTrainee> {
  // Opening a call readies its caller's models: seconds on a busy host.
  ok(await request(socket, 'rtc:join', { callId }, 60_000), 'rtc:join');
  const callRoom = await room();
  const { router } = callRoom;
  const mic = await loopbackTransport(router);
  const earpiece = await loopbackTransport(router);
  callRoom.addTransport(socket.id!, mic.plain, 'send');
  callRoom.addTransport(socket.id!, earpiece.plain, 'recv');
  const ssrc = randomInt(1, 0xffffffff);
  const seq0 = randomInt(0x10000);
  const ts0 = randomInt(0x100000000);
  const codec = { mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2, parameters: AUDIO_CODECS[0]!.parameters };
  const rtpParameters = { codecs: [codec], encodings: [{ ssrc }], rtcp: { cname: socket.id } };
  ok(await request(socket, 'rtc:produce', { callId, transportId: mic.plain.id, kind: 'audio', rtpParameters }), 'rtc:produce');
  const offers = ok(await request<ConsumerOptions[]>(socket, 'rtc:consume', { callId, rtpCapabilities: router.rtpCapabilities }), 'rtc:consume');
  const caller = offers.find((o) => o.source === 'caller');
  if (!caller) throw new Error('the call offers no caller voice');
  const callerSsrc = (caller.rtpParameters as RtpParameters).encodings![0]!.ssrc!;
  for (const offer of offers) ok(await request(socket, 'rtc:resumeConsumer', { callId, consumerId: offer.id }), 'rtc:resumeConsumer');
  for (const udp of [mic.socket, earpiece.socket]) udp.on('error', () => undefined); // the call ended and its transports went
  earpiece.socket.on('message', (packet) => {
    if (!isRtcp(packet) && packet.length >= 12 && packet.readUInt32BE(8) === callerSsrc) onCallerPacket(packet, performance.now());
  });
  return {
    socket: mic.socket,
    send(payload, tick) {
      const header = { payloadType: 100, sequenceNumber: (seq0 + tick) & 0xffff, timestamp: (ts0 + tick * FRAME_RTP_TICKS) >>> 0, ssrc, marker: tick === 0 };
      mic.socket.send(writeRtp(header, payload));
    },
    close() {
      for (const { plain, socket: udp } of [mic, earpiece]) {
        plain.close();
        udp.close();
      }
    },
  };
}

function ok<T>(answer: Ack<T>, what: string): T {
  if (!answer.ok) throw new Error(`${what} refused: ${answer.code}: ${answer.message}`);
  return answer.data;
}

/** What a silent monitor received of each track it heard: packets, and RTP sequence gaps among them. */
export type MonitorCounts = Map<TrackSource, { packets: number; lost: number }>;

export type SyntheticMonitor = { counts: MonitorCounts; close(): void };

/**
 * A supervisor silently monitoring a call, for the benchmarks: a peer of the room in monitor
 * mode whose earpiece is a PlainTransport consuming everything the room offers it (the caller
 * and the trainee), read from a loopback UDP socket.
 */
export async function syntheticMonitor(callId: string, router: Router, room: CallRoom): Promise<SyntheticMonitor> {
  const { plain, socket } = await loopbackTransport(router);
  const peerId = `monitor-${callId}`;
  room.join(peerId, 'supervisor');
  room.addTransport(peerId, plain, 'recv');
  await room.setSupervision(peerId, 'monitor');
  const counts: MonitorCounts = new Map();
  const streams = new Map<number, { source: TrackSource; lastSeq?: number }>();
  for (const offer of await room.consume(peerId, router.rtpCapabilities)) {
    const ssrc = (offer.rtpParameters as RtpParameters).encodings![0]!.ssrc!;
    streams.set(ssrc, { source: offer.source });
    counts.set(offer.source, { packets: 0, lost: 0 });
    await room.resumeConsumer(peerId, offer.id);
  }
  socket.on('message', (packet) => {
    const stream = isRtcp(packet) || packet.length < 12 ? undefined : streams.get(packet.readUInt32BE(8));
    if (!stream) return;
    const seq = packet.readUInt16BE(2);
    const count = counts.get(stream.source)!;
    count.packets++;
    const gap = stream.lastSeq === undefined ? 0 : (seq - stream.lastSeq - 1) & 0xffff;
    if (gap >= 0x8000) return; // late or duplicated, not lost
    count.lost += gap;
    stream.lastSeq = seq;
  });
  return {
    counts,
    close() {
      room.leave(peerId);
      socket.close();
    },
  };
}

/** A PlainTransport on the router, connected to a UDP socket of this process. */
async function loopbackTransport(router: Router): Promise<{ plain: PlainTransport; socket: Socket }> {
  const plain = await router.createPlainTransport({ listenIp: '127.0.0.1', rtcpMux: true, comedia: false });
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  await new Promise<void>((resolve) => socket.connect(plain.tuple.localPort, '127.0.0.1', resolve));
  await plain.connect({ ip: '127.0.0.1', port: socket.address().port });
  return { plain, socket };
}

/** RTCP, muxed on the RTP port (RFC 5761): payload types 192..223 in the second byte. */
function isRtcp(packet: Buffer): boolean {
  return packet[1]! >= 192 && packet[1]! <= 223;
}

/** One drift-free 20 ms clock for every synthetic microphone; a late tick sends what is due. */
export function every20ms(onTick: (tick: number) => void): () => void {
  const t0 = performance.now();
  let tick = 0;
  let timer: NodeJS.Timeout | undefined;
  const step = () => {
    for (const due = Math.floor((performance.now() - t0) / FRAME_MS) + 1; tick < due; tick++) onTick(tick);
    timer = setTimeout(step, t0 + tick * FRAME_MS - performance.now());
  };
  step();
  return () => clearTimeout(timer);
}

/** Opus packets of 16 kHz PCM, one per 20 ms frame, the last zero-padded. */
export function encodeOnce(pcm: Int16Array): Uint8Array[] {
  const encoder = new OpusEncoder();
  const packets: Uint8Array[] = [];
  for (let at = 0; at < pcm.length; at += FRAME_SAMPLES) {
    const frame = new Int16Array(FRAME_SAMPLES);
    frame.set(pcm.subarray(at, at + FRAME_SAMPLES));
    packets.push(new Uint8Array(encoder.encode(frame)));
  }
  return packets;
}
