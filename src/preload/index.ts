// The preload exposes exactly one object, window.agentDesk — the typed API of
// src/shared/ipc — and nothing of Electron or Node. Arguments are validated here
// before they leave the page, and results and events again when they come back.
import { contextBridge, ipcRenderer } from 'electron';
import { ELECTRON_EVENT_CHANNEL, ELECTRON_INVOKE_CHANNEL, type AgentDeskApi } from '../shared/ipc/api';
import { IPC_CHANNELS, isIpcChannel } from '../shared/ipc/channels';
import { IPC_EVENTS, isIpcEvent } from '../shared/ipc/events';
import { ipcResultSchema, zodIssuesMessage, type IpcResult } from '../shared/ipc/result';

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

ipcRenderer.on(ELECTRON_EVENT_CHANNEL, (_event, name: unknown, payload: unknown) => {
  if (!isIpcEvent(name)) return;
  const checked = IPC_EVENTS[name].safeParse(payload);
  if (!checked.success) return;
  for (const listener of listeners.get(name) ?? []) {
    try {
      listener(checked.data);
    } catch (error) {
      console.error(error);
    }
  }
});

async function invoke(channel: unknown, args: unknown): Promise<IpcResult<unknown>> {
  if (!isIpcChannel(channel)) {
    return {
      ok: false,
      error: { code: 'ipc.unknown_channel', message: `There is no desktop call named "${String(channel)}".` },
    };
  }
  const spec = IPC_CHANNELS[channel];
  const parsed = spec.args.safeParse(args ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'ipc.bad_args',
        message: `Invalid arguments for ${channel}: ${zodIssuesMessage(parsed.error)}`,
      },
    };
  }
  const raw: unknown = await ipcRenderer.invoke(ELECTRON_INVOKE_CHANNEL, channel, parsed.data);
  const result = ipcResultSchema(spec.result).safeParse(raw);
  if (!result.success) {
    return {
      ok: false,
      error: { code: 'ipc.bad_result', message: `${channel} answered with something this page cannot read.` },
    };
  }
  return result.data as IpcResult<unknown>;
}

const api: AgentDeskApi = {
  invoke: invoke as AgentDeskApi['invoke'],
  on(event, listener) {
    if (!isIpcEvent(event)) return () => {};
    const set = listeners.get(event) ?? new Set<Listener>();
    set.add(listener as Listener);
    listeners.set(event, set);
    return () => set.delete(listener as Listener);
  },
};

contextBridge.exposeInMainWorld('agentDesk', api);
