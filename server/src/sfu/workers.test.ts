import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { createLogger } from '../logger.js';
import { WorkerPool } from './workers.js';

let pool: WorkerPool;
beforeAll(async () => {
  pool = await WorkerPool.create({ ...loadConfig({}).mediasoup, size: 2, logger: createLogger('silent') });
});
afterAll(() => pool?.close());

describe('WorkerPool', () => {
  it('spreads routers made at the same moment over the workers', async () => {
    const routers = await Promise.all(Array.from({ length: 6 }, () => pool.createRouter()));
    const perWorker = new Map<number, number>();
    for (const r of routers) perWorker.set(pool.pidOf(r)!, (perWorker.get(pool.pidOf(r)!) ?? 0) + 1);
    expect([...perWorker.values()]).toEqual([3, 3]);
    routers.forEach((r) => r.close());
  });

  it('replaces a worker that dies', async () => {
    const [victim] = pool.pids;
    process.kill(victim!, 'SIGKILL');
    await expect.poll(() => pool.size === 2 && !pool.pids.includes(victim!), { timeout: 10_000 }).toBe(true);
    expect(await pool.check()).toMatchObject({ workers: 2 });
  });
});
