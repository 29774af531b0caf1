import { useEffect } from 'preact/hooks';
import type { CallSummary } from '../../protocol.js';
import { useCallStore } from '../../state/context.js';
import { Checklist } from '../Checklist/Checklist.js';
import { Transcript } from '../Transcript/Transcript.js';

/** The selected call beside the board: its live transcript and checklist, followed in its room. */
export function FloorCallPanel({ call, onClose }: { call: CallSummary; onClose: () => void }) {
  const store = useCallStore(call.id, true);
  useEffect(() => void store.seedAids(), [store]);
  const detail = store.call.value;
  const checklist = store.checklist.value;
  return (
    <aside class="floor-call" data-testid="floor-transcript" data-call-id={call.id} aria-label={`Call of ${call.trainee.name}`}>
      <div class="floor-call-head">
        <h2>
          {call.trainee.name}: {call.scenario.title}
        </h2>
        <a class="btn btn-small btn-primary" href={`/calls/${call.id}/supervise`}>
          Supervise
        </a>
        <button type="button" class="btn btn-small" onClick={onClose} aria-label="Close the transcript">
          Close
        </button>
      </div>
      {store.error.value && (
        <p class="error" role="alert">
          {store.error.value}
        </p>
      )}
      <Transcript segments={detail?.transcript ?? []} emptyText={detail ? 'Nothing said yet.' : 'Loading…'} />
      {checklist && checklist.length > 0 && <Checklist items={checklist} />}
    </aside>
  );
}
