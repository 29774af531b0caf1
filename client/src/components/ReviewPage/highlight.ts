import type { EntityView } from '../../protocol.js';

export type Part = { text: string; entity?: EntityView };

/**
 * A line cut into plain text and the entities found in it, by where each entity's words (as
 * heard) occur. Longer entities are placed first so "47 Willow Lane" wins over "Willow";
 * an entity whose words cannot be found (or overlap another) is left unmarked.
 */
export function highlight(text: string, entities: EntityView[]): Part[] {
  const lower = text.toLowerCase();
  const placed: { start: number; end: number; entity: EntityView }[] = [];
  for (const entity of [...entities].sort((a, b) => b.raw.length - a.raw.length)) {
    const needle = entity.raw.trim().toLowerCase();
    if (!needle) continue;
    for (let i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, i + 1)) {
      const end = i + needle.length;
      if (!placed.some((p) => i < p.end && end > p.start)) {
        placed.push({ start: i, end, entity });
        break;
      }
    }
  }
  placed.sort((a, b) => a.start - b.start);
  const parts: Part[] = [];
  let at = 0;
  for (const p of placed) {
    if (p.start > at) parts.push({ text: text.slice(at, p.start) });
    parts.push({ text: text.slice(p.start, p.end), entity: p.entity });
    at = p.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}
