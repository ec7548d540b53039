import { rowKey, TABLE_NAMES, type RowKey, type TableName } from '../../../shared/sync/rows';
import type { AuditEvent } from '../../audit';
import { auditInsert } from './audit-insert';
import type { StampedRow, StoredRowData } from '../batch-writes';
import { REFERENCE_FIELD_MAX } from '../../../shared/domain/identifiers/reference-number';
import { DESK_COUNTER, DESK_KINDS, type ServerDesk } from '../desks';
import type { MutationLogTable } from '../schema';
import { inPgTransaction } from './pg-transaction';
import { lockRowKeys } from './row-key-locks';
import type { WriteClient, WritePool } from './write-gate';

const KNOWN_TABLES: ReadonlySet<string> = new Set(TABLE_NAMES);

/** Table names are spliced into SQL, so only the synced tables' own names are accepted. */
function tableName(table: string): string {
  if (!KNOWN_TABLES.has(table)) throw new Error(`Unknown table "${table}".`);
  return `"${table}"`;
}

function groupByTable<T extends { table: TableName }>(items: readonly T[]): Map<TableName, T[]> {
  const byTable = new Map<TableName, T[]>();
  for (const item of items) {
    const list = byTable.get(item.table);
    if (list) list.push(item);
    else byTable.set(item.table, [item]);
  }
  return byTable;
}

/**
 * A push batch's storage on PostgreSQL: the same operations as the SQLite
 * `BatchWrites`, on one pooled connection inside one READ COMMITTED transaction
 * (`transaction`), with the locks that make several nodes behave like SQLite's one
 * connection (docs/scale-out.md §3):
 *
 * - the client's row is locked first, so two pushes of one desktop (a retry sent to
 *   another node) run one after the other and the second sees the first's log;
 * - every row key is locked before it is read (`readRowData`), so two batches
 *   touching one row serialize and the second judges the first's result;
 * - versions are allocated last (`allocateVersions`), taking the counter row's
 *   lock only from there to the commit: versions become visible in order.
 *
 * Writes are one statement per table (`unnest` of column arrays), whatever the
 * batch size.
 */
export class PgBatchWrites {
  private constructor(
    private readonly client: WriteClient,
    private readonly lastSeq: number,
  ) {}

  /**
   * Runs `work` in one transaction after locking `clientId`'s row. Refuses an
   * unknown client (a desktop pushes only after its handshake registered it). A
   * deadlock runs `work` again from the start (pg-transaction.ts).
   */
  static transaction<T>(
    pool: WritePool,
    clientId: string,
    work: (writes: PgBatchWrites) => Promise<T>,
  ): Promise<T> {
    return inPgTransaction(pool, async (client) => {
      const { rows } = await client.query<{ last_seq: number }>(
        'select last_seq from clients where client_id = $1 for update',
        [clientId],
      );
      const row = rows[0];
      if (!row) throw new Error(`Unknown desktop "${clientId}".`);
      return work(new PgBatchWrites(client, row.last_seq));
    });
  }

  /** The last seq the client sent, as locked at the start of the transaction. */
  clientLastSeq(): number {
    return this.lastSeq;
  }

  /** The live rows among `keys`, keyed by `rowKey`, read after locking every key. Deleted rows count as absent. */
  async readRowData(keys: readonly RowKey[]): Promise<Map<string, StoredRowData>> {
    const found = new Map<string, StoredRowData>();
    if (keys.length === 0) return found;
    await lockRowKeys(this.client, keys);
    for (const [table, list] of groupByTable(keys)) {
      const { rows } = await this.client.query<{ id: string; version: number; data: string }>(
        `select id, version, data from ${tableName(table)} where id = any($1::text[]) and deleted = 0`,
        [[...new Set(list.map((k) => k.id))]],
      );
      for (const r of rows) found.set(rowKey(table, r.id), { data: r.data, version: r.version });
    }
    return found;
  }

  /** The mutation-log rows already stored for `seqs` of one client, by seq. */
  async findLoggedMutations(
    clientId: string,
    seqs: readonly number[],
  ): Promise<Map<number, MutationLogTable>> {
    const logged = new Map<number, MutationLogTable>();
    if (seqs.length === 0) return logged;
    const { rows } = await this.client.query<MutationLogTable>(
      'select * from mutation_log where client_id = $1 and seq = any($2::bigint[])',
      [clientId, [...new Set(seqs)]],
    );
    for (const r of rows) logged.set(r.seq, r);
    return logged;
  }

