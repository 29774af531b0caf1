import { existsSync, lstatSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODEL_CACHE_ROOT, modelCacheDir } from '../src/language/text-classifier.js';
import setup from './temp-setup.js';

describe('the test run temporary folder', () => {
  it('is where this test process writes, with the model caches linked in', () => {
    expect(path.basename(tmpdir())).toMatch(/^ringdown-run-/);
    expect(lstatSync(path.join(tmpdir(), MODEL_CACHE_ROOT)).isSymbolicLink()).toBe(true);
    expect(modelCacheDir('natures')).toBe(path.join(tmpdir(), MODEL_CACHE_ROOT, 'natures'));
  });

  it('is removed with what was left in it, the links but not the caches they point to', () => {
    const before = tmpdir();
    const teardown = setup();
    const run = tmpdir();
    expect(run).not.toBe(before);
    writeFileSync(path.join(run, 'left-behind'), 'x');
    teardown();
    expect(existsSync(run)).toBe(false);
    expect(tmpdir()).toBe(before);
    expect(existsSync(path.join(before, MODEL_CACHE_ROOT))).toBe(true);
  });
});
