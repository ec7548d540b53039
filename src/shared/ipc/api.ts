import type { ChannelArgs, ChannelResult, IpcChannel } from './channels';
import type { EventPayload, IpcEvent } from './events';
import type { IpcResult } from './result';

/**
 * `window.agentDesk`: the only thing the renderer can reach. The Electron preload
 * and the browser host's bridge script both implement it, so the renderer does
 * not know (or care) which host it runs under.
 */
export interface AgentDeskApi {
  invoke<C extends IpcChannel>(channel: C, args: ChannelArgs<C>): Promise<IpcResult<ChannelResult<C>>>;
  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends IpcEvent>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** The Electron ipc channels the preload and main use to carry the API (two, multiplexed). */
export const ELECTRON_INVOKE_CHANNEL = 'agent-desk:invoke';
export const ELECTRON_EVENT_CHANNEL = 'agent-desk:event';

/** The browser host's WebSocket messages. */
export type BridgeClientMessage =
  { type: 'hello'; secret: string } | { type: 'invoke'; id: number; channel: string; args: unknown };

export type BridgeServerMessage =
  | { type: 'ready' }
  | { type: 'result'; id: number; result: IpcResult<unknown> }
  | { type: 'event'; event: string; payload: unknown };
