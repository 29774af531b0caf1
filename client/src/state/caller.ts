import { computed, signal } from '@preact/signals';
import { errorMessage } from '../api.js';
import type { ConnectionStore } from './connection.js';

/** The server pushes about every 100 ms while the caller speaks; three missed pushes means quiet. */
export const CALLER_SILENCE_MS = 300;

/**
 * The caller's voice level from `call:level` (0..1). The pushes are volatile and simply stop
 * when the caller does, so the level falls to 0 by itself after a short silence.
 */
export function createCallerLevel(callId: string, connection: ConnectionStore) {
  const level = signal(0);
  let timer: ReturnType<typeof setTimeout> | undefined;

  function reset(): void {
    clearTimeout(timer);
    timer = undefined;
    level.value = 0;
  }

  function onLevel(l: { callId: string; caller: number }): void {
    if (l.callId !== callId) return;
    level.value = Number.isFinite(l.caller) ? Math.min(1, Math.max(0, l.caller)) : 0;
    clearTimeout(timer);
    timer = setTimeout(reset, CALLER_SILENCE_MS);
  }

  return {
    level: computed(() => level.value),
    reset,
    /** Follow the pushes; the returned function stops and zeroes the meter. */
    start(): () => void {
      const off = connection.on('call:level', onLevel);
      return () => {
        off();
        reset();
      };
    },
  };
}

/** Lines the trainee types to the caller instead of speaking them: one in flight at a time. */
export function createTypedLine(callId: string, connection: ConnectionStore) {
  const sending = signal(false);
  const error = signal<string | null>(null);

  return {
    sending,
    error,
    /** Resolves true once the server took the line, false (with `error` set) otherwise. */
    async send(text: string): Promise<boolean> {
      const line = text.trim();
      if (!line || sending.value) return false;
      sending.value = true;
      error.value = null;
      try {
        await connection.request('call:type', { callId, text: line });
        return true;
      } catch (err) {
        error.value = errorMessage(err);
        return false;
      } finally {
        sending.value = false;
      }
    },
  };
}
