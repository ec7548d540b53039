import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MINUTE_MS } from '../../../src/shared/domain/policy';
import { OidcProvider } from '../../../src/server/auth/sso/sso-provider';
import { verifyPassword } from '../../../src/server/auth/passwords';
import { findUserByUsername } from '../../../src/server/storage/users';
import {
  newNonce,
  newPkce,
  OTHER_CLIENT_ID,
  startTestIdentityProvider,
  TEST_CLIENT_ID,
  type TestIdentityProvider,
} from '../../support/oidc/test-identity-provider';
import { SSO_USERS as USERS, ssoConfig } from '../../support/oidc/sso-fixture';
import { connect, postJson, signIn, startTestServer, type TestServer } from './helpers';

/** What the desktop does: the browser flow at the provider, then the code to the server. */
async function ssoSignIn(
  t: TestServer,
  idp: TestIdentityProvider,
  subject: string,
  nonce = newNonce(),
): ReturnType<typeof postJson> {
  const pkce = newPkce();
  const redirectUri = 'http://127.0.0.1:49152/callback';
  const code = await idp.authorize({ subject, nonce, pkce, redirectUri });
  return postJson(`${t.server.url}/api/sso/sign-in`, {
    code,
    codeVerifier: pkce.verifier,
    redirectUri,
    nonce,
  });
}

