import { EventEmitter } from 'node:events';
import OpenAI from 'openai';
import type { RealtimeClientEvent, RealtimeServerEvent } from 'openai/resources/realtime/realtime';
import { OpenAIRealtimeWS } from 'openai/realtime/ws';
import { InvalidStateError } from '../errors.js';

// One speech-to-speech session on an OpenAI Realtime-compatible endpoint, kept up for the
// length of a call: the SDK's WebSocket client, opened again with exponential backoff and
// jitter when the link drops. The owner restores the session on each 'open' (instructions,
// what was said so far); a link that cannot be reopened is 'lost', and the owner carries on
// without it.

export type RealtimeEndpoint = {
  baseUrl: string;
  apiKey: string;
  model: string;
  /** PEM of a private CA for a self-hosted endpoint: the SDK always connects over wss. */
  ca?: string | undefined;
};

export type ReconnectPolicy = {
  /** Attempts after a drop before the link counts as lost. */
  attempts: number;
  firstDelayMs: number;
  maxDelayMs: number;
  /** How long one attempt may take to open. */
  openTimeoutMs: number;
};

export const DEFAULT_RECONNECT: ReconnectPolicy = { attempts: 5, firstDelayMs: 250, maxDelayMs: 4_000, openTimeoutMs: 5_000 };

export type RealtimeConnectionEvents = {
  /** Connected (again): the session is the server's default until the owner updates it. */
  open: [info: { reconnected: boolean }];
  event: [event: RealtimeServerEvent];
  /** The link dropped; it is being reopened. */
  dropped: [reason: string];
  /** Reopening failed `attempts` times: the session is over. */
  lost: [reason: string];
};

export class RealtimeConnection extends EventEmitter<RealtimeConnectionEvents> {
  readonly #client: OpenAI;
  readonly #endpoint: RealtimeEndpoint;
  readonly #policy: ReconnectPolicy;
  readonly #random: () => number;
  #socket: OpenAIRealtimeWS | undefined;
  #open = false;
  #everOpened = false;
  #closed = false;

  constructor(endpoint: RealtimeEndpoint, policy: ReconnectPolicy = DEFAULT_RECONNECT, random: () => number = Math.random) {
    super();
    this.#endpoint = endpoint;
    this.#policy = policy;
    this.#random = random;
    // Nothing from OPENAI_* variables: the server's config says everything.
    this.#client = new OpenAI({ baseURL: endpoint.baseUrl, apiKey: endpoint.apiKey, organization: null, project: null, webhookSecret: null, maxRetries: 0, logLevel: 'off' });
  }

  get isOpen(): boolean {
    return this.#open;
  }

  /** Opens the first time; rejects when the endpoint cannot be reached at all. */
  async connect(): Promise<void> {
    if (this.#closed) throw new InvalidStateError('RealtimeConnection closed');
    await this.#attempt();
  }

  /** Sends when the link is up; a client event meant for a dropped link is moot once it reopens. */
  send(event: RealtimeClientEvent): boolean {
    if (!this.#open || !this.#socket) return false;
    this.#socket.send(event);
    return true;
  }

  /** Ends the session for good. Safe to call twice. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#open = false;
    this.#socket?.socket.removeAllListeners('close');
    this.#socket?.close();
    this.#socket = undefined;
    this.removeAllListeners();
  }

  #attempt(): Promise<void> {
    return new Promise((resolve, reject) => {
      const rt = new OpenAIRealtimeWS({ model: this.#endpoint.model, options: { ca: this.#endpoint.ca, handshakeTimeout: this.#policy.openTimeoutMs } }, this.#client);
      this.#socket = rt;
      let settled = false;
      const fail = (reason: string) => {
        if (settled) return;
        settled = true;
        rt.socket.removeAllListeners();
        rt.socket.on('error', () => undefined); // a late error from a socket already given up
        rt.socket.terminate();
        reject(new Error(reason));
      };
      // The SDK reports socket errors through its own 'error' event too: handled here once.
      rt.on('error', () => undefined);
      rt.socket.once('unexpected-response', (_req, res) => fail(`the endpoint answered ${res.statusCode}`));
      rt.socket.once('error', (error) => fail(error.message));
      rt.socket.once('close', (code) => fail(`closed before it opened (${code})`));
      rt.socket.once('open', () => {
        if (this.#closed) return fail('closed');
        settled = true;
        rt.socket.removeAllListeners('close');
        rt.socket.removeAllListeners('unexpected-response');
        rt.socket.on('error', () => undefined); // 'close' follows and says what happened
        rt.socket.once('close', (code) => void this.#onDrop(`the link closed (${code})`));
        rt.on('event', (event) => this.emit('event', event));
        this.#open = true;
        const reconnected = this.#everOpened;
        this.#everOpened = true;
        this.emit('open', { reconnected });
        resolve();
      });
    });
  }

  async #onDrop(reason: string): Promise<void> {
    this.#open = false;
    this.#socket = undefined;
    if (this.#closed) return;
    this.emit('dropped', reason);
    let last = reason;
    for (let attempt = 0; attempt < this.#policy.attempts; attempt++) {
      await new Promise((r) => setTimeout(r, this.#delay(attempt)));
      if (this.#closed) return;
      try {
        return await this.#attempt();
      } catch (error) {
        last = error instanceof Error ? error.message : String(error);
      }
    }
    if (!this.#closed) this.emit('lost', `not reopened after ${this.#policy.attempts} attempts: ${last}`);
  }

  /** Equal jitter: between half and all of the exponential step, so calls cut off together do not all come back together. */
  #delay(attempt: number): number {
    const ceiling = Math.min(this.#policy.maxDelayMs, this.#policy.firstDelayMs * 2 ** attempt);
    return Math.round(ceiling / 2 + (this.#random() * ceiling) / 2);
  }
}
