import { signal } from '@preact/signals';
import { errorMessage, type Api } from '../api.js';
import type { CallDetail, CallMode, CallStatus, CallSummary } from '../protocol.js';
import type { ConnectionStore } from './connection.js';

const PAGE_SIZE = 50;

/** The calls list: one status filter, cursor paging, rows kept fresh by `call:updated`. */
export function createCallsStore(api: Api, connection: ConnectionStore) {
  const items = signal<CallSummary[]>([]);
  const nextCursor = signal<string | null>(null);
  const status = signal<CallStatus | ''>('');
  const loading = signal(false);
  const error = signal<string | null>(null);
  // A newer load (filter changed) wins over a slower older one.
  let generation = 0;

  async function load(more: boolean): Promise<void> {
    const gen = more ? generation : ++generation;
    loading.value = true;
    error.value = null;
    try {
      const page = await api.listCalls({
        status: status.value || undefined,
        limit: PAGE_SIZE,
        cursor: more ? nextCursor.value : undefined,
      });
      if (gen !== generation) return;
      const known = more ? items.value : [];
      const seen = new Set(known.map((c) => c.id));
      items.value = [...known, ...page.items.filter((c) => !seen.has(c.id))];
      nextCursor.value = page.nextCursor;
    } catch (err) {
      if (gen === generation) error.value = errorMessage(err);
    } finally {
      if (gen === generation) loading.value = false;
    }
  }

  connection.on('call:updated', (call) => {
    if (items.value.some((c) => c.id === call.id)) items.value = items.value.map((c) => (c.id === call.id ? call : c));
  });

  return {
    items,
    nextCursor,
    status,
    loading,
    error,
    reload: () => load(false),
    loadMore: () => load(true),
    setStatus(next: CallStatus | ''): Promise<void> {
      status.value = next;
      return load(false);
    },
    /** Starts a call on the given scenario for the signed-in trainee; exam mode hides the live checklist from them. */
    start: (target: { scenarioId: string } | { assignmentId: string }, mode: CallMode = 'practice'): Promise<CallDetail> => api.startCall(target, mode),
  };
}

export type CallsStore = ReturnType<typeof createCallsStore>;
