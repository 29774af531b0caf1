import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { PassThrough, Readable } from 'node:stream';
import { promisify } from 'node:util';
import { readWav } from '../../../media/wav.js';
import { describe, expect, it } from 'vitest';
import { main } from '../ringdown.js';
import { loadScenarioFile } from '../../src/caller/scenario-file.js';

const run = promisify(execFile);

async function ringdown(args: string[], input: string[] = []) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await main(args, { stdin: Readable.from(input.map((l) => `${l}\n`)), stdout, stderr });
  return { code, out, err };
}

describe('ringdown CLI', () => {
  it('holds a conversation with the caller of a scenario from piped lines', async () => {
    const { code, out } = await ringdown(['converse', '--scenario', 'cardiac-arrest-cpr', '--seed', '2'], ['911 what is the address of your emergency', 'whats the address', '/state', '/quit']);
    expect(code).toBe(0);
    // The call's own draw for seed 2, not the caller and address the scenario was written with.
    const drawn = await loadScenarioFile('cardiac-arrest-cpr', undefined, 2);
    expect(out).toContain(`caller [${drawn.persona.initialEmotion}]: My wife, she's got chest pain`);
    expect(drawn.groundTruth.location.address).not.toBe('615 Lincoln Avenue');
    expect(out).toContain(drawn.groundTruth.location.address);
    expect(out).toMatch(/emotion \w+; revealed: location/);
  });

  it('speaks text in a caller voice and emotion into a 16 kHz WAV', async () => {
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'ringdown-speak-')), 'line.wav');
    const result = await ringdown(['speak', 'Please hurry, he is not breathing', '--voice', 'rms', '--emotion', 'panicked', '--out', out]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ out, voice: 'rms', emotion: 'panicked' });
    const wav = await readWav(out);
    expect(wav).toMatchObject({ sampleRateHz: 16_000 });
    expect(wav.channels[0]!.length / 16_000).toBeGreaterThan(1);
    expect((await ringdown(['speak', 'hi', '--emotion', 'bored', '--out', out])).code).toBe(2);
    expect((await ringdown(['speak', 'no out file'])).err).toContain('usage: ringdown speak');
  });

  it('transcribes several recordings in one run, one JSON line each with segments, times and numbers as digits', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ringdown-transcribe-'));
    const question = path.join(dir, 'q.wav');
    const readBack = path.join(dir, 'r.wav');
    const both = path.join(dir, 'both.wav');
    await run('flite', ['-voice', 'rms', '-t', 'What is the address of your emergency?', '-o', question]);
    await run('flite', ['-voice', 'rms', '-t', 'I have fourteen twenty Maple Avenue, is that correct?', '-o', readBack]);
    await run('sox', [question, readBack, both, 'pad', '0.5', '1']);
    const result = await ringdown(['transcribe', both, question, '--scenario', 'house-fire-trapped-person']);
    expect(result.code).toBe(0);
    const [first, second, ...rest] = result.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(rest).toEqual([]);
    expect(first.file).toBe(both);
    expect(first.text).toContain('1420 maple avenue');
    expect(first.segments[0]).toMatchObject({ startMs: expect.any(Number), endMs: expect.any(Number), text: expect.any(String) });
    expect(first.segments[0].startMs).toBeGreaterThan(300);
    expect(first.confidence).toBeGreaterThan(0.5);
    expect(second).toMatchObject({ file: question, text: expect.stringContaining('address') });
    expect((await ringdown(['transcribe'])).code).toBe(2);
  }, 60_000);

  it('lists the commands and rejects an unknown one', async () => {
    expect((await ringdown([])).out).toContain('converse');
    const unknown = await ringdown(['transmogrify']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown command');
  });

  it('refuses a scenario that does not exist', async () => {
    const { code, err } = await ringdown(['converse', '--scenario', 'no-such-scenario']);
    expect(code).toBe(1);
    expect(err).toContain('no-such-scenario');
  });
});

