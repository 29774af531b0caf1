import { signal } from '@preact/signals';
import { errorMessage, type Api } from '../api.js';
import type { CallSummary } from '../protocol.js';
import type { ConnectionStore } from './connection.js';

const isLive = (c: CallSummary) => c.status === 'ringing' || c.status === 'active';
const byStart = (a: CallSummary, b: CallSummary) => a.startedAt.localeCompare(b.startedAt);

/** Every ringing or active call on the floor, kept live while someone is watching. */
export function createFloorStore(api: Api, connection: ConnectionStore) {
  const calls = signal<CallSummary[]>([]);
  const loading = signal(false);
  const error = signal<string | null>(null);

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
    } finally {
      loading.value = false;
    }
  }

  function upsert(call: CallSummary): void {
    const others = calls.value.filter((c) => c.id !== call.id);
    calls.value = isLive(call) ? [...others, call].sort(byStart) : others;
  }

  return {
    calls,
    loading,
    error,
    refresh,
    /** Start following the floor; returns the function that stops it. */
    watch(): () => void {
      const offs = [connection.on('call:updated', upsert), connection.onConnect(() => void refresh())];
      void refresh();
      return () => offs.forEach((off) => off());
    },
  };
}

export type FloorStore = ReturnType<typeof createFloorStore>;
