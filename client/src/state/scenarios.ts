import { signal } from '@preact/signals';
import { errorMessage, type Api } from '../api.js';
import type { ScenarioDetail, ScenarioInput, ScenarioSummary, TryCaller } from '../protocol.js';

/** A starting point for a new scenario: every required field, with obviously fake values. */
export const SCENARIO_TEMPLATE: ScenarioInput = {
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
    patients: [],
    hazards: [],
    weapons: [],
    suspects: [],
    vehicles: [],
  },
  persona: { name: 'Pat Doe', age: 40, voice: 'slt', languageLevel: 'fluent', controlDifficulty: 0.3, initialEmotion: 'anxious' },
  script: { openingLine: 'Please, my husband just collapsed!', revealRules: [], timeline: [], preArrivalInstructions: [] },
  rubric: [{ id: 'address_verified', label: 'Verified the address', weight: 10 }],
};

/** The scenario as the editor holds it: the stored one without the server's bookkeeping. */
export function draftOf(s: ScenarioDetail): ScenarioInput {
  const { createdAt: _c, updatedAt: _u, version: _v, archivedAt: _a, ...content } = s;
  return content;
}

/** The scenario library: the picker reads it, instructors write, archive and try it. */
export function createScenariosStore(api: Api) {
  const list = signal<ScenarioSummary[]>([]);
  const archived = signal<ScenarioSummary[]>([]);
  const loading = signal(false);
  const error = signal<string | null>(null);

  async function load(options: { archived?: boolean } = {}): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      if (options.archived) archived.value = await api.listArchivedScenarios();
      else list.value = await api.listScenarios();
    } catch (err) {
      error.value = errorMessage(err);
    } finally {
      loading.value = false;
    }
  }

  /** Whatever changed the library, both lists follow. */
  async function changed<T>(result: T): Promise<T> {
    await Promise.all([load(), load({ archived: true })]);
    return result;
  }

  return {
    list,
    archived,
    loading,
    error,
    load,
    get: (id: string) => api.getScenario(id),

    /** Creates the draft (editingId null) or saves it as the next version of `editingId`. */
    async save(draft: ScenarioInput, editingId: string | null): Promise<ScenarioDetail> {
      if (editingId === null) return changed(await api.createScenario(draft));
      const { id: _id, ...content } = draft;
      return changed(await api.updateScenario(editingId, content));
    },
    duplicate: async (id: string, copyId: string) => changed(await api.duplicateScenario(id, { id: copyId })),
    setArchived: async (id: string, archive: boolean) => changed(await api.archiveScenario(id, archive)),
    tryCaller: (body: TryCaller) => api.tryCaller(body),
  };
}

export type ScenariosStore = ReturnType<typeof createScenariosStore>;
