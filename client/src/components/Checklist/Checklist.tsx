import { formatClock } from '../../format.js';
import { CHECKLIST_STATUS_LABEL } from '../../intelligence.js';
import type { ChecklistItemView } from '../../protocol.js';
import { EvidenceList } from '../Evidence/Evidence.js';

const MARK: Record<ChecklistItemView['status'], string> = { open: '○', partial: '◐', done: '✓' };

type Props = {
  items: ChecklistItemView[];
  /** The review: show what each tick rests on, and seek the recording to it. */
  withEvidence?: boolean;
  onSeek?: (ms: number) => void;
};

/**
 * The NENA call-processing checklist: location first, then callback, nature, identity and
 * safety. Not a live region: ticks come with every line and would interrupt the call-taker.
 */
export function Checklist({ items, withEvidence = false, onSeek }: Props) {
  const done = items.filter((i) => i.status === 'done').length;
  return (
    <section class="panel checklist-panel" aria-labelledby="checklist-title">
      <div class="panel-head">
        <h2 id="checklist-title">NENA checklist</h2>
        <span class="muted checklist-progress">
          {done} of {items.length} done
        </span>
      </div>
      <ol class="checklist" data-testid="checklist">
        {items.map((item) => (
          <li key={item.id} class={`checklist-item check-${item.status}`} data-testid="checklist-item" data-item={item.id} data-status={item.status}>
            <span class="check-mark" aria-hidden="true">
              {MARK[item.status]}
            </span>
            <span class="check-label">{item.label}</span>
            <span class={`check-status check-status-${item.status}`}>{CHECKLIST_STATUS_LABEL[item.status]}</span>
            <span class="check-time">{item.atMs !== null ? formatClock(item.atMs) : ''}</span>
            {withEvidence && (
              <div class="check-evidence">
                <EvidenceList evidence={item.evidence} onSeek={onSeek} testId="checklist-evidence" />
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
