import { describe, expect, it } from 'vitest';
import type { Emotion } from '../protocol/scenario.js';
import { EmotionState } from './emotion.js';
import { CallerMind } from './mind.js';
import { kitchenFire } from './test-support.js';

describe('emotional state', () => {
  it('calms an easy caller all the way down with reassurance', () => {
    const e = new EmotionState('hysterical', 0.2);
    const seen: Emotion[] = [];
    for (let i = 0; i < 3; i++) {
      e.calm('reassure');
      seen.push(e.emotion);
    }
    expect(seen).toEqual(['panicked', 'anxious', 'calm']);
  });

  it('never talks a hard-to-control caller below panicked', () => {
    const e = new EmotionState('hysterical', 0.8);
    const seen: Emotion[] = [];
    for (let i = 0; i < 3; i++) {
      e.calm('reassure');
      seen.push(e.emotion);
    }
    expect(seen).toEqual(['panicked', 'panicked', 'panicked']);
  });

  it('escalates with silence, turns angry when asked again, and reassurance brings it back', () => {
    const e = new EmotionState('anxious', 0.5);
    const seen: Emotion[] = [];
    e.escalate(0.5, 'silence');
    seen.push(e.emotion);
    e.escalate(0.5, 'repeat');
    seen.push(e.emotion);
    e.calm('reassure');
    seen.push(e.emotion);
    expect(seen).toEqual(['panicked', 'angry', 'anxious']);
  });

  it('takes a timeline emotion as the new state and keeps crying until calmed below it', () => {
    const e = new EmotionState('anxious', 0.5);
    e.set('crying');
    const seen: Emotion[] = [e.emotion];
    e.calm('command');
    seen.push(e.emotion);
    e.calm('command');
    seen.push(e.emotion);
    expect(seen).toEqual(['crying', 'crying', 'anxious']);
  });

  it('moves through an exact sequence over a conversation', async () => {
    const mind = new CallerMind(kitchenFire(), 1, { silenceMs: 1e9 });
    mind.opening(0);
    const turns = ['whats your name', 'whats your name', 'its going to be okay', 'help is on the way', 'stay outside and keep away from the house'];
    const seen: Emotion[] = [];
    for (const [i, text] of turns.entries()) seen.push((await mind.respond({ text, atMs: 2000 * (i + 1) })).emotion);
    expect(seen).toEqual(['panicked', 'angry', 'anxious', 'calm', 'calm']);
  });

  it('escalates after a long hold but not a short one', () => {
    const mind = new CallerMind(kitchenFire({ persona: { initialEmotion: 'anxious' } }), 1, { silenceMs: 1e9 });
    mind.opening(0);
    mind.onHold(1000);
    expect(mind.offHold(6000).emotion).toBe('anxious');
    mind.onHold(7000);
    expect(mind.offHold(29_000).emotion).toBe('panicked');
  });
});
