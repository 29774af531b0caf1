import { signal } from '@preact/signals';
import { errorMessage, type Api } from '../api.js';
import { steerText } from '../words.js';
import type { SteerCommand } from '../protocol.js';
import type { ConnectionStore } from './connection.js';

export type SteerStatus = { ok: boolean; text: string };

/**
 * An instructor steering the simulated caller of one call, unheard by the trainee: one steer
 * in flight at a time, the last result shown. The facts come from the call's scenario.
 */
export function createSteerStore(callId: string, deps: { api: Api; connection: ConnectionStore }) {
  const facts = signal<string[]>([]);
  const status = signal<SteerStatus | null>(null);
  const sending = signal(false);

  return {
    facts,
    status,
    sending,
    /** The scenario's reveal-rule facts, for the fact picker. */
    async loadFacts(scenarioId: string): Promise<void> {
      try {
        const scenario = await deps.api.getScenario(scenarioId);
        facts.value = scenario.script.revealRules.map((r) => r.fact);
      } catch (err) {
        status.value = { ok: false, text: `Facts unavailable: ${errorMessage(err)}` };
      }
    },
    /** Resolves true when the server took the steer. */
    async send(steer: SteerCommand): Promise<boolean> {
      if (sending.value) return false;
      sending.value = true;
      try {
        await deps.connection.request('call:steer', { callId, steer });
        status.value = { ok: true, text: `Sent: ${steerText(steer)}` };
        return true;
      } catch (err) {
        status.value = { ok: false, text: `${steerText(steer)} failed: ${errorMessage(err)}` };
        return false;
      } finally {
        sending.value = false;
      }
    },
  };
}

export type SteerStore = ReturnType<typeof createSteerStore>;
