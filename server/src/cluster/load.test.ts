import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { MemoryState } from '../state/state.js';
import { ClusterLoad, type ProcessLoad } from './load.js';

const logger = createLogger('silent');
const figure = (process: string, liveCalls: number, extra: Partial<ProcessLoad> = {}): string =>
  JSON.stringify({ process, liveCalls, cpu: 0.1, draining: false, at: Date.now(), ...extra } satisfies ProcessLoad);

describe('placing a new call', () => {
  it('goes to the process with the fewest live calls, then the least CPU', async () => {
    const state = new MemoryState();
    const load = new ClusterLoad(state, 'a', () => 3, logger);
    await load.publish();
    await state.setField('cluster:load', 'b', figure('b', 1, { cpu: 0.5 }));
    await state.setField('cluster:load', 'c', figure('c', 1, { cpu: 0.2 }));
    expect(await load.place()).toBe('c');
  });

  it('skips a draining process and one whose figure is stale (gone), and forgets one gone for good', async () => {
    const state = new MemoryState();
    const load = new ClusterLoad(state, 'a', () => 4, logger);
    await load.publish();
    await state.setField('cluster:load', 'b', figure('b', 0, { draining: true }));
    await state.setField('cluster:load', 'c', figure('c', 0, { at: Date.now() - 10_000 }));
    await state.setField('cluster:load', 'd', figure('d', 0, { at: Date.now() - 120_000 }));
    expect(await load.place()).toBe('a');
    expect(Object.keys(await state.fields('cluster:load')).sort()).toEqual(['a', 'b', 'c']);
  });

  it('places nothing on this process once it drains, and nothing at all when every process drains', async () => {
    const state = new MemoryState();
    const load = new ClusterLoad(state, 'a', () => 0, logger);
    await state.setField('cluster:load', 'b', figure('b', 5));
    load.draining = true;
    await load.publish();
    expect(await load.place()).toBe('b');
    await state.setField('cluster:load', 'b', figure('b', 5, { draining: true }));
    expect(await load.place()).toBeNull();
  });
});
