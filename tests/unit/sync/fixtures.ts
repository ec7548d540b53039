/**
 * The mutator tests' context, row map and one-call runner: a tier-2 agent (`u-a`) of team alpha, over
 * the rows of tests/fixtures/rows.ts (customer `cu`, inquiry `in`, callback `cb`).
 */
import { DEFAULT_POLICY } from '../../../src/shared/domain/policy';
import type { Result } from '../../../src/shared/domain/result';
import type { MutatorContext, RowMap, RowWrite } from '../../../src/shared/sync/mutator';
import { rowKey, type AnyRow, type TableName } from '../../../src/shared/sync/rows';
import { applyMutation, prepareMutation } from '../../../src/shared/sync/run-mutation';
import { FIXTURE_NOW } from '../../fixtures/rows';

export const NOW = FIXTURE_NOW;

export const mutatorContext = (over: Partial<MutatorContext> = {}): MutatorContext => ({
  userId: 'u-a',
  role: 'tier2',
  team: 'alpha',
  now: NOW,
  policy: DEFAULT_POLICY,
  clientId: 'client-1',
  ...over,
});

/** Rows keyed the way a mutator reads them. */
export const rowMap = (...rows: [TableName, AnyRow][]) => new Map(rows.map(([t, r]) => [rowKey(t, r.id), r]));

/**
 * Prepare + apply in one call, the way the server runs a mutation: `rows` is everything
 * there is, so the follow-up reads are in it when they exist.
 */
export function runMutation(
  name: string,
  rawArgs: unknown,
  rows: RowMap,
  ctx: MutatorContext,
): Result<RowWrite[]> {
  const prepared = prepareMutation(name, rawArgs);
  if (!prepared.ok) return prepared;
  return applyMutation(prepared.value, rows, ctx, { followUpsRead: true });
}
