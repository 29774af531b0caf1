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
  publish(channel: string, message: string): Promise<void>;
  /** Resolves once the subscription is live; the returned function unsubscribes. */
  subscribe(channel: string, onMessage: (message: string) => void): Promise<() => Promise<void>>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export class MemoryState implements SharedState {
  readonly kind = 'memory';
  readonly #values = new Map<string, { value: string; expiresAt: number }>();
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

  async publish(channel: string, message: string): Promise<void> {
    this.#bus.emit(channel, message);
  }

  async subscribe(channel: string, onMessage: (message: string) => void): Promise<() => Promise<void>> {
    this.#bus.on(channel, onMessage);
    return async () => void this.#bus.off(channel, onMessage);
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.#values.clear();
    this.#bus.removeAllListeners();
  }

  /** Expired keys are dropped lazily on read and here, so the map cannot grow without bound. */
  #sweep(): void {
    if (this.#values.size < 10_000) return;
    const now = Date.now();
    for (const [key, entry] of this.#values) if (entry.expiresAt <= now) this.#values.delete(key);
  }
}

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

  async publish(channel: string, message: string): Promise<void> {
    await this.client.publish(channel, message);
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
