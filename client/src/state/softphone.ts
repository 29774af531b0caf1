import { computed, effect, signal } from '@preact/signals';
import { ApiError, errorMessage } from '../api.js';
import { MEDIA_FAILED_OUTCOME, type Agency, type CallState, type ConsumerOptions, type TrackSource } from '../protocol.js';
import { CallMedia, type MediaConnectionState } from '../rtc/media.js';
import { isOver, type CallStore } from './call.js';
import { callTimes } from './callTimes.js';
import { createCallerLevel, createTypedLine } from './caller.js';
import type { ConnectionStore } from './connection.js';
import { micErrorMessage, storage } from './microphones.js';
import type { SessionStore } from './session.js';

export type TransferMode = 'warm' | 'cold';
/** A line key; a request waits only for the one before it on the same key. */
export type Key = 'answer' | 'mute' | 'hold' | 'transfer' | 'end';
export type Microphone = { deviceId: string; label: string };
export type { CallTimes } from './callTimes.js';
export { micErrorMessage } from './microphones.js';

const TICK_MS = 250;
/** Audio normally connects within a second or two of answering; after this the trainee is told why not. */
const MEDIA_PATIENCE_MS = 4000;

const isOverState = (s: CallState) => s.status === 'ended' || s.status === 'failed' || s.transfer?.stage === 'completed';

/**
 * One call's phone: the server's CallState, the trainee's media, devices and timers. Media
 * starts on Answer (getUserMedia wants the click) or by itself when the page is reloaded
 * during an active call. Only the call's trainee gets media; everyone else just watches state.
 */
