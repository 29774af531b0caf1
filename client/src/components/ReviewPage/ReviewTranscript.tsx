import { useEffect, useRef } from 'preact/hooks';
import { formatClock } from '../../format.js';
import { SPEAKER_LABEL } from '../../words.js';
import { entityDisplay, entityLabel } from '../../intelligence.js';
import type { EntityView, TranscriptSegmentView } from '../../protocol.js';
import { highlight } from './highlight.js';

type Props = {
  segments: TranscriptSegmentView[];
  entities: EntityView[];
  positionMs: number;
  playing: boolean;
  onSeek: (ms: number) => void;
};

/** A short line still counts as being played for this long, so it is seen to light up. */
const MIN_LINE_MS = 600;

const isPlayed = (s: TranscriptSegmentView, ms: number) => s.startMs <= ms && ms < Math.max(s.endMs, s.startMs + MIN_LINE_MS);

function LineText({ text, entities }: { text: string; entities: EntityView[] }) {
  return (
    <>
      {highlight(text, entities).map((part, i) =>
        part.entity ? (
          <mark
            key={i}
            class={`entity entity-${part.entity.type}`}
            data-testid="entity-highlight"
            data-type={part.entity.type}
            title={`${entityLabel(part.entity.type)}: ${entityDisplay(part.entity.type, part.entity.normalized)}`}
          >
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
    </>
  );
}

/** The final transcript, entities marked; a line plays the recording from where it was said. */
export function ReviewTranscript({ segments, entities, positionMs, playing, onSeek }: Props) {
  const list = useRef<HTMLOListElement>(null);
  const lines = segments.filter((s) => s.isFinal);
  const bySegment = new Map<string, EntityView[]>();
  for (const e of entities) if (e.segmentId) bySegment.set(e.segmentId, [...(bySegment.get(e.segmentId) ?? []), e]);
  const current = lines.filter((s) => isPlayed(s, positionMs)).at(-1)?.id;

  // Keep the line being played in view, inside the list only: the page does not jump.
  useEffect(() => {
    const box = list.current;
    const el = current && playing ? box?.querySelector<HTMLElement>(`[data-segment-id="${CSS.escape(current)}"]`) : null;
    if (!box || !el) return;
    const top = el.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
    if (top < box.scrollTop || top + el.offsetHeight > box.scrollTop + box.clientHeight) box.scrollTop = top - box.clientHeight / 3;
  }, [current, playing]);

  return (
    <section class="panel transcript-panel" aria-labelledby="review-transcript-title">
      <h2 id="review-transcript-title">Transcript</h2>
      <p class="muted panel-hint">Choose a line to play the recording from there.</p>
      <ol class="transcript review-transcript" data-testid="transcript" ref={list}>
        {lines.length === 0 && <li class="empty">No transcript for this call.</li>}
        {lines.map((s) => {
          const played = isPlayed(s, positionMs);
          return (
            <li key={s.id} data-segment-id={s.id}>
              <button
                type="button"
                class={`line review-line speaker-${s.speaker}${played ? ' is-playing' : ''}`}
                data-testid="review-line"
                data-start-ms={s.startMs}
                data-speaker={s.speaker}
                data-playing={String(played)}
                aria-current={played ? 'true' : undefined}
                onClick={() => onSeek(s.startMs)}
              >
                <span class="line-time">{formatClock(s.startMs)}</span>
                <span class="line-speaker">{SPEAKER_LABEL[s.speaker] ?? s.speaker}</span>
                <span class="line-text">
                  <LineText text={s.text} entities={bySegment.get(s.id) ?? []} />
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
