import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileKeyProvider } from '../../../src/desktop/core/file-key-provider';
import { CACHE_FILE_NAME } from '../../../src/desktop/core/desktop-core';
import { loadSession, saveSession } from '../../../src/desktop/core/session-store';
import { LocalStore } from '../../../src/desktop/store/local-store';
import { openStore } from '../../../src/desktop/store/open-store';
import { createPiiCipher } from '../../../src/desktop/store/pii-cipher';
import { DEFAULT_POLICY, MINUTE_MS } from '../../../src/shared/domain/policy';
import { ADMIN_REASON, signIn as serverSignIn, type TestServer } from '../server/helpers';
import {
  ALICE,
  openDesktop,
  serverRow,
  signIn,
  startDeskServer,
  waitFor,
  waitSynced,
  type TestDesktop,
} from './desktop-helpers';

// Issue 13 item 1: the unlock after the server ended the session never strands the
// agent with waiting changes — not when the password was changed meanwhile, not when
// the account was disabled, not for a session stored before the desktop kept the
// user name (asked once, then kept).
describe('unlock refusals leave a way forward', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startDeskServer(['refuse-1', 'refuse-2', 'refuse-3']);
  });
  afterAll(async () => t.dispose());

  /** Alice changes her password elsewhere (the server ends her sessions). */
  const changePassword = async (password: string, newPassword: string) => {
    const response = await fetch(`${t.server.url}/api/password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: ALICE.username, password, newPassword }),
    });
    expect(response.status).toBe(200);
  };

  const patchUser = async (id: string, body: unknown) => {
    const admin = await serverSignIn(t.server, 'admin.grace', 'demo-password-7');
    const response = await fetch(`${t.server.url}/api/admin/users/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
      body: JSON.stringify({ reason: ADMIN_REASON, ...(body as object) }),
    });
    expect(response.status).toBe(200);
  };

  /** Signed in, synced, a change queued on an ended session while locked. */
  const lockedWithWaitingChange = async (d: TestDesktop, callbackId: string, password: string) => {
    await signIn(d.core, { username: ALICE.username, password });
    await waitSynced(d.core);
    d.core.session.lock();
    t.clock.advance(20 * MINUTE_MS);
    await waitFor(() => d.core.session.state().expired, 'the server to end the idle session');
    expect(d.core.commands.run('callback.claim', { callbackId }).ok).toBe(true);
  };

  it('a password changed meanwhile: the old one says what to do, the current one unlocks and syncs', async () => {
    const d = await openDesktop(t);
    try {
      await lockedWithWaitingChange(d, 'refuse-1', ALICE.password);
      await changePassword(ALICE.password, 'changed-password-13');
      const old = await d.core.session.unlock({ password: ALICE.password });
      expect(!old.ok && old.error.code).toBe('session.password_changed');
      expect(d.core.session.state().status).toBe('locked');
      const current = await d.core.session.unlock({ password: 'changed-password-13' });
      expect(current.ok && current.value).toMatchObject({ status: 'signed-in', expired: false });
      await waitSynced(d.core);
      expect((await serverRow(t, 'callbacks', 'refuse-1')).assigneeId).toBe('u-tier1-alice');
      // The desktop now knows the current password for the next lock.
      d.core.session.lock();
      expect((await d.core.session.unlock({ password: 'changed-password-13' })).ok).toBe(true);
    } finally {
      await changePassword('changed-password-13', ALICE.password);
      await d.dispose();
    }
  });

  it('a disabled account: the unlock signs out and keeps the waiting change for later', async () => {
    const d = await openDesktop(t);
    try {
      await lockedWithWaitingChange(d, 'refuse-2', ALICE.password);
      await patchUser('u-tier1-alice', { active: false });
      const refused = await d.core.session.unlock({ password: ALICE.password });
      expect(!refused.ok && refused.error.code).toBe('auth.account_disabled');
      expect(d.core.session.state().status).toBe('signed-out');
      expect(d.core.connectionState().pending).toBe(1);
    } finally {
      await patchUser('u-tier1-alice', { active: true });
      await d.dispose();
    }
  });

  it('a session stored without the user name asks for it once, then keeps it', async () => {
    const d = await openDesktop(t);
    await signIn(d.core, ALICE);
    await waitSynced(d.core);
    await d.close();
    await forgetStoredUsername(d.dataDir);
    const again = await openDesktop(t, d.dataDir);
    try {
      await waitSynced(again.core);
      again.core.session.lock();
      t.clock.advance(20 * MINUTE_MS);
      await waitFor(() => again.core.session.state().expired, 'the server to end the idle session');
      expect(again.core.commands.run('callback.claim', { callbackId: 'refuse-3' }).ok).toBe(true);
      expect(again.core.session.state().needsUsername).toBe(true);

      const bare = await again.core.session.unlock({ password: ALICE.password });
      expect(!bare.ok && bare.error.code).toBe('session.username_needed');
      const other = await again.core.session.unlock({ password: 'demo-password-5', username: 'lead.erin' });
      expect(!other.ok && other.error.code).toBe('session.not_this_user');
      const named = await again.core.session.unlock({ password: ALICE.password, username: ALICE.username });
      expect(named.ok && named.value).toMatchObject({
        status: 'signed-in',
        expired: false,
        needsUsername: false,
      });
      await waitSynced(again.core);
      expect((await serverRow(t, 'callbacks', 'refuse-3')).assigneeId).toBe('u-tier1-alice');

      // Kept: the next ended session unlocks with the password alone.
      again.core.session.lock();
      t.clock.advance(20 * MINUTE_MS);
      await waitFor(() => again.core.session.state().expired, 'the server to end the idle session');
      expect((await again.core.session.unlock({ password: ALICE.password })).ok).toBe(true);
      expect(again.core.session.state().expired).toBe(false);
    } finally {
      await again.dispose();
    }
  });
});

/** What an older version stored: the session without its user name. */
async function forgetStoredUsername(dataDir: string): Promise<void> {
  const cipher = createPiiCipher(await fileKeyProvider(join(dataDir, 'cache.key')).loadKey());
  if (!cipher.ok) throw new Error(cipher.error.message);
  const opened = openStore(join(dataDir, CACHE_FILE_NAME));
  if (!opened.ok) throw new Error(opened.error.message);
  try {
    const { meta } = new LocalStore(opened.value.db, cipher.value, DEFAULT_POLICY);
    const session = loadSession(meta, cipher.value);
    if (!session) throw new Error('no stored session');
    const { username: _dropped, ...older } = session;
    saveSession(meta, cipher.value, older);
  } finally {
    opened.value.db.close();
  }
}
