import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PCM_RATE_HZ } from '../../media/format.js';
import { FliteSynthesizer } from '../../media/speech/flite.js';
import { wavHeader } from '../../media/wav.js';
import { TurnLoad } from './turn-load.js';

// The benchmarks' load loop on the full server path: a short run of one live call on a real
// ringdown (the run's PostgreSQL, its SFU and AI caller) writes the call's transcript to the
// database, and the trainee's socket and a supervisor on the floor receive its pushes.

const LINES = ['What is the address of your emergency?', 'Is he awake and is he breathing?'];

let dir: string;
let load: TurnLoad;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ringdown-turn-load-'));
  const flite = new FliteSynthesizer();
  for (const [i, line] of LINES.entries()) {
    const pcm = await flite.synthesize(line, { name: 'rms' });
    await writeFile(path.join(dir, `${i}.wav`), Buffer.concat([wavHeader(1, PCM_RATE_HZ, pcm.byteLength), Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength)]));
  }
  load = await TurnLoad.create({ questions: dir, env: { DATABASE_URL: inject('databaseUrl') } });
  load.start();
}, 120_000);
afterAll(async () => {
  await load?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the turn benchmarks load loop', () => {
  it('runs each call as a live call: lines answered and timed, the transcript in the database, pushes to the trainee and the floor', async () => {
    await load.resetWindow();
    await load.add(1, 5000, LINES.length);
    const deadline = Date.now() + 60_000;
    while (!load.finished && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(load.finished).toBe(true);

    const { said, replied, missed, talkedOver, lost, turns, stages, pushes } = load.window;
    expect(lost).toBe(0);
    expect(said).toBe(LINES.length);
    expect(replied + missed + talkedOver).toBe(LINES.length);
    expect(replied).toBeGreaterThan(0);
    expect(turns.percentiles().p50).toBeGreaterThan(0);
    expect(stages.endpoint.percentiles().count).toBeGreaterThan(0);
    expect(pushes.trainees).toBeGreaterThan(0);
    expect(pushes.floor).toBeGreaterThan(0);
    const stored = await load.stored();
    expect(stored.lines).toBeGreaterThan(0);
    expect(stored.rows).toBeGreaterThan(stored.lines); // the answer's event, at least

    await load.endCalls();
    const call = await load.bench.server.db.calls.get(load.callIds[0]!);
    expect(call?.status).toBe('ended');
    expect(new Set(call?.transcript.map((s) => s.speaker))).toEqual(new Set(['trainee', 'caller']));
  }, 120_000);

  it('counts a call the server ends under it as lost, not as missed lines, and stops its trainee', async () => {
    await load.resetWindow();
    await load.add(1, 0);
    const [call] = load.calls;
    const ended = await fetch(`${load.bench.server.url}/api/v1/calls/${call!.id}/end`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: call!.trainee.cookie }, body: '{}' });
    expect(ended.status).toBe(200);
    const deadline = Date.now() + 10_000;
    while (!load.finished && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(load.finished).toBe(true);
    expect(load.window.lost).toBe(1);
    const said = load.window.said;
    await new Promise((r) => setTimeout(r, 3000)); // a trainee still speaking would finish a line by now
    expect(load.window.said).toBe(said);
    expect(load.window.missed).toBe(0);
  }, 60_000);
});
