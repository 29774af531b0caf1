import { EventEmitter } from 'node:events';
import { createClient, type RedisClientType } from 'redis';

// Shared state for session data and cross-process messages. Redis when REDIS_URL is set
// (several server processes share it); otherwise the same contract inside one process.

export interface SharedState {
  readonly kind: 'redis' | 'memory';
  get(key: string): Promise<string | null>;
  /** Stores `value` under `key` for `ttlMs`. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Extends a key's life without rewriting it; false when the key is gone. */
  touch(key: string, ttlMs: number): Promise<boolean>;
  del(key: string): Promise<void>;
  /** Stores `value` unless the key holds one already; returns what the key holds afterwards (one atomic step). */
  claim(key: string, value: string, ttlMs: number): Promise<string>;
  /** Extends the key's life only while it still holds `value`; false when it does not (another holder, or gone). */
  renewIf(key: string, value: string, ttlMs: number): Promise<boolean>;
  /** Deletes the key only while it still holds `value`. */
  deleteIf(key: string, value: string): Promise<void>;
  /** Adds one to a counter (made at 0) and returns it. */
  increment(key: string): Promise<number>;
  /** One field of a map: set, read whole, removed. */
  setField(key: string, field: string, value: string): Promise<void>;
  fields(key: string): Promise<Record<string, string>>;
  deleteField(key: string, field: string): Promise<void>;
  /** Resolves with how many subscribers received it (none: nobody listens on the channel now). */
  publish(channel: string, message: string): Promise<number>;
  /** Resolves once the subscription is live; the returned function unsubscribes. */
  subscribe(channel: string, onMessage: (message: string) => void): Promise<() => Promise<void>>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export class MemoryState implements SharedState {
  readonly kind = 'memory';
  readonly #values = new Map<string, { value: string; expiresAt: number }>();
  readonly #maps = new Map<string, Map<string, string>>();
  readonly #bus = new EventEmitter().setMaxListeners(0);

  async get(key: string): Promise<string | null> {
    const entry = this.#values.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= Date.now()) {
      this.#values.delete(key);
      return null;
    }
    return entry.value;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    this.#sweep();
    this.#values.set(key, { value, expiresAt: Date.now() + ttlMs });
  }

  async touch(key: string, ttlMs: number): Promise<boolean> {
    const value = await this.get(key);
    if (value === null) return false;
    this.#values.set(key, { value, expiresAt: Date.now() + ttlMs });
    return true;
  }

  async del(key: string): Promise<void> {
    this.#values.delete(key);
  }

  async claim(key: string, value: string, ttlMs: number): Promise<string> {
    const held = await this.get(key);
    if (held !== null) return held;
    await this.set(key, value, ttlMs);
    return value;
  }

  async renewIf(key: string, value: string, ttlMs: number): Promise<boolean> {
    return (await this.get(key)) === value && this.touch(key, ttlMs);
  }

  async deleteIf(key: string, value: string): Promise<void> {
    if ((await this.get(key)) === value) this.#values.delete(key);
  }

  async increment(key: string): Promise<number> {
    const next = Number((await this.get(key)) ?? 0) + 1;
    this.#values.set(key, { value: String(next), expiresAt: Infinity });
    return next;
  }

  async setField(key: string, field: string, value: string): Promise<void> {
    const map = this.#maps.get(key) ?? new Map<string, string>();
    this.#maps.set(key, map.set(field, value));
  }

