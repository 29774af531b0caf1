import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { MemoryState } from '../state/state.js';
import { CallLeases, type Lease } from './leases.js';

// Renewal after a stall: the lease may have lapsed with nobody taking it (a single process, or
// a cluster whose others had not looked yet), or another process may hold it now.

const KEY = 'lease:call:c1';

async function heldCall() {
  const state = new MemoryState();
  const lost: string[] = [];
  const leases = new CallLeases(state, 'process-a', createLogger('silent'), (callId) => lost.push(callId));
  const claim = await leases.acquire('c1');
  if (!claim.mine) throw new Error('not acquired');
  const value = (await state.get(KEY))!;
  return { state, leases, lost, token: claim.token, value };
}

describe('call leases', () => {
  it('regression: a lease that lapsed while the process stalled, nobody taking it, is held again under the same token (the bench lost both its calls at load 14)', async () => {
    const { state, leases, lost, token, value } = await heldCall();
    await state.del(KEY); // lapsed: its life ran out before a renewal came

    await leases.renew();
    expect(lost).toEqual([]);
    expect(await state.get(KEY)).toBe(value);
    expect((JSON.parse(value) as Lease).token).toBe(token);
    expect(await leases.ownerOf('c1')).toBe('process-a');
  });

  it('gives the call up when another process holds its lease now', async () => {
    const { state, leases, lost } = await heldCall();
    await state.set(KEY, JSON.stringify({ owner: 'process-b', token: 99 } satisfies Lease), 6000);

    await leases.renew();
    expect(lost).toEqual(['c1']);
    expect(await leases.ownerOf('c1')).toBe('process-b');
  });

  it('keeps the lease when the shared state does not answer, and tries again at the next round', async () => {
    const { state, leases, lost } = await heldCall();
    state.renewIf = () => Promise.reject(new Error('connection lost'));

    await leases.renew();
    expect(lost).toEqual([]);
    expect(await leases.ownerOf('c1')).toBe('process-a');
  });
});
