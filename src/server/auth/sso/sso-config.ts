import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { err, ok, type Result } from '../../../shared/domain/result';
import { roleSchema } from '../../../shared/sync/rows/user';
import { GLOBAL_TEAM, teamSchema } from '../../../shared/sync/rows/common';
import { usernameSchema } from '../../../shared/admin/account-rules';

/** One rule of the claim mapping: members of `group` get `role` in `team` (the first rule that matches wins). */
const mappingRuleSchema = z.object({
  group: z.string().min(1, 'a mapping rule needs the group (or role) value the provider sends'),
  role: roleSchema,
  team: teamSchema.refine((t) => t !== GLOBAL_TEAM, 'a user belongs to one team'),
});

/**
 * The server's single sign-on configuration (a JSON file, `--sso-config`; docs/deployment.md).
 * Absent: local passwords only, exactly as before.
 */
export const ssoConfigSchema = z
  .object({
    /** "Sign in with <displayName>". */
    displayName: z.string().trim().min(1).max(60),
    /** The provider's issuer URL exactly as its discovery document states it (https, or http on loopback for tests). */
    issuer: z
      .string()
      .url('the issuer must be a URL')
      .refine(
        (u) => u.startsWith('https://') || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(u),
        'the issuer must use https (http only on a loopback address)',
      ),
    clientId: z.string().min(1).max(256),
    /** For a confidential client (the server redeems the code); absent: a public client with PKCE only. */
    clientSecret: z.string().min(16, 'the client secret must be at least 16 characters').optional(),
    scopes: z
      .array(z.string().regex(/^[\x21\x23-\x5b\x5d-\x7e]+$/, 'a scope has no spaces or quotes'))
      .default(['openid', 'profile']),
    /** The ID-token claim holding the user's groups or roles (Entra ID: "groups" or "roles"; Okta: "groups"). */
    groupsClaim: z.string().min(1).default('groups'),
    /** The claim that becomes the Agent Desk user name on first sign-in (lower-cased). */
    usernameClaim: z.string().min(1).default('preferred_username'),
    nameClaim: z.string().min(1).default('name'),
    mapping: z.array(mappingRuleSchema).min(1, 'map at least one group to a role and team'),
    /**
     * Redirects the desktop may use, without port: a loopback redirect on any port
     * (RFC 8252 §7.3) matches `http://127.0.0.1/callback`.
     */
    allowedRedirects: z.array(z.string().url()).min(1).default(['http://127.0.0.1/callback']),
    /** Local passwords off, except for the break-glass administrators below. */
    required: z.boolean().default(false),
    breakGlassAdmins: z.array(usernameSchema).default([]),
    /**
     * The longest an SSO session lives before the desktop must go through the provider
     * again: the bound on how long an account disabled at the provider keeps access.
     */
    reauthenticateMinutes: z
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .default(60),
    /**
     * The sign-in assurance required (OpenID `acr_values`), e.g. Login.gov's PIV/CAC level:
     * the desktop asks the provider for it, and the server refuses an ID token whose `acr`
     * is not one of these. Empty: the provider's own policy decides (Entra ID, Okta).
     */
    acrValues: z.array(z.string().min(1).max(200)).max(10).default([]),
    /**
     * When the lock screen makes the agent sign in at the provider again (`prompt=login`):
     * at every unlock (the default: the PIN again, as a session lock requires), or only
     * once Agent Desk's server session has ended (before that the provider's own session
     * may answer without asking). Either way the desk keeps no password.
     */
    unlockPrompt: z.enum(['every-unlock', 'after-session-end']).default('every-unlock'),
    /** Allowed difference between this server's clock and the provider's, for exp/iat/nbf. */
    clockToleranceSeconds: z.number().int().min(0).max(300).default(60),
  })
  .strict()
  .refine((c) => c.scopes.includes('openid'), {
    message: 'scopes must include openid',
    path: ['scopes'],
  });
export type SsoConfig = z.infer<typeof ssoConfigSchema>;

/** Reads and validates the SSO file, naming the file and every problem. */
export function loadSsoConfig(file: string): Result<SsoConfig> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return err('config.sso', `Cannot read the SSO file ${file}: ${(error as Error).message}`);
  }
  const parsed = ssoConfigSchema.safeParse(raw);
  if (parsed.success) return ok(parsed.data);
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'sso'}: ${i.message}`).join('; ');
  return err('config.sso', `The SSO file ${file} is invalid: ${problems}`);
}

/** Whether a redirect the desktop used is allowed: same scheme, host and path; any port on loopback. */
export function redirectAllowed(config: SsoConfig, redirectUri: string): boolean {
  let given: URL;
  try {
    given = new URL(redirectUri);
  } catch {
    return false;
  }
  return config.allowedRedirects.some((allowed) => {
    const a = new URL(allowed);
    const loopback = a.protocol === 'http:' && (a.hostname === '127.0.0.1' || a.hostname === '[::1]');
    return (
      given.protocol === a.protocol &&
      given.hostname === a.hostname &&
      given.pathname === a.pathname &&
      given.search === '' &&
      (loopback || given.port === a.port)
    );
  });
}

/** Whether the ID token asserts an assurance the configuration requires (always, when none is). */
export function acrAccepted(config: Pick<SsoConfig, 'acrValues'>, claims: Record<string, unknown>): boolean {
  return config.acrValues.length === 0 || config.acrValues.includes(String(claims['acr'] ?? ''));
}
