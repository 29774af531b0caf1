import type { Logger } from '../logger.js';
import { pacerLateness } from '../observability/metrics.js';
import { timeTurns } from '../observability/turns.js';
import type { CallJournal } from './call-journal.js';
import type { LiveCall, SimulatedParty } from './live-call.js';
import { playedText } from './live-call.js';
import type { LiveNotifier } from './live-calls.js';
import { wireTranscripts, type TranscriptDeps } from './transcripts.js';

// How a live call's parts talk to each other and to the outside: what the trainee says goes
// to the simulated parties; what they say is played, and the part really heard is stored
// as the transcript (the people's lines: transcripts.ts); the caller's mood and level reach
// the softphone.

export type WireDeps = { journal: CallJournal; notifier: LiveNotifier; logger: Logger };

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

  const pacer = call.caller.voice.pacer;
  pacer.on('speaking', () => setSpeaking(call, true, deps));
  pacer.on('silent', () => setSpeaking(call, false, deps));
  timeTurns(call.caller.pipeline, pacer);
  let lastLevelAt = 0;
  pacer.on('sent', (frame, slotTime) => {
    pacerLateness.observe((performance.now() - slotTime) / 1000);
    if (slotTime - lastLevelAt < LEVEL_INTERVAL_MS) return;
    lastLevelAt = slotTime;
    deps.notifier.level(call.callId, levelOf(frame));
  });
  call.caller.pipeline.on('mood', (mood) => {
    if (!call.live) return;
    call.state.caller = { ...call.state.caller, emotion: mood.emotion, activity: mood.activity };
    deps.notifier.callState(call.state);
    call.track(call.intelligence.emotion(mood.emotion));
  });
}

/** Plays what a simulated party says and stores the part that was really heard. */
export function wireParty(call: LiveCall, party: SimulatedParty, speaker: 'caller' | 'agency', deps: WireDeps): void {
  const { pipeline, voice } = party;
  pipeline.on('error', (error) => deps.logger.warn({ err: error, callId: call.callId }, `${speaker} failed`));
  pipeline.on('interrupt', () => voice.silence());
  pipeline.on('pause', () => voice.pacer.pause());
  pipeline.on('resume', () => voice.pacer.resume());
  const store = async (text: string, startMs: number, endMs: number) => {
    const segment = await deps.journal.segment(call.callId, { speaker, text, startMs, endMs, confidence: null, isFinal: true });
    deps.notifier.transcript(call.callId, segment);
    await call.intelligence.segment(segment);
  };
  const notStored = (error: unknown) => deps.logger.warn({ err: error, callId: call.callId }, 'transcript line not stored');
  pipeline.on('say', (utterance) => {
    if (!call.live || call.state.onHold) return;
    call.track(
      voice.say(utterance.pcm, utterance.id).then(async (played) => {
        pipeline.played?.(utterance.id, played.playedMs);
        const text = playedText(utterance, played.playedMs, played.totalMs);
        if (!text) return;
        // Queued sentences start when the one before ends: time them from when they stopped.
        const endMs = Math.round(call.room.bridge.elapsedMs);
        await store(text, endMs - Math.round(played.playedMs), endMs);
      }).catch(notStored),
    );
  });
  pipeline.on('said', (line) => call.track(store(line.text, Math.round(line.startMs), Math.round(line.endMs)).catch(notStored)));
}

function setSpeaking(call: LiveCall, speaking: boolean, deps: WireDeps): void {
  call.caller.pipeline.setSpeaking?.(speaking);
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
