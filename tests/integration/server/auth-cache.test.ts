import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../src/shared/domain/policy';
import { AuthService } from '../../../src/server/auth/auth-service';
import { hashPassword } from '../../../src/server/auth/passwords';
import { migrateToLatest, type Db } from '../../../src/server/storage/database';
import type { ServerStore, SessionStore } from '../../../src/server/storage/server-store';
import { insertUser, revokeUserSessions, updateUserProfile } from '../../../src/server/storage/users';
import { freshStore, TEST_STORE, type FreshStore } from '../../support/test-store';

const PASSWORD = 'a-long-enough-password';

// The session check is cached per token; these tests change the rows behind the
// cache's back and prove which events make the next check see the change.
describe(`AuthService session cache (${TEST_STORE})`, () => {
  let fresh: FreshStore;
  let store: ServerStore;
  let db: Db;
  let now: number;
  const services: AuthService[] = [];

  const service = (sessionCacheMs = 60_000, sessions: SessionStore = store.sessions) => {
    const auth = new AuthService({
      db,
      sessions,
      secret: 'test-secret',
      policyAt: () => DEFAULT_POLICY,
      clock: () => now,
      sessionCacheMs,
    });
    services.push(auth);
    return auth;
  };

  beforeEach(async () => {
    now = Date.UTC(2025, 2, 12, 14);
    fresh = await freshStore();
    store = fresh.store;
    db = store.db;
    expect((await migrateToLatest(db)).ok).toBe(true);
    const passwordHash = await hashPassword(PASSWORD);
    await db.transaction().execute((trx) =>
      insertUser(trx, {
        id: 'u-1',
        username: 'agent.one',
        name: 'Agent One',
        role: 'tier1',
        team: 'alpha',
        passwordHash,
      }),
    );
  });
  afterEach(async () => {
    for (const s of services.splice(0)) await s.close();
    await fresh.dispose();
  });

  const signIn = async (auth: AuthService) => {
    const signed = await auth.signIn('agent.one', PASSWORD);
    if (!signed.ok) throw new Error(signed.error.message);
    return signed.value.token;
  };

  it('sign-out takes effect at once', async () => {
    const auth = service();
    const token = await signIn(auth);
    expect((await auth.authenticate(token, { touch: false })).ok).toBe(true);
    expect((await auth.signOut(token)).ok).toBe(true);
    expect(await auth.authenticate(token, { touch: false })).toMatchObject({
      ok: false,
      error: { code: 'auth.signed_out' },
    });
  });

  it('a revocation behind its back is seen after userChanged (and not before, while cached)', async () => {
    const auth = service();
    const token = await signIn(auth);
    expect((await auth.authenticate(token, { touch: false })).ok).toBe(true);
    await revokeUserSessions(db, 'u-1', now);
    // Cached: proves the cache is in use, which is why userChanged must be called.
    expect((await auth.authenticate(token, { touch: false })).ok).toBe(true);
    await auth.userChanged('u-1');
    expect(await auth.authenticate(token, { touch: false })).toMatchObject({
      ok: false,
      error: { code: 'auth.signed_out' },
    });
  });

  it('a disabled account or a new team is seen after userChanged', async () => {
    const auth = service();
    const token = await signIn(auth);
    const profile = { id: 'u-1', name: 'Agent One', role: 'tier1' as const, team: 'alpha', active: true };
    await db.transaction().execute((trx) => updateUserProfile(trx, 'u-1', { ...profile, team: 'bravo' }));
    await auth.userChanged('u-1');
    const moved = await auth.authenticate(token, { touch: false });
    expect(moved.ok && moved.value.user.team).toBe('bravo');
    await db.transaction().execute((trx) => updateUserProfile(trx, 'u-1', { ...profile, active: false }));
    await auth.userChanged('u-1');
    expect(await auth.authenticate(token, { touch: false })).toMatchObject({
      ok: false,
      error: { code: 'auth.account_disabled' },
    });
  });

  it('re-reads a cached session after sessionCacheMs even without userChanged (safety net)', async () => {
    const auth = service(30);
    const token = await signIn(auth);
    expect((await auth.authenticate(token, { touch: false })).ok).toBe(true);
    await revokeUserSessions(db, 'u-1', now);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await auth.authenticate(token, { touch: false })).toMatchObject({
      ok: false,
      error: { code: 'auth.signed_out' },
    });
  });

  it('expiry and the idle timeout are computed on every check, cached or not', async () => {
    const auth = service();
    const token = await signIn(auth);
    const idle = DEFAULT_POLICY.security.idleLockMinutes * 60_000;
    now += idle - 1;
    expect((await auth.authenticate(token, { touch: true })).ok).toBe(true);
    now += idle - 1;
    expect((await auth.authenticate(token, { touch: false })).ok).toBe(true);
    now += 2;
    expect(await auth.authenticate(token, { touch: false })).toMatchObject({
      ok: false,
      error: { code: 'auth.session_idle' },
    });
    const second = await signIn(auth);
    now += DEFAULT_POLICY.security.sessionHours * 3_600_000;
    expect(await auth.authenticate(second, { touch: false })).toMatchObject({
      ok: false,
      error: { code: 'auth.session_expired' },
    });
  });

  it('answers synchronously from what it knows (known), and userChanged has refreshed that before it returns', async () => {
    const auth = service();
    const token = await signIn(auth);
    expect(auth.known(token)).toBe('reading');
    expect((await auth.authenticate(token, { touch: false })).ok).toBe(true);
    expect(auth.known(token)).toMatchObject({ ok: true });
    await revokeUserSessions(db, 'u-1', now);
    expect(auth.known(token)).toMatchObject({ ok: true });
    await auth.userChanged('u-1');
    expect(auth.known(token)).toMatchObject({ ok: false, error: { code: 'auth.signed_out' } });
  });

  it('known says "reading" — never the old answer — while a changed user is re-read', async () => {
    const auth = service();
    const token = await signIn(auth);
    expect((await auth.authenticate(token, { touch: false })).ok).toBe(true);
    const profile = { id: 'u-1', name: 'Agent One', role: 'tier1' as const, team: 'alpha', active: true };
    await db.transaction().execute((trx) => updateUserProfile(trx, 'u-1', { ...profile, team: 'bravo' }));
    expect(auth.known(token)).toMatchObject({ ok: true });
    // On another node the change arrives as an event: a board may be due before the re-read ends.
    const reread = auth.userChanged('u-1');
    expect(auth.known(token)).toBe('reading');
    await reread;
    const after = auth.known(token);
    expect(after).toMatchObject({ ok: true });
    expect(after !== 'reading' && after.ok && after.value.user.team).toBe('bravo');
  });

  it('a read under way when userChanged comes is answered but not kept: later checks wait for the re-read', async () => {
    // Session reads that wait, after reading their row, until the test lets each one go.
    const waiting: (() => void)[] = [];
    let hold = false;
    const sessions: SessionStore = Object.assign(Object.create(store.sessions) as SessionStore, {
      session: async (sid: string) => {
        const row = await store.sessions.session(sid);
        if (hold) await new Promise<void>((resolve) => waiting.push(resolve));
        return row;
      },
    });
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const reads = async (n: number) => {
      for (let waited = 0; waiting.length < n && waited < 5_000; waited += 5) await sleep(5);
      expect(waiting).toHaveLength(n);
    };
    const auth = service(200, sessions);
    const token = await signIn(auth);
    expect((await auth.authenticate(token, { touch: false })).ok).toBe(true);
    await sleep(220);
    hold = true;
    // The cache is old: this check reads the session again (the team is still alpha)…
    const before = auth.authenticate(token, { touch: false });
    await reads(1);
    const profile = { id: 'u-1', name: 'Agent One', role: 'tier1' as const, team: 'alpha', active: true };
    await db.transaction().execute((trx) => updateUserProfile(trx, 'u-1', { ...profile, team: 'bravo' }));
    // …and the user is moved while that read is under way.
    const reread = auth.userChanged('u-1');
    await reads(2);
    waiting[0]?.();
    const old = await before;
    expect(old.ok && old.value.user.team).toBe('alpha');
    // The old read was not kept: a check now waits for the re-read instead of answering alpha.
    expect(auth.known(token)).toBe('reading');
    const next = auth.authenticate(token, { touch: false });
    expect(await Promise.race([next.then(() => 'answered'), sleep(30).then(() => 'waiting')])).toBe(
      'waiting',
    );
    waiting[1]?.();
    await reread;
    const moved = await next;
    expect(moved.ok && moved.value.user.team).toBe('bravo');
    const after = auth.known(token);
    expect(after !== 'reading' && after.ok && after.value.user.team).toBe('bravo');
  });

  it('writes activity in one batch and never moves last_seen_at back', async () => {
    const auth = service();
    const token = await signIn(auth);
    const signedInAt = now;
    now += 60_000;
    await auth.authenticate(token, { touch: true });
    const stored = async () =>
      (await db.selectFrom('sessions').select('last_seen_at').executeTakeFirstOrThrow()).last_seen_at;
    expect(await stored()).toBe(signedInAt);
    await auth.flushLastSeen();
    expect(await stored()).toBe(signedInAt + 60_000);
    await db
      .updateTable('sessions')
      .set({ last_seen_at: signedInAt + 120_000 })
      .execute();
    await auth.authenticate(token, { touch: true }); // now is older than the stored time: nothing to write
    await auth.flushLastSeen();
    expect(await stored()).toBe(signedInAt + 120_000);
  });
});
