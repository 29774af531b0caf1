import { useEffect, useState } from 'preact/hooks';
import { formatClock } from '../../format.js';
import { natureText } from '../../words.js';
import type { CallSummary, FloorLive } from '../../protocol.js';
import { useStores } from '../../state/context.js';
import { LINE_STATE_LABEL, lineStateOf } from '../../state/floor.js';
import { FloorCallPanel } from './FloorCallPanel.js';
import { usePageTitle } from '../../title.js';

function Elapsed({ call, now }: { call: CallSummary; now: number }) {
  return <span class="mono">{formatClock(now - Date.parse(call.answeredAt ?? call.startedAt))}</span>;
}

const MODE_LABEL = { monitor: 'monitoring', coach: 'coaching', barge: 'barged in' } as const;

type RowProps = { call: CallSummary; live: FloorLive | undefined; now: number; selected: boolean; onSelect: () => void };

function FloorRow({ call, live, now, selected, onSelect }: RowProps) {
  const state = lineStateOf(call, live);
  const emotion = live?.state?.caller.emotion ?? null;
  // What the caller is doing (listening, thinking, speaking): a stalled hosted caller shows as thinking.
  const activity = live?.state?.caller.activity ?? null;
  const checklist = live?.checklist ?? null;
  const supervisors = live?.supervisors ?? [];
  return (
    <tr data-testid="call-row" data-call-id={call.id} class={selected ? 'is-selected' : undefined} aria-selected={selected} onClick={onSelect}>
      <td>
        <span class={`line-state line-state-${state}`} data-testid="call-state" data-state={state}>
          {LINE_STATE_LABEL[state]}
        </span>
      </td>
      <td>{call.trainee.name}</td>
      <td>
        {call.scenario.title}
        <span class="muted floor-nature"> {natureText(call.scenario.nature)}</span>
      </td>
      <td>
        <Elapsed call={call} now={now} />
      </td>
      <td data-testid="caller-emotion" data-emotion={emotion ?? ''}>
        {emotion ? <span class={`emotion emotion-${emotion}`}>{emotion.replace(/_/g, ' ')}</span> : <span class="muted">—</span>}
        {activity && (
          <span class="muted floor-activity" data-testid="caller-activity" data-activity={activity}>
            {' '}
            {activity.replace(/_/g, ' ')}
          </span>
        )}
      </td>
      <td data-testid="checklist-progress" data-done={checklist?.done ?? ''} data-total={checklist?.total ?? ''} class="num">
        {checklist ? `${checklist.done}/${checklist.total}` : <span class="muted">—</span>}
      </td>
      <td data-testid="supervisors" data-count={supervisors.length} data-modes={supervisors.map((s) => s.mode).join(' ')}>
        {supervisors.length === 0 ? (
          <span class="muted">—</span>
        ) : (
          supervisors.map((s) => (
            <span key={s.peerId} class={`chip supervisor-chip mode-${s.mode}`} data-testid="supervisor" data-mode={s.mode}>
              {s.name} ({MODE_LABEL[s.mode]})
            </span>
          ))
        )}
      </td>
      <td onClick={(e) => e.stopPropagation()}>
        <div class="row-actions">
          <button type="button" class="btn btn-small" data-testid="floor-select" aria-pressed={selected} onClick={onSelect}>
            {selected ? 'Hide' : 'Transcript'}
          </button>
          <a class="btn btn-small btn-primary" href={`/calls/${call.id}/supervise`} data-testid="supervise-link">
            Supervise
          </a>
          <a href={`/calls/${call.id}`}>Open</a>
        </div>
      </td>
    </tr>
  );
}

/** Supervisors' and instructors' view of every live position on the floor. */
export function FloorPage() {
  usePageTitle('Floor board');
  const { floor, connection } = useStores();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => floor.watch(), []);
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);

  const calls = floor.calls.value;
  const live = floor.live.value;
  const selected = floor.selectedCall.value;
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
      <div class={`floor-layout${selected ? ' with-call' : ''}`}>
        <div class="table-wrap">
          <table class="data floor-board" data-testid="floor-board">
            <caption class="visually-hidden">Ringing and active calls</caption>
            <thead>
              <tr>
                <th scope="col">State</th>
                <th scope="col">Trainee</th>
                <th scope="col">Scenario</th>
                <th scope="col">Time</th>
                <th scope="col">Caller</th>
                <th scope="col">Checklist</th>
                <th scope="col">Supervised by</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {calls.length === 0 && (
                <tr>
                  <td colSpan={8} class="empty">
                    {floor.loading.value ? 'Loading…' : 'No live calls.'}
                  </td>
                </tr>
              )}
              {calls.map((c) => (
                <FloorRow key={c.id} call={c} live={live.get(c.id)} now={now} selected={selected?.id === c.id} onSelect={() => floor.select(c.id)} />
              ))}
            </tbody>
          </table>
        </div>
        {selected && <FloorCallPanel key={selected.id} call={selected} onClose={() => floor.select(null)} />}
      </div>
    </section>
  );
}
