import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/helpers';
import { SSO_USERS, ssoConfig } from '../../support/oidc/sso-fixture';
import {
  startTestIdentityProvider,
  type TestIdentityProvider,
} from '../../support/oidc/test-identity-provider';
import { ALICE, openDesktop, signIn, waitSynced, type TestDesktop } from './desktop-helpers';

// Issue 18 items 1 and 4: the desktop's single sign-on through the system browser
// (RFC 8252: PKCE, a loopback redirect on an ephemeral port) against a real OpenID
// Provider and the real sync server. The "browser" here is the test provider's
// visit(), which logs in as a subject and follows the redirect to the desktop.
describe('desktop single sign-on through the system browser', () => {
  let idp: TestIdentityProvider;
  let t: TestServer;
  let subject = 'sub-alice';
  let browsed: string[] = [];
  const browser = (url: string) => {
    browsed.push(url);
    // The system browser works on its own; the desktop only waits for the redirect.
    void idp.visit(url, subject).catch(() => undefined);
    return true;
  };

  beforeAll(async () => {
    idp = await startTestIdentityProvider(SSO_USERS);
    t = await startTestServer({ sso: ssoConfig(idp), clockStart: Date.now() });
  });
  afterAll(async () => {
    await t.dispose();
    await idp.stop();
  });
  beforeEach(() => {
    // The provider stamps tokens with the real time.
    t.clock.now = Date.now();
    subject = 'sub-alice';
    browsed = [];
  });

  const opened = async (options: { ssoIssuer?: string } = {}): Promise<TestDesktop> =>
    openDesktop(t, undefined, { openSignInPage: browser, ...options });

  it('signs in with PKCE and a loopback redirect, keeps no password, and unlocks through the provider again', async () => {
    const d = await opened();
    try {
      const offer = await d.core.ssoInfo();
      expect(offer).toEqual({
        ok: true,
        value: { enabled: true, displayName: 'Agency ID', required: false },
      });
      const started = await d.core.sso.start();
      expect(started.ok && started.value.opened).toBe(true);
      const request = new URL(browsed[0] ?? '');
      expect(`${request.origin}${request.pathname}`).toBe(`${idp.issuer}/auth`);
      expect(request.searchParams.get('code_challenge_method')).toBe('S256');
      expect(request.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
      expect(request.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const finished = await d.core.ssoFinish();
      expect(finished.ok && finished.value).toMatchObject({
        status: 'signed-in',
        user: { name: 'Alice Tier1', role: 'tier1', team: 'alpha' },
        ssoName: 'Agency ID',
      });
      await waitSynced(d.core);

      // The lock screen: no password to check against, so the provider again.
      d.core.session.lock();
      const withPassword = await d.core.session.unlock({ password: 'anything-at-all' });
      expect(!withPassword.ok && withPassword.error).toMatchObject({
        code: 'session.sso_unlock',
        params: { provider: 'Agency ID' },
      });
      // Every unlock (the default policy): the provider is asked to sign the agent in again.
      expect((await d.core.sso.start({ sessionEnded: false })).ok).toBe(true);
      const unlockRequest = new URL(browsed.at(-1) ?? '');
      expect(unlockRequest.searchParams.get('prompt')).toBe('login');
      expect(unlockRequest.searchParams.get('max_age')).toBe('0');
      const unlocked = await d.core.ssoFinish();
      expect(unlocked.ok && unlocked.value).toMatchObject({ status: 'signed-in', ssoName: 'Agency ID' });

      // Someone else at the provider cannot unlock this desk.
      d.core.session.lock();
      subject = 'sub-carla';
      expect((await d.core.sso.start()).ok).toBe(true);
      const other = await d.core.ssoFinish();
      expect(!other.ok && other.error.code).toBe('session.not_this_user');
      expect(d.core.session.state()).toMatchObject({ status: 'locked', user: { name: 'Alice Tier1' } });
    } finally {
      await d.dispose();
    }
  });

  it('says what IT must configure for a user the mapping does not place, and signs nobody in', async () => {
    const d = await opened();
    try {
      subject = 'sub-bruno';
      expect((await d.core.sso.start()).ok).toBe(true);
      const refused = await d.core.ssoFinish();
      expect(!refused.ok && refused.error).toMatchObject({
        code: 'sso.unmapped',
        params: { claim: 'groups' },
      });
      expect(d.core.session.state().status).toBe('signed-out');
    } finally {
      await d.dispose();
    }
  });

  it('opens no browser for an identity provider IT did not name (managed setting ssoIssuer)', async () => {
    const d = await opened({ ssoIssuer: 'https://login.agency.example/' });
    try {
      const started = await d.core.sso.start();
      expect(!started.ok && started.error.code).toBe('sso.issuer_not_trusted');
      expect(browsed).toEqual([]);
    } finally {
      await d.dispose();
    }
  });

  it('with the provider down: a clear error, and a desk already signed in keeps working', async () => {
    const d = await opened();
    try {
      await signIn(d.core, ALICE);
      await waitSynced(d.core);
      await idp.stop();
      d.core.session.lock();
      const started = await d.core.sso.start();
      expect(!started.ok && started.error.code).toBe('sso.provider_unavailable');
      expect(browsed).toEqual([]);
      // The password session is untouched: it unlocks as before.
      const unlocked = await d.core.session.unlock({ password: ALICE.password });
      expect(unlocked.ok && unlocked.value.status).toBe('signed-in');
    } finally {
      await idp.start();
      await d.dispose();
    }
  });

  it('asks the provider for the required assurance (acr_values) and refuses an answer without it', async () => {
    const piv = 'http://idmanagement.gov/ns/assurance/aal/3?hspd12=true';
    const strict = await startTestServer({
      sso: ssoConfig(idp, { acrValues: [piv] }),
      clockStart: Date.now(),
    });
    const d = await openDesktop(strict, undefined, { openSignInPage: browser });
    try {
      expect((await d.core.sso.start()).ok).toBe(true);
      expect(new URL(browsed[0] ?? '').searchParams.get('acr_values')).toBe(piv);
      // The test provider's login asserts no assurance level: not the PIV/CAC sign-in required.
      const refused = await d.core.ssoFinish();
      expect(!refused.ok && refused.error.code).toBe('sso.acr_refused');
      expect(d.core.session.state().status).toBe('signed-out');
    } finally {
      await d.dispose();
      await strict.dispose();
    }
  });

  it('with unlockPrompt after-session-end, the provider asks again only once the server session ended', async () => {
    const relaxed = await startTestServer({
      sso: ssoConfig(idp, { unlockPrompt: 'after-session-end' }),
      clockStart: Date.now(),
    });
    const d = await openDesktop(relaxed, undefined, { openSignInPage: browser });
    try {
      expect((await d.core.sso.start()).ok).toBe(true);
      expect(new URL(browsed[0] ?? '').searchParams.get('prompt')).toBeNull();
      expect((await d.core.ssoFinish()).ok).toBe(true);
      d.core.session.lock();
      expect((await d.core.sso.start({ sessionEnded: false })).ok).toBe(true);
      expect(new URL(browsed.at(-1) ?? '').searchParams.get('prompt')).toBeNull();
      expect((await d.core.ssoFinish()).ok).toBe(true);
      d.core.session.lock();
      expect((await d.core.sso.start({ sessionEnded: true })).ok).toBe(true);
      expect(new URL(browsed.at(-1) ?? '').searchParams.get('prompt')).toBe('login');
      expect((await d.core.ssoFinish()).ok).toBe(true);
    } finally {
      await d.dispose();
      await relaxed.dispose();
    }
  });

  it('a cancelled sign-in ends the wait at once and leaves the desk signed out', async () => {
    const d = await openDesktop(t, undefined, { openSignInPage: () => true });
    try {
      expect((await d.core.sso.start()).ok).toBe(true);
      const waiting = d.core.ssoFinish();
      d.core.sso.cancel();
      const finished = await waiting;
      expect(!finished.ok && finished.error.code).toBe('sso.cancelled');
      expect(d.core.session.state().status).toBe('signed-out');
    } finally {
      await d.dispose();
    }
  });
});
