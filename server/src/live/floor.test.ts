import { describe, expect, it } from 'vitest';
import type { CallState } from '../protocol/media.js';
import type { FloorLive } from '../protocol/floor.js';
import { MemoryState } from '../state/state.js';
import { FloorBoard } from './floor.js';

const callId = '3f1d6c1e-52a4-4f7e-9d8e-0b8f5b9a6c21';

function phone(): CallState {
  return {
    callId,
    status: 'active',
    muted: false,
    onHold: false,
    holdMs: 0,
    holdStartedAt: null,
    transfer: null,
    caller: { emotion: 'calm', activity: 'listening', speaking: false },
  };
}

/** A shared store whose writes land only when the test lets them, as Redis does a moment later. */
class SlowState extends MemoryState {
  readonly pending: Array<() => void> = [];
  override async set(key: string, value: string, ttlMs: number): Promise<void> {
    await new Promise<void>((land) => this.pending.push(land));
    await super.set(key, value, ttlMs);
  }
  async landAll(): Promise<void> {
    while (this.pending.length) this.pending.shift()?.();
    await new Promise((r) => setImmediate(r));
  }
}

describe('FloorBoard', () => {
  it('pushes what it stored, not the call state as it became while the write was on its way (a supervisor told "on hold" read "not on hold")', async () => {
    const store = new SlowState();
    const pushed: FloorLive[] = [];
    const board = new FloorBoard(store, (live) => pushed.push(live), (error) => { throw error; });
    const state = phone();

    board.update(callId, { state }); // e.g. the caller starts speaking
    state.onHold = true; // the trainee holds before that write lands
    await store.landAll();

    expect(pushed.map((p) => p.state?.onHold)).toEqual([false]);
    expect(JSON.parse((await store.get(`floor:${callId}`))!).state.onHold).toBe(false);

    board.update(callId, { state }); // the hold's own change
    await store.landAll();
    expect(pushed.map((p) => p.state?.onHold)).toEqual([false, true]);
    expect(JSON.parse((await store.get(`floor:${callId}`))!).state.onHold).toBe(true);
  });

  it('answers a watch from this process, then from the shared store for calls carried elsewhere', async () => {
    const store = new MemoryState();
    const here = new FloorBoard(store, () => {}, (error) => { throw error; });
    const elsewhere = new FloorBoard(store, () => {}, (error) => { throw error; });
    elsewhere.update(callId, { state: phone(), checklist: { done: 1, partial: 0, total: 4 } });
    await new Promise((r) => setImmediate(r));

    expect(await here.watch([callId, 'a0000000-0000-4000-8000-000000000000'])).toEqual([
      expect.objectContaining({ callId, checklist: { done: 1, partial: 0, total: 4 }, state: expect.objectContaining({ status: 'active' }) }),
    ]);
  });

  it('drops an ended call from the board and the store', async () => {
    const store = new MemoryState();
    const board = new FloorBoard(store, () => {}, (error) => { throw error; });
    board.update(callId, { state: phone() });
    board.update(callId, { state: { ...phone(), status: 'ended' } });
    await new Promise((r) => setImmediate(r));
    expect(await board.watch([callId])).toEqual([]);
    expect(await store.get(`floor:${callId}`)).toBeNull();
  });
});
