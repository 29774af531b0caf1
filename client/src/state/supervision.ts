import { computed, signal } from '@preact/signals';
import { errorMessage } from '../api.js';
import { INSTRUCTOR_ROLES, type ConsumerOptions, type FloorLive, type SupervisionMode, type SupervisorView } from '../protocol.js';
import { CallMedia, type MediaConnectionState } from '../rtc/media.js';
import type { ConnectionStore } from './connection.js';
import type { SessionStore } from './session.js';

/**
 * Someone from the floor in one call: listening silently, whispering to the trainee (coach) or
 * on the line (barge), switched mid-call on the same media. Supervisors only monitor;
 * instructors and admins may also coach and barge. The media closes when the page goes.
 */
export function createSupervisionStore(callId: string, deps: { connection: ConnectionStore; session: SessionStore }) {
  const { connection, session } = deps;
  /** The mode the server confirmed; null while not supervising. */
  const mode = signal<SupervisionMode | null>(null);
  /** A request in flight: the mode asked for, or 'leave'. */
  const pending = signal<SupervisionMode | 'leave' | null>(null);
  const supervisors = signal<SupervisorView[]>([]);
  const connectionState = signal<MediaConnectionState>('new');
  const level = signal(0);
  const error = signal<string | null>(null);
  const audioBlocked = signal(false);
  const canSpeak = computed(() => session.can(INSTRUCTOR_ROLES));

  let media: CallMedia | null = null;
  let stopped = true;

  function closeMedia(): void {
    media?.close();
    media = null;
    level.value = 0;
    audioBlocked.value = false;
    connectionState.value = 'new';
  }

  async function openMedia(): Promise<CallMedia> {
    if (media) return media;
    const m = await CallMedia.create({ callId, request: connection.request, role: 'supervisor', canSpeak: canSpeak.value });
    if (stopped) {
      m.close();
      throw new Error('the page was closed');
    }
    media = m;
    // A media being dropped (a refused first join) no longer speaks for the page.
    m.on('connectionstate', (s) => media === m && (connectionState.value = s));
    m.on('level', (v) => media === m && (level.value = v));
    m.on('audioblocked', () => (audioBlocked.value = true));
    m.on('error', (err) => (error.value = `Audio: ${errorMessage(err)}`));
    m.on('micended', () => (error.value = 'The microphone was disconnected.'));
    return m;
  }

  /** Start supervising in `mode`, or switch to it. */
  async function supervise(next: SupervisionMode): Promise<void> {
    if (pending.value || stopped) return;
    if (next !== 'monitor' && !canSpeak.value) {
      error.value = 'Only instructors coach or barge in; supervisors monitor silently.';
      return;
    }
    pending.value = next;
    error.value = null;
    const fresh = !media;
    try {
      const m = await openMedia();
      const state = await m.supervise(next);
      mode.value = next;
      supervisors.value = state.supervisors;
    } catch (err) {
      // A refused first join leaves nothing behind (the server drops what was joined); a
      // refused switch keeps the mode the server has.
      const m = media;
      if (fresh && m) {
        media = null;
        void m.unsupervise().catch(() => undefined).finally(() => m.close());
        closeMedia();
      }
      mode.value = media?.mode ?? null;
      if (!stopped) error.value = errorMessage(err);
    } finally {
      pending.value = null;
    }
  }

  /** Stop supervising: the server drops this page's media from the call. */
  async function leave(): Promise<void> {
    if (!media || pending.value) return;
    pending.value = 'leave';
    error.value = null;
    try {
      const state = await media.unsupervise();
      supervisors.value = state.supervisors;
    } catch (err) {
      error.value = errorMessage(err);
    } finally {
      closeMedia();
      mode.value = null;
      pending.value = null;
    }
  }

  function rejoin(): void {
    if (!media || !mode.value) return;
    media.join().catch((err: unknown) => (error.value = `Reconnecting audio: ${errorMessage(err)}`));
  }

  function onNewConsumer(info: { callId: string; consumer: ConsumerOptions }): void {
    if (info.callId === callId) media?.addConsumer(info.consumer).catch((err: unknown) => (error.value = `Audio: ${errorMessage(err)}`));
  }

  function onFloor(live: FloorLive): void {
    if (live.callId === callId) supervisors.value = live.supervisors;
  }

  return {
    mode,
    pending,
    supervisors,
    connectionState,
    level,
    error,
    audioBlocked,
    canSpeak,
    supervise,
    leave,
    async resumeAudio(): Promise<void> {
      try {
        await media?.resumeAudio();
        audioBlocked.value = false;
      } catch (err) {
        error.value = errorMessage(err);
      }
    },
    /** The call ended: nothing left to hear. */
    ended(): void {
      closeMedia();
      mode.value = null;
    },

    /** Follow the call's supervision while its page is open; the returned function leaves it. */
    start(): () => void {
      stopped = false;
      const offs = [
        connection.on('rtc:newConsumer', onNewConsumer),
        connection.on('rtc:consumerClosed', (info) => info.callId === callId && media?.removeConsumer(info.consumerId)),
        connection.on('floor:call', onFloor),
        // The server dropped the old socket's media and supervision (or stopped its stale copy
        // of the call's media): take both back, from the call's owner.
        connection.onConnect(rejoin),
        connection.on('rtc:moved', (info) => info.callId === callId && rejoin()),
      ];
      connection
        .request('floor:watch', { callIds: [callId] })
        .then(([live]) => live && onFloor(live))
        .catch(() => undefined); // the list fills from the first supervise answer
      return () => {
        stopped = true;
        offs.forEach((off) => off());
        // Asked even mid-request: it queues behind a supervise in flight, so none is left behind.
        const m = media;
        if (m) void m.unsupervise().catch(() => undefined).finally(() => m.close());
        media = null;
        mode.value = null;
      };
    },
  };
}

export type SupervisionStore = ReturnType<typeof createSupervisionStore>;
