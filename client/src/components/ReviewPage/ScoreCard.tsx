import { formatScore } from '../../format.js';
import type { CallReview } from '../../protocol.js';
import { EvidenceList, toEvidence } from '../Evidence/Evidence.js';

type Props = { score: CallReview['score']; onSeek: (ms: number) => void };

/** The total and what it is made of, each item with the evidence it was scored on. */
export function ScoreCard({ score, onSeek }: Props) {
  return (
    <section class="panel score-panel" aria-labelledby="score-title">
      <div class="panel-head">
        <h2 id="score-title">Score</h2>
        <p class="score-total">
          <span data-testid="score-total">{formatScore(score.total)}</span>
          <span class="muted"> / 100</span>
        </p>
      </div>
      <div class="table-wrap">
        <table class="data" data-testid="metrics">
          <caption class="visually-hidden">Score breakdown</caption>
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
            {score.items.length === 0 && (
              <tr>
                <td colSpan={4} class="empty">
                  Not scored yet.
                </td>
              </tr>
            )}
            {score.items.map((m) => (
              <tr key={m.rubricItem} data-testid="metric-row" data-item={m.rubricItem} data-passed={String(m.passed)}>
                <th scope="row" class="metric-label">
                  {m.label}
                </th>
                <td>
                  <span class={m.passed ? 'pass' : 'fail'}>{m.passed ? 'Passed' : 'Missed'}</span>
                </td>
                <td class="num">
                  {formatScore(m.score)} / {m.maxScore}
                </td>
                <td class="evidence">
                  <EvidenceList evidence={toEvidence(m.evidence)} onSeek={onSeek} testId="metric-evidence" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
