import { err, ok, type Result } from '../domain/result';
import { inScope } from './authorization';
import type { Mutator, MutatorContext, RowWrite } from './mutator';
import { ROW_SCHEMAS, rowKey, type AnyRow, type RowKey } from './rows';
import { findMutator } from './registry';

/** A mutation whose name and arguments checked out: what to read before applying it. */
export interface PreparedMutation {
  mutator: Mutator<unknown>;
  args: unknown;
  reads: RowKey[];
}

/** Finds the mutator and validates its arguments. Never throws. */
export function prepareMutation(
  name: string,
  rawArgs: unknown,
  lookup: (name: string) => Mutator<unknown> | undefined = findMutator,
): Result<PreparedMutation> {
  const mutator = lookup(name);
  if (!mutator) return err('mutation.unknown', `Unknown mutation "${name.slice(0, 80)}".`);
  const parsed = mutator.args.safeParse(rawArgs);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'args'}: ${i.message}`).join('; ');
    return err('mutation.invalid_args', `Invalid arguments for ${name}: ${detail}`);
  }
  return ok({ mutator, args: parsed.data, reads: mutator.reads(parsed.data) });
}

/** The rows a mutator reads through the ones it read first, not already among them. */
export function followUpReads(prepared: PreparedMutation, rows: ReadonlyMap<string, AnyRow>): RowKey[] {
  const keys = prepared.mutator.readsAfter?.(prepared.args, rows) ?? [];
  const first = new Set(prepared.reads.map((k) => rowKey(k.table, k.id)));
  return keys.filter((k) => !first.has(rowKey(k.table, k.id)));
}

/** Both read phases for a host with a synchronous store (the desktop cache, tests). */
export function readMutationRows(
  prepared: PreparedMutation,
  read: (keys: RowKey[]) => ReadonlyMap<string, AnyRow>,
): Map<string, AnyRow> {
  const rows = new Map(read(prepared.reads));
  const more = followUpReads(prepared, rows);
  if (more.length > 0) for (const [key, row] of read(more)) rows.set(key, row);
  return rows;
}

export interface ApplyOptions {
  /**
   * The host read the follow-up rows (`readsAfter`): a missing one then means it does not
   * exist, and the change is refused (`row.not_found`). The server always sets it; a
   * desktop that reads only `reads` leaves it off and the mutator skips what needs them.
   */
  followUpsRead?: boolean;
}

/**
 * Runs a prepared mutation against the rows it read — the SAME steps on the
 * desktop (optimistic) and on the server (authoritative):
 * 1. a read row outside the actor's team is treated exactly like a missing one, so no
 *    answer tells whether a record (a customer…) exists on another team; a write to
 *    such a row's key is refused as an id already taken (never an overwrite);
 * 2. role/row authorization; 3. apply; 4. every write must be a row it read, in the
 *    actor's scope, and valid against its table's schema.
 * `rows` holds what exists among `prepared.reads` (missing keys are simply absent).
 */
export function applyMutation(
  prepared: PreparedMutation,
  rows: ReadonlyMap<string, AnyRow>,
  ctx: MutatorContext,
  options: ApplyOptions = {},
): Result<RowWrite[]> {
  const hidden = new Set<string>();
  const visible = new Map<string, AnyRow>();
  for (const [key, row] of rows) {
    if (inScope(ctx, row.team)) visible.set(key, row);
    else hidden.add(key);
  }
  if (options.followUpsRead) {
    const missing = (prepared.mutator.readsAfter?.(prepared.args, visible) ?? []).find(
      (k) => !visible.has(rowKey(k.table, k.id)),
    );
    if (missing) {
      return err(
        'row.not_found',
        `A record this change depends on (${missing.table} ${missing.id}) does not exist.`,
      );
    }
  }
  const allowed = prepared.mutator.authorize(ctx, prepared.args, visible);
  if (!allowed.ok) return allowed;
  let result: Result<RowWrite[]>;
  try {
    result = prepared.mutator.apply(visible, prepared.args, ctx);
  } catch (error) {
    // A mutator bug must reject one mutation, not take the server or the desktop down.
    return err(
      'mutation.failed',
      `The change could not be applied (${error instanceof Error ? error.message : 'error'}).`,
    );
  }
  if (!result.ok) return result;
  const readKeys = new Set(prepared.reads.map((k) => rowKey(k.table, k.id)));
  for (const write of result.value) {
    const key = rowKey(write.table, write.row.id);
    if (!readKeys.has(key)) {
      return err('mutation.failed', `The change wrote ${write.table} it did not read.`);
    }
    // The same answer a create gets for an id its own team already uses.
    if (hidden.has(key)) return err('row.already_exists', 'A record with this id already exists.');
    if (!inScope(ctx, write.row.team))
      return err('row.out_of_scope', 'The change would write another team’s record.');
    const valid = ROW_SCHEMAS[write.table].safeParse({ ...write.row, version: 0 });
    if (!valid.success) {
      return err(
        'mutation.failed',
        `The change produced an invalid ${write.table} row: ${valid.error.issues[0]?.message ?? ''}`,
      );
    }
  }
  return result;
}
