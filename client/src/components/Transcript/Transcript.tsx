import { useEffect, useRef } from 'preact/hooks';
import { formatClock, SPEAKER_LABEL } from '../../format.js';
import type { TranscriptSegmentView } from '../../protocol.js';

/** Live transcript: partial text is shown as it is heard, then replaced by the final. */
export function Transcript({ segments, finalOnly = false, emptyText = 'Nothing said yet.' }: { segments: TranscriptSegmentView[]; finalOnly?: boolean; emptyText?: string }) {
  const list = useRef<HTMLOListElement>(null);
  const shown = finalOnly ? segments.filter((s) => s.isFinal) : segments;
  const last = shown[shown.length - 1];

  // Follow the conversation unless the reader has scrolled up to look at something.
  useEffect(() => {
    const el = list.current;
    if (el && el.scrollHeight - el.scrollTop - el.clientHeight < 80) el.scrollTop = el.scrollHeight;
  }, [shown.length, last?.text]);

  return (
    <section class="panel transcript-panel" aria-labelledby="transcript-title">
      <h2 id="transcript-title">Transcript</h2>
      <ol class="transcript" data-testid="transcript" ref={list}>
        {shown.length === 0 && <li class="empty">{emptyText}</li>}
        {shown.map((s) => (
          <li
            key={s.id}
            class={`line speaker-${s.speaker}${s.isFinal ? '' : ' partial'}`}
            data-testid="transcript-line"
            data-speaker={s.speaker}
            data-final={String(s.isFinal)}
          >
            <span class="line-time">{formatClock(s.startMs)}</span>
            <span class="line-speaker">{SPEAKER_LABEL[s.speaker] ?? s.speaker}</span>
            <span class="line-text">
              {s.text}
              {!s.isFinal && <span class="visually-hidden"> (still speaking)</span>}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
