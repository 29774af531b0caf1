import { appendFile, mkdir, open, readdir, readFile, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../logger.js';

// A write-ahead journal: what must reach the database is first appended to a local file and
// made durable, and only then acknowledged; a single loop then applies the entries to the
// database in the order they were appended, retrying while it does not answer. Appends that
// arrive while one fsync runs go to disk together in the next (group commit), so a burst costs
// one fsync, not one each. Applying must be idempotent (each entry carries its rows' own ids):
// after a crash the entries of the previous run's files are applied again, and those already
// stored change nothing. One process uses a data folder at a time (as its live recordings do),
// so every file found at start was left by an earlier run. An entry the database refuses for
// good (`refused`: its writer is stale) is set aside at once, and its `write` rejects.

export type JournalOptions<T> = {
  dir: string;
  /** Writes one entry to the database; must be idempotent. */
  apply: (entry: T) => Promise<void>;
  /** Whether the database answers: a failed entry is held while it does not, set aside when it does. */
  reachable: () => Promise<boolean>;
  logger: Logger;
  /** How long the loop waits before trying an entry again. */
  retryMs?: number;
  /**
   * Whether a failed apply was the database refusing the entry for good (a stale writer): it
   * is set aside at once, not tried again, and its `write` rejects. The handler may act on it.
   */
  refused?: (entry: T, error: unknown) => boolean;
};

/** Attempts at an entry the database answers but refuses, before it is set aside in `rejected.jsonl`. */
const ATTEMPTS = 3;
/** A file whose every entry is applied is replaced once it reaches this size. */
const ROTATE_BYTES = 4 * 1024 * 1024;
const REJECTED = 'rejected.jsonl';

type Queued<T> = { seq: number; entry: T; refusal?: unknown };
type Waiter = { seq: number; resolve: (applied: boolean) => void; untilApplied: boolean };

export class Journal<T> {
  readonly #o: Required<JournalOptions<T>>;
  #file: { path: string; handle: FileHandle; bytes: number } | undefined;
  #seq = 0;
  #durableSeq = 0;
  #appliedSeq = 0;
  /** Appended, not yet on disk; written by the next flush. */
  #buffer: { line: string; item: Queued<T> }[] = [];
  #flushing: Promise<void> | undefined;
  #nextFlush: Promise<void> | undefined;
  readonly #queue: Queued<T>[] = [];
  #draining = false;
  #stalled = false;
  #waiters: Waiter[] = [];
  #closed = false;
  #retryTimer: { timer: NodeJS.Timeout; wake: () => void } | undefined;

  constructor(options: JournalOptions<T>) {
    this.#o = { retryMs: 250, refused: () => false, ...options };
  }

  /** Applies what earlier runs left (waiting for the database as long as it takes), then takes appends. */
  async open(): Promise<number> {
    await mkdir(this.#o.dir, { recursive: true });
    const left = (await readdir(this.#o.dir)).filter((f) => f.endsWith('.jsonl') && f !== REJECTED).sort();
    let replayed = 0;
    for (const file of left) {
      const lines = (await readFile(path.join(this.#o.dir, file), 'utf8')).split('\n');
      for (const [i, line] of lines.entries()) {
        if (!line) continue;
        try {
          const entry = JSON.parse(line) as T;
          this.#queue.push({ seq: ++this.#seq, entry });
          replayed++;
        } catch {
          // Only the last line can be cut short (a crash mid-write), and it was never acknowledged.
          this.#o.logger.warn({ file, line: i + 1 }, 'journal line cut short by a crash: skipped');
        }
      }
    }
    this.#durableSeq = this.#seq;
    this.#drain();
    await this.#applied(this.#seq, true);
    for (const file of left) await rm(path.join(this.#o.dir, file), { force: true });
    await this.#newFile();
    return replayed;
  }

  /** Appends an entry: resolves once it is on disk (never before), and it will reach the database. */
  append(entry: T): Promise<void> {
    try {
      this.#enqueue(entry);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.synced();
  }

  /**
   * Appends an entry (at once, in order with every other) and resolves once it is on disk and
   * then in the database (true) or held while the database does not answer (false: it lands
   * when it is back); rejects when the database refused it for good (see `refused`).
   */
  async write(entry: T): Promise<boolean> {
    const item = this.#enqueue(entry);
    await this.synced();
    const applied = await this.#applied(item.seq, false);
    if (item.refusal !== undefined) throw item.refusal;
    return applied;
  }

  #enqueue(entry: T): Queued<T> {
    if (this.#closed || !this.#file) throw new Error('the journal is closed');
    const line = JSON.stringify(entry);
    const item = { seq: ++this.#seq, entry: JSON.parse(line) as T };
    this.#buffer.push({ line, item });
    return item;
  }

  /** Resolves once everything appended so far is on disk. */
  synced(): Promise<void> {
    if (this.#buffer.length === 0) return this.#flushing ?? Promise.resolve();
    // One flush at a time: what arrives during one is written by the next, together.
    this.#nextFlush ??= (async () => {
      await this.#flushing?.catch(() => undefined);
      this.#nextFlush = undefined;
      this.#flushing = this.#flush();
      try {
        await this.#flushing;
      } finally {
        this.#flushing = undefined;
      }
    })();
    return this.#nextFlush;
  }

  /**
   * Resolves true once everything appended so far is in the database, or false as soon as the
   * database is not answering (the entries stay journalled and are applied when it is back).
   */
  caughtUp(): Promise<boolean> {
    return this.#applied(this.#seq, false);
  }

  /** Resolves once everything appended so far is in the database, or false after `ms`. */
  async settled(ms: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
    const applied = await Promise.race([this.#applied(this.#seq, true), timeout]);
    clearTimeout(timer);
    return applied;
  }

  /** Entries on disk not yet in the database. */
  get backlog(): number {
    return this.#queue.length;
  }

  /**
   * Stops taking appends and gives the loop `ms` to apply what is left. A file fully applied
   * is removed; otherwise it stays for the next start to apply.
   */
  async close(ms: number): Promise<void> {
    if (this.#closed) return;
    await this.synced().catch(() => undefined);
    this.#closed = true;
    const applied = await this.settled(ms);
    this.#retryTimer?.wake();
    if (!this.#file) return;
    await this.#file.handle.close();
    if (applied) await rm(this.#file.path, { force: true });
    this.#file = undefined;
  }

  async #flush(): Promise<void> {
    const batch = this.#buffer;
    this.#buffer = [];
    if (batch.length === 0) return;
    try {
      if (this.#appliedSeq === this.#durableSeq && this.#file!.bytes >= ROTATE_BYTES) await this.#rotate();
      const text = batch.map((b) => b.line + '\n').join('');
      await this.#file!.handle.write(text);
      await this.#file!.handle.datasync();
      this.#file!.bytes += Buffer.byteLength(text);
    } catch (error) {
      this.#o.logger.error({ err: error, entries: batch.length }, 'journal could not write to disk');
      throw error;
    }
    this.#durableSeq = batch.at(-1)!.item.seq;
    for (const b of batch) this.#queue.push(b.item);
    this.#drain();
  }

  /** Every entry of the current file is applied: start a new one and drop it. */
  async #rotate(): Promise<void> {
    const old = this.#file!;
    await this.#newFile();
    await old.handle.close();
    await rm(old.path, { force: true });
  }

  async #newFile(): Promise<void> {
    // Named by time, so a later start applies the files of several runs in order.
    const name = `${String(Date.now()).padStart(15, '0')}-${process.pid}.jsonl`;
    const file = path.join(this.#o.dir, name);
    const handle = await open(file, 'a');
    // The folder's entry for the new file must be on disk too, or a power cut could lose the file.
    const dir = await open(this.#o.dir, 'r');
    await dir.sync().finally(() => dir.close());
    this.#file = { path: file, handle, bytes: 0 };
  }

  #drain(): void {
    if (this.#draining) return;
    this.#draining = true;
    void this.#loop().finally(() => (this.#draining = false));
  }

  async #loop(): Promise<void> {
    let attempts = 0;
    while (this.#queue.length > 0) {
      const item = this.#queue[0]!;
      const { seq, entry } = item;
      try {
        await this.#o.apply(entry);
      } catch (error) {
        if (this.#o.refused(entry, error)) {
          item.refusal = error;
          this.#o.logger.error({ err: error, entry }, 'journal entry refused for good (its writer is stale): set aside');
        } else if (!(await this.#o.reachable().catch(() => false))) {
          if (!this.#stalled) this.#o.logger.warn({ err: error, backlog: this.#queue.length }, 'database not answering: writes are held in the journal');
          this.#stalled = true;
          this.#settle();
          if (this.#closed) return;
          await this.#sleep();
          continue;
        } else if (++attempts < ATTEMPTS) {
          await this.#sleep();
          continue;
        } else {
          // The database answers and still refuses it: kept aside, not retried for ever ahead of the rest.
          this.#o.logger.error({ err: error, entry }, 'journal entry refused by the database: set aside');
        }
        await appendFile(path.join(this.#o.dir, REJECTED), JSON.stringify(entry) + '\n').catch(() => undefined);
      }
      attempts = 0;
      this.#queue.shift();
      this.#appliedSeq = seq;
      if (this.#stalled) this.#o.logger.info({ backlog: this.#queue.length }, 'database answering again: the journal is catching up');
      this.#stalled = false;
      this.#settle();
    }
  }

  #sleep(): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(this.#retryTimer?.timer);
        this.#retryTimer = undefined;
        resolve();
      };
      this.#retryTimer = { timer: setTimeout(wake, this.#o.retryMs), wake };
    });
  }

  #applied(seq: number, untilApplied: boolean): Promise<boolean> {
    if (this.#appliedSeq >= seq) return Promise.resolve(true);
    if (this.#stalled && !untilApplied) return Promise.resolve(false);
    return new Promise((resolve) => this.#waiters.push({ seq, resolve, untilApplied }));
  }

  #settle(): void {
    this.#waiters = this.#waiters.filter((w) => {
      if (this.#appliedSeq >= w.seq) return w.resolve(true), false;
      if (this.#stalled && !w.untilApplied) return w.resolve(false), false;
      return true;
    });
  }
}
