import type BetterSqlite3 from 'better-sqlite3';
import type { MutationEnvelope } from '../../shared/sync/protocol';
import type { PiiCipher } from './pii-cipher';

export interface OutboxEntry {
  seq: number;
  id: string;
  name: string;
  args: unknown;
  createdAt: number;
  /** applied: the server applied it, but no pull has delivered its effect yet. */
  status: 'pending' | 'applied';
}

/**
 * The durable outbox: every local change, in order, until the server has both
 * acknowledged it and delivered its effect. `seq` is the per-client sequence
 * number the server deduplicates by, so a re-push after a crash is harmless.
 * Arguments may hold PII (a customer's phones), so they are encrypted.
 */
export class Outbox {
  private readonly stmts;

  constructor(
    db: BetterSqlite3.Database,
    private readonly cipher: PiiCipher,
  ) {
    this.stmts = {
      insert: db.prepare<[string, string, Buffer, number]>(
        "INSERT INTO outbox (id, name, args, created_at, status) VALUES (?, ?, ?, ?, 'pending')",
      ),
      all: db.prepare<[], RawEntry>(
        'SELECT seq, id, name, args, created_at, status FROM outbox ORDER BY seq',
      ),
      unsent: db.prepare<[number], RawEntry>(
        "SELECT seq, id, name, args, created_at, status FROM outbox WHERE status = 'pending' ORDER BY seq LIMIT ?",
      ),
      byId: db.prepare<[string], RawEntry>(
        'SELECT seq, id, name, args, created_at, status FROM outbox WHERE id = ?',
      ),
      markApplied: db.prepare<[string]>("UPDATE outbox SET status = 'applied' WHERE id = ?"),
      remove: db.prepare<[string]>('DELETE FROM outbox WHERE id = ?'),
      dropAcknowledged: db.prepare<[number]>("DELETE FROM outbox WHERE seq <= ? AND status = 'applied'"),
      count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM outbox'),
      countUnsent: db.prepare<[], { n: number }>("SELECT count(*) AS n FROM outbox WHERE status = 'pending'"),
    };
  }

  private decode(raw: RawEntry): OutboxEntry {
    return {
      seq: raw.seq,
      id: raw.id,
      name: raw.name,
      args: JSON.parse(this.cipher.decrypt(raw.args, `outbox/${raw.id}`)),
      createdAt: raw.created_at,
      status: raw.status,
    };
  }

  add(id: string, name: string, args: unknown, createdAt: number): void {
    this.stmts.insert.run(id, name, this.cipher.encrypt(JSON.stringify(args), `outbox/${id}`), createdAt);
  }

  all(): OutboxEntry[] {
    return this.stmts.all.all().map((r) => this.decode(r));
  }

  get(id: string): OutboxEntry | undefined {
    const raw = this.stmts.byId.get(id);
    return raw ? this.decode(raw) : undefined;
  }

  /** The next push: entries the server has not answered yet, oldest first. */
  unsent(limit: number): MutationEnvelope[] {
    return this.stmts.unsent.all(limit).map((r) => {
      const e = this.decode(r);
      return { id: e.id, seq: e.seq, name: e.name, args: e.args };
    });
  }

  markApplied(id: string): void {
    this.stmts.markApplied.run(id);
  }

  remove(id: string): void {
    this.stmts.remove.run(id);
  }

  /** After a complete pull: applied entries up to the server's last seq are in the confirmed rows now. */
  dropAcknowledged(lastSeq: number): number {
    return this.stmts.dropAcknowledged.run(lastSeq).changes;
  }

  /** Changes not yet confirmed by a pull (what the UI shows as "pending"). */
  count(): number {
    return this.stmts.count.get()?.n ?? 0;
  }

  countUnsent(): number {
    return this.stmts.countUnsent.get()?.n ?? 0;
  }
}

interface RawEntry {
  seq: number;
  id: string;
  name: string;
  args: Buffer;
  created_at: number;
  status: 'pending' | 'applied';
}