  /**
   * Allocates `count` consecutive versions and returns the first. Takes the
   * counter row's lock until commit: call it as the last step before writing.
   */
  async allocateVersions(count: number): Promise<number> {
    const { rows } = await this.client.query<{ value: number }>(
      "update meta set value = value + $1 where key = 'version' returning value",
      [count],
    );
    const row = rows[0];
    if (!row) throw new Error('The version counter is missing (database not migrated?).');
    return row.value - count + 1;
  }

  /** Upserts entity rows; a row listed twice keeps its last state (and is written once). */
  async upsertRows(rows: readonly StampedRow[]): Promise<void> {
    const latest = new Map<string, StampedRow>();
    for (const r of rows) latest.set(rowKey(r.table, r.id), r);
    for (const [table, list] of groupByTable([...latest.values()])) {
      await this.client.query(
        `insert into ${tableName(table)} (id, team, version, deleted, data)
         select id, team, version, 0, data
         from unnest($1::text[], $2::text[], $3::bigint[], $4::text[]) as r(id, team, version, data)
         on conflict (id) do update set team = excluded.team, version = excluded.version,
           deleted = 0, data = excluded.data`,
        [list.map((r) => r.id), list.map((r) => r.team), list.map((r) => r.version), list.map((r) => r.data)],
      );
    }
  }

  /** Appends mutation-log rows. */
  async insertMutationLog(rows: readonly MutationLogTable[]): Promise<void> {
    if (rows.length === 0) return;
    await this.client.query(
      `insert into mutation_log (client_id, seq, mutation_id, name, status, error_code, error_message, version, at)
       select * from unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
         $8::bigint[], $9::bigint[])`,
      [
        rows.map((r) => r.client_id),
        rows.map((r) => r.seq),
        rows.map((r) => r.mutation_id),
        rows.map((r) => r.name),
        rows.map((r) => r.status),
        rows.map((r) => r.error_code ?? null),
        rows.map((r) => r.error_message ?? null),
        rows.map((r) => r.version ?? null),
        rows.map((r) => r.at),
      ],
    );
  }

  /** Appends audit events in order (each row exactly as appendAudit writes it). */
  async insertAuditEvents(events: readonly AuditEvent[]): Promise<void> {
    if (events.length === 0) return;
    const { text, values } = auditInsert(events);
    await this.client.query(text, values);
  }

  /* ---------- reference numbers (the same rules as BatchWrites and desks.ts) ---------- */

  async referenceTaken(reference: string): Promise<boolean> {
    const { rows } = await this.client.query('select 1 from record_references where reference = $1', [
      reference,
    ]);
    return rows.length > 0;
  }

  async insertReferences(rows: readonly { reference: string; tbl: string; id: string }[]): Promise<void> {
    if (rows.length === 0) return;
    await this.client.query(
      'insert into record_references (reference, tbl, id) select * from unnest($1::text[], $2::text[], $3::text[])',
      [rows.map((r) => r.reference), rows.map((r) => r.tbl), rows.map((r) => r.id)],
    );
  }

  /** Locked until commit: two nodes giving server references serialize on the desk's row. */
  async currentServerDesk(): Promise<ServerDesk | undefined> {
    const { rows } = await this.client.query<{ code: string; next_seq: string }>(
      `select code, next_seq from desks where kind = $1 and next_seq < $2 order by code desc limit 1 for update`,
      [DESK_KINDS.server, REFERENCE_FIELD_MAX],
    );
    const row = rows[0];
    return row ? { code: Number(row.code), nextSeq: Number(row.next_seq) } : undefined;
  }

  async newServerDesk(now: number): Promise<ServerDesk> {
    const { rows } = await this.client.query<{ value: string }>(
      'update meta set value = value + 1 where key = $1 returning value',
      [DESK_COUNTER],
    );
    const counter = rows[0];
    if (!counter) throw new Error('The desk-code counter is missing (database not migrated?).');
    const code = Number(counter.value) - 1;
    await this.client.query(
      'insert into desks (code, kind, installation_hash, next_seq, created_at) values ($1, $2, null, 0, $3)',
      [code, DESK_KINDS.server, now],
    );
    return { code, nextSeq: 0 };
  }

  async saveServerDesk(desk: ServerDesk): Promise<void> {
    await this.client.query('update desks set next_seq = $1 where code = $2', [desk.nextSeq, desk.code]);
  }

  async setClientLastSeq(clientId: string, seq: number): Promise<void> {
    await this.client.query('update clients set last_seq = $1 where client_id = $2', [seq, clientId]);
  }
}
