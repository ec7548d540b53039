/**
 * createPokePages on one node, over this run's real store, a real socket.io server and
 * real client sockets: the desktops caught up at one version share one read of the
 * page and each gets its own view row; a desktop whose session this node does not
 * know to be valid, and every desktop when the page cannot be read, gets a plain poke
 * (and no view is recorded for it).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connectClient, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { err, ok } from '../../../src/shared/domain/result';
import type { Poke, SessionUser } from '../../../src/shared/sync/protocol';
import { AuditBatcher } from '../../../src/server/audit-batch';
import type { AuthService } from '../../../src/server/auth/auth-service';
import { createLogger } from '../../../src/server/logger';
import { migrateToLatest } from '../../../src/server/storage/database';
import { writeRows } from '../../../src/server/storage/row-store';
import type { PullStore } from '../../../src/server/storage/server-store';
import { createPokePages, type PokePages } from '../../../src/server/sync/poke-pages';
import { createPullService } from '../../../src/server/sync/pull';
import { teamRoom, type SyncSocket } from '../../../src/server/sync/sync-socket';
import { freshStore, type FreshStore } from '../../support/test-store';
import { callback } from './fixtures';

const CARMEN: SessionUser = { id: 'u-tier2-carmen', name: 'Carmen', role: 'tier2', team: 'alpha' };

describe('a node poking its desktops of a team', () => {
  let fresh: FreshStore;
  let io: Server;
  let clients: Socket[];
  let reads: number;
  let failReads: boolean;
  let url: string;
  let version: number;
  let pokePages: PokePages;
  let audit: AuditBatcher;

  beforeEach(async () => {
    fresh = await freshStore();
    const { store } = fresh;
    const migrated = await migrateToLatest(store.db);
    if (!migrated.ok) throw new Error(migrated.error.message);
    version =
      (await store.db.transaction().execute((trx) =>
        writeRows(trx, [
          { table: 'callbacks', row: callback('cb-1', 'alpha') },
          { table: 'callbacks', row: callback('cb-2', 'alpha') },
        ]),
      )) ?? 0;
    reads = 0;
    failReads = false;
    // The real reader, counted (and made to fail on demand).
    const counted: PullStore = {
      head: (clientId) => store.pulls.head(clientId),
      client: (clientId) => store.pulls.client(clientId),
      read: (...args) => {
        reads += 1;
        return failReads ? Promise.reject(new Error('read failed')) : store.pulls.read(...args);
      },
    };
    const http = createServer();
    io = new Server(http, { transports: ['websocket'] });
    io.use((socket, next) => {
      const { token, clientId } = socket.handshake.auth as { token: string; clientId: string };
      Object.assign(socket.data, {
        user: CARMEN,
        token,
        clientId,
        ip: null,
        caughtUpAt: version - 1,
      });
      void socket.join(teamRoom('alpha'));
      next();
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    audit = new AuditBatcher(store.appendDb);
    const pulls = createPullService(counted, audit);
    // The session check as a pull makes it: Carmen's token valid, one of a user since moved to
    // another team, one ended (the sessions themselves are auth's tests).
    const session = (user: SessionUser) => ok({ user, sessionId: 's-1', expiresAt: Date.now() + 3_600_000 });
    const auth: Pick<AuthService, 'authenticate'> = {
      authenticate: (token) =>
        Promise.resolve(
          token === 'carmen-token'
            ? session(CARMEN)
            : token === 'moved-token'
              ? session({ ...CARMEN, team: 'bravo' })
              : err('auth.signed_out', 'This session was signed out; sign in again.'),
        ),
    };
    pokePages = createPokePages(io, { pulls, auth, clock: Date.now, log: createLogger('silent') });
    clients = await Promise.all(
      [
        ['carmen-token', 'client-carmen-1'],
        ['carmen-token', 'client-carmen-2'],
        ['ended-token', 'client-carmen-3'],
        ['moved-token', 'client-carmen-4'],
      ].map(async ([token, clientId]) => {
        const client = connectClient(url, {
          transports: ['websocket'],
          forceNew: true,
          reconnection: false,
          auth: { token, clientId },
        });
        await new Promise((resolve) => client.once('connect', () => resolve(undefined)));
        return client;
      }),
    );
  });

  afterEach(async () => {
    for (const client of clients) client.close();
    await new Promise<void>((resolve) => io.close(() => resolve()));
    await fresh.dispose();
  });

  const nextPokes = () =>
    Promise.all(clients.map((client) => new Promise<Poke>((resolve) => client.once('poke', resolve))));
  const views = () =>
    fresh.store.db
      .selectFrom('audit_events')
      .select(['client_id', 'detail'])
      .where('action', '=', 'sync.pull.viewed')
      .execute();

  it('reads the page once for the desktops caught up at one version, and records a view for each', async () => {
    const poked = nextPokes();
    await pokePages.deliver('alpha', version);
    const [first, second, ended, moved] = await poked;
    expect(reads).toBe(1);
    expect(first?.page?.rows.map((r) => r.id)).toEqual(['cb-2']);
    expect(second?.page).toEqual(first?.page);
    // No page for an ended session, nor for a user now in another team: they pull (and hear why).
    expect(ended).toEqual({ version });
    expect(moved).toEqual({ version });
    const audited = await views();
    expect(audited.map((v) => v.client_id).sort()).toEqual(['client-carmen-1', 'client-carmen-2']);
    expect(JSON.parse(audited[0]?.detail ?? '{}')).toEqual({
      cursor: version - 1,
      ids: { callbacks: ['cb-2'] },
    });
    const sockets = [...io.of('/').sockets.values()] as SyncSocket[];
    expect(sockets.map((s) => s.data.caughtUpAt).sort((a = 0, b = 0) => a - b)).toEqual([
      version - 1,
      version - 1,
      version,
      version,
    ]);
  });

  it('pokes plainly, recording nothing, when the page cannot be read', async () => {
    failReads = true;
    const poked = nextPokes();
    await pokePages.deliver('alpha', version);
    expect(await poked).toEqual(clients.map(() => ({ version })));
    expect(await views()).toHaveLength(0);
  });

  it('pokes plainly when the views cannot be recorded: no page leaves unaudited', async () => {
    await fresh.store.db.schema.alterTable('audit_events').renameTo('audit_events_moved').execute();
    try {
      const poked = nextPokes();
      await pokePages.deliver('alpha', version);
      expect(await poked).toEqual(clients.map(() => ({ version })));
      expect(reads).toBe(1);
    } finally {
      await fresh.store.db.schema.alterTable('audit_events_moved').renameTo('audit_events').execute();
    }
    expect(await views()).toHaveLength(0);
  });
});
