import { io, type Socket } from 'socket.io-client';
import type { Ack } from '../src/protocol/ack.js';
import type { ClientToServerEvents, ServerToClientEvents } from '../src/protocol/socket.js';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A socket.io client authenticated by a session cookie, connected (or rejected). */
export async function connectSocket(url: string, cookie?: string): Promise<ClientSocket> {
  const socket: ClientSocket = io(url, { transports: ['websocket'], extraHeaders: cookie ? { cookie } : {}, reconnection: false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
  return socket;
}

/** Emits a request with any payload (even a malformed one) and waits for its ack. */
export function request<T = unknown>(socket: ClientSocket, event: string, payload: unknown, timeoutMs = 5000): Promise<Ack<T>> {
  return (socket as unknown as Socket).timeout(timeoutMs).emitWithAck(event, payload);
}

/** Resolves with the next `event` the socket receives that matches. */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: ClientSocket,
  event: E,
  match: (...args: Parameters<ServerToClientEvents[E]>) => boolean = () => true,
  timeoutMs = 5000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    const listener = (...args: Parameters<ServerToClientEvents[E]>) => {
      if (!match(...args)) return;
      clearTimeout(timer);
      (socket as unknown as Socket).off(event, listener as never);
      resolve(args[0]);
    };
    (socket as unknown as Socket).on(event, listener as never);
  });
}
