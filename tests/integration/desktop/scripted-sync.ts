/**
 * A SyncEngine over a real SQLite cache against a scripted socket.io server (real
 * sockets on 127.0.0.1): the tests choose each pull answer and read, in order, what
 * the desktop did with them (`request <cursor>`, `apply <cursor>`, `reset`).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { Server } from 'socket.io';
import { silentLogger } from '../../../src/desktop/core/logger';
import { SyncEngine } from '../../../src/desktop/core/sync-engine';
import { LocalStore } from '../../../src/desktop/store/local-store';
import { openStore } from '../../../src/desktop/store/open-store';
import { createPiiCipher } from '../../../src/desktop/store/pii-cipher';
import { DEFAULT_POLICY } from '../../../src/shared/domain/policy';
import type { ConnectionState, SyncProgress } from '../../../src/shared/ipc/views';
import type { MutatorContext } from '../../../src/shared/sync/mutator';
import type { MutationEnvelope, PullRequest } from '../../../src/shared/sync/protocol';
import { directNetwork } from '../../../src/desktop/core/network/network-port';

export type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

export interface Scripted {
  url: string;
  pulls: PullRequest[];
  pushed: MutationEnvelope[];
  /** Sends a poke to every connected desktop. */
  poke(payload: unknown): void;
  close(): Promise<void>;
}

/**
 * Answers pull n with `answers[n]` (past the end, `after(req)`: by default an empty
 * final page) and every push with "applied" — but no pull acknowledges it
 * (lastMutationSeq 0), so pushed mutations stay in the outbox for the whole test.
 */
export async function scriptedServer(
  answers: ((req: PullRequest) => Answer)[],
  /** May hold its answer back (a promise) to keep a pull under way. */
  after: (req: PullRequest) => Answer | Promise<Answer> = (req) => ({
    ok: true,
    value: { rows: [], cursor: req.cursor, lastMutationSeq: 0, more: false },
  }),
): Promise<Scripted> {
  const http = createServer();
  const io = new Server(http, { transports: ['websocket'] });
  const pulls: PullRequest[] = [];
  const pushed: MutationEnvelope[] = [];
  io.on('connection', (socket) => {
    socket.on('pull', (req: PullRequest, ack: (answer: Answer) => void) => {
      pulls.push(req);
      void Promise.resolve((answers[pulls.length - 1] ?? after)(req)).then(ack);
    });
    socket.on('push', (req: { mutations: MutationEnvelope[] }, ack: (answer: Answer) => void) => {
      pushed.push(...req.mutations);
      ack({
        ok: true,
        value: { results: req.mutations.map((m) => ({ id: m.id, seq: m.seq, status: 'applied' })) },
      });
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    pulls,
    pushed,
    poke: (payload) => io.emit('poke', payload),
    close: () => new Promise((resolve) => io.close(() => resolve())),
  };
}

/** The mutator context of the scripted desktop's agent (tier 1, team alpha). */
export const scriptedContext = (now: number): MutatorContext => ({
  userId: 'u-1',
  role: 'tier1',
  team: 'alpha',
  now,
  policy: DEFAULT_POLICY,
  clientId: 'client-12345678',
});

export interface ScriptedDesk {
  engine: SyncEngine;
  store: LocalStore;
  states: ConnectionState[];
  progress: SyncProgress[];
  changed: string[][];
  /** What happened, in order: `request <cursor>` (a pull emitted), `apply <cursor>` (a page applied), `reset`. */
  log: string[];
  /** Starts syncing; the socket exists (and its pulls are logged) once it returns. */
  start(): void;
  dispose(): void;
}

export function scriptedDesk(server: Scripted, pullLimit?: number): ScriptedDesk {
  const dir = mkdtempSync(join(tmpdir(), 'agent-desk-scripted-'));
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
  const resetConfirmed = store.resetConfirmed.bind(store);
  store.resetConfirmed = (scope) => {
    log.push('reset');
    resetConfirmed(scope);
  };
  const states: ConnectionState[] = [];
  const progress: SyncProgress[] = [];
  const changed: string[][] = [];
  const engine = new SyncEngine({
    serverUrl: server.url,
    network: directNetwork(),
    store,
    clientId: () => 'client-12345678',
    token: () => 'token',
    contextFor: scriptedContext,
    clock: Date.now,
    logger: silentLogger,
    // No reconnect during a test: a failed sync stays failed, so what it left behind can be checked.
    backoff: { baseMs: 600_000, maxMs: 600_000, factor: 1, jitter: 0 },
    ...(pullLimit ? { pullLimit } : {}),
    onState: (s) => states.push(s),
    onProgress: (p) => progress.push(p),
    onChanged: (tables) => changed.push([...tables].sort()),
    onRejected: () => {},
    onSessionEnded: () => {},
  });
  return {
    engine,
    store,
    states,
    progress,
    changed,
    log,
    start() {
      engine.start();
      const socket = (engine as unknown as { connection: { socket: Socket } }).connection.socket;
      socket.onAnyOutgoing((event: string, req: PullRequest) => {
        if (event === 'pull') log.push(`request ${req.cursor}`);
      });
    },
    dispose() {
      engine.stop();
      opened.value.db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