describe('ringdown extract', () => {
  it('prints the entities of a line of text as JSON', async () => {
    const { code, out } = await ringdown(['extract', 'so thats forty seven willow lane correct', '--speaker', 'trainee']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual([expect.objectContaining({ type: 'address', raw: 'forty seven willow lane', normalized: '47 Willow Lane', speaker: 'trainee' })]);
  });

  it('prints one JSON line per line of a JSONL file, each with its own speaker or the default', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'ringdown-extract-')), 'lines.jsonl');
    await writeFile(file, '{"text": "hes not breathing"}\n\n{"text": "four one nine five five five oh one one two", "speaker": "trainee"}\n');
    const { code, out } = await ringdown(['extract', '--file', file]);
    expect(code).toBe(0);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ text: 'hes not breathing', speaker: 'caller', entities: [{ type: 'breathing', normalized: 'no' }] });
    expect(lines[1]).toMatchObject({ speaker: 'trainee', entities: [{ type: 'callback_number', normalized: '+14195550112' }] });
  });

  it('answers bad arguments with its usage and exit code 2', async () => {
    for (const args of [[], ['--speaker', 'nobody', 'hello'], ['text', '--file', 'f.jsonl'], ['--colour', 'red', 'hello']]) {
      const { code, err } = await ringdown(['extract', ...args]);
      expect(code, args.join(' ')).toBe(2);
      expect(err).toContain('usage: ringdown extract');
    }
  });

  it('names a missing file, and the line of a malformed one, with exit code 1', async () => {
    const missing = await ringdown(['extract', '--file', '/no/such/utterances.jsonl']);
    expect(missing).toMatchObject({ code: 1, out: '' });
    expect(missing.err).toContain('/no/such/utterances.jsonl');
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'ringdown-extract-')), 'bad.jsonl');
    await writeFile(file, '{"text": "fine"}\n{"text": "broken"\n');
    const broken = await ringdown(['extract', '--file', file]);
    expect(broken).toMatchObject({ code: 1, out: '' });
    expect(broken.err).toContain('line 2');
    await writeFile(file, '{"text": "fine"}\n{"words": "no text"}\n');
    expect((await ringdown(['extract', '--file', file])).err).toMatch(/line 2: text/);
  });
});

describe('ringdown understand', () => {
  it('prints the primary intent, every intent with a score and the entities of a line', async () => {
    const { code, out } = await ringdown(['understand', '--text', 'so thats forty seven willow lane, is he breathing?']);
    expect(code).toBe(0);
    const line = JSON.parse(out);
    expect(line).toMatchObject({ text: 'so thats forty seven willow lane, is he breathing?', primary: 'verify_location' });
    expect(line.intents.map((i: { intent: string }) => i.intent)).toContain('ask_breathing');
    for (const i of line.intents) expect(i.score).toBeGreaterThan(0), expect(i.score).toBeLessThanOrEqual(1);
    expect(line.entities).toContainEqual(expect.objectContaining({ type: 'address' }));
  });

  it('reads a JSON Lines file, one output line per input line', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'ringdown-understand-')), 'lines.jsonl');
    await writeFile(file, '{"text": "where you at"}\n\n{"text": "tip his head back"}\n');
    const { code, out } = await ringdown(['understand', '--file', file]);
    expect(code).toBe(0);
    expect(out.trim().split('\n').map((l) => JSON.parse(l).primary)).toEqual(['ask_location', 'command']);
  });

  it('names the bad line of a file and prints nothing else', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'ringdown-understand-')), 'lines.jsonl');
    await writeFile(file, '{"text": "where you at"}\n{"words": "no text"}\n');
    const missing = await ringdown(['understand', '--file', file]);
    expect(missing).toMatchObject({ code: 1, out: '' });
    expect(missing.err).toContain('line 2');
    await writeFile(file, '{"text": "where you at"}\n\n{not json\n');
    expect((await ringdown(['understand', '--file', file])).err).toContain('line 3: not valid JSON');
    expect((await ringdown(['understand', '--file', `${file}.absent`])).err).toContain('ENOENT');
  });

  it('needs exactly one of --text, --file or recordings', async () => {
    expect((await ringdown(['understand'])).code).toBe(2);
    expect((await ringdown(['understand', '--text', 'hi', '--file', 'x.jsonl'])).err).toContain('usage: ringdown understand');
  });

  it('transcribes several recordings with the models loaded once, and understands each', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ringdown-understand-'));
    const where = path.join(dir, 'where.wav');
    const breathing = path.join(dir, 'breathing.wav');
    await run('flite', ['-voice', 'rms', '-t', 'What is the address of your emergency?', '-o', where]);
    await run('flite', ['-voice', 'rms', '-t', 'Is he breathing?', '-o', breathing]);
    const { code, out } = await ringdown(['understand', where, breathing]);
    expect(code).toBe(0);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.file, l.primary])).toEqual([
      [where, 'ask_location'],
      [breathing, 'ask_breathing'],
    ]);
  }, 60_000);
});

