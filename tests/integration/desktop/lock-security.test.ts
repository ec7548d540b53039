import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeVerifier } from '../../../src/desktop/core/password-verifier';
import { createIpcHandlers, dispatchIpc } from '../../../src/desktop/ipc/ipc-handlers';
import { META_KEYS } from '../../../src/desktop/store/meta';
import type { TestServer } from '../server/helpers';
import {
  ALICE,
  openDesktop,
  restartOnSamePort,
  serverRow,
  signIn,
  startDeskServer,
  waitFor,
  waitSynced,
} from './desktop-helpers';

describe('idle lock security', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startDeskServer(['lock-1']);
  });
  afterAll(async () => t.dispose());

  it('keeps the unlock verifier encrypted, and encrypts one left plain by an older version', async () => {
    const d = await openDesktop(t);
    try {
      await signIn(d.core, ALICE);
      const raw = d.core.store.meta.get(META_KEYS.unlockVerifier) ?? '';
      expect(raw.length).toBeGreaterThan(0);
      expect(raw).not.toContain('scrypt');
      expect(Buffer.from(raw, 'base64').toString('latin1')).not.toContain('scrypt');
      d.core.session.lock();
      expect((await d.core.session.unlock({ password: ALICE.password })).ok).toBe(true);

      // An older cache: the plain verifier is encrypted when the core opens, and still unlocks.
      d.core.store.meta.set(META_KEYS.unlockVerifier, makeVerifier(ALICE.password));
      await d.close();
      const again = await openDesktop(t, d.dataDir);
      try {
        expect(again.core.store.meta.get(META_KEYS.unlockVerifier)).not.toContain('scrypt');
        again.core.session.lock();
        expect((await again.core.session.unlock({ password: ALICE.password })).ok).toBe(true);
      } finally {
        await again.close();
      }
    } finally {
      await d.dispose();
    }
  });

  it('while locked, sign-out keeps unsynced work; too many wrong passwords sign out but keep the outbox', async () => {
    const d = await openDesktop(t);
    const handlers = createIpcHandlers(d.core);
    const call = (channel: string, args: unknown) => dispatchIpc(handlers, d.core, channel, args);
    try {
      await signIn(d.core, ALICE);
      await waitSynced(d.core);
      await restartOnSamePort(t, async () => {
        await waitFor(() => d.core.connectionState().state === 'offline', 'the desktop to go offline');
        expect(d.core.commands.run('callback.claim', { callbackId: 'lock-1' }).ok).toBe(true);
        expect(d.core.store.outbox.count()).toBe(1);
        await call('session.lock', {});
        expect(d.core.isLocked()).toBe(true);

        expect(await call('session.signOut', { discardPending: true })).toMatchObject({
          ok: false,
          error: { code: 'session.locked_discard' },
        });
        const refused = await call('session.signOut', {});
        expect(refused).toMatchObject({ ok: false, error: { code: 'session.locked_pending' } });
        expect(!refused.ok && refused.error.message).toContain('1 change has');
        expect(d.core.store.outbox.count()).toBe(1);
        expect(d.core.session.state().status).toBe('locked');

        const allowed = d.core.session.policy().security.maxFailedSignIns;
        for (let i = 1; i < allowed; i++) {
          expect(await call('session.unlock', { password: `wrong-${i}` })).toMatchObject({
            ok: false,
            error: { code: 'session.wrong_password' },
          });
          expect(d.core.session.state().status).toBe('locked');
        }
        expect(await call('session.unlock', { password: 'wrong-last' })).toMatchObject({
          ok: false,
          error: { code: 'session.unlock_attempts_exceeded' },
        });
        expect(d.core.session.state()).toMatchObject({ status: 'signed-out', user: null });
        expect(d.core.isLocked()).toBe(false);
        // Nothing unsynced is lost; the session and the verifier are gone, so only the server lets them back in.
        expect(d.core.store.outbox.count()).toBe(1);
        expect(d.core.store.meta.get(META_KEYS.session)).toBeUndefined();
        expect(d.core.store.meta.get(META_KEYS.unlockVerifier)).toBeUndefined();
        expect(await call('session.unlock', { password: ALICE.password })).toMatchObject({ ok: false });
        expect(await call('worklist.query', {})).toMatchObject({
          ok: false,
          error: { code: 'session.not_signed_in' },
        });
      });
      // Signing in again against the server sends the kept change.
      await signIn(d.core, ALICE);
      await waitSynced(d.core, 15_000);
      expect(d.core.store.outbox.count()).toBe(0);
      expect((await serverRow(t, 'callbacks', 'lock-1')).assigneeId).toBe('u-tier1-alice');
    } finally {
      await d.dispose();
    }
  });

  it('a locked desk with nothing unsynced may sign out (without discarding)', async () => {
    const d = await openDesktop(t);
    const handlers = createIpcHandlers(d.core);
    try {
      await signIn(d.core, ALICE);
      await waitSynced(d.core);
      d.core.session.lock();
      const result = await dispatchIpc(handlers, d.core, 'session.signOut', {});
      expect(result).toMatchObject({ ok: true, value: { status: 'signed-out' } });
    } finally {
      await d.dispose();
    }
  });
});
