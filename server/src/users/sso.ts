import * as oidc from 'openid-client';
import type { Config } from '../config/config.js';
import { ForbiddenError, UnavailableError } from '../errors.js';
import type { Role } from '../protocol/roles.js';
import type { SharedState } from '../state/state.js';
import { isLoopback } from '../tls.js';

// Single sign-on with an OpenID Connect provider: the authorization code flow with PKCE, state
// and nonce. What a sign-in attempt must remember between leaving for the provider and coming
// back is kept in the shared state under its `state` (so any process may take the callback).

export type SsoSettings = NonNullable<Config['oidc']>;
export type SsoPerson = { email: string; name: string; role: Role };

/** Why a sign-on did not let someone in, for the login page to say. */
export type SsoRefusal = 'expired' | 'no-email' | 'no-role' | 'disabled';
export class SsoRefused extends ForbiddenError {
  constructor(
    readonly reason: SsoRefusal,
    message: string,
  ) {
    super(message);
  }
}

/** Most rights first: a person whose claim maps to several roles gets the highest. */
const BY_RIGHTS: readonly Role[] = ['admin', 'instructor', 'supervisor', 'trainee'];
const ATTEMPT_TTL_MS = 10 * 60_000;
const attemptKey = (state: string) => `oidc-attempt:${state}`;

/** The role a person's claim gives them under the map, or null when none does. */
export function roleFromClaim(claim: unknown, roleMap: Record<string, Role>): Role | null {
  const values = (Array.isArray(claim) ? claim : [claim]).filter((v): v is string => typeof v === 'string');
  const roles = new Set(values.map((v) => roleMap[v] ?? (BY_RIGHTS.includes(v as Role) ? (v as Role) : undefined)));
  return BY_RIGHTS.find((r) => roles.has(r)) ?? null;
}

export class SingleSignOn {
  #provider: Promise<oidc.Configuration> | undefined;

  constructor(
    private readonly settings: SsoSettings,
    private readonly state: SharedState,
  ) {}

  /** Found on first use, not at start: ringdown starts (and password sign-in works) while the provider is down. */
  #discover(): Promise<oidc.Configuration> {
    this.#provider ??= (async () => {
      const issuer = new URL(this.settings.issuer);
      // Plain HTTP only to a provider on this machine (a test's, or a proxy's back side).
      const execute = issuer.protocol === 'http:' && isLoopback(issuer.hostname) ? [oidc.allowInsecureRequests] : [];
      return oidc.discovery(issuer, this.settings.clientId, this.settings.clientSecret, undefined, { execute });
    })().catch((error: unknown) => {
      this.#provider = undefined;
      throw new UnavailableError(`the sign-on provider cannot be reached: ${(error as Error).message}`);
    });
    return this.#provider;
  }

  /** Where to send the browser, and the `state` to bind to it (a cookie) so no one else's callback completes. */
  async begin(redirectUri: string): Promise<{ url: string; state: string }> {
    const provider = await this.#discover();
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    await this.state.set(attemptKey(state), JSON.stringify({ verifier, nonce, redirectUri }), ATTEMPT_TTL_MS);
    const url = oidc.buildAuthorizationUrl(provider, {
      redirect_uri: redirectUri,
      scope: this.settings.scopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state };
  }

  /** Completes the sign-in the provider sent back (`callbackUrl` as the browser requested it). */
  async complete(callbackUrl: URL, boundState: string | undefined): Promise<SsoPerson> {
    const state = callbackUrl.searchParams.get('state') ?? '';
    const raw = state && state === boundState ? await this.state.get(attemptKey(state)) : null;
    if (!raw) throw new SsoRefused('expired', 'this sign-on attempt is unknown or expired: start again');
    await this.state.del(attemptKey(state));
    const attempt = JSON.parse(raw) as { verifier: string; nonce: string };
    const provider = await this.#discover();
    const tokens = await oidc.authorizationCodeGrant(provider, callbackUrl, { pkceCodeVerifier: attempt.verifier, expectedState: state, expectedNonce: attempt.nonce });
    const idClaims = tokens.claims();
    if (!idClaims) throw new SsoRefused('no-email', 'the provider sent no ID token');
    // Providers put profile claims in the ID token or only behind userinfo: read both.
    const claims = { ...(await oidc.fetchUserInfo(provider, tokens.access_token, idClaims.sub)), ...idClaims } as Record<string, unknown>;
    const email = typeof claims.email === 'string' ? claims.email.toLowerCase() : '';
    if (!email) throw new SsoRefused('no-email', 'the provider gave no email address');
    if (claims.email_verified === false) throw new SsoRefused('no-email', 'the provider has not verified this email address');
    const role = roleFromClaim(claims[this.settings.roleClaim], this.settings.roleMap);
    if (!role) throw new SsoRefused('no-role', `no ringdown role in the claim ${this.settings.roleClaim}`);
    const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 120) : email;
    return { email, name, role };
  }
}