  async fields(key: string): Promise<Record<string, string>> {
    return Object.fromEntries(this.#maps.get(key) ?? []);
  }

  async deleteField(key: string, field: string): Promise<void> {
    this.#maps.get(key)?.delete(field);
  }

  async publish(channel: string, message: string): Promise<number> {
    const receivers = this.#bus.listenerCount(channel);
    this.#bus.emit(channel, message);
    return receivers;
  }

  async subscribe(channel: string, onMessage: (message: string) => void): Promise<() => Promise<void>> {
    this.#bus.on(channel, onMessage);
    return async () => void this.#bus.off(channel, onMessage);
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.#values.clear();
    this.#maps.clear();
    this.#bus.removeAllListeners();
  }

  /** Expired keys are dropped lazily on read and here, so the map cannot grow without bound. */
  #sweep(): void {
    if (this.#values.size < 10_000) return;
    const now = Date.now();
    for (const [key, entry] of this.#values) if (entry.expiresAt <= now) this.#values.delete(key);
  }
}

// Compare-and-act steps run as scripts, so no other process's write lands between the read and the write.
const CLAIM = "local held = redis.call('GET', KEYS[1]) if held then return held end redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return ARGV[1]";
const RENEW_IF = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0";
const DELETE_IF = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

export class RedisState implements SharedState {
  readonly kind = 'redis';
  readonly client: RedisClientType;
  readonly #subscriber: RedisClientType;

  readonly #onError: (error: Error) => void;

  private constructor(client: RedisClientType, subscriber: RedisClientType, onError: (error: Error) => void) {
    this.client = client;
    this.#subscriber = subscriber;
    this.#onError = onError;
  }

  static async create(url: string, onError: (error: Error) => void): Promise<RedisState> {
    const client: RedisClientType = createClient({
      url,
      socket: { connectTimeout: 5000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 3000) },
    });
    client.on('error', onError);
    await client.connect();
    const subscriber = client.duplicate();
    subscriber.on('error', onError);
    await subscriber.connect();
    return new RedisState(client, subscriber, onError);
  }

  /** A connected duplicate of the command client, for libraries that need their own (socket.io's adapter). */
  async duplicate(): Promise<RedisClientType> {
    const copy = this.client.duplicate();
    // Without a listener a lost connection (Redis stopped) is an uncaught error that ends the process.
    copy.on('error', this.#onError);
    // The adapter publishes each broadcast without waiting for it: while Redis is away every one
    // would be an unhandled rejection, which also ends the process. Reported instead.
    const publish = copy.publish.bind(copy);
    Object.assign(copy, {
      publish: (channel: string, message: string) =>
        publish(channel, message).catch((error: unknown) => {
          this.#onError(error instanceof Error ? error : new Error(String(error)));
          return 0;
        }),
    });
    await copy.connect();
    return copy;
  }

  async get(key: string): Promise<string | null> {
    return this.client.get(key);
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    await this.client.set(key, value, { expiration: { type: 'PX', value: ttlMs } });
  }

  async touch(key: string, ttlMs: number): Promise<boolean> {
    return (await this.client.pExpire(key, ttlMs)) === 1;
  }

  async del(key: string): Promise<void> {
    await this.client.del(key);
  }

  async claim(key: string, value: string, ttlMs: number): Promise<string> {
    return String(await this.client.eval(CLAIM, { keys: [key], arguments: [value, String(ttlMs)] }));
  }

  async renewIf(key: string, value: string, ttlMs: number): Promise<boolean> {
    return (await this.client.eval(RENEW_IF, { keys: [key], arguments: [value, String(ttlMs)] })) === 1;
  }

  async deleteIf(key: string, value: string): Promise<void> {
    await this.client.eval(DELETE_IF, { keys: [key], arguments: [value] });
  }

  async increment(key: string): Promise<number> {
    return this.client.incr(key);
  }

  async setField(key: string, field: string, value: string): Promise<void> {
    await this.client.hSet(key, field, value);
  }

  async fields(key: string): Promise<Record<string, string>> {
    return { ...(await this.client.hGetAll(key)) };
  }

  async deleteField(key: string, field: string): Promise<void> {
    await this.client.hDel(key, field);
  }

  async publish(channel: string, message: string): Promise<number> {
    return this.client.publish(channel, message);
  }

  async subscribe(channel: string, onMessage: (message: string) => void): Promise<() => Promise<void>> {
    await this.#subscriber.subscribe(channel, onMessage);
    return async () => {
      if (this.#subscriber.isOpen) await this.#subscriber.unsubscribe(channel, onMessage);
    };
  }

  async ping(): Promise<void> {
    await this.client.ping();
  }

  async close(): Promise<void> {
    // A client not ready is reconnecting (Redis is down): a polite QUIT would wait for it for ever.
    for (const c of [this.#subscriber, this.client]) if (c.isOpen) await (c.isReady ? c.quit().catch(() => c.destroy()) : c.destroy());
  }
}

export async function createSharedState(redisUrl: string | undefined, onError: (error: Error) => void): Promise<SharedState> {
  return redisUrl ? RedisState.create(redisUrl, onError) : new MemoryState();
}
