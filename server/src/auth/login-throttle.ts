import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { TooManyRequestsError } from '../errors.js';
import { RedisState, type SharedState } from '../state/state.js';

// Brute-force protection for sign-in: failed attempts are counted per account (the email typed)
// and per address, in Redis when several processes serve (so they share the counts) and in
// memory otherwise. A successful sign-in clears its account's count and gives its address
// its attempt back, so a class signing in from one address is never held up.

export type LoginThrottleOptions = {
  /** Failed attempts on one account within the window before it is refused. */
  accountFailures: number;
  /** Failed attempts from one address within the window before it is refused. */
  addressFailures: number;
  windowMs: number;
};

export class LoginThrottle {
  readonly #account: RateLimiterAbstract;
  readonly #address: RateLimiterAbstract;

  constructor(state: SharedState, options: LoginThrottleOptions) {
    const limiter = (keyPrefix: string, points: number): RateLimiterAbstract => {
      const base = { keyPrefix, points, duration: Math.ceil(options.windowMs / 1000) };
      const memory = new RateLimiterMemory(base);
      // With Redis down, this process's own counts still hold attackers back.
      return state instanceof RedisState
        ? new RateLimiterRedis({ ...base, storeClient: state.client, useRedisPackage: true, insuranceLimiter: memory })
        : memory;
    };
    this.#account = limiter('login-account', options.accountFailures);
    this.#address = limiter('login-address', options.addressFailures);
  }

  /**
   * Counts an attempt before its password is checked, so a burst sent at once cannot slip past
   * the limit while the hashes are computed; throws a 429 once either count is spent.
   */
  async attempt(email: string, address: string): Promise<void> {
    const results = await Promise.allSettled([this.#account.consume(email), this.#address.consume(address)]);
    let waitMs: number | undefined;
    for (const result of results) {
      if (result.status === 'fulfilled') continue;
      if (!(result.reason instanceof RateLimiterRes)) throw result.reason;
      waitMs = Math.max(waitMs ?? 1000, result.reason.msBeforeNext);
    }
    if (waitMs !== undefined) {
      throw new TooManyRequestsError(`too many failed sign-ins: try again in ${Math.ceil(waitMs / 60_000)} min`, waitMs);
    }
  }

  async succeeded(email: string, address: string): Promise<void> {
    await Promise.all([this.#account.delete(email), this.#address.reward(address, 1)]);
  }
}
