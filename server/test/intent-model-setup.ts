// Trains the caller's intent model once (or finds it in its disk cache) before any test file
// starts, so no test waits seconds for it and parallel test files do not all train it at once.
import { intentModel } from '../src/caller/intent-model.js';

export default function setup(): void {
  intentModel();
}
