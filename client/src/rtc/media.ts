import { Device, enhancedEvents, type types } from 'mediasoup-client';
import type { CallState, ClientToServerEvents, ConsumerOptions, SupervisionMode, SupervisionState, TrackSource } from '../protocol.js';
import { getMicrophone, MicMeter } from './microphone.js';
import type { RequestPayload, RequestResult } from './socket.js';
import { exposeForTests } from './testHook.js';

export type MediaConnectionState = types.ConnectionState;

/** A signalling request answered through its ack (ConnectionStore.request fits). */
export type MediaRequest = <E extends keyof ClientToServerEvents>(event: E, payload: RequestPayload<E>) => Promise<RequestResult<E>>;

export type CallMediaEvents = {
  connectionstate: [MediaConnectionState];
  /** Local microphone level, 0..1, about 20 times a second. */
  level: [number];
  /** The browser refused to play remote audio without a user gesture (page reloaded mid-call). */
  audioblocked: [];
  /** The microphone went away (unplugged headset). */
  micended: [];
  /** Something failed in the background (ICE restart, a late consumer). */
  error: [Error];
  /** Whose audio is playing now, whenever a remote track comes or goes. */
  sources: [TrackSource[]];
};

export type InboundAudio = Partial<Record<TrackSource, { totalAudioEnergy: number; audioLevel: number }>>;

/** trainee: the call's own phone. supervisor: someone from the floor listening in (see supervise()). */
export type MediaRole = 'trainee' | 'supervisor';

export type CallMediaOptions = {
  callId: string;
  request: MediaRequest;
  role?: MediaRole;
  /** A supervisor who may coach or barge (an instructor): gets a send transport, and a microphone once they first speak. */
  canSpeak?: boolean;
  deviceId?: string;
  container?: HTMLElement;
};

type Remote = { consumer: types.Consumer; source: TrackSource; audio: HTMLAudioElement };

/** How long a 'disconnected' transport gets to come back by itself before an ICE restart. */
const ICE_GRACE_MS = 2000;
const OPUS = { opusStereo: false, opusDtx: false };

class ClosedError extends Error { override readonly name = 'InvalidStateError'; }

/**
 * One person's audio in one call: a mediasoup-client Device, a recv transport with a consumer
 * (and a hidden <audio>) per remote track, and a send transport carrying the microphone.
 * The trainee's microphone opens at once and always sends (the server gates what the caller
 * hears: mute and hold cut the trainee off from the caller, not from a coach). A supervisor
 * joins with supervise(mode), switches mode with the same call on the same transports, and
 * an instructor's microphone opens the first time they coach or barge and is paused while
 * they only monitor. Owns the mic track; close() stops everything and is safe to call twice.
 */
export class CallMedia extends enhancedEvents.EnhancedEventEmitter<CallMediaEvents> {
  readonly callId: string;
  readonly role: MediaRole;
  readonly #request: MediaRequest;
  readonly #container: HTMLElement;
  readonly #canSpeak: boolean;
  readonly #remotes = new Map<string, Remote>();
  #meter: MicMeter | null = null;
  #track: MediaStreamTrack | null = null;
  #deviceId: string | undefined;
  #send: types.Transport | null = null;
  #recv: types.Transport | null = null;
  #producer: types.Producer | null = null;
  #rtpCapabilities: types.RtpCapabilities | null = null;
  /** The supervision mode asked for last; a rejoin asks for it again. */
  #mode: SupervisionMode | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #state: MediaConnectionState = 'new';
  #joining = false;
  #restarting = false;
  #iceTimer: ReturnType<typeof setTimeout> | undefined;
  #closed = false;

  /** A trainee's media opens the microphone at once (call it from the Answer click: browsers want a gesture). */
  static async create(opts: CallMediaOptions): Promise<CallMedia> {
    const role = opts.role ?? 'trainee';
    return new CallMedia(opts, role === 'trainee' ? await getMicrophone(opts.deviceId) : null);
  }

  private constructor(opts: CallMediaOptions, track: MediaStreamTrack | null) {
    super();
    this.callId = opts.callId;
    this.role = opts.role ?? 'trainee';
    this.#request = opts.request;
    this.#container = opts.container ?? document.body;
    this.#canSpeak = this.role === 'trainee' || !!opts.canSpeak;
    this.#deviceId = opts.deviceId;
    if (track) this.#useTrack(track);
    exposeForTests(this);
  }

