// The preload exposes exactly one object, window.agentDesk — the typed API of
// src/shared/ipc — and nothing of Electron or Node. It only checks channel and
// event names and passes data: the main process validates every call's arguments
// and result (dispatchIpc) and every event's payload (registerIpc) with the shared
// schemas, so the preload carries none of them (a test holds it under 40 kB).
import { contextBridge, ipcRenderer } from 'electron';
import { ELECTRON_EVENT_CHANNEL, ELECTRON_INVOKE_CHANNEL, type AgentDeskApi } from '../shared/ipc/api';
import type { IpcResult } from '../shared/ipc/result';

/** The API's channel and event names, put in by the build (electron.vite.config.ts) from shared/ipc. */
declare const __AGENT_DESK_IPC_CHANNELS__: readonly string[];
declare const __AGENT_DESK_IPC_EVENTS__: readonly string[];
const CHANNELS = new Set(__AGENT_DESK_IPC_CHANNELS__);
const EVENTS = new Set(__AGENT_DESK_IPC_EVENTS__);

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

const failure = (code: string, message: string): IpcResult<never> => ({
  ok: false,
  error: { code, message },
});

/** The answer's envelope, so the page always gets a Result (its value was checked by main). */
function isResult(raw: unknown): raw is IpcResult<unknown> {
  if (typeof raw !== 'object' || raw === null) return false;
  const r = raw as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (r.ok === true) return 'value' in r;
  return r.ok === false && typeof r.error?.code === 'string' && typeof r.error.message === 'string';
}

ipcRenderer.on(ELECTRON_EVENT_CHANNEL, (_event, name: unknown, payload: unknown) => {
  if (typeof name !== 'string' || !EVENTS.has(name)) return;
  for (const listener of listeners.get(name) ?? []) {
    try {
      listener(payload);
    } catch (error) {
      console.error(error);
    }
  }
});

async function invoke(channel: unknown, args: unknown): Promise<IpcResult<unknown>> {
  if (typeof channel !== 'string' || !CHANNELS.has(channel)) {
    return failure(
      'ipc.unknown_channel',
      `There is no desktop call named "${String(channel).slice(0, 60)}".`,
    );
  }
  const raw: unknown = await ipcRenderer.invoke(ELECTRON_INVOKE_CHANNEL, channel, args ?? {});
  return isResult(raw)
    ? raw
    : failure('ipc.bad_result', `${channel} answered with something this page cannot read.`);
}

const api: AgentDeskApi = {
  invoke: invoke as AgentDeskApi['invoke'],
  on(event, listener) {
    if (!EVENTS.has(event) || typeof listener !== 'function') return () => {};
    const set = listeners.get(event) ?? new Set<Listener>();
    set.add(listener as Listener);
    listeners.set(event, set);
    return () => set.delete(listener as Listener);
  },
};

contextBridge.exposeInMainWorld('agentDesk', api);
