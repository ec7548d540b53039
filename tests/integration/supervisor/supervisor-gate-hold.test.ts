import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthService } from '../../../src/server/auth/auth-service';
import { hashPassword } from '../../../src/server/auth/passwords';
import { createLogger } from '../../../src/server/logger';
import { migrateToLatest } from '../../../src/server/storage/database';
import type { ServerStore } from '../../../src/server/storage/server-store';
import { insertUser, updateUserProfile } from '../../../src/server/storage/users';
import { SupervisorGate } from '../../../src/server/supervisor/supervisor-gate';
import type { SupervisorSocket } from '../../../src/server/supervisor/supervisor-socket';
import { DEFAULT_POLICY } from '../../../src/shared/domain/policy';
import { SUPERVISOR_EVENTS } from '../../../src/shared/supervisor/protocol';
import { freshStore, type FreshStore } from '../../support/test-store';

const PASSWORD = 'a-long-enough-password';
const LEAD = { id: 'u-lead', name: 'Lead One', role: 'lead' as const, team: 'alpha', active: true };

/**
 * Right before a board goes out the gate re-checks each subscriber from what this node
 * knows, synchronously. A session it is still reading — not cached, or its user just
 * changed (on another node the admin's edit arrives as an event before the re-read
 * ends) — is held: no board, not closed. The sweep closes what a read refuses. Real
 * AuthService on this run's store; the socket is a stand-in that records what it is sent.
 */
describe('the supervisor gate holds a session it is still reading', () => {
  let fresh: FreshStore;
  let store: ServerStore;
  let auth: AuthService;
  let gate: SupervisorGate;
  const now = Date.UTC(2025, 2, 12, 14);

  beforeEach(async () => {
    fresh = await freshStore();
    store = fresh.store;
    expect((await migrateToLatest(store.db)).ok).toBe(true);
    const passwordHash = await hashPassword(PASSWORD);
    await store.db
      .transaction()
      .execute((trx) => insertUser(trx, { ...LEAD, username: 'lead.one', passwordHash }));
    auth = new AuthService({
      db: store.db,
      sessions: store.sessions,
      secret: 'test-secret',
      policyAt: () => DEFAULT_POLICY,
      clock: () => now,
    });
    gate = new SupervisorGate({ db: store.db, auth, clock: () => now, log: createLogger('silent') });
  });
  afterEach(async () => {
    await auth.close();
    await fresh.dispose();
  });

  function socketOf(token: string) {
    const sent: string[] = [];
    let connected = true;
    const socket = {
      id: 'socket-1',
      data: { user: { ...LEAD }, sessionId: 's', token, ip: null },
      rooms: new Set(['socket-1', 'team:alpha']),
      get connected() {
        return connected;
      },
      emit: (event: string) => {
        sent.push(event);
        return true;
      },
      disconnect: () => {
        connected = false;
        sent.push('disconnect');
      },
    };
    return { socket: socket as unknown as SupervisorSocket, sent };
  }

  const token = async () => {
    const signed = await auth.signIn('lead.one', PASSWORD);
    if (!signed.ok) throw new Error(signed.error.message);
    return signed.value.token;
  };

  it('holds a session not read yet, and lets it have boards once read', async () => {
    const { socket, sent } = socketOf(await token());
    expect(gate.recheck(socket)).toBe(false);
    expect(sent).toEqual([]);
    await auth.authenticate(socket.data.token, { touch: false });
    expect(gate.recheck(socket)).toBe(true);
  });

  it('holds a lead whose user changed until the re-read, then ends the view of a lead moved to another team', async () => {
    const { socket, sent } = socketOf(await token());
    await auth.authenticate(socket.data.token, { touch: false });
    expect(gate.recheck(socket)).toBe(true);
    await store.db
      .transaction()
      .execute((trx) => updateUserProfile(trx, LEAD.id, { ...LEAD, team: 'bravo' }));
    const reread = auth.userChanged(LEAD.id);
    // Before the re-read ends: no board of alpha, and not closed either.
    expect(gate.recheck(socket)).toBe(false);
    expect(sent).toEqual([]);
    await reread;
    expect(gate.recheck(socket)).toBe(false);
    expect(sent).toEqual([SUPERVISOR_EVENTS.accessEnded, 'disconnect']);
  });

  it('the sweep closes a socket whose session a read refuses (never cached, so never decided by recheck)', async () => {
    const { socket, sent } = socketOf('not-a-token');
    expect(gate.recheck(socket)).toBe(false);
    await gate.sweep(socket);
    expect(sent).toEqual([SUPERVISOR_EVENTS.sessionExpired, 'disconnect']);
  });
});
