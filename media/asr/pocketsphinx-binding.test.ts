import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FliteSynthesizer } from '../speech/flite.js';
import { writeCallModel } from './language-model.js';
import { SphinxDecoder } from './pocketsphinx-binding.js';
import { POCKETSPHINX_MODEL_DIR } from './pocketsphinx.js';

// The binding is for the worker thread; a test may block its own thread for a moment.
const HMM = path.join(POCKETSPHINX_MODEL_DIR, 'en-us');
let dir: string;
let decoder: SphinxDecoder;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ringdown-binding-test-'));
  const files = await writeCallModel({ addresses: ['47 Willow Lane'] }, dir);
  decoder = new SphinxDecoder({ hmm: HMM, lm: files.lmPath, dict: files.dictPath });
});
afterAll(async () => {
  decoder?.free();
  await rm(dir, { recursive: true, force: true });
});

describe('SphinxDecoder cepstral mean', () => {
  it("starts from the acoustic model's mean (its feat.params -cmninit)", async () => {
    const params = await readFile(path.join(HMM, 'feat.params'), 'utf8');
    const cmninit = /-cmninit\s+(\S+)/.exec(params)![1]!.split(',').map(Number);
    const mean = decoder.cepstralMean();
    expect(mean).toBeDefined();
    expect([...mean!].map((v) => Math.round(v * 100) / 100)).toEqual(cmninit);
  });

  it('adapts to the audio heard so far when asked, without waiting for the end of the utterance', async () => {
    const fresh = new SphinxDecoder({ hmm: HMM, lm: path.join(dir, 'call.arpa'), dict: path.join(dir, 'call.dict') });
    const before = fresh.cepstralMean()!;
    fresh.start();
    fresh.process(await new FliteSynthesizer().synthesize('you are at forty seven willow lane', { name: 'rms' }));
    expect(fresh.cepstralMean()).toEqual(before);
    fresh.adaptCepstralMean();
    const after = fresh.cepstralMean()!;
    expect(Math.max(...after.map((v, i) => Math.abs(v - before[i]!)))).toBeGreaterThan(5);
    fresh.abandon();
    fresh.free();
  });

  it('can be set to another decoder\'s mean, and refuses a vector of the wrong size', () => {
    const learned = Float32Array.from([38.9, 27, -32.7, 37.8, -12, -22, 16.6, -42, -22, -7.5, -20.2, 9.4, -11.7]);
    expect(decoder.setCepstralMean(learned)).toBe(true);
    expect(decoder.cepstralMean()).toEqual(learned);
    expect(decoder.setCepstralMean(new Float32Array(12))).toBe(false);
    expect(decoder.setCepstralMean(Float32Array.from(learned, (v, i) => (i === 3 ? NaN : v)))).toBe(false);
  });
});
