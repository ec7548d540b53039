import { createServer } from 'node:http';
import pg from 'pg';
import { Server } from 'socket.io';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createLogger } from '../../../src/server/logger';
import { postgresCluster } from '../../../src/server/sync/cluster';
import { createTestDatabase, type TestDatabase } from '../../support/postgres/test-database';

const databases: TestDatabase[] = [];
afterEach(async () => {
  for (const database of databases.splice(0)) await database.drop();
});

/** A pool as slow to hand out a connection as a loaded node's: the adapter uses only these two. */
function slowPool(pool: pg.Pool, delayMs: number): pg.Pool {
  const slow = {
    connect: async () => {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return pool.connect();
    },
    query: (...args: Parameters<pg.Pool['query']>) => pool.query(...args),
  };
  return slow as unknown as pg.Pool;
}

function settlesWithin<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} did not settle in ${ms} ms`)), ms),
    ),
  ]);
}

describe("a node's cluster connection (socket.io PostgreSQL adapter)", () => {
  it('is given back when the node closes before its LISTEN connection was up, so its pool ends', async () => {
    const database = await createTestDatabase(inject('postgresAdminUrl'));
    databases.push(database);
    const pool = new pg.Pool({ connectionString: database.url, max: 3 });
    const cluster = postgresCluster(slowPool(pool, 300), createLogger('silent'));
    const io = new Server(createServer(), { adapter: cluster.adapter });
    // Closed at once, as a node that stops right after it started: the adapter is still
    // waiting for its connection. The close waits for it (socket-server.ts), then io.close
    // has the adapter release it.
    expect(await cluster.listening(io, 5_000)).toBe(true);
    await new Promise<void>((resolve) => io.close(() => resolve()));
    // The node closes its other parts before its pools (start-server.ts): by then a
    // connection the adapter was waiting for has arrived.
    await new Promise((resolve) => setTimeout(resolve, 600));
    await settlesWithin(pool.end(), 10_000, 'ending the pool');
    expect(pool.totalCount).toBe(0);
  });
});
