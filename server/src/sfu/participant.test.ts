import { describe, expect, it } from 'vitest';
import type { Producer } from 'mediasoup/lib/types.js';
import type { SupervisionMode, TrackSource } from '../protocol/media.js';
import { hears, Participant, pausedOnHold, type Track } from './participant.js';

// DOMAIN.md's supervision table, row by row, as the room applies it.

const producer = {} as Producer;
const trainee = () => new Participant('t', 'trainee');
const supervisor = (mode: SupervisionMode | undefined, id = 's') => Object.assign(new Participant(id, 'supervisor'), { mode });
const voice = (source: TrackSource): Track => ({ source, producer });
const micOf = (owner: Participant): Track => ({ source: owner.source, producer, owner });

describe('who hears whom', () => {
  it('silent monitor: the supervisor hears the caller, the agency and the trainee; nobody hears the supervisor', () => {
    const t = trainee();
    const s = supervisor('monitor');
    expect([hears(s, voice('caller')), hears(s, voice('agency')), hears(s, micOf(t))]).toEqual([true, true, true]);
    expect(hears(t, micOf(s))).toBe(false);
    expect(hears(supervisor('monitor', 'other'), micOf(s))).toBe(false);
    expect(hears(t, voice('caller'))).toBe(true);
  });

  it('coach: only the trainee hears the coach', () => {
    const t = trainee();
    const coach = supervisor('coach');
    expect(hears(t, micOf(coach))).toBe(true);
    expect(hears(supervisor('monitor', 'other'), micOf(coach))).toBe(false);
    expect(hears(coach, micOf(t))).toBe(true);
    expect(hears(coach, voice('caller'))).toBe(true);
  });

  it('barge: everyone in the room hears the instructor (the caller does through the bridge)', () => {
    const t = trainee();
    const barging = supervisor('barge');
    expect(hears(t, micOf(barging))).toBe(true);
    expect(hears(supervisor('monitor', 'other'), micOf(barging))).toBe(true);
    expect(hears(barging, micOf(barging))).toBe(false);
  });

  it('someone from the floor who does not supervise (yet) hears nothing, and a trainee never hears a trainee', () => {
    const idle = supervisor(undefined);
    expect([hears(idle, voice('caller')), hears(idle, micOf(trainee()))]).toEqual([false, false]);
    expect(hears(trainee(), micOf(new Participant('t2', 'trainee')))).toBe(false);
  });

  it('hold cuts off the simulated voices only', () => {
    expect((['caller', 'agency', 'trainee', 'instructor'] as const).map(pausedOnHold)).toEqual([true, true, false, false]);
  });
});
