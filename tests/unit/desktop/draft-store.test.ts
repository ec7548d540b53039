import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DraftStore } from '../../../src/desktop/store/draft-store';
import { LocalStore } from '../../../src/desktop/store/local-store';
import { migrateStore } from '../../../src/desktop/store/migrate';
import { MIGRATIONS } from '../../../src/desktop/store/migrations';
import { openStore } from '../../../src/desktop/store/open-store';
import { createPiiCipher, type PiiCipher } from '../../../src/desktop/store/pii-cipher';
import { DEFAULT_POLICY } from '../../../src/shared/domain/policy';

const dirs: string[] = [];
const dbs: BetterSqlite3.Database[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function cipher(): PiiCipher {
  const made = createPiiCipher(randomBytes(32));
  if (!made.ok) throw new Error(made.error.message);
  return made.value;
}

function openFile(): { db: BetterSqlite3.Database; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'drafts-'));
  dirs.push(dir);
  const file = join(dir, 'cache.sqlite');
  const db = new BetterSqlite3(file);
  dbs.push(db);
  const migrated = migrateStore(db, MIGRATIONS);
  if (!migrated.ok) throw new Error(migrated.error.message);
  return { db, file };
}

const SECRET = 'Passport A1234567 renewal, wife María Fernández';
const inquiry = { userId: 'u-1', form: 'inquiry', callbackId: 'cb-1' } as const;

describe('DraftStore', () => {
  it('keeps a draft encrypted at rest: the typed text is not in the SQLite file', () => {
    const { db, file } = openFile();
    const store = new DraftStore(db, cipher());
    store.save(inquiry, JSON.stringify({ notes: SECRET }), 1_000);
    expect(store.load(inquiry)).toEqual({ body: JSON.stringify({ notes: SECRET }), savedAt: 1_000 });
    db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = readFileSync(file);
    expect(bytes.includes(Buffer.from('A1234567', 'utf8'))).toBe(false);
    expect(bytes.includes(Buffer.from('Fernández', 'utf8'))).toBe(false);
  });

  it('restores the newest save after the store is opened again (a restart)', () => {
    const { db } = openFile();
    const key = cipher();
    new DraftStore(db, key).save(inquiry, 'first', 1);
    new DraftStore(db, key).save(inquiry, 'second', 2);
    expect(new DraftStore(db, key).load(inquiry)).toEqual({ body: 'second', savedAt: 2 });
  });

  it('keeps one draft per user, form and callback: another user never sees it', () => {
    const { db } = openFile();
    const store = new DraftStore(db, cipher());
    store.save(inquiry, 'mine', 1);
    expect(store.load({ ...inquiry, userId: 'u-2' })).toBeUndefined();
    expect(store.load({ ...inquiry, form: 'expedite' })).toBeUndefined();
    expect(store.load({ ...inquiry, callbackId: 'cb-2' })).toBeUndefined();
    // A blob moved to another user's row does not decrypt (the place is bound in).
    db.prepare("UPDATE drafts SET user_id = 'u-2'").run();
    expect(() => store.load({ ...inquiry, userId: 'u-2' })).toThrow();
  });

  it('discards a draft and only that one', () => {
    const { db } = openFile();
    const store = new DraftStore(db, cipher());
    store.save(inquiry, 'inquiry text', 1);
    store.save({ ...inquiry, form: 'appointment' }, 'appointment text', 2);
    store.discard(inquiry);
    expect(store.load(inquiry)).toBeUndefined();
    expect(store.load({ ...inquiry, form: 'appointment' })).toEqual({ body: 'appointment text', savedAt: 2 });
  });

  it('a sign-out wipe drops every draft from the cache file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'drafts-'));
    dirs.push(dir);
    const file = join(dir, 'cache.db');
    const opened = openStore(file);
    if (!opened.ok) throw new Error(opened.error.message);
    dbs.push(opened.value.db);
    const store = new LocalStore(opened.value.db, cipher(), DEFAULT_POLICY);
    store.drafts.save(inquiry, SECRET, 1);
    store.wipe();
    expect(store.drafts.load(inquiry)).toBeUndefined();
    expect(opened.value.db.prepare('SELECT COUNT(*) AS n FROM drafts').get()).toEqual({ n: 0 });
  });
});
