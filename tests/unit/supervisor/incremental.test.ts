import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, MINUTE_MS } from '../../../src/shared/domain/policy';
import { callbacksForFigure, computeBoard } from '../../../src/shared/supervisor/board';
import { chartsFromCallbacks } from '../../../src/shared/supervisor/charts';
import { FIGURE_IDS } from '../../../src/shared/supervisor/figures';
import { computeRoster, type RosterUser } from '../../../src/shared/supervisor/roster';
import type { SupervisedCallback } from '../../../src/shared/supervisor/supervised-callback';
import { SortedDueIndex } from '../../../src/server/supervisor/sorted-due-index';
import { SupervisorIndex } from '../../../src/server/supervisor/supervisor-index';
import { presenceRow, userRow } from '../../fixtures/rows';
import { callback, callbackArb, NOW } from './fixtures';

const policy = DEFAULT_POLICY;
const IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
const USERS: RosterUser[] = ['u-1', 'u-2', 'u-3'].map((id, i) =>
  userRow({ id, team: i === 2 ? 'bravo' : 'alpha', name: `Agent ${id}` }),
);

const opArb = fc.oneof(
  { weight: 4, arbitrary: callbackArb(IDS).map((row) => ({ kind: 'put' as const, row })) },
  { weight: 1, arbitrary: fc.constantFrom(...IDS).map((id) => ({ kind: 'delete' as const, id })) },
);
/** When the board is read: around now, including day boundaries and the due-soon edge. */
const readAtArb = fc.integer({ min: -30 * 60, max: 30 * 60 }).map((m) => NOW + m * MINUTE_MS);

function indexWithUsers(): SupervisorIndex {
  const index = new SupervisorIndex(policy);
  for (const u of USERS) index.applyUser(u.id, u);
  return index;
}

describe('incremental supervisor index', () => {
  it('always equals a full recomputation (board, drill-downs, roster, charts)', () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { minLength: 1, maxLength: 40 }),
        fc.array(readAtArb, { minLength: 1, maxLength: 3 }),
        (ops, reads) => {
          const index = indexWithUsers();
          const truth = new Map<string, SupervisedCallback>();
          for (const op of ops) {
            if (op.kind === 'put') {
              index.applyCallback(op.row.id, op.row);
              truth.set(op.row.id, op.row);
            } else {
              index.applyCallback(op.id, null);
              truth.delete(op.id);
            }
          }
          for (const now of reads) {
            for (const team of ['alpha', 'bravo']) {
              expect(index.board(team, now)).toEqual(computeBoard(team, truth.values(), now, policy));
              for (const figure of FIGURE_IDS) {
                expect(index.callbacksFor(team, figure, now).map((c) => c.id)).toEqual(
                  callbacksForFigure(team, truth.values(), figure, now, policy).map((c) => c.id),
                );
              }
              expect(index.roster(team, now)).toEqual(
                computeRoster(team, USERS, new Map(), truth.values(), now, policy),
              );
              expect(index.charts(team, now)).toEqual(chartsFromCallbacks(team, truth.values(), now, policy));
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);

  it('a callback moving team leaves the old team', () => {
    const index = indexWithUsers();
    index.applyCallback('a', callback('a'));
    expect(index.applyCallback('a', callback('a', { team: 'bravo' })).sort()).toEqual(['alpha', 'bravo']);
    expect(index.board('alpha', NOW).figures.open.total).toBe(0);
    expect(index.board('bravo', NOW).figures.open.total).toBe(1);
  });

  it('roster shows presence, offline by default, and callbacks held', () => {
    const index = indexWithUsers();
    index.applyCallback('a', callback('a', { assigneeId: 'u-1' }));
    index.applyPresence(
      'u-1',
      presenceRow({
        id: 'u-1',
        status: 'on-call',
        currentItem: { table: 'callbacks', id: 'a' },
        updatedAt: NOW,
      }),
    );
    const roster = index.roster('alpha', NOW);
    expect(roster.map((r) => [r.userId, r.presence, r.callbacksHeld, r.currentItem?.id ?? null])).toEqual([
      ['u-1', 'on-call', 1, 'a'],
      ['u-2', 'offline', 0, null],
    ]);
  });

  it('a change costs one callback, not a rescan: 50,000 open callbacks, 2,000 updates', () => {
    const index = indexWithUsers();
    for (let i = 0; i < 50_000; i++) {
      index.applyCallback(`cb-${i}`, callback(`cb-${i}`, { dueAt: NOW + ((i * 7919) % 20_000) * MINUTE_MS }));
    }
    const started = performance.now();
    for (let i = 0; i < 2000; i++) {
      const id = `cb-${i * 13}`;
      index.applyCallback(id, callback(id, { assigneeId: 'u-1', dueAt: NOW + (i % 300) * MINUTE_MS }));
      index.board('alpha', NOW + i * 1000);
    }
    const perChange = (performance.now() - started) / 2000;
    expect(index.board('alpha', NOW).figures.claimed.total).toBe(2000);
    expect(index.board('alpha', NOW).figures['due-soon'].total).toBe(
      computeBoard('alpha', index.openCallbacks('alpha'), NOW, policy).figures['due-soon'].total,
    );
    // Generous bound for slow CI; a rescan of 50,000 rows per change costs far more.
    expect(perChange).toBeLessThan(5);
  }, 60_000);
});

describe('SortedDueIndex', () => {
  it('counts and lists ranges like a filter does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f')), {
          maxLength: 40,
        }),
        fc.integer({ min: -1, max: 51 }),
        fc.integer({ min: -1, max: 51 }),
        (entries, x, y) => {
          const sorted = new SortedDueIndex();
          const truth = new Map<string, number>();
          for (const [due, id] of entries) {
            const old = truth.get(id);
            if (old !== undefined) sorted.remove(old, id);
            sorted.insert(due, id);
            truth.set(id, due);
          }
          const expected = [...truth.entries()]
            .filter(([, due]) => due > x && due <= y)
            .sort((p, q) => p[1] - q[1] || (p[0] < q[0] ? -1 : 1))
            .map(([id]) => id);
          expect(sorted.count(x, y)).toBe(expected.length);
          expect(sorted.idsIn(x, y)).toEqual(expected);
          expect(sorted.size).toBe(truth.size);
        },
      ),
    );
  });
});
