import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, withRelaxedDurability } from '../../../src/desktop/store/open-store';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function open() {
  const dir = mkdtempSync(join(tmpdir(), 'agent-desk-open-'));
  dirs.push(dir);
  const opened = openStore(join(dir, 'cache.db'));
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value.db;
}

/** 2 = FULL, 1 = NORMAL. */
const synchronous = (db: ReturnType<typeof open>) => db.pragma('synchronous', { simple: true });

describe('the cache file', () => {
  it('opens in WAL mode with synchronous=FULL (the outbox must survive a power cut)', () => {
    const db = open();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(synchronous(db)).toBe(2);
    db.close();
  });

  it('relaxes durability only for the write it wraps, and restores FULL even when that write fails', () => {
    const db = open();
    const seen = withRelaxedDurability(db, () => synchronous(db));
    expect(seen).toBe(1);
    expect(synchronous(db)).toBe(2);
    expect(() =>
      withRelaxedDurability(db, () => {
        throw new Error('page refused');
      }),
    ).toThrow('page refused');
    expect(synchronous(db)).toBe(2);
    db.close();
  });

  it('leaves an enclosing transaction alone (its commit keeps FULL)', () => {
    const db = open();
    const seen = db.transaction(() => withRelaxedDurability(db, () => synchronous(db)))();
    expect(seen).toBe(2);
    expect(synchronous(db)).toBe(2);
    db.close();
  });
});
