// The Silero worker thread: one model, shared by every stream of the process, batched by
// BatchedSilero. Stateless per stream (the state travels with each window), so a stream needs
// no open/close messages and a lost reply cannot desynchronise anything.
import { parentPort, workerData } from 'node:worker_threads';
import { BatchedSilero } from './silero-runner.js';
import type { SileroReply, SileroRequest } from './silero-thread.js';

if (!parentPort) throw new Error('silero-worker.ts must run in a worker thread');
const port = parentPort;
const runner = await BatchedSilero.open((workerData as { path: string }).path);

port.on('message', (msg: SileroRequest) => {
  if (msg.op === 'shutdown') {
    // Exits between runs, never inside onnxruntime: the port was all that kept us alive.
    void runner.close().then(() => port.close());
    return;
  }
  runner.infer(msg.window, msg.state).then(
    (r) => port.postMessage({ id: msg.id, probability: r.probability, state: r.state } satisfies SileroReply, [r.state.buffer as ArrayBuffer]),
    (err: Error) => port.postMessage({ id: msg.id, error: err.message } satisfies SileroReply),
  );
});
port.postMessage({ id: 0, ready: true } satisfies SileroReply);
