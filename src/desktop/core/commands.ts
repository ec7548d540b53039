import { err, ok, type Result } from '../../shared/domain/result';
import type { ChannelResult, ParsedChannelArgs } from '../../shared/ipc/channels';
import { fillCommand } from '../../shared/sync/command';
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
    const filled = fillCommand(row, args as Record<string, unknown>, { newId, now: this.deps.serverNow() });
    const done = this.mutate([{ id: mutationId, name: row.mutator.name, args: filled.args }]);
    return done.ok ? ok({ mutationId, ...filled.returned } as ChannelResult<C>) : done;
  }

  /** One mutation by name (the supervisor view's bulk actions queue one per callback). */
  enqueue(name: string, args: unknown): Result<{ mutationId: string }> {
    const mutationId = this.deps.newId();
    const done = this.mutate([{ id: mutationId, name, args }]);
    return done.ok ? ok({ mutationId }) : done;
  }

  /** The inquiry form's finish: customer, inquiry, follow-up record and outcome, all or nothing. */
  submitInquiry(args: ParsedChannelArgs<'inquiry.submit'>): Result<ChannelResult<'inquiry.submit'>> {
    const plan = planInquirySubmit(args, this.deps.newId);
    if (!plan.ok) return plan;
    const done = this.mutate(plan.value.mutations);
    if (!done.ok) return done;
    return ok({ mutationIds: plan.value.mutations.map((m) => m.id), ...plan.value.ids });
  }

  /** Presence is last-writer-wins and skips the outbox: sent now if online, re-sent on reconnect. */
  setPresence(args: ParsedChannelArgs<'presence.set'>): Result<null> {
    this.deps.sync.setPresence(args);
    return ok(null);
  }

  /** Optimistic apply + durable outbox in one transaction, then tell the UI and push. */
  private mutate(planned: PlannedMutation[]): Result<void> {
    const ctx = this.deps.context(this.deps.serverNow());
    if (!ctx) return err('session.not_signed_in', 'Sign in first.');
    const result = this.deps.store.enqueue(planned, ctx);
    if (!result.ok) return result;
    this.deps.changed([...result.value.tables]);
    this.deps.sync.announce();
    this.deps.sync.requestSync();
    return ok(undefined);
  }
}
