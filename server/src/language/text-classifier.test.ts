import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cachedModel } from './text-classifier.js';

// A model that keeps one number; its bytes hold it to two decimals, as a 32-bit float holds a weight to less than a double.
class Rounded {
  constructor(readonly weight: number) {}
  serialize(): Buffer {
    return Buffer.from(this.weight.toFixed(2));
  }
  static load(bytes: Buffer): Rounded | null {
    const weight = Number(bytes.toString());
    return Number.isFinite(weight) ? new Rounded(weight) : null;
  }
}

describe('a model cached on disk', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ringdown-model-cache-'));
  const input = path.join(dir, 'corpus.txt');
  writeFileSync(input, 'lines the model learns from');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the process that trained it the model as the cache keeps it, then serves the cache', () => {
    let trained = 0;
    const train = () => {
      trained++;
      return new Rounded(0.126_4);
    };
    const first = cachedModel(path.join(dir, 'a'), [input], Rounded.load, train);
    expect(first.weight).toBe(0.13);
    expect(cachedModel(path.join(dir, 'a'), [input], Rounded.load, train).weight).toBe(0.13);
    expect(trained).toBe(1);
  });

  it('trains again when what it learns from changes', () => {
    let trained = 0;
    const train = () => new Rounded(++trained);
    cachedModel(path.join(dir, 'b'), [input], Rounded.load, train);
    writeFileSync(input, 'more lines');
    expect(cachedModel(path.join(dir, 'b'), [input], Rounded.load, train).weight).toBe(2);
  });
});
