import type { Transcriber, TranscribedLine } from '../../../media/asr/transcriber.js';
import type { TranscriptSegmentView } from '../protocol/api.js';
import type { LiveCall } from './live-call.js';
import type { WireDeps } from './wire.js';

// Who said what. The trainee's lines are what the AI caller recognised of its line, as long as
// that line carries the trainee alone. Once an instructor barges in, the caller hears a mix and
// may answer the instructor, but its recognition could be either voice: from then on the
// trainee is transcribed on their own stream. An instructor (coaching or barging) is always
// transcribed on their own stream, as `instructor`. A transfer's agency is stored as it is
// played (wire.ts). The call's intelligence then reads each line knowing its speaker.

export type TranscriptDeps = WireDeps & {
  /** A transcriber for one more stream of this call (its vocabulary already chosen). */
  transcriber: () => Transcriber;
};

/** Audio of the trainee kept before the first barge: a line under way then is not cut. */
const TRAINEE_PREROLL_FRAMES = 100;

export function wireTranscripts(call: LiveCall, deps: TranscriptDeps): void {
  const { bridge } = call.room;
  /** Line time from which the caller's recognition no longer speaks for the trainee alone. */
  let mixedFromMs: number | null = null;
  let trainee: Transcriber | undefined;
  let instructor: Transcriber | undefined;
  const recent: { frame: Int16Array; atMs: number }[] = [];

  call.caller.pipeline.on('heard', (speech) => {
    // A typed line is the trainee's whoever is on the line; a recognised one only before a barge.
    if (!speech.typed && mixedFromMs !== null && speech.endMs > mixedFromMs) return;
    const segment = { speaker: 'trainee' as const, text: speech.text, startMs: Math.round(speech.startMs), endMs: Math.round(speech.endMs), confidence: speech.confidence, isFinal: speech.isFinal };
    if (!speech.isFinal) return deps.notifier.transcript(call.callId, { id: speech.id, ...segment });
    store(call, deps, { id: speech.id, ...segment });
  });

  const open = (speaker: 'trainee' | 'instructor', keep: (line: TranscribedLine) => boolean): Transcriber => {
    const transcriber = deps.transcriber();
    call.transcribers.add(transcriber);
    transcriber.on('error', (error) => deps.logger.warn({ err: error, callId: call.callId }, `${speaker} not transcribed`));
    transcriber.on('line', (line) => {
      if (!keep(line)) return;
      store(call, deps, { speaker, text: line.text, startMs: Math.round(line.startMs), endMs: Math.round(line.endMs), confidence: line.confidence, isFinal: true });
    });
    return transcriber;
  };

  bridge.on('traineeFrame', (frame, atMs) => {
    // Muted or on hold the caller hears nothing of the trainee, and nothing is transcribed.
    if (trainee) return call.state.onHold || call.state.muted ? undefined : trainee.hear(frame, atMs);
    recent.push({ frame, atMs });
    if (recent.length > TRAINEE_PREROLL_FRAMES) recent.shift();
  });
  bridge.on('instructorOnLine', (onLine, atMs) => {
    if (!onLine || trainee) return;
    mixedFromMs = atMs;
    // The lines that end after the caller's recognition stopped counting are this stream's.
    trainee = open('trainee', (line) => line.endMs > atMs);
    for (const r of recent.splice(0)) trainee.hear(r.frame, r.atMs);
  });
  bridge.on('instructorFrame', (frame, atMs) => {
    instructor ??= open('instructor', () => true);
    instructor.hear(frame, atMs);
  });
}

/** Journals a final line (synchronously, so a typed line's ack can wait for it), then shows it and reads it. */
function store(call: LiveCall, deps: WireDeps, segment: Omit<TranscriptSegmentView, 'id'> & { id?: string }): void {
  call.track(
    deps.journal
      .segment(call.callId, segment)
      .then((stored) => {
        deps.notifier.transcript(call.callId, stored);
        return call.intelligence.segment(stored);
      })
      .catch((error: unknown) => deps.logger.warn({ err: error, callId: call.callId }, 'transcript line not stored')),
  );
}
