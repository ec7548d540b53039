import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateStore } from '../../../src/desktop/store/migrate';
import { MIGRATIONS } from '../../../src/desktop/store/migrations';

const open: BetterSqlite3.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

describe('cache migration 006 (rejection params)', () => {
  it('adds a nullable params blob and keeps every stored rejection as it was', () => {
    const db = new BetterSqlite3(':memory:');
    open.push(db);
    migrateStore(db, MIGRATIONS, 5);
    db.prepare(
      "INSERT INTO rejections (mutation_id, name, code, message, subject_tbl, subject_id, at, dismissed) VALUES ('m-1', 'callback.claim@1', 'callback.taken', x'0102', 'callbacks', 'cb-1', 5, 0)",
    ).run();
    const before = db.prepare('SELECT * FROM rejections').get();
    const result = migrateStore(db, MIGRATIONS, 6);
    expect(result).toEqual({ ok: true, value: { from: 5, to: 6, applied: ['006_rejection_params'] } });
    expect(db.prepare('SELECT * FROM rejections').get()).toEqual({ ...(before as object), params: null });
    // STRICT still holds for the new column: a blob or NULL, never text.
    expect(() =>
      db
        .prepare(
          "INSERT INTO rejections (mutation_id, name, code, message, params, at) VALUES ('m-2', 'n', 'c', x'00', 'plain', 1)",
        )
        .run(),
    ).toThrow();
  });
});
