import type { CallEventView } from '../protocol/api.js';

/**
 * Whether a call's own trainee is shown one of its events, live or over REST. Silent
 * monitoring (starting it, switching back to it, leaving it) only under the centre's
 * SHOW_MONITORED policy; a coach or a barge they hear anyway. Steers once the call is over.
 */
export function traineeSees(event: Pick<CallEventView, 'type' | 'data'>, policy: { showMonitored: boolean; live: boolean }): boolean {
  const mode = event.type === 'leave' ? (event.data as { mode?: string } | null)?.mode : event.type;
  if (mode === 'monitor') return policy.showMonitored;
  if (event.type === 'steer') return !policy.live;
  return true;
}
