import { err, ok, type Result } from '../../shared/domain/result';
import type { ChannelResult, ParsedChannelArgs } from '../../shared/ipc/channels';
import type { LocalStore } from '../store/local-store';

type R<C extends 'draft.get' | 'draft.save' | 'draft.discard'> = Result<ChannelResult<C>>;

/**
 * The signed-in user's drafts (issue 13 item 4): what a form held when the agent left it,
 * kept encrypted in the cache under their user id, so it comes back after Esc, a restart
 * or the idle lock, and another person at this desk never sees it.
 */
export class DesktopDrafts {
  constructor(
    private readonly store: LocalStore,
    private readonly userId: () => string | undefined,
    private readonly now: () => number,
  ) {}

  get(args: ParsedChannelArgs<'draft.get'>): R<'draft.get'> {
    const key = this.key(args);
    if (!key.ok) return key;
    return ok(this.store.drafts.load(key.value) ?? null);
  }

  save(args: ParsedChannelArgs<'draft.save'>): R<'draft.save'> {
    const key = this.key(args);
    if (!key.ok) return key;
    this.store.drafts.save(key.value, args.body, this.now());
    return ok(null);
  }

  discard(args: ParsedChannelArgs<'draft.discard'>): R<'draft.discard'> {
    const key = this.key(args);
    if (!key.ok) return key;
    this.store.drafts.discard(key.value);
    return ok(null);
  }

  private key(args: { form: ParsedChannelArgs<'draft.get'>['form']; subject: string }) {
    const userId = this.userId();
    if (!userId) return err('session.not_signed_in', 'Sign in first.');
    return ok({ userId, form: args.form, callbackId: args.subject });
  }
}
