import { z } from 'zod';
import { installationKeySchema } from './protocol';

/**
 * Single sign-on through the agency's identity provider (OpenID Connect, docs/deployment.md).
 * The desktop runs the authorization-code flow with PKCE in the system browser and hands
 * the code to the server, which redeems it, validates the ID token and issues its own session.
 */

/** GET /api/sso: what a desktop needs to start the flow (nothing secret). */
export const ssoDiscoverySchema = z.object({
  enabled: z.boolean(),
  /** The agency's name for "Sign in with <name>". */
  displayName: z.string(),
  issuer: z.string(),
  clientId: z.string(),
  scopes: z.array(z.string()),
  /** Whether local passwords are off (except break-glass administrators). */
  required: z.boolean(),
  /** The sign-in assurance to ask the provider for (acr_values); empty: none. */
  acrValues: z.array(z.string()).default([]),
  /** When unlocking asks the provider to sign the agent in again (prompt=login). */
  unlockPrompt: z.enum(['every-unlock', 'after-session-end']).default('every-unlock'),
});
export type SsoDiscovery = z.infer<typeof ssoDiscoverySchema>;

/** What a server without single sign-on offers (and what a server from before it is taken to). */
export const NO_SSO: SsoDiscovery = {
  enabled: false,
  displayName: '',
  issuer: '',
  clientId: '',
  scopes: [],
  required: false,
  acrValues: [],
  unlockPrompt: 'every-unlock',
};

/** POST /api/sso/sign-in: the authorization code from the loopback redirect. */
export const ssoSignInRequestSchema = z.object({
  code: z.string().min(1).max(4096),
  /** The PKCE verifier (RFC 7636: 43–128 characters of the unreserved set). */
  codeVerifier: z
    .string()
    .regex(/^[A-Za-z0-9._~-]{43,128}$/, 'the PKCE verifier must be 43–128 unreserved characters'),
  /** The redirect the code was sent to (a loopback address on an ephemeral port, RFC 8252). */
  redirectUri: z.string().url().max(2048),
  /** The nonce the desktop put in the authorization request; the ID token must carry it, once. */
  nonce: z.string().min(16).max(256),
  /** The installation id (reference-number desk code), as for password sign-in. */
  installation: installationKeySchema.optional(),
});
export type SsoSignInRequest = z.infer<typeof ssoSignInRequestSchema>;
