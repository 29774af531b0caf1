/**
 * A seeded PRNG (mulberry32): the same seed gives the same caller (and the same background
 * noise), so a scenario author can replay a conversation and a test can assert exact replies.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** Where the sequence is now: calling the result goes back there (a speculative reply is taken back). */
  checkpoint(): () => void;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new TypeError('pick() needs at least one item');
      return items[Math.floor(next() * items.length)] as T;
    },
    checkpoint() {
      const at = state;
      return () => void (state = at);
    },
  };
}
