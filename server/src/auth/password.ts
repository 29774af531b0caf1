import { randomBytes, timingSafeEqual } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { UnavailableError } from '../errors.js';

// scrypt (RFC 7914), a memory-hard KDF from Node's own crypto: no native add-on to build.
// Stored as `scrypt$N$r$p$salt$hash` so the cost can be raised later without breaking old hashes.
//
// Hashing runs on threads of its own, never on libuv's thread pool: that pool (4 threads) also
// runs the database driver's SCRAM handshake, and 50 logins at once queued so many scrypt jobs
// in front of it that new database connections timed out (issue 11: 500s at 50 concurrent
// logins). Half the cores at most hash at once; the rest of the server keeps the others.

const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
/** Logins waiting for a hashing thread beyond this are refused (503) rather than queued without end. */
const MAX_WAITING = 1000;

type Task = { password: string; salt: Buffer; N: number; r: number; p: number; keyBytes: number };

let pool: Piscina<Task, Uint8Array> | undefined;

function hashingPool(): Piscina<Task, Uint8Array> {
  // Idle threads are unref'd by piscina, so a CLI or a test that hashed still exits.
  pool ??= new Piscina({
    filename: new URL('./password-worker.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: Math.max(1, Math.floor(availableParallelism() / 2)),
    maxQueue: MAX_WAITING,
    idleTimeout: 60_000,
  });
  return pool;
}

async function derive(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  const task = { password: password.normalize('NFKC'), salt, ...cost, keyBytes: KEY_BYTES };
  try {
    return Buffer.from(await hashingPool().run(task));
  } catch (error) {
    if (error instanceof Error && error.message === 'Task queue is at limit') throw new UnavailableError('too many sign-ins at once: try again in a moment');
    throw error;
  }
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}
