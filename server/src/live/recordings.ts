import { createHash } from 'node:crypto';
import { mkdir, open, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { wavHeader, type WavSummary } from '../../../media/wav.js';
import { RECORDING_CHANNELS } from '../../../media/bridge.js';
import type { Logger } from '../logger.js';
import { recordingKey, type RecordingStorage } from '../storage/storage.js';
import { NotHeldError, type CallJournal } from './call-journal.js';

// A call's recording is written to DATA_DIR/recordings-live/{callId}.wav while it runs (its
// header rewritten every second), then stored under recordings/{callId}/{ts}-{process}.wav
// (the process: a hash of this one's name, so a stale copy of the call never overwrites what
// the call's owner stored, and a restart on the same data folder stores under its own key
// again, which the database takes once). As it runs,
// what was written is also shipped to the storage every few seconds in numbered pieces of raw
// samples (recordings/{callId}/live/{n}.pcm): a process killed outright loses its disk with
// it (a pod), but another process that ends its call as lost joins the pieces into the
// recording, missing only the last seconds.

const SAMPLE_RATE_HZ = 16_000;
const CHANNELS = RECORDING_CHANNELS.length;
const FRAME_BYTES = 2 * CHANNELS;
const HEADER_BYTES = 44;
const SHIP_MS = 2000;
const pieceKey = (callId: string, n: number) => `recordings/${callId}/live/${String(n).padStart(6, '0')}.pcm`;

type Shipping = { timer: NodeJS.Timeout; offset: number; pieces: number; busy: Promise<void> };

export class LiveRecordings {
  readonly dir: string;
  readonly #shipping = new Map<string, Shipping>();
  /** This process in the recordings' keys. */
  readonly #by: string;

  constructor(
    dataDir: string,
    /** This process's name (live/ownership.ts). */
    carrier: string,
    private readonly storage: RecordingStorage,
    private readonly journal: CallJournal,
    private readonly logger: Logger,
  ) {
    this.dir = path.join(dataDir, 'recordings-live');
    this.#by = createHash('sha256').update(carrier).digest('hex').slice(0, 12);
  }

  async pathFor(callId: string): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    return path.join(this.dir, `${callId}.wav`);
  }

  /** Ships the live file's new samples to the storage every few seconds until the recording is stored (several processes: another may have to finish the call). */
  ship(callId: string, file: string): void {
    const shipping: Shipping = { timer: setInterval(() => void next(), SHIP_MS), offset: HEADER_BYTES, pieces: 0, busy: Promise.resolve() };
    const next = () =>
      (shipping.busy = shipping.busy
        .then(() => this.#shipPiece(callId, file, shipping))
        .catch((error: unknown) => this.logger.warn({ err: error, callId }, 'recording piece not shipped (tried again)')));
    this.#shipping.set(callId, shipping);
  }

  async store(callId: string, startedAt: Date, file: string, summary: WavSummary): Promise<void> {
    await this.#stopShipping(callId);
    const storageKey = recordingKey(callId, this.#by, startedAt);
    await this.storage.put(storageKey, file, 'audio/wav');
    // Registered durably before the live file goes: a crash in between stores it again under
    // the same key, which the database takes once.
    try {
      await this.journal.recording(callId, { storageKey, ...summary, durationMs: Math.round(summary.durationMs) });
    } catch (error) {
      // Refused: this copy of the call is stale, and the recording is the owner's to keep.
      if (error instanceof NotHeldError) await Promise.all([this.storage.remove(storageKey), rm(file, { force: true })]);
      throw error;
    }
    await rm(file, { force: true });
    await this.#removePieces(callId).catch((error: unknown) => this.logger.warn({ err: error, callId }, 'shipped recording pieces not removed'));
  }

  /**
   * The recording of a call no process carries any more: what this process's earlier run left
   * on its disk (killed), else the pieces the call's carrier shipped (none: nothing stored).
   */
  async storeLeft(callId: string, startedAt: Date): Promise<void> {
    const live = path.join(this.dir, `${callId}.wav`);
    const size = await stat(live).then((s) => s.size, () => null);
    if (size !== null) {
      // The header was rewritten at the last flush; the size on disk is the truth.
      const durationMs = ((size - HEADER_BYTES) / FRAME_BYTES / SAMPLE_RATE_HZ) * 1000;
      return this.store(callId, startedAt, live, { durationMs, channels: CHANNELS, sampleRateHz: SAMPLE_RATE_HZ, sizeBytes: size });
    }
    const pieces: Buffer[] = [];
    for (let piece = await this.storage.read(pieceKey(callId, 0)); piece; piece = await this.storage.read(pieceKey(callId, pieces.length))) pieces.push(piece);
    if (!pieces.length) return;
    const data = Buffer.concat(pieces);
    await mkdir(this.dir, { recursive: true });
    const file = path.join(this.dir, `${callId}.shipped.wav`);
    await writeFile(file, Buffer.concat([wavHeader(CHANNELS, SAMPLE_RATE_HZ, data.length), data]));
    const durationMs = (data.length / FRAME_BYTES / SAMPLE_RATE_HZ) * 1000;
    await this.store(callId, startedAt, file, { durationMs, channels: CHANNELS, sampleRateHz: SAMPLE_RATE_HZ, sizeBytes: data.length + HEADER_BYTES });
  }

  /** The calls whose live recording an earlier run of this process left on its disk (it was killed). */
  async left(): Promise<string[]> {
    await mkdir(this.dir, { recursive: true });
    const calls: string[] = [];
    for (const file of await readdir(this.dir)) {
      // A joined copy of shipped pieces, which stay in the storage until it is stored: made again if needed.
      if (file.endsWith('.shipped.wav')) await rm(path.join(this.dir, file), { force: true });
      else calls.push(path.basename(file, '.wav'));
    }
    return calls;
  }

  /** Lets a call's live recording go unstored: the process that took the call over, or ended it, keeps its own. */
  async discard(callId: string): Promise<void> {
    await this.#stopShipping(callId);
    await rm(path.join(this.dir, `${callId}.wav`), { force: true });
  }

  async #shipPiece(callId: string, file: string, shipping: Shipping): Promise<void> {
    const handle = await open(file, 'r');
    try {
      const { size } = await handle.stat();
      const length = Math.floor((size - shipping.offset) / FRAME_BYTES) * FRAME_BYTES;
      if (length <= 0) return;
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(length), 0, length, shipping.offset);
      await this.storage.putBytes(pieceKey(callId, shipping.pieces), buffer.subarray(0, bytesRead), 'application/octet-stream');
      shipping.offset += bytesRead;
      shipping.pieces++;
    } finally {
      await handle.close();
    }
  }

  async #stopShipping(callId: string): Promise<void> {
    const shipping = this.#shipping.get(callId);
    if (!shipping) return;
    this.#shipping.delete(callId);
    clearInterval(shipping.timer);
    await shipping.busy;
  }

  /** The pieces go once the whole recording is stored (whoever shipped them). */
  async #removePieces(callId: string): Promise<void> {
    for (let n = 0; await this.storage.exists(pieceKey(callId, n)); n++) await this.storage.remove(pieceKey(callId, n));
  }
}
