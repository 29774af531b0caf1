import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeZodIssues } from './errors.js';

const words = (schema: z.ZodType, value: unknown) => describeZodIssues(schema.safeParse(value).error!.issues);

describe('validation messages', () => {
  it('regression: "email: Too big: expected string to have <=200 characters" reads as a person would say it', () => {
    expect(words(z.object({ email: z.string().max(200) }), { email: 'x'.repeat(201) })).toBe('email: at most 200 characters');
  });

  it('names a missing or empty field as required', () => {
    expect(words(z.object({ scenarioId: z.string().min(1) }), {})).toBe('scenarioId: required');
    expect(words(z.object({ text: z.string().min(1) }), { text: '' })).toBe('text: required');
  });

  it('words formats, choices, whole numbers and list sizes', () => {
    expect(words(z.object({ email: z.string().email() }), { email: 'nope' })).toBe('email: not an email address');
    expect(words(z.object({ mode: z.enum(['practice', 'exam']) }), { mode: 'x' })).toBe('mode: must be one of practice, exam');
    expect(words(z.object({ seed: z.number().int() }), { seed: 1.5 })).toBe('seed: must be a whole number');
    expect(words(z.object({ ids: z.array(z.string()).max(1) }), { ids: ['a', 'b'] })).toBe('ids: at most 1 item');
  });
});
