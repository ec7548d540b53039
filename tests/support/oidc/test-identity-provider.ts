import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type Configuration } from 'oidc-provider';

/**
 * A real, certified OpenID Provider (`oidc-provider`) in-process on 127.0.0.1 for
 * single sign-on tests: test users with groups, disabling a user, rotating the
 * signing key, stopping (the provider down). `authorize` plays the browser's part
 * of the authorization-code flow (the login form and consent of the provider's
 * development interactions; the smart card is the provider's business).
 */

export interface TestIdpUser {
  name: string;
  /** Becomes preferred_username (an e-mail-like name, as Entra ID sends). */
  username: string;
  groups: string[];
  disabled?: boolean;
}

export const TEST_CLIENT_ID = 'agent-desk';
export const TEST_CLIENT_SECRET = 'agent-desk-test-client-secret-0123';
/** Another application registered at the same provider (its tokens have the wrong audience for Agent Desk). */
export const OTHER_CLIENT_ID = 'other-app';
export const TEST_REDIRECT = 'http://127.0.0.1/callback';

export interface Pkce {
  verifier: string;
  challenge: string;
}

/** A PKCE pair (RFC 7636, S256). */
export function newPkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function newNonce(): string {
  return randomBytes(16).toString('base64url');
}

async function newSigningKey(): Promise<Record<string, unknown>> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: randomBytes(8).toString('hex'), alg: 'RS256', use: 'sig' };
}

function configuration(users: Map<string, TestIdpUser>, keys: Record<string, unknown>[]): Configuration {
  const client = (client_id: string) => ({
    client_id,
    client_secret: `${TEST_CLIENT_SECRET}-${client_id}`,
    redirect_uris: [TEST_REDIRECT],
    application_type: 'native' as const,
    token_endpoint_auth_method: 'client_secret_post' as const,
    grant_types: ['authorization_code'],
    response_types: ['code' as const],
  });
  return {
    clients: [{ ...client(TEST_CLIENT_ID), client_secret: TEST_CLIENT_SECRET }, client(OTHER_CLIENT_ID)],
    jwks: { keys: keys as never },
    cookies: { keys: ['agent-desk-test-cookie-key-0123456789'] },
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], groups: ['groups'] },
    // Groups in the ID token, as Entra ID and Okta can be configured to send them.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 3600, IdToken: 3600 },
    renderError: (ctx, out) => {
      ctx.type = 'json';
      ctx.body = out;
    },
    findAccount: (_ctx, id) => {
      const user = users.get(id);
      if (!user || user.disabled) return undefined;
      return {
        accountId: id,
        claims: () => ({ sub: id, name: user.name, preferred_username: user.username, groups: user.groups }),
      };
    },
  };
}

