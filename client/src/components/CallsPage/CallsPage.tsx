import { useEffect } from 'preact/hooks';
import { formatDateTime, formatScore } from '../../format.js';
import { outcomeText } from '../../words.js';
import type { CallStatus, CallSummary } from '../../protocol.js';
import { useStores } from '../../state/context.js';
import { StatusBadge } from '../StatusBadge/StatusBadge.js';
import { usePageTitle } from '../../title.js';

const FILTERS: { value: CallStatus | ''; label: string }[] = [
  { value: '', label: 'All' },
  { value: 'ringing', label: 'Ringing' },
  { value: 'active', label: 'Active' },
  { value: 'ended', label: 'Ended' },
  { value: 'failed', label: 'Failed' },
];

function CallRow({ call }: { call: CallSummary }) {
  const over = call.status === 'ended' || call.status === 'failed';
  const href = over ? `/calls/${call.id}/review` : `/calls/${call.id}`;
  return (
    <tr data-testid="call-row" data-call-id={call.id}>
      <td>
        <a href={href}>{call.scenario.title}</a>
      </td>
      <td>
        <a href={`/trainees/${call.trainee.id}/history`} data-testid="trainee-history-link" title={`${call.trainee.name}: scores over time`}>
          {call.trainee.name}
        </a>
      </td>
      <td>
        <time dateTime={call.startedAt}>{formatDateTime(call.startedAt)}</time>
      </td>
      <td>
        <StatusBadge status={call.status} />
      </td>
      <td>{outcomeText(call.outcome)}</td>
      <td class="num">{formatScore(call.score)}</td>
      <td>
        {over && (
          <a href={`/calls/${call.id}/review`} data-testid="call-review-link" aria-label={`Review ${call.scenario.title}, ${formatDateTime(call.startedAt)}`}>
            Review
          </a>
        )}
      </td>
    </tr>
  );
}

export function CallsPage() {
  usePageTitle('Calls');
  const { calls, session } = useStores();
  useEffect(() => void calls.reload(), []);
  const items = calls.items.value;

  return (
    <section class="page">
      <div class="page-head">
        <h1>{session.role.value === 'trainee' ? 'My calls' : 'Calls'}</h1>
        <div class="field-inline">
          <label for="calls-status">Status</label>
          <select
            id="calls-status"
            data-testid="calls-status-filter"
            value={calls.status.value}
            onChange={(e) => void calls.setStatus(e.currentTarget.value as CallStatus | '')}
          >
            {FILTERS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {calls.error.value && (
        <p class="error" role="alert">
          {calls.error.value}
        </p>
      )}
      <div class="table-wrap">
        <table class="data" data-testid="calls-table">
          <thead>
            <tr>
              <th scope="col">Scenario</th>
              <th scope="col">Trainee</th>
              <th scope="col">Started</th>
              <th scope="col">Status</th>
              <th scope="col">Outcome</th>
              <th scope="col" class="num">
                Score
              </th>
              <th scope="col">
                <span class="visually-hidden">Review</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <CallRow key={c.id} call={c} />
            ))}
            {items.length === 0 && !calls.loading.value && (
              <tr>
                <td colSpan={7} class="empty">
                  No calls.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {calls.loading.value && <p role="status">Loading…</p>}
      {calls.nextCursor.value && !calls.loading.value && (
        <button type="button" class="btn" data-testid="calls-load-more" onClick={() => void calls.loadMore()}>
          Load more
        </button>
      )}
    </section>
  );
}
