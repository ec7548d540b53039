import type { KyselyPlugin } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { noticePlanner } from '../../../src/server/notices/notice-planner';
import { migrateToLatest, type Db } from '../../../src/server/storage/database';
import { writeRows } from '../../../src/server/storage/row-store';
import { freshDatabase, type FreshDatabase } from '../../support/test-store';
import { baseWorld, callback } from './fixtures';
import { T0 } from './helpers';

/**
 * The notice planner runs after every push that wrote callbacks. Its reads must not
 * grow with the push: the callbacks and their notices are read with one statement each
 * (a statement per callback was most of a 100-claim push's planning, and halved the
 * push throughput). The plans themselves are the notices tests' (notices-sms, -email).
 */
describe('notice planning after a push', () => {
  let fresh: FreshDatabase;
  let db: Db;
  let statements: string[];
  const counting: KyselyPlugin = {
    transformQuery: (args) => {
      statements.push(args.node.kind);
      return args.node;
    },
    transformResult: (args) => Promise.resolve(args.result),
  };

  beforeEach(async () => {
    fresh = await freshDatabase();
    db = fresh.db;
    const migrated = await migrateToLatest(db);
    expect(migrated.ok).toBe(true);
    const many = Array.from({ length: 60 }, (_, i) => ({
      table: 'callbacks' as const,
      row: callback(`cb-many-${String(i).padStart(2, '0')}`, 'alpha'),
    }));
    await db.transaction().execute((trx) => writeRows(trx, [...baseWorld(), ...many], T0));
    statements = [];
  });
  afterEach(async () => {
    await fresh.dispose().catch(() => undefined);
  });

  const plan = (ids: string[]) =>
    noticePlanner(db.withPlugin(counting), new Set(['sms', 'email']), () => T0)(ids);

  it('reads the same few statements for 2 callbacks as for 60, and plans nothing for claims', async () => {
    expect(await plan(['cb-1', 'cb-2'])).toEqual({ teams: [], lastVersion: undefined });
    const forTwo = statements.splice(0);
    const sixty = Array.from({ length: 60 }, (_, i) => `cb-many-${String(i).padStart(2, '0')}`);
    expect(await plan(sixty)).toEqual({ teams: [], lastVersion: undefined });
    const forSixty = statements.splice(0);
    expect(forSixty).toEqual(forTwo);
    expect(forSixty.filter((kind) => kind === 'SelectQueryNode').length).toBeLessThanOrEqual(3);
  });
});
