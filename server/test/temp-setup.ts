import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Every temporary file of a test run (test databases, data folders, fake microphones, browser
// profiles, the processes tests start) goes into one folder, removed when the run ends: TMPDIR
// points there for every test process and every process they start, so a test that forgets to
// clean up leaves nothing behind. The trained models' caches are linked in from the system's
// temporary folder, so the models are trained once, not once per run.

const MODEL_CACHES = ['ringdown-intents', 'ringdown-natures', 'ringdown-tagger'];

export default function setup(): () => void {
  const system = tmpdir();
  const run = mkdtempSync(path.join(system, 'ringdown-run-'));
  // Open like the system's folder: the embedded databases run as another user.
  chmodSync(run, 0o1777);
  for (const cache of MODEL_CACHES) {
    mkdirSync(path.join(system, cache), { recursive: true });
    symlinkSync(path.join(system, cache), path.join(run, cache));
  }
  process.env.TMPDIR = run;
  return () => {
    process.env.TMPDIR = system;
    rmSync(run, { recursive: true, force: true });
  };
}
