import type { TruthRowView } from '../../protocol.js';

const MARK: Record<TruthRowView['match'], { sign: string; text: string }> = {
  yes: { sign: '✓', text: 'Match' },
  no: { sign: '✗', text: 'Different' },
  missing: { sign: '✗', text: 'Not captured' },
  none: { sign: '–', text: 'Nothing to capture' },
};

/** What really happened beside what the call-taker got, once the call is over (compared by the server). */
export function TruthTable({ rows }: { rows: TruthRowView[] }) {
  return (
    <section class="panel truth-panel" aria-labelledby="truth-title">
      <h2 id="truth-title">Ground truth and what was captured</h2>
      <div class="table-wrap">
        <table class="data" data-testid="truth-table">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Truth</th>
              <th scope="col">Captured</th>
              <th scope="col">Match</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.field} data-testid="truth-row" data-field={r.field} data-match={r.match}>
                <th scope="row">{r.label}</th>
                <td>{r.truth || <span class="muted">none</span>}</td>
                <td>{r.captured || <span class="muted">—</span>}</td>
                <td>
                  <span class={`match match-${r.match}`}>
                    <span aria-hidden="true">{MARK[r.match].sign}</span> {MARK[r.match].text}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
