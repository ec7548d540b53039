import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createDesktopCore,
  type DesktopCore,
  type DesktopCoreOptions,
} from '../../../src/desktop/core/desktop-core';
import { fileKeyProvider } from '../../../src/desktop/core/file-key-provider';
import { startServer } from '../../../src/server/start-server';
import type { RowWrite } from '../../../src/shared/sync/mutator';
import { baseWorld, callback } from '../server/fixtures';
import { startTestServer, writeFixture, type TestServer } from '../server/helpers';

export const ALICE = { username: 'tier1.alice', password: 'demo-password-1' } as const;
export const CARMEN = { username: 'tier2.carmen', password: 'demo-password-3' } as const;
export const ERIN = { username: 'lead.erin', password: 'demo-password-5' } as const;

/** Fast reconnects so tests do not wait for production backoff. */
export const TEST_BACKOFF = { baseMs: 20, maxMs: 200, factor: 2, jitter: 0.5 };

export interface TestDesktop {
  core: DesktopCore;
  dataDir: string;
  /** Closes the core (keeps the data folder, e.g. to reopen it). */
  close(): Promise<void>;
  /** Closes and removes the data folder. */
  dispose(): Promise<void>;
}

export function tempDir(prefix = 'agent-desk-desktop-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A real desktop core on a real SQLite file in a temp folder, pointed at a test server. */
export async function openDesktop(
  t: TestServer | { server: { url: string } },
  dataDir = tempDir(),
  options: Pick<
    DesktopCoreOptions,
    | 'pullLimit'
    | 'idleLockMinutes'
    | 'network'
    | 'telephony'
    | 'clock'
    | 'openExternal'
    | 'openSignInPage'
    | 'ssoIssuer'
  > = {},
): Promise<TestDesktop> {
  const created = await createDesktopCore({
    dataDir,
    serverUrl: t.server.url,
    keyProvider: fileKeyProvider(join(dataDir, 'cache.key')),
    backoff: TEST_BACKOFF,
    timers: false,
    ...options,
  });
  if (!created.ok) throw new Error(created.error.message);
  const core = created.value;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await core.close();
  };
  return {
    core,
    dataDir,
    close,
    async dispose() {
      await close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls until `check` returns true (sync is asynchronous); fails with `what` after the timeout. */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Waits until the core is online with an empty outbox. */
export async function waitSynced(core: DesktopCore, timeoutMs = 10_000): Promise<void> {
  await waitFor(
    () => {
      const s = core.connectionState();
      return s.state === 'online' && s.pending === 0;
    },
    'the desktop to be online and fully synced',
    timeoutMs,
  );
  await core.whenSyncIdle();
}

export async function signIn(core: DesktopCore, who: { username: string; password: string }): Promise<void> {
  const result = await core.session.signIn(who);
  if (!result.ok) throw new Error(result.error.message);
}

/**
 * Stops the test server and starts it again on the SAME port and data folder
 * (desktops keep their server URL). The server helper restarts on a new port, so
 * this reuses startServer with the helper's own data folder and clock.
 */
export async function restartOnSamePort(t: TestServer, between?: () => Promise<void>): Promise<void> {
  const port = t.server.port;
  await t.server.close();
  await between?.();
  t.server = await startServer({
    dataDir: t.dataDir,
    demoRows: 0,
    logLevel: 'silent',
    sessionSweepMs: 50,
    host: '127.0.0.1',
    port,
    clock: () => t.clock.now,
  });
}

/** The server's stored row data. */
export async function serverRow(
  t: TestServer,
  table: 'callbacks',
  id: string,
): Promise<Record<string, unknown>> {
  const row = await t.server.db
    .selectFrom(table)
    .select('data')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return JSON.parse(row.data) as Record<string, unknown>;
}

/** A URL nothing listens on (a desktop that is offline from the start). */
export const DEAD_SERVER = { server: { url: 'http://127.0.0.1:9' } };

/** The server tests' team-alpha world, minus what the desktop tests do not use (keeps them independent of it). */
export function deskWorld(): RowWrite[] {
  return baseWorld().filter(
    (w) => w.table === 'customers' || w.table === 'inquiries' || w.table === 'callbacks',
  );
}

/** A test server holding deskWorld() plus an open, unclaimed team-alpha callback for each id. */
export async function startDeskServer(callbackIds: readonly string[] = []): Promise<TestServer> {
  const t = await startTestServer();
  await writeFixture(t.server, [
    ...deskWorld(),
    ...callbackIds.map((id) => ({ table: 'callbacks' as const, row: callback(id, 'alpha') })),
  ]);
  return t;
}
