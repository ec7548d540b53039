import { z } from 'zod';
import type { ReferenceKind } from '../domain/identifiers/reference-number';
import type { DomainError } from '../domain/result';
import type { Mutator } from './mutator';

/**
 * A desktop command: a mutator the renderer can queue through one IPC call, and
 * how the desktop turns the caller's arguments into the mutator's. The caller
 * passes the mutator's arguments minus the ones the desktop fills (fresh ids, the
 * time); the answer is the mutation's id plus the filled values named in
 * `returns` (so a new inquiry's id reaches the form that created it).
 *
 * The IPC channel (its argument and result schemas: shared/ipc/command-channels.ts)
 * and its handler (the desktop's DesktopCommands) are derived from this row.
 */
export interface Command<
  S extends z.core.$ZodShape = z.core.$ZodShape,
  F extends keyof S = keyof S,
  O extends F = F,
  R extends keyof S = keyof S,
> {
  readonly mutator: Mutator<z.output<z.ZodObject<S>>> & { readonly args: z.ZodObject<S> };
  /** The arguments the desktop fills, each from the caller's arguments and the fill context. */
  readonly fill: { readonly [K in F]: (args: CallerArgs<S, F, O>, ctx: FillContext) => z.output<S[K]> };
  /** Filled arguments the caller may pass as well (an update names its row); filled only when absent. */
  readonly optional: readonly O[];
  /** Arguments the answer carries back besides the mutation id. */
  readonly returns: readonly R[];
}

/** What the desktop supplies while filling arguments. */
export interface FillContext {
  /** A fresh client-generated id. */
  newId(): string;
  /** The desktop's estimate of the server's clock (the time an attempt was recorded). */
  now: number;
  /**
   * The next reference number of `kind` from this desktop's desk (docs/domain.md);
   * throws FillRefused when the desktop has none to give.
   */
  reference(kind: ReferenceKind): string;
}

/** A fill that cannot be made (no desk code for a reference number): the command is refused with this error. */
export class FillRefused extends Error {
  constructor(readonly domainError: DomainError) {
    super(domainError.message);
  }
}

/** The argument shape the caller passes: the mutator's, without the filled keys (optional ones optional). */
export type CallerShape<S extends z.core.$ZodShape, F extends keyof S, O extends F> = Omit<S, F> & {
  [K in O]: z.ZodOptional<S[K]>;
};
export type CallerArgs<S extends z.core.$ZodShape, F extends keyof S, O extends F> = z.output<
  z.ZodObject<CallerShape<S, F, O>>
>;

/** Any command row, for code that handles them all alike (each row is type-checked where it is written). */
export interface AnyCommand {
  readonly mutator: Mutator<unknown> & { readonly args: z.ZodObject };
  readonly fill: Readonly<Record<string, (args: never, ctx: FillContext) => unknown>>;
  readonly optional: readonly string[];
  readonly returns: readonly string[];
}

/** A fill: a fresh id. */
export const newId = (_args: unknown, ctx: FillContext): string => ctx.newId();
/** A fill: the desktop's estimate of the server's clock. */
export const serverNow = (_args: unknown, ctx: FillContext): number => ctx.now;
/** A fill: the next reference number of `kind` (the record the command creates). */
export const referenceOf =
  (kind: ReferenceKind) =>
  (_args: unknown, ctx: FillContext): string =>
    ctx.reference(kind);

/**
 * One command row. Types follow the mutator's argument schema, so a fill or a
 * returned key that is not one of its arguments does not compile.
 */
export function command<
  S extends z.core.$ZodShape,
  F extends keyof S = never,
  O extends F = never,
  R extends keyof S = never,
>(
  mutator: Mutator<z.output<z.ZodObject<S>>> & { readonly args: z.ZodObject<S> },
  spec: {
    fill?: { readonly [K in F]: (args: CallerArgs<S, F, O>, ctx: FillContext) => z.output<S[K]> };
    optional?: readonly O[];
    returns?: readonly R[];
  } = {},
): Command<S, F, O, R> {
  return {
    mutator,
    fill: spec.fill ?? ({} as Command<S, F, O, R>['fill']),
    optional: spec.optional ?? [],
    returns: spec.returns ?? [],
  };
}

/** The caller's argument schema: strict (an unknown key is the caller's bug), without the mutator's refinements (the mutator checks them when queued). */
export function callerArgsSchema(row: AnyCommand): z.ZodObject {
  const shape: Record<string, z.ZodType> = { ...row.mutator.args.shape };
  for (const key of Object.keys(row.fill)) {
    const field = shape[key];
    if (row.optional.includes(key) && field) shape[key] = field.optional();
    else delete shape[key];
  }
  return z.object(shape).strict();
}

/** The schemas of the filled values the answer returns, by key. */
export function returnedShape(row: AnyCommand): Record<string, z.ZodType> {
  const shape = row.mutator.args.shape as Record<string, z.ZodType>;
  return Object.fromEntries(row.returns.map((key) => [key, shape[key] as z.ZodType]));
}

/** The mutator's arguments for a caller's (already parsed) arguments, and the values the answer returns. */
export function fillCommand(
  row: AnyCommand,
  args: Record<string, unknown>,
  ctx: FillContext,
): { args: Record<string, unknown>; returned: Record<string, unknown> } {
  const filled: Record<string, unknown> = { ...args };
  const fills = row.fill as Readonly<Record<string, (args: unknown, ctx: FillContext) => unknown>>;
  for (const [key, fill] of Object.entries(fills)) {
    filled[key] = row.optional.includes(key) && args[key] !== undefined ? args[key] : fill(args, ctx);
  }
  const returned = Object.fromEntries(row.returns.map((key) => [key, filled[key]]));
  return { args: filled, returned };
}
