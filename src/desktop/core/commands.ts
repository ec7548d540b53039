import { err, ok, type Result } from '../../shared/domain/result';
import type { ChannelResult, ParsedChannelArgs } from '../../shared/ipc/channels';
import type { ReferenceKind } from '../../shared/domain/identifiers/reference-number';
import { fillCommand, FillRefused } from '../../shared/sync/command';
import type { MutatorContext } from '../../shared/sync/mutator';
import type { PresenceRequest } from '../../shared/sync/protocol';
import { COMMANDS, type CommandChannel } from '../../shared/sync/registry';
import type { LocalStore, PlannedMutation } from '../store/local-store';
import { planInquirySubmit } from './inquiry-submit';

export interface DesktopCommandsDeps {
  store: LocalStore;
  newId: () => string;
  /** The mutators' context (the signed-in user, the policy) at `now`; undefined when signed out. */
  context: (now: number) => MutatorContext | undefined;
  serverNow: () => number;
  /** Rows changed locally: tell the UI. */
  changed: (tables: string[]) => void;
  /** The sync engine: announce the new pending count, push, and send presence. */
  sync: { announce(): void; requestSync(): void; setPresence(presence: PresenceRequest): void };
}

/**
 * Every change the renderer can make: the commands of the command table
 * (shared/sync/registry.ts) through run(), the inquiry form's atomic submit, and
 * presence. A change is applied optimistically and queued durably in one
 * transaction; only then is the UI told and the push started.
 */
export class DesktopCommands {
  constructor(private readonly deps: DesktopCommandsDeps) {}

  /** One command of the table: its filled arguments queued as one mutation. */
  run<C extends CommandChannel>(channel: C, args: ParsedChannelArgs<C>): Result<ChannelResult<C>> {
    const row = COMMANDS[channel];
    const { newId } = this.deps;
    const mutationId = newId();
    let returned: Record<string, unknown> = {};
    const done = this.mutate(() => {
      const filled = fillCommand(row, args as Record<string, unknown>, {
        newId,
        now: this.deps.serverNow(),
        reference: (kind) => this.takeReference(kind),
      });
      returned = filled.returned;
      return ok([{ id: mutationId, name: row.mutator.name, args: filled.args }]);
    });
    return done.ok ? ok({ mutationId, ...returned } as ChannelResult<C>) : done;
  }

  /** One mutation by name (the supervisor view's bulk actions queue one per callback). */
  enqueue(name: string, args: unknown): Result<{ mutationId: string }> {
    const mutationId = this.deps.newId();
    const done = this.mutate([{ id: mutationId, name, args }]);
    return done.ok ? ok({ mutationId }) : done;
  }

  /** The inquiry form's finish: customer, inquiry, follow-up record and outcome, all or nothing. */
  submitInquiry(args: ParsedChannelArgs<'inquiry.submit'>): Result<ChannelResult<'inquiry.submit'>> {
    let plan: ReturnType<typeof planInquirySubmit> | undefined;
    const done = this.mutate(() => {
      plan = planInquirySubmit(args, {
        newId: this.deps.newId,
        reference: (kind) => this.takeReference(kind),
      });
      return plan.ok ? ok(plan.value.mutations) : plan;
    });
    if (!done.ok) return done;
    if (!plan?.ok) throw new Error('submitInquiry: the plan ran without an answer');
    return ok({ mutationIds: plan.value.mutations.map((m) => m.id), ...plan.value.ids });
  }

  /** Presence is last-writer-wins and skips the outbox: sent now if online, re-sent on reconnect. */
  setPresence(args: ParsedChannelArgs<'presence.set'>): Result<null> {
    this.deps.sync.setPresence(args);
    return ok(null);
  }

  /** The desk's next reference (inside the queuing transaction); FillRefused when it has none to give. */
  private takeReference(kind: ReferenceKind): string {
    const taken = this.deps.store.desk.take(kind);
    if (!taken.ok) throw new FillRefused(taken.error);
    return taken.value;
  }

  /**
   * Optimistic apply + durable outbox in one transaction, then tell the UI and push.
   * A plan given as a function runs inside that transaction (its reference numbers
   * are counted with the outbox write).
   */
  private mutate(planned: PlannedMutation[] | (() => Result<readonly PlannedMutation[]>)): Result<void> {
    const ctx = this.deps.context(this.deps.serverNow());
    if (!ctx) return err('session.not_signed_in', 'Sign in first.');
    const plan =
      typeof planned === 'function'
        ? () => {
            try {
              return planned();
            } catch (error) {
              if (error instanceof FillRefused) return { ok: false as const, error: error.domainError };
              throw error;
            }
          }
        : planned;
    const result = this.deps.store.enqueue(plan, ctx);
    if (!result.ok) return result;
    this.deps.changed([...result.value.tables]);
    this.deps.sync.announce();
    this.deps.sync.requestSync();
    return ok(undefined);
  }
}
