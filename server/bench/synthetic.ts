import { createSocket, type Socket } from 'node:dgram';
import { randomInt } from 'node:crypto';
import type { Producer, Router } from 'mediasoup/lib/types.js';
import { FRAME_MS, FRAME_RTP_TICKS, FRAME_SAMPLES } from '../../media/format.js';
import { OpusEncoder } from '../../media/opus.js';
import { writeRtp } from '../../media/rtp.js';
import type { CallRoom } from '../src/sfu/room.js';
import { AUDIO_CODECS } from '../src/sfu/workers.js';

// A synthetic trainee for the benchmarks: instead of a browser, a PlainTransport on the
// call's router. Its microphone is a producer fed Opus RTP over loopback UDP and tapped into
// the caller bridge; its earpiece consumes a simulated voice and reads it from a UDP socket.

export type SyntheticTrainee = {
  socket: Socket;
  send(packet: Uint8Array, tick: number): void;
  close(): void;
};

export async function syntheticTrainee(callId: string, router: Router, room: CallRoom, onCallerPacket: (packet: Buffer, at: number) => void): Promise<SyntheticTrainee> {
  const plain = await router.createPlainTransport({ listenIp: '127.0.0.1', rtcpMux: true, comedia: false });
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  await new Promise<void>((resolve) => socket.connect(plain.tuple.localPort, '127.0.0.1', resolve));
  await plain.connect({ ip: '127.0.0.1', port: socket.address().port });
  const ssrc = randomInt(1, 0xffffffff);
  const seq0 = randomInt(0x10000);
  const ts0 = randomInt(0x100000000);
  const codec = { mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2, parameters: AUDIO_CODECS[0]!.parameters };
  const mic: Producer = await plain.produce({ kind: 'audio', rtpParameters: { codecs: [codec], encodings: [{ ssrc }], rtcp: { cname: callId } } });
  await room.tapTrainee(mic);
  const voice = room.voiceProducer('caller');
  if (!voice) throw new Error('the room has no caller voice');
  const earpiece = await plain.consume({ producerId: voice.id, rtpCapabilities: router.rtpCapabilities, paused: true });
  await earpiece.resume();
  socket.on('message', (packet) => {
    if (packet[1]! >= 192 && packet[1]! <= 223) return; // RTCP, muxed on the same port (RFC 5761)
    onCallerPacket(packet, performance.now());
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
