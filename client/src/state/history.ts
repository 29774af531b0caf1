import { computed, signal } from '@preact/signals';
import { errorMessage, type Api } from '../api.js';
import type { HistoryEntry, TraineeHistory } from '../protocol.js';

export type NatureSeries = { nature: string; calls: HistoryEntry[] };

/** A trainee's scored calls over time, oldest first, and the same grouped by scenario nature. */
export function createHistoryStore(traineeId: string, api: Api) {
  const history = signal<TraineeHistory | null>(null);
  const error = signal<string | null>(null);

  const calls = computed(() => [...(history.value?.calls ?? [])].sort((a, b) => a.startedAt.localeCompare(b.startedAt)));
  const byNature = computed<NatureSeries[]>(() => {
    const groups = new Map<string, HistoryEntry[]>();
    for (const c of calls.value) groups.set(c.scenario.nature, [...(groups.get(c.scenario.nature) ?? []), c]);
    return [...groups].map(([nature, list]) => ({ nature, calls: list })).sort((a, b) => a.nature.localeCompare(b.nature));
  });

  return {
    history,
    error,
    calls,
    byNature,
    async load(): Promise<void> {
      try {
        history.value = await api.getTraineeHistory(traineeId);
        error.value = null;
      } catch (err) {
        error.value = errorMessage(err);
      }
    },
  };
}

export type HistoryStore = ReturnType<typeof createHistoryStore>;
