import { ADMIN_CALL_NAMES, type AdminCallName } from '../../shared/admin/calls';
import type { Result } from '../../shared/domain/result';
import {
  IPC_CHANNELS,
  isIpcChannel,
  type ChannelResult,
  type IpcChannel,
  type ParsedChannelArgs,
} from '../../shared/ipc/channels';
import { issuesText } from '../../shared/domain/parse';
import { IPC_ERROR_CODES, type IpcResult } from '../../shared/ipc/result';
import { COMMAND_CHANNELS, type CommandChannel } from '../../shared/sync/registry';
import type { AdminDesk } from '../core/admin/admin-desk';
import type { DesktopCommands } from '../core/commands';
import type { DesktopCore } from '../core/desktop-core';
import type { CoreLogger } from '../core/logger';

type Handler<C extends IpcChannel> = (
  args: ParsedChannelArgs<C>,
) => Result<ChannelResult<C>> | Promise<Result<ChannelResult<C>>>;
export type IpcHandlerMap = { [C in IpcChannel]: Handler<C> };

/**
 * Every channel of the desktop API mapped to the core (plain functions, no
 * Electron — the Electron shell and the browser host both dispatch through this).
 * The commands' handlers are derived from the command table.
 */
export function createIpcHandlers(core: DesktopCore): IpcHandlerMap {
  return {
    'app.info': () => core.appInfo(),
    'app.openExternal': (a) => core.openExternal(a),
    'network.proxyCredentials': (a) => core.useProxyCredentials(a),
    'session.get': () => ({ ok: true, value: core.session.state() }),
    'session.signIn': (a) => core.session.signIn(a),
    'session.changePassword': (a) => core.session.signIn(a),
    'session.signOut': (a) => core.session.signOut(a),
    'session.lock': () => core.session.lock(),
    'session.unlock': (a) => core.session.unlock(a),
    'session.activity': () => core.session.activity(),
    'draft.get': (a) => core.drafts.get(a),
    'draft.save': (a) => core.drafts.save(a),
    'draft.discard': (a) => core.drafts.discard(a),
    'session.ssoInfo': () => core.ssoInfo(),
    'session.ssoStart': () =>
      core.sso.start(core.session.isLocked() ? { sessionEnded: core.session.state().expired } : undefined),
    'session.ssoFinish': () => core.ssoFinish(),
    'session.ssoCancel': () => {
      core.sso.cancel();
      return { ok: true, value: null };
    },
    'sync.state': () => ({ ok: true, value: core.connectionState() }),
    'sync.now': () => core.syncNow(),
    'sync.rejections': () => core.rejections(),
    'sync.dismissRejection': (a) => core.dismissRejection(a),
    'worklist.query': (a) => core.queries.worklist(a),
    'callback.get': (a) => core.queries.callback(a),
    'customer.get': (a) => core.queries.customer(a),
    'customer.search': (a) => core.queries.customerSearch(a),
    'customer.record': (a) => core.queries.customerRecord(a),
    'serviceRequests.pastTarget': () => core.queries.serviceRequestsPastTarget(),
    'inquiry.submit': (a) => core.commands.submitInquiry(a),
    ...commandHandlers(core.commands),
    'presence.set': (a) => core.commands.setPresence(a),
    'team.users': () => core.queries.teamUsers(),
    'scripts.list': () => core.queries.scripts(),
    'scripts.get': (a) => core.queries.script(a),
    'supervisor.subscribe': () => core.supervisor.subscribe(),
    'supervisor.unsubscribe': () => core.supervisor.unsubscribe(),
    'supervisor.drillDown': (a) => core.supervisor.drillDown(a),
    'supervisor.forecast': (a) => core.supervisor.forecast(a),
    'supervisor.reassign': (a) => core.supervisor.reassign(a),
    'supervisor.grantExtraAttempts': (a) => core.supervisor.grantExtraAttempts(a),
    ...adminHandlers(core.admin),
    'telephony.dialCheck': (a) => core.telephony.dialCheck(a),
    'telephony.dial': (a) => core.telephony.dial(a),
  };
}

/** One handler per row of the admin call table. */
function adminHandlers(admin: Pick<AdminDesk, 'run'>): { [C in AdminCallName]: Handler<C> } {
  return Object.fromEntries(
    ADMIN_CALL_NAMES.map((name) => [name, (args: never) => admin.run(name, args)]),
  ) as { [C in AdminCallName]: Handler<C> };
}

/** One handler per row of the command table, each running its row. */
export function commandHandlers(commands: Pick<DesktopCommands, 'run'>): {
  [C in CommandChannel]: Handler<C>;
} {
  return Object.fromEntries(
    COMMAND_CHANNELS.map((channel) => [channel, (args: never) => commands.run(channel, args)]),
  ) as { [C in CommandChannel]: Handler<C> };
}

export interface DispatchGate {
  isSignedIn(): boolean;
  isLocked(): boolean;
}

/**
 * One call from a renderer: the channel must exist, the arguments must parse,
 * the session must allow it (signed in, not locked), the handler must not
 * throw, and the result must match its schema. Whatever happens, the answer is
 * an IpcResult — never an exception across the boundary.
 */
export async function dispatchIpc(
  handlers: IpcHandlerMap,
  gate: DispatchGate,
  channel: unknown,
  rawArgs: unknown,
  logger?: CoreLogger,
): Promise<IpcResult<unknown>> {
  if (!isIpcChannel(channel)) {
    return fail(
      IPC_ERROR_CODES.unknownChannel,
      `There is no desktop call named "${String(channel).slice(0, 60)}".`,
    );
  }
  const spec = IPC_CHANNELS[channel];
  const parsed = spec.args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    return fail(IPC_ERROR_CODES.badArgs, `Invalid arguments for ${channel}: ${issuesText(parsed.error)}`);
  }
  if (!spec.signedOut && !gate.isSignedIn()) return fail(IPC_ERROR_CODES.notSignedIn, 'Sign in first.');
  if (!spec.whenLocked && gate.isLocked()) {
    return fail(IPC_ERROR_CODES.locked, 'Agent Desk is locked; unlock it with your password.');
  }
  let result: Result<unknown>;
  try {
    const handler = handlers[channel] as (args: unknown) => Result<unknown> | Promise<Result<unknown>>;
    result = await handler(parsed.data);
  } catch (error) {
    logger?.error('ipc handler threw', {
      channel,
      error: error instanceof Error ? error.message : String(error),
    });
    return fail(IPC_ERROR_CODES.failed, `${channel} failed unexpectedly; nothing was changed. Try again.`);
  }
  if (!result.ok) return result;
  const checked = spec.result.safeParse(result.value);
  if (!checked.success) {
    logger?.error('ipc result failed its schema', { channel, issues: issuesText(checked.error) });
    return fail(
      IPC_ERROR_CODES.badResult,
      `${channel} produced an answer the app cannot show (a bug); it was logged.`,
    );
  }
  return { ok: true, value: checked.data };
}

function fail(code: string, message: string): IpcResult<never> {
  return { ok: false, error: { code, message } };
}
