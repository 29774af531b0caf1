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

  it('gives a claimed key to its first claimant only, renews and deletes it only for its holder', async () => {
    const state = await make();
    states.push(state);
    const key = `k:${randomUUID()}`;
    expect(await state.claim(key, 'a', 10_000)).toBe('a');
    expect(await state.claim(key, 'b', 10_000)).toBe('a');
    expect(await state.renewIf(key, 'b', 10_000)).toBe(false);
    expect(await state.renewIf(key, 'a', 10_000)).toBe(true);
    await state.deleteIf(key, 'b');
    expect(await state.get(key)).toBe('a');
    await state.deleteIf(key, 'a');
    expect(await state.claim(key, 'b', 150)).toBe('b');
    await sleep(250);
    expect(await state.renewIf(key, 'b', 10_000)).toBe(false);
  });

  it('counts up from one and keeps map fields', async () => {
    const state = await make();
    states.push(state);
    const key = `k:${randomUUID()}`;
    expect([await state.increment(key), await state.increment(key)]).toEqual([1, 2]);
    await state.setField(`${key}:m`, 'x', '1');
    await state.setField(`${key}:m`, 'y', '2');
    await state.deleteField(`${key}:m`, 'x');
    expect(await state.fields(`${key}:m`)).toEqual({ y: '2' });
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
