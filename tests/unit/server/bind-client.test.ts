import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrateToLatest } from '../../../src/server/storage/database';
import type { ServerStore } from '../../../src/server/storage/server-store';
import { openSqliteStore } from '../../../src/server/storage/sqlite-store';
import { bindClient } from '../../../src/server/sync/clients';

const rule = { now: Date.UTC(2026, 0, 5, 9, 0), newPerDay: 2 };
let dir: string;
let store: ServerStore;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bind-client-'));
  store = openSqliteStore(dir, (error) => {
    throw error;
  });
  expect((await migrateToLatest(store.db)).ok).toBe(true);
  // Only the clients table and the limit's counter matter here, not the users they name.
  await sql`pragma foreign_keys = off`.execute(store.db);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const bind = async (clientId: string, userId = 'u-alice') => {
  const bound = await bindClient(store.db, store.pulls, clientId, userId, rule);
  return bound.ok ? 'ok' : bound.error.code;
};

it('counts one new desktop once, however many of its handshakes race', async () => {
  const raced = await Promise.all(Array.from({ length: 5 }, () => bind('shift-desktop-1')));
  expect(raced).toEqual(Array.from({ length: 5 }, () => 'ok'));
  expect(await bind('shift-desktop-2')).toBe('ok');
  expect(await bind('shift-desktop-3')).toBe('auth.too_many_desktops');
});

it('does not count a client id that turns out to be someone else’s', async () => {
  expect(await bind('bob-desktop', 'u-bob')).toBe('ok');
  expect(await bind('bob-desktop')).toBe('auth.client_mismatch');
  expect(await bind('alice-desktop-1')).toBe('ok');
  expect(await bind('alice-desktop-2')).toBe('ok');
});
