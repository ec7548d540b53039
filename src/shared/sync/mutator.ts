import type { z } from 'zod';
import type { Policy } from '../domain/policy';
import type { Result } from '../domain/result';
import type { AnyRow, RowData, RowKey, RowOf, TableName } from './rows';
import { rowKey } from './rows';
import type { Role } from './rows/user';

/** Who is acting. The desktop knows it from sign-in; the server from the session. */
export interface Actor {
  userId: string;
  role: Role;
  team: string;
}

/** Everything a mutator may depend on besides rows and args: nothing else (no clock, no I/O). */
export interface MutatorContext extends Actor {
  /** Server time when run on the server; the desktop's best guess when run optimistically. */
  now: number;
  policy: Policy;
  clientId: string;
}

/** The rows a mutator asked for (via `reads`) that exist and are in the actor's scope, keyed by rowKey. */
export type RowMap = ReadonlyMap<string, AnyRow>;

/** A full row to store (put). The server stamps the next global version on it. */
export type RowWrite = { [T in TableName]: { table: T; row: RowData<T> } }[TableName];

export interface Mutator<A = unknown> {
  /** Versioned: a new version is a new name (`callback.claim@2`); old ones stay for queued outboxes. */
  name: string;
  /** One line for docs and audit. */
  description: string;
  args: z.ZodType<A>;
  /** Rows the mutator needs; the first one is the mutation's subject (audit). */
  reads(args: A): RowKey[];
  /**
   * Rows found through the ones `reads` returned (the customer of a callback). Hosts
   * read them with `readMutationRows` (or `followUpReads` when reading is async).
   * The server always reads them and refuses a change whose follow-up row is missing.
   */
  readsAfter?(args: A, rows: RowMap): RowKey[];
  /**
   * Whether the actor may run it, by role and by what the rows say (e.g. a Tier 2
   * callback). Pure and separate from apply so the desktop can disable a button
   * with the same rule the server enforces.
   */
  authorize(actor: Actor, args: A, rows: RowMap): Result<void>;
  /** Pure: the rows to write, or why not. */
  apply(rows: RowMap, args: A, ctx: MutatorContext): Result<RowWrite[]>;
  /** What the audit row of an applied change records beyond its name and subject (never PII). */
  auditDetail?(args: A): Record<string, string> | null;
}

/** Typed read from a RowMap. */
export function getRow<T extends TableName>(rows: RowMap, table: T, id: string): RowOf<T> | undefined {
  return rows.get(rowKey(table, id)) as RowOf<T> | undefined;
}

/** A typed put (keeps `table` and the row's type in step). */
export function put<T extends TableName>(table: T, row: RowData<T>): RowWrite {
  return { table, row } as RowWrite;
}

/** Strips the server-stamped version so a read row can be written back with changes. */
export function withoutVersion<T extends { version: number }>(row: T): Omit<T, 'version'> {
  const { version: _version, ...rest } = row;
  return rest;
}

/** Keeps the argument schema's own type (a command row derives the IPC schemas from its shape). */
export function defineMutator<S extends z.ZodType>(
  mutator: Mutator<z.output<S>> & { readonly args: S },
): Mutator<z.output<S>> & { readonly args: S } {
  return mutator;
}
