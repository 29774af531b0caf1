import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config/config.js';
import { roleFromClaim } from './sso.js';

describe('the role a sign-on claim gives', () => {
  const map = { 'dispatch-trainees': 'trainee', 'dispatch-leads': 'supervisor', 'it-admins': 'admin' } as const;

  it('maps claim values through the map, and takes a role named as itself', () => {
    expect(roleFromClaim('dispatch-trainees', map)).toBe('trainee');
    expect(roleFromClaim(['instructor'], map)).toBe('instructor');
  });

  it('gives the role with the most rights when several values map', () => {
    expect(roleFromClaim(['dispatch-trainees', 'it-admins', 'dispatch-leads'], map)).toBe('admin');
  });

  it('gives no role for unknown values, an empty list or a claim that is not text', () => {
    expect(roleFromClaim(['staff'], map)).toBeNull();
    expect(roleFromClaim([], map)).toBeNull();
    expect(roleFromClaim(undefined, map)).toBeNull();
    expect(roleFromClaim({ admin: true }, map)).toBeNull();
  });
});

describe('sign-on settings', () => {
  const base = { OIDC_ISSUER: 'https://id.example.org', OIDC_CLIENT_ID: 'ringdown', OIDC_CLIENT_SECRET: 's' };

  it('reads the role map as value=role pairs', () => {
    expect(loadConfig({ ...base, OIDC_ROLE_MAP: 'a=trainee, b c=admin' }).oidc?.roleMap).toEqual({ a: 'trainee', 'b c': 'admin' });
  });

  it('names the variable when the role map names no role or the client is incomplete', () => {
    expect(() => loadConfig({ ...base, OIDC_ROLE_MAP: 'a=chief' })).toThrow(/OIDC_ROLE_MAP/);
    expect(() => loadConfig({ OIDC_ISSUER: 'https://id.example.org' })).toThrow(ConfigError);
  });

  it('is off unless an issuer is set', () => {
    expect(loadConfig({}).oidc).toBeUndefined();
  });
});

describe('demo accounts by default', () => {
  it('are on for the quick start and off with NODE_ENV=production unless asked for', () => {
    expect(loadConfig({}).seed.demoUsers).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).seed.demoUsers).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SEED_DEMO_USERS: 'true' }).seed.demoUsers).toBe(true);
  });
});
