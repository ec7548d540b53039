import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { DEFAULT_POLICY, type Policy } from '../../../src/shared/domain/policy';
import {
  EVENTS,
  SCHEMA_VERSION,
  type Ack,
  type MutationEnvelope,
  type PullResponse,
  type PushResponse,
  type SignInResponse,
} from '../../../src/shared/sync/protocol';
import type { RowWrite } from '../../../src/shared/sync/mutator';
import { startServer, type RunningServer, type StartOptions } from '../../../src/server/start-server';
import { writeRows } from '../../../src/server/storage/row-store';
import { newPostgresDatabase, TEST_STORE } from '../../support/test-store';

/** Wednesday 2025-03-12 10:00 in New York (EDT): inside callback hours. */
export const T0 = Date.UTC(2025, 2, 12, 14, 0, 0);

/** The session secret of PostgreSQL test servers (the store requires one to be configured). */
export const TEST_SESSION_SECRET = 'agent-desk-test-session-secret-0123456789';

export interface TestClock {
  now: number;
  advance(ms: number): void;
}

export function createClock(start = T0): TestClock {
  const clock = {
    now: start,
    advance(ms: number) {
      clock.now += ms;
    },
  };
  return clock;
}

export interface TestServer {
  server: RunningServer;
  dataDir: string;
  clock: TestClock;
  /** Stops the server (idempotent) and removes the data folder. */
  dispose(): Promise<void>;
  /** Stops and starts again on the same data folder. */
  restart(): Promise<RunningServer>;
}

/**
 * A real server for a test, on this run's store (test-store.ts): a fresh data
 * folder, and on PostgreSQL a fresh database too (dropped by dispose).
 */
export async function startTestServer(
  options: Partial<StartOptions> & { policy?: Policy; dataDir?: string; clockStart?: number } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'agent-desk-server-'));
  const clock = createClock(options.clockStart);
  const postgres =
    TEST_STORE === 'postgres' && !options.databaseUrl ? await newPostgresDatabase() : undefined;
  const start = () =>
    startServer({
      demoRows: 0,
      logLevel: 'silent',
      sessionSweepMs: 50,
      ...(postgres ? { databaseUrl: postgres.url, sessionSecret: TEST_SESSION_SECRET } : {}),
      ...options,
      dataDir,
      host: '127.0.0.1',
      // A fixed port when asked (a provider's callbacks name it); else any free one.
      port: options.port ?? 0,
      clock: () => clock.now,
    });
  const handle: TestServer = {
    server: await start(),
    dataDir,
    clock,
    async dispose() {
      await handle.server.close();
      rmSync(dataDir, { recursive: true, force: true });
      await postgres?.drop();
    },
    async restart() {
      await handle.server.close();
      handle.server = await start();
      return handle.server;
    },
  };
  return handle;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies vary per route
type Json = any;

export async function postJson(
  url: string,
  body: unknown,
  token?: string,
): Promise<{ status: number; json: Json }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

export async function signIn(
  server: RunningServer,
  username: string,
  password: string,
  installation?: string,
): Promise<SignInResponse> {
  const body = installation ? { username, password, installation } : { username, password };
  const { status, json } = await postJson(`${server.url}/api/sign-in`, body);
  if (status !== 200) throw new Error(`sign-in failed for ${username}: ${JSON.stringify(json)}`);
  return json.value as SignInResponse;
}

let clientCounter = 0;
export function newClientId(): string {
  clientCounter += 1;
  return `client-${process.pid}-${clientCounter}-${Math.floor(performance.now())}`;
}

/** Connects a real socket.io client; resolves when connected, rejects with the server's error data. */
export function connect(
  server: RunningServer,
  auth: { token: string; clientId?: string; schemaVersion?: number; installation?: string },
): Promise<Socket> {
  const socket = io(server.url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: { clientId: newClientId(), schemaVersion: SCHEMA_VERSION, ...auth },
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error: Error & { data?: unknown }) => {
      socket.close();
      reject(Object.assign(new Error(error.message), { data: error.data }));
    });
  });
}

