import type {
  AgentDeskApi,
  ChannelArgs,
  ChannelResult,
  IpcChannel,
  IpcEvent,
  IpcResult,
} from '../../../src/shared/ipc';

type Handler = (args: unknown) => IpcResult<unknown> | Promise<IpcResult<unknown>>;

/**
 * A stand-in for the desktop core in component tests: handlers per channel, a log of
 * every call, and `emit` to push host events.
 */
export class FakeHost implements AgentDeskApi {
  readonly calls: Array<{ channel: string; args: unknown }> = [];
  private readonly handlers = new Map<string, Handler>();
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();

  handle<C extends IpcChannel>(
    channel: C,
    handler: (args: ChannelArgs<C>) => IpcResult<ChannelResult<C>> | Promise<IpcResult<ChannelResult<C>>>,
  ): this {
    this.handlers.set(channel, handler as Handler);
    return this;
  }

  async invoke<C extends IpcChannel>(channel: C, args: ChannelArgs<C>): Promise<IpcResult<ChannelResult<C>>> {
    this.calls.push({ channel, args });
    const handler = this.handlers.get(channel);
    if (!handler)
      return { ok: false, error: { code: 'ipc.unknown_channel', message: `no fake for ${channel}` } };
    return (await handler(args)) as IpcResult<ChannelResult<C>>;
  }

  on<E extends IpcEvent>(event: E, listener: (payload: never) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener as (payload: unknown) => void);
    this.listeners.set(event, set);
    return () => set.delete(listener as (payload: unknown) => void);
  }

  emit(event: IpcEvent, payload: unknown): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }

  callsTo(channel: IpcChannel): unknown[] {
    return this.calls.filter((c) => c.channel === channel).map((c) => c.args);
  }
}

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
