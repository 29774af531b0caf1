import { computed, signal } from '@preact/signals';
import { errorMessage, type Api } from '../api.js';
import type { CallSummary, FloorLive } from '../protocol.js';
import type { ConnectionStore } from './connection.js';

const isLive = (c: CallSummary) => c.status === 'ringing' || c.status === 'active';
const byStart = (a: CallSummary, b: CallSummary) => a.startedAt.localeCompare(b.startedAt);

/** What a position on the floor is doing, as the board shows it. */
export type LineState = 'ringing' | 'talking' | 'on_hold' | 'transferring' | 'ended';

export const LINE_STATE_LABEL: Record<LineState, string> = {
  ringing: 'Ringing',
  talking: 'Talking',
  on_hold: 'On hold',
  transferring: 'Transferring',
  ended: 'Ended',
};

/** The live state wins over the summary: it knows about hold and transfers. */
export function lineStateOf(call: CallSummary, live: FloorLive | undefined): LineState {
  const s = live?.state;
  const status = s?.status ?? call.status;
  if (status === 'ended' || status === 'failed') return 'ended';
  if (status === 'ringing') return 'ringing';
  if (s?.onHold) return 'on_hold';
  if (s?.transfer && s.transfer.stage === 'conferenced') return 'transferring';
  return 'talking';
}

/**
 * Every ringing or active call on the floor, kept live while someone is watching: summaries
 * over REST and `call:updated`, and what only the call's process knows (its phone state, the
 * checklist's progress, who supervises) from `floor:watch` and the `floor:call` pushes.
 */
export function createFloorStore(api: Api, connection: ConnectionStore) {
  const calls = signal<CallSummary[]>([]);
  const live = signal<ReadonlyMap<string, FloorLive>>(new Map());
  const loading = signal(false);
  const error = signal<string | null>(null);
  /** The call whose transcript is shown beside the board. */
  const selected = signal<string | null>(null);
  const selectedCall = computed(() => calls.value.find((c) => c.id === selected.value) ?? null);

  function setLive(entries: FloorLive[], replace = false): void {
    const next = new Map(replace ? [] : live.value);
    for (const entry of entries) next.set(entry.callId, entry);
    live.value = next;
  }

  /** Asks the processes carrying these calls what they know now; the board works without it. */
  async function watchLive(callIds: string[], replace = false): Promise<void> {
    if (callIds.length === 0) {
      if (replace) live.value = new Map();
      return;
    }
    try {
      setLive(await connection.request('floor:watch', { callIds }), replace);
    } catch (err) {
      error.value = `Live call details unavailable: ${errorMessage(err)}`;
    }
  }

  async function refresh(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      const [ringing, active] = await Promise.all([
        api.listCalls({ status: 'ringing', limit: 200 }),
        api.listCalls({ status: 'active', limit: 200 }),
      ]);
      calls.value = [...ringing.items, ...active.items].sort(byStart);
    } catch (err) {
      error.value = errorMessage(err);
      return;
    } finally {
      loading.value = false;
    }
    if (connection.connected.value) await watchLive(calls.value.map((c) => c.id), true);
  }

  function upsert(call: CallSummary): void {
    const known = calls.value.some((c) => c.id === call.id);
    const others = calls.value.filter((c) => c.id !== call.id);
    calls.value = isLive(call) ? [...others, call].sort(byStart) : others;
    if (!isLive(call)) {
      if (live.value.has(call.id)) {
        const next = new Map(live.value);
        next.delete(call.id);
        live.value = next;
      }
      if (selected.value === call.id) selected.value = null;
    } else if (!known) {
      void watchLive([call.id]);
    }
  }

  function onLive(entry: FloorLive): void {
    if (calls.value.some((c) => c.id === entry.callId)) setLive([entry]);
  }

  return {
    calls,
    live,
    loading,
    error,
    selected,
    selectedCall,
    refresh,
    select(callId: string | null): void {
      selected.value = callId === selected.value ? null : callId;
    },
    /** Start following the floor; returns the function that stops it. */
    watch(): () => void {
      const offs = [connection.on('call:updated', upsert), connection.on('floor:call', onLive), connection.onConnect(() => void refresh())];
      void refresh();
      return () => offs.forEach((off) => off());
    },
  };
}

export type FloorStore = ReturnType<typeof createFloorStore>;
