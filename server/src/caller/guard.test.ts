import { describe, expect, it } from 'vitest';
import { refusalReason, type PhrasePlan } from './guard.js';

const plan = (over: Partial<PhrasePlan> = {}): PhrasePlan => ({
  persona: { age: 61, languageLevel: 'fluent', behaviours: [] },
  emotion: 'panicked',
  traineeText: 'whats your name',
  draft: 'Marcus. Marcus Bell.',
  conveyed: [{ fact: 'caller_name', say: 'Marcus. Marcus Bell.', tells: ['marcus', 'bell'] }],
  known: [],
  forbidden: [
    { fact: 'location', tells: ['615', '4c'] },
    { fact: 'patient', tells: ['58', 'angela'] },
  ],
  history: [],
  ...over,
});
const reply = (say: string, revealedFacts: string[] = []) => ({ say, emotion: 'panicked' as const, revealedFacts });

describe('LLM reply guard', () => {
  it('lets through a rewording of what the caller may say', () => {
    expect(refusalReason(reply("It's Marcus Bell. Please hurry!", ['caller_name']), plan())).toBeNull();
  });

  it('catches a forbidden address spelled out in words', () => {
    expect(refusalReason(reply("Marcus Bell, at six fifteen Lincoln.", ['caller_name']), plan())).toMatch(/reveals "location"/);
  });

  it('catches a forbidden name', () => {
    expect(refusalReason(reply('Marcus Bell. My wife Angela is dying!'), plan())).toMatch(/reveals "patient"/);
  });

  it('refuses a number the caller never had', () => {
    expect(refusalReason(reply('Marcus Bell, I live at 22 Oak Street.'), plan())).toMatch(/invents the number 22/);
  });

  it('refuses a wording that drops the fact the mind decided to give', () => {
    expect(refusalReason(reply('Please hurry!'), plan())).toMatch(/drops "caller_name"/);
  });

  it('refuses a claim to reveal a fact that is not allowed', () => {
    expect(refusalReason(reply('Marcus Bell.', ['location']), plan())).toMatch(/claims to reveal "location"/);
  });

  it('allows a fact told earlier in the call', () => {
    const known = plan({ known: [{ fact: 'location', answer: '615 Lincoln Avenue. Apartment 4C.' }], forbidden: [] });
    expect(refusalReason(reply('Marcus Bell. I said, 615 Lincoln!'), known)).toBeNull();
  });
});
