import { z } from 'zod';
import { domainErrorSchema } from '../domain/error-schema';
import type { DomainError } from '../domain/result';

/**
 * Every IPC call answers with a Result, never a thrown error: a rejected promise
 * across contextBridge loses its code, and the renderer must always have a
 * sentence to show.
 */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: DomainError };

export function ipcResultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: domainErrorSchema }),
  ]);
}

/** Error codes the IPC layer itself produces (handlers add domain codes such as `callback.already_claimed`). */
export const IPC_ERROR_CODES = {
  unknownChannel: 'ipc.unknown_channel',
  badArgs: 'ipc.bad_args',
  badResult: 'ipc.bad_result',
  locked: 'session.locked',
  notSignedIn: 'session.not_signed_in',
  failed: 'ipc.failed',
  disconnected: 'ipc.disconnected',
} as const;