export interface Agent {
  socket: Socket;
  clientId: string;
  token: string;
  userId: string;
  seq: number;
  push(...mutations: { name: string; args: unknown }[]): Promise<Ack<PushResponse>>;
  pull(cursor: number, limit?: number): Promise<Ack<PullResponse>>;
  /** Pulls every page from `cursor`. */
  pullAll(cursor?: number): Promise<{ rows: PullResponse['rows']; cursor: number; lastMutationSeq: number }>;
}

/** A desktop installation's key (reference numbers): random, 43 characters. */
export function newInstallationKey(): string {
  return randomBytes(32).toString('base64url');
}

export async function connectAgent(
  server: RunningServer,
  username: string,
  password: string,
  /** The desktop installation it signs in from (its desk code); none: no desk code. */
  installation?: string,
): Promise<Agent & { desk: number | null }> {
  const session = await signIn(server, username, password, installation);
  const clientId = newClientId();
  const socket = await connect(server, {
    token: session.token,
    clientId,
    ...(installation ? { installation } : {}),
  });
  const agent: Agent & { desk: number | null } = {
    desk: session.desk ?? null,
    socket,
    clientId,
    token: session.token,
    userId: session.user.id,
    seq: 0,
    push: (...mutations) => {
      const envelopes: MutationEnvelope[] = mutations.map((m) => {
        agent.seq += 1;
        return { id: `m-${clientId}-${agent.seq}`, seq: agent.seq, name: m.name, args: m.args };
      });
      return socket.timeout(10_000).emitWithAck(EVENTS.push, { clientId, mutations: envelopes });
    },
    pull: (cursor, limit) =>
      socket.timeout(10_000).emitWithAck(EVENTS.pull, limit ? { cursor, limit } : { cursor }),
    async pullAll(cursor = 0) {
      const rows: PullResponse['rows'] = [];
      for (;;) {
        const page = await agent.pull(cursor);
        if (!page.ok) throw new Error(page.error.message);
        rows.push(...page.value.rows);
        cursor = page.value.cursor;
        if (!page.value.more) return { rows, cursor, lastMutationSeq: page.value.lastMutationSeq };
      }
    },
  };
  return agent;
}

/** Writes fixture rows straight into storage (bypassing mutators) for tests that need a given state. */
export async function writeFixture(server: RunningServer, writes: RowWrite[]): Promise<void> {
  await server.db.transaction().execute((trx) => writeRows(trx, writes));
}

export function nextEvent<T>(socket: Socket, event: string, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

export const policy = DEFAULT_POLICY;

/** The reason an administrator's change names (required by every admin route). */
export const ADMIN_REASON = { code: 'correction' } as const;

/** PATCH /api/admin/users/:id as an administrator, with a reason unless the body names one. */
export async function patchUser(
  server: RunningServer,
  adminToken: string,
  id: string,
  body: Record<string, unknown>,
): Promise<{ status: number; json: Json }> {
  const response = await fetch(`${server.url}/api/admin/users/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({ reason: ADMIN_REASON, ...body }),
  });
  return { status: response.status, json: await response.json() };
}

/**
 * Creates an account as an administrator and sets its password the way a new user
 * does: the one-time password the server answers, then POST /api/password.
 */
export async function createUser(
  server: RunningServer,
  adminToken: string,
  profile: { username: string; name: string; role: string; team: string },
  password: string,
): Promise<string> {
  const created = await postJson(
    `${server.url}/api/admin/users`,
    { ...profile, reason: { code: 'new-hire' } },
    adminToken,
  );
  if (created.status !== 201)
    throw new Error(`creating ${profile.username} failed: ${JSON.stringify(created.json)}`);
  const { id, oneTimePassword } = created.json.value as { id: string; oneTimePassword: string };
  const changed = await postJson(`${server.url}/api/password`, {
    username: profile.username,
    password: oneTimePassword,
    newPassword: password,
  });
  if (changed.status !== 200)
    throw new Error(`setting ${profile.username}'s password failed: ${JSON.stringify(changed.json)}`);
  return id;
}
