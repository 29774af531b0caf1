import { effect, signal } from '@preact/signals';
import { createSocket, request, type RequestPayload, type RequestResult, type RingdownSocket } from '../rtc/socket.js';
import type { ClientToServerEvents, ServerToClientEvents } from '../protocol.js';
import type { SessionStore } from './session.js';

/**
 * The live link to the server. It follows the session: connected while signed in, closed
 * after logout. Stores subscribe through `on`; components never see the socket.
 */
export function createConnectionStore(session: SessionStore, socket: RingdownSocket = createSocket()) {
  const connected = signal(false);
  const lastError = signal<string | null>(null);

  socket.on('connect', () => {
    connected.value = true;
    lastError.value = null;
  });
  socket.on('disconnect', (reason) => {
    connected.value = false;
    // The server closed the link on purpose: an admin may have disabled this user. Ask whether
    // the session still stands; the shell moves to the login page when it does not.
    if (reason === 'io server disconnect') {
      void session.restore().then(
        () => session.status.value === 'signed-in' && socket.connect(),
        () => undefined,
      );
    }
  });
  socket.on('connect_error', (err) => {
    connected.value = false;
    lastError.value = err.message;
  });

  const stop = effect(() => {
    if (session.status.value === 'signed-in') socket.connect();
    else if (session.status.value === 'anonymous') socket.disconnect();
  });

  return {
    connected,
    lastError,
    on<E extends keyof ServerToClientEvents>(event: E, handler: ServerToClientEvents[E]): () => void {
      // socket.io cannot narrow its listener type on a generic event; the signature above does.
      const loose = socket as unknown as { on(ev: string, h: unknown): void; off(ev: string, h: unknown): void };
      loose.on(event, handler);
      return () => loose.off(event, handler);
    },
    /** Runs on every (re)connect, so rooms are re-joined after a network blip. */
    onConnect(handler: () => void): () => void {
      socket.on('connect', handler);
      return () => void socket.off('connect', handler);
    },
    request<E extends keyof ClientToServerEvents>(event: E, payload: RequestPayload<E>, timeoutMs?: number): Promise<RequestResult<E>> {
      return request(socket, event, payload, timeoutMs);
    },
    close(): void {
      stop();
      socket.disconnect();
    },
  };
}

export type ConnectionStore = ReturnType<typeof createConnectionStore>;
