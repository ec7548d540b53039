import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { queryWorklist } from '../../../src/desktop/core/queries/worklist';
import type { WorklistEntry } from '../../../src/desktop/store/callback-index';
import type { LocalStore } from '../../../src/desktop/store/local-store';
import {
  decodeSnapshot,
  encodeSnapshot,
  SNAPSHOT_FORMAT,
} from '../../../src/desktop/store/worklist-snapshot';
import { DEFAULT_POLICY } from '../../../src/shared/domain/policy';
import { worklistQuerySchema } from '../../../src/shared/ipc/views';
import { callbackRow } from '../../fixtures/rows';
import { NOW } from '../sync/fixtures';
import { applyPage, openCache, removeTempCaches, tempCache, twoZoneRows, type CacheRow } from './temp-cache';

/**
 * The worklist's in-memory copy is written to `worklist_snapshot` as the desktop
 * closes and read back at the next start instead of the table's rows. It must give
 * exactly the entries the table gives, never outlive a change of the table, and a
 * blob that is not one the desktop wrote must be refused (the table is read instead).
 */
afterEach(removeTempCaches);

const HOUR_MS = 3_600_000;

/** Every field of an entry, read through its accessors (a packed entry holds none of its own). */
function fields(e: WorklistEntry) {
  const t = e.transitions;
  return {
    id: e.id,
    status: e.status,
    urgency: e.urgency,
    tier: e.tier,
    assigneeId: e.assigneeId,
    dueAt: e.dueAt,
    language: e.language,
    secondAttemptPending: e.secondAttemptPending,
    pending: e.pending,
    zones: [...e.zones],
    attemptsLeft: e.attemptsLeft,
    nextAttemptFrom: e.nextAttemptFrom,
    waitingUntil: e.waitingUntil,
    transitions: {
      atRiskFrom: t.atRiskFrom,
      attemptsMissFrom: t.attemptsMissFrom,
      dueTodayFrom: t.dueTodayFrom,
      overdueFrom: t.overdueFrom,
      lastWindow: t.lastWindow,
    },
  };
}

const packed = (e: WorklistEntry | undefined) =>
  e !== undefined && Object.getPrototypeOf(e) !== Object.prototype;

/** The two-zone team, with a waiting customer (cb-2), a Spanish speaker, one overdue (cb-3) and a tie (cb-0). */
function rows(): CacheRow[] {
  return [
    ...twoZoneRows({
      west: { preferredLanguage: 'es' },
      cb2: { customerWaitingUntil: NOW + 10 * 60_000 },
      cb3: { dueAt: NOW - HOUR_MS },
    }),
    // The same due time as cb-1: the id breaks the tie.
    {
      table: 'callbacks',
      data: callbackRow({ id: 'cb-0', inquiryId: 'in-3', customerId: 'cu-west', dueAt: NOW + 28 * HOUR_MS }),
    },
  ];
}

function filled(): { store: LocalStore; file: string } {
  const store = tempCache();
  applyPage(store, rows());
  return { store, file: store.db.name };
}

/** What the cache file holds of the snapshot: the blob (format, size) and whether it is marked valid. */
const snapshotState = (file: string) => {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    const blob = db.prepare('SELECT format, length(data) AS bytes FROM worklist_snapshot').get() as
      { format: number; bytes: number } | undefined;
    const valid = db.prepare('SELECT 1 FROM worklist_snapshot_valid').get() !== undefined;
    return { blob, valid };
  } finally {
    db.close();
  }
};
const none = { blob: undefined, valid: false };

