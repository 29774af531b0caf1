import { useEffect, useState } from 'preact/hooks';
import { formatClock } from '../../format.js';
import type { CallSummary } from '../../protocol.js';
import { useStores } from '../../state/context.js';
import { StatusBadge } from '../StatusBadge/StatusBadge.js';

function Elapsed({ call, now }: { call: CallSummary; now: number }) {
  return <span class="mono">{formatClock(now - Date.parse(call.answeredAt ?? call.startedAt))}</span>;
}

/** Supervisors' and instructors' view of every live position on the floor. */
export function FloorPage() {
  const { floor, connection } = useStores();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => floor.watch(), []);
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);

  const calls = floor.calls.value;
  return (
    <section class="page">
      <div class="page-head">
        <h1>Floor</h1>
        <span class={`live-pill ${connection.connected.value ? 'up' : 'down'}`} role="status">
          {connection.connected.value ? 'Live' : 'Offline: reconnecting'}
        </span>
      </div>
      {floor.error.value && (
        <p class="error" role="alert">
          {floor.error.value}
        </p>
      )}
      <div class="table-wrap">
        <table class="data" data-testid="floor-board">
          <caption class="visually-hidden">Ringing and active calls</caption>
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Trainee</th>
              <th scope="col">Scenario</th>
              <th scope="col">Nature</th>
              <th scope="col">Time</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {calls.length === 0 && (
              <tr>
                <td colSpan={6} class="empty">
                  {floor.loading.value ? 'Loading…' : 'No live calls.'}
                </td>
              </tr>
            )}
            {calls.map((c) => (
              <tr key={c.id} data-testid="call-row" data-call-id={c.id}>
                <td>
                  <StatusBadge status={c.status} />
                </td>
                <td>{c.trainee.name}</td>
                <td>{c.scenario.title}</td>
                <td>{c.scenario.nature}</td>
                <td>
                  <Elapsed call={c} now={now} />
                </td>
                <td>
                  <a href={`/calls/${c.id}`}>Open</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
