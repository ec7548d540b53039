import type pg from 'pg';
import type { RowKey, TableName } from '../../shared/sync/rows';
import type { AuditEvent } from '../audit';
import type { ReferenceUse } from '../sync/push-references';
import type { StampedRow, StoredRowData } from './batch-writes';
import type { ChangedRow } from './change-reader';
import type { Db } from './database';
import type { ServerDesk } from './desks';
import type { PullPage, PullScope } from './pull-reader';
import type { Selectable } from 'kysely';
import type { Database, MutationLogTable } from './schema';
import type { SessionRecord } from './session-reads';
import type { StoreKind } from './store-kind';

/** A value now (SQLite, synchronous) or later (PostgreSQL). */
export type Awaitable<T> = T | Promise<T>;

/**
 * A push batch's storage inside its one transaction (docs/scale-out.md §1, §3).
 * Versions are allocated LAST, after everything was read and judged: on PostgreSQL
 * that takes the version counter's row lock only from there to the commit.
 */
export interface BatchStore {
  clientLastSeq(clientId: string): Awaitable<number>;
  findLoggedMutations(clientId: string, seqs: readonly number[]): Awaitable<Map<number, MutationLogTable>>;
  /** The live rows among `keys` (on PostgreSQL: each key locked first). */
  readRowData(keys: readonly RowKey[]): Awaitable<Map<string, StoredRowData>>;
  /** `count` consecutive versions; returns the first. */
  allocateVersions(count: number): Awaitable<number>;
  upsertRows(rows: readonly StampedRow[]): Awaitable<void>;
  insertMutationLog(rows: readonly MutationLogTable[]): Awaitable<void>;
  setClientLastSeq(clientId: string, seq: number): Awaitable<void>;
  insertAuditEvents(events: readonly AuditEvent[]): Awaitable<void>;
  /* Reference numbers (docs/domain.md; desks.ts holds the same rules for Kysely writers). */
  /** Whether a reference number was ever given to a record. */
  referenceTaken(reference: string): Awaitable<boolean>;
  insertReferences(rows: readonly ReferenceUse[]): Awaitable<void>;
  /** The server desk in use (the newest with sequences left); on PostgreSQL its row locked until commit. */
  currentServerDesk(): Awaitable<ServerDesk | undefined>;
  /** A fresh server desk (the next code of the one counter). */
  newServerDesk(now: number): Awaitable<ServerDesk>;
  saveServerDesk(desk: ServerDesk): Awaitable<void>;
}

/** The version, one page and the client's seq, from one snapshot. */
export interface HeadAndPage {
  latest: number;
  lastSeq: number;
  /** Undefined when the cursor is beyond `latest` (the server's data was reset). */
  page: PullPage | undefined;
}

export interface PullStore {
  /** The current version and the client's last processed seq (0 when unknown). */
  head(clientId: string): Promise<{ version: number; lastSeq: number }>;
  /** The client's owner and last processed seq; undefined for an unknown client. */
  client(clientId: string): Promise<{ userId: string; lastSeq: number } | undefined>;
  read(scope: PullScope, cursor: number, limit: number, clientId: string): Promise<HeadAndPage>;
}

export interface ChangeStore<T extends TableName> {
  since(cursor: number): Promise<{ version: number; rows: ChangedRow<T>[] }>;
}

export interface SessionStore {
  session(sessionId: string): Promise<SessionRecord | undefined>;
  userByName(username: string): Promise<Selectable<Database['users']> | undefined>;
}

/**
 * The server's storage, whichever database holds it: Kysely (`db`) for the
 * ordinary paths, and the port for the hot ones. Opened by openServerStore.
 */
export interface ServerStore {
  readonly kind: StoreKind;
  readonly db: Db;
  /**
   * For appends that take no version and no row lock (the pulls' audit rows): on
   * PostgreSQL the write pool without the node's write gate, so a delivery's audit row
   * does not queue behind a burst of pushes waiting on the version counter (at most one
   * such insert runs at a time, AuditBatcher); on SQLite the one writer, `db`.
   */
  readonly appendDb: Db;
  readonly pulls: PullStore;
  readonly sessions: SessionStore;
  /** The PostgreSQL write pool; undefined on SQLite. */
  readonly pool: pg.Pool | undefined;
  /** The PostgreSQL pool of the socket.io adapter's publishes (its own); undefined on SQLite. */
  readonly clusterPool: pg.Pool | undefined;
  changes<T extends TableName>(tables: readonly T[]): ChangeStore<T>;
  /** Runs a push batch in ONE transaction (on PostgreSQL after locking the client's row; retried on deadlock). */
  pushTransaction<T>(clientId: string, work: (store: BatchStore) => Promise<T>): Promise<T>;
  /** Runs `work` while no other node runs its own (migrations and the seed of an empty database). */
  exclusively<T>(work: () => Promise<T>): Promise<T>;
  /** Resolves when the database answers within `timeoutMs`; rejects with the reason otherwise. */
  ping(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}