describe('the worklist snapshot', () => {
  it('is written as the store closes and gives the next start the table’s entries, field by field, in order', () => {
    const { store, file } = filled();
    const fromTable = store.callbacks.sortedEntries().map(fields);
    expect(fromTable.map((e) => e.id)).toEqual(['cb-3', 'cb-2', 'cb-0', 'cb-1']);
    expect(packed(store.callbacks.sortedEntries()[0])).toBe(false);
    store.close();
    expect(snapshotState(file)).toEqual({
      blob: { format: SNAPSHOT_FORMAT, bytes: expect.any(Number) },
      valid: true,
    });

    const next = openCache(file);
    const loaded = next.callbacks.sortedEntries();
    expect(loaded.every(packed)).toBe(true);
    expect(loaded.map(fields)).toEqual(fromTable);
    // Shared zone lists, as the table's load gives them.
    expect(loaded[2]?.zones).toBe(loaded[0]?.zones);
    next.close();
  });

  it('answers the worklist exactly as the table does', () => {
    const { store, file } = filled();
    const query = worklistQuerySchema.parse({ scope: 'team', offset: 0, limit: 50 });
    const page = (s: LocalStore) => queryWorklist(s, query, { userId: 'u-me' }, NOW, DEFAULT_POLICY);
    const fromTable = page(store);
    store.close();
    const next = openCache(file);
    const fromSnapshot = page(next);
    expect(packed(next.callbacks.sortedEntries()[0])).toBe(true);
    expect(fromSnapshot).toEqual(fromTable);
    // Waiting first (cb-2), then overdue (cb-3).
    expect(fromSnapshot.rows.map((r) => r.id).slice(0, 2)).toEqual(['cb-2', 'cb-3']);
    next.close();
  });

  it('goes with any change to the callback index, and the next close writes the new copy', () => {
    const { store, file } = filled();
    store.callbacks.sortedEntries();
    store.close();
    const next = openCache(file);
    next.callbacks.sortedEntries();
    applyPage(
      next,
      [
        {
          table: 'callbacks',
          data: callbackRow({
            id: 'cb-1',
            inquiryId: 'in-1',
            customerId: 'cu-east',
            dueAt: NOW + 40 * HOUR_MS,
          }),
        },
      ],
      2,
    );
    // No longer valid from the transaction that changed the table (the blob waits for the next close).
    expect(snapshotState(file)).toMatchObject({ blob: { format: SNAPSHOT_FORMAT }, valid: false });
    const changed = next.callbacks.sortedEntries().map(fields);
    expect(changed.map((e) => e.id)).toEqual(['cb-3', 'cb-2', 'cb-0', 'cb-1']);
    expect(changed[3]?.dueAt).toBe(NOW + 40 * HOUR_MS);
    next.close();
    expect(snapshotState(file).valid).toBe(true);
    const third = openCache(file);
    const reloaded = third.callbacks.sortedEntries();
    expect(reloaded.every(packed)).toBe(true);
    expect(reloaded.map(fields)).toEqual(changed);
    third.close();
  });

  it('is not written for a copy that was never loaded', () => {
    const { store, file } = filled();
    store.close();
    expect(snapshotState(file)).toEqual(none);
  });

  it('a sign-out wipe, a forced sign-out and a new access scope take it, blob and all', () => {
    for (const clear of [
      (s: LocalStore) => s.wipe(),
      (s: LocalStore) => s.wipeKeepingOutbox(),
      (s: LocalStore) => s.resetConfirmed('team:bravo'),
    ]) {
      const { store, file } = filled();
      store.callbacks.sortedEntries();
      store.close();
      expect(snapshotState(file).valid).toBe(true);
      const next = openCache(file);
      next.callbacks.sortedEntries();
      clear(next);
      expect(snapshotState(file)).toEqual(none);
      // The copy of the emptied table is what the next start finds.
      expect(next.callbacks.sortedEntries()).toEqual([]);
      next.close();
      const third = openCache(file);
      expect(third.callbacks.sortedEntries()).toEqual([]);
      third.close();
    }
  });

  it('a blob the desktop did not write, or of another format, is dropped and the table is read', () => {
    for (const [format, data] of [
      [SNAPSHOT_FORMAT, Buffer.from('not a snapshot')],
      [SNAPSHOT_FORMAT + 1, encodeSnapshot([])],
    ] as const) {
      const { store, file } = filled();
      const fromTable = store.callbacks.sortedEntries().map(fields);
      store.close();
      const db = new BetterSqlite3(file);
      db.prepare('UPDATE worklist_snapshot SET format = ?, data = ?').run(format, data);
      db.close();
      const next = openCache(file);
      const loaded = next.callbacks.sortedEntries();
      expect(loaded.some(packed)).toBe(false);
      expect(loaded.map(fields)).toEqual(fromTable);
      expect(snapshotState(file)).toEqual(none);
      next.close();
    }
  });
});

