import { describe, expect, it } from 'vitest';
import { eventDetail, eventLabel, natureText, outcomeText, placeholderWords, serverText } from './words.js';

// Regression: raw codes reached people (`caller_hung_up`, `medical:fall`, `Off hold (3790)`,
// `email: Too big: expected string to have <=200 characters`).

describe('codes in words', () => {
  it('words every outcome, and a code it does not know yet still reads as words', () => {
    expect(outcomeText('caller_hung_up')).toBe('The caller hung up');
    expect(outcomeText('lost')).toBe('Lost to a technical failure');
    expect(outcomeText('some_new_outcome')).toBe('Some new outcome');
    expect(outcomeText(null)).toBe('—');
  });

  it('words a kind of call and the nature heard on one', () => {
    expect(natureText('medical:fall')).toBe('Medical: fall');
    expect(natureText('hazmat')).toBe('Hazardous materials');
    expect(natureText('rescue:lost')).toBe('Rescue: lost');
  });

  it('words events and what their data adds', () => {
    expect(`${eventLabel('unhold')} (${eventDetail({ type: 'unhold', data: { heldMs: 3790 } })})`).toBe('Off hold (held 4 s)');
    expect(eventDetail({ type: 'unhold', data: { heldMs: 75_000 } })).toBe('held 1 min 15 s');
    expect(eventDetail({ type: 'transfer', data: { agency: 'ems', mode: 'warm', stage: 'completed' } })).toBe('EMS, warm, completed');
    expect(eventDetail({ type: 'end', data: { outcome: 'caller_hung_up', reason: null } })).toBe('The caller hung up');
    expect(`${eventLabel('fallback')}: ${eventDetail({ type: 'fallback', data: { stage: 'phrasing', reason: 'timeout after 600 ms' } })}`).toBe('The caller fell back: LLM wording → scripted line (timeout after 600 ms)');
    expect(eventDetail({ type: 'steer', data: { action: 'noise', noise: 'sirens' } })).toBe('background noise: sirens');
    expect(eventLabel('emotion')).toBe('Caller’s mood');
  });

  it("words the server's validation messages with the form's field names", () => {
    expect(serverText('email: at most 200 characters')).toBe('Email: At most 200 characters.');
    expect(serverText('text: at most 500 characters; mode: required')).toBe('Your line: At most 500 characters. Mode: Required.');
    expect(serverText('persona.age: must be a whole number')).toBe('persona.age: Must be a whole number.');
    expect(serverText('log in first')).toBe('Log in first.');
  });
});

describe('scenario placeholders in words', () => {
  it('words each kind of placeholder the schema knows', () => {
    expect(placeholderWords('caller.first')).toBe("caller's first name");
    expect(placeholderWords('wife.name')).toBe("wife's name");
    expect(placeholderWords('houseNumber-4')).toBe('house number − 4');
    expect(placeholderWords('city')).toBe('town');
    expect(placeholderWords('callback')).toBe('callback number');
  });
});
