import { useRoute } from 'preact-iso';
import { formatClock, formatDateTime, formatScore } from '../../format.js';
import type { MetricView } from '../../protocol.js';
import { useCallStore } from '../../state/context.js';
import { EventsList } from '../EventsList/EventsList.js';
import { StatusBadge } from '../StatusBadge/StatusBadge.js';
import { Transcript } from '../Transcript/Transcript.js';

function evidenceText(evidence: unknown): string {
  if (evidence === null || evidence === undefined) return '';
  return typeof evidence === 'string' ? evidence : JSON.stringify(evidence);
}

function Metrics({ metrics }: { metrics: MetricView[] }) {
  return (
    <section class="panel" aria-labelledby="metrics-title">
      <h2 id="metrics-title">Rubric</h2>
      <div class="table-wrap">
        <table class="data" data-testid="metrics">
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Result</th>
              <th scope="col" class="num">
                Score
              </th>
              <th scope="col">Evidence</th>
            </tr>
          </thead>
          <tbody>
            {metrics.length === 0 && (
              <tr>
                <td colSpan={4} class="empty">
                  Not scored yet.
                </td>
              </tr>
            )}
            {metrics.map((m) => (
              <tr key={m.rubricItem} data-testid="metric-row">
                <td>{m.rubricItem}</td>
                <td>
                  <span class={m.passed ? 'pass' : 'fail'}>{m.passed ? 'Passed' : 'Missed'}</span>
                </td>
                <td class="num">
                  {formatScore(m.score)} / {m.maxScore}
                </td>
                <td class="evidence">{evidenceText(m.evidence)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function ReviewPage() {
  const { params } = useRoute();
  const store = useCallStore(params.id ?? '', false);
  const call = store.call.value;
  if (!call) {
    return (
      <section class="page">
        {store.error.value ? <p class="error" role="alert">{store.error.value}</p> : <p role="status">Loading call…</p>}
      </section>
    );
  }
  const recording = call.recordings[0];
  return (
    <section class="page review-page">
      <div class="page-head">
        <h1>Review: {call.scenario.title}</h1>
        <StatusBadge status={call.status} />
      </div>
      <dl class="kv summary">
        <dt>Trainee</dt>
        <dd>{call.trainee.name}</dd>
        <dt>Started</dt>
        <dd>{formatDateTime(call.startedAt)}</dd>
        <dt>Outcome</dt>
        <dd>{call.outcome ?? '—'}</dd>
        <dt>Score</dt>
        <dd>{formatScore(call.score)}</dd>
        <dt>On hold</dt>
        <dd>{formatClock(call.holdMs)}</dd>
        {recording?.url && (
          <>
            <dt>Recording</dt>
            <dd>
              <a href={recording.url} data-testid="recording-link" target="_blank" rel="noopener">
                Listen ({formatClock(recording.durationMs)})
              </a>
            </dd>
          </>
        )}
      </dl>
      <div class="review-grid">
        <Transcript segments={call.transcript} finalOnly emptyText="No transcript for this call." />
        <EventsList events={call.events} startedAt={call.startedAt} />
      </div>
      <Metrics metrics={call.metrics} />
    </section>
  );
}