export function createSoftphoneStore(callId: string, deps: { connection: ConnectionStore; session: SessionStore; call: CallStore }) {
  const { connection, session } = deps;
  const detail = deps.call.call;
  const state = signal<CallState | null>(null);
  const level = signal(0);
  const devices = signal<Microphone[]>([]);
  const deviceId = signal(storage.get());
  const connectionState = signal<MediaConnectionState>('new');
  const error = signal<string | null>(null);
  const lost = signal<string | null>(null);
  /** Control requests in flight, by key: mute and hold may overlap, a second mute may not. */
  const pending = signal<ReadonlySet<Key>>(new Set());
  const audioBlocked = signal(false);
  const now = signal(Date.now());
  const answeredLocally = signal<number | null>(null);
  const endedLocally = signal<number | null>(null);
  /** Whose audio the trainee hears now (the caller; an agency; a coaching or barging instructor). */
  const sources = signal<TrackSource[]>([]);

  const canControl = computed(() => {
    const me = session.me.value;
    return !!me && detail.value?.trainee.id === me.id;
  });
  // A lost call is over even before the server's record of it arrives.
  const status = computed(() => (lost.value !== null ? 'failed' : (state.value?.status ?? detail.value?.status ?? 'ringing')));
  const live = computed(() => (status.value === 'ringing' || status.value === 'active') && !lost.value && endedLocally.value === null);
  const times = computed(() => (detail.value ? callTimes(detail.value, state.value, answeredLocally.value, endedLocally.value, now.value) : null));
  /**
   * The trainee's audio cannot connect: 'waiting' once an answered call has gone a few
   * seconds without it (the caller waits; the server ends the call if it never comes),
   * 'failed' once the call ended as the technical failure that causes.
   */
  const mediaTrouble = computed<'none' | 'waiting' | 'failed'>(() => {
    if (detail.value?.outcome === MEDIA_FAILED_OUTCOME) return 'failed';
    const t = times.value;
    const waiting = live.value && canControl.value && t?.answered && t.talkMs > MEDIA_PATIENCE_MS && connectionState.value !== 'connected';
    return waiting ? 'waiting' : 'none';
  });
  /** The simulated caller as the console shows it, while the line is up. */
  const caller = computed(() => (live.value ? (state.value?.caller ?? null) : null));
  const callerLevel = createCallerLevel(callId, connection);
  const typed = createTypedLine(callId, connection);
  /** An instructor is talking to the trainee: coaching (the caller does not hear them) or barged in. */
  const instructor = computed<'coach' | 'barge' | null>(() => {
    if (!live.value || !sources.value.includes('instructor')) return null;
    const last = detail.value?.events.findLast((e) => e.type === 'coach' || e.type === 'barge');
    return last?.type === 'barge' ? 'barge' : 'coach';
  });
  /** A typed line reaches only a caller who is on the line and not on hold. */
  const canType = computed(() => canControl.value && live.value && status.value === 'active' && !state.value?.onHold);

  let media: CallMedia | null = null;
  let stopped = true;
  // Auto re-join happens once per page; after a failure the trainee sees the error instead.
  let autoJoinTried = false;

  function closeMedia(): void {
    media?.close();
    media = null;
    level.value = 0;
    audioBlocked.value = false;
    sources.value = [];
  }

  function applyState(s: CallState): void {
    if (s.callId !== callId) return;
    state.value = s;
    if (s.status === 'active' && answeredLocally.value === null) answeredLocally.value = Date.now();
    // Mute and hold are the server's: it cuts the trainee off from the caller at the SFU, so a
    // coach (and whoever monitors) keeps hearing them. The microphone keeps sending.
    if (isOverState(s)) {
      endedLocally.value ??= Date.now();
      closeMedia();
    }
  }

  async function startMedia(): Promise<void> {
    if (media) return;
    const m = await CallMedia.create({ callId, request: connection.request, deviceId: deviceId.value || undefined });
    if (stopped) return m.close();
    media = m;
    m.on('connectionstate', (s) => (connectionState.value = s));
    m.on('level', (v) => (level.value = v));
    m.on('audioblocked', () => (audioBlocked.value = true));
    m.on('sources', (list) => (sources.value = list));
    m.on('error', (err) => (error.value = `Audio: ${errorMessage(err)}`));
    m.on('micended', () => {
      error.value = 'The microphone was disconnected; switched to the default microphone.';
      void selectDevice('');
    });
    connectionState.value = m.connectionState;
    applyState(await m.join());
    void refreshDevices(); // device labels are readable once the mic is allowed
  }

  function claim(key: Key): boolean {
    if (pending.value.has(key)) return false;
    pending.value = new Set([...pending.value, key]);
    return true;
  }

  function release(key: Key): void {
    const next = new Set(pending.value);
    next.delete(key);
    pending.value = next;
  }

  async function run(key: Key, task: () => Promise<CallState>): Promise<void> {
    if (!claim(key)) return;
    error.value = null;
    try {
      applyState(await task());
    } catch (err) {
      error.value = errorMessage(err);
    } finally {
      release(key);
    }
  }

  /** Media first, so the caller's first words are not lost, then tell the server. */
  async function answer(): Promise<void> {
    if (!canControl.value || status.value !== 'ringing' || !live.value || !claim('answer')) return;
    autoJoinTried = true;
    error.value = null;
    try {
      await startMedia();
    } catch (err) {
      closeMedia();
      if (!stopped) error.value = micErrorMessage(err);
      return release('answer');
    }
    try {
      applyState(await connection.request('call:answer', { callId }));
    } catch (err) {
      // Regression: the line dropped after the answer went out, the answer landed but its reply
      // was lost, and closing the media here left nothing to rejoin: the call was lost. With
      // no reply the media stays; the rejoin on reconnect brings the call's state back (and a
      // call still ringing can be answered again). A refusal from the server closes it.
      if (!(err instanceof ApiError && err.code === 'unavailable')) closeMedia();
      if (!stopped) error.value = errorMessage(err);
    } finally {
      release('answer');
    }
  }

  /** The media this page had was dropped on the server: new transports, the same microphone. */
  function rejoin(): void {
    if (media) media.join().then(applyState, (err: unknown) => (error.value = `Reconnecting audio: ${errorMessage(err)}`));
  }

  /** The page was reloaded (or reopened) during the call: take the audio back, no answer. */
  async function rejoinMedia(): Promise<void> {
    if (!claim('answer')) return;
    try {
      await startMedia();
    } catch (err) {
      closeMedia();
      if (!stopped) error.value = micErrorMessage(err);
    } finally {
      release('answer');
    }
  }

  const mute = () => run('mute', () => connection.request('call:mute', { callId }));
  const unmute = () => run('mute', () => connection.request('call:unmute', { callId }));
  const hold = () => run('hold', () => connection.request('call:hold', { callId }));
  const unhold = () => run('hold', () => connection.request('call:unhold', { callId }));

  /** Waits for nothing else in flight: hanging up always gets through. */
  const end = () => run('end', () => connection.request('call:end', { callId }));

  async function refreshDevices(): Promise<void> {
    const md = navigator.mediaDevices;
    if (!md?.enumerateDevices) return;
    const inputs = (await md.enumerateDevices()).filter((d) => d.kind === 'audioinput');
    devices.value = inputs.map((d, i) => ({ deviceId: d.deviceId, label: d.label || `Microphone ${i + 1}` }));
  }

  async function selectDevice(id: string): Promise<void> {
    deviceId.value = id;
    storage.set(id);
    try {
      await media?.setMicrophone(id);
    } catch (err) {
      error.value = micErrorMessage(err);
    }
  }

  function onLost(info: { callId: string; reason: string }): void {
    if (info.callId !== callId) return;
    lost.value = info.reason;
    endedLocally.value ??= Date.now();
    closeMedia();
  }

  function onNewConsumer(info: { callId: string; consumer: ConsumerOptions }): void {
    if (info.callId === callId) media?.addConsumer(info.consumer).catch((err: unknown) => (error.value = `Audio: ${errorMessage(err)}`));
  }

  return {
    state,
    status,
    live,
    canControl,
    level,
    devices,
    deviceId,
    connectionState,
    mediaTrouble,
    times,
    error,
    lost,
    pending,
    audioBlocked,
    caller,
    instructor,
    callerLevel: callerLevel.level,
    canType,
    typing: { sending: typed.sending, error: typed.error },

    answer,
    mute,
    unmute,
    hold,
    unhold,
    toggleMute: () => (state.value?.muted ? unmute() : mute()),
    toggleHold: () => (state.value?.onHold ? unhold() : hold()),
    transfer: (agency: Agency, mode: TransferMode) => run('transfer', () => connection.request('call:transfer', { callId, agency, mode })),
    completeTransfer: () => run('transfer', () => connection.request('call:completeTransfer', { callId })),
    end,
    /** Type a line to the caller; resolves true when the server took it. */
    type: (text: string): Promise<boolean> => (canType.value ? typed.send(text) : Promise.resolve(false)),
    selectDevice,
    async resumeAudio(): Promise<void> {
      try {
        await media?.resumeAudio();
        audioBlocked.value = false;
      } catch (err) {
        error.value = errorMessage(err);
      }
    },

    /** Follow the call's phone while its page is open; the returned function closes the media. */
    start(): () => void {
      stopped = false;
      const md = typeof navigator !== 'undefined' ? navigator.mediaDevices : undefined;
      const onDeviceChange = () => void refreshDevices();
      const offs = [
        callerLevel.start(),
        connection.on('call:state', applyState),
        connection.on('call:lost', onLost),
        connection.on('rtc:newConsumer', onNewConsumer),
        connection.on('rtc:consumerClosed', (info) => info.callId === callId && media?.removeConsumer(info.consumerId)),
        // The server drops a vanished socket's transports, or a server stops its stale copy of
        // the call's media; the call itself goes on: join again (reaching the call's owner).
        connection.onConnect(rejoin),
        connection.on('rtc:moved', (info) => info.callId === callId && rejoin()),
        effect(() => {
          if (!canControl.value || !md) return;
          void refreshDevices();
          md.addEventListener('devicechange', onDeviceChange);
          return () => md.removeEventListener('devicechange', onDeviceChange);
        }),
        effect(() => {
          if (isOver(detail.value)) return closeMedia(); // in case the call ended without a call:state
          const shouldRejoin = canControl.value && detail.value?.status === 'active' && connection.connected.value && !lost.value;
          if (shouldRejoin && !autoJoinTried && !media) {
            autoJoinTried = true;
            queueMicrotask(() => void rejoinMedia());
          }
        }),
        effect(() => {
          if (!live.value) return;
          const t = setInterval(() => (now.value = Date.now()), TICK_MS);
          return () => clearInterval(t);
        }),
      ];
      return () => {
        stopped = true;
        offs.forEach((off) => off());
        closeMedia();
      };
    },
  };
}

export type SoftphoneStore = ReturnType<typeof createSoftphoneStore>;