  get closed(): boolean {
    return this.#closed;
  }

  get connectionState(): MediaConnectionState {
    return this.#state;
  }

  /** A supervisor's current mode; null before supervise() and after unsupervise(). */
  get mode(): SupervisionMode | null {
    return this.#mode;
  }

  /** The transports in use (a mode switch keeps them; a rejoin replaces them). */
  transportIds(): { send: string | null; recv: string | null } {
    return { send: this.#send?.id ?? null, recv: this.#recv?.id ?? null };
  }

  /**
   * Enter the call's media room: rtc:join, new transports, the mic producer, every remote track.
   * Called again after a socket reconnect: the old transports are dropped, the mic is kept,
   * and a supervisor (whose supervision the server dropped with the old socket) supervises
   * again in the mode they were in.
   */
  join(): Promise<CallState> {
    return this.#serial(() =>
      this.#joiningWhile(async () => {
        const state = await this.#connect();
        if (this.#mode) await this.#enterMode(this.#mode);
        await this.#consumeAll();
        return state;
      }),
    );
  }

  /**
   * A supervisor starts supervising (the first call joins the media) or switches mode: the
   * same request on the same transports; the server adds and closes consumers to match.
   */
  supervise(mode: SupervisionMode): Promise<SupervisionState> {
    if (this.role !== 'supervisor') return Promise.reject(new TypeError("the call's trainee does not supervise it"));
    return this.#serial(() =>
      this.#joiningWhile(async () => {
        if (!this.#recv) await this.#connect();
        const state = await this.#enterMode(mode);
        await this.#consumeAll();
        return state;
      }),
    );
  }

  /** A supervisor leaves the call: the server drops their media; close() afterwards. */
  unsupervise(): Promise<SupervisionState> {
    return this.#serial(async () => {
      const state = await this.#ask('call:unsupervise', { callId: this.callId });
      this.#mode = null;
      this.#dropTransports();
      this.#updateState();
      return state;
    });
  }

  /** A remote track announced by rtc:newConsumer (e.g. the agency on a warm transfer). */
  addConsumer(options: ConsumerOptions): Promise<void> {
    return this.#serial(() => this.#consume(options));
  }

  removeConsumer(consumerId: string): void {
    const remote = this.#remotes.get(consumerId);
    if (!remote) return;
    this.#remotes.delete(consumerId);
    remote.consumer.close();
    remote.audio.srcObject = null;
    remote.audio.remove();
    this.#emitSources();
  }

  /** Whose audio is playing now. */
  get sources(): TrackSource[] {
    return [...new Set([...this.#remotes.values()].map((r) => r.source))];
  }

  #emitSources(): void {
    if (!this.#closed) this.safeEmit('sources', this.sources);
  }

  setMicrophone(deviceId: string): Promise<void> {
    return this.#serial(async () => {
      this.#deviceId = deviceId;
      if (!this.#track) return; // a supervisor who has not spoken yet: used when they do
      const track = await getMicrophone(deviceId);
      try {
        this.#check();
        if (this.#producer && !this.#producer.closed) await this.#producer.replaceTrack({ track });
      } catch (err) {
        track.stop();
        throw err;
      }
      const old = this.#track;
      this.#useTrack(track);
      old.stop();
    });
  }

  /** After a user gesture: play what autoplay refused and wake the level meter. */
  async resumeAudio(): Promise<void> {
    await this.#meter?.resume();
    await Promise.all([...this.#remotes.values()].map((r) => r.audio.play()));
  }

  async inboundAudio(): Promise<InboundAudio> {
    const out: InboundAudio = {};
    for (const { consumer, source } of this.#remotes.values()) {
      const report = await consumer.getStats();
      report.forEach((s: { type: string; kind?: string; totalAudioEnergy?: number; audioLevel?: number }) => {
        if (s.type !== 'inbound-rtp' || s.kind !== 'audio') return;
        const sum = (out[source] ??= { totalAudioEnergy: 0, audioLevel: 0 });
        sum.totalAudioEnergy += s.totalAudioEnergy ?? 0;
        sum.audioLevel = Math.max(sum.audioLevel, s.audioLevel ?? 0);
      });
    }
    return out;
  }

  /** RTP audio bytes this page has sent and received so far, as its WebRTC stats report them. */
  async audioBytes(): Promise<{ sent: number; received: number }> {
    const bytes = { sent: 0, received: 0 };
    for (const t of [this.#send, this.#recv]) {
      if (!t || t.closed) continue;
      (await t.getStats()).forEach((s: { type: string; kind?: string; bytesSent?: number; bytesReceived?: number }) => {
        if (s.kind !== 'audio') return;
        if (s.type === 'outbound-rtp') bytes.sent += s.bytesSent ?? 0;
        if (s.type === 'inbound-rtp') bytes.received += s.bytesReceived ?? 0;
      });
    }
    return bytes;
  }

  override close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#dropTransports();
    this.#track?.stop();
    this.#meter?.close();
    this.#updateState();
    exposeForTests(this, false);
    super.close();
  }

  async #joiningWhile<T>(task: () => Promise<T>): Promise<T> {
    this.#joining = true;
    this.#updateState();
    try {
      return await task();
    } finally {
      this.#joining = false;
      this.#updateState();
    }
  }

  /** rtc:join and fresh transports; the trainee's microphone goes on at once. */
  async #connect(): Promise<CallState> {
    this.#dropTransports();
    const { routerRtpCapabilities, state } = await this.#ask('rtc:join', { callId: this.callId });
    const device = await Device.factory();
    await device.load({ routerRtpCapabilities: routerRtpCapabilities as types.RtpCapabilities });
    this.#check();
    if (this.#canSpeak && !device.canProduce('audio')) throw new Error('This browser cannot send audio to the call');
    // An instructor's send transport is made up front, so coaching later needs no new one.
    const [recv, send] = await Promise.all([
      this.#ask('rtc:createTransport', { callId: this.callId, direction: 'recv' }),
      this.#canSpeak ? this.#ask('rtc:createTransport', { callId: this.callId, direction: 'send' }) : null,
    ]);
    this.#recv = this.#wire(device.createRecvTransport(recv as types.TransportOptions));
    if (send) this.#send = this.#wire(device.createSendTransport(send as types.TransportOptions));
    this.#rtpCapabilities = device.rtpCapabilities;
    if (this.role === 'trainee') await this.#produce();
    return state;
  }

  /** call:supervise, then the microphone to match: opened and sending to coach or barge, paused to monitor. */
  async #enterMode(mode: SupervisionMode): Promise<SupervisionState> {
    const state = await this.#ask('call:supervise', { callId: this.callId, mode });
    this.#mode = mode;
    if (mode !== 'monitor' && this.#canSpeak && !this.#producer) await this.#produce();
    const p = this.#producer;
    if (p && !p.closed && p.paused !== this.#silent()) {
      if (this.#silent()) p.pause();
      else p.resume();
    }
    return state;
  }

  /** A supervisor only monitoring sends nothing (the server pauses their producer too). */
  #silent(): boolean {
    return this.role === 'supervisor' && this.#mode !== 'coach' && this.#mode !== 'barge';
  }

  async #produce(): Promise<void> {
    const send = this.#send;
    if (!send || send.closed) throw new ClosedError('no send transport');
    if (!this.#track) {
      const track = await getMicrophone(this.#deviceId);
      if (this.#closed) track.stop();
      this.#check();
      this.#useTrack(track);
    }
    // stopTracks false: the mic outlives the producer across a rejoin. zeroRtpOnPause: a paused
    // (monitoring) instructor really sends nothing; the track stays enabled so the meter moves.
    this.#producer = await send.produce({
      track: this.#track!,
      codecOptions: OPUS,
      stopTracks: false,
      zeroRtpOnPause: true,
      disableTrackOnPause: false,
      appData: { source: this.role === 'trainee' ? 'trainee' : 'instructor' },
    });
    if (this.#silent()) this.#producer.pause();
  }

  /** Consumers of every track this peer may hear and does not have yet. */
  async #consumeAll(): Promise<void> {
    const rtpCapabilities = this.#rtpCapabilities as RequestPayload<'rtc:consume'>['rtpCapabilities'] | null;
    if (!rtpCapabilities) return;
    const consumers = await this.#ask('rtc:consume', { callId: this.callId, rtpCapabilities });
    for (const c of consumers) await this.#consume(c);
  }

  #useTrack(track: MediaStreamTrack): void {
    this.#track = track;
    this.#watchTrack(track);
    if (this.#meter) this.#meter.setTrack(track);
    else this.#meter = new MicMeter(track, (level) => this.safeEmit('level', level));
  }

  #serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(() => {
      this.#check();
      return task();
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  #check(): void {
    if (this.#closed) throw new ClosedError('call media closed');
  }

  async #ask<E extends keyof ClientToServerEvents>(event: E, payload: RequestPayload<E>): Promise<RequestResult<E>> {
    const result = await this.#request(event, payload);
    this.#check();
    return result;
  }

  #wire(t: types.Transport): types.Transport {
    const callId = this.callId;
    t.on('connect', ({ dtlsParameters }, ok, fail) => {
      this.#request('rtc:connectTransport', { callId, transportId: t.id, dtlsParameters }).then(() => ok(), fail);
    });
    t.on('produce', ({ kind, rtpParameters }, ok, fail) => {
      if (kind !== 'audio') return fail(new TypeError('only audio is produced'));
      this.#request('rtc:produce', { callId, transportId: t.id, kind, rtpParameters }).then(({ producerId }) => ok({ id: producerId }), fail);
    });
    t.on('connectionstatechange', (state) => {
      this.#updateState();
      if (state === 'failed') void this.#restartIce();
      else if (state === 'disconnected' && this.#iceTimer === undefined) {
        this.#iceTimer = setTimeout(() => {
          this.#iceTimer = undefined;
          if ([this.#send, this.#recv].some((x) => x?.connectionState === 'disconnected')) void this.#restartIce();
        }, ICE_GRACE_MS);
      }
    });
    return t;
  }

  #restartIce(): Promise<void> {
    if (this.#restarting || this.#closed) return Promise.resolve();
    this.#restarting = true;
    return this.#serial(async () => {
      for (const t of [this.#send, this.#recv]) {
        if (!t || t.closed || t.connectionState === 'new') continue;
        const { iceParameters } = await this.#ask('rtc:restartIce', { callId: this.callId, transportId: t.id });
        await t.restartIce({ iceParameters: iceParameters as types.IceParameters });
      }
    })
      .catch((err: unknown) => {
        if (!(err instanceof ClosedError)) this.safeEmit('error', err instanceof Error ? err : new Error(String(err)));
      })
      .finally(() => (this.#restarting = false));
  }

  async #consume(options: ConsumerOptions): Promise<void> {
    const recv = this.#recv;
    if (!recv || recv.closed || this.#remotes.has(options.id)) return;
    const { id, producerId, rtpParameters, source } = options;
    const consumer = await recv.consume({ id, producerId, kind: 'audio', rtpParameters: rtpParameters as types.RtpParameters, appData: { source } });
    const audio = document.createElement('audio');
    audio.autoplay = true;
    audio.hidden = true;
    audio.dataset.testid = 'remote-audio';
    audio.dataset.source = source;
    audio.srcObject = new MediaStream([consumer.track]);
    this.#container.append(audio);
    this.#remotes.set(id, { consumer, source, audio });
    this.#emitSources();
    consumer.on('transportclose', () => this.removeConsumer(id));
    consumer.on('trackended', () => this.removeConsumer(id));
    await this.#ask('rtc:resumeConsumer', { callId: this.callId, consumerId: id });
    audio.play().catch((err: unknown) => {
      if (err instanceof DOMException && err.name === 'NotAllowedError') this.safeEmit('audioblocked');
    });
  }

  #dropTransports(): void {
    clearTimeout(this.#iceTimer);
    this.#iceTimer = undefined;
    for (const id of [...this.#remotes.keys()]) this.removeConsumer(id);
    this.#producer?.close();
    this.#send?.close();
    this.#recv?.close();
    this.#producer = this.#send = this.#recv = null;
    this.#rtpCapabilities = null;
  }

  #watchTrack(track: MediaStreamTrack): void {
    track.addEventListener('ended', () => {
      if (track === this.#track && !this.#closed) this.safeEmit('micended');
    });
  }

  #updateState(): void {
    const next = this.#closed ? 'closed' : this.#joining ? 'connecting' : aggregate(this.#send, this.#recv);
    if (next === this.#state) return;
    this.#state = next;
    this.safeEmit('connectionstate', next);
  }
}

/** The worst state of the transports in use (a recv transport with nothing to play stays 'new'). */
function aggregate(...transports: (types.Transport | null)[]): MediaConnectionState {
  const states = transports.filter((t) => t && !t.closed).map((t) => t!.connectionState);
  const used = states.filter((s) => s !== 'new');
  for (const s of ['failed', 'disconnected', 'connecting'] as const) if (used.includes(s)) return s;
  if (used.length) return 'connected';
  return states.length ? 'connecting' : 'new';
}
