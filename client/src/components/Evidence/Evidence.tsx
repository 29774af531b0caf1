import { formatClock } from '../../format.js';
import type { EvidenceView } from '../../protocol.js';

/** Metric evidence arrives as stored JSON: an evidence list, one string, or anything older. */
export function toEvidence(raw: unknown): EvidenceView[] {
  if (raw === null || raw === undefined || raw === '') return [];
  if (typeof raw === 'string') return [{ detail: raw }];
  if (Array.isArray(raw)) return raw.flatMap(toEvidence);
  if (typeof raw === 'object') {
    const o = raw as Record<string, unknown>;
    const ev: EvidenceView = {};
    if (typeof o.segmentId === 'string') ev.segmentId = o.segmentId;
    if (typeof o.text === 'string') ev.text = o.text;
    if (typeof o.atMs === 'number') ev.atMs = o.atMs;
    if (typeof o.detail === 'string') ev.detail = o.detail;
    if (ev.text || ev.detail || ev.atMs !== undefined) return [ev];
    if (Array.isArray(o.items)) return toEvidence(o.items);
  }
  return [{ detail: JSON.stringify(raw) }];
}

type Props = { evidence: EvidenceView[]; onSeek?: ((ms: number) => void) | undefined; testId: string };

/** What a tick or a score rests on; a timed piece seeks the recording there. */
export function EvidenceList({ evidence, onSeek, testId }: Props) {
  if (evidence.length === 0) return null;
  return (
    <ul class="evidence-list">
      {evidence.map((ev, i) => {
        const words = (
          <>
            {ev.text && <q>{ev.text}</q>}
            {ev.detail && <span class="evidence-detail">{ev.detail}</span>}
          </>
        );
        const at = ev.atMs;
        return (
          <li key={i}>
            {at !== undefined && onSeek ? (
              <button type="button" class="seek" data-testid={testId} data-at-ms={at} onClick={() => onSeek(at)} aria-label={`Play from ${formatClock(at)}: ${ev.text ?? ev.detail ?? ''}`}>
                <span class="seek-time">{formatClock(at)}</span> {words}
              </button>
            ) : (
              <span data-testid={testId}>
                {at !== undefined && <span class="seek-time">{formatClock(at)}</span>} {words}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
