// A password-hashing thread (see password.ts). The synchronous scrypt runs on this thread
// itself, so hashing never queues on libuv's shared thread pool.
import { scryptSync } from 'node:crypto';

export default ({ password, salt, N, r, p, keyBytes }) =>
  scryptSync(password, salt, keyBytes, { N, r, p, maxmem: 64 * 1024 * 1024 });
