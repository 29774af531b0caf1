import { appendFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { Journal } from './journal.js';

// The journal on a real folder, with a database stand-in that can be made to stop answering
// or to refuse one entry: what is appended is on disk before append() resolves, and reaches
// the database in order, once, after an outage or a crash.

type Entry = { n: number };
const logger = createLogger('silent');
const dirs: string[] = [];
const journals: Journal<Entry>[] = [];

afterEach(async () => {
  await Promise.all(journals.splice(0).map((j) => j.close(100)));
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

function database() {
  const db = { up: true, stored: [] as number[], refuse: new Set<number>() };
  const apply = async ({ n }: Entry) => {
    if (!db.up) throw new Error('connection refused');
    if (db.refuse.has(n)) throw new Error('invalid byte sequence');
    db.stored.push(n);
  };
  return { db, apply, reachable: async () => db.up };
}

async function journalIn(dir: string, db: ReturnType<typeof database>): Promise<Journal<Entry>> {
  const journal = new Journal<Entry>({ dir, apply: db.apply, reachable: db.reachable, logger, retryMs: 20 });
  journals.push(journal);
  await journal.open();
  return journal;
}

async function folder(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ringdown-journal-'));
  dirs.push(dir);
  return dir;
}

async function onDisk(dir: string): Promise<number[]> {
  const files = (await readdir(dir)).filter((f) => f !== 'rejected.jsonl');
  const text = (await Promise.all(files.map((f) => readFile(path.join(dir, f), 'utf8')))).join('');
  return text.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as Entry).n);
}

describe('the journal', () => {
  it('acknowledges an entry only once it is on disk, and applies entries in order', async () => {
    const dir = await folder();
    const { db, ...rest } = database();
    const journal = await journalIn(dir, { db, ...rest });
    const appended = Array.from({ length: 50 }, (_, n) => journal.append({ n }).then(async () => expect(await onDisk(dir)).toContain(n)));
    await Promise.all(appended);
    expect(await journal.caughtUp()).toBe(true);
    expect(db.stored).toEqual(Array.from({ length: 50 }, (_, n) => n));
  });

  it('holds entries while the database does not answer, then applies each once, in order', async () => {
    const dir = await folder();
    const stand = database();
    const journal = await journalIn(dir, stand);
    await journal.append({ n: 0 });
    expect(await journal.caughtUp()).toBe(true);
    stand.db.up = false;
    for (let n = 1; n <= 20; n++) await journal.append({ n });
    expect(await journal.caughtUp()).toBe(false);
    expect(journal.backlog).toBe(20);
    expect(stand.db.stored).toEqual([0]);
    stand.db.up = true;
    expect(await journal.settled(2000)).toBe(true);
    expect(stand.db.stored).toEqual(Array.from({ length: 21 }, (_, n) => n));
  });

  it('applies after a crash what the crashed run had acknowledged, skipping a line cut short, and removes its file', async () => {
    const dir = await folder();
    const down = database();
    down.db.up = false;
    const crashed = new Journal<Entry>({ dir, apply: down.apply, reachable: down.reachable, logger, retryMs: 20 });
    await crashed.open();
    for (let n = 1; n <= 5; n++) await crashed.append({ n });
    const [file] = await readdir(dir);
    await appendFile(path.join(dir, file!), '{"n":'); // the write a kill -9 cut short: never acknowledged

    const after = database();
    after.db.stored.push(1, 2); // the crashed run had stored these before the database went away
    const restarted = await journalIn(dir, { ...after, apply: async (e) => void (after.db.stored.includes(e.n) || after.db.stored.push(e.n)) });
    expect(after.db.stored).toEqual([1, 2, 3, 4, 5]);
    expect(await readdir(dir)).not.toContain(file);
    await restarted.append({ n: 6 });
    expect(await restarted.caughtUp()).toBe(true);
    await crashed.close(0);
  });

  it('sets aside an entry the database answers and refuses, and goes on with the rest', async () => {
    const dir = await folder();
    const stand = database();
    stand.db.refuse.add(2);
    const journal = await journalIn(dir, stand);
    for (let n = 1; n <= 3; n++) await journal.append({ n });
    expect(await journal.settled(2000)).toBe(true);
    expect(stand.db.stored).toEqual([1, 3]);
    expect(await readFile(path.join(dir, 'rejected.jsonl'), 'utf8')).toBe('{"n":2}\n');
  });

  it('tells a writer its entry landed, was held through an outage, or was refused for good (tried once, set aside)', async () => {
    const dir = await folder();
    const stand = database();
    class Stale extends Error {}
    let tries = 0;
    const journal = new Journal<Entry>({
      dir,
      logger,
      retryMs: 20,
      reachable: stand.reachable,
      apply: async (entry) => {
        if (entry.n === 2) throw (tries++, new Stale('made under an old lease'));
        return stand.apply(entry);
      },
      refused: (_entry, error) => error instanceof Stale,
    });
    journals.push(journal);
    await journal.open();
    expect(await journal.write({ n: 1 })).toBe(true);
    await expect(journal.write({ n: 2 })).rejects.toThrow(Stale);
    expect(tries).toBe(1);
    stand.db.up = false;
    expect(await journal.write({ n: 3 })).toBe(false);
    stand.db.up = true;
    expect(await journal.settled(2000)).toBe(true);
    expect(stand.db.stored).toEqual([1, 3]);
    expect(await readFile(path.join(dir, 'rejected.jsonl'), 'utf8')).toBe('{"n":2}\n');
  });

  it('removes its file at close once everything is applied, and keeps it when not', async () => {
    const applied = await folder();
    const one = await journalIn(applied, database());
    await one.append({ n: 1 });
    await one.close(1000);
    expect(await readdir(applied)).toEqual([]);

    const held = await folder();
    const down = database();
    down.db.up = false;
    const two = await journalIn(held, down);
    await two.append({ n: 1 });
    await two.close(50);
    expect(await onDisk(held)).toEqual([1]);
    await expect(two.append({ n: 2 })).rejects.toThrow(/closed/);
  });
});