describe('single sign-on through a real OpenID Provider', () => {
  let idp: TestIdentityProvider;
  let t: TestServer;
  beforeAll(async () => {
    idp = await startTestIdentityProvider(USERS);
    t = await startTestServer({ sso: ssoConfig(idp), clockStart: Date.now() });
  });
  afterAll(async () => {
    await t.dispose();
    await idp.stop();
  });
  // The provider stamps tokens with the real time: the server's clock starts there for each test.
  beforeEach(() => {
    t.clock.now = Date.now();
  });

  it('tells a desktop how to start the flow, without secrets', async () => {
    const json = (await (await fetch(`${t.server.url}/api/sso`)).json()) as { value: unknown };
    expect(json.value).toEqual({
      enabled: true,
      displayName: 'Agency ID',
      issuer: idp.issuer,
      clientId: TEST_CLIENT_ID,
      scopes: ['openid', 'profile', 'groups'],
      required: false,
      acrValues: [],
      unlockPrompt: 'every-unlock',
    });
  });

  it('signs in a mapped user with Agent Desk’s own session, bounded by reauthenticateMinutes, and finds them again by subject', async () => {
    const first = await ssoSignIn(t, idp, 'sub-alice');
    expect(first.status).toBe(200);
    expect(first.json.value.user).toMatchObject({ name: 'Alice Tier1', role: 'tier1', team: 'alpha' });
    expect(first.json.value.expiresAt).toBe(t.clock.now + 60 * MINUTE_MS);
    const socket = await connect(t.server, { token: first.json.value.token });
    socket.close();
    const stored = await findUserByUsername(t.server.db, 'alice.tier1.agency.example');
    expect(stored?.profile).toMatchObject({ id: first.json.value.user.id, active: true });
    // No password signs an SSO-made account in.
    const password = await postJson(`${t.server.url}/api/sign-in`, {
      username: 'alice.tier1.agency.example',
      password: 'sso-only',
    });
    expect(password.status).toBe(401);
    const again = await ssoSignIn(t, idp, 'sub-alice');
    expect(again.json.value.user.id).toBe(first.json.value.user.id);
  });

  it('follows the provider’s groups: a user moved to another group gets the new role at the next sign-in', async () => {
    const before = await ssoSignIn(t, idp, 'sub-carla');
    expect(before.json.value.user).toMatchObject({ role: 'lead', team: 'alpha' });
    idp.users.get('sub-carla')!.groups = ['AD-Desk-Tier1-Alpha'];
    const after = await ssoSignIn(t, idp, 'sub-carla');
    expect(after.json.value.user).toMatchObject({ id: before.json.value.user.id, role: 'tier1' });
  });

  it('refuses a user no mapping rule places, naming what IT must configure, and creates nobody', async () => {
    const r = await ssoSignIn(t, idp, 'sub-bruno');
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('sso.unmapped');
    expect(r.json.error.message).toContain('"groups" claim');
    expect(r.json.error.message).toContain('SSO mapping');
    expect(r.json.error.message).not.toContain('Marketing');
    expect(await findUserByUsername(t.server.db, 'bruno.agency.example')).toBeUndefined();
  });

  it('refuses a replayed nonce', async () => {
    const nonce = newNonce();
    expect((await ssoSignIn(t, idp, 'sub-alice', nonce)).status).toBe(200);
    const replay = await ssoSignIn(t, idp, 'sub-alice', nonce);
    expect(replay).toMatchObject({ status: 401, json: { error: { code: 'sso.nonce_replayed' } } });
  });

  it('refuses a code for a nonce other than the one this sign-in sent', async () => {
    const pkce = newPkce();
    const redirectUri = 'http://127.0.0.1:49153/callback';
    const code = await idp.authorize({ subject: 'sub-alice', nonce: newNonce(), pkce, redirectUri });
    const r = await postJson(`${t.server.url}/api/sso/sign-in`, {
      code,
      codeVerifier: pkce.verifier,
      redirectUri,
      nonce: newNonce(),
    });
    expect(r).toMatchObject({ status: 401, json: { error: { code: 'sso.nonce_mismatch' } } });
  });

  it('refuses an expired token (the server’s clock past its expiry)', async () => {
    t.clock.advance(2 * 60 * MINUTE_MS);
    const r = await ssoSignIn(t, idp, 'sub-alice');
    expect(r).toMatchObject({ status: 401, json: { error: { code: 'sso.token_expired' } } });
  });

  it('refuses a redirect IT did not allow, before asking the provider', async () => {
    const r = await postJson(`${t.server.url}/api/sso/sign-in`, {
      code: 'x',
      codeVerifier: newPkce().verifier,
      redirectUri: 'https://evil.example/callback',
      nonce: newNonce(),
    });
    expect(r).toMatchObject({ status: 401, json: { error: { code: 'sso.redirect_refused' } } });
  });

  it('refuses a token issued to another application and one with a bad signature', async () => {
    const validator = new OidcProvider(ssoConfig(idp));
    const nonce = newNonce();
    const pkce = newPkce();
    const code = await idp.authorize({ subject: 'sub-alice', nonce, pkce, clientId: OTHER_CLIENT_ID });
    const foreign = await idp.redeem({ code, pkce, clientId: OTHER_CLIENT_ID });
    expect(await validator.validate(foreign, { nonce, now: Date.now() })).toMatchObject({
      ok: false,
      error: { code: 'sso.wrong_audience' },
    });
    const ownPkce = newPkce();
    const own = await idp.redeem({
      code: await idp.authorize({ subject: 'sub-alice', nonce, pkce: ownPkce }),
      pkce: ownPkce,
      clientId: TEST_CLIENT_ID,
    });
    expect((await validator.validate(own, { nonce, now: Date.now() })).ok).toBe(true);
    const [header, payload, signature] = own.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'sub-dina' })).toString('base64url');
    expect(
      await validator.validate(`${header}.${forged}.${signature}`, { nonce, now: Date.now() }),
    ).toMatchObject({
      ok: false,
      error: { code: 'sso.bad_signature' },
    });
  });

  it('follows a key rotation at the provider (fetches its new key set)', async () => {
    expect((await ssoSignIn(t, idp, 'sub-alice')).status).toBe(200);
    await idp.rotateKeys();
    const after = await ssoSignIn(t, idp, 'sub-alice');
    expect(after.status).toBe(200);
  });

  it('with the provider down: a clear error, and sessions already issued go on working', async () => {
    const before = await ssoSignIn(t, idp, 'sub-alice');
    const pkce = newPkce();
    const nonce = newNonce();
    const redirectUri = 'http://127.0.0.1:49154/callback';
    const code = await idp.authorize({ subject: 'sub-alice', nonce, pkce, redirectUri });
    await idp.stop();
    try {
      const r = await postJson(`${t.server.url}/api/sso/sign-in`, {
        code,
        codeVerifier: pkce.verifier,
        redirectUri,
        nonce,
      });
      expect(r.status).toBe(503);
      expect(r.json.error.code).toBe('sso.provider_unavailable');
      expect(r.json.error.message).toContain('continues offline');
      const socket = await connect(t.server, { token: before.json.value.token });
      socket.close();
    } finally {
      await idp.start();
    }
  });

  it('a user disabled at the provider cannot sign in again and loses the session within reauthenticateMinutes', async () => {
    const session = await ssoSignIn(t, idp, 'sub-dina');
    expect(session.status).toBe(200);
    idp.users.get('sub-dina')!.disabled = true;
    await expect(idp.authorize({ subject: 'sub-dina', nonce: newNonce(), pkce: newPkce() })).rejects.toThrow(
      /refused|did not finish/,
    );
    // Still in until the SSO bound (60 minutes here) ends the session; the desk stays active meanwhile.
    for (let m = 0; m < 4; m += 1) {
      t.clock.advance(14 * MINUTE_MS);
      (await connect(t.server, { token: session.json.value.token })).close();
    }
    t.clock.advance(5 * MINUTE_MS);
    await expect(connect(t.server, { token: session.json.value.token })).rejects.toMatchObject({
      data: { code: 'auth.session_expired' },
    });
    idp.users.get('sub-dina')!.disabled = false;
  });
});

