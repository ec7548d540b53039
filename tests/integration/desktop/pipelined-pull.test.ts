/**
 * SyncEngine's pull loop against a scripted socket.io server (real sockets on
 * 127.0.0.1, a real SQLite cache): the first sync asks for the largest page,
 * requests page n+1 before it applies page n, applies pages in order, stops on
 * `more: false`, and a refused or unreadable page stops the sync with nothing
 * of that page (or any later one) applied.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { Server } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/main/core/logger';
import { SyncEngine } from '../../../src/main/core/sync-engine';
import { LocalStore } from '../../../src/main/store/local-store';
import { META_KEYS } from '../../../src/main/store/meta';
import { openStore } from '../../../src/main/store/open-store';
import { createPiiCipher } from '../../../src/main/store/pii-cipher';
import { DEFAULT_POLICY } from '../../../src/shared/domain/policy';
import type { ConnectionState } from '../../../src/shared/ipc/views';
import type { MutatorContext } from '../../../src/shared/sync/mutator';
import { LIMITS, type PulledRow, type PullRequest } from '../../../src/shared/sync/protocol';
import { callback, customer } from '../server/fixtures';
import { waitFor } from './desktop-helpers';

type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

interface Scripted {
  url: string;
  requests: PullRequest[];
  close(): Promise<void>;
}

/** A socket.io server that answers pull n with `answers[n]` (and an empty final page past the end). */
async function scriptedServer(answers: ((req: PullRequest) => Answer)[]): Promise<Scripted> {
  const http = createServer();
  const io = new Server(http, { transports: ['websocket'] });
  const requests: PullRequest[] = [];
  io.on('connection', (socket) => {
    socket.on('pull', (req: PullRequest, ack: (answer: Answer) => void) => {
      requests.push(req);
      const answer = answers[requests.length - 1];
      ack(
        answer
          ? answer(req)
          : { ok: true, value: { rows: [], cursor: req.cursor, lastMutationSeq: 0, more: false } },
      );
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => io.close(() => resolve())),
  };
}

const customerRow = (n: number): PulledRow => ({
  table: 'customers',
  id: `cu-${n}`,
  version: n,
  deleted: false,
  data: { ...customer(`cu-${n}`, 'alpha'), version: n },
});
const callbackRow = (n: number, customerN: number): PulledRow => ({
  table: 'callbacks',
  id: `cb-${n}`,
  version: n,
  deleted: false,
  data: { ...callback(`cb-${n}`, 'alpha', { customerId: `cu-${customerN}` }), version: n },
});
const page = (rows: PulledRow[], cursor: number, more: boolean): Answer => ({
  ok: true,
  value: { rows, cursor, lastMutationSeq: 0, more, latestVersion: 9 },
});

const context = (now: number): MutatorContext => ({
  userId: 'u-1',
  role: 'tier1',
  team: 'alpha',
  now,
  policy: DEFAULT_POLICY,
  clientId: 'client-12345678',
});

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

interface Desk {
  engine: SyncEngine;
  store: LocalStore;
  states: ConnectionState[];
  changed: string[][];
  /** What happened, in order: `request <cursor>` when a pull is emitted, `apply <cursor>` when a page is applied. */
  log: string[];
}

async function desk(server: Scripted, pullLimit?: number): Promise<Desk> {
  const dir = mkdtempSync(join(tmpdir(), 'agent-desk-pull-'));
  const opened = openStore(join(dir, 'cache.db'));
  const cipher = createPiiCipher(randomBytes(32));
  if (!opened.ok || !cipher.ok) throw new Error('setup failed');
  const store = new LocalStore(opened.value.db, cipher.value, DEFAULT_POLICY);
  const log: string[] = [];
  const applyPull = store.applyPull.bind(store);
  store.applyPull = (p, ctx) => {
    log.push(`apply ${p.cursor}`);
    return applyPull(p, ctx);
  };
  const states: ConnectionState[] = [];
  const changed: string[][] = [];
  const engine = new SyncEngine({
    serverUrl: server.url,
    store,
    clientId: () => 'client-12345678',
    token: () => 'token',
    contextFor: context,
    clock: Date.now,
    logger: silentLogger,
    // No reconnect during a test: a failed sync stays failed, so what it left behind can be checked.
    backoff: { baseMs: 600_000, maxMs: 600_000, factor: 1, jitter: 0 },
    ...(pullLimit ? { pullLimit } : {}),
    onState: (s) => states.push(s),
    onProgress: () => {},
    onChanged: (tables) => changed.push([...tables].sort()),
    onRejected: () => {},
    onSessionEnded: () => {},
  });
  cleanups.push(() => {
    engine.stop();
    opened.value.db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  engine.start();
  // The client socket exists once start() returns; record every pull as it is emitted.
  const socket = (engine as unknown as { socket: Socket }).socket;
  socket.onAnyOutgoing((event: string, req: PullRequest) => {
    if (event === 'pull') log.push(`request ${req.cursor}`);
  });
  return { engine, store, states, changed, log };
}

const confirmedIds = (store: LocalStore) =>
  (store.db.prepare('SELECT id FROM confirmed_rows ORDER BY id').all() as { id: string }[]).map((r) => r.id);

describe('the pull loop', () => {
  it('asks for the largest page on the first sync, and requests each next page before applying the current one', async () => {
    const server = await scriptedServer([
      () => page([customerRow(1), customerRow(2), callbackRow(3, 1)], 3, true),
      () => page([customerRow(4), callbackRow(5, 4)], 5, true),
      () => page([callbackRow(6, 2)], 6, false),
    ]);
    cleanups.push(() => server.close());
    const d = await desk(server);
    await waitFor(() => d.states.at(-1)?.state === 'online', 'the first sync to finish');

    expect(server.requests).toEqual([
      { cursor: 0, limit: LIMITS.maxPullLimit },
      { cursor: 3, limit: LIMITS.maxPullLimit },
      { cursor: 5, limit: LIMITS.maxPullLimit },
    ]);
    // Pipelined: the request for the next page leaves before this page is applied; nothing after more:false.
    expect(d.log).toEqual(['request 0', 'request 3', 'apply 3', 'request 5', 'apply 5', 'apply 6']);
    expect(d.store.cursor()).toBe(6);
    expect(d.store.meta.get(META_KEYS.firstSyncDone)).toBe('1');
    expect(confirmedIds(d.store)).toEqual(['cb-3', 'cb-5', 'cb-6', 'cu-1', 'cu-2', 'cu-4']);
    // The worklist index saw the rows in order (cb-6's customer came two pages earlier).
    const entries = d.store.callbacks.entries().sort((a, b) => a.id.localeCompare(b.id));
    expect(entries.map((e) => [e.id, e.customerId])).toEqual([
      ['cb-3', 'cu-1'],
      ['cb-5', 'cu-4'],
      ['cb-6', 'cu-2'],
    ]);
    // One change event for the whole first sync, not one per page.
    expect(d.changed).toEqual([['callbacks', 'customers']]);
    expect(d.engine.inFirstSync).toBe(false);
  });

  it('uses the ordinary page size once the first sync is done, and an explicit limit always', async () => {
    const server = await scriptedServer([() => page([customerRow(1)], 1, false)]);
    cleanups.push(() => server.close());
    const d = await desk(server, 7);
    await waitFor(() => d.states.at(-1)?.state === 'online', 'the sync to finish');
    expect(server.requests[0]).toEqual({ cursor: 0, limit: 7 });

    const later = await scriptedServer([() => page([customerRow(2)], 2, false)]);
    cleanups.push(() => later.close());
    // A second desktop on a cache whose first sync is done.
    const d2 = await desk(later);
    d2.engine.stop();
    d2.store.meta.set(META_KEYS.firstSyncDone, '1');
    d2.engine.start();
    await waitFor(() => d2.states.at(-1)?.state === 'online', 'the next sync to finish');
    expect(later.requests.at(-1)).toEqual({ cursor: 0, limit: LIMITS.defaultPullLimit });
    expect(d2.changed).toEqual([['customers']]);
  });

  it('stops at a page with a row it cannot read: earlier pages stay, nothing of that page or the next is applied', async () => {
    const bad: PulledRow = {
      ...callbackRow(5, 1),
      data: { ...callback('cb-5', 'alpha'), version: 5, dueAt: 'tomorrow' },
    };
    const server = await scriptedServer([
      () => page([customerRow(1), callbackRow(2, 1)], 2, true),
      () => page([customerRow(3), customerRow(4), bad], 5, true),
      () => page([customerRow(6)], 6, false),
    ]);
    cleanups.push(() => server.close());
    const d = await desk(server);
    await waitFor(() => d.states.at(-1)?.error?.code === 'sync.bad_row', 'the sync to fail');

    expect(d.states.at(-1)?.state).toBe('offline');
    expect(confirmedIds(d.store)).toEqual(['cb-2', 'cu-1']);
    expect(d.store.cursor()).toBe(2);
    expect(d.store.meta.get(META_KEYS.firstSyncDone)).toBeUndefined();
    expect(d.store.callbacks.entries().map((e) => e.id)).toEqual(['cb-2']);
    // The page that was applied is still announced.
    expect(d.changed).toEqual([['callbacks', 'customers']]);
    expect(d.engine.inFirstSync).toBe(false);
  });

  it('stops cleanly when the server refuses a page, and resumes from the last applied cursor', async () => {
    let refuse = true;
    const server = await scriptedServer([
      () => page([customerRow(1)], 1, true),
      () =>
        refuse
          ? { ok: false, error: { code: 'sync.overloaded', message: 'Try again shortly.' } }
          : page([customerRow(2)], 2, false),
      (req) => page([customerRow(2)], req.cursor + 1, false),
    ]);
    cleanups.push(() => server.close());
    const d = await desk(server);
    await waitFor(() => d.states.at(-1)?.error?.code === 'sync.overloaded', 'the sync to fail');
    expect(confirmedIds(d.store)).toEqual(['cu-1']);
    expect(d.store.cursor()).toBe(1);

    refuse = false;
    d.engine.reconnectNow();
    await waitFor(() => d.states.at(-1)?.state === 'online', 'the retried sync to finish');
    // The retry starts from the cursor of the last page applied, not from a request sent before the failure.
    expect(server.requests.at(-1)).toEqual({ cursor: 1, limit: LIMITS.maxPullLimit });
    expect(confirmedIds(d.store)).toEqual(['cu-1', 'cu-2']);
    expect(d.store.meta.get(META_KEYS.firstSyncDone)).toBe('1');
  });
});
