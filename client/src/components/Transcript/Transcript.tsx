import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { formatClock } from '../../format.js';
import { SPEAKER_LABEL } from '../../words.js';
import type { TranscriptSegmentView } from '../../protocol.js';

type Props = { segments: TranscriptSegmentView[]; finalOnly?: boolean; emptyText?: string; children?: ComponentChildren };

/**
 * Live transcript: partial text (the caller's and, while they talk, the trainee's) is shown as
 * it is heard, then replaced by the final with the same id. `children` go under the lines.
 */
export function Transcript({ segments, finalOnly = false, emptyText = 'Nothing said yet.', children }: Props) {
  const list = useRef<HTMLOListElement>(null);
  const shown = finalOnly ? segments.filter((s) => s.isFinal) : segments;
  // Screen readers hear each line once, when it is final: partial text changes too often to read out.
  const latest = segments.filter((s) => s.isFinal).reduce<TranscriptSegmentView | null>((a, s) => (a && a.endMs > s.endMs ? a : s), null);

  // Follow the conversation unless the reader has scrolled up to look at something. Any line
  // may grow (a partial sorted above a newer line), so every change is a reason to look.
  useEffect(() => {
    const el = list.current;
    if (el && el.scrollHeight - el.scrollTop - el.clientHeight < 80) el.scrollTop = el.scrollHeight;
  }, [segments]);

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
      <p class="visually-hidden" aria-live="polite" data-testid="transcript-announcer">
        {latest && `${SPEAKER_LABEL[latest.speaker] ?? latest.speaker}: ${latest.text}`}
      </p>
      {children}
    </section>
  );
}
