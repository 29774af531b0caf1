import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { MemoryState, RedisState, type SharedState } from './state.js';

const states: SharedState[] = [];
afterAll(() => Promise.all(states.map((s) => s.close())));

describe.each([
  ['memory', async () => new MemoryState()],
  ['redis', async () => RedisState.create(inject('redisUrl'), () => {})],
])('%s shared state', (_kind, make) => {
  it('keeps a value until its time to live runs out', async () => {
    const state = await make();
    states.push(state);
    const key = `k:${randomUUID()}`;
    await state.set(key, 'v', 150);
    expect(await state.get(key)).toBe('v');
    await sleep(250);
    expect(await state.get(key)).toBeNull();
  });

  it('extends a live key on touch and reports a missing one', async () => {
    const state = await make();
    states.push(state);
    const key = `k:${randomUUID()}`;
    await state.set(key, 'v', 150);
    expect(await state.touch(key, 10_000)).toBe(true);
    await sleep(250);
    expect(await state.get(key)).toBe('v');
    await state.del(key);
    expect(await state.touch(key, 1000)).toBe(false);
  });

  it('delivers published messages to subscribers until they unsubscribe', async () => {
    const state = await make();
    states.push(state);
    const channel = `ch:${randomUUID()}`;
    const got: string[] = [];
    const unsubscribe = await state.subscribe(channel, (m) => got.push(m));
    await state.publish(channel, 'one');
    await expect.poll(() => got).toEqual(['one']);
    await unsubscribe();
    await state.publish(channel, 'two');
    await sleep(50);
    expect(got).toEqual(['one']);
  });
});

describe('redis shared state across processes', () => {
  it('shares values and messages between two connections', async () => {
    const a = await RedisState.create(inject('redisUrl'), () => {});
    const b = await RedisState.create(inject('redisUrl'), () => {});
    states.push(a, b);
    const key = `k:${randomUUID()}`;
    await a.set(key, 'from-a', 10_000);
    expect(await b.get(key)).toBe('from-a');
    const got: string[] = [];
    await b.subscribe(key, (m) => got.push(m));
    await a.publish(key, 'hello');
    await expect.poll(() => got).toEqual(['hello']);
  });
});
