// Trains the caller's intent model and the extractor's nature model once (or finds them in their
// disk caches) before any test file starts, so no test waits seconds for them and parallel test
// files do not all train them at once.
import { intentModel } from '../src/caller/intent-model.js';
import { natureModel } from '../src/intelligence/extract/nature-model.js';

export default function setup(): void {
  intentModel();
  natureModel();
}
