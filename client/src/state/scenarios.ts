import { signal } from '@preact/signals';
import { errorMessage, type Api } from '../api.js';
import type { ScenarioDetail, ScenarioInput, ScenarioSummary, ScenarioUpdate } from '../protocol.js';

/** A starting point for a new scenario: every required field, with obviously fake values. */
export const SCENARIO_TEMPLATE = {
  id: 'new-scenario',
  title: 'New scenario',
  nature: 'medical',
  difficulty: 2,
  summary: 'What happens on this call, twists included: for staff, and for the trainee after the call.',
  brief: 'What the trainee is told before the call: the setting, nothing they should find out on it.',
  ani: '5551230000',
  ali: { address: '100 Main St', city: 'Springfield', class: 'wireless-phase2', uncertaintyM: 30 },
  groundTruth: {
    location: { address: '100 Main St', city: 'Springfield', landmarks: [] },
    callbackNumber: '5551230000',
    callerName: 'Pat Doe',
    nature: 'Adult male collapsed, not breathing',
  },
  persona: { name: 'Pat Doe', age: 40, voice: 'alloy', controlDifficulty: 0.3, initialEmotion: 'anxious' },
  script: { openingLine: 'Please, my husband just collapsed!' },
  rubric: [{ id: 'address_verified', label: 'Verified the address', weight: 10 }],
};

/** The JSON an instructor edits: the stored scenario without server bookkeeping. */
export function editableJson(s: ScenarioDetail | object): string {
  const { createdAt: _c, updatedAt: _u, version: _v, ...rest } = s as Partial<ScenarioDetail>;
  return JSON.stringify(rest, null, 2);
}

/** The scenario library: the picker reads it, instructors write it. */
export function createScenariosStore(api: Api) {
  const list = signal<ScenarioSummary[]>([]);
  const loading = signal(false);
  const error = signal<string | null>(null);

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      list.value = await api.listScenarios();
    } catch (err) {
      error.value = errorMessage(err);
    } finally {
      loading.value = false;
    }
  }

  return {
    list,
    loading,
    error,
    load,
    get: (id: string) => api.getScenario(id),

    /**
     * Create (editingId null) or update a scenario from editor text. The server validates the
     * shape; this only catches what it cannot see: broken JSON and a renamed id.
     */
    async save(text: string, editingId: string | null): Promise<ScenarioDetail> {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (err) {
        throw new Error(`Not valid JSON: ${errorMessage(err)}`);
      }
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('The scenario must be a JSON object.');
      const body = parsed as Record<string, unknown>;
      let saved: ScenarioDetail;
      if (editingId === null) {
        saved = await api.createScenario(body as ScenarioInput);
      } else {
        const { id, createdAt: _c, updatedAt: _u, version: _v, ...update } = body;
        if (id !== undefined && id !== editingId) throw new Error(`id cannot change (was "${editingId}"); use "New scenario" to copy it.`);
        saved = await api.updateScenario(editingId, update as ScenarioUpdate);
      }
      void load();
      return saved;
    },
  };
}

export type ScenariosStore = ReturnType<typeof createScenariosStore>;
