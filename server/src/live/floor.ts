import type { ChecklistItemView } from '../protocol/api.js';
import type { ChecklistProgress, FloorLive } from '../protocol/floor.js';
import type { SharedState } from '../state/state.js';

// The floor board's view of the live calls this process carries: the phone state, checklist
// progress and who supervises. Each change is pushed to the floor and kept in the shared
// state (Redis when several processes serve), so whichever process a supervisor's socket
// reaches can answer for every call.

const key = (callId: string) => `floor:${callId}`;
// A process that dies mid-call leaves its entries behind this long at most.
const ENTRY_TTL_MS = 6 * 60 * 60 * 1000;

export function progressOf(items: readonly ChecklistItemView[]): ChecklistProgress {
  return {
    done: items.filter((i) => i.status === 'done').length,
    partial: items.filter((i) => i.status === 'partial').length,
    total: items.length,
  };
}

export class FloorBoard {
  readonly #entries = new Map<string, FloorLive>();

  constructor(
    private readonly state: SharedState,
    private readonly push: (live: FloorLive) => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  update(callId: string, change: Partial<Omit<FloorLive, 'callId'>>): void {
    // A copy: the caller's call state object changes on (a hold while this is being stored), and
    // what is pushed must be what was stored, or a supervisor told "on hold" reads "not on hold".
    const entry: FloorLive = structuredClone({ ...(this.#entries.get(callId) ?? { callId, state: null, checklist: null, supervisors: [] }), ...change });
    const over = entry.state?.status === 'ended' || entry.state?.status === 'failed';
    if (over) this.#entries.delete(callId);
    else this.#entries.set(callId, entry);
    const stored = over ? this.state.del(key(callId)) : this.state.set(key(callId), JSON.stringify(entry), ENTRY_TTL_MS);
    // Pushed once stored (or failed to): a supervisor told of a change who then asks another
    // process (floor:watch) must read it there. Writes on one connection land in order.
    void stored.catch(this.onError).finally(() => this.push(entry));
  }

  /** What is known now of these calls, by this process or another. */
  async watch(callIds: readonly string[]): Promise<FloorLive[]> {
    const found = await Promise.all(
      callIds.map(async (id) => {
        const local = this.#entries.get(id);
        if (local) return local;
        const stored = await this.state.get(key(id));
        return stored ? (JSON.parse(stored) as FloorLive) : null;
      }),
    );
    return found.filter((entry) => entry !== null);
  }
}
