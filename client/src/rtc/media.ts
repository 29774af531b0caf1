import { Device, enhancedEvents, type types } from 'mediasoup-client';
import type { CallState, ClientToServerEvents, ConsumerOptions, TrackSource } from '../protocol.js';
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
};

export type InboundAudio = Partial<Record<TrackSource, { totalAudioEnergy: number; audioLevel: number }>>;

type Remote = { consumer: types.Consumer; source: TrackSource; audio: HTMLAudioElement };

/** How long a 'disconnected' transport gets to come back by itself before an ICE restart. */
const ICE_GRACE_MS = 2000;
const OPUS = { opusStereo: false, opusDtx: false };

class ClosedError extends Error { override readonly name = 'InvalidStateError'; }

/**
 * The trainee's audio in one call: a mediasoup-client Device, one send transport carrying the
 * microphone and one recv transport with a consumer (and a hidden <audio>) per remote track.
 * Owns the mic track; close() stops everything and is safe to call twice.
 */
export class CallMedia extends enhancedEvents.EnhancedEventEmitter<CallMediaEvents> {
  readonly callId: string;
  readonly #request: MediaRequest;
  readonly #container: HTMLElement;
  readonly #meter: MicMeter;
  readonly #remotes = new Map<string, Remote>();
  #track: MediaStreamTrack;
  #send: types.Transport | null = null;
  #recv: types.Transport | null = null;
  #producer: types.Producer | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #state: MediaConnectionState = 'new';
  #joining = false;
  #paused = false;
  #restarting = false;
  #iceTimer: ReturnType<typeof setTimeout> | undefined;
  #closed = false;

  /** Opens the microphone (call it from the Answer click: browsers want a gesture). */
  static async create(opts: { callId: string; request: MediaRequest; deviceId?: string; container?: HTMLElement }): Promise<CallMedia> {
    return new CallMedia(opts, await getMicrophone(opts.deviceId));
  }

  private constructor(opts: { callId: string; request: MediaRequest; container?: HTMLElement }, track: MediaStreamTrack) {
    super();
    this.callId = opts.callId;
    this.#request = opts.request;
    this.#container = opts.container ?? document.body;
    this.#track = track;
    this.#watchTrack(track);
    this.#meter = new MicMeter(track, (level) => this.safeEmit('level', level));
    exposeForTests(this);
  }

  get closed(): boolean {
    return this.#closed;
  }

  get connectionState(): MediaConnectionState {
    return this.#state;
  }

  /**
   * Enter the call's media room: rtc:join, new transports, the mic producer, every remote track.
   * Called again after a socket reconnect: the old transports are dropped, the mic is kept.
   */
  join(): Promise<CallState> {
    return this.#serial(async () => {
      this.#dropTransports();
      this.#joining = true;
      this.#updateState();
      try {
        const { routerRtpCapabilities, state } = await this.#ask('rtc:join', { callId: this.callId });
        const device = await Device.factory();
        await device.load({ routerRtpCapabilities: routerRtpCapabilities as types.RtpCapabilities });
        this.#check();
        if (!device.canProduce('audio')) throw new Error('This browser cannot send audio to the call');
        const [send, recv] = await Promise.all([
          this.#ask('rtc:createTransport', { callId: this.callId, direction: 'send' }),
          this.#ask('rtc:createTransport', { callId: this.callId, direction: 'recv' }),
        ]);
        this.#send = this.#wire(device.createSendTransport(send as types.TransportOptions));
        this.#recv = this.#wire(device.createRecvTransport(recv as types.TransportOptions));
        // stopTracks false: the mic outlives the producer across a rejoin. zeroRtpOnPause: mute
        // and hold really stop sending; the track stays enabled so the level meter still moves.
        this.#producer = await this.#send.produce({ track: this.#track, codecOptions: OPUS, stopTracks: false, zeroRtpOnPause: true, disableTrackOnPause: false, appData: { source: 'trainee' } });
        if (this.#paused) this.#producer.pause();
        const rtpCapabilities = device.rtpCapabilities as RequestPayload<'rtc:consume'>['rtpCapabilities'];
        const consumers = await this.#ask('rtc:consume', { callId: this.callId, rtpCapabilities });
        for (const c of consumers) await this.#consume(c);
        return state;
      } finally {
        this.#joining = false;
        this.#updateState();
      }
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
  }

  /** Mute and hold: stop sending RTP (a local renegotiation; the server is not asked). */
  setPaused(paused: boolean): void {
    this.#paused = paused;
    const p = this.#producer;
    if (!p || p.closed || p.paused === paused) return;
    if (paused) p.pause();
    else p.resume();
  }

  setMicrophone(deviceId: string): Promise<void> {
    return this.#serial(async () => {
      const track = await getMicrophone(deviceId);
      try {
        this.#check();
        if (this.#producer && !this.#producer.closed) await this.#producer.replaceTrack({ track });
      } catch (err) {
        track.stop();
        throw err;
      }
      const old = this.#track;
      this.#track = track;
      this.#watchTrack(track);
      this.#meter.setTrack(track);
      old.stop();
    });
  }

  /** After a user gesture: play what autoplay refused and wake the level meter. */
  async resumeAudio(): Promise<void> {
    await this.#meter.resume();
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

  override close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#dropTransports();
    this.#track.stop();
    this.#meter.close();
    this.#updateState();
    exposeForTests(this, false);
    super.close();
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
