import { err, ok, type Result } from '../../../shared/domain/result';
import type { ChannelResult, IpcChannel, ParsedChannelArgs } from '../../../shared/ipc/channels';
import { TIER2_ROLES } from '../../../shared/sync/authorization';
import type { LocalStore } from '../../store/local-store';
import type { DesktopSession } from '../desktop-session';
import { callbackDetail } from './callback-detail';
import { customerRecord, searchCustomers } from './customer-record';
import { serviceRequestsPastTarget } from './service-requests-past-target';
import { getScript, listScripts } from './scripts';
import { queryWorklist } from './worklist';

type R<C extends IpcChannel> = Result<ChannelResult<C>>;

/** What the screens read from the cache: the worklist, a callback, a customer, the team, scripts. */
export class DesktopQueries {
  constructor(
    private readonly store: LocalStore,
    private readonly session: Pick<DesktopSession, 'user' | 'serverNow' | 'policy' | 'context'>,
  ) {}

  worklist(args: ParsedChannelArgs<'worklist.query'>): R<'worklist.query'> {
    const user = this.session.user();
    if (!user) return err('session.not_signed_in', 'Sign in first.');
    const { store, session } = this;
    return ok(queryWorklist(store, args, { userId: user.id }, session.serverNow(), session.policy()));
  }

  callback(args: ParsedChannelArgs<'callback.get'>): R<'callback.get'> {
    const { session } = this;
    return callbackDetail(
      this.store,
      args.callbackId,
      session.context(session.serverNow()),
      session.policy(),
    );
  }

  customer(args: ParsedChannelArgs<'customer.get'>): R<'customer.get'> {
    return ok(this.store.rows.get('customers', args.customerId) ?? null);
  }

  customerSearch(args: ParsedChannelArgs<'customer.search'>): R<'customer.search'> {
    if (!this.session.user()) return err('session.not_signed_in', 'Sign in first.');
    return ok(searchCustomers(this.store, args));
  }

  customerRecord(args: ParsedChannelArgs<'customer.record'>): R<'customer.record'> {
    if (!this.session.user()) return err('session.not_signed_in', 'Sign in first.');
    return ok(customerRecord(this.store, args.customerId, this.session.serverNow()) ?? null);
  }

  serviceRequestsPastTarget(): R<'serviceRequests.pastTarget'> {
    const user = this.session.user();
    if (!user) return err('session.not_signed_in', 'Sign in first.');
    if (!(TIER2_ROLES as readonly string[]).includes(user.role)) {
      return err(
        'auth.forbidden',
        'Only Tier 2 officers and leads follow service requests past their target.',
      );
    }
    return ok(serviceRequestsPastTarget(this.store, this.session.serverNow(), this.session.policy()));
  }

  teamUsers(): R<'team.users'> {
    const team = this.session.user()?.team;
    return ok(
      this.store.rows
        .list('users')
        .filter((u) => u.team === team)
        .map((u) => ({ id: u.id, name: u.name, role: u.role, active: u.active }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    );
  }

  scripts(): R<'scripts.list'> {
    return ok(listScripts(this.store));
  }

  script(args: ParsedChannelArgs<'scripts.get'>): R<'scripts.get'> {
    return getScript(this.store, args.scriptId, args.version);
  }
}
