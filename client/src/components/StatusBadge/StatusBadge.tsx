import { STATUS_LABEL } from '../../words.js';
import type { CallStatus } from '../../protocol.js';

export function StatusBadge({ status }: { status: CallStatus }) {
  return (
    <span class={`status status-${status}`} data-testid="call-status" data-status={status}>
      {STATUS_LABEL[status] ?? status}
    </span>
  );
}
