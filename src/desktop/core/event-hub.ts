import type { EventPayload, IpcEvent } from '../../shared/ipc/events';

type Listener<E extends IpcEvent> = (payload: EventPayload<E>) => void;

/** The core's typed events (the same names and payloads the renderer subscribes to). */
export class EventHub {
  private readonly listeners = new Map<IpcEvent, Set<Listener<IpcEvent>>>();
  private readonly any = new Set<(event: IpcEvent, payload: unknown) => void>();

  on<E extends IpcEvent>(event: E, listener: Listener<E>): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener as Listener<IpcEvent>);
    this.listeners.set(event, set);
    return () => set.delete(listener as Listener<IpcEvent>);
  }

  /** Every event (hosts forward them all to the renderer). */
  onAny(listener: (event: IpcEvent, payload: unknown) => void): () => void {
    this.any.add(listener);
    return () => this.any.delete(listener);
  }

  emit<E extends IpcEvent>(event: E, payload: EventPayload<E>): void {
    for (const l of this.listeners.get(event) ?? []) safely(() => l(payload));
    for (const l of this.any) safely(() => l(event, payload));
  }
}

function safely(run: () => void): void {
  try {
    run();
  } catch {
    // A listener's bug must not stop the others or the sync loop.
  }
}
