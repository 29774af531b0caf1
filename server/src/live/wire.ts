import type { Fallback } from '../../../media/caller/stages.js';
import type { Logger } from '../logger.js';
import { pacerLateness } from '../observability/metrics.js';
import { timeTurns } from '../observability/turns.js';
import type { CallJournal } from './call-journal.js';
import type { LiveCall, SimulatedParty } from './live-call.js';
import type { LiveNotifier } from './live-calls.js';
import { wireTranscripts, type TranscriptDeps } from './transcripts.js';

// What the call keeps of its simulated parties: the line carries the trainee to them; they
// speak through their own voices, and what they report as really played is stored as the
// transcript (the people's lines: transcripts.ts); the caller's mood, level and fallbacks
// reach the softphone and the floor.

export type WireDeps = {
  journal: CallJournal;
  notifier: LiveNotifier;
  logger: Logger;
  /** Each provider fallback of a simulated party, for metrics. */
  onFallback?: ((stage: Fallback['stage'], reason: string) => void) | undefined;
};

const LEVEL_INTERVAL_MS = 100;

export function wireCall(call: LiveCall, deps: TranscriptDeps): void {
  const { room } = call;
  const log = deps.logger.child({ callId: call.callId });
  // What the line carries: the trainee, and a barging instructor mixed in.
  room.bridge.on('lineFrame', (frame, atMs) => {
    for (const party of call.parties()) party.pipeline.hear(frame, atMs);
  });
  room.bridge.on('error', (error) => log.warn({ err: error }, 'caller bridge error'));
  wireParty(call, call.caller, 'caller', deps);
  wireTranscripts(call, deps);

  const { voice, pipeline } = call.caller;
  voice.on('speaking', () => setSpeaking(call, true, deps));
  voice.on('silent', () => setSpeaking(call, false, deps));
  timeTurns(pipeline, voice.pacer);
  let lastLevelAt = 0;
  voice.pacer.on('sent', (frame, slotTime) => {
    pacerLateness.observe((performance.now() - slotTime) / 1000);
    if (slotTime - lastLevelAt < LEVEL_INTERVAL_MS) return;
    lastLevelAt = slotTime;
    deps.notifier.level(call.callId, levelOf(frame));
  });
  pipeline.on('mood', (mood) => {
    if (!call.live) return;
    call.state.caller = { ...call.state.caller, emotion: mood.emotion, activity: mood.activity };
    deps.notifier.callState(call.state);
    call.track(call.intelligence.emotion(mood.emotion));
  });
  pipeline.on('fallback', (fallback) => recordFallback(call, fallback, deps));
}

/** Stores the part of what a simulated party said that was really played. */
export function wireParty(call: LiveCall, party: SimulatedParty, speaker: 'caller' | 'agency', deps: WireDeps): void {
  party.pipeline.on('error', (error) => deps.logger.warn({ err: error, callId: call.callId }, `${speaker} failed`));
  party.pipeline.on('said', (line) => {
    // Queued sentences start when the one before ends: time them from when they stopped.
    const endMs = Math.round(call.room.bridge.elapsedMs);
    call.track(
      deps.journal
        .segment(call.callId, { speaker, text: line.text, startMs: endMs - Math.round(line.playedMs), endMs, confidence: null, isFinal: true })
        .then(async (segment) => {
          deps.notifier.transcript(call.callId, segment);
          await call.intelligence.segment(segment);
        })
        .catch((error: unknown) => deps.logger.warn({ err: error, callId: call.callId }, 'transcript line not stored')),
    );
  });
}

/** A fallback is a fact: logged with its reason, counted, stored as a call event and shown to the floor (not to the trainee). */
function recordFallback(call: LiveCall, fallback: Fallback, deps: WireDeps): void {
  deps.logger.warn({ callId: call.callId, stage: fallback.stage, reason: fallback.reason }, 'the AI caller fell back');
  deps.onFallback?.(fallback.stage, fallback.reason);
  call.track(
    deps.journal
      .event(call.callId, 'fallback', null, { stage: fallback.stage, reason: fallback.reason })
      .then((event) => deps.notifier.supervisionEvent(call.callId, call.traineeId, event, false))
      .catch((error: unknown) => deps.logger.warn({ err: error, callId: call.callId }, 'fallback event not stored')),
  );
}

function setSpeaking(call: LiveCall, speaking: boolean, deps: WireDeps): void {
  if (call.state.caller.speaking === speaking || !call.live) return;
  call.state.caller = { ...call.state.caller, speaking };
  deps.notifier.callState(call.state);
}

/** RMS of a frame on a 0..1 scale. */
function levelOf(frame: Int16Array): number {
  let sum = 0;
  for (const s of frame) sum += s * s;
  return Math.min(1, Math.sqrt(sum / Math.max(1, frame.length)) / 32768);
}
