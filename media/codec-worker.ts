// One codec worker thread: owns the Opus decoders and encoders of the calls pinned to it.
// Loaded through codec-worker.mjs, which registers tsx first.
import { parentPort } from 'node:worker_threads';
import type { CodecReply, CodecRequest } from './codec-messages.js';
import { FRAME_SAMPLES } from './format.js';
import { OpusDecoder, OpusEncoder, silence } from './opus.js';

if (!parentPort) throw new Error('codec-worker.ts must run in a worker thread');
const port = parentPort;

const decoders = new Map<number, OpusDecoder>();
const encoders = new Map<number, OpusEncoder>();

// Returns a buffer that can be transferred without detaching memory anything else shares
// (a Buffer from Node's pool would take its neighbours with it).
function ownBuffer(view: ArrayBufferView): ArrayBuffer {
  const whole = view.byteOffset === 0 && view.byteLength === view.buffer.byteLength;
  if (whole && view.buffer instanceof ArrayBuffer) return view.buffer;
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength).slice().buffer;
}

function reply(message: CodecReply, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
}

function handle(msg: CodecRequest): void {
  switch (msg.op) {
    case 'open-decoder':
      decoders.set(msg.stream, new OpusDecoder());
      return;
    case 'open-encoder':
      encoders.set(msg.stream, new OpusEncoder({ bitrate: msg.bitrate, complexity: msg.complexity }));
      return;
    case 'shutdown':
      // Exits between messages, never inside libopus; the port was all that kept us alive.
      port.close();
      return;
    case 'free':
      decoders.delete(msg.stream);
      encoders.delete(msg.stream);
      return;
    case 'decode': {
      const pcm = ownBuffer(stream(decoders, msg.stream).decode(new Uint8Array(msg.payload)));
      reply({ op: 'pcm', id: msg.id, pcm }, [pcm]);
      return;
    }
    case 'conceal': {
      stream(decoders, msg.stream);
      const pcm = silence(msg.ms).buffer as ArrayBuffer;
      reply({ op: 'pcm', id: msg.id, pcm }, [pcm]);
      return;
    }
    case 'encode': {
      const encoder = stream(encoders, msg.stream);
      const pcm = new Int16Array(msg.pcm);
      const packets: ArrayBuffer[] = [];
      for (let i = 0; i + FRAME_SAMPLES <= pcm.length; i += FRAME_SAMPLES) {
        packets.push(ownBuffer(encoder.encode(pcm.subarray(i, i + FRAME_SAMPLES))));
      }
      reply({ op: 'opus', id: msg.id, packets }, packets);
      return;
    }
  }
}

function stream<T>(map: Map<number, T>, id: number): T {
  const codec = map.get(id);
  if (!codec) throw new Error(`codec stream ${id} is not open in this worker`);
  return codec;
}

port.on('message', (msg: CodecRequest) => {
  try {
    handle(msg);
  } catch (err) {
    // A bad packet fails its own request, never the worker and the other calls on it.
    if ('id' in msg) reply({ op: 'error', id: msg.id, message: (err as Error).message });
  }
});
reply({ op: 'ready' });
