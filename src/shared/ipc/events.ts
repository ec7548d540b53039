import { z } from 'zod';
import {
  connectionStateSchema,
  dueSoonItemSchema,
  rejectionSchema,
  sessionStateSchema,
  syncProgressSchema,
} from './views';
import { supervisorSnapshotViewSchema, supervisorStatusSchema } from './supervisor-views';
import { deskCallEventSchema } from '../telephony/desk-events';

/** Everything the host pushes to the renderer, with the schema of each payload. */
export const IPC_EVENTS = {
  connection: connectionStateSchema,
  session: sessionStateSchema,
  syncProgress: syncProgressSchema,
  /** Rows changed (pull, local change, rebase): re-query what is on screen. */
  dataChanged: z.object({ tables: z.array(z.string()) }),
  mutationRejected: rejectionSchema,
  lock: z.object({ locked: z.boolean() }),
  /** Callbacks on my list that just became at risk, due today or overdue; dueCount drives the badge. */
  dueSoon: z.object({ items: z.array(dueSoonItemSchema), dueCount: z.number().int().min(0) }),
  /** Supervisor view (leads): a newer board/roster/charts snapshot, and the live link's state. */
  supervisorSnapshot: supervisorSnapshotViewSchema,
  supervisorStatus: supervisorStatusSchema,
  /** A call of this agent (docs/telephony.md): offered (screen pop), progress, answered, ended. */
  telephonyCall: deskCallEventSchema,
} as const;

export type IpcEvents = typeof IPC_EVENTS;
export type IpcEvent = keyof IpcEvents;
export type EventPayload<E extends IpcEvent> = z.output<IpcEvents[E]>;

export const IPC_EVENT_NAMES = Object.keys(IPC_EVENTS) as IpcEvent[];

export function isIpcEvent(name: unknown): name is IpcEvent {
  return typeof name === 'string' && Object.hasOwn(IPC_EVENTS, name);
}
