// Trains the caller's intent model and the extractor's nature model and tagger once (or finds them in their
// disk caches) before any test file starts, so no test waits seconds for them and parallel test
// files do not all train them at once.
import { intentModel } from '../src/caller/intent-model.js';
import { natureModel } from '../src/intelligence/extract/nature-model.js';
import { entityTagger } from '../src/intelligence/extract/tagger.js';

export default function setup(): void {
  intentModel();
  natureModel();
  entityTagger();
}
