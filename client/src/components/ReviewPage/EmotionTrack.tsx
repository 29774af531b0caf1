import { formatClock } from '../../format.js';
import { eventMs } from '../../intelligence.js';
import type { CallEventView } from '../../protocol.js';
import { percentOf } from './Timeline.js';

type Span = { emotion: string; from: number; to: number };

/** The caller's emotion from each change to the next (the last one to the end of the call). */
export function emotionSpans(events: CallEventView[], origin: number, durationMs: number): Span[] {
  const marks = events
    .flatMap((e) => {
      const emotion = (e.data as { emotion?: unknown } | null)?.emotion;
      return e.type === 'emotion' && typeof emotion === 'string' ? [{ emotion, at: eventMs(origin, e.at) }] : [];
    })
    .sort((a, b) => a.at - b.at);
  return marks.map((m, i) => ({ emotion: m.emotion, from: m.at, to: Math.max(m.at, marks[i + 1]?.at ?? durationMs) }));
}

const words = (emotion: string) => emotion.replace(/_/g, ' ');

type Props = { spans: Span[]; durationMs: number; positionMs: number; onSeek: (ms: number) => void };

/** A band across the call, coloured by how the caller was; a band plays from where it starts. */
export function EmotionTrack({ spans, durationMs, positionMs, onSeek }: Props) {
  const at = (ms: number) => percentOf(ms, durationMs);
  return (
    <div class="emotion-section">
      <h3 id="emotion-title">Caller's emotion</h3>
      <div class="emotion-track" data-testid="emotion-track">
        {spans.length === 0 ? (
          <p class="muted emotion-empty">No emotion recorded for this call.</p>
        ) : (
          <ol class="emotion-band" aria-labelledby="emotion-title">
            {spans.map((s) => (
              <li key={s.from} style={{ left: at(s.from), width: `calc(${at(s.to)} - ${at(s.from)})` }}>
                <button
                  type="button"
                  class={`emotion-span emotion-${s.emotion}`}
                  data-testid="emotion-span"
                  data-emotion={s.emotion}
                  data-start-ms={s.from}
                  title={`${words(s.emotion)}, ${formatClock(s.from)} to ${formatClock(s.to)}`}
                  aria-label={`${words(s.emotion)} from ${formatClock(s.from)} to ${formatClock(s.to)}`}
                  onClick={() => onSeek(s.from)}
                >
                  {words(s.emotion)}
                </button>
              </li>
            ))}
          </ol>
        )}
        {spans.length > 0 && <span class="playhead" aria-hidden="true" style={{ left: at(positionMs) }} />}
      </div>
    </div>
  );
}