export interface TestIdentityProvider {
  readonly issuer: string;
  readonly users: Map<string, TestIdpUser>;
  /**
   * The browser's part: the authorization request, the login as `subject`, the
   * consent; resolves with the code sent to the redirect, rejects when the
   * provider refuses (e.g. a disabled user).
   */
  authorize(input: {
    subject: string;
    nonce: string;
    pkce: Pkce;
    clientId?: string;
    redirectUri?: string;
  }): Promise<string>;
  /**
   * The system browser opened at `url` (a desktop's authorization request): signs in as
   * `subject`, consents, and follows the redirect to the desktop's loopback address.
   */
  visit(url: string, subject: string): Promise<void>;
  /** Redeems a code as `clientId` (for a token issued to another application). */
  redeem(input: { code: string; pkce: Pkce; clientId: string; redirectUri?: string }): Promise<string>;
  /** A new signing key replaces the old one (the key set published from now on has only the new key). */
  rotateKeys(): Promise<void>;
  /** Stops answering (the provider down); `start` brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startTestIdentityProvider(
  users: Record<string, TestIdpUser>,
): Promise<TestIdentityProvider> {
  const accounts = new Map(Object.entries(users));
  let provider: Provider | undefined;
  let server: Server | undefined;
  let port = 0;
  const listen = async () => {
    server = createServer((req, res) => provider?.callback()(req, res));
    await new Promise<void>((resolve) => server?.listen(port, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  };
  await listen();
  const issuer = `http://127.0.0.1:${port}`;
  const build = async () => {
    provider = new Provider(issuer, configuration(accounts, [await newSigningKey()]));
  };
  await build();

  /**
   * The browser at the provider from `start`: the development interactions' login (as
   * `subject`) and consent, until the provider redirects to `isRedirect`; returns that address.
   */
  const follow = async (start: string, subject: string, isRedirect: (url: URL) => boolean): Promise<URL> => {
    const cookies = new Map<string, string>();
    let url = start;
    let form: URLSearchParams | undefined;
    for (let hop = 0; hop < 12; hop += 1) {
      const response = await fetch(url, {
        method: form ? 'POST' : 'GET',
        redirect: 'manual',
        headers: {
          cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        ...(form ? { body: form } : {}),
      });
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const [name, value] = (pair ?? '').split('=');
        if (name && value) cookies.set(name, value);
        else if (name) cookies.delete(name);
      }
      const location = response.headers.get('location');
      if (location) {
        const next = new URL(location, url);
        if (isRedirect(next)) return next;
        url = next.toString();
        form = undefined;
        continue;
      }
      const html = await response.text();
      if (response.status !== 200) throw new Error(`the provider refused (${response.status})`);
      // The development interactions: a login form, then a consent form, posted back to the same page.
      form = html.includes('value="login"')
        ? new URLSearchParams({ prompt: 'login', login: subject, password: 'smart-card' })
        : new URLSearchParams({ prompt: 'consent' });
    }
    throw new Error('the provider did not finish the sign-in');
  };

  const browse = async (input: {
    subject: string;
    nonce: string;
    pkce: Pkce;
    clientId?: string;
    redirectUri?: string;
  }) => {
    const redirectUri = input.redirectUri ?? TEST_REDIRECT;
    const start = `${issuer}/auth?${new URLSearchParams({
      client_id: input.clientId ?? TEST_CLIENT_ID,
      response_type: 'code',
      scope: 'openid profile groups',
      redirect_uri: redirectUri,
      nonce: input.nonce,
      state: newNonce(),
      code_challenge: input.pkce.challenge,
      code_challenge_method: 'S256',
    }).toString()}`;
    const back = await follow(
      start,
      input.subject,
      (next) => `${next.origin}${next.pathname}` === redirectUri,
    );
    const code = back.searchParams.get('code');
    if (!code) throw new Error(`the provider refused: ${back.searchParams.get('error') ?? 'no code'}`);
    return code;
  };

  return {
    issuer,
    users: accounts,
    authorize: browse,
    async visit(url, subject) {
      const back = await follow(
        url,
        subject,
        (next) => next.hostname === '127.0.0.1' && next.pathname === '/callback',
      );
      // The browser lands on the desktop's loopback address: that hands it the code (or the refusal).
      await fetch(back);
    },
    async redeem(input) {
      const response = await fetch(`${issuer}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code: input.code,
          code_verifier: input.pkce.verifier,
          redirect_uri: input.redirectUri ?? TEST_REDIRECT,
          client_id: input.clientId,
          client_secret:
            input.clientId === TEST_CLIENT_ID
              ? TEST_CLIENT_SECRET
              : `${TEST_CLIENT_SECRET}-${input.clientId}`,
        }),
      });
      const body = (await response.json()) as { id_token?: string };
      if (!body.id_token) throw new Error(`no ID token: ${JSON.stringify(body)}`);
      return body.id_token;
    },
    rotateKeys: build,
    async stop() {
      const s = server;
      server = undefined;
      s?.closeAllConnections();
      await new Promise<void>((resolve) => (s ? s.close(() => resolve()) : resolve()));
    },
    async start() {
      if (!server) await listen();
    },
  };
}
