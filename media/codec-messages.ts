// Messages between CodecPool (main thread) and codec-worker.ts. Every request carries an id
// and gets exactly one reply with that id; a worker handles its messages in order, so a
// stream's replies come back in the order its requests went out.

export type CodecRequest =
  | { op: 'open-decoder'; stream: number }
  | { op: 'open-encoder'; stream: number; bitrate: number; complexity: number }
  | { op: 'free'; stream: number }
  /** Finish what is queued, then exit: see CodecPool.close() for why not terminate(). */
  | { op: 'shutdown' }
  | { op: 'decode'; stream: number; id: number; payload: ArrayBuffer }
  | { op: 'conceal'; stream: number; id: number; ms: number }
  /** pcm holds a whole number of 320-sample frames. */
  | { op: 'encode'; stream: number; id: number; pcm: ArrayBuffer };

export type CodecReply =
  | { op: 'ready' }
  | { op: 'pcm'; id: number; pcm: ArrayBuffer }
  | { op: 'opus'; id: number; packets: ArrayBuffer[] }
  | { op: 'error'; id: number; message: string };