describe('single sign-on required', () => {
  let idp: TestIdentityProvider;
  let t: TestServer;
  beforeAll(async () => {
    idp = await startTestIdentityProvider(USERS);
    t = await startTestServer({
      sso: ssoConfig(idp, { required: true, breakGlassAdmins: ['admin.grace'] }),
      clockStart: Date.now(),
    });
  });
  afterAll(async () => {
    await t.dispose();
    await idp.stop();
  });

  it('turns local passwords off except for IT’s break-glass administrator', async () => {
    const refused = await postJson(`${t.server.url}/api/sign-in`, {
      username: 'tier2.carmen',
      password: 'demo-password-3',
    });
    expect(refused).toMatchObject({ status: 403, json: { error: { code: 'auth.sso_required' } } });
    expect(refused.json.error.message).toContain('Sign in with Agency ID');
    const admin = await signIn(t.server, 'admin.grace', 'demo-password-7');
    expect(admin.user.role).toBe('admin');
    expect((await ssoSignIn(t, idp, 'sub-alice')).status).toBe(200);
  });

  it('answers a break-glass name with a wrong password as it answers any other name (which names are break-glass stays unsaid)', async () => {
    const other = await postJson(`${t.server.url}/api/sign-in`, {
      username: 'tier2.carmen',
      password: 'not-her-password',
    });
    const breakGlass = await postJson(`${t.server.url}/api/sign-in`, {
      username: 'admin.grace',
      password: 'not-her-password',
    });
    expect(other.status).toBe(403);
    expect(breakGlass).toEqual(other);
    const changeOther = await postJson(`${t.server.url}/api/password`, {
      username: 'tier2.carmen',
      password: 'not-her-password',
      newPassword: 'a-new-password-long-enough',
    });
    const changeBreakGlass = await postJson(`${t.server.url}/api/password`, {
      username: 'admin.grace',
      password: 'not-her-password',
      newPassword: 'a-new-password-long-enough',
    });
    expect(changeBreakGlass).toEqual(changeOther);
    expect(changeOther.status).toBe(403);
  });

  it('refuses a password change too, which would open a session with a password', async () => {
    const refused = await postJson(`${t.server.url}/api/password`, {
      username: 'tier2.carmen',
      password: 'demo-password-3',
      newPassword: 'a-new-password-long-enough',
    });
    expect(refused).toMatchObject({ status: 403, json: { error: { code: 'auth.sso_required' } } });
    // Refused before any check: the password is unchanged and no one-time state was touched.
    const stored = await findUserByUsername(t.server.db, 'tier2.carmen');
    expect(await verifyPassword('demo-password-3', stored!.passwordHash)).toBe(true);
  });
});
