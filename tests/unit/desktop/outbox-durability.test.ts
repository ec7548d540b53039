import { afterEach, describe, expect, it } from 'vitest';
import { mutatorContext } from '../sync/fixtures';
import { applyPage, openCache, removeTempCaches, tempCacheFile, twoZoneRows } from './temp-cache';

afterEach(removeTempCaches);

/**
 * Pulled pages are written with synchronous=NORMAL (a page lost in a power cut is
 * pulled again: withRelaxedDurability). The agent's own work has no second copy:
 * the outbox and the rejections must be written with synchronous=FULL, whatever
 * ran before. Temporary triggers record the level SQLite had at each such write,
 * and at each pulled page's cursor (which must be NORMAL, or the test would not be
 * checking "between relaxed writes"). Deletes from the outbox are left out on
 * purpose: an entry dropped after the server applied it, and lost to a power cut,
 * is dropped again by the next pull.
 */
describe("the agent's changes are written durably", () => {
  it('writes the outbox and the rejections with synchronous=FULL, also between pulled pages', () => {
    const store = openCache(tempCacheFile());
    const { db } = store;
    db.exec(`
      CREATE TEMP TABLE probe (what TEXT NOT NULL, level INTEGER NOT NULL);
      CREATE TEMP TRIGGER probe_outbox_insert AFTER INSERT ON main.outbox
        BEGIN INSERT INTO probe SELECT 'outbox insert', synchronous FROM pragma_synchronous; END;
      CREATE TEMP TRIGGER probe_outbox_update AFTER UPDATE ON main.outbox
        BEGIN INSERT INTO probe SELECT 'outbox update', synchronous FROM pragma_synchronous; END;
      CREATE TEMP TRIGGER probe_rejection AFTER INSERT ON main.rejections
        BEGIN INSERT INTO probe SELECT 'rejection', synchronous FROM pragma_synchronous; END;
      CREATE TEMP TRIGGER probe_pulled_cursor AFTER UPDATE ON main.meta WHEN new.key = 'cursor'
        BEGIN INSERT INTO probe SELECT 'pulled page', synchronous FROM pragma_synchronous; END;
    `);
    const level = () => db.pragma('synchronous', { simple: true });
    const ctx = mutatorContext();

    applyPage(store, twoZoneRows(), 1); // inserts the cursor: the probe follows its updates
    applyPage(store, twoZoneRows(), 2);
    expect(level()).toBe(2);
    expect(
      store.enqueue([{ id: 'm-1', name: 'callback.claim@1', args: { callbackId: 'cb-1' } }], ctx).ok,
    ).toBe(true);
    expect(level()).toBe(2);
    applyPage(store, twoZoneRows(), 3);
    expect(
      store.enqueue([{ id: 'm-2', name: 'callback.claim@1', args: { callbackId: 'cb-3' } }], ctx).ok,
    ).toBe(true);
    store.recordPushResults(
      [
        { id: 'm-1', seq: 1, status: 'applied' },
        {
          id: 'm-2',
          seq: 2,
          status: 'rejected',
          error: { code: 'callback.already_claimed', message: 'taken' },
        },
      ],
      (now) => mutatorContext({ now }),
      ctx.now,
    );
    expect(level()).toBe(2);
    const seen = db.prepare('SELECT what, level FROM probe ORDER BY rowid').all();
    // Every kind of write happened (so the check is about something): the pulled pages at
    // NORMAL (1), the agent's writes between and after them at FULL (2).
    expect(seen).toEqual([
      { what: 'pulled page', level: 1 },
      { what: 'outbox insert', level: 2 },
      { what: 'pulled page', level: 1 },
      { what: 'outbox insert', level: 2 },
      { what: 'outbox update', level: 2 },
      { what: 'rejection', level: 2 },
    ]);
    store.close();
  });
});
