import { formatScore } from '../../format.js';
import { natureText } from '../../words.js';
import type { NatureSeries } from '../../state/history.js';

const W = 320;
const H = 120;
const PAD = { left: 28, right: 10, top: 10, bottom: 18 };
/** Keeps the first and last points clear of the axis labels. */
const INSET = 10;

const dateOf = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'short' });

/**
 * One nature's scores in call order, 0 to 100. Calls are spaced evenly rather than by date:
 * the shape of progress matters, not the gaps between sessions. The table below has the data.
 */
export function ScoreChart({ series }: { series: NatureSeries }) {
  const { nature, calls } = series;
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + INSET + (calls.length === 1 ? (innerW - 2 * INSET) / 2 : (i / (calls.length - 1)) * (innerW - 2 * INSET));
  const y = (score: number) => PAD.top + innerH - (Math.min(100, Math.max(0, score)) / 100) * innerH;
  const points = calls.map((c, i) => `${x(i).toFixed(1)},${y(c.score).toFixed(1)}`).join(' ');
  const latest = calls.at(-1);
  const best = Math.max(...calls.map((c) => c.score));
  const titleId = `chart-${nature}`;
  const summary = `${calls.length} ${calls.length === 1 ? 'call' : 'calls'}; latest ${formatScore(latest?.score ?? null)}, best ${formatScore(best)}`;

  return (
    <figure class="card score-chart" data-testid="history-chart" data-nature={nature}>
      <figcaption id={titleId}>
        <span class={`nature nature-${nature}`}>{natureText(nature)}</span> <span class="muted">{summary}</span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId} preserveAspectRatio="xMidYMid meet">
        {[0, 50, 100].map((v) => (
          <g key={v} class="chart-rule">
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
            <text x={PAD.left - 4} y={y(v) + 3} text-anchor="end">
              {v}
            </text>
          </g>
        ))}
        {calls.length > 1 && <polyline class="chart-line" points={points} />}
        {calls.map((c, i) => (
          <circle key={c.callId} class="chart-point" cx={x(i)} cy={y(c.score)} r={3.5}>
            <title>{`${dateOf(c.startedAt)} ${c.scenario.title}: ${formatScore(c.score)}`}</title>
          </circle>
        ))}
        {calls.length > 0 && (
          <>
            <text class="chart-axis" x={PAD.left} y={H - 4}>
              {dateOf(calls[0]!.startedAt)}
            </text>
            {calls.length > 1 && (
              <text class="chart-axis" x={W - PAD.right} y={H - 4} text-anchor="end">
                {dateOf(latest!.startedAt)}
              </text>
            )}
          </>
        )}
      </svg>
    </figure>
  );
}
