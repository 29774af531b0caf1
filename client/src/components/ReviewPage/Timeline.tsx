import { formatClock } from '../../format.js';
import { eventMs } from '../../intelligence.js';
import { eventDetail, eventLabel } from '../../words.js';
import type { CallEventView } from '../../protocol.js';

export type TimedEvent = { event: CallEventView; ms: number };

/** The call's events on the recording's clock, emotion changes aside (they have their own track). */
export function timedEvents(events: CallEventView[], origin: number): TimedEvent[] {
  return events
    .filter((e) => e.type !== 'emotion')
    .map((event) => ({ event, ms: eventMs(origin, event.at) }))
    .sort((a, b) => a.ms - b.ms);
}

/** Where a time sits across the call, as a CSS percentage. */
export const percentOf = (ms: number, durationMs: number) => `${durationMs > 0 ? Math.min(100, Math.max(0, (ms / durationMs) * 100)) : 0}%`;

/** Hold periods as bands: each hold up to its unhold (or the end). */
function holdBands(events: TimedEvent[], durationMs: number): { from: number; to: number }[] {
  const bands: { from: number; to: number }[] = [];
  let from: number | null = null;
  for (const { event, ms } of events) {
    if (event.type === 'hold' && from === null) from = ms;
    if (event.type === 'unhold' && from !== null) {
      bands.push({ from, to: ms });
      from = null;
    }
  }
  if (from !== null) bands.push({ from, to: durationMs });
  return bands;
}

type Props = { events: TimedEvent[]; durationMs: number; positionMs: number; onSeek: (ms: number) => void };

/**
 * Events across the call. The strip is a picture for the mouse; the list under it is the
 * same events for everyone, keyboard included.
 */
export function Timeline({ events, durationMs, positionMs, onSeek }: Props) {
  const at = (ms: number) => percentOf(ms, durationMs);
  return (
    <div class="timeline" data-testid="timeline">
      <h3 id="timeline-title">Events</h3>
      <div class="track" aria-hidden="true">
        {holdBands(events, durationMs).map((b, i) => (
          <span key={i} class="track-hold" style={{ left: at(b.from), width: `calc(${at(b.to)} - ${at(b.from)})` }} />
        ))}
        {events.map(({ event, ms }) => (
          <span key={event.id} class={`track-mark ev-${event.type}`} style={{ left: at(ms) }} title={`${formatClock(ms)} ${eventLabel(event.type)}`} onClick={() => onSeek(ms)} />
        ))}
        <span class="playhead" style={{ left: at(positionMs) }} />
      </div>
      <div class="track-scale" aria-hidden="true">
        <span>00:00</span>
        <span>{formatClock(durationMs)}</span>
      </div>
      {events.length === 0 ? (
        <p class="muted">No events.</p>
      ) : (
        <ol class="timeline-events" aria-labelledby="timeline-title">
          {events.map(({ event, ms }) => {
            const detail = eventDetail(event);
            return (
              <li key={event.id}>
                <button type="button" class={`chip ev-${event.type}`} data-testid="timeline-event" data-event-type={event.type} data-at-ms={ms} onClick={() => onSeek(ms)}>
                  <span class="seek-time">{formatClock(ms)}</span> {eventLabel(event.type)}
                  {detail && <span class="chip-detail"> ({detail})</span>}
                  {event.actor && <span class="chip-detail"> · {event.actor.name}</span>}
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
