import { randomBytes } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import {
  formatReference,
  REFERENCE_FIELD_MAX,
  type ReferenceKind,
} from '../../shared/domain/identifiers/reference-number';
import { err, ok, type Result } from '../../shared/domain/result';

interface Row {
  key: string;
  desk: number | null;
  next_seq: number;
}

/**
 * The installation's desk (docs/domain.md, "Reference numbers"): its secret key
 * (sent at sign-in and in the socket handshake), the desk code the server gave it,
 * and its own sequence. A reference is taken inside the caller's transaction (the
 * one that queues the record), so a crash neither loses a counted number nor reuses one.
 */
export class InstallationDesk {
  private readonly stmts;

  constructor(private readonly db: BetterSqlite3.Database) {
    this.stmts = {
      get: db.prepare<[], Row>('SELECT key, desk, next_seq FROM installation WHERE id = 1'),
      create: db.prepare<[string]>('INSERT OR IGNORE INTO installation (id, key) VALUES (1, ?)'),
      setDesk: db.prepare<[number]>('UPDATE installation SET desk = ? WHERE id = 1'),
      advance: db.prepare<[number]>('UPDATE installation SET next_seq = ? WHERE id = 1'),
    };
  }

  private row(): Row {
    const found = this.stmts.get.get();
    if (found) return found;
    this.stmts.create.run(randomBytes(32).toString('base64url'));
    return this.stmts.get.get() as Row;
  }

  /** The installation key (created the first time; kept through sign-outs). */
  key(): string {
    return this.row().key;
  }

  desk(): number | null {
    return this.row().desk;
  }

  /** The desk code the server answered at sign-in (the same every time for one key). */
  setDesk(desk: number): void {
    this.row();
    if (this.row().desk !== desk) this.stmts.setDesk.run(desk);
  }

  /** The next reference of `kind` from this desk, counted durably (call it inside the queuing transaction). */
  take(kind: ReferenceKind): Result<string> {
    const { desk, next_seq: seq } = this.row();
    if (desk === null) {
      return err(
        'reference.no_desk',
        'This desktop has no desk code for reference numbers yet: sign in once while connected to the server.',
      );
    }
    if (seq >= REFERENCE_FIELD_MAX) {
      return err(
        'reference.desk_full',
        'This desktop has used every reference number of its desk code; call IT.',
      );
    }
    this.stmts.advance.run(seq + 1);
    return ok(formatReference({ kind, desk, seq }).canonical);
  }

  /** For code that must run a take() and its write atomically. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }
}
