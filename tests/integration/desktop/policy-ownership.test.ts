import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, type Policy } from '../../../src/shared/domain/policy';
import { startTestServer, type TestServer } from '../server/helpers';
import { CARMEN, openDesktop, signIn, type TestDesktop } from './desktop-helpers';

/**
 * Who owns policy (docs/deployment.md): the server's policy is the one every
 * desktop runs with; the desktop's own idle lock (IT's idleLockMinutes setting)
 * can only make the lock sooner, because the server ends idle sessions itself.
 */
const SERVER_POLICY: Policy = {
  ...DEFAULT_POLICY,
  attempts: { ...DEFAULT_POLICY.attempts, maxAttempts: DEFAULT_POLICY.attempts.maxAttempts + 1 },
  security: { ...DEFAULT_POLICY.security, idleLockMinutes: 10 },
};

describe('policy ownership: a real server with its own policy, real desktop cores', () => {
  let t: TestServer;
  const desktops: TestDesktop[] = [];

  beforeAll(async () => {
    t = await startTestServer({ policy: SERVER_POLICY });
  });
  afterAll(async () => {
    await Promise.all(desktops.map((d) => d.dispose()));
    await t?.dispose();
  });

  async function signedIn(idleLockMinutes?: number) {
    const desk = await openDesktop(t, undefined, idleLockMinutes === undefined ? {} : { idleLockMinutes });
    desktops.push(desk);
    await signIn(desk.core, CARMEN);
    return desk.core;
  }

  it("the desktop runs with the server's policy, not the built-in defaults", async () => {
    const core = await signedIn();
    expect(core.session.policy()).toEqual(SERVER_POLICY);
    expect(core.session.state()).toMatchObject({ policy: SERVER_POLICY, idleLockMinutes: 10 });
  });

  it("a longer desktop idle lock cannot stretch the server's", async () => {
    expect((await signedIn(60)).session.state().idleLockMinutes).toBe(10);
  });

  it('a shorter desktop idle lock applies', async () => {
    expect((await signedIn(5)).session.state().idleLockMinutes).toBe(5);
  });
});
