import { useRoute } from 'preact-iso';
import { formatDateTime, formatScore } from '../../format.js';
import { natureText } from '../../words.js';
import { useHistoryStore, useStores } from '../../state/context.js';
import { ScoreChart } from './ScoreChart.js';
import { PageLoading } from '../PageLoading/PageLoading.js';
import { usePageTitle } from '../../title.js';

/** A trainee's scores over time: one small chart per kind of emergency, then every call. */
export function HistoryPage() {
  const { params } = useRoute();
  const { session } = useStores();
  const store = useHistoryStore(params.id ?? '');
  const history = store.history.value;
  const error = store.error.value;
  usePageTitle(history ? `History: ${history.trainee.name}` : 'History');

  if (!history) {
    return <PageLoading error={error} what="history" />;
  }

  const own = session.me.value?.id === history.trainee.id;
  // Newest first in the table; the charts read left to right, oldest first.
  const calls = [...store.calls.value].reverse();
  return (
    <section class="page history-page">
      <div class="page-head">
        <h1>{own ? 'My progress' : `Progress: ${history.trainee.name}`}</h1>
        <a class="btn" href={`/api/v1/trainees/${encodeURIComponent(history.trainee.id)}/record.pdf`} download data-testid="trainee-record">
          Printable record (PDF)
        </a>
      </div>
      {calls.length === 0 ? (
        <p>No scored calls yet.</p>
      ) : (
        <>
          <h2 id="by-nature-title">Scores by kind of call</h2>
          <div class="chart-grid-list" aria-labelledby="by-nature-title" role="group">
            {store.byNature.value.map((s) => (
              <ScoreChart key={s.nature} series={s} />
            ))}
          </div>
          <h2 id="history-table-title">Calls</h2>
          <div class="table-wrap">
            <table class="data" data-testid="history-table" aria-labelledby="history-table-title">
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Scenario</th>
                  <th scope="col">Nature</th>
                  <th scope="col" class="num">
                    Score
                  </th>
                  <th scope="col">
                    <span class="visually-hidden">Review</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {calls.map((c) => (
                  <tr key={c.callId} data-testid="history-row" data-call-id={c.callId} data-nature={c.scenario.nature}>
                    <td>
                      <time dateTime={c.startedAt}>{formatDateTime(c.startedAt)}</time>
                    </td>
                    <td>{c.scenario.title}</td>
                    <td>
                      <span class={`nature nature-${c.scenario.nature}`}>{natureText(c.scenario.nature)}</span>
                    </td>
                    <td class="num" data-testid="history-score">
                      {formatScore(c.score)}
                    </td>
                    <td>
                      <a href={`/calls/${c.callId}/review`} data-testid="history-review-link" aria-label={`Review ${c.scenario.title}, ${formatDateTime(c.startedAt)}`}>
                        Review
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
