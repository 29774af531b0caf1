import type { CodecPool } from '../../../media/codec-pool.js';
import { OpeningLineCaller } from '../../../media/caller/opening-line.js';
import type { Transcriber } from '../../../media/asr/transcriber.js';
import type { CallerPipeline } from '../../../media/caller/pipeline.js';
import type { FallbackStage, Player } from '../../../media/caller/stages.js';
import type { SpeechSynthesizer } from '../../../media/speech/synthesizer.js';
import type { Principal } from '../auth/sessions.js';
import { CallService, type CallNotifier } from '../calls/service.js';
import type { Database } from '../db/database.js';
import type { SharedState } from '../state/state.js';
import { AppError, BadRequestError, ConflictError, ForbiddenError, LimitExceededError, NotFoundError, UnavailableError } from '../errors.js';
import type { Logger } from '../logger.js';
import { callsEnded, callsLive, callsStarted } from '../observability/metrics.js';
import { MEDIA_FAILED_OUTCOME, type CallEventView, type CallMode, type CapturedFactView, type ChecklistItemView, type EntityView, type TranscriptSegmentView } from '../protocol/api.js';
import type { Agency, CallState, ConsumerOptions, SupervisionMode, SupervisionState } from '../protocol/media.js';
import { INSTRUCTOR_ROLES } from '../protocol/roles.js';
import { ScenarioInput } from '../protocol/scenario.js';
import type { SteerCommand } from '../protocol/steer.js';
import { MediaCapacityError, MediaLimitError } from '../sfu/limits.js';
import { scenarioForCall } from '../scenarios/draw.js';
import { RoomError, type CallRoom, type ListenIp } from '../sfu/room.js';
import type { WorkerPool } from '../sfu/workers.js';
import type { RecordingStorage } from '../storage/storage.js';
import { actorOf, CallJournal } from './call-journal.js';
import { announceEnd, closeLiveCall, dropLiveCall, endElsewhere, type CallEnd } from './ending.js';
import type { LiveCall } from './live-call.js';
import { LiveRecordings } from './recordings.js';
import { Steering } from './steering.js';
import { assertMaySupervise, Supervision, type SupervisionNotifier } from './supervision.js';
import { openLiveCall } from './open-call.js';
import { CallOwnership } from './ownership.js';
import { CallLeases, MovedError } from '../cluster/leases.js';
import { wireParty } from './wire.js';

// Calls in progress on this process. Every softphone request lands here after the socket
// layer validated it: who may touch the call, what the SFU and the voices do, what is
// stored (events, transcript, recording: through the call journal, so a database outage
// loses nothing and stops no control) and who is told.

export interface LiveNotifier extends CallNotifier, SupervisionNotifier {
  callState(state: CallState): void;
  callLost(callId: string, reason: string): void;
  transcript(callId: string, segment: TranscriptSegmentView): void;
  level(callId: string, caller: number): void;
  entities(callId: string, entities: EntityView[]): void;
  /** In exam mode the trainee does not see the checklist; the floor always does. */
  checklist(callId: string, items: ChecklistItemView[], mode: CallMode): void;
  /** What the call has captured, to whoever gets the checklist. */
  captured(callId: string, facts: CapturedFactView[], mode: CallMode): void;
  toPeer(peerId: string, event: 'rtc:newConsumer', payload: { callId: string; consumer: ConsumerOptions }): void;
  toPeer(peerId: string, event: 'rtc:consumerClosed', payload: { callId: string; consumerId: string }): void;
  toPeer(peerId: string, event: 'rtc:moved', payload: { callId: string }): void;
}

export type Peer = { id: string; principal: Principal };

