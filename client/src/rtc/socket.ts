import { io, type Socket } from 'socket.io-client';
import { ApiError } from '../api.js';
import type { Ack, AckCallback, ClientToServerEvents, ErrorCode, ServerToClientEvents } from '../protocol.js';

export type RingdownSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

type RequestEvent = keyof ClientToServerEvents;
export type RequestPayload<E extends RequestEvent> = Parameters<ClientToServerEvents[E]>[0];
export type RequestResult<E extends RequestEvent> =
  Parameters<ClientToServerEvents[E]>[1] extends AckCallback<infer T> ? T : never;

const DEFAULT_TIMEOUT_MS = 10_000;

const statusByCode: Partial<Record<ErrorCode, number>> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unavailable: 503,
  internal: 500,
};

/**
 * One socket per tab, same origin, authenticated by the session cookie. It is created idle:
 * the session connects it after login and disconnects it on logout.
 */
export function createSocket(url?: string): RingdownSocket {
  // WebSocket from the start: behind a round-robin balancer, long-polling's separate requests
  // would land on different server processes, which do not know each other's handshakes.
  const opts = { path: '/socket.io', withCredentials: true, autoConnect: false, transports: ['websocket'] };
  return url ? io(url, opts) : io(opts);
}

/** Emit a request and turn its ack into a promise; rejects with ApiError on ok:false or timeout. */
export function request<E extends RequestEvent>(
  socket: RingdownSocket,
  event: E,
  payload: RequestPayload<E>,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<RequestResult<E>> {
  // The generic event name defeats socket.io's per-event typing; the maps above keep callers typed.
  const emitter = socket.timeout(timeoutMs) as unknown as {
    emit(ev: string, payload: unknown, cb: (err: Error | null, reply?: Ack<RequestResult<E>>) => void): void;
  };
  return new Promise((resolve, reject) => {
    emitter.emit(event, payload, (err, reply) => {
      if (err || !reply) {
        reject(new ApiError(0, 'unavailable', `${event}: no answer from the server within ${timeoutMs} ms`));
      } else if (reply.ok) {
        resolve(reply.data);
      } else {
        reject(new ApiError(statusByCode[reply.code] ?? 0, reply.code, reply.message));
      }
    });
  });
}
