import { z } from 'zod';
import { parseReference } from '../../domain/identifiers/reference-number';
import { err, ok } from '../../domain/result';
import {
  defineMutator,
  type Actor,
  type Mutator,
  type MutatorContext,
  type RowMap,
  type RowWrite,
} from '../mutator';
import { rowKey } from '../rows';
import { REFERENCE_KIND_OF_TABLE, type ReferencedTable } from '../rows/reference';

/**
 * A reference number argument as the desktop allocated it (desk code + its own
 * sequence): canonical, checked, of the record's kind. Whether the desk code is the
 * pushing desktop's and the number unused is the server's check (it alone knows).
 */
export function referenceArgSchema(table: ReferencedTable) {
  const kind = REFERENCE_KIND_OF_TABLE[table];
  return z.string().transform((value, ctx) => {
    const parsed = parseReference(value);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.error.message, input: value });
      return z.NEVER;
    }
    if (parsed.value.kind !== kind) {
      ctx.addIssue({ code: 'custom', message: `a ${kind} needs a ${kind} reference number`, input: value });
      return z.NEVER;
    }
    return parsed.value.canonical;
  });
}

/**
 * The version of `base` that also takes the reference number of the record it
 * creates in `table` (the one row of that table it writes and did not read). One
 * wrapper, so every creating mutator gains its reference the same way. The
 * arguments stay an object schema (the command table reads its shape).
 */
export function withReference<S extends z.core.$ZodShape>(
  base: Mutator<z.output<z.ZodObject<S>>> & { readonly args: z.ZodObject<S> },
  name: string,
  table: ReferencedTable,
) {
  type Base = z.output<z.ZodObject<S>>;
  // safeExtend: the base's refinements (checkAppointmentRequest…) stay and still run.
  const args = (base.args as z.ZodObject).safeExtend({
    reference: referenceArgSchema(table),
  }) as unknown as z.ZodObject<S & { reference: ReturnType<typeof referenceArgSchema> }>;
  type A = z.output<typeof args>;
  // The base sees its own arguments (a reference it ignores rides along).
  const own = (a: A): Base => a as unknown as Base;
  return defineMutator<typeof args>({
    name,
    description: `${base.description} Carries the reference number the agent read back.`,
    args,
    reads: (a: A) => base.reads(own(a)),
    ...(base.readsAfter ? { readsAfter: (a: A, rows: RowMap) => base.readsAfter?.(own(a), rows) ?? [] } : {}),
    authorize: (actor: Actor, a: A, rows: RowMap) => base.authorize(actor, own(a), rows),
    apply(rows: RowMap, a: A, ctx: MutatorContext) {
      const applied = base.apply(rows, own(a), ctx);
      if (!applied.ok) return applied;
      const created = applied.value.filter((w) => w.table === table && !rows.has(rowKey(w.table, w.row.id)));
      if (created.length !== 1) {
        return err(
          'mutation.failed',
          `${name} must create exactly one ${table} record to carry its reference.`,
        );
      }
      const reference = (a as { reference: string }).reference;
      return ok(
        applied.value.map((w): RowWrite =>
          created.includes(w) ? ({ ...w, row: { ...w.row, reference } } as RowWrite) : w,
        ),
      );
    },
  });
}
