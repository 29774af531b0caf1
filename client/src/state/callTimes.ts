import type { CallDetail, CallState } from '../protocol.js';

export type CallTimes = { ringMs: number; talkMs: number; holdMs: number; currentHoldMs: number; answered: boolean };

/** Ring time until answered, talk time after; hold time counts the hold in progress. */
export function callTimes(c: CallDetail, s: CallState | null, answeredLocally: number | null, endedLocally: number | null, now: number): CallTimes {
  const answered = c.answeredAt ? Date.parse(c.answeredAt) : answeredLocally;
  const end = c.endedAt ? Date.parse(c.endedAt) : (endedLocally ?? now);
  const currentHoldMs = s?.onHold && s.holdStartedAt ? Math.max(0, end - Date.parse(s.holdStartedAt)) : 0;
  return {
    ringMs: Math.max(0, (answered ?? end) - Date.parse(c.startedAt)),
    talkMs: answered ? Math.max(0, end - answered) : 0,
    holdMs: (s?.holdMs ?? c.holdMs) + currentHoldMs,
    currentHoldMs,
    answered: answered !== null,
  };
}
