import { CallBridge } from '../../../media/bridge.js';
import type { CallerPipeline } from '../../../media/caller/pipeline.js';
import type { CallMode } from '../protocol/api.js';
import type { ScenarioInput } from '../protocol/scenario.js';
import { CallRoom } from '../sfu/room.js';
import type { CallJournal } from './call-journal.js';
import { LiveIntelligence } from './intelligence.js';
import { LiveCall } from './live-call.js';
import type { LiveCallsOptions } from './live-calls.js';
import { wireCall } from './wire.js';

// A call's media comes to life on this process: a router on the least-loaded worker, the
// caller bridge (and its recording), the SFU room, the caller's voice and mind, the call's
// intelligence, all wired together. What was made is closed again if any part fails.

export type CallContext = {
  callId: string;
  traineeId: string;
  status: 'ringing' | 'active';
  startedAt: Date;
  seed: number;
  mode: CallMode;
  /** The lease token the call was taken under. */
  token: number;
};

type OpenDeps = Pick<LiveCallsOptions, 'db' | 'workers' | 'codecs' | 'createCaller' | 'createTranscriber' | 'listenIps' | 'notifier' | 'logger' | 'onFallback'> & { journal: CallJournal };

export async function openLiveCall(context: CallContext, scenario: ScenarioInput, recordingPath: string, deps: OpenDeps, onWorkerClosed: () => void): Promise<LiveCall> {
  const { callId } = context;
  const router = await deps.workers.createRouter();
  let room: CallRoom | undefined;
  let pipeline: CallerPipeline | undefined;
  try {
    const bridge = await CallBridge.create({ callId, codecs: deps.codecs, recordingPath });
    const mediaStartedAt = await deps.db.calls.markMediaStarted(callId, new Date(Date.now() - bridge.elapsedMs));
    room = await CallRoom.create({ callId, router, bridge, listenIps: deps.listenIps });
    const voice = await room.addVoice('caller');
    pipeline = await deps.createCaller(scenario, context.seed, { player: voice, now: () => bridge.elapsedMs });
    const intelligence = new LiveIntelligence(callId, scenario, context.mode, mediaStartedAt, deps);
    const call = new LiveCall(callId, context.traineeId, context.startedAt, recordingPath, room, { pipeline, voice }, context.status, intelligence, context.token);
    wireCall(call, { ...deps, transcriber: () => deps.createTranscriber(scenario) });
    room.on('newConsumer', (peerId, consumer) => deps.notifier.toPeer(peerId, 'rtc:newConsumer', { callId, consumer }));
    room.on('consumerClosed', (peerId, consumerId) => deps.notifier.toPeer(peerId, 'rtc:consumerClosed', { callId, consumerId }));
    room.on('workerClosed', onWorkerClosed);
    // A call answered before this process carried it (a restart) starts its caller at once.
    if (context.status === 'active') pipeline.answer();
    deps.notifier.callState(call.state); // the floor board sees the call's phone from now on
    return call;
  } catch (error) {
    pipeline?.close();
    room?.close();
    router.close();
    throw error;
  }
}
