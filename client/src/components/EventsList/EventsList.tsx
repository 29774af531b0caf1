import { formatClock, formatTime } from '../../format.js';
import { eventDetail, eventLabel } from '../../words.js';
import type { CallEventView } from '../../protocol.js';

/** Call events in order; times are relative to the start of the call when it is known. */
export function EventsList({ events, startedAt }: { events: CallEventView[]; startedAt?: string }) {
  const t0 = startedAt ? Date.parse(startedAt) : NaN;
  const when = (at: string) => (Number.isNaN(t0) ? formatTime(at) : `+${formatClock(Date.parse(at) - t0)}`);
  const sorted = [...events].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <section class="panel events-panel" aria-labelledby="events-title">
      <h2 id="events-title">Events</h2>
      <ol class="events" data-testid="events">
        {sorted.length === 0 && <li class="empty">No events yet.</li>}
        {sorted.map((e) => (
          <li key={e.id} data-testid="event-line" data-event-type={e.type}>
            <time dateTime={e.at} title={formatTime(e.at)}>
              {when(e.at)}
            </time>
            <span class="event-type">{eventLabel(e.type)}</span>
            {eventDetail(e) && <span class="event-detail">{eventDetail(e)}</span>}
            {e.actor && <span class="event-actor">{e.actor.name}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
