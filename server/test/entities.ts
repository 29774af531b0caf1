import { extractEntities } from '../src/intelligence/extract.js';
import type { EntityType, Segment } from '../src/intelligence/types.js';

/** What extraction finds of `type` in `text` (its normalized values), as said by `speaker`. */
export function entityValues(text: string, type: EntityType, speaker: Segment['speaker'] = 'caller'): string[] {
  return extractEntities({ id: 's', speaker, text, startMs: 0, endMs: 0 })
    .filter((e) => e.type === type)
    .map((e) => e.normalized);
}
