import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MODEL_CACHE_ROOT } from '../src/language/text-classifier.js';

// Every temporary file of a test run (test databases, data folders, fake microphones, browser
// profiles, the processes tests start) goes into one folder, removed when the run ends: TMPDIR
// points there for every test process and every process they start, so a test that forgets to
// clean up leaves nothing behind. The trained models' caches are linked in from the system's
// temporary folder, so the models are trained once, not once per run.

export default function setup(): () => void {
  const system = tmpdir();
  const run = mkdtempSync(path.join(system, 'ringdown-run-'));
  // Open like the system's folder: the embedded databases run as another user.
  chmodSync(run, 0o1777);
  mkdirSync(path.join(system, MODEL_CACHE_ROOT), { recursive: true });
  symlinkSync(path.join(system, MODEL_CACHE_ROOT), path.join(run, MODEL_CACHE_ROOT));
  process.env.TMPDIR = run;
  return () => {
    process.env.TMPDIR = system;
    rmSync(run, { recursive: true, force: true });
  };
}
