import { useEffect, useRef } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { formatClock, formatDateTime, formatScore } from '../../format.js';
import { outcomeText } from '../../words.js';
import { eventMs, mediaOrigin } from '../../intelligence.js';
import type { CallDetail, CallReview } from '../../protocol.js';
import { usePlayerStore, useReviewStore, useStores } from '../../state/context.js';
import { isOver } from '../../state/call.js';
import type { PlayerStore } from '../../state/player.js';
import { Captured } from '../Captured/Captured.js';
import { Checklist } from '../Checklist/Checklist.js';
import { StatusBadge } from '../StatusBadge/StatusBadge.js';
import { EmotionTrack, emotionSpans } from './EmotionTrack.js';
import { ReviewTranscript } from './ReviewTranscript.js';
import { ScoreCard } from './ScoreCard.js';
import { Timeline, timedEvents } from './Timeline.js';
import { TruthTable } from './TruthTable.js';
import { PageLoading } from '../PageLoading/PageLoading.js';
import { usePageTitle } from '../../title.js';

/** How long the call ran on the recording's clock: the recording, or the last thing that happened. */
function durationOf(call: CallDetail, origin: number): number {
  const ends = [
    call.recordings[0]?.durationMs ?? 0,
    ...call.transcript.map((s) => s.endMs),
    ...call.events.map((e) => eventMs(origin, e.at)),
    call.endedAt ? eventMs(origin, call.endedAt) : 0,
  ];
  return Math.max(1, ...ends);
}

function Summary({ call }: { call: CallDetail }) {
  const recording = call.recordings[0];
  return (
    <dl class="kv summary">
      <dt>Trainee</dt>
      <dd>
        <a href={`/trainees/${call.trainee.id}/history`}>{call.trainee.name}</a>
      </dd>
      <dt>Started</dt>
      <dd>{formatDateTime(call.startedAt)}</dd>
      <dt>Mode</dt>
      <dd>{call.mode === 'exam' ? 'Exam' : 'Practice'}</dd>
      <dt>Scenario version</dt>
      <dd>{call.scenario.version}</dd>
      <dt>Outcome</dt>
      <dd>{outcomeText(call.outcome)}</dd>
      <dt>Score</dt>
      <dd>{formatScore(call.score)}</dd>
      <dt>On hold</dt>
      <dd>{formatClock(call.holdMs)}</dd>
      {recording?.url && (
        <>
          <dt>Recording</dt>
          <dd>
            <a href={recording.url} data-testid="recording-link" target="_blank" rel="noopener">
              Download ({formatClock(recording.durationMs)})
            </a>
          </dd>
        </>
      )}
    </dl>
  );
}

/** What the trainee was told before the call, and what really happened once it is over. */
function ScenarioBrief({ scenario }: { scenario: CallReview['scenario'] }) {
  return (
    <section class="panel scenario-brief" aria-labelledby="scenario-brief-title" data-testid="review-scenario">
      <h2 id="scenario-brief-title">The scenario</h2>
      <p>{scenario.brief}</p>
      {scenario.summary && (
        <>
          <h3>What really happened</h3>
          <p data-testid="review-scenario-summary">{scenario.summary}</p>
        </>
      )}
    </section>
  );
}

/** The recording with the call's events and the caller's emotion laid along it. */
function Playback({ call, player }: { call: CallDetail; player: PlayerStore }) {
  const audio = useRef<HTMLAudioElement>(null);
  const url = call.recordings[0]?.url;
  useEffect(() => (audio.current ? player.attach(audio.current) : undefined), [player, url]);
  const origin = mediaOrigin(call);
  const durationMs = durationOf(call, origin);
  const position = player.positionMs.value;
  return (
    <section class="panel playback-panel" aria-labelledby="playback-title">
      <h2 id="playback-title">Recording</h2>
      {url ? (
        <audio ref={audio} controls preload="metadata" src={url} class="recording-player" data-testid="recording-player" aria-label="Call recording" />
      ) : (
        <p class="muted">No recording for this call{call.status === 'active' || call.status === 'ringing' ? ' yet' : ''}.</p>
      )}
      <Timeline events={timedEvents(call.events, origin)} durationMs={durationMs} positionMs={position} onSeek={player.seek} />
      <EmotionTrack spans={emotionSpans(call.events, origin, durationMs)} durationMs={durationMs} positionMs={position} onSeek={player.seek} />
    </section>
  );
}

function Review({ review, player }: { review: CallReview; player: PlayerStore }) {
  const { session } = useStores();
  const { call } = review;
  // An exam is marked when it is over: until then its trainee does not see the checklist here either.
  const aids = session.role.value !== 'trainee' || call.mode !== 'exam' || isOver(call);
  return (
    <section class="page review-page">
      <div class="page-head">
        <h1>Review: {call.scenario.title}</h1>
        <StatusBadge status={call.status} />
      </div>
      <Summary call={call} />
      <ScenarioBrief scenario={review.scenario} />
      <Playback call={call} player={player} />
      <div class="review-grid">
        <ReviewTranscript segments={call.transcript} entities={call.entities} positionMs={player.positionMs.value} playing={player.playing.value} onSeek={player.seek} />
        <div class="review-side">
          {aids && review.checklist.length > 0 && <Checklist items={review.checklist} live={review.liveChecklist} withEvidence onSeek={player.seek} />}
          {aids && !review.truth && <Captured items={review.captured} />}
          {!aids && <p class="panel muted">The checklist is shown once the exam call is over.</p>}
        </div>
      </div>
      <div class={`review-grid${review.truth ? ' even' : ''}`}>
        <ScoreCard score={review.score} onSeek={player.seek} />
        {review.truth && <TruthTable rows={review.truth} />}
      </div>
    </section>
  );
}

export function ReviewPage() {
  const { params } = useRoute();
  const store = useReviewStore(params.id ?? '');
  const player = usePlayerStore();
  const review = store.review.value;
  usePageTitle(review ? `Review: ${review.call.scenario.title}` : 'Review');
  if (!review) {
    return <PageLoading error={store.error.value} what="review" />;
  }
  return <Review review={review} player={player} />;
}
