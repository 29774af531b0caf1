import { formatClock } from '../../format.js';
import { CHECKLIST_STATUS_LABEL } from '../../intelligence.js';
import type { ChecklistItemView, ChecklistMarkView } from '../../protocol.js';
import { EvidenceList } from '../Evidence/Evidence.js';

const MARK: Record<ChecklistItemView['status'], string> = { open: '○', partial: '◐', done: '✓' };

type Props = {
  items: ChecklistItemView[];
  /** The review: show what each tick rests on, and seek the recording to it. */
  withEvidence?: boolean;
  onSeek?: (ms: number) => void;
  /** The review: how each item changed live, as the trainee saw it, beside where it ended up. */
  live?: ChecklistMarkView[];
};

/** "Live: partly 0:12, done 0:42", or that the item never moved during the call. */
function LiveMarks({ marks, onSeek }: { marks: ChecklistMarkView[]; onSeek?: ((ms: number) => void) | undefined }) {
  return (
    <div class="check-live muted" data-testid="checklist-live" data-statuses={marks.map((m) => m.status).join(' ')}>
      Live:{' '}
      {marks.length === 0
        ? 'never ticked'
        : marks.map((m, i) => (
            <span key={i}>
              {i > 0 && ', '}
              {CHECKLIST_STATUS_LABEL[m.status].toLowerCase()}{' '}
              <button type="button" class="seek seek-time" onClick={() => onSeek?.(m.atMs)} aria-label={`Play from ${formatClock(m.atMs)}`}>
                {formatClock(m.atMs)}
              </button>
            </span>
          ))}
    </div>
  );
}

/**
 * The NENA call-processing checklist: location first, then callback, nature, identity and
 * safety. Not a live region: ticks come with every line and would interrupt the call-taker.
 */
export function Checklist({ items, withEvidence = false, onSeek, live }: Props) {
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
            {live && <LiveMarks marks={live.filter((m) => m.item === item.id)} onSeek={onSeek} />}
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
