import type {
  AgentDeskApi,
  ChannelArgs,
  ChannelResult,
  EventPayload,
  IpcChannel,
  IpcEvent,
  IpcResult,
} from '../../../shared/ipc';

declare global {
  interface Window {
    /** Defined by the Electron preload or by the browser host's bridge script; nothing else. */
    agentDesk?: AgentDeskApi;
  }
}

let override: AgentDeskApi | undefined;

/** Tests (and only tests) swap in a fake host. */
export function setAgentDeskApi(api: AgentDeskApi | undefined): void {
  override = api;
}

function host(): AgentDeskApi | undefined {
  return override ?? (typeof window === 'undefined' ? undefined : window.agentDesk);
}

/**
 * Calls the desktop core. Never throws: a missing host or a broken bridge becomes
 * an error Result, so every screen has a sentence to show.
 */
export async function invoke<C extends IpcChannel>(
  channel: C,
  args: ChannelArgs<C>,
): Promise<IpcResult<ChannelResult<C>>> {
  const api = host();
  if (!api) {
    return {
      ok: false,
      error: {
        code: 'ipc.disconnected',
        message: 'Agent Desk is not connected to its desktop core. Restart the app.',
      },
    };
  }
  try {
    return await api.invoke(channel, args);
  } catch (error) {
    return {
      ok: false,
      error: { code: 'ipc.failed', message: error instanceof Error ? error.message : String(error) },
    };
  }
}

/** Subscribes to a host event; returns the unsubscribe function (a no-op without a host). */
export function subscribe<E extends IpcEvent>(
  event: E,
  listener: (payload: EventPayload<E>) => void,
): () => void {
  const api = host();
  if (!api) return () => undefined;
  return api.on(event, listener);
}

/**
 * Calls `listener` when rows of one of `tables` changed (the `dataChanged` event
 * names the tables of every change), so a screen re-reads only what it shows: a
 * teammate's presence change does not re-query the worklist.
 */
export function onDataChanged(tables: readonly string[], listener: () => void): () => void {
  return subscribe('dataChanged', (payload) => {
    if (payload.tables.some((table) => tables.includes(table))) listener();
  });
}