export type LiveCallsOptions = {
  db: Database;
  /** Where this process says which calls it carries (Redis when several processes serve). */
  state: SharedState;
  storage: RecordingStorage;
  workers: WorkerPool;
  codecs: CodecPool;
  /** The simulated caller of a call, speaking through `player`; `now` is ms since the call's media started. */
  createCaller: (scenario: ScenarioInput, seed: number, line: { player: Player; now: () => number }) => Promise<CallerPipeline>;
  /** Told of each provider fallback of a simulated party (a metrics counter). */
  onFallback?: (stage: FallbackStage, reason: string) => void;
  /** Writes down one more person's own stream in a call on this scenario (an instructor; the trainee during a barge). */
  createTranscriber: (scenario: ScenarioInput) => Transcriber;
  /** Voices a transfer's receiving agency. */
  synthesizer: SpeechSynthesizer;
  notifier: LiveNotifier;
  listenIps: ListenIp[];
  dataDir: string;
  logger: Logger;
  /** How long a trainee whose browser vanished has to come back before the call is lost. */
  reconnectGraceMs: number;
  /** How long an answered call waits for the trainee's audio to connect before it ends as a technical failure. */
  mediaConnectTimeoutMs: number;
  /** The centre's policy: the trainee's softphone shows when someone monitors the call. */
  showMonitored?: boolean;
  /** A call opened or ended here (the cluster's load figure is published again). */
  onCallsChanged?: () => void;
};

const MEDIA_FAILED_REASON = "the trainee's browser could not connect the call's audio (a technical failure: not scored)";
/** How long starting a call, or shutting down, waits for this process's journal to reach the database. */
const SETTLE_MS = 3000;
const AGENCY_LINES: Record<Agency, string> = {
  fire: 'Riverton Fire dispatch, go ahead with your transfer.',
  ems: 'Riverton E M S, this is the medical dispatcher, go ahead.',
  police: 'Riverton Police dispatch, go ahead.',
  poison_control: 'Poison control center, this is the specialist on duty, how can I help?',
};

export class LiveCalls {
  readonly #o: LiveCallsOptions;
  readonly #calls = new Map<string, Promise<LiveCall>>();
  readonly #journal: CallJournal;
  readonly #ownership: CallOwnership;
  readonly #leases: CallLeases;
  readonly #recordings: LiveRecordings;
  readonly #supervision: Supervision;
  readonly #steering: Steering;

