import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { WavSummary } from '../../../media/wav.js';
import { RECORDING_CHANNELS } from '../../../media/bridge.js';
import type { Database } from '../db/database.js';
import { recordingKey, type RecordingStorage } from '../storage/storage.js';
import type { CallJournal } from './call-journal.js';

// A call's recording is written to DATA_DIR/recordings-live/{callId}.wav while it runs (its
// header rewritten every second), then stored under recordings/{callId}/{ts}.wav.

export class LiveRecordings {
  readonly dir: string;

  constructor(
    dataDir: string,
    private readonly db: Database,
    private readonly storage: RecordingStorage,
    private readonly journal: CallJournal,
  ) {
    this.dir = path.join(dataDir, 'recordings-live');
  }

  async pathFor(callId: string): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    return path.join(this.dir, `${callId}.wav`);
  }

  async store(callId: string, startedAt: Date, file: string, summary: WavSummary): Promise<void> {
    const storageKey = recordingKey(callId, startedAt);
    await this.storage.put(storageKey, file, 'audio/wav');
    // Registered durably before the live file goes: a crash in between stores it again under
    // the same key, which the database takes once.
    await this.journal.recording(callId, { storageKey, ...summary, durationMs: Math.round(summary.durationMs) });
    await rm(file, { force: true });
  }

  /** Stores what a crash left behind; returns the calls it belonged to, to be ended. */
  async recover(): Promise<string[]> {
    await mkdir(this.dir, { recursive: true });
    const recovered: string[] = [];
    for (const file of await readdir(this.dir)) {
      const callId = path.basename(file, '.wav');
      const filePath = path.join(this.dir, file);
      const context = await this.db.calls.liveContext(callId).catch(() => null);
      if (!context) {
        await rm(filePath, { force: true });
        continue;
      }
      // The header was rewritten at the last flush; the size on disk is the truth.
      const { size } = await stat(filePath);
      const channels = RECORDING_CHANNELS.length;
      const durationMs = ((size - 44) / (2 * channels) / 16_000) * 1000;
      await this.store(callId, context.startedAt, filePath, { durationMs, channels, sampleRateHz: 16_000, sizeBytes: size });
      recovered.push(callId);
    }
    return recovered;
  }
}
