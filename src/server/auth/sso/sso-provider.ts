import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { z } from 'zod';
import { err, ok, type Result } from '../../../shared/domain/result';
import type { SsoConfig } from './sso-config';

/** The fields of the provider's discovery document this server uses. */
const discoverySchema = z.object({
  issuer: z.string(),
  token_endpoint: z.string().url(),
  jwks_uri: z.string().url(),
});

const tokenResponseSchema = z.object({ id_token: z.string().min(1) });
const tokenErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

/** How long a request to the provider may take before the sign-in says it is unreachable. */
const PROVIDER_TIMEOUT_MS = 10_000;

const unavailable = (why: string) =>
  err(
    'sso.provider_unavailable',
    `The identity provider cannot be reached (${why}); try again later. Work already on this desk continues offline.`,
  );

/**
 * The agency's OpenID Provider as this server talks to it: discovery (read once,
 * again after a failure), redeeming an authorization code, and validating the ID
 * token with jose — issuer, audience, signature against the provider's published
 * keys (re-fetched when a token names a key not seen yet: key rotation), expiry
 * and nonce. The nonce's single use is the caller's (SsoService) to record.
 */
export class OidcProvider {
  private discovery: Promise<z.infer<typeof discoverySchema>> | undefined;
  private keys: ReturnType<typeof createRemoteJWKSet> | undefined;

  constructor(private readonly config: SsoConfig) {}

  private async discover(): Promise<Result<z.infer<typeof discoverySchema>>> {
    this.discovery ??= (async () => {
      const url = `${this.config.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
      const response = await fetch(url, { signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS) });
      if (!response.ok) throw new Error(`discovery answered ${response.status}`);
      return discoverySchema.parse(await response.json());
    })();
    try {
      const found = await this.discovery;
      if (found.issuer !== this.config.issuer)
        return err(
          'sso.misconfigured',
          `The provider's discovery document names the issuer ${found.issuer}, not the configured ${this.config.issuer}; IT must set the issuer exactly as the provider states it.`,
        );
      this.keys ??= createRemoteJWKSet(new URL(found.jwks_uri), {
        timeoutDuration: PROVIDER_TIMEOUT_MS,
        // A token signed with a key not seen yet fetches the key set again at once (rotation).
        cooldownDuration: 0,
      });
      return ok(found);
    } catch (error) {
      this.discovery = undefined;
      return unavailable(error instanceof Error ? error.message : String(error));
    }
  }

  /** Redeems the code at the token endpoint (with the PKCE verifier) and returns the raw ID token. */
  async redeem(input: { code: string; codeVerifier: string; redirectUri: string }): Promise<Result<string>> {
    const found = await this.discover();
    if (!found.ok) return found;
    const form = new URLSearchParams({
      grant_type: 'authorization_code',
      code: input.code,
      code_verifier: input.codeVerifier,
      redirect_uri: input.redirectUri,
      client_id: this.config.clientId,
      ...(this.config.clientSecret ? { client_secret: this.config.clientSecret } : {}),
    });
    let response: Response;
    try {
      response = await fetch(found.value.token_endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form,
        signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
      });
    } catch (error) {
      return unavailable(error instanceof Error ? error.message : String(error));
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      if (response.status >= 500) return unavailable(`the token endpoint answered ${response.status}`);
      const refused = tokenErrorSchema.safeParse(body);
      return err(
        'sso.code_refused',
        `The identity provider refused the sign-in code (${refused.success ? refused.data.error : response.status}); sign in again.`,
      );
    }
    const tokens = tokenResponseSchema.safeParse(body);
    if (!tokens.success)
      return err(
        'sso.code_refused',
        'The identity provider sent no ID token; check the scopes include openid.',
      );
    return ok(tokens.data.id_token);
  }

  /** The ID token's claims once issuer, audience, signature, expiry and nonce check out. */
  async validate(idToken: string, expected: { nonce: string; now: number }): Promise<Result<JWTPayload>> {
    const found = await this.discover();
    if (!found.ok || !this.keys) return found.ok ? unavailable('no key set') : found;
    try {
      const { payload } = await jwtVerify(idToken, this.keys, {
        issuer: this.config.issuer,
        audience: this.config.clientId,
        currentDate: new Date(expected.now),
        clockTolerance: this.config.clockToleranceSeconds,
        requiredClaims: ['sub', 'exp', 'iat', 'nonce'],
      });
      if (payload.nonce !== expected.nonce)
        return err(
          'sso.nonce_mismatch',
          'The sign-in answer does not belong to this sign-in; sign in again.',
        );
      return ok(payload);
    } catch (error) {
      return refusal(error);
    }
  }
}

/** A token jose refused, with the reason IT or the user can act on (never the token itself). */
function refusal(error: unknown): Result<never> {
  if (error instanceof errors.JWTExpired)
    return err(
      'sso.token_expired',
      "The identity provider's token has expired; check this server's clock and sign in again.",
    );
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud')
      return err(
        'sso.wrong_audience',
        'The token was issued for another application; IT must check the client id.',
      );
    if (error.claim === 'iss')
      return err(
        'sso.wrong_issuer',
        'The token comes from another identity provider; IT must check the issuer.',
      );
    return err('sso.token_invalid', `The identity provider's token is not valid (${error.claim}).`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey)
    return err('sso.bad_signature', "The token's signature does not match the identity provider's keys.");
  if (error instanceof errors.JWKSTimeout || (error instanceof Error && error.name === 'TypeError'))
    return unavailable('its keys could not be fetched');
  return err('sso.token_invalid', "The identity provider's token is not valid.");
}