  constructor(options: LiveCallsOptions) {
    this.#o = options;
    this.#journal = new CallJournal({
      dataDir: options.dataDir,
      db: options.db,
      logger: options.logger,
      ended: (end) => announceEnd(end, options),
      stale: (callId, token) => this.#stale(callId, token),
    });
    this.#ownership = new CallOwnership({
      state: options.state,
      db: options.db,
      logger: options.logger,
      dataDir: options.dataDir,
      leases: () => this.#leases,
      carries: (callId) => this.#calls.has(callId),
      // Never one this process carries (nor is opening): ended in the database.
      lost: (callId, seen) => endElsewhere(callId, { status: 'failed', outcome: 'lost', reason: 'the server carrying the call went away', actorId: null }, seen, this.#elsewhere),
    });
    this.#leases = new CallLeases(options.state, this.#ownership.carrier, options.logger, (callId) => {
      void this.#endUnasked(callId, { status: 'failed', outcome: 'lost', reason: "the server carrying the call lost its lease on it", actorId: null });
    });
    this.#recordings = new LiveRecordings(options.dataDir, this.#ownership.carrier, options.storage, this.#journal, options.logger);
    this.#supervision = new Supervision({ journal: this.#journal, notifier: options.notifier, showMonitored: options.showMonitored ?? false });
    this.#steering = new Steering({
      journal: this.#journal,
      notifier: options.notifier,
      synthesizer: options.synthesizer,
      hangUp: (call, actorId) => this.finish(call.callId, { status: 'ended', outcome: 'caller_hung_up', reason: 'the caller hung up', actorId }),
    });
  }

  /** The live call, for tests and the layers above media (transcripts, supervision). */
  async get(callId: string): Promise<LiveCall | undefined> {
    return this.#calls.get(callId);
  }

  /** The call's trainee, or someone from the floor who is to supervise it (call:supervise next). */
  async join(peer: Peer, callId: string): Promise<{ routerRtpCapabilities: unknown; state: CallState }> {
    const call = await this.#open(peer.principal, callId);
    const trainee = peer.principal.userId === call.traineeId;
    if (trainee) {
      clearTimeout(call.graceTimer);
      call.graceTimer = undefined;
    }
    const routerRtpCapabilities = await this.#asAppError(async () => call.room.join(peer.id, trainee ? 'trainee' : 'supervisor'));
    // The same socket joining again (its media restarted) keeps the mode it supervises in.
    const supervising = call.supervisors.get(peer.id);
    if (supervising) await this.#asAppError(() => call.room.setSupervision(peer.id, supervising.mode));
    return { routerRtpCapabilities, state: call.state };
  }

  createTransport(peer: Peer, callId: string, direction: 'send' | 'recv') {
    return this.#withRoom(peer, callId, (room) => room.createTransport(peer.id, direction));
  }

  async connectTransport(peer: Peer, callId: string, transportId: string, dtlsParameters: unknown) {
    await this.#withRoom(peer, callId, (room) => room.connectTransport(peer.id, transportId, dtlsParameters as never));
    return null;
  }

  async produce(peer: Peer, callId: string, transportId: string, rtpParameters: unknown) {
    const call = await this.#member(peer, callId);
    if (peer.principal.userId !== call.traineeId) {
      assertMaySupervise(peer.principal, 'coach');
      const mode = call.supervisors.get(peer.id)?.mode;
      if (mode !== 'coach' && mode !== 'barge') throw new ForbiddenError('a silent monitor is not heard: switch to coach or barge before speaking');
    }
    return { producerId: await this.#withRoom(peer, callId, (room) => room.produce(peer.id, transportId, rtpParameters as never)) };
  }

  consume(peer: Peer, callId: string, rtpCapabilities: unknown) {
    return this.#withRoom(peer, callId, (room) => room.consume(peer.id, rtpCapabilities as never));
  }

  async resumeConsumer(peer: Peer, callId: string, consumerId: string) {
    await this.#withRoom(peer, callId, (room) => room.resumeConsumer(peer.id, consumerId));
    return null;
  }

  async restartIce(peer: Peer, callId: string, transportId: string) {
    return { iceParameters: await this.#withRoom(peer, callId, (room) => room.restartIce(peer.id, transportId)) };
  }

  /** A supervisor or an instructor who joined the call's media starts supervising it, or switches mode. */
  async supervise(peer: Peer, callId: string, mode: SupervisionMode): Promise<SupervisionState> {
    assertMaySupervise(peer.principal, mode);
    const call = await this.#member(peer, callId);
    if (peer.principal.userId === call.traineeId) throw new ForbiddenError("the call's trainee does not supervise it");
    return this.#asAppError(() => this.#supervision.supervise(call, peer, mode));
  }

  /** Stops supervising: the peer's media leaves the call; its socket still gets the call's events. */
  async unsupervise(peer: Peer, callId: string): Promise<SupervisionState> {
    assertMaySupervise(peer.principal);
    const call = await this.#open(peer.principal, callId);
    if (peer.principal.userId !== call.traineeId) call.room.leave(peer.id);
    return this.#supervision.leave(call, peer.id, 'left');
  }

  async answer(peer: Peer, callId: string): Promise<CallState> {
    const call = await this.#controlled(peer, callId);
    if (call.state.status !== 'ringing') throw new ConflictError('the call is already answered');
    // The live state decides (a second answer is refused at once); the journal keeps the answer
    // through a database outage, as it keeps every other control.
    call.state.status = 'active';
    let event: CallEventView;
    try {
      event = await this.#journal.answer(callId, actorOf(peer));
    } catch (error) {
      call.state.status = 'ringing';
      throw error;
    }
    call.intelligence.event(event);
    this.#answerWhenHeard(call);
    this.#o.notifier.callEvent(callId, event);
    // The floor's list catches up from the database; while it is away, the call state push says it.
    const summary = await this.#o.db.calls.getSummary(callId).catch(() => null);
    if (summary) this.#o.notifier.callUpdated({ ...summary, status: 'active', answeredAt: summary.answeredAt ?? event.at });
    this.#o.notifier.callState(call.state);
    return call.state;
  }

  async setMuted(peer: Peer, callId: string, muted: boolean): Promise<CallState> {
    const call = await this.#active(peer, callId);
    if (call.state.muted === muted) return call.state;
    await call.room.setTraineeMuted(muted);
    call.state.muted = muted;
    await this.#changed(call, muted ? 'mute' : 'unmute', peer);
    return call.state;
  }

  async setOnHold(peer: Peer, callId: string, onHold: boolean): Promise<CallState> {
    const call = await this.#active(peer, callId);
    if (call.state.onHold === onHold) return call.state;
    await call.room.setOnHold(onHold);
    for (const party of call.parties()) party.pipeline.setOnHold(onHold);
    if (onHold) {
      call.state.onHold = true;
      call.state.holdStartedAt = new Date().toISOString();
      await this.#changed(call, 'hold', peer);
    } else {
      const heldMs = call.endHold();
      await this.#changed(call, 'unhold', peer, { heldMs }, heldMs);
    }
    return call.state;
  }

  async transfer(peer: Peer, callId: string, agency: Agency, mode: 'warm' | 'cold'): Promise<CallState> {
    const call = await this.#active(peer, callId);
    if (call.state.transfer) throw new ConflictError('a transfer is already under way');
    if (call.state.onHold) throw new ConflictError('take the caller off hold before transferring');
    call.state.transfer = { agency, mode, stage: mode === 'cold' ? 'completed' : 'conferenced' };
    await this.#changed(call, 'transfer', peer, { agency, mode, stage: call.state.transfer.stage });
    if (mode === 'cold') {
      await this.finish(callId, { status: 'ended', outcome: 'transferred', reason: `cold transfer to ${agency}`, actorId: peer.principal.userId });
      return call.state;
    }
    const voice = await call.room.addVoice('agency');
    const pipeline = new OpeningLineCaller({ line: AGENCY_LINES[agency], voice: { name: 'rms' }, synthesizer: this.#o.synthesizer, player: voice });
    call.agency = { pipeline, voice };
    wireParty(call, call.agency, 'agency', { ...this.#o, journal: this.#journal });
    pipeline.answer();
    return call.state;
  }

  async completeTransfer(peer: Peer, callId: string): Promise<CallState> {
    const call = await this.#active(peer, callId);
    const transfer = call.state.transfer;
    if (!transfer || transfer.mode !== 'warm') throw new ConflictError('there is no warm transfer to complete');
    transfer.stage = 'completed';
    await this.#changed(call, 'transfer', peer, { agency: transfer.agency, mode: 'warm', stage: 'completed' });
    await this.finish(callId, { status: 'ended', outcome: 'transferred', reason: `warm transfer to ${transfer.agency}`, actorId: peer.principal.userId });
    return call.state;
  }

  async type(peer: Peer, callId: string, text: string): Promise<null> {
    const call = await this.#active(peer, callId);
    if (call.state.onHold) throw new ConflictError('the caller is on hold');
    call.caller.pipeline.hearText?.(text, call.room.bridge.elapsedMs);
    // The line was journalled as it was heard: answered once the database has it (or, while the
    // database is away, once it is on disk), never before, and never when it was refused.
    await this.#journal.landed(callId);
    return null;
  }

  /** An instructor steers the caller of a call this process carries. */
  async steer(peer: Peer, callId: string, steer: SteerCommand): Promise<null> {
    if (!INSTRUCTOR_ROLES.includes(peer.principal.role)) throw new ForbiddenError('only instructors steer the caller');
    const pending = this.#calls.get(callId);
    if (!pending) {
      if (!(await this.#o.db.calls.liveContext(callId))) throw new NotFoundError('call', callId);
      throw new ConflictError("the call's media is not running on this server");
    }
    const call = await pending;
    if (!call.live) throw new ConflictError('the call has ended');
    return this.#steering.steer(call, peer, steer);
  }

  async end(peer: Peer, callId: string): Promise<CallState> {
    const call = await this.#controlled(peer, callId);
    await this.finish(callId, { status: 'ended', outcome: 'completed', actorId: peer.principal.userId });
    return call.state;
  }

  /**
   * A socket went away: its media goes, and its supervision (stored as a leave); a call whose
   * trainee has no socket left gets a grace period, then it is lost.
   */
  peerLeft(peerId: string): void {
    for (const pending of this.#calls.values()) {
      void pending.then(async (call) => {
        if (!call.room.hasPeer(peerId)) return;
        const trainee = call.room.hasPeer(peerId, 'trainee');
        call.room.leave(peerId);
        if (call.supervisors.has(peerId)) await this.#supervision.leave(call, peerId, 'disconnected');
        if (!trainee || call.room.countOf('trainee') > 0 || !call.live || call.graceTimer) return;
        call.graceTimer = setTimeout(() => {
          void this.#endUnasked(call.callId, { status: 'failed', outcome: 'lost', reason: "the trainee's browser disconnected", actorId: null });
        }, this.#o.reconnectGraceMs);
      }, () => undefined).catch((error: unknown) => this.#o.logger.warn({ err: error, peerId }, 'a departed peer was not cleaned up'));
    }
  }

  /**
   * The one way a live call ends: voices stop, the SFU room closes, the recording is
   * finalised and stored, the end is journalled and everyone is told. Resolves once the end
   * is stored and scored or, while the database is away, durable. A call whose media is not
   * here is ended only if its lease token is still `seen` (default: as read now).
   */
  async finish(callId: string, end: CallEnd, seen?: number | null): Promise<void> {
    const call = await this.#calls.get(callId)?.catch(() => undefined);
    if (!call) return endElsewhere(callId, end, seen, this.#elsewhere);
    call.finishing ??= (async () => {
      clearTimeout(call.graceTimer);
      clearTimeout(call.mediaTimer);
      const heldMs = await closeLiveCall(call, { recordings: this.#recordings, logger: this.#o.logger });
      call.state.status = end.status;
      try {
        // Out of the table only once written as ended (while the database answers): a request in
        // between would find the call still live in the database and open its media a second time.
        await this.#journal.end(callId, { ...end, heldMs });
      } finally {
        this.#forget(call);
        callsEnded.inc({ outcome: end.outcome });
      }
      this.#o.notifier.callState(call.state);
      this.#o.onCallsChanged?.();
    })();
    return call.finishing;
  }

  /**
   * At start: applies the writes a previous run journalled, stores the recordings it left
   * (ending those calls as lost), ends the calls no process carries, and from then on keeps
   * saying which calls this process carries.
   */
  async recover(): Promise<{ journalled: number; recordings: number; stuck: number }> {
    const journalled = await this.#journal.open();
    let recordings = 0;
    for (const callId of await this.#recordings.left()) {
      const context = await this.#o.db.calls.liveContext(callId);
      // Ended or taken over by another process meanwhile (this one was killed): that one keeps
      // what it stored of the call, and this copy would be a second recording.
      if (context?.carrier !== this.carrier || (context.status !== 'ringing' && context.status !== 'active')) {
        this.#o.logger.info({ callId }, 'a recording left by a crash, of a call another server ended or carries: not stored');
        await this.#recordings.discard(callId);
        continue;
      }
      await this.finish(callId, { status: 'failed', outcome: 'lost', reason: 'the server stopped during the call', actorId: null }, context.leaseToken);
      recordings++;
    }
    const stuck = await this.#ownership.start();
    return { journalled, recordings, stuck };
  }

  /** Ends the live calls whose carrying process is gone (also every minute); returns how many. */
  reconcile(): Promise<number> {
    return this.#ownership.reconcile();
  }

  /** Resolves once this process's journal has reached the database, or after a few seconds: before a trainee's calls are counted. */
  async settled(): Promise<void> {
    await this.#journal.settled(SETTLE_MS);
  }

  /** This process, as the calls it carries record it. */
  get carrier(): string {
    return this.#ownership.carrier;
  }

  /** Who carries which call across processes. */
  get leases(): CallLeases {
    return this.#leases;
  }

  /** How many calls this process carries (opening ones included). */
  get count(): number {
    return this.#calls.size;
  }

  /** Ends every live call (server shutdown), keeping their recordings. */
  async closeAll(reason: string): Promise<void> {
    this.#ownership.stop();
    this.#leases.stop();
    await Promise.all([...this.#calls.keys()].map((id) => this.#endUnasked(id, { status: 'failed', outcome: 'lost', reason, actorId: null })));
    await this.#journal.close(SETTLE_MS);
  }

  async #open(principal: Principal, callId: string): Promise<LiveCall> {
    const existing = this.#calls.get(callId);
    if (existing) {
      // A creation that failed, failed for whoever asked (another trainee, a call that had
      // ended): its error is theirs, so ask again as this principal.
      const call = await existing.catch(() => undefined);
      if (!call) return this.#open(principal, callId);
      this.#authorize(principal, callId, call.traineeId);
      if (!call.live) throw new ConflictError('the call has ended');
      return call;
    }
    // Created behind one promise per call, so two requests at once cannot make two rooms.
    const creating = this.#create(principal, callId);
    creating.then(
      () => {
        callsStarted.inc();
        callsLive.inc();
      },
      () => {}, // media that never opened is no call of this process's
    );
    this.#calls.set(callId, creating);
    creating.catch(() => this.#calls.delete(callId));
    return creating;
  }

  async #create(principal: Principal, callId: string): Promise<LiveCall> {
    const context = await this.#o.db.calls.liveContext(callId);
    if (!context) throw new NotFoundError('call', callId);
    this.#authorize(principal, callId, context.traineeId);
    const { status } = context;
    if (status !== 'ringing' && status !== 'active') throw new ConflictError(`the call has ended (${status})`);
    // Carried before by another process, now gone: lost, never opened again from nothing.
    const { carrier, leaseToken } = context;
    if (carrier && carrier !== this.carrier && (await this.#ownership.endIfGone({ id: callId, carrier, leaseToken }))) {
      throw new ConflictError('the call was lost: the server carrying it went away');
    }
    // Parsed, not cast: scenarios written in an older shape are upgraded on the way.
    const scenario = scenarioForCall(ScenarioInput.parse(await this.#o.db.scenarios.atVersion(context.scenarioId, context.scenarioVersion)), context.seed);
    // One owner per call: the media opens only on the process that holds the call's lease,
    // and that has recorded its token on the call (nobody took the call since it was read).
    const lease = await this.#leases.acquire(callId);
    if (!lease.mine) throw new MovedError(lease.owner);
    const recordingPath = await this.#recordings.pathFor(callId);
    const deps = { ...this.#o, journal: this.#journal };
    const onWorkerClosed = () => void this.#endUnasked(callId, { status: 'failed', outcome: 'lost', reason: 'the media server failed', actorId: null });
    let taken = false;
    try {
      taken = await this.#o.db.calls.take(callId, context.leaseToken, lease.token, this.carrier);
      if (!taken) throw new ConflictError('the call was taken by another server, or has ended');
      this.#journal.hold(callId, lease.token);
      const call = await openLiveCall({ ...context, callId, status, token: lease.token }, scenario, recordingPath, deps, onWorkerClosed);
      if (this.#o.state.kind === 'redis') this.#recordings.ship(callId, recordingPath);
      this.#o.onCallsChanged?.();
      return call;
    } catch (error) {
      // Not carried here after all (no media port free, say): a call left with this process as its
      // carrier would be judged stuck and ended as lost, where the trainee was told to try again.
      if (taken) await this.#o.db.calls.untake(callId, lease.token).catch((e: unknown) => this.#o.logger.warn({ err: e, callId }, 'the call could not be let go: it may be ended as lost'));
      this.#journal.release(callId);
      this.#leases.release(callId);
      throw error instanceof MediaCapacityError ? new UnavailableError(error.message) : error;
    }
  }

  /** The database refused a write this process made about a call under `token`: its copy here is stale, and stops. */
  #stale(callId: string, token: number | null): void {
    void this.#calls.get(callId)?.then(async (call) => {
      if (call.token !== token || call.finishing) return;
      call.finishing = (async () => {
        clearTimeout(call.graceTimer);
        clearTimeout(call.mediaTimer);
        // Nothing is written; the browsers whose media was here join again, and reach the owner.
        const peers = call.room.peerIds();
        await dropLiveCall(call, this.#recordings).catch((error: unknown) => this.#o.logger.warn({ err: error, callId }, 'stale call not closed cleanly'));
        for (const peerId of peers) this.#o.notifier.toPeer(peerId, 'rtc:moved', { callId });
        this.#forget(call);
        this.#o.onCallsChanged?.();
      })();
    }, () => undefined);
  }

  /** Ends a call nobody asked to end (a timer, a failure, shutdown): an end that cannot be written (say, refused to a stale copy) is logged, never thrown. */
  #endUnasked(callId: string, end: CallEnd): Promise<void> {
    return this.finish(callId, end).catch((error: unknown) => this.#o.logger.warn({ err: error, callId, outcome: end.outcome }, 'the call could not be ended here'));
  }

  /** What ending a call this process does not carry needs. */
  get #elsewhere() {
    return { db: this.#o.db, journal: this.#journal, leases: this.#leases, recordings: this.#recordings, logger: this.#o.logger };
  }

  /** The call is no longer carried here. */
  #forget(call: LiveCall): void {
    this.#calls.delete(call.callId);
    callsLive.dec();
    this.#leases.release(call.callId);
    this.#journal.release(call.callId);
  }

  /**
   * The caller picks up only once the trainee's audio path is up: over a dead line it would
   * talk to nobody and escalate ("Hello?! Are you there?!") at a trainee who cannot hear it.
   * A line that never comes up ends the call as a technical failure, which is not scored.
   */
  #answerWhenHeard(call: LiveCall): void {
    if (call.room.traineeMediaConnected) return call.caller.pipeline.answer();
    const onMedia = (connected: boolean) => {
      if (!connected) return;
      call.room.off('traineeMedia', onMedia);
      clearTimeout(call.mediaTimer);
      if (call.live) call.caller.pipeline.answer();
    };
    call.room.on('traineeMedia', onMedia);
    call.mediaTimer = setTimeout(() => {
      call.room.off('traineeMedia', onMedia);
      void this.#endUnasked(call.callId, { status: 'failed', outcome: MEDIA_FAILED_OUTCOME, reason: MEDIA_FAILED_REASON, actorId: null });
    }, this.#o.mediaConnectTimeoutMs);
  }

  /** Journals the control as a call event (an unhold adds `heldMs` to the hold time) and tells the call's sockets. */
  async #changed(call: LiveCall, type: 'mute' | 'unmute' | 'hold' | 'unhold' | 'transfer', peer: Peer, data?: Record<string, string | number>, heldMs?: number): Promise<void> {
    const event = await this.#journal.event(call.callId, type, actorOf(peer), data, heldMs);
    call.intelligence.event(event);
    this.#o.notifier.callEvent(call.callId, event);
    this.#o.notifier.callState(call.state);
  }

  /** Who may see the call may enter it; to anyone else it does not exist (the same answer as an unknown id). */
  #authorize(principal: Principal, callId: string, traineeId: string): void {
    if (!CallService.canSee(principal, traineeId)) throw new NotFoundError('call', callId);
  }

  /** Someone in the call's media room. */
  async #member(peer: Peer, callId: string): Promise<LiveCall> {
    const call = await this.#open(peer.principal, callId);
    if (!call.room.hasPeer(peer.id)) throw new ConflictError("join the call's media first (rtc:join)");
    return call;
  }

  /** The softphone's controls: only the call's own trainee uses them, never a supervisor. */
  async #controlled(peer: Peer, callId: string): Promise<LiveCall> {
    const call = await this.#open(peer.principal, callId);
    if (peer.principal.userId !== call.traineeId) throw new ForbiddenError("only the call's trainee uses its softphone");
    if (!call.room.hasPeer(peer.id)) throw new ConflictError("join the call's media first (rtc:join)");
    return call;
  }

  async #active(peer: Peer, callId: string): Promise<LiveCall> {
    const call = await this.#controlled(peer, callId);
    if (call.state.status !== 'active') throw new ConflictError('answer the call first');
    return call;
  }

  async #withRoom<T>(peer: Peer, callId: string, fn: (room: CallRoom) => Promise<T>): Promise<T> {
    const call = await this.#member(peer, callId);
    return this.#asAppError(() => fn(call.room));
  }

  async #asAppError<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (error instanceof RoomError) throw new ConflictError(error.message);
      if (error instanceof MediaLimitError) throw new LimitExceededError(error.message);
      if (error instanceof MediaCapacityError) throw new UnavailableError(error.message);
      // mediasoup rejects malformed RTC parameters with a TypeError.
      if (error instanceof TypeError) throw new BadRequestError(error.message);
      throw error;
    }
  }
}