describe('the snapshot’s blob', () => {
  const entry = (over: Partial<WorklistEntry> = {}): WorklistEntry => ({
    id: 'cb-1',
    status: 'open',
    urgency: 'urgent',
    tier: 1,
    assigneeId: null,
    dueAt: NOW,
    language: null,
    secondAttemptPending: false,
    pending: true,
    zones: [],
    attemptsLeft: 2,
    nextAttemptFrom: 0,
    waitingUntil: null,
    transitions: {
      atRiskFrom: NOW - 5,
      attemptsMissFrom: Infinity,
      dueTodayFrom: -Infinity,
      overdueFrom: NOW,
      lastWindow: null,
    },
    ...over,
  });
  const zonesOf = (c: string) => (c === '' ? [] : c.split(','));

  it('keeps nulls, infinities, flags and zone lists as they were', () => {
    const entries = [
      entry(),
      entry({
        id: 'cb-2',
        assigneeId: 'u-9',
        language: 'fr',
        secondAttemptPending: true,
        pending: false,
        zones: ['America/Chicago', 'America/Denver'],
        waitingUntil: NOW + 1,
        transitions: {
          atRiskFrom: 1,
          attemptsMissFrom: 2,
          dueTodayFrom: 3,
          overdueFrom: 4,
          lastWindow: { start: NOW - 7, end: NOW - 3 },
        },
      }),
    ];
    const decoded = decodeSnapshot(encodeSnapshot(entries), zonesOf);
    expect(decoded?.map(fields)).toEqual(entries.map(fields));
  });

  it('refuses a blob cut short, out of order or with a value its column cannot hold', () => {
    const two = [entry(), entry({ id: 'cb-2', dueAt: NOW + 1 })];
    const blob = encodeSnapshot(two);
    expect(decodeSnapshot(blob, zonesOf)).toHaveLength(2);
    expect(decodeSnapshot(blob.subarray(0, blob.length - 8), zonesOf)).toBeUndefined();
    expect(decodeSnapshot(blob.subarray(0, 3), zonesOf)).toBeUndefined();
    expect(
      decodeSnapshot(encodeSnapshot([two[1] as WorklistEntry, two[0] as WorklistEntry]), zonesOf),
    ).toBeUndefined();
    // Same due time: the ids must ascend.
    expect(decodeSnapshot(encodeSnapshot([entry({ id: 'cb-2' }), entry()]), zonesOf)).toBeUndefined();
    // Two entries: 9 float64 instants each, then 9 int32 small fields each.
    const instantsAt = blob.length - 2 * (9 * 8 + 9 * 4);
    const smallAt = instantsAt + 2 * 9 * 8;
    const corrupt = (block: 'instant' | 'small', field: number, value: number) => {
      const copy = Buffer.from(blob);
      if (block === 'instant') copy.writeDoubleLE(value, instantsAt + field * 8);
      else copy.writeInt32LE(value, smallAt + field * 4);
      return decodeSnapshot(copy, zonesOf);
    };
    expect(corrupt('instant', 0, Number.NaN)).toBeUndefined(); // due time
    expect(corrupt('instant', 0, NOW + 2)).toBeUndefined(); // now after the second entry
    expect(corrupt('small', 0, 99)).toBeUndefined(); // status: no such dictionary word
    expect(corrupt('small', 3, -2)).toBeUndefined(); // assignee: neither null nor a word
    expect(corrupt('small', 6, 2)).toBeUndefined(); // pending: a flag
    expect(corrupt('instant', 2, NOW)).toHaveLength(2); // a customer waiting is fine
    expect(corrupt('small', 3, 0)).toHaveLength(2); // an assignee from the dictionary is fine
  });

  it('will not write a field an int32 cannot hold (the store then leaves no snapshot)', () => {
    expect(() => encodeSnapshot([entry({ tier: 1.5 })])).toThrow('not a 32-bit integer');
    expect(() => encodeSnapshot([entry({ attemptsLeft: 2 ** 40 })])).toThrow('not a 32-bit integer');
  });
});
