import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../protocol/roles.js';
import type { SharedState } from '../state/state.js';

// Login sessions: an opaque random token in an httpOnly cookie; the shared state keeps only
// its hash, so a leaked Redis dump cannot be replayed as cookies.

export const SESSION_COOKIE = 'ringdown_session';

export type Principal = { userId: string; role: Role; name: string; email: string };

const keyOf = (token: string) => `session:${createHash('sha256').update(token).digest('hex')}`;
/** When a user's sessions were last revoked: every session issued before then is void. */
const revokedKey = (userId: string) => `sessions-revoked:${userId}`;

type Stored = Principal & { issuedAt: number };

export class SessionStore {
  constructor(
    private readonly state: SharedState,
    readonly ttlMs: number,
  ) {}

  async create(principal: Principal): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.state.set(keyOf(token), JSON.stringify({ ...principal, issuedAt: Date.now() } satisfies Stored), this.ttlMs);
    return token;
  }

  /** The principal behind a token, sliding its expiry; null when unknown or expired. */
  async resolve(token: string | undefined): Promise<Principal | null> {
    if (!token || token.length > 100) return null;
    const key = keyOf(token);
    const raw = await this.state.get(key);
    if (!raw) return null;
    const { issuedAt, ...principal } = JSON.parse(raw) as Stored;
    const revokedAt = Number(await this.state.get(revokedKey(principal.userId)));
    if (revokedAt && issuedAt < revokedAt) {
      await this.state.del(key);
      return null;
    }
    await this.state.touch(key, this.ttlMs);
    return principal;
  }

  /**
   * Ends every session of a user at once, in every process: the sessions are not listed
   * anywhere, so a revocation time voids each one issued before it. The mark lives as long as a
   * session left unused could, since any older session is deleted when next seen.
   */
  async revokeUser(userId: string): Promise<void> {
    await this.state.set(revokedKey(userId), String(Date.now()), this.ttlMs);
  }

  async destroy(token: string | undefined): Promise<void> {
    if (token) await this.state.del(keyOf(token));
  }
}
